/** Areas by period: one measure and breakdown for every area of a level over the latest periods (pure). */
import type { Figure } from "../../schemas/figure.ts";
import { compareText } from "../text.ts";
import { when, type Breakdown } from "./select.ts";

export interface AreaTimeTable {
  periods: string[];
  rows: { code: string; name: string; cells: (Figure | undefined)[] }[];
}

export function areaTimeTable(figures: Figure[], level: string, measure: string, breakdown: Breakdown, lastPeriods: number): AreaTimeTable {
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
  return { periods, rows: [...byArea.values()].sort((a, b) => compareText(a.name, b.name)) };
}
