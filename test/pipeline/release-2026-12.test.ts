/**
 * Release 2026-12 on the real data: the changelog's counts match a recomputation from the two snapshots (the kept
 * 2026-11 record and the 2026-12 record that `npm run release:snapshot` writes), the revisions that arrived as new
 * vintages are listed as revised with both values and sources, and the new indicators build with the headlines their
 * rules declare. Runs the real pipeline and the real snapshot script in a temporary folder.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPipeline } from "../../scripts/pipeline/run.ts";
import type { Figure } from "../../src/schemas/figure.ts";
import { readFigures } from "../../src/data/site.ts";
import { SiteRegistry } from "../../src/schemas/site.ts";
import { indicatorPage, type PageContext } from "../../src/lib/views/indicatorPage.ts";
import { headlineValueText, matchesRule } from "../../src/lib/views/headline.ts";
import { shownValues } from "../../src/lib/views/select.ts";
import { ROOT } from "../browser/build.ts";

const tmp = mkdtempSync(join(tmpdir(), "daw-release-"));
const out = join(tmp, "data");
const releases = join(tmp, "releases");
let registry: SiteRegistry;
let figures: Figure[];
let ctx: PageContext;
const fresh = join(tmp, "fresh-releases");
let snapshotRun: ReturnType<typeof spawnSync>;

beforeAll(() => {
  cpSync(join(ROOT, "data", "releases"), releases, { recursive: true });
  // With the committed record of 2026-12 in place, the build itself refuses any change to its figures.
  runPipeline({ sourcesDir: join(ROOT, "data", "sources"), referenceDir: join(ROOT, "data", "reference"), releasesDir: releases, outDir: out });
  // The record as npm run release:snapshot writes it from this build, into a folder that does not have it yet.
  cpSync(releases, fresh, { recursive: true, filter: (src) => !src.endsWith("2026-12.csv") });
  registry = SiteRegistry.parse(JSON.parse(readFileSync(join(out, "site", "registry.json"), "utf8")));
  ({ figures } = readFigures(out));
  const shown = shownValues(figures);
  ctx = { figureById: new Map(figures.map((f) => [f.figure_id, f])), groupOrder: registry.breakdown_groups, derivations: registry.derivations, shownInArea: (l, c) => shown.filter((f) => f.geography_level === l && f.area_code === c) };
  snapshotRun = spawnSync(process.execPath, [join(ROOT, "scripts", "release-snapshot.ts"), "--data", out, "--releases", fresh], { cwd: ROOT, encoding: "utf8" });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const csv = (p: string) => csvParse(readFileSync(p, "utf8"));

describe("release 2026-12", () => {
  it("gives the same figure ids, values and statuses as the committed record of release 2026-12", () => {
    expect(snapshotRun.status, String(snapshotRun.stderr)).toBe(0);
    expect(String(snapshotRun.stdout)).toMatch(/figures of release 2026-12 written to/);
    const key = (r: Record<string, string | undefined>) => [r.figure_id, r.indicator_id, r.value, r.status, r.source_id, r.preferred_figure_id].join("|");
    const committed = csv(join(ROOT, "data", "releases", "2026-12.csv"));
    expect(committed.length).toBeGreaterThan(30000);
    expect(csv(join(fresh, "2026-12.csv")).map(key)).toEqual(committed.map(key));
    expect(readFileSync(join(fresh, "2026-12.csv"), "utf8")).toBe(readFileSync(join(ROOT, "data", "releases", "2026-12.csv"), "utf8"));
  });

  it("is recorded by npm run release:snapshot, which refuses to rewrite it with other figures", () => {
    const again = spawnSync(process.execPath, [join(ROOT, "scripts", "release-snapshot.ts"), "--data", out, "--releases", releases], { cwd: ROOT, encoding: "utf8" });
    expect([again.status, again.stdout]).toEqual([0, expect.stringMatching(/already records these \d+ figures/)]);
    const other = join(tmp, "other-releases");
    cpSync(releases, other, { recursive: true });
    const path = join(other, "2026-12.csv");
    writeFileSync(path, readFileSync(path, "utf8").replace(/,1017,published,/, ",1018,published,"));
    const refused = spawnSync(process.execPath, [join(ROOT, "scripts", "release-snapshot.ts"), "--data", out, "--releases", other], { cwd: ROOT, encoding: "utf8" });
    expect([refused.status, refused.stderr]).toEqual([1, expect.stringMatching(/already records release 2026-12 with other figures; a published release is never rewritten/)]);
  });

  it("has changelog counts that match a recomputation from the two snapshots", () => {
    const before = new Map(csv(join(releases, "2026-11.csv")).map((r) => [r.figure_id!, r]));
    const after = new Map(csv(join(releases, "2026-12.csv")).map((r) => [r.figure_id!, r]));
    // Recomputed here from the two files alone: gone, changed in place, or new (a new figure that an old one now gives
    // way to with another value is a revision of it; any other new figure is an addition).
    const gone = [...before.keys()].filter((id) => !after.has(id));
    const inPlace = [...before.keys()].filter((id) => after.has(id) && (after.get(id)!.value !== before.get(id)!.value || after.get(id)!.status !== before.get(id)!.status));
    const revising = new Set(
      [...before.keys()].flatMap((id) => {
        const by = after.get(id)?.preferred_figure_id ?? "";
        return by !== "" && !before.has(by) && after.get(by)!.value !== before.get(id)!.value ? [by] : [];
      }),
    );
    const fresh = [...after.keys()].filter((id) => !before.has(id) && !revising.has(id));
    const log = csv(join(out, "CHANGELOG.csv")).filter((c) => c.release_id === "2026-12");
    const count = (k: string) => log.filter((c) => c.change === k).length;
    expect({ added: count("added"), revised: count("revised"), removed: count("removed") }).toEqual({ added: fresh.length, revised: inPlace.length + revising.size, removed: gone.length });
    const entry = registry.releases.find((r) => r.id === "2026-12")!;
    expect([entry.added, entry.revised, entry.removed]).toEqual([fresh.length, inPlace.length + revising.size, gone.length]);
    expect(readFileSync(join(out, "CHANGELOG.md"), "utf8")).toContain(`Compared with release 2026-11: ${fresh.length} figures added, ${inPlace.length + revising.size} revised, ${gone.length} removed.`);
    // The 230 new source rows of ../shared/data/README.md: the published additions plus the revisions in new vintages.
    expect(fresh.filter((id) => id.startsWith("f-")).length + revising.size).toBe(230);
  });

  it("lists the revisions in new vintages as revised against the figures they replace, with both values and sources", () => {
    const revised = csv(join(out, "CHANGELOG.csv")).filter((c) => c.release_id === "2026-12" && c.change === "revised");
    const byId = new Map(figures.map((f) => [f.figure_id, f]));
    expect(revised.map((c) => [byId.get(c.figure_id!)!.measure, byId.get(c.figure_id!)!.period, c.old_value, c.old_source_id, c.new_value, c.new_source_id]).sort()).toEqual(
      [
        ["people_started_first_treatment", "2020-01-01/2020-03-31", "9267", "S07", "9740", "S46"],
        ["started_treatment_within_3_weeks", "2020-01-01/2020-03-31", "94.7", "S07", "94.4", "S46"],
        ["started_treatment_within_3_weeks", "2023-10-01/2023-12-31", "90.5", "S10", "90.6", "S47"],
      ].sort(),
    );
    for (const c of revised) {
      const [now, old] = [byId.get(c.figure_id!)!, byId.get(c.old_figure_id!)!];
      expect([now.marker, now.preferred, old.preferred, old.preferred_figure_id]).toEqual(["[r]", true, false, now.figure_id]);
      expect([old.measure, old.period, old.area_code, old.breakdown_value]).toEqual([now.measure, now.period, now.area_code, now.breakdown_value]);
    }
  });

  it("builds every new indicator with the headline its rule declares", () => {
    const entry = registry.releases.find((r) => r.id === "2026-12")!;
    expect(entry.new_indicators.length).toBe(20);
    const lead = (id: string) => {
      const ind = registry.indicators.find((i) => i.id === id)!;
      const page = indicatorPage(ind, figures.filter((f) => f.indicator_id === id), ctx);
      return { ind, page, text: page.lead ? headlineValueText(page.lead, ind.precision) : "" };
    };
    for (const id of entry.new_indicators) {
      const { ind, page } = lead(id);
      expect(page.lead, id).toBeDefined();
      expect(ind.headline_rules.some((r) => matchesRule(r, page.lead!.figure)), id).toBe(true);
      expect(page.lead!.figure.value, id).not.toBeNull();
    }
    const caseload = lead("scotland-caseload-per-frontline-wte");
    expect([caseload.text, caseload.page.lead!.kind, caseload.page.lead!.figure.breakdown_value]).toEqual(["46", "median", "Health and social care partnership"]);
    expect(lead("scotland-sickness-absence").text).toBe("34 days");
    const estimate = lead("scotland-workforce-estimate-by-method");
    expect([estimate.text, estimate.page.lead!.figure.qualifier]).toEqual(["in the region of 3,500 WTE", "in the region of"]);
    expect(lead("england-adults-in-treatment").page.lead!.figure.period).toBe("2024/25");
  });

  it("moves the existing headlines to the newest figures by the rules alone", () => {
    const at = (id: string) => {
      const ind = registry.indicators.find((i) => i.id === id)!;
      const page = indicatorPage(ind, figures.filter((f) => f.indicator_id === id), ctx);
      return [headlineValueText(page.lead!, ind.precision), page.lead!.figure.period, page.others.map((o) => [o.figure.area_code, o.figure.period])];
    };
    expect(at("scotland-drug-misuse-deaths").slice(0, 2)).toEqual(["1,017", "2024"]);
    expect(at("scotland-alcohol-specific-deaths").slice(0, 2)).toEqual(["1,277", "2023"]);
    expect(at("uk-alcohol-specific-deaths").slice(0, 2)).toEqual(["10,048", "2022"]);
    // England's own 2023 figure is not in the sources: England leads with 2022, England and Wales 2023 beside it.
    const poisoning = at("england-drug-poisoning-deaths");
    expect(poisoning[1]).toBe("2022");
    expect(poisoning[2]).toContainEqual(["K04000001", "2023"]);
    // The single-year rates never lead the five-year average pages.
    expect(at("scotland-alcohol-specific-death-rate")[1]).toBe("2018-2022");
    expect(at("scotland-drug-misuse-death-rate")[1]).toBe("2019-2023");
  });
});
