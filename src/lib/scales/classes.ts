/*
 * Class breaks and fills for choropleth maps.
 *
 * Why at most 3 classes: the product asks for "adjacent colours at least 3:1" (WCAG contrast ratio,
 * (L1 + 0.05) / (L2 + 0.05) with L the relative luminance). Ratios multiply along a sequence, so
 * k classes whose neighbours differ by 3:1 need 3^(k-1):1 between the lightest and the darkest.
 * The largest ratio any two colours can have is white against black, (1 + 0.05) / (0 + 0.05) = 21.
 * 3^2 = 9 ≤ 21 but 3^3 = 27 > 21, so a fourth class cannot exist: at most 3 classes.
 *
 * Breaks are quantiles (tertiles) of the values as displayed, i.e. rounded to the indicator's
 * precision, and each break is the first displayed value of its class, so breaks are at the display
 * precision too and a legend label can never disagree with the value printed for an area.
 */

/**
 * The 3 fills, lightest to darkest: ColorBrewer YlGnBu steps 2, 6 and 9 (of 9). YlGnBu is one of
 * ColorBrewer's colour-blind-safe sequential schemes; these steps are picked so that neighbours are
 * at least 3:1 apart (3.2:1 and 4.4:1, tested) and the lightest is still tinted, so it does not read
 * as "empty" next to the white "no published figure" hatch.
 */
export const CLASS_FILLS = ["#edf8b1", "#1d91c0", "#081d58"] as const;

/** Most classes a map may have (see the 3:1 argument above). */
export const MAX_CLASSES = CLASS_FILLS.length;

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
  /** Decimal places the indicator is displayed with (0–4). */
  precision: number;
  /** Upper limit on the number of classes (1–3); defaults to 3. */
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
 * Fills for k classes. With 2 classes use the two ends (the most contrast); with 1, the middle one,
 * which is neither mistaken for "empty" nor for "highest".
 */
export function fillsFor(k: number): string[] {
  const [light, middle, dark] = CLASS_FILLS;
  if (k <= 0) return [];
  if (k === 1) return [middle];
  if (k === 2) return [light, dark];
  return [light, middle, dark];
}

/**
 * Class breaks for the values shown on one map. Missing values (null, NaN, ±Infinity) are ignored.
 * Gives min(maxClasses, distinct displayed values) classes at most, fewer when quantiles coincide,
 * none when there are no values.
 */
export function classBreaks(values: readonly (number | null | undefined)[], options: ClassOptions): ClassBreaks {
  const { precision } = options;
  if (!Number.isInteger(precision) || precision < 0 || precision > 10) {
    throw new Error(`classBreaks: precision must be a whole number from 0 to 10, not ${precision}`);
  }
  const maxClasses = Math.max(1, Math.min(MAX_CLASSES, Math.floor(options.maxClasses ?? MAX_CLASSES)));
  const shown = values
    .filter((v): v is number => typeof v === "number" && Number.isFinite(v))
    .map((v) => roundTo(v, precision))
    .sort((a, b) => a - b);
  if (shown.length === 0) return { precision, thresholds: [], classes: [] };

  const distinct = [...new Set(shown)];
  const k = Math.min(maxClasses, distinct.length);
  const candidates: number[] = [];
  if (distinct.length <= maxClasses) {
    // Few distinct values: each starts its own class.
    candidates.push(...distinct.slice(1));
  } else {
    let previous = distinct[0] as number;
    for (let i = 1; i < k; i++) {
      // The first value of the (i+1)-th k-tile: nine values split 3/3/3, not 3/2/4 as an
      // interpolated quantile rounded to the display precision can.
      let t = shown[Math.min(shown.length - 1, Math.round((shown.length * i) / k))] as number;
      // A quantile that falls on or below the previous limit (many equal values) moves up to the
      // next distinct value, so ties do not swallow classes while distinct values remain.
      if (t <= previous) t = distinct.find((d) => d > previous) ?? t;
      candidates.push(t);
      previous = t;
    }
  }

  // Keep only limits that leave every class non-empty.
  const thresholds: number[] = [];
  let lower = -Infinity;
  const max = shown[shown.length - 1] as number;
  for (const t of candidates) {
    if (t > max || t <= lower) continue;
    if (!shown.some((v) => v >= lower && v < t)) continue;
    thresholds.push(t);
    lower = t;
  }

  const fills = fillsFor(thresholds.length + 1);
  const classes: MapClass[] = fills.map((fill, index) => {
    const lo = index === 0 ? (shown[0] as number) : (thresholds[index - 1] as number);
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
  const v = roundTo(value, breaks.precision);
  let i = 0;
  while (i < breaks.thresholds.length && v >= (breaks.thresholds[i] as number)) i++;
  return i;
}
