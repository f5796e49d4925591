/**
 * Headline rules (data/reference/headline_rules.csv) applied to figures: which figure a reader should see first
 * for an indicator in one area, its trend in segments separated by breaks, and the change since the previous
 * comparable figure. Pure: used by the pipeline (to check every rule matches a figure) and by every page model.
 */
import type { Figure } from "../../schemas/figure.ts";
import type { HeadlineKind, Unit } from "../../schemas/vocabulary.ts";
import { formatFigure, formatNumber, shownDecimals, UNIT_SUFFIX } from "../format.ts";
import { formatPeriod, parsePeriod, periodMidpoint } from "../periods.ts";
import { compareText } from "../text.ts";

/** One row of an indicator's headline rule. */
export interface HeadlineRule {
  series: number;
  kind: HeadlineKind;
  measure: string;
  breakdown_type: string;
  breakdown_value: string;
  upper_measure: string;
  upper_breakdown_type: string;
  upper_breakdown_value: string;
  label: string;
  break_reason: string;
}

type Keyed = Pick<Figure, "measure" | "breakdown_type" | "breakdown_value">;

/** True when a figure is the rule's figure (the lower end, for a range). */
export function matchesRule(rule: Pick<HeadlineRule, "measure" | "breakdown_type" | "breakdown_value">, f: Keyed): boolean {
  return f.measure === rule.measure && f.breakdown_type === rule.breakdown_type && f.breakdown_value === rule.breakdown_value;
}

/** True when a figure is the upper end of a range rule. */
export function matchesUpper(rule: HeadlineRule, f: Keyed): boolean {
  return rule.kind === "range" && f.measure === rule.upper_measure && f.breakdown_type === rule.upper_breakdown_type && f.breakdown_value === rule.upper_breakdown_value;
}

/** The middle of a figure's period, or "" when the label is not a date (such figures sort first). */
export function whenOf(f: Pick<Figure, "period_start" | "period_end">): string {
  return f.period_start ? periodMidpoint(f.period_start, f.period_end) : "";
}

/** Oldest first, by the middle of the period, then by label. */
export function byTime<T extends Pick<Figure, "period" | "period_start" | "period_end">>(a: T, b: T): number {
  return compareText(whenOf(a), whenOf(b)) || compareText(a.period, b.period);
}

export interface Segment {
  rule: HeadlineRule;
  /** The shown figures of this segment in the area, oldest first (with and without a number). */
  figures: Figure[];
  /** For a range: the upper end for each period of `figures`. */
  upper: Map<string, Figure>;
}

export interface Change {
  /** The earlier figure the change is measured from. */
  from: Figure;
  to: Figure;
  /** to − from, in the unit (percentage points for percentages). */
  difference: number;
  /** (to − from) ÷ from × 100, for counts, WTE, money and rates; undefined for percentages or a zero base. */
  percent: number | undefined;
}

export interface Headline {
  kind: HeadlineKind;
  label: string;
  /** The figure to quote: the latest of the rule's figures with a number (else the latest without one). */
  figure: Figure;
  /** The upper end, for a range. */
  upper?: Figure;
  /** The segment the figure belongs to (index into `segments`). */
  segment: number;
  segments: Segment[];
  /** Breaks between segments that both have figures here, in time order. */
  breaks: { before: Segment; after: Segment; reason: string }[];
  /** The change since the previous figure of the same segment and period kind, when there is one. */
  change?: Change;
  /** True when the figure's series has no other period of the same kind: a snapshot with no trend published. */
  single: boolean;
}

const PERIOD_KIND_OF = (f: Figure) => {
  const p = parsePeriod(f.period);
  if (!p) return undefined;
  // "2019-2023" and "2018-2022" are both five-year windows; 2022 and 2019-2023 are not comparable; a quarter and a
  // half-year written as date ranges are told apart by their length in months.
  const months = (Number(p.end.slice(0, 4)) - Number(p.start.slice(0, 4))) * 12 + Number(p.end.slice(5, 7)) - Number(p.start.slice(5, 7));
  return `${p.kind}:${p.kind === "years" || p.kind === "financial_years" || p.kind === "range" ? months : 0}`;
};

/** The change from the previous comparable figure: same segment, same kind and length of period, both with numbers. */
export function changeSince(segment: Segment, to: Figure, unit: Unit): Change | undefined {
  if (to.value === null) return undefined;
  const kind = PERIOD_KIND_OF(to);
  if (!kind) return undefined;
  const earlier = segment.figures.filter((f) => f !== to && f.value !== null && PERIOD_KIND_OF(f) === kind && byTime(f, to) < 0);
  const from = earlier.at(-1);
  if (!from || from.value === null) return undefined;
  const difference = Math.round((to.value - from.value) * 1e6) / 1e6;
  const percent = unit === "percent" || from.value === 0 ? undefined : Math.round(((to.value - from.value) / from.value) * 1000) / 10;
  return { from, to, difference, percent };
}

/**
 * The headline of an indicator in one area: `figures` are the indicator's shown values (preferred, role value)
 * for that area; `rules` are the indicator's rows of headline_rules.csv. Undefined when no rule matches a figure here.
 */
export function headlineAt(rules: readonly HeadlineRule[], figures: readonly Figure[], unit: Unit): Headline | undefined {
  const ordered = [...rules].sort((a, b) => a.series - b.series);
  const segments: Segment[] = ordered.map((rule) => {
    const upper = new Map<string, Figure>();
    for (const f of figures) if (matchesUpper(rule, f)) upper.set(f.period, f);
    return { rule, figures: figures.filter((f) => matchesRule(rule, f)).sort(byTime), upper };
  });
  const candidates = segments.flatMap((s, i) => s.figures.map((f) => ({ f, i })));
  if (candidates.length === 0) return undefined;
  const sorted = [...candidates].sort((a, b) => byTime(a.f, b.f) || a.i - b.i);
  const withNumber = sorted.filter((c) => c.f.value !== null);
  const lead = withNumber.at(-1) ?? sorted.at(-1)!;
  const segment = segments[lead.i]!;
  const present = segments.filter((s) => s.figures.length > 0);
  const breaks = present.slice(1).map((after, k) => ({ before: present[k]!, after, reason: after.rule.break_reason }));
  const change = changeSince(segment, lead.f, unit);
  const upper = segment.upper.get(lead.f.period);
  // A snapshot: no other period of the same kind in its series, and no figure whose period cannot be read as dates.
  const kind = PERIOD_KIND_OF(lead.f);
  const single = segment.figures.every((f) => f.period === lead.f.period || (PERIOD_KIND_OF(f) !== undefined && PERIOD_KIND_OF(f) !== kind));
  return {
    kind: segment.rule.kind,
    label: segment.rule.label,
    figure: lead.f,
    ...(upper ? { upper } : {}),
    segment: lead.i,
    segments,
    breaks,
    ...(change ? { change } : {}),
    single,
  };
}

/* Words for a headline: the value to quote (both ends of a range) and the change since the previous figure. */


/** "14,121 WTE"; "3,288 to 3,768 WTE" for a range; "[x]" when there is no number. */
export function headlineValueText(h: Pick<Headline, "figure" | "upper">, precision: number): string {
  if (h.upper && h.figure.value !== null && h.upper.value !== null) {
    const lower = formatFigure({ ...h.figure, unit: "count" }, precision);
    return `${lower} to ${formatFigure(h.upper, precision)}`;
  }
  return formatFigure(h.figure, precision);
}

function decimalsOf(f: Figure, precision: number): number {
  return f.status === "derived" ? precision : shownDecimals(f.value_text, precision);
}

export interface ChangeText {
  /** "Down 6 percentage points since 2023" */
  summary: string;
  /** "25% in 2023 → 19% in 2024: 19 − 25 = −6 percentage points" */
  arithmetic: string;
}

/** The change in words, with the arithmetic shown (a derived figure: the formula is the difference). */
export function changeText(c: Change, unit: Unit, precision: number): ChangeText {
  const decimals = Math.max(decimalsOf(c.from, precision), decimalsOf(c.to, precision));
  const money = unit === "gbp" || unit === "gbp_million" ? "£" : "";
  const suffix = unit === "percent" ? " percentage points" : UNIT_SUFFIX[unit];
  const abs = formatNumber(Math.abs(c.difference), decimals);
  const signed = `${c.difference < 0 ? "−" : c.difference > 0 ? "+" : ""}${abs}`;
  const direction = c.difference > 0 ? "Up" : c.difference < 0 ? "Down" : "No change";
  const since = `since ${formatPeriod(c.from.period)}`;
  const summary = c.difference === 0 ? `No change ${since}` : `${direction} ${money}${abs}${suffix} ${since}`;
  const n = (f: Figure) => formatNumber(f.value!, decimals);
  const pct = c.percent === undefined ? "" : ` (${c.percent > 0 ? "+" : c.percent < 0 ? "−" : ""}${formatNumber(Math.abs(c.percent), 1)}%)`;
  const arithmetic = `${formatFigure(c.from, precision)} in ${formatPeriod(c.from.period)} → ${formatFigure(c.to, precision)} in ${formatPeriod(c.to.period)}: ${n(c.to)} − ${n(c.from)} = ${signed}${suffix}${pct}`;
  return { summary, arithmetic };
}

/** Why a figure has no trend, in words: a snapshot on a date, or the only period published. */
export function trendNote(h: Headline, oneOff = false): string {
  if (h.change || !h.single || h.breaks.length > 0) return "";
  const p = parsePeriod(h.figure.period);
  const when = formatPeriod(h.figure.period);
  if (p?.kind === "date") return `${oneOff ? "One-off snapshot" : "Snapshot"}, ${when}: no trend published`;
  return `${oneOff ? "One-off figure" : "Only figure published"}, ${when}: no trend`;
}

