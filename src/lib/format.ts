import type { Unit } from "../schemas/vocabulary.ts";

/** Decimal places written in a published value ("94.0" → 1, "8" → 0). */
export function decimalsIn(valueText: string): number {
  const dot = valueText.indexOf(".");
  return dot < 0 ? 0 : valueText.length - dot - 1;
}

/**
 * Decimal places to show: the published precision of the value, capped by the indicator's precision
 * (so "8" stays "8", "94.0" stays "94.0", and 52.2739696 with precision 1 shows 52.3).
 */
export function shownDecimals(valueText: string, precision: number): number {
  return Math.min(decimalsIn(valueText), precision);
}

/** Decimals for a figure: published figures keep their published precision; derived ones use the indicator's. */
function figureDecimals(f: { value_text: string; status: string }, precision: number): number {
  return f.status === "derived" ? precision : shownDecimals(f.value_text, precision);
}

const formatters = new Map<number, Intl.NumberFormat>();
/** en-GB number with thousands separators and a fixed number of decimals. */
export function formatNumber(n: number, decimals: number): string {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, f);
  }
  return f.format(n);
}

/** Short unit words shown after a number in text. */
export const UNIT_SUFFIX: Record<Unit, string> = {
  count: "",
  wte: " WTE",
  percent: "%",
  rate_per_100000: " per 100,000",
  rate_per_1000000: " per million",
  days: " days",
  gbp: "",
  gbp_million: " million",
};

/** The unit in words for axis titles and column headers. */
export const UNIT_LABEL: Record<Unit, string> = {
  count: "number",
  wte: "whole-time equivalent (WTE)",
  percent: "per cent (%)",
  rate_per_100000: "rate per 100,000 people",
  rate_per_1000000: "rate per million people",
  days: "days",
  gbp: "pounds (£)",
  gbp_million: "£ million",
};

export interface ValueLike {
  value: number | null;
  value_text: string;
  unit: Unit;
  status: string;
  marker: string;
  qualifier: string;
}

/** A number with its unit, e.g. "8.8%", "1,572.8 WTE", "£106.8 million". No qualifier or marker. */
export function formatWithUnit(n: number, valueText: string, unit: Unit, precision: number): string {
  const num = formatNumber(n, shownDecimals(valueText, precision));
  const money = unit === "gbp" || unit === "gbp_million" ? "£" : "";
  return `${money}${num}${UNIT_SUFFIX[unit]}`;
}

/**
 * A figure as text: qualifier, number and unit, or the GSS marker when there is no number.
 * "more than 1,200", "8.8%", "[c]", "[x]".
 */
export function formatFigure(f: ValueLike, precision: number): string {
  if (f.value === null) return f.marker || "[x]";
  const q = f.qualifier ? `${f.qualifier} ` : "";
  const money = f.unit === "gbp" || f.unit === "gbp_million" ? "£" : "";
  return `${q}${money}${formatNumber(f.value, figureDecimals(f, precision))}${UNIT_SUFFIX[f.unit]}`;
}

/** The number only (for table cells whose header carries the unit). */
export function formatCell(f: ValueLike, precision: number): string {
  if (f.value === null) return f.marker || "[x]";
  const q = f.qualifier ? `${f.qualifier} ` : "";
  return `${q}${formatNumber(f.value, figureDecimals(f, precision))}`;
}
