/** The figures an indicator page shows (headlines, charts, map and table), for its "figures shown" download. */
import type { Figure } from "../../schemas/figure.ts";
import { INDICATOR_CSV_COLUMNS } from "../../schemas/figure.ts";
import { csvText } from "../csv.ts";
import type { IndicatorView } from "./indicator.ts";
import { mapSlice } from "./select.ts";

export const FULL_TABLE_LIMIT = 250;

export function figuresShown(view: IndicatorView, figures: Figure[]): Figure[] {
  const ids = new Set<string>();
  const add = (fs: Figure[]) => fs.forEach((f) => ids.add(f.figure_id));
  add(view.headline);
  for (const s of view.series) add(s.points.map((p) => p.figure));
  for (const g of view.breakdownGroups) add(g.figures);
  const level = view.mapLevels[0]?.level;
  if (level && view.measure && view.breakdown) add(mapSlice(figures, level, view.measure, view.breakdown)?.figures ?? []);
  add(figures.length <= FULL_TABLE_LIMIT ? figures : figures.filter((f) => f.geography_level === "country"));
  return figures.filter((f) => ids.has(f.figure_id));
}

/** The figures as CSV with the indicator file's columns. */
export function figuresCsv(figures: Figure[]): string {
  const cell = (f: Figure, c: (typeof INDICATOR_CSV_COLUMNS)[number]) => (c === "value" ? f.value_text : String(f[c] ?? ""));
  return csvText([[...INDICATOR_CSV_COLUMNS], ...figures.map((f) => INDICATOR_CSV_COLUMNS.map((c) => cell(f, c)))]);
}
