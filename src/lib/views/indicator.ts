/** Everything an indicator page shows, computed from its figures (pure). */
import type { Figure } from "../../schemas/figure.ts";
import { COUNTRY_ORDER, GEOGRAPHY_LEVELS, type GeographyLevel } from "../../schemas/vocabulary.ts";
import { compareText } from "../text.ts";
import { breakdownText } from "./table.ts";
import { breakdownKey, defaultBreakdown, latest, primaryMeasure, shownValues, trendSeries, type Breakdown, type TrendSeries } from "./select.ts";

export interface IndicatorLike {
  id: string;
  measures: { measure: string; role: string; label: string }[];
}

export interface AreaPageRef {
  level: GeographyLevel;
  code: string;
  label: string;
  count: number;
}

export interface IndicatorView {
  values: Figure[];
  measure: string | undefined;
  measureLabel: string;
  breakdown: Breakdown | undefined;
  /** Words naming the breakdown in titles, or "" when the measure has no other breakdown to tell it from. */
  breakdownLabel: string;
  /** One series per country with at least two dated figures of the main measure and breakdown. */
  series: TrendSeries[];
  /** Latest figure of the main measure and breakdown for each country. */
  headline: Figure[];
  /** Breakdowns of the main measure at the latest national period with several values, for bar charts. */
  breakdownGroups: { type: string; area: string; period: string; figures: Figure[] }[];
  /** Geography levels below country with shown figures of the main measure, most areas first. */
  mapLevels: { level: GeographyLevel; areas: number }[];
  /** One page per area with figures: every figure of the indicator for that area. */
  areaPages: AreaPageRef[];
  sourceIds: string[];
}

const levelIndex = (l: string) => (GEOGRAPHY_LEVELS as readonly string[]).indexOf(l);
export const MAX_BARS = 40;
/** Charts tell series apart by symbol and colour; there are five of each, so at most five series. */
export const MAX_SERIES = 5;
/** Nations before the aggregates that contain them, so a sixth series dropped is an aggregate (England and Wales). */
const countryRank = (code: string) => {
  const i = (COUNTRY_ORDER as readonly string[]).indexOf(code);
  return i < 0 ? COUNTRY_ORDER.length : i;
};

export function areaPagesOf(figures: Figure[]): AreaPageRef[] {
  const m = new Map<string, AreaPageRef>();
  for (const f of figures) {
    const k = `${f.geography_level}|${f.area_code}`;
    const e = m.get(k);
    if (e) e.count++;
    else m.set(k, { level: f.geography_level, code: f.area_code, label: f.area_label, count: 1 });
  }
  return [...m.values()].sort((a, b) => levelIndex(a.level) - levelIndex(b.level) || compareText(a.label, b.label));
}

export function indicatorView(ind: IndicatorLike, figures: Figure[]): IndicatorView {
  const values = shownValues(figures);
  const national = values.filter((f) => f.geography_level === "country");
  const measure = primaryMeasure(ind.measures, values, (f) => f.geography_level === "country") ?? primaryMeasure(ind.measures, values);
  const ofMeasure = values.filter((f) => f.measure === measure);
  const nationalOfMeasure = national.filter((f) => f.measure === measure);
  const breakdown = defaultBreakdown(nationalOfMeasure.length > 0 ? nationalOfMeasure : ofMeasure);
  const countryCodes = [...new Set(nationalOfMeasure.map((f) => f.area_code))].sort((a, b) => countryRank(a) - countryRank(b) || compareText(a, b));
  const bounds = figures.filter((f) => f.preferred && f.role !== "value");
  const series = measure && breakdown ? trendSeries(figures, { measure, breakdown, areaCodes: countryCodes, bounds }).slice(0, MAX_SERIES) : [];
  const headline = countryCodes.flatMap((code) => {
    const l = latest(nationalOfMeasure.filter((f) => f.area_code === code && breakdown && breakdownKey({ type: f.breakdown_type, value: f.breakdown_value }) === breakdownKey(breakdown)));
    return l ? [l] : [];
  });
  const breakdownGroups: IndicatorView["breakdownGroups"] = [];
  for (const code of countryCodes) {
    const split = nationalOfMeasure.filter((f) => f.area_code === code && f.breakdown_type !== "total" && f.breakdown_type !== breakdown?.type);
    const byTypePeriod = new Map<string, Figure[]>();
    for (const f of split) byTypePeriod.set(`${f.breakdown_type}\u001f${f.period}`, [...(byTypePeriod.get(`${f.breakdown_type}\u001f${f.period}`) ?? []), f]);
    const types = new Set(split.map((f) => f.breakdown_type));
    for (const type of [...types].sort()) {
      const groups = [...byTypePeriod.entries()].filter(([k]) => k.startsWith(`${type}\u001f`)).map(([, fs]) => fs);
      const newest = groups.sort((a, b) => compareText(latest(a)!.period_start, latest(b)!.period_start) || b.length - a.length).at(-1);
      if (newest && newest.length >= 2 && newest.length <= MAX_BARS) breakdownGroups.push({ type, area: newest[0]!.area_label, period: newest[0]!.period, figures: newest });
    }
  }
  const levels = new Map<GeographyLevel, Set<string>>();
  for (const f of ofMeasure) if (f.geography_level !== "country") levels.set(f.geography_level, (levels.get(f.geography_level) ?? new Set()).add(f.area_code));
  const mapLevels = [...levels.entries()].map(([level, s]) => ({ level, areas: s.size })).sort((a, b) => b.areas - a.areas || levelIndex(a.level) - levelIndex(b.level));
  return {
    values,
    measure,
    measureLabel: ind.measures.find((m) => m.measure === measure)?.label ?? "",
    breakdown,
    breakdownLabel: breakdown && new Set(ofMeasure.map((f) => `${f.breakdown_type}|${f.breakdown_value}`)).size > 1 ? breakdownText({ breakdown_type: breakdown.type, breakdown_value: breakdown.value }) : "",
    series,
    headline,
    breakdownGroups,
    mapLevels,
    areaPages: areaPagesOf(figures),
    sourceIds: [...new Set(figures.map((f) => f.source_id))].sort(),
  };
}
