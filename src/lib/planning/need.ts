/**
 * Need beside a plan: the place's population, deaths, waits and people in treatment (the latest published figure of
 * each series, by a headline rule), and the published trend of those series that can drive people on caseloads.
 *
 * An ADP's population and deaths are those of its council areas: the council area's own figures for an ADP of one
 * council area, and their sum (the formula shown) for an ADP of several, for periods every one of them has.
 * Pure over the site's data.
 */
import type { SiteData } from "../../data/site.ts";
import type { Figure } from "../../schemas/figure.ts";
import type { HomeNation } from "../../schemas/vocabulary.ts";
import { formatNumber } from "../format.ts";
import { parsePeriod, periodMidpoint } from "../periods.ts";
import { byTime, headlineAt, type HeadlineRule } from "../views/headline.ts";
import { monthsBetween } from "./calendar.ts";
import { citationOf, type Citation } from "./citation.ts";
import { needTrend } from "./model.ts";
import type { PlanPlace } from "./places.ts";

/** One series of need: an indicator's measure and breakdown. */
export interface NeedSeries {
  id: string;
  nation: HomeNation;
  /** What is counted, in words, to follow a number ("drug misuse deaths"). */
  label: string;
  /** What the count means for people on caseloads, in a sentence. */
  about: string;
  indicator: string;
  measure: string;
  breakdownType: string;
  breakdownValue: string;
  kind: "population" | "deaths" | "waits" | "treatment";
  /** Whether people on caseloads may follow its trend. */
  trend: boolean;
}

/**
 * The series shown beside a plan, in the order they are shown: population, deaths, waits, people in treatment.
 * Which one drives people on caseloads by default is TREND_PREFERENCE.
 */
export const NEED_SERIES: readonly NeedSeries[] = [
  { id: "population-scotland", nation: "scotland", label: "population", about: "People usually resident in the area (population estimate), all ages, at 30 June.", indicator: "scotland-population", measure: "population_estimate", breakdownType: "sex", breakdownValue: "Persons", kind: "population", trend: true },
  { id: "population-england", nation: "england", label: "population", about: "People usually resident in the area (population estimate), all ages, at 30 June.", indicator: "england-population", measure: "population_estimate", breakdownType: "sex", breakdownValue: "Persons", kind: "population", trend: true },
  { id: "drug-deaths-5yr", nation: "scotland", label: "drug misuse deaths over five years", about: "Drug misuse deaths registered over five calendar years (a five-year total is steadier than one year in a small area).", indicator: "scotland-drug-misuse-deaths", measure: "drug_misuse_deaths_5yr_total", breakdownType: "sex", breakdownValue: "Persons", kind: "deaths", trend: true },
  { id: "drug-deaths", nation: "scotland", label: "drug misuse deaths", about: "Drug misuse deaths registered in the year.", indicator: "scotland-drug-misuse-deaths", measure: "drug_misuse_deaths", breakdownType: "sex", breakdownValue: "Persons", kind: "deaths", trend: true },
  { id: "alcohol-deaths-5yr", nation: "scotland", label: "alcohol-specific deaths over five years", about: "Alcohol-specific deaths registered over five calendar years.", indicator: "scotland-alcohol-specific-deaths", measure: "alcohol_specific_deaths_5yr_total", breakdownType: "sex", breakdownValue: "Persons", kind: "deaths", trend: true },
  { id: "alcohol-deaths", nation: "scotland", label: "alcohol-specific deaths", about: "Alcohol-specific deaths registered in the year.", indicator: "scotland-alcohol-specific-deaths", measure: "alcohol_specific_deaths", breakdownType: "sex", breakdownValue: "Persons", kind: "deaths", trend: true },
  { id: "drug-misuse-deaths-england", nation: "england", label: "deaths related to drug misuse", about: "Deaths related to drug misuse registered in the year (Office for National Statistics definition).", indicator: "england-drug-misuse-deaths", measure: "drug_misuse_ons_deaths", breakdownType: "sex", breakdownValue: "Persons", kind: "deaths", trend: true },
  { id: "drug-poisoning-deaths", nation: "england", label: "deaths from drug poisoning", about: "Deaths from drug poisoning registered in the year (all drug poisonings, misuse or not).", indicator: "england-drug-poisoning-deaths", measure: "drug_poisoning_deaths", breakdownType: "sex", breakdownValue: "Persons", kind: "deaths", trend: true },
  { id: "alcohol-deaths-uk", nation: "england", label: "alcohol-specific deaths", about: "Alcohol-specific deaths registered in the year.", indicator: "uk-alcohol-specific-deaths", measure: "alcohol_specific_deaths", breakdownType: "sex", breakdownValue: "Persons", kind: "deaths", trend: true },
  { id: "ongoing-waits", nation: "scotland", label: "people waiting more than 3 weeks (community services)", about: "People still waiting for community-based treatment at the end of the quarter who had waited more than 3 weeks.", indicator: "scotland-ongoing-waits", measure: "ongoing_waits_waited_more_than_3_weeks", breakdownType: "service_type; substance_type", breakdownValue: "Community-based service; All", kind: "waits", trend: false },
  { id: "ongoing-waits-within", nation: "scotland", label: "people waiting 3 weeks or less (community services)", about: "People still waiting for community-based treatment at the end of the quarter who had waited 3 weeks or less.", indicator: "scotland-ongoing-waits", measure: "ongoing_waits_waited_3_weeks_or_less", breakdownType: "service_type; substance_type", breakdownValue: "Community-based service; All", kind: "waits", trend: false },
  { id: "adults-in-treatment", nation: "england", label: "adults in contact with treatment", about: "Adults in contact with drug and alcohol treatment services during the year.", indicator: "england-adults-in-treatment", measure: "adults_in_contact_with_treatment", breakdownType: "age_group", breakdownValue: "18 and over", kind: "treatment", trend: true },
  { id: "young-people-in-treatment", nation: "england", label: "children and young people in treatment", about: "Children and young people (17 and under) in specialist substance misuse treatment during the year.", indicator: "england-young-people-in-treatment", measure: "children_and_young_people_in_treatment", breakdownType: "age_group", breakdownValue: "17 and under", kind: "treatment", trend: true },
  { id: "initial-assessments", nation: "scotland", label: "people with an initial assessment for treatment", about: "People who had an initial assessment for specialist drug and alcohol treatment during the year.", indicator: "scotland-initial-assessments", measure: "people_with_initial_assessment", breakdownType: "total", breakdownValue: "all", kind: "treatment", trend: true },
  { id: "starting-treatment", nation: "scotland", label: "people starting treatment", about: "People starting specialist drug and alcohol treatment during the year.", indicator: "scotland-initial-assessments", measure: "people_starting_treatment", breakdownType: "user_type", breakdownValue: "All", kind: "treatment", trend: true },
];

/**
 * The default driver of people on caseloads, best first: people in treatment, then deaths over five years (steadier
 * than single years in small areas), then population.
 */
const TREND_PREFERENCE = ["adults-in-treatment", "initial-assessments", "starting-treatment", "drug-deaths-5yr", "population-england", "drug-misuse-deaths-england", "drug-poisoning-deaths", "drug-deaths", "population-scotland"];

/** A need figure for a place: one published figure, or the sum of its council areas' figures for the same period. */
export interface NeedValue {
  value: number;
  /** The period as published and its dates. */
  period: string;
  periodStart: string;
  periodEnd: string;
  /** The figures it is made of: one, or one per council area of an ADP. */
  citations: Citation[];
  /** For a sum: the arithmetic, e.g. "Midlothian 12 + East Lothian 15 = 27". */
  formula?: string;
  /** Whose figure it is: the place's name, or the council area(s) it is made of. */
  areaLabel: string;
}

const kindOf = (period: string): string | undefined => {
  const p = parsePeriod(period);
  if (!p) return undefined;
  return `${p.kind}:${monthsBetween(p.start, p.end)}`;
};

/** The rule of a series, as a headline rule, so the latest figure is picked as every page picks it. */
const ruleOf = (s: NeedSeries): HeadlineRule => ({ series: 1, kind: "total", measure: s.measure, breakdown_type: s.breakdownType, breakdown_value: s.breakdownValue, upper_measure: "", upper_breakdown_type: "", upper_breakdown_value: "", label: s.label, break_reason: "" });

/** The series' figures at one area (any of its codes), oldest first, with a number, by the headline rule. */
function figuresAt(site: SiteData, s: NeedSeries, level: string, codes: readonly string[]): Figure[] {
  const shown = codes.flatMap((c) => site.shownAt(s.indicator, level, c));
  const unit = site.indicatorById.get(s.indicator)?.unit ?? "count";
  const h = headlineAt([ruleOf(s)], shown, unit);
  return h ? h.segments[h.segment]!.figures.filter((f) => f.value !== null && f.status !== "suppressed") : [];
}

function single(site: SiteData, f: Figure, areaLabel: string): NeedValue {
  return { value: f.value!, period: f.period, periodStart: f.period_start, periodEnd: f.period_end, citations: [citationOf(site, f)], areaLabel };
}

/**
 * The series' values for a place, oldest first: its own figures; for an ADP without its own, its council area's
 * figures, or the sum of its council areas' figures for the periods all of them have.
 */
export function needValues(site: SiteData, s: NeedSeries, place: PlanPlace): NeedValue[] {
  if (s.nation !== place.nation) return [];
  const own = figuresAt(site, s, place.level, place.codes);
  if (own.length > 0 || place.level !== "adp" || place.councilAreas.length === 0) return own.map((f) => single(site, f, place.name));
  const members = place.councilAreas.map((c) => ({ area: c, figures: figuresAt(site, s, "council_area", [c.code]) }));
  if (members.length === 1) return members[0]!.figures.map((f) => single(site, f, `${members[0]!.area.name} council area`));
  const periods = members[0]!.figures.map((f) => f.period).filter((p) => members.every((m) => m.figures.some((f) => f.period === p)));
  const precision = site.indicatorById.get(s.indicator)?.precision ?? 0;
  return periods.map((period) => {
    const parts = members.map((m) => ({ name: m.area.name, f: m.figures.find((f) => f.period === period)! }));
    const value = parts.reduce((n, p) => n + p.f.value!, 0);
    const first = parts[0]!.f;
    return {
      value,
      period,
      periodStart: first.period_start,
      periodEnd: first.period_end,
      citations: parts.map((p) => citationOf(site, p.f)),
      formula: `${parts.map((p) => `${p.name} ${formatNumber(p.f.value!, precision)}`).join(" + ")} = ${formatNumber(value, precision)}`,
      areaLabel: `${parts.map((p) => p.name).join(" and ")} council areas`,
    };
  });
}

export interface NeedTrend {
  series: NeedSeries;
  from: NeedValue;
  to: NeedValue;
  /** b − a, whole years between the middles of the two periods. */
  years: number;
  /** c, per cent a year, unrounded. */
  rate: number;
  /** c rounded to one decimal place: the value put in the form. */
  rounded: number;
  /** The arithmetic with the numbers: "(27 ÷ 25)^(1 ÷ 5) − 1 = +1.6% a year". */
  formula: string;
}

const YEAR_MS = 365.25 * 86400000;
const yearsBetween = (a: NeedValue, b: NeedValue) => Math.round((Date.parse(periodMidpoint(b.periodStart, b.periodEnd)) - Date.parse(periodMidpoint(a.periodStart, a.periodEnd))) / YEAR_MS);

/** "+1.6%", "−0.4%", "0.0%": a rate of change in per cent, signed. */
export const signedPercent = (n: number, decimals = 1): string => {
  const rounded = Number(n.toFixed(decimals));
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${formatNumber(Math.abs(rounded), decimals)}%`;
};

/** Trends worked out over about this many years: long enough to smooth a year's noise, short enough to be recent. */
export const TREND_YEARS = 5;

/**
 * The published trend of a series: from the figure about TREND_YEARS before the latest (the closest; the longer span
 * on a tie) to the latest, both of the same kind of period. Undefined when there are not two such figures, a figure is
 * 0, or the trend is outside the model's bounds for a change in people on caseloads.
 */
export function trendOf(series: NeedSeries, values: readonly NeedValue[], bounds: { min: number; max: number }): NeedTrend | undefined {
  const to = values.at(-1);
  if (!to) return undefined;
  const kind = kindOf(to.period);
  const earlier = values.filter((v) => v !== to && kind !== undefined && kindOf(v.period) === kind && yearsBetween(v, to) >= 2);
  const from = [...earlier].sort((a, b) => Math.abs(yearsBetween(a, to) - TREND_YEARS) - Math.abs(yearsBetween(b, to) - TREND_YEARS) || yearsBetween(b, to) - yearsBetween(a, to))[0];
  if (!from) return undefined;
  const years = yearsBetween(from, to);
  const rate = needTrend(from.value, to.value, years);
  if (rate === undefined || rate < bounds.min || rate > bounds.max) return undefined;
  const rounded = Number(rate.toFixed(1)) + 0;
  const n = (v: NeedValue) => formatNumber(v.value, Number.isInteger(v.value) ? 0 : 1);
  return { series, from, to, years, rate, rounded, formula: `(${n(to)} ÷ ${n(from)})^(1 ÷ ${years}) − 1 = ${signedPercent(rate)} a year` };
}

export interface NeedRow {
  series: NeedSeries;
  latest: NeedValue;
  trend?: NeedTrend;
}

/** The need context of a place: the latest value of every series it has, in NEED_SERIES order, with its trend. */
export function needContext(site: SiteData, place: PlanPlace, bounds: { min: number; max: number }): NeedRow[] {
  return NEED_SERIES.flatMap((series) => {
    const values = needValues(site, series, place);
    const latest = values.at(-1);
    if (!latest) return [];
    const trend = series.trend ? trendOf(series, values, bounds) : undefined;
    return [{ series, latest, ...(trend ? { trend } : {}) }];
  });
}

/** The trends a plan may follow, best default first (TREND_PREFERENCE). */
export function trendOptions(rows: readonly NeedRow[]): NeedTrend[] {
  const rank = (id: string) => {
    const i = TREND_PREFERENCE.indexOf(id);
    return i < 0 ? TREND_PREFERENCE.length : i;
  };
  return rows.flatMap((r) => (r.trend ? [r.trend] : [])).sort((a, b) => rank(a.series.id) - rank(b.series.id));
}

/** The latest population of a place and of its nation for the same period, for scaling a national figure. */
export function populationShare(site: SiteData, place: PlanPlace, nationPlace: PlanPlace): { place: NeedValue; nation: NeedValue; share: number } | undefined {
  const series = NEED_SERIES.find((s) => s.kind === "population" && s.nation === place.nation);
  if (!series) return undefined;
  const mine = needValues(site, series, place);
  const theirs = needValues(site, series, nationPlace);
  for (const v of [...mine].sort((a, b) => byTime({ period: b.period, period_start: b.periodStart, period_end: b.periodEnd }, { period: a.period, period_start: a.periodStart, period_end: a.periodEnd }))) {
    const n = theirs.find((t) => t.period === v.period);
    if (n && n.value > 0) return { place: v, nation: n, share: v.value / n.value };
  }
  return undefined;
}
