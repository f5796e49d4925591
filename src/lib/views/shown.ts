/** The figures an indicator page shows (headlines, charts, map and table), for its "figures shown" download. */
import type { Figure } from "../../schemas/figure.ts";
import { INDICATOR_CSV_COLUMNS } from "../../schemas/figure.ts";
import { csvText } from "../csv.ts";
import type { IndicatorPageModel } from "./indicatorPage.ts";
import { mapSlice } from "./select.ts";

export const FULL_TABLE_LIMIT = 250;

export function figuresShown(page: IndicatorPageModel, figures: Figure[]): Figure[] {
  const ids = new Set<string>();
  const add = (fs: Figure[]) => fs.forEach((f) => ids.add(f.figure_id));
  for (const h of [page.lead, ...page.others]) if (h) add([h.figure, ...(h.upper ? [h.upper] : []), ...(h.change ? [h.change.from] : [])]);
  for (const s of page.trend?.series ?? []) add(s.points.map((p) => p.figure));
  for (const g of page.breakdowns) add(g.bars.map((b) => b.figure));
  const level = page.mapLevels[0]?.level;
  if (level && page.mapRule) add(mapSlice(figures, level, page.mapRule.measure, page.mapRule)?.figures ?? []);
  add(figures.length <= FULL_TABLE_LIMIT ? figures : figures.filter((f) => f.geography_level === "country"));
  return figures.filter((f) => ids.has(f.figure_id));
}

/** The figures as CSV with the indicator file's columns. */
export function figuresCsv(figures: Figure[]): string {
  const cell = (f: Figure, c: (typeof INDICATOR_CSV_COLUMNS)[number]) => (c === "value" ? f.value_text : String(f[c] ?? ""));
  return csvText([[...INDICATOR_CSV_COLUMNS], ...figures.map((f) => INDICATOR_CSV_COLUMNS.map((c) => cell(f, c)))]);
}
