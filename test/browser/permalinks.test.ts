/**
 * Old links keep working: every figure permalink of release 2026-11 (data/releases/2026-11.csv) still resolves to its
 * figure's page and anchor in this build, or the changelog lists the figure as removed with a reason (and, where a
 * figure is shown in its place, that figure's row carries the old id, so the old link lands on it).
 *
 * Every permalink is checked in the built HTML (31,999 of them; one read per page); a sample (one per indicator, and
 * every revised or removed figure) is opened in Chromium to see that the browser scrolls to a table row.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, inject, it } from "vitest";
import { paths } from "../../src/lib/routes.ts";
import { ROOT } from "./build.ts";
import { newPage, useBrowser } from "./browser.ts";

const dist = inject("distDir");
const base = inject("baseUrl");
const browser = useBrowser();

const PREVIOUS = "2026-11";
const previous = csvParse(readFileSync(join(ROOT, "data", "releases", `${PREVIOUS}.csv`), "utf8"));
const figures = new Map(csvParse(readFileSync(join(dist, "data", "figures.csv"), "utf8")).map((f) => [f.figure_id!, f]));
const changelog = csvParse(readFileSync(join(dist, "data", "CHANGELOG.csv"), "utf8"));
const registry = JSON.parse(readFileSync(join(dist, "data", "site", "registry.json"), "utf8")) as { release: { id: string }; releases: { id: string; removed_figures: { figure_id: string; replaced_by: string }[] }[] };
const current = registry.release.id;
const removed = new Map(changelog.filter((c) => c.release_id === current && c.change === "removed").map((c) => [c.figure_id!, c]));
const replacedBy = new Map((registry.releases.find((r) => r.id === current)?.removed_figures ?? []).map((r) => [r.figure_id, r.replaced_by]));

/** The permalink of a figure of this build, e.g. indicators/x/council-areas/S12000049/#f-…, with the old id as anchor. */
function permalink(id: string): { page: string; anchor: string } | undefined {
  const f = figures.get(id);
  if (!f) return undefined;
  const [page, anchor] = paths.figure({ figure_id: id, indicator_id: f.indicator_id!, geography_level: f.geography_level!, area_code: f.area_code! }).split("#");
  return { page: page!, anchor: anchor! };
}

const rowIds = new Map<string, Map<string, string>>();
/** Each element id on a built page, with the tag it is on. */
function idsOn(page: string): Map<string, string> | undefined {
  const cached = rowIds.get(page);
  if (cached) return cached;
  const file = join(dist, page, "index.html");
  if (!existsSync(file)) return undefined;
  const ids = new Map([...readFileSync(file, "utf8").matchAll(/<(\w+)[^>]*\sid="([^"]+)"/g)].map((m) => [m[2]!, m[1]!]));
  rowIds.set(page, ids);
  return ids;
}

describe(`every figure permalink of release ${PREVIOUS}`, () => {
  it("resolves to its figure's row on its page, or is listed as removed with a reason", () => {
    expect(previous.length).toBeGreaterThan(30000);
    const broken: string[] = [];
    let resolved = 0;
    for (const old of previous) {
      const id = old.figure_id!;
      const f = figures.get(id);
      if (f) {
        if (f.indicator_id !== old.indicator_id) {
          broken.push(`${id}: was under ${old.indicator_id}, now under ${f.indicator_id} (its permalink changed)`);
          continue;
        }
        const link = permalink(id)!;
        const tag = idsOn(link.page)?.get(link.anchor);
        if (tag === "tr") resolved++;
        else broken.push(`${id}: ${link.page}${tag ? ` has #${id} on a <${tag}>, not a table row` : idsOn(link.page) ? " has no such anchor" : " does not exist"}`);
        continue;
      }
      const r = removed.get(id);
      if (!r || r.reason!.trim() === "") {
        broken.push(`${id}: not in release ${current} and not listed as removed with a reason in CHANGELOG.csv`);
        continue;
      }
      const by = replacedBy.get(id) ?? "";
      if (by !== "") {
        const link = permalink(by);
        if (!link || !idsOn(link.page)?.has(id)) broken.push(`${id}: removed, but the page of ${by} (shown in its place) has no #${id}`);
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
    expect(resolved + removed.size).toBe(previous.length);
  });

  it("shows the figure's table row when opened in the browser (one per indicator, and every revised or removed figure)", async () => {
    const byIndicator = new Map<string, string>();
    for (const old of previous) if (!byIndicator.has(old.indicator_id!) && figures.has(old.figure_id!)) byIndicator.set(old.indicator_id!, old.figure_id!);
    const revisedOld = changelog.filter((c) => c.release_id === current && c.change === "revised" && c.old_figure_id !== c.figure_id).map((c) => c.old_figure_id!);
    expect(revisedOld.length).toBeGreaterThan(0);
    const visits: { url: string; id: string }[] = [
      ...[...byIndicator.values(), ...revisedOld].map((id) => ({ id, url: `${base}/${permalink(id)!.page}#${id}` })),
      ...[...removed.keys()].flatMap((id) => (replacedBy.get(id) ? [{ id, url: `${base}/${permalink(replacedBy.get(id)!)!.page}#${id}` }] : [])),
    ];
    const { context, page } = await newPage(browser());
    const failed: string[] = [];
    for (const v of visits) {
      await page.goto(v.url);
      const state = await page.evaluate((id) => {
        const el = document.getElementById(id);
        const row = el?.closest("tr");
        if (!el || !row) return "no row";
        const box = row.getBoundingClientRect();
        // The row is on screen (an anchor inside the row's first cell scrolls the row's top edge just above the top).
        return box.bottom > 0 && box.top < window.innerHeight ? "ok" : `row at ${Math.round(box.top)} to ${Math.round(box.bottom)} px, not on screen`;
      }, v.id);
      if (state !== "ok") failed.push(`${v.url}: ${state}`);
    }
    await context.close();
    expect(failed).toEqual([]);
    expect(visits.length).toBeGreaterThan(byIndicator.size);
  });
});
