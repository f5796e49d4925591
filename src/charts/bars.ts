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
  /** The group the bar belongs to ("Nursing"), printed as a heading above the group's bars. */
  group?: string;
  /** Short text printed beside the value, e.g. "3 of 4 WTE" or "rests on under 5 WTE of posts". */
  note?: string;
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
  /**
   * "value": highest first within each group (figures without a number last); "given": as passed. Defaults to
   * "value" when any bar has a group, else "given". Groups always keep the order of their first bar.
   */
  sort?: "value" | "given";
  /** Notes for the whole chart; the page prints them under it, and the description reads them out. */
  footnotes?: string[];
}

/** Okabe–Ito blue (5.2:1 on white) for bars; a dark blue for the highlighted bar. */
export const BAR_COLOUR = "#0072B2";
export const HIGHLIGHT_COLOUR = "#003A5D";
/** Notes beside values: the site's muted text colour (8.9:1 on white). */
export const NOTE_COLOUR = "#484949";

const LINE_HEIGHT = FONT_SIZE * 1.2;
const BAR_HEIGHT = 16;
const LABEL_GAP = 3;
const ROW_GAP = 12;
/** Extra space above a group heading, after the previous group's last bar. */
const GROUP_GAP = 10;
/** Bold text runs about 12% wider than the regular text that textWidth estimates (DejaVu Sans Bold, measured in Chromium). */
const BOLD = 1.12;
const VALUE_DX = 5;
/** Text widths are estimated wide, so a small gap reads as a word space. */
const NOTE_GAP = 6;
/** A white outline behind text, so grid lines never run through it. */
const HALO = { stroke: "white", strokeWidth: 4, paintOrder: "stroke" } as const;

/** The text printed at the end of a bar: its value, and the word "derived" for figures computed by this site. */
export function barValueLabel(bar: Pick<Bar, "valueText" | "status">): string {
  return bar.status === "derived" ? `${bar.valueText} (derived)` : bar.valueText;
}

/**
 * The bars in drawing order: groups in the order of their first bar; within a group, by value when sorting
 * (highest first, ties and figures without a number in the order given, the latter last).
 */
export function orderBars(bars: readonly Bar[], sort: "value" | "given" = bars.some((b) => b.group !== undefined) ? "value" : "given"): Bar[] {
  const groups = new Map<string, Bar[]>();
  for (const b of bars) {
    const key = b.group ?? "";
    const list = groups.get(key) ?? [];
    list.push(b);
    groups.set(key, list);
  }
  const byValue = (a: Bar, b: Bar) => (a.value === null ? (b.value === null ? 0 : 1) : b.value === null ? -1 : b.value - a.value);
  return [...groups.values()].flatMap((list) => (sort === "value" ? [...list].sort(byValue) : list));
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
  /** Where the note goes: after the value on the bar's line, or on its own line under the bar. */
  notePlace?: "beside" | "below";
  noteY?: number;
}

interface Heading {
  y: number;
  text: string;
}

/**
 * The frame width (px, from the zero line) that leaves room after every bar for its value label and, where
 * possible, its note on the same line. Notes go beside their values while the frame keeps at least half the
 * room; the note that would squeeze it most moves under its bar, and so on. Values always fit beside their bar.
 */
export function fitValueLabels(
  bars: readonly Bar[],
  texts: readonly string[],
  domainMax: number,
  room: number,
  maxFrame: number = room - 24,
): { frameWidth: number; noteBeside: boolean[] } {
  const beside = bars.map((b) => Boolean(b.note));
  const extra = (i: number) => VALUE_DX + textWidth(texts[i] as string) + 4 + (beside[i] ? NOTE_GAP + textWidth(bars[i]?.note ?? "") : 0);
  // The widest frame at which row i's text ends inside the room.
  const limit = (i: number) => {
    const v = bars[i]?.value ?? 0;
    return v > 0 ? ((room - extra(i)) * domainMax) / v : room - extra(i) >= 0 ? room : -Infinity;
  };
  const minimum = room / 2;
  for (;;) {
    let frame = maxFrame;
    let tightest = -1;
    for (let i = 0; i < bars.length; i++) {
      const l = limit(i);
      if (l < frame) {
        frame = l;
        tightest = i;
      }
    }
    if (frame >= minimum || tightest < 0 || !beside[tightest]) {
      // With only values left to fit, values win over the minimum: a long value label shrinks the frame.
      return { frameWidth: Math.max(1, Math.floor(frame)), noteBeside: beside };
    }
    beside[tightest] = false;
  }
}

/** Bars always start at zero: a bar's length is its value. */
export function barXDomain(values: readonly (number | null)[]): [number, number] {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  return max === 0 ? [0, 1] : (nice(0, max, 5) as [number, number]);
}

/**
 * Plot options for horizontal bars: each name above its bar (in groups under their headings, when given), each
 * value printed after it with its note, derived bars outlined and labelled "derived", missing figures listed with
 * their marker and no bar.
 */
export function barChartSpec(input: BarInput): ChartSpec {
  const { width, precision } = input;
  const bars = orderBars(input.bars, input.sort);
  // The "0" tick label is centred on the zero line, so half of it sits left of the frame.
  const marginLeft = Math.ceil(textWidth("0") / 2 + 2);
  const textRoom = width - marginLeft - 4;
  const headerLines = input.yLabel ? wrapText(input.yLabel, textRoom / BOLD) : [];
  const marginTop = 6 + headerLines.length * LINE_HEIGHT + (headerLines.length ? 10 : 0);
  const hasValues = bars.some((b) => b.value !== null);
  const marginBottom = hasValues ? 44 : 8;

  const xDomain = barXDomain(bars.map((b) => b.value));
  const texts = bars.map((b) => (b.value === null ? b.valueText : barValueLabel(b)));
  // The last tick label is centred on the frame's end, so half of it needs room on the right.
  const endTick = hasValues ? textWidth(formatNumber(xDomain[1], precision)) / 2 + 4 : 0;
  const room = width - marginLeft - 4;
  const { frameWidth, noteBeside } = fitValueLabels(bars, texts, xDomain[1], room, room - Math.max(20, endTick));
  const marginRight = width - marginLeft - frameWidth;
  const pxToData = (px: number) => (px / frameWidth) * (xDomain[1] - xDomain[0]);

  let y = marginTop;
  let group: string | undefined;
  const headings: Heading[] = [];
  const rows: Row[] = bars.map((bar, i) => {
    if (bar.group !== undefined && bar.group !== group) {
      if (i > 0) y += GROUP_GAP;
      // A rule above each heading: group headings read as headings, not as the bold name of a highlighted bar.
      y += 6;
      const lines = wrapText(bar.group, textRoom / BOLD);
      headings.push({ y, text: lines.join("\n") });
      y += lines.length * LINE_HEIGHT + 6;
    }
    group = bar.group;
    const lines = wrapText(bar.label, bar.highlight ? textRoom / BOLD : textRoom);
    const nameY = y;
    const y1 = y + lines.length * LINE_HEIGHT + LABEL_GAP;
    const y2 = y1 + BAR_HEIGHT;
    y = y2 + ROW_GAP;
    const text = texts[i] as string;
    let notePlace: Row["notePlace"];
    let noteY: number | undefined;
    if (bar.note) {
      notePlace = noteBeside[i] ? "beside" : "below";
      if (notePlace === "below") {
        noteY = y2 + 3;
        y += LINE_HEIGHT;
      }
    }
    return {
      ...bar,
      y1,
      y2,
      nameY,
      name: lines.join("\n"),
      text,
      derived: bar.status === "derived",
      ...(notePlace ? { notePlace } : {}),
      ...(noteY !== undefined ? { noteY } : {}),
    };
  });
  const height = Math.ceil(y - ROW_GAP + 8 + marginBottom);

  const tickCount = Math.max(3, Math.floor(frameWidth / 80));
  // With no number to read, an axis would only show a made-up scale.
  const xTicks = hasValues ? ticks(xDomain[0], xDomain[1], tickCount) : [];
  const decimals = Math.min(Math.max(0, -Math.floor(Math.log10(tickStep(xDomain[0], xDomain[1], tickCount)) + 1e-9)), precision);
  const valued = rows.filter((r) => r.value !== null);
  const colour = (r: Row) => (r.highlight ? HIGHLIGHT_COLOUR : BAR_COLOUR);
  const beside = rows.filter((r) => r.notePlace === "beside");
  const below = rows.filter((r) => r.notePlace === "below");
  const mid = (r: Row) => (r.y1 + r.y2) / 2;

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
        headings.length ? Plot.ruleY(headings, { y: (h: Heading) => h.y - 6, insetRight: -(marginRight - 4), stroke: "#b1b4b6", className: "bars-group-rules" }) : null,
        headings.length
          ? Plot.text(headings, { y: "y", text: "text", frameAnchor: "left", textAnchor: "start", lineAnchor: "top", lineHeight: 1.2, fontWeight: "bold", fill: "currentColor", ...HALO, className: "bars-groups" })
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
        Plot.text(valued, { x: "value", y: mid, text: "text", dx: VALUE_DX, textAnchor: "start", fill: "currentColor", className: "bars-values" }),
        // A missing figure has no bar, never a zero-length one: its marker is printed where the bar would start.
        Plot.text(
          rows.filter((r) => r.value === null),
          { x: 0, y: mid, text: "text", dx: VALUE_DX, textAnchor: "start", fill: "currentColor", className: "bars-missing" },
        ),
        // Notes follow the value on its line when they fit, else take a line of their own under the bar.
        beside.length
          ? Plot.text(beside, {
              x: (r: Row) => (r.value ?? 0) + pxToData(VALUE_DX + textWidth(r.text) + NOTE_GAP),
              y: mid,
              text: "note",
              textAnchor: "start",
              fill: NOTE_COLOUR,
              ...HALO,
              className: "bars-notes",
            })
          : null,
        below.length
          ? Plot.text(below, { x: 0, y: "noteY", text: "note", textAnchor: "start", lineAnchor: "top", fill: NOTE_COLOUR, ...HALO, className: "bars-notes" })
          : null,
      ],
    },
  };
}

/** A plain-English summary for screen readers: every category and its value, by group, then the notes. */
export function barDescription(input: BarInput): string {
  const bars = orderBars(input.bars, input.sort);
  const item = (b: Bar) => `${b.label}: ${b.value === null ? `${b.valueText} (no figure)` : barValueLabel(b)}${b.note ? ` (${b.note})` : ""}`;
  const parts: string[] = [];
  let group: string | undefined;
  let current: string[] = [];
  const flush = () => {
    if (current.length) parts.push(group !== undefined ? `${group}: ${current.join("; ")}` : current.join("; "));
    current = [];
  };
  for (const b of bars) {
    if (b.group !== group) {
      flush();
      group = b.group;
    }
    current.push(item(b));
  }
  flush();
  const notes = input.footnotes?.length ? ` Notes: ${input.footnotes.join(" ")}` : "";
  return `Bar chart, ${input.xLabel}. ${parts.join(". ")}.${notes}`;
}
