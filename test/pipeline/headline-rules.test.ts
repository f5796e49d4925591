/**
 * The headline rule of every real indicator leads with a published or derived figure with a number, and the pages the
 * issue named lead with the figure a reader should quote. Runs the real pipeline in a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPipeline } from "../../scripts/pipeline/run.ts";
import type { Figure } from "../../src/schemas/figure.ts";
import { readFigures } from "../../src/data/site.ts";
import { SiteRegistry } from "../../src/schemas/site.ts";
import { indicatorPage, type PageContext } from "../../src/lib/views/indicatorPage.ts";
import { headlineAt, headlineValueText } from "../../src/lib/views/headline.ts";
import { shownValues } from "../../src/lib/views/select.ts";
import { ROOT } from "../browser/build.ts";

const tmp = mkdtempSync(join(tmpdir(), "daw-headlines-"));
let registry: SiteRegistry;
let byIndicator: Map<string, Figure[]>;
let ctx: PageContext;

beforeAll(() => {
  const out = join(tmp, "data");
  runPipeline({ sourcesDir: join(ROOT, "data", "sources"), referenceDir: join(ROOT, "data", "reference"), releasesDir: join(ROOT, "data", "releases"), outDir: out });
  registry = SiteRegistry.parse(JSON.parse(readFileSync(join(out, "site", "registry.json"), "utf8")));
  const { figures } = readFigures(out);
  byIndicator = new Map();
  for (const f of figures) byIndicator.set(f.indicator_id, [...(byIndicator.get(f.indicator_id) ?? []), f]);
  const figureById = new Map(figures.map((f) => [f.figure_id, f]));
  const shown = shownValues(figures);
  ctx = { figureById, groupOrder: registry.breakdown_groups, derivations: registry.derivations, shownInArea: (level, code) => shown.filter((f) => f.geography_level === level && f.area_code === code) };
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lead = (id: string) => {
  const ind = registry.indicators.find((i) => i.id === id)!;
  const page = indicatorPage(ind, byIndicator.get(id) ?? [], ctx);
  return { ind, page, text: page.lead ? headlineValueText(page.lead, ind.precision) : "" };
};

describe("headline rules on the real data", () => {
  it("give every indicator a figure with a number to lead with, nationally or, where there is no national figure, in an area", () => {
    const without: string[] = [];
    for (const ind of registry.indicators) {
      expect(ind.headline_rules.length, ind.id).toBeGreaterThan(0);
      const values = shownValues(byIndicator.get(ind.id) ?? []);
      const page = indicatorPage(ind, byIndicator.get(ind.id) ?? [], ctx);
      const anywhere = [...new Set(values.map((f) => `${f.geography_level}|${f.area_code}`))].some((k) => headlineAt(ind.headline_rules, values.filter((f) => `${f.geography_level}|${f.area_code}` === k), ind.unit)?.figure.value != null);
      if (!(page.lead?.figure.value != null || anywhere)) without.push(ind.id);
    }
    expect(without).toEqual([]);
  });

  it("lead England's workforce with the 2024 total, not a sub-group or an earlier year", () => {
    const { page, text } = lead("england-workforce-wte");
    expect(text).toBe("14,121 WTE");
    expect(page.lead!.figure.period).toBe("2024");
    expect(page.lead!.breaks).toHaveLength(1);
  });

  it("lead England's vacancy rate with the delivery workforce, and its sector shares with the voluntary sector in 2024", () => {
    expect(lead("england-workforce-vacancy-rate").page.lead!.figure.breakdown_value).toBe("delivery workforce (inferred)");
    const sector = lead("england-workforce-share-by-sector");
    expect([sector.text, sector.page.lead!.figure.period, sector.page.lead!.figure.breakdown_value]).toEqual(["86%", "2024", "voluntary"]);
  });

  it("lead the ADP-reported workforce with the median, and Scotland's estimate with both ends of its range", () => {
    expect(lead("scotland-adp-reported-workforce").text).toBe("52.4 WTE");
    expect(lead("scotland-workforce-estimated-total").text).toBe("3,288 to 3,768 WTE");
  });

  it("show each role once in the Scottish vacancy chart, with the conflict recorded beside consultant psychologists", () => {
    const roles = lead("scotland-workforce-vacancy-rate").page.breakdowns.find((g) => g.type === "role")!;
    const labels = roles.bars.map((b) => b.label);
    expect(new Set(labels).size).toBe(labels.length);
    const psych = roles.bars.find((b) => b.label === "Consultant psychologists")!;
    expect(psych.figure.value).toBe(18.18);
    expect(psych.notes).toHaveLength(1);
    expect(roles.footnotes[psych.notes[0]! - 1]).toMatch(/22\.7%/);
  });
});
