/**
 * Choosing which figures a view shows: the shown values of an indicator, a default measure and
 * breakdown, trend series and the latest map slice. Pure functions over Figure records.
 */
import type { Figure } from "../../schemas/figure.ts";
import { parsePeriod, periodMidpoint, type PeriodKind } from "../periods.ts";
import { compareText } from "../text.ts";

/** Figures shown on the site for an indicator's values (not superseded, not CI bounds). */
export function shownValues(figures: Figure[]): Figure[] {
  return figures.filter((f) => f.preferred && f.role === "value");
}

export interface Breakdown {
  type: string;
  value: string;
}
export const breakdownKey = (b: Breakdown) => `${b.type}\u001f${b.value}`;

const PREFERRED_BREAKDOWNS: Breakdown[] = [
  { type: "total", value: "all" },
  { type: "sex", value: "Persons" },
];

/** The breakdown a summary uses: the total, else all persons, else the most common breakdown among the figures. */
export function defaultBreakdown(figures: Figure[]): Breakdown | undefined {
  for (const b of PREFERRED_BREAKDOWNS) if (figures.some((f) => f.breakdown_type === b.type && f.breakdown_value === b.value)) return b;
  const counts = new Map<string, { b: Breakdown; n: number }>();
  for (const f of figures) {
    const b = { type: f.breakdown_type, value: f.breakdown_value };
    const c = counts.get(breakdownKey(b));
    if (c) c.n++;
    else counts.set(breakdownKey(b), { b, n: 1 });
  }
  return [...counts.values()].sort((x, y) => y.n - x.n || compareText(breakdownKey(x.b), breakdownKey(y.b)))[0]?.b;
}

/** The first measure (in registry order) that has shown figures matching `keep`. */
export function primaryMeasure(measures: { measure: string; role: string }[], figures: Figure[], keep: (f: Figure) => boolean = () => true): string | undefined {
  return measures.find((m) => m.role === "value" && figures.some((f) => f.measure === m.measure && keep(f)))?.measure;
}

export interface TrendPoint {
  figure: Figure;
  date: string;
  value: number;
  lower?: number;
  upper?: number;
}

export interface TrendSeries {
  areaCode: string;
  label: string;
  kind: PeriodKind;
  points: TrendPoint[];
}

/**
 * Time series of one measure and breakdown for each given area. Only periods of one kind are joined
 * (the kind most figures have), so "2021" and "1 November 2021" are never drawn as two points of a line.
 * Confidence bounds are attached from the indicator's lower/upper figures with the same key.
 */
export function trendSeries(figures: Figure[], opts: { measure: string; breakdown: Breakdown; areaCodes: string[]; bounds?: Figure[] }): TrendSeries[] {
  const boundsByKey = new Map<string, Figure>();
  for (const b of opts.bounds ?? []) boundsByKey.set(`${b.role}\u001f${b.area_code}\u001f${b.period}\u001f${b.breakdown_type}\u001f${b.breakdown_value}`, b);
  const out: TrendSeries[] = [];
  for (const code of opts.areaCodes) {
    const pts = figures.filter(
      (f) => f.preferred && f.role === "value" && f.area_code === code && f.measure === opts.measure && f.breakdown_type === opts.breakdown.type && f.breakdown_value === opts.breakdown.value && f.value !== null,
    );
    const kinds = new Map<PeriodKind, Figure[]>();
    for (const f of pts) {
      const p = parsePeriod(f.period);
      if (!p) continue;
      kinds.set(p.kind, [...(kinds.get(p.kind) ?? []), f]);
    }
    const [kind, chosen] = [...kinds.entries()].sort((a, b) => b[1].length - a[1].length || compareText(a[0], b[0]))[0] ?? [];
    if (!kind || !chosen || chosen.length < 2) continue;
    const bound = (role: string, f: Figure) => boundsByKey.get(`${role}\u001f${f.area_code}\u001f${f.period}\u001f${f.breakdown_type}\u001f${f.breakdown_value}`)?.value ?? undefined;
    const points = chosen
      .map((f) => ({ figure: f, date: periodMidpoint(f.period_start, f.period_end), value: f.value!, lower: bound("lower_95ci", f) ?? undefined, upper: bound("upper_95ci", f) ?? undefined }))
      .sort((a, b) => compareText(a.date, b.date));
    out.push({ areaCode: code, label: chosen[0]!.area_label, kind, points: points.map((p) => (p.lower === undefined || p.upper === undefined ? { figure: p.figure, date: p.date, value: p.value } : p)) });
  }
  return out;
}

/** The middle of a figure's period, or "" for undated periods (which sort first). */
export function when(f: Figure): string {
  return f.period_start ? periodMidpoint(f.period_start, f.period_end) : "";
}

/**
 * The figures for a map of one level: one measure and breakdown at the period with the most areas
 * (the latest such period on a tie). Returns undefined when the level has no figures.
 */
export function mapSlice(figures: Figure[], level: string, measure: string, breakdown: Breakdown, period?: string): { period: string; figures: Figure[] } | undefined {
  const byPeriod = periodsAt(figures, level, measure, breakdown);
  if (period !== undefined) {
    const fs = byPeriod.get(period);
    return fs ? { period, figures: fs } : undefined;
  }
  const best = [...byPeriod.entries()].sort((a, b) => b[1].length - a[1].length || compareText(when(b[1][0]!), when(a[1][0]!)) || compareText(b[0], a[0]))[0];
  return best ? { period: best[0], figures: best[1] } : undefined;
}

function periodsAt(figures: Figure[], level: string, measure: string, breakdown: Breakdown): Map<string, Figure[]> {
  const byPeriod = new Map<string, Figure[]>();
  for (const f of figures) {
    if (!(f.preferred && f.role === "value" && f.geography_level === level && f.measure === measure && f.breakdown_type === breakdown.type && f.breakdown_value === breakdown.value)) continue;
    const list = byPeriod.get(f.period);
    if (list) list.push(f);
    else byPeriod.set(f.period, [f]);
  }
  return byPeriod;
}

/** The periods a map of one level could show, oldest first, each with the number of areas with a figure. */
export function mapPeriods(figures: Figure[], level: string, measure: string, breakdown: Breakdown): { period: string; areas: number }[] {
  return [...periodsAt(figures, level, measure, breakdown).entries()]
    .sort((a, b) => compareText(when(a[1][0]!), when(b[1][0]!)) || compareText(a[0], b[0]))
    .map(([period, fs]) => ({ period, areas: fs.filter((f) => f.value !== null).length }));
}

/** Latest shown figure (by period middle, then label) among candidates. */
export function latest(figures: Figure[]): Figure | undefined {
  return [...figures].sort((a, b) => compareText(when(a), when(b)) || compareText(a.period, b.period)).at(-1);
}
