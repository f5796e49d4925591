/** The figures an indicator page shows (headlines, charts, map and table), for its "figures shown" download. */
import type { Figure } from "../../schemas/figure.ts";
import { INDICATOR_CSV_COLUMNS } from "../../schemas/figure.ts";
import { csvText } from "../csv.ts";
import type { IndicatorPageModel } from "./indicatorPage.ts";
import { mapSlice } from "./select.ts";

/**
 * The most rows an indicator page's own table has. Above it the page shows the national figures, and above it again
 * the latest national figure of each series; every figure is always on the page of its area (its permalink,
 * `paths.figure`), listed under "Figures by area". An every-figure table row is about a dozen elements, so this
 * keeps the heaviest indicator page, with its charts and a map of 150 areas, under 3,000 elements.
 */
export const FULL_TABLE_LIMIT = 60;

export interface TableChoice {
  kind: "every" | "national" | "latest-national";
  figures: Figure[];
}

/** Which figures an indicator page's table lists (see FULL_TABLE_LIMIT). */
export function indicatorTable(figures: Figure[]): TableChoice {
  if (figures.length <= FULL_TABLE_LIMIT) return { kind: "every", figures };
  const national = figures.filter((f) => f.geography_level === "country");
  if (national.length <= FULL_TABLE_LIMIT) return { kind: "national", figures: national };
  // The latest shown figure of each national series (area, measure, breakdown, role), by the end of its period.
  const latest = new Map<string, Figure>();
  for (const f of national) {
    if (!f.preferred) continue;
    const key = [f.area_code, f.measure, f.breakdown_type, f.breakdown_value, f.role].join("|");
    const had = latest.get(key);
    if (!had || f.period_end > had.period_end || (f.period_end === had.period_end && f.period_start > had.period_start)) latest.set(key, f);
  }
  const ids = new Set([...latest.values()].map((f) => f.figure_id));
  return { kind: "latest-national", figures: national.filter((f) => ids.has(f.figure_id)) };
}

export function figuresShown(page: IndicatorPageModel, figures: Figure[]): Figure[] {
  const ids = new Set<string>();
  const add = (fs: Figure[]) => fs.forEach((f) => ids.add(f.figure_id));
  for (const h of [page.lead, ...page.others]) if (h) add([h.figure, ...(h.upper ? [h.upper] : []), ...(h.change ? [h.change.from] : [])]);
  for (const s of page.trend?.series ?? []) add(s.points.map((p) => p.figure));
  for (const g of page.breakdowns) add(g.bars.map((b) => b.figure));
  const level = page.mapLevels[0]?.level;
  if (level && page.mapRule) add(mapSlice(figures, level, page.mapRule.measure, page.mapRule)?.figures ?? []);
  add(indicatorTable(figures).figures);
  return figures.filter((f) => ids.has(f.figure_id));
}

/** The figures as CSV with the indicator file's columns. */
export function figuresCsv(figures: Figure[]): string {
  const cell = (f: Figure, c: (typeof INDICATOR_CSV_COLUMNS)[number]) => (c === "value" ? f.value_text : String(f[c] ?? ""));
  return csvText([[...INDICATOR_CSV_COLUMNS], ...figures.map((f) => INDICATOR_CSV_COLUMNS.map((c) => cell(f, c)))]);
}
