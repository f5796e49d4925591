/**
 * Trend chart: figures of one indicator over time as lines, one per series, as a Plot spec.
 * Pure: data in, Plot options out. The caller renders it (render.ts) and prints title, subtitle and source in HTML.
 *
 * Layout is computed here (margins, y domain, tick choice, end-label positions) rather than left to Plot,
 * because Plot's automatic layout measures nothing in a server-side DOM and would crowd a 320 px phone screen.
 */
import * as Plot from "@observablehq/plot";
import { nice, tickStep, ticks } from "d3-array";
import { formatNumber, formatWithUnit } from "../lib/format.ts";
import type { Unit } from "../schemas/vocabulary.ts";
import type { ChartSpec } from "./render.ts";
import { chartFrame, FONT_SIZE } from "./frame.ts";

export interface TrendPoint {
  /** ISO date placing the figure on the time axis: the midpoint of its period (periodMidpoint). */
  date: string;
  /** The publisher's period label, shown on the x axis ("2022/23"). */
  periodLabel: string;
  /** null when the figure is suppressed or not available: the line breaks there and the marker is printed. */
  value: number | null;
  /** The value as published, for its precision in the description ("94.0"). */
  valueText?: string;
  /** Bounds of the 95% confidence interval, when published. */
  lower?: number;
  upper?: number;
  status: string;
  /** GSS marker: [c], [x], [r] or "". */
  marker: string;
}

export interface TrendSeries {
  label: string;
  points: TrendPoint[];
}

export interface TrendInput {
  /** Unique on the page; prefixes the ids of the SVG's title and description. */
  id: string;
  title: string;
  /** Unit and period range, shown by the caller under the title. */
  subtitle: string;
  /** The unit in words for the y axis, e.g. "per cent (%)". */
  yLabel: string;
  unit: Unit;
  /** Maximum decimals the indicator shows. */
  precision: number;
  series: TrendSeries[];
  width: number;
  /** Defaults to a height that suits the width. */
  height?: number;
}

export { FONT_SIZE };

/**
 * Okabe–Ito colours that keep at least 3:1 contrast with white (orange, sky blue and yellow do not),
 * ordered so neighbouring series differ most in hue. Colour is never the only cue: symbols and labels differ too.
 */
export const SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000"] as const;
/** Darker companions of SERIES_COLOURS for text, at least 4.5:1 on white. */
export const SERIES_TEXT_COLOURS = ["#0072B2", "#B84F00", "#007A58", "#A8527F", "#000000"] as const;
/** Filled symbols that stay distinct when drawn hollow. */
export const SERIES_SYMBOLS = ["circle", "square", "triangle", "diamond", "star"] as const;

// Advance widths in ems, a little above DejaVu Sans (the widest common system-ui fallback, measured in Chromium):
// text is laid out here, where nothing can be measured, so estimates err wide and labels are never cut off.
const NARROW = new Set("ijl.,:;'|! ");
const SEMI_NARROW = new Set("ftr()[]/-");
const WIDE = new Set("mwMW@%—");

/** Estimated width in px of one line of text. */
export function textWidth(text: string, fontSize: number = FONT_SIZE): number {
  let ems = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) ems += 0.32;
    else if (SEMI_NARROW.has(ch)) ems += 0.42;
    else if (WIDE.has(ch)) ems += 0.92;
    else if (/[0-9]/.test(ch)) ems += 0.64;
    else if (/[A-Z£]/.test(ch)) ems += 0.7;
    else ems += 0.6;
  }
  return ems * fontSize * 1.03;
}

/** Greedy word wrap to lines no wider than maxWidth px (a single long word stays whole on its line). */
export function wrapText(text: string, maxWidth: number, fontSize: number = FONT_SIZE): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** Units whose charts must start at zero: a truncated axis would exaggerate change in a size or amount. */
const ZERO_BASED: ReadonlySet<Unit> = new Set<Unit>(["count", "wte", "gbp", "gbp_million", "days", "rate_per_100000", "rate_per_1000000"]);

/**
 * The y domain: from zero for sizes, amounts and rates; for percentages too, unless every value is 50% or more
 * (e.g. shares of people seen within 3 weeks, 88–96%), where a zero baseline would flatten every change.
 * Includes confidence bounds; never above 100 for percentages that do not reach it. Ends on a tick, for `tickCount` ticks.
 */
export function trendYDomain(values: readonly number[], unit: Unit, tickCount = 5): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  const zeroBased = ZERO_BASED.has(unit) || lo < 50;
  if (zeroBased) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
    if (lo === hi) hi = 1;
    return nice(lo, hi, tickCount) as [number, number];
  }
  // Pad so the highest and lowest points do not sit on the frame.
  const pad = Math.max((hi - lo) * 0.15, 1);
  const [niceLo, niceHi] = nice(lo - pad, hi + pad, tickCount) as [number, number];
  return [niceLo, unit === "percent" && hi <= 100 ? Math.min(niceHi, 100) : niceHi];
}

function parseDate(iso: string): Date {
  const d = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(d.getTime())) throw new Error(`trend point date "${iso}" is not an ISO date (YYYY-MM-DD); use periodMidpoint()`);
  return d;
}

interface Tick {
  time: number;
  label: string;
}

/**
 * Which periods get an x tick label: greedy from the most recent backwards, keeping a label only where it does not
 * overlap the one kept after it. So at 320 px a long annual series shows every second or third year, always the latest.
 */
export function chooseTimeTicks(ticksIn: readonly Tick[], x: (time: number) => number, gap = 10): Tick[] {
  const sorted = [...ticksIn].sort((a, b) => a.time - b.time);
  const kept: Tick[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const t = sorted[i]!;
    const prev = kept[kept.length - 1];
    if (!prev || x(prev.time) - x(t.time) >= (textWidth(prev.label) + textWidth(t.label)) / 2 + gap) kept.push(t);
  }
  return kept.reverse();
}

/** Spreads label centres (px, top to bottom) so blocks of the given heights do not overlap, within [top, bottom]. */
export function spreadLabels(centres: readonly number[], heights: readonly number[], top: number, bottom: number): number[] {
  const order = centres.map((_, i) => i).sort((a, b) => centres[a]! - centres[b]! || a - b);
  const out = [...centres];
  // Push down past each neighbour above, then pull back up from the bottom edge.
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const minCentre = k === 0 ? top + heights[i]! / 2 : out[order[k - 1]!]! + (heights[order[k - 1]!]! + heights[i]!) / 2;
    out[i] = Math.max(out[i]!, minCentre);
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const maxCentre = k === order.length - 1 ? bottom - heights[i]! / 2 : out[order[k + 1]!]! - (heights[order[k + 1]!]! + heights[i]!) / 2;
    out[i] = Math.min(out[i]!, maxCentre);
  }
  return out;
}

/** Decimals for axis ticks: enough to tell neighbouring ticks apart, no more than the indicator shows. */
function tickDecimals(step: number, precision: number): number {
  return Math.min(Math.max(0, -Math.floor(Math.log10(step) + 1e-9)), Math.max(precision, 0));
}

interface Row extends TrendPoint {
  series: string;
  time: Date;
  colour: string;
  textColour: string;
  hollow: boolean;
}

interface SeriesLabel {
  series: string;
  /** Centre of the label in y data units (placed in px, then converted, because Plot's dy is one constant per mark). */
  y: number;
  text: string;
  colour: string;
  textColour: string;
}

/** Derived (computed by this site) and revised figures are drawn hollow, so they differ by shape, not colour. */
export const isHollow = (p: Pick<TrendPoint, "status" | "marker">): boolean => p.status === "derived" || p.marker === "[r]";

/**
 * How series are named on the chart: none for a single series (the title names it); direct labels at the end of the
 * lines when every name fits in a quarter of the width on at most two lines; otherwise a key above the frame,
 * which keeps a phone-width plot from being squeezed by long names.
 */
export function seriesLabelMode(labels: readonly string[], width: number): "none" | "end" | "key" {
  if (labels.length < 2) return "none";
  const room = width * 0.25;
  const fits = labels.every((l) => {
    const lines = wrapText(l, room);
    return lines.length <= 2 && lines.every((line) => textWidth(line) <= room);
  });
  return fits ? "end" : "key";
}

/**
 * Plot options for a line chart over time: one line per series with a point per figure (hollow when derived or
 * revised), a shaded 95% confidence band where bounds exist, series told apart by colour, symbol and name,
 * and the marker of each missing figure where its point would be on the time axis.
 */
export function trendChartSpec(input: TrendInput): ChartSpec {
  const { width, unit, precision } = input;
  // Series are keyed by label (line grouping, symbols, labels), so two with one name would merge.
  const labels = input.series.map((s) => s.label);
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice !== undefined) throw new Error(`trend chart "${input.id}" has two series labelled "${twice}": give each series its own label`);
  const height = input.height ?? (width < 480 ? 260 : 320);
  const lineHeight = FONT_SIZE * 1.2;
  const colourOf = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
  const textColourOf = (i: number) => SERIES_TEXT_COLOURS[i % SERIES_TEXT_COLOURS.length]!;

  const rows: Row[] = input.series.flatMap((s, i) =>
    [...s.points]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((p) => ({ ...p, series: s.label, time: parseDate(p.date), colour: colourOf(i), textColour: textColourOf(i), hollow: isHollow(p) })),
  );
  if (rows.length === 0) throw new Error(`trend chart "${input.id}" has no figures: show the indicator's table without a chart`);
  const valued = rows.filter((r) => r.value !== null);
  const bounded = valued.filter((r) => r.lower !== undefined && r.upper !== undefined);

  const tickCount = height < 280 ? 4 : 5;
  const yDomain = trendYDomain(
    valued.flatMap((r) => [r.value!, r.lower ?? r.value!, r.upper ?? r.value!]),
    unit,
    tickCount,
  );
  // With no number to read, an axis would only show a made-up scale.
  const yTicks = valued.length ? ticks(yDomain[0], yDomain[1], tickCount) : [];
  const decimals = tickDecimals(tickStep(yDomain[0], yDomain[1], tickCount), precision);
  const yTickFormat = (d: number) => formatNumber(d, decimals);

  const mode = seriesLabelMode(
    input.series.map((s) => s.label),
    width,
  );
  const endWidth = Math.min(Math.max(0, ...input.series.map((s) => textWidth(s.label))), width * 0.25);
  const keyWidth = width - 28;
  const labelLines = input.series.map((s) => (mode === "key" ? wrapText(s.label, keyWidth) : wrapText(s.label, endWidth)));
  const symbolGap = 18;

  // Margins hold what is drawn outside the frame: y tick labels on the left; on the right half an x tick label,
  // or the end labels; on top the y axis label, below the key when there is one.
  const periodLabels = [...new Set(rows.map((r) => r.periodLabel))];
  const halfTick = Math.max(0, ...periodLabels.map((l) => textWidth(l) / 2));
  const inset = 8;
  const keyHeight = mode === "key" ? labelLines.reduce((n, lines) => n + lines.length * lineHeight + 4, 4) : 0;
  const marginLeft = Math.ceil(Math.max(Math.max(0, ...yTicks.map((t) => textWidth(yTickFormat(t)))) + 12, halfTick - inset + 2));
  const marginRight = Math.ceil(mode === "end" ? endWidth + symbolGap + 8 : Math.max(halfTick - inset + 2, 12));
  // Plot would put the y axis label at the very top of the SVG, over the key; it is drawn as text above the frame instead.
  const yLabelLines = wrapText(input.yLabel, width - 8);
  const marginTop = Math.ceil(keyHeight + yLabelLines.length * lineHeight + 18);
  const marginBottom = 30;

  // A single period is centred in half a year either side, since a time scale needs a domain of some length.
  const times = rows.map((r) => r.time.getTime());
  const HALF_YEAR = 183 * 86_400_000;
  const t0 = Math.min(...times) - (Math.min(...times) === Math.max(...times) ? HALF_YEAR : 0);
  const t1 = Math.max(...times) + (Math.min(...times) === Math.max(...times) ? HALF_YEAR : 0);
  const frameWidth = width - marginLeft - marginRight - 2 * inset;
  const xPx = (t: number) => marginLeft + inset + ((t - t0) / (t1 - t0)) * frameWidth;
  const tickByTime = new Map<number, string>();
  for (const r of rows) if (!tickByTime.has(r.time.getTime())) tickByTime.set(r.time.getTime(), r.periodLabel);
  const xTicks = chooseTimeTicks([...tickByTime].map(([time, label]) => ({ time, label })), xPx);
  const xTickLabel = new Map(xTicks.map((t) => [t.time, t.label]));

  const frameTop = marginTop;
  const frameBottom = height - marginBottom;
  const yPx = (v: number) => frameBottom - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * (frameBottom - frameTop);
  const yData = (px: number) => yDomain[0] + ((frameBottom - px) / (frameBottom - frameTop)) * (yDomain[1] - yDomain[0]);

  let seriesLabels: SeriesLabel[] = [];
  if (mode === "end") {
    const ends = input.series
      .map((s, i) => ({ i, last: rows.filter((r) => r.series === s.label && r.value !== null).at(-1) }))
      .filter((e): e is { i: number; last: Row } => e.last !== undefined);
    const spread = spreadLabels(
      ends.map((e) => yPx(e.last.value!)),
      ends.map((e) => labelLines[e.i]!.length * lineHeight + 4),
      4,
      height - 4,
    );
    seriesLabels = ends.map((e, k) => label(e.i, yData(spread[k]!)));
  } else if (mode === "key") {
    let top = 4;
    seriesLabels = input.series.map((_, i) => {
      const h = labelLines[i]!.length * lineHeight;
      const centre = top + h / 2;
      top += h + 4;
      return label(i, yData(centre));
    });
  }
  function label(i: number, y: number): SeriesLabel {
    return { series: input.series[i]!.label, y, text: labelLines[i]!.join("\n"), colour: colourOf(i), textColour: textColourOf(i) };
  }
  // Key entries start at the left edge of the SVG; end labels just right of the frame.
  const labelAnchor = mode === "key" ? { frameAnchor: "left" as const, dx: -marginLeft + 10 } : { frameAnchor: "right" as const, dx: 10 };

  // No number, no point: a period without a figure gets its marker near the axis, one row per series, never a zero.
  const missingSeries = [...new Set(rows.filter((r) => r.value === null).map((r) => r.series))];
  const missing = rows
    .filter((r) => r.value === null)
    .map((r) => ({ ...r, y: yData(frameBottom - 10 - missingSeries.indexOf(r.series) * lineHeight) }));
  const marked = valued.filter((r) => r.marker !== "");

  const marks: Plot.Markish[] = [
    Plot.gridY(yTicks, { strokeOpacity: 0.12 }),
    Plot.text([yLabelLines.join("\n")], {
      frameAnchor: "top-left",
      dx: -marginLeft + 2,
      dy: -12,
      textAnchor: "start",
      lineAnchor: "bottom",
      lineHeight: 1.2,
      fill: "currentColor",
      className: "trend-y-label",
    }),
    yDomain[0] === 0 ? Plot.ruleY([0], { className: "trend-zero" }) : null,
    // The band takes every point, with missing bounds as gaps, so it never bridges a period without an interval.
    bounded.length
      ? Plot.areaY(rows, {
          x: "time",
          y1: (r: Row) => (r.value === null ? NaN : (r.lower ?? NaN)),
          y2: (r: Row) => (r.value === null ? NaN : (r.upper ?? NaN)),
          z: "series",
          fill: "colour",
          fillOpacity: 0.16,
          className: "trend-band",
        })
      : null,
    // An interval with no bounded neighbour makes no band, so it is drawn as a whisker.
    bounded.length
      ? Plot.ruleX(isolated(rows), { x: "time", y1: "lower", y2: "upper", stroke: "colour", strokeOpacity: 0.45, strokeWidth: 3, className: "trend-whisker" })
      : null,
    Plot.lineY(rows, { x: "time", y: "value", z: "series", stroke: "colour", strokeWidth: 2, className: "trend-line" }),
    Plot.dot(valued, {
      x: "time",
      y: "value",
      symbol: "series",
      stroke: "colour",
      fill: (r: Row) => (r.hollow ? "white" : r.colour),
      strokeWidth: 1.5,
      r: 4,
      className: "trend-points",
    }),
    marked.length ? Plot.text(marked, { x: "time", y: "value", text: "marker", dy: -12, fill: "textColour", className: "trend-markers" }) : null,
    missing.length ? Plot.text(missing, { x: "time", y: "y", text: (r: Row) => r.marker || "[x]", fill: "textColour", className: "trend-missing" }) : null,
    seriesLabels.length
      ? Plot.dot(seriesLabels, { y: "y", ...labelAnchor, symbol: "series", stroke: "colour", fill: "colour", r: 4, className: "trend-key" })
      : null,
    seriesLabels.length
      ? Plot.text(seriesLabels, {
          y: "y",
          text: "text",
          frameAnchor: labelAnchor.frameAnchor,
          dx: labelAnchor.dx + symbolGap - 8,
          textAnchor: "start",
          lineHeight: 1.2,
          fill: "textColour",
          className: "trend-labels",
        })
      : null,
  ];

  return {
    id: input.id,
    title: input.title,
    description: trendDescription(input),
    plot: {
      ...chartFrame(width, height, { top: marginTop, right: marginRight, bottom: marginBottom, left: marginLeft }),
      x: {
        type: "utc",
        domain: [new Date(t0), new Date(t1)],
        inset,
        ticks: xTicks.map((t) => new Date(t.time)),
        tickFormat: (d: Date) => xTickLabel.get(d.getTime()) ?? "",
        label: null,
      },
      y: { domain: yDomain, ticks: yTicks, tickFormat: yTickFormat, label: null },
      color: { type: "identity" },
      symbol: { domain: input.series.map((s) => s.label), range: input.series.map((_, i) => SERIES_SYMBOLS[i % SERIES_SYMBOLS.length]!) },
      marks,
    },
  };
}

/** Bounded points whose neighbours in the same series have no bounds. */
function isolated(rows: readonly Row[]): Row[] {
  const has = (r: Row | undefined) => r !== undefined && r.value !== null && r.lower !== undefined && r.upper !== undefined;
  return rows.filter((r, i) => {
    if (!has(r)) return false;
    const before = rows[i - 1];
    const after = rows[i + 1];
    return !(before?.series === r.series && has(before)) && !(after?.series === r.series && has(after));
  });
}

/** A plain-English summary for screen readers: what is drawn, and each series' first and latest figure. */
export function trendDescription(input: TrendInput): string {
  const fmt = (p: TrendPoint) => formatWithUnit(p.value!, p.valueText ?? String(p.value), input.unit, input.precision);
  const parts = input.series.map((s) => {
    const pts = [...s.points].sort((a, b) => a.date.localeCompare(b.date));
    const withValue = pts.filter((p) => p.value !== null);
    const first = withValue[0];
    const last = withValue.at(-1);
    const gaps = pts.length - withValue.length;
    const gapText = gaps ? `; ${gaps} period${gaps > 1 ? "s" : ""} without a published figure` : "";
    if (!first || !last) return `${s.label}: no published figures`;
    if (first === last) return `${s.label}: ${fmt(first)} in ${first.periodLabel}${gapText}`;
    return `${s.label}: ${fmt(first)} in ${first.periodLabel} to ${fmt(last)} in ${last.periodLabel} (${withValue.length} figures${gapText})`;
  });
  const notes = [
    input.series.some((s) => s.points.some((p) => p.value !== null && p.lower !== undefined && p.upper !== undefined))
      ? "Shaded bands show 95% confidence intervals."
      : "",
    input.series.some((s) => s.points.some((p) => p.value !== null && isHollow(p))) ? "Hollow points are derived or revised figures." : "",
  ].filter(Boolean);
  const kind = input.series.length > 1 ? `Line chart of ${input.series.length} series` : "Line chart";
  return [`${kind}, ${input.yLabel}.`, `${parts.join(". ")}.`, ...notes].join(" ");
}
