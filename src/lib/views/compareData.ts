/**
 * The data the area comparison tool reads for one level (compare-areas/<level>.json): the areas with a profile, the
 * indicators with their headline rules, and the figures of each rule's last series at that level and for the nation,
 * for the latest COMPARE_PERIODS periods. Only the fields the comparison shows are kept. Pure.
 */
import type { Figure } from "../../schemas/figure.ts";
import { byTime } from "./headline.ts";
import { ruleFigures, type ComparableIndicator, type ShownAt } from "./compareAreas.ts";

/** Periods per indicator the tool can compare (the latest ones; older ones are on the indicator pages). */
export const COMPARE_PERIODS = 8;

export const COMPARE_FIELDS = ["figure_id", "indicator_id", "geography_level", "area_code", "area_label", "period", "period_start", "period_end", "measure", "breakdown_type", "breakdown_value", "breakdown_label", "value", "value_text", "unit", "status", "marker", "qualifier", "source_id", "source_publisher"] as const;
export type CompareFigure = Pick<Figure, (typeof COMPARE_FIELDS)[number]>;

export interface CompareData {
  level: string;
  nation: { code: string; name: string } | null;
  areas: { code: string; name: string }[];
  indicators: ComparableIndicator[];
  figures: CompareFigure[];
}

export function compareData(level: string, areas: { code: string; name: string }[], nation: { code: string; name: string } | undefined, indicators: ComparableIndicator[], shownAt: ShownAt): CompareData {
  const figures: CompareFigure[] = [];
  const used: ComparableIndicator[] = [];
  for (const ind of indicators) {
    const here = areas.flatMap((a) => ruleFigures(ind, shownAt(ind.id, level, a.code)));
    if (here.length === 0) continue;
    const periods = [...new Map(here.map((f) => [f.period, f])).values()].sort(byTime).slice(-COMPARE_PERIODS).map((f) => f.period);
    const keep = new Set(periods);
    const national = nation ? ruleFigures(ind, shownAt(ind.id, "country", nation.code)) : [];
    for (const f of [...here, ...national]) if (keep.has(f.period)) figures.push(Object.fromEntries(COMPARE_FIELDS.map((k) => [k, f[k]])) as CompareFigure);
    used.push({ id: ind.id, title: ind.title, short_title: ind.short_title, unit: ind.unit, precision: ind.precision, headline_rules: ind.headline_rules });
  }
  return { level, nation: nation ?? null, areas, indicators: used, figures };
}
