/*
 * Class breaks and fills for choropleth maps.
 *
 * Five classes by default (DESIGN.md §5), fewer when there are few areas (about three areas a class at
 * least, so a class is never one area picked out by chance of the cut). Adjacent classes need not differ
 * by 3:1 from each other: the ranked table and each area's accessible name carry the values (WCAG 1.4.11
 * is met by them), and every area is outlined. The lightest class must stay distinguishable from the white
 * background and from the hatched "no published figure", so it is a tinted colour, never near-white.
 *
 * Breaks are quantiles (d3-scale's scaleQuantile) of the values as displayed, i.e. rounded to the
 * indicator's precision. Each threshold is then moved up to the first displayed value at or above it,
 * which changes no area's class (no displayed value lies between the two) and puts every threshold on a
 * displayed value, so a legend label can never disagree with the value printed for an area.
 */
import { scaleQuantile, scaleThreshold } from "d3-scale";
import { schemeYlGnBu } from "d3-scale-chromatic";

/** Classes a map gets when there are enough areas. */
export const DEFAULT_CLASSES = 5;
/** Most classes a map may ask for (beyond 6, YlGnBu’s light steps get too close to white). */
export const MAX_CLASSES = 6;
/** Fewest areas a class should hold on average before another class is added. */
export const AREAS_PER_CLASS = 3;

/** Dark border and text colour (the Scottish Government design system's near-black). */
export const DARK = "#0b0c0c";
export const WHITE = "#ffffff";

export interface MapClass {
  /** 0-based position, lightest first. */
  index: number;
  /** Smallest value in the class: the minimum value for the first class, else the lower break. */
  lower: number;
  /** Upper limit: the next break (exclusive), or the maximum value for the last class (inclusive). */
  upper: number;
  upperInclusive: boolean;
  /** Number of values (as passed to classBreaks) in this class. */
  count: number;
  fill: string;
  /** Border drawn around areas with this fill: whichever of near-black and white contrasts more. */
  stroke: string;
}

export interface ClassBreaks {
  /** Decimal places shown; values are rounded to this before they are classed. */
  precision: number;
  /** Ascending lower limits of classes 1..k-1: class i holds thresholds[i-1] ≤ value < thresholds[i]. */
  thresholds: number[];
  /** Empty when there are no values. */
  classes: MapClass[];
}

export interface ClassOptions {
  /** Decimal places the indicator is displayed with (0–10). */
  precision: number;
  /** Upper limit on the number of classes (1–MAX_CLASSES); defaults to DEFAULT_CLASSES. */
  maxClasses?: number;
}

/** Rounds as the displayed text does (toFixed and Intl.NumberFormat both round the exact double half away from zero). */
export function roundTo(x: number, precision: number): number {
  const r = Number(x.toFixed(precision));
  return r === 0 ? 0 : r; // no "-0" in labels
}

/** WCAG 2 relative luminance of a "#rrggbb" colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`relativeLuminance: "${hex}" is not a #rrggbb colour`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? "0", 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two "#rrggbb" colours (1 to 21, order does not matter). */
export function contrastRatio(hexA: string, hexB: string): number {
  const a = relativeLuminance(hexA);
  const b = relativeLuminance(hexB);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Border colour for a fill: near-black on light fills, white on dark ones (see strokeFor tests). */
export function strokeFor(fill: string): string {
  return contrastRatio(fill, DARK) >= contrastRatio(fill, WHITE) ? DARK : WHITE;
}

/**
 * Fills for k classes, lightest first: ColorBrewer YlGnBu (colour-blind safe, sequential) with k + 1
 * steps, less its lightest step (#ffffcc or #ffffd9, which is all but white), so the lightest class is
 * still visibly tinted. One class gets the middle of the 3-step scheme: neither "empty" nor "highest".
 */
export function fillsFor(k: number): string[] {
  if (!Number.isInteger(k) || k < 0 || k > MAX_CLASSES) throw new Error(`fillsFor: number of classes must be a whole number from 0 to ${MAX_CLASSES}, not ${k}`);
  if (k === 0) return [];
  const three = schemeYlGnBu[3] as readonly string[];
  if (k === 1) return [three[1] as string];
  return (schemeYlGnBu[Math.max(3, k + 1)] as readonly string[]).slice(1, k + 1);
}

/**
 * How many classes a map of n areas with a figure gets: one class for every AREAS_PER_CLASS areas
 * (rounded up), at most `max`. 32 council areas → 5, 14 health boards → 5, 9 regions → 3, 4 areas → 2.
 */
export function classCountFor(areas: number, max: number = DEFAULT_CLASSES): number {
  if (areas <= 0) return 0;
  return Math.max(1, Math.min(max, Math.ceil(areas / AREAS_PER_CLASS)));
}

/**
 * Class breaks for the values shown on one map. Missing values (null, NaN, ±Infinity) are ignored.
 * Gives classCountFor(number of values) classes, never more than there are distinct displayed values,
 * fewer when ties leave a quantile class empty, none when there are no values.
 */
export function classBreaks(values: readonly (number | null | undefined)[], options: ClassOptions): ClassBreaks {
  const { precision } = options;
  if (!Number.isInteger(precision) || precision < 0 || precision > 10) {
    throw new Error(`classBreaks: precision must be a whole number from 0 to 10, not ${precision}`);
  }
  const maxClasses = Math.max(1, Math.min(MAX_CLASSES, Math.floor(options.maxClasses ?? DEFAULT_CLASSES)));
  const shown = values
    .filter((v): v is number => typeof v === "number" && Number.isFinite(v))
    .map((v) => roundTo(v, precision))
    .sort((a, b) => a - b);
  if (shown.length === 0) return { precision, thresholds: [], classes: [] };

  const distinct = [...new Set(shown)];
  const k = Math.min(classCountFor(shown.length, maxClasses), distinct.length);
  const min = shown[0] as number;
  const max = shown[shown.length - 1] as number;
  const quantiles = k > 1 ? scaleQuantile<number>().domain(shown).range(Array.from({ length: k }, (_, i) => i)).quantiles() : [];

  const thresholds: number[] = [];
  let previous = min;
  for (const q of quantiles) {
    // The first displayed value at or above the quantile: the same split, on a displayed value.
    let t = distinct.find((d) => d >= q);
    // A quantile on or below the previous limit (many equal values) moves up to the next distinct
    // value, so ties do not swallow classes while distinct values remain.
    if (t === undefined || t <= previous) t = distinct.find((d) => d > previous);
    if (t === undefined || t > max) break;
    thresholds.push(t);
    previous = t;
  }

  const fills = fillsFor(thresholds.length + 1);
  const classes: MapClass[] = fills.map((fill, index) => {
    const lo = index === 0 ? min : (thresholds[index - 1] as number);
    const last = index === thresholds.length;
    const hi = last ? max : (thresholds[index] as number);
    const count = shown.filter((v) => v >= lo && (last ? v <= hi : v < hi)).length;
    return { index, lower: lo, upper: hi, upperInclusive: last, count, fill, stroke: strokeFor(fill) };
  });
  return { precision, thresholds, classes };
}

/**
 * The class index of a value (after rounding it as displayed), or undefined for a missing value or
 * when there are no classes. Values outside the range fall into the nearest end class.
 */
export function classOf(value: number | null | undefined, breaks: ClassBreaks): number | undefined {
  if (typeof value !== "number" || !Number.isFinite(value) || breaks.classes.length === 0) return undefined;
  const scale = scaleThreshold<number, number>().domain(breaks.thresholds).range(breaks.classes.map((c) => c.index));
  return scale(roundTo(value, breaks.precision));
}
