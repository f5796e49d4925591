import { classOf } from "./classes.ts";
import type { ClassBreaks } from "./classes.ts";

/** What a legend swatch looks like; never colour alone for anything but the value classes. */
export type Swatch =
  | { kind: "fill"; fill: string; stroke: string }
  /** Diagonal hatch on white: no published figure. */
  | { kind: "hatch" }
  /** Cross-hatch: [c] suppressed. */
  | { kind: "crosshatch" }
  /** Dot marker drawn on top of the area's own fill: [u] low reliability. */
  | { kind: "dot" };

export interface LegendItem {
  key: "class" | "missing" | "suppressed" | "low_reliability";
  /** Class index for key "class". */
  classIndex?: number;
  label: string;
  swatch: Swatch;
  /** Number of areas shown with this swatch. */
  count: number;
}

/** The fields of a map datum the legend needs. */
export interface LegendDatum {
  value: number | null;
  status: string;
  lowReliability?: boolean;
}

export const MISSING_LABEL = "No published figure";
export const SUPPRESSED_LABEL = "[c] suppressed";
export const LOW_RELIABILITY_LABEL = "[u] low reliability";

/** How an area is drawn. Suppressed wins over a stray value; a value is needed to be classed. */
export function areaKind(d: LegendDatum | undefined, breaks: ClassBreaks): "class" | "missing" | "suppressed" {
  if (d === undefined) return "missing";
  if (d.status === "suppressed") return "suppressed";
  if (d.status === "not_available" || d.status === "missing") return "missing";
  return classOf(d.value, breaks) === undefined ? "missing" : "class";
}

/**
 * "8.0% to under 12.5%", the last class "12.5% to 20.1%", a class holding one value "8.8%". A unit in words
 * is given as `suffix` and written once, at the end: "8.3 to under 15.5 per 100,000".
 */
export function classLabel(lower: number, upper: number, upperInclusive: boolean, format: (n: number) => string, suffix = ""): string {
  if (lower === upper) return `${format(lower)}${suffix}`;
  return upperInclusive ? `${format(lower)} to ${format(upper)}${suffix}` : `${format(lower)} to under ${format(upper)}${suffix}`;
}

/**
 * Legend items, in display order: the classes (lightest first), "No published figure" (always, so
 * readers learn what the hatch means even when every area has a figure), then "[c] suppressed" and
 * "[u] low reliability" only when some area has them. `areaCount` counts areas drawn without a data
 * item (boundaries with no data) as missing.
 */
export function legendItems(input: {
  breaks: ClassBreaks;
  data: readonly LegendDatum[];
  format: (n: number) => string;
  /** A unit in words written once after each class range (" per 100,000"); symbols such as "%" belong in `format`. */
  suffix?: string;
  /** Areas drawn without a data item; they show as "no published figure". */
  areasWithoutData?: number;
}): LegendItem[] {
  const { breaks, data, format } = input;
  const classCounts = breaks.classes.map(() => 0);
  let missing = input.areasWithoutData ?? 0;
  let suppressed = 0;
  let lowReliability = 0;
  for (const d of data) {
    const kind = areaKind(d, breaks);
    if (kind === "class") {
      const i = classOf(d.value, breaks) as number;
      classCounts[i] = (classCounts[i] ?? 0) + 1;
      if (d.lowReliability) lowReliability++;
    } else if (kind === "suppressed") suppressed++;
    else missing++;
  }
  const items: LegendItem[] = breaks.classes.map((c) => ({
    key: "class",
    classIndex: c.index,
    label: classLabel(c.lower, c.upper, c.upperInclusive, format, input.suffix),
    swatch: { kind: "fill", fill: c.fill, stroke: c.stroke },
    count: classCounts[c.index] ?? 0,
  }));
  items.push({ key: "missing", label: MISSING_LABEL, swatch: { kind: "hatch" }, count: missing });
  if (suppressed > 0) items.push({ key: "suppressed", label: SUPPRESSED_LABEL, swatch: { kind: "crosshatch" }, count: suppressed });
  if (lowReliability > 0) {
    items.push({ key: "low_reliability", label: LOW_RELIABILITY_LABEL, swatch: { kind: "dot" }, count: lowReliability });
  }
  return items;
}
