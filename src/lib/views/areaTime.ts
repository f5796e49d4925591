/** Areas by period: one measure and breakdown for every area of a level over the latest periods (pure). */
import type { Figure } from "../../schemas/figure.ts";
import { compareText } from "../text.ts";
import { when, type Breakdown } from "./select.ts";
import { LEVEL_NATION, NATION_CODE, type GeographyLevel } from "../../schemas/vocabulary.ts";

export interface AreaTimeTable {
  periods: string[];
  rows: { code: string; name: string; cells: (Figure | undefined)[] }[];
  /** The nation's figures for the same measure, breakdown and periods: an unranked benchmark row, when published. */
  benchmark?: { code: string; name: string; cells: (Figure | undefined)[] };
}

export function areaTimeTable(figures: Figure[], level: GeographyLevel, measure: string, breakdown: Breakdown, lastPeriods: number): AreaTimeTable {
  const shown = figures.filter(
    (f) => f.preferred && f.role === "value" && f.geography_level === level && f.measure === measure && f.breakdown_type === breakdown.type && f.breakdown_value === breakdown.value,
  );
  const periodWhen = new Map<string, string>();
  for (const f of shown) periodWhen.set(f.period, when(f));
  const periods = [...periodWhen.keys()].sort((a, b) => compareText(periodWhen.get(a)!, periodWhen.get(b)!) || compareText(a, b)).slice(-lastPeriods);
  const byArea = new Map<string, { code: string; name: string; cells: (Figure | undefined)[] }>();
  for (const f of shown) {
    const i = periods.indexOf(f.period);
    if (i < 0) continue;
    let row = byArea.get(f.area_code);
    if (!row) byArea.set(f.area_code, (row = { code: f.area_code, name: f.area_label, cells: periods.map(() => undefined) }));
    row.cells[i] = f;
  }
  const nation = level === "country" ? undefined : NATION_CODE[LEVEL_NATION[level as Exclude<GeographyLevel, "country">]];
  const national = figures.filter(
    (f) => f.preferred && f.role === "value" && f.geography_level === "country" && f.area_code === nation && f.measure === measure && f.breakdown_type === breakdown.type && f.breakdown_value === breakdown.value,
  );
  const cells = periods.map((p) => national.find((f) => f.period === p));
  const rows = [...byArea.values()].sort((a, b) => compareText(a.name, b.name));
  return { periods, rows, ...(cells.some((c) => c) ? { benchmark: { code: nation!, name: national[0]!.area_label, cells } } : {}) };
}
