/**
 * Projection chart: the five-year workforce projection as a Plot spec. Stocks (posts required, staff in post) are
 * lines from the start to year 5; flows (leavers, recruits needed, recruits made) are bars in years 1 to 5. All are
 * whole-time equivalents, so they share one axis from zero.
 *
 * Pure: data in, Plot options out. The build renders it with render.ts; the browser with render-browser.ts.
 * As in trend.ts, the layout is computed here because nothing can be measured in a server-side DOM.
 */
import * as Plot from "@observablehq/plot";
import { nice, ticks } from "d3-array";
import { formatNumber } from "../lib/format.ts";
import type { ChartSpec } from "./render.ts";
import { chartFrame } from "./frame.ts";
import { FONT_SIZE, SERIES_COLOURS, SERIES_SYMBOLS, SERIES_TEXT_COLOURS, textWidth, wrapText } from "./trend.ts";

export interface ProjectionSeries {
  label: string;
  values: number[];
}

export interface ProjectionChartInput {
  id: string;
  title: string;
  /** The unit in words, printed above the y axis. */
  yLabel: string;
  /** Values for the start (year 0) and years 1 to 5. */
  lines: ProjectionSeries[];
  /** Values for years 1 to 5. */
  bars: ProjectionSeries[];
  /** Labels of the start and of each year on the x axis ("Start", "2026/27" …); "Start", 1, 2 … when not given. */
  xLabels?: string[];
  width: number;
  height?: number;
}

interface KeyEntry {
  kind: "line" | "bar";
  label: string;
  colour: string;
  textColour: string;
  symbol?: string;
  /** Dash pattern of a line ("" for solid). */
  dash?: string;
  hollow?: boolean;
  /** Left edge of the swatch and the row's centre, in px. */
  x: number;
  y: number;
}

const LINE_HEIGHT = FONT_SIZE * 1.2;
const SWATCH = 22;

/** Bars are told apart by fill as well as colour: outlined, solid, then hatched-looking light fill. */
const BAR_STYLES = [
  { colour: SERIES_COLOURS[1], textColour: SERIES_TEXT_COLOURS[1], hollow: true },
  { colour: SERIES_COLOURS[2], textColour: SERIES_TEXT_COLOURS[2], hollow: false },
  { colour: SERIES_COLOURS[3], textColour: SERIES_TEXT_COLOURS[3], hollow: false },
] as const;

/** x tick label of year t. */
export const yearLabel = (t: number): string => (t === 0 ? "Start" : String(t));

/** Line colours: posts required first, then staff in post (or the other scenarios' posts required). */
const LINE_STYLES = [
  { colour: SERIES_COLOURS[0], textColour: SERIES_TEXT_COLOURS[0] },
  { colour: SERIES_COLOURS[4], textColour: SERIES_TEXT_COLOURS[4] },
  { colour: SERIES_COLOURS[3], textColour: SERIES_TEXT_COLOURS[3] },
] as const;
const lineStyle = (i: number) => LINE_STYLES[i % LINE_STYLES.length]!;
/** Dash patterns by line: solid, dashed, dotted, so lines that run together stay apart without colour. */
const LINE_DASHES = ["", "6,4", "2,3"] as const;
const lineDash = (i: number) => LINE_DASHES[i % LINE_DASHES.length]!;

/** Places key entries in rows that fit the width (px): a swatch, a gap and the label; rows wrap. */
export function layoutKey(entries: readonly Omit<KeyEntry, "x" | "y">[], width: number, left = 4): KeyEntry[] {
  const out: KeyEntry[] = [];
  let x = left;
  let row = 0;
  for (const e of entries) {
    const w = SWATCH + 6 + textWidth(e.label) + 16;
    if (x > left && x + w > width - 4) {
      x = left;
      row++;
    }
    out.push({ ...e, x, y: 4 + row * (LINE_HEIGHT + 6) + LINE_HEIGHT / 2 });
    x += w;
  }
  return out;
}

export function projectionChartSpec(input: ProjectionChartInput): ChartSpec {
  const { width } = input;
  const years = input.lines[0]?.values.length ?? 0;
  if (years < 2) throw new Error(`projection chart "${input.id}" needs at least a start and one year`);
  for (const s of input.lines) if (s.values.length !== years) throw new Error(`projection chart "${input.id}": line "${s.label}" has ${s.values.length} values, not ${years}`);
  for (const s of input.bars) if (s.values.length !== years - 1) throw new Error(`projection chart "${input.id}": bars "${s.label}" have ${s.values.length} values, not ${years - 1}`);
  const all = [...input.lines, ...input.bars].flatMap((s) => s.values);
  if (!all.every(Number.isFinite)) throw new Error(`projection chart "${input.id}" has a value that is not a finite number`);

  const height = input.height ?? (width < 480 ? 300 : 340);
  const keyEntries = layoutKey(
    [
      ...input.lines.map((s, i) => ({ kind: "line" as const, label: s.label, ...lineStyle(i), symbol: SERIES_SYMBOLS[i % SERIES_SYMBOLS.length]!, dash: lineDash(i) })),
      ...input.bars.map((s, i) => ({ kind: "bar" as const, label: s.label, ...BAR_STYLES[i % BAR_STYLES.length]! })),
    ],
    width,
  );
  const keyHeight = Math.max(...keyEntries.map((e) => e.y)) + LINE_HEIGHT / 2 + 8;
  const yLabelLines = wrapText(input.yLabel, width - 8);

  const tickCount = height < 320 ? 4 : 5;
  const [, yMax] = nice(0, Math.max(1, ...all), tickCount) as [number, number];
  const yTicks = ticks(0, yMax, tickCount);
  const yTickFormat = (d: number) => formatNumber(d, 0);
  const marginLeft = Math.ceil(Math.max(...yTicks.map((t) => textWidth(yTickFormat(t)))) + 12);
  const marginRight = 12;
  const marginTop = Math.ceil(keyHeight + yLabelLines.length * LINE_HEIGHT + 14);
  const marginBottom = 40;
  const frameTop = marginTop;
  const frameBottom = height - marginBottom;
  // Key positions are computed in px and turned into data units, since Plot places text by data or frame anchor.
  const x0 = -0.5;
  const x1 = years - 0.5;
  const xData = (px: number) => x0 + ((px - marginLeft) / (width - marginLeft - marginRight)) * (x1 - x0);
  const yData = (px: number) => ((frameBottom - px) / (frameBottom - frameTop)) * yMax;

  // Calendar labels ("2026/27") lose their century when they would not fit side by side ("26/27").
  const perTick = (width - marginLeft - marginRight) / years;
  const short = (input.xLabels ?? []).some((l) => textWidth(l) + 8 > perTick);
  const xTicks = (input.xLabels ?? []).map((l) => (short ? l.replace(/^\d{2}(\d{2}\/)/, "$1") : l));

  const barWidth = Math.min(0.8 / Math.max(1, input.bars.length), 0.34);
  const bars = input.bars.flatMap((s, i) => {
    const style = BAR_STYLES[i % BAR_STYLES.length]!;
    const offset = (i - input.bars.length / 2) * barWidth;
    return s.values.map((value, k) => ({ series: s.label, x1: k + 1 + offset + 0.01, x2: k + 1 + offset + barWidth - 0.01, value, ...style }));
  });
  const points = input.lines.flatMap((s, i) => s.values.map((value, t) => ({ series: s.label, t, value, index: i })));

  const lineKeys = keyEntries.filter((e) => e.kind === "line");
  const barKeys = keyEntries.filter((e) => e.kind === "bar");
  const marks: Plot.Markish[] = [
    Plot.gridY(yTicks, { strokeOpacity: 0.12 }),
    Plot.text([yLabelLines.join("\n")], {
      frameAnchor: "top-left",
      dx: -marginLeft + 2,
      dy: -10,
      textAnchor: "start",
      lineAnchor: "bottom",
      lineHeight: 1.2,
      fill: "currentColor",
      className: "projection-y-label",
    }),
    Plot.rectY(bars, { x1: "x1", x2: "x2", y1: 0, y2: "value", fill: (d: (typeof bars)[number]) => (d.hollow ? "white" : d.colour), stroke: "colour", strokeWidth: 1.5, className: "projection-bars" }),
    Plot.ruleY([0], { className: "projection-zero" }),
    ...input.lines.map((s, i) =>
      Plot.lineY(
        s.values.map((value, t) => ({ t, value })),
        { x: "t", y: "value", stroke: lineStyle(i).colour, strokeWidth: 2, ...(lineDash(i) ? { strokeDasharray: lineDash(i) } : {}), className: "projection-line" },
      ),
    ),
    Plot.dot(points, {
      x: "t",
      y: "value",
      symbol: "series",
      stroke: (d: (typeof points)[number]) => lineStyle(d.index).colour,
      fill: "white",
      strokeWidth: 1.5,
      r: 4,
      className: "projection-points",
    }),
    // The key, above the frame: a line with its symbol for each line, a small bar for each set of bars.
    ...LINE_DASHES.map((dash) =>
      Plot.link(
        lineKeys.filter((e) => (e.dash ?? "") === dash),
        { x1: (e: KeyEntry) => xData(e.x), x2: (e: KeyEntry) => xData(e.x + SWATCH), y1: (e: KeyEntry) => yData(e.y), y2: (e: KeyEntry) => yData(e.y), stroke: "colour", strokeWidth: 2, ...(dash ? { strokeDasharray: dash } : {}), className: "projection-key" },
      ),
    ),
    Plot.dot(lineKeys, { x: (e: KeyEntry) => xData(e.x + SWATCH / 2), y: (e: KeyEntry) => yData(e.y), symbol: "label", stroke: "colour", fill: "white", strokeWidth: 1.5, r: 4, className: "projection-key" }),
    Plot.rect(barKeys, { x1: (e: KeyEntry) => xData(e.x + 4), x2: (e: KeyEntry) => xData(e.x + SWATCH - 4), y1: (e: KeyEntry) => yData(e.y + 6), y2: (e: KeyEntry) => yData(e.y - 6), fill: (e: KeyEntry) => (e.hollow ? "white" : e.colour), stroke: "colour", strokeWidth: 1.5, className: "projection-key" }),
    Plot.text(keyEntries, { x: (e: KeyEntry) => xData(e.x + SWATCH + 6), y: (e: KeyEntry) => yData(e.y), text: "label", textAnchor: "start", fill: "textColour", className: "projection-key-labels" }),
    Plot.text([input.xLabels ? (short ? `Financial year (${input.xLabels[1]} to ${input.xLabels[years - 1]})` : "Financial year") : "Year"], { frameAnchor: "bottom", dy: 32, fill: "currentColor", className: "projection-x-label" }),
  ];

  return {
    id: input.id,
    title: input.title,
    description: projectionDescription(input),
    plot: {
      ...chartFrame(width, height, { top: marginTop, right: marginRight, bottom: marginBottom, left: marginLeft }),
      x: { type: "linear", domain: [x0, x1], ticks: Array.from({ length: years }, (_, t) => t), tickFormat: (t: number) => xTicks[t] ?? yearLabel(t), label: null },
      y: { domain: [0, yMax], ticks: yTicks, tickFormat: yTickFormat, label: null },
      color: { type: "identity" },
      symbol: { domain: input.lines.map((s) => s.label), range: input.lines.map((_, i) => SERIES_SYMBOLS[i % SERIES_SYMBOLS.length]!) },
      marks,
    },
  };
}

/** A plain-English summary for screen readers: each series' first and last value, and the total of each flow. */
export function projectionDescription(input: ProjectionChartInput): string {
  const fmt = (n: number) => `${formatNumber(n, 1)} WTE`;
  const years = (input.lines[0]?.values.length ?? 1) - 1;
  const last = input.xLabels?.[years] ?? `year ${years}`;
  const span = input.xLabels ? `${input.xLabels[1]} to ${input.xLabels[years]}` : `years 1 to ${years}`;
  const lines = input.lines.map((s) => `${s.label}: ${fmt(s.values[0]!)} at the start, ${fmt(s.values[s.values.length - 1]!)} in ${last}`);
  const bars = input.bars.map((s) => `${s.label}: ${s.values.map(fmt).join(", ")} in ${span}`);
  return `Projection chart, ${input.yLabel}. Lines: ${lines.join("; ")}. Bars: ${bars.join("; ")}. The table below gives every value.`;
}
