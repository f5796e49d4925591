/**
 * The page model of an indicator: what the page leads with (the headline rule's latest figure for the indicator's
 * nation), its trend in segments with breaks, breakdown charts sorted within their groups with the posts behind each
 * rate, the map, the table and the sources. Pure; the .astro page only places what this returns.
 */
import type { Figure } from "../../schemas/figure.ts";
import { COUNTRY_ORDER, GEOGRAPHY_LEVELS, NATION_CODE, type GeographyLevel, type Nation, type Unit } from "../../schemas/vocabulary.ts";
import { formatNumber } from "../format.ts";
import { parsePeriod, periodMidpoint, type PeriodKind } from "../periods.ts";
import { compareText } from "../text.ts";
import { byTime, headlineAt, matchesRule, type Headline, type HeadlineRule, type Segment } from "./headline.ts";
import { areaPagesOf, type AreaPageRef } from "./areaPages.ts";
import { shownValues, type Breakdown, type TrendSeries } from "./select.ts";

export interface IndicatorLike {
  id: string;
  unit: Unit;
  nation: Nation;
  precision: number;
  measures: { measure: string; role: string; label: string; dataset_id?: string }[];
  headline_rules: HeadlineRule[];
}

export interface DerivationLike {
  kind: string;
  dataset_id: string;
  measure_a: string;
  measure_b: string;
  output_measure: string;
  formula: string;
}

/** What the page model needs besides the indicator's own figures. */
export interface PageContext {
  figureById: Map<string, Figure>;
  /** Taxonomy groups in display order; bars are grouped in this order and sorted by value within each group. */
  groupOrder: string[];
  derivations: DerivationLike[];
  /** Shown values of any indicator for one area (to find the staff and vacancies behind a rate). */
  shownInArea: (level: string, code: string) => Figure[];
}

export interface Bar {
  figure: Figure;
  label: string;
  group: string;
  /** "3.0 of 4.0 WTE" for a rate computed from two published counts (baseText); "" when the base is not known. */
  base: string;
  /** True when the rate rests on fewer than SMALL_BASE whole-time-equivalent posts. */
  smallBase: boolean;
  /** Footnote numbers (1-based, into the group's footnotes) that apply to this bar. */
  notes: number[];
}

export interface BarGroup {
  measure: string;
  measureLabel: string;
  type: string;
  area: string;
  period: string;
  bars: Bar[];
  grouped: boolean;
  footnotes: string[];
}

export interface TrendModel {
  series: TrendSeries[];
  /** Breaks between segments, with their reasons, for the note under the chart. */
  breaks: { label: string; reason: string }[];
}

export interface IndicatorPageModel {
  /** The area the page leads with: the indicator's nation (the UK for UK indicators). */
  leadCode: string;
  lead: Headline | undefined;
  /** The same headline for the other countries with figures (UK indicators). */
  others: Headline[];
  trend: TrendModel | undefined;
  breakdowns: BarGroup[];
  /** Geography levels below country with the headline figure, most areas first. */
  mapLevels: { level: GeographyLevel; areas: number }[];
  /** The measure and breakdown a map of this indicator shows. */
  mapRule: Breakdown & { measure: string } | undefined;
  areaPages: AreaPageRef[];
  /** Shown figures that a recorded conflict or revision set aside, by the figure shown instead. */
  setAside: Map<string, Figure[]>;
  sourceIds: string[];
}

/** Rates resting on fewer whole-time-equivalent posts than this are flagged on the chart. */
export const SMALL_BASE = 5;
export const MAX_BARS = 40;
export const MAX_SERIES = 5;

const levelIndex = (l: string) => (GEOGRAPHY_LEVELS as readonly string[]).indexOf(l);
const countryRank = (code: string) => {
  const i = (COUNTRY_ORDER as readonly string[]).indexOf(code);
  return i < 0 ? COUNTRY_ORDER.length : i;
};

/** The country code an indicator leads with. */
export function leadCodeOf(nation: Nation): string {
  return nation === "uk" ? "K02000001" : NATION_CODE[nation];
}

/** The dated points of one segment as a trend series (one period kind: the most common in the segment). */
export function segmentSeries(segment: Segment, areaCode: string, label: string, bounds: Figure[] = []): TrendSeries | undefined {
  const dated = segment.figures.filter((f) => f.area_code === areaCode && f.value !== null && parsePeriod(f.period));
  const kinds = new Map<PeriodKind, Figure[]>();
  for (const f of dated) {
    const k = parsePeriod(f.period)!.kind;
    kinds.set(k, [...(kinds.get(k) ?? []), f]);
  }
  const [kind, chosen] = [...kinds.entries()].sort((a, b) => b[1].length - a[1].length || compareText(a[0], b[0]))[0] ?? [];
  if (!kind || !chosen) return undefined;
  const bound = (role: string, f: Figure) =>
    bounds.find((b) => b.role === role && b.area_code === f.area_code && b.period === f.period && b.breakdown_type === f.breakdown_type && b.breakdown_value === f.breakdown_value)?.value ?? undefined;
  const points = chosen.sort(byTime).map((f) => {
    const lower = bound("lower_95ci", f);
    const upper = bound("upper_95ci", f);
    return { figure: f, date: periodMidpoint(f.period_start, f.period_end), value: f.value!, ...(lower !== undefined && upper !== undefined ? { lower, upper } : {}) };
  });
  return { areaCode, label, kind, points };
}

/** The trend of a headline: one series per segment that has dated figures; single points only beside another segment. */
export function headlineTrend(h: Headline, areaCode: string, areaLabel: string, bounds: Figure[]): TrendModel | undefined {
  const multi = h.segments.filter((s) => s.figures.length > 0).length > 1;
  const series = h.segments.flatMap((s) => {
    const t = segmentSeries(s, areaCode, multi ? capitalise(s.rule.label) : areaLabel, bounds);
    return t && (t.points.length >= 2 || multi) ? [t] : [];
  });
  if (series.length === 0 || series.reduce((n, s) => n + s.points.length, 0) < 2) return undefined;
  return { series, breaks: h.breaks.map((b) => ({ label: capitalise(b.after.rule.label), reason: b.reason })) };
}

const capitalise = (s: string) => (s === "" ? s : s[0]!.toUpperCase() + s.slice(1));

/**
 * The base of a percentage computed from two counts (e.g. a vacancy rate = vacancies ÷ (staff + vacancies)): the
 * numerator and the sum, from the derived figure's inputs or, for a published rate, from the figures with the same key.
 */
export function rateBase(f: Figure, ctx: PageContext): { part: number; whole: number; unit: Unit } | undefined {
  const d = ctx.derivations.find((x) => x.kind === "percent_of_sum" && x.output_measure === f.measure && x.dataset_id === f.dataset_id);
  if (!d) return undefined;
  let a: Figure | undefined;
  let b: Figure | undefined;
  if (f.status === "derived" && f.derived_from.length === 2) {
    [a, b] = f.derived_from.map((id) => ctx.figureById.get(id));
  } else {
    const here = ctx.shownInArea(f.geography_level, f.area_code);
    const same = (g: Figure, m: string) => g.measure === m && g.dataset_id === f.dataset_id && g.period === f.period && g.breakdown_type === f.breakdown_type && g.breakdown_label === f.breakdown_label;
    a = here.find((g) => same(g, d.measure_a));
    b = here.find((g) => same(g, d.measure_b));
  }
  if (!a || !b || a.value === null || b.value === null) return undefined;
  return { part: a.value, whole: Math.round((a.value + b.value) * 100) / 100, unit: a.unit };
}

/** "3.0 of 4.0 WTE", "505 of 2,018": the numerator and the sum it is a share of. */
export function baseText(b: { part: number; whole: number; unit: Unit }): string {
  const d = b.unit === "wte" ? 1 : 0;
  return `${formatNumber(b.part, d)} of ${formatNumber(b.whole, d)}${b.unit === "wte" ? " WTE" : ""}`;
}

function barGroups(ind: IndicatorLike, values: Figure[], leadCode: string, lead: Headline | undefined, ctx: PageContext, setAside: Map<string, Figure[]>): BarGroup[] {
  const national = values.filter((f) => f.area_code === leadCode);
  const measureOrder = ind.measures.map((m) => m.measure);
  const leadMeasure = lead?.figure.measure;
  const ownRule = (f: Figure) => ind.headline_rules.some((r) => matchesRule(r, f));
  const byKey = new Map<string, Figure[]>();
  for (const f of national) {
    if (f.breakdown_type === "total" || ownRule(f)) continue;
    const k = `${f.measure}\u001f${f.breakdown_type}\u001f${f.period}`;
    byKey.set(k, [...(byKey.get(k) ?? []), f]);
  }
  const newest = new Map<string, Figure[]>();
  for (const fs of byKey.values()) {
    const k = `${fs[0]!.measure}\u001f${fs[0]!.breakdown_type}`;
    const prior = newest.get(k);
    if (!prior || byTime(prior[0]!, fs[0]!) < 0 || (byTime(prior[0]!, fs[0]!) === 0 && fs.length > prior.length)) newest.set(k, fs);
  }
  const mi = (m: string) => (m === leadMeasure ? -1 : measureOrder.indexOf(m));
  return [...newest.values()]
    .filter((fs) => fs.length >= 2 && fs.length <= MAX_BARS)
    .sort((a, b) => mi(a[0]!.measure) - mi(b[0]!.measure) || compareText(a[0]!.breakdown_type, b[0]!.breakdown_type))
    .map((fs) => {
      const footnotes: string[] = [];
      const gi = (g: string) => {
        const i = ctx.groupOrder.indexOf(g);
        return i < 0 ? ctx.groupOrder.length : i;
      };
      const sorted = [...fs].sort((a, b) => gi(a.breakdown_group) - gi(b.breakdown_group) || (b.value ?? -Infinity) - (a.value ?? -Infinity) || compareText(a.breakdown_label, b.breakdown_label));
      const bars = sorted.map((f) => {
        const base = rateBase(f, ctx);
        const notes: number[] = [];
        for (const other of setAside.get(f.figure_id) ?? []) {
          if (other.value === f.value || !other.not_preferred_reason) continue;
          footnotes.push(other.not_preferred_reason);
          notes.push(footnotes.length);
        }
        return {
          figure: f,
          label: f.breakdown_label,
          group: f.breakdown_group,
          base: base ? baseText(base) : "",
          smallBase: base !== undefined && base.unit === "wte" && base.whole < SMALL_BASE,
          notes,
        };
      });
      const f0 = fs[0]!;
      return {
        measure: f0.measure,
        measureLabel: ind.measures.find((m) => m.measure === f0.measure)?.label ?? f0.measure_label,
        type: f0.breakdown_type,
        area: f0.area_label,
        period: f0.period,
        bars,
        grouped: bars.some((b) => b.group !== ""),
        footnotes,
      };
    });
}

/** The figures set aside in favour of each shown figure (revised, superseded, or a recorded conflict). */
export function setAsideBy(figures: Figure[]): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.preferred || f.preferred_figure_id === "") continue;
    out.set(f.preferred_figure_id, [...(out.get(f.preferred_figure_id) ?? []), f]);
  }
  return out;
}

/**
 * What a map of the indicator shows: the headline rule of the lead's segment (the latest segment when there is no
 * national lead), and the levels below country where it has figures, most areas first.
 */
export function mapChoice(ind: IndicatorLike, values: Figure[], lead: Headline | undefined): Pick<IndicatorPageModel, "mapRule" | "mapLevels"> {
  const rule = lead ? lead.segments[lead.segment]!.rule : [...ind.headline_rules].sort((a, b) => a.series - b.series).at(-1);
  if (!rule) return { mapRule: undefined, mapLevels: [] };
  const levels = new Map<GeographyLevel, Set<string>>();
  for (const f of values) if (f.geography_level !== "country" && matchesRule(rule, f)) levels.set(f.geography_level, (levels.get(f.geography_level) ?? new Set()).add(f.area_code));
  const mapLevels = [...levels.entries()].map(([level, s]) => ({ level, areas: s.size })).sort((a, b) => b.areas - a.areas || levelIndex(a.level) - levelIndex(b.level));
  return { mapRule: { measure: rule.measure, type: rule.breakdown_type, value: rule.breakdown_value }, mapLevels };
}

/** The indicator's headline for its lead country (the nation, or the UK), without the rest of the page. */
export function leadHeadline(ind: IndicatorLike, values: Figure[]): Headline | undefined {
  const code = leadCodeOf(ind.nation);
  return headlineAt(ind.headline_rules, values.filter((f) => f.area_code === code), ind.unit);
}

export function indicatorPage(ind: IndicatorLike, figures: Figure[], ctx: PageContext): IndicatorPageModel {
  const values = shownValues(figures);
  const countries = [...new Set(values.filter((f) => f.geography_level === "country").map((f) => f.area_code))].sort((a, b) => countryRank(a) - countryRank(b) || compareText(a, b));
  const preferredLead = leadCodeOf(ind.nation);
  const headlines = new Map<string, Headline>();
  for (const code of countries) {
    const h = headlineAt(ind.headline_rules, values.filter((f) => f.area_code === code), ind.unit);
    if (h) headlines.set(code, h);
  }
  const leadCode = headlines.has(preferredLead) ? preferredLead : ([...headlines.keys()][0] ?? preferredLead);
  const lead = headlines.get(leadCode);
  const others = [...headlines.entries()].filter(([c]) => c !== leadCode).map(([, h]) => h);
  const bounds = figures.filter((f) => f.preferred && f.role !== "value");
  let trend: TrendModel | undefined;
  if (lead && others.length === 0) trend = headlineTrend(lead, leadCode, lead.figure.area_label, bounds);
  else if (lead) {
    // Several countries: one line each for the lead's segment (a single definition, so the lines compare).
    const series = [lead, ...others].flatMap((h) => {
      const s = segmentSeries(h.segments[lead.segment]!, h.figure.area_code, h.figure.area_label, bounds);
      return s && s.points.length >= 2 ? [s] : [];
    });
    trend = series.length > 0 ? { series: series.slice(0, MAX_SERIES), breaks: [] } : undefined;
  }
  const setAside = setAsideBy(figures);
  const { mapRule, mapLevels } = mapChoice(ind, values, lead);
  return {
    leadCode,
    lead,
    others,
    trend,
    breakdowns: barGroups(ind, values, leadCode, lead, ctx, setAside),
    mapLevels,
    mapRule,
    areaPages: areaPagesOf(figures),
    setAside,
    sourceIds: [...new Set(figures.map((f) => f.source_id))].sort(),
  };
}
