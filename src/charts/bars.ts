/**
 * Horizontal bar chart comparing categories at one period (vacancy rate by role, staff by sector), as a Plot spec.
 * Pure: data in, Plot options out; the caller renders it (render.ts) and prints title and source in HTML.
 *
 * Each category name is printed on its own line(s) above its bar, so long names wrap instead of being cut off at
 * 320 px; every bar carries its value as text, so nothing depends on reading the axis or telling colours apart.
 * Rows are laid out here in pixels (y is an identity scale) because names wrap to different numbers of lines.
 */
import * as Plot from "@observablehq/plot";
import { nice, tickStep, ticks } from "d3-array";
import { formatNumber } from "../lib/format.ts";
import type { Unit } from "../schemas/vocabulary.ts";
import type { ChartSpec } from "./render.ts";
import { chartFrame } from "./frame.ts";
import { FONT_SIZE, textWidth, wrapText } from "./trend.ts";

export interface Bar {
  label: string;
  /** null for a suppressed or unavailable figure: listed with its marker, no bar. */
  value: number | null;
  /** The value as shown in text, formatted with its unit ("8.8%"), or the marker ("[c]"). */
  valueText: string;
  status: string;
  /** Drawn darker, with the name in bold (e.g. the area the page is about). */
  highlight?: boolean;
}

export interface BarInput {
  id: string;
  title: string;
  /** What the categories are ("Role"), printed above them when given. */
  yLabel?: string;
  /** The unit in words for the value axis ("per cent (%)"). */
  xLabel: string;
  precision: number;
  unit: Unit;
  bars: Bar[];
  width: number;
}

/** Okabe–Ito blue (5.2:1 on white) for bars; a dark blue for the highlighted bar. */
export const BAR_COLOUR = "#0072B2";
export const HIGHLIGHT_COLOUR = "#003A5D";

const LINE_HEIGHT = FONT_SIZE * 1.2;
const BAR_HEIGHT = 16;
const LABEL_GAP = 3;
const ROW_GAP = 12;
/** A white outline behind text, so grid lines never run through it. */
const HALO = { stroke: "white", strokeWidth: 4, paintOrder: "stroke" } as const;

/** The text printed at the end of a bar: its value, and the word "derived" for figures computed by this site. */
export function barValueLabel(bar: Pick<Bar, "valueText" | "status">): string {
  return bar.status === "derived" ? `${bar.valueText} (derived)` : bar.valueText;
}

interface Row extends Bar {
  /** Top and bottom of the bar in px. */
  y1: number;
  y2: number;
  /** Top of the name block in px. */
  nameY: number;
  name: string;
  text: string;
  derived: boolean;
}

/** Bars always start at zero: a bar's length is its value. */
export function barXDomain(values: readonly (number | null)[]): [number, number] {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  return max === 0 ? [0, 1] : (nice(0, max, 5) as [number, number]);
}

/**
 * Plot options for horizontal bars in the given order: each name above its bar, each value printed after it,
 * derived bars outlined and labelled "derived", missing figures listed with their marker and no bar.
 */
export function barChartSpec(input: BarInput): ChartSpec {
  const { width, precision } = input;
  // The "0" tick label is centred on the zero line, so half of it sits left of the frame.
  const marginLeft = Math.ceil(textWidth("0") / 2 + 2);
  // Values are printed after the bars, so the right margin holds the longest value label.
  const marginRight = Math.ceil(Math.max(24, ...input.bars.map((b) => (b.value === null ? 0 : textWidth(barValueLabel(b)) + 8))));
  const headerLines = input.yLabel ? wrapText(input.yLabel, width - marginLeft - 4) : [];
  const marginTop = 6 + headerLines.length * LINE_HEIGHT + (headerLines.length ? 10 : 0);
  const hasValues = input.bars.some((b) => b.value !== null);
  const marginBottom = hasValues ? 44 : 8;

  let y = marginTop;
  const rows: Row[] = input.bars.map((bar) => {
    const lines = wrapText(bar.label, width - marginLeft - 4);
    const nameY = y;
    const y1 = y + lines.length * LINE_HEIGHT + LABEL_GAP;
    const y2 = y1 + BAR_HEIGHT;
    y = y2 + ROW_GAP;
    return { ...bar, y1, y2, nameY, name: lines.join("\n"), text: bar.value === null ? bar.valueText : barValueLabel(bar), derived: bar.status === "derived" };
  });
  const height = Math.ceil(y - ROW_GAP + 8 + marginBottom);

  const xDomain = barXDomain(input.bars.map((b) => b.value));
  const tickCount = Math.max(2, Math.floor((width - marginLeft - marginRight) / 70));
  // With no number to read, an axis would only show a made-up scale.
  const xTicks = hasValues ? ticks(xDomain[0], xDomain[1], tickCount) : [];
  const decimals = Math.min(Math.max(0, -Math.floor(Math.log10(tickStep(xDomain[0], xDomain[1], tickCount)) + 1e-9)), precision);
  const valued = rows.filter((r) => r.value !== null);
  const colour = (r: Row) => (r.highlight ? HIGHLIGHT_COLOUR : BAR_COLOUR);

  return {
    id: input.id,
    title: input.title,
    description: barDescription(input),
    plot: {
      ...chartFrame(width, height, { top: marginTop, right: marginRight, bottom: marginBottom, left: marginLeft }),
      x: { domain: xDomain, axis: hasValues ? "bottom" : null, ticks: xTicks, tickFormat: (d: number) => formatNumber(d, decimals), label: input.xLabel, labelAnchor: "left", labelArrow: "none", labelOffset: 36 },
      y: { type: "identity", axis: null },
      color: { type: "identity" },
      marks: [
        Plot.gridX(xTicks, { strokeOpacity: 0.12 }),
        headerLines.length
          ? Plot.text([headerLines.join("\n")], { frameAnchor: "top-left", dy: -10, lineAnchor: "bottom", textAnchor: "start", fontWeight: "bold", lineHeight: 1.2, fill: "currentColor", className: "bars-heading" })
          : null,
        // Plot takes font weight and dash pattern as constants per mark, so highlighted names and derived bars get their own marks.
        ...[false, true].map((bold) =>
          Plot.text(
            rows.filter((r) => Boolean(r.highlight) === bold),
            { y: "nameY", text: "name", frameAnchor: "left", textAnchor: "start", lineAnchor: "top", lineHeight: 1.2, fontWeight: bold ? "bold" : "normal", fill: "currentColor", ...HALO, className: "bars-names" },
          ),
        ),
        Plot.rectX(
          valued.filter((r) => !r.derived),
          { x1: 0, x2: "value", y1: "y1", y2: "y2", fill: colour, className: "bars-bars" },
        ),
        // Derived bars are outlined and dashed, not filled: a difference of shape, not only of colour.
        Plot.rectX(
          valued.filter((r) => r.derived),
          { x1: 0, x2: "value", y1: "y1", y2: "y2", fill: "white", stroke: colour, strokeWidth: 1.5, strokeDasharray: "4 2", className: "bars-bars bars-derived" },
        ),
        // The zero line is drawn per row, so it does not run through the names.
        Plot.ruleX(rows, { x: 0, y1: (r: Row) => r.y1 - 2, y2: (r: Row) => r.y2 + 2, stroke: "currentColor", className: "bars-zero" }),
        Plot.text(valued, {
          x: "value",
          y: (r: Row) => (r.y1 + r.y2) / 2,
          text: "text",
          dx: 5,
          textAnchor: "start",
          fill: "currentColor",
          className: "bars-values",
        }),
        // A missing figure has no bar, never a zero-length one: its marker is printed where the bar would start.
        Plot.text(
          rows.filter((r) => r.value === null),
          { x: 0, y: (r: Row) => (r.y1 + r.y2) / 2, text: "text", dx: 5, textAnchor: "start", fill: "currentColor", className: "bars-missing" },
        ),
      ],
    },
  };
}

/** A plain-English summary for screen readers: every category and its value. */
export function barDescription(input: BarInput): string {
  const items = input.bars.map((b) => `${b.label}: ${b.value === null ? `${b.valueText} (no figure)` : barValueLabel(b)}`);
  return `Bar chart, ${input.xLabel}. ${items.join("; ")}.`;
}
