import { describe, expect, it } from "vitest";
import { classBreaks } from "../../src/lib/scales/classes.ts";
import {
  LOW_RELIABILITY_LABEL,
  MISSING_LABEL,
  SUPPRESSED_LABEL,
  areaKind,
  classLabel,
  legendItems,
} from "../../src/lib/scales/legend.ts";
import type { LegendDatum } from "../../src/lib/scales/legend.ts";

const pct = (n: number) => `${n.toFixed(1)}%`;
const pub = (value: number, lowReliability = false): LegendDatum => ({ value, status: "published", lowReliability });

describe("classLabel", () => {
  it.each<[number, number, boolean, string]>([
    [8, 12.5, false, "8.0% to under 12.5%"],
    [12.5, 20.1, true, "12.5% to 20.1%"],
    [8.8, 8.8, true, "8.8%"],
    [-2, 0, false, "-2.0% to under 0.0%"],
  ])("%f to %f (upper inclusive: %s) is %s", (lower, upper, inclusive, expected) => {
    expect(classLabel(lower, upper, inclusive, pct)).toBe(expected);
  });
  it.each<[number, number, boolean, string]>([
    [8.3, 15.5, false, "8.3 to under 15.5 per 100,000"],
    [27.5, 44.6, true, "27.5 to 44.6 per 100,000"],
    [44.6, 44.6, true, "44.6 per 100,000"],
  ])("writes a unit in words once, at the end: %f to %f is %s", (lower, upper, inclusive, expected) => {
    expect(classLabel(lower, upper, inclusive, (n) => n.toFixed(1), " per 100,000")).toBe(expected);
  });
});

describe("areaKind", () => {
  const breaks = classBreaks([1, 2, 3], { precision: 0 });
  it.each<[string, LegendDatum | undefined, string]>([
    ["no data item", undefined, "missing"],
    ["published value", pub(2), "class"],
    ["derived value", { value: 2, status: "derived" }, "class"],
    ["suppressed", { value: null, status: "suppressed" }, "suppressed"],
    ["suppressed even if a number slipped through", { value: 2, status: "suppressed" }, "suppressed"],
    ["not available", { value: null, status: "not_available" }, "missing"],
    ["missing", { value: null, status: "missing" }, "missing"],
    ["published without a value", { value: null, status: "published" }, "missing"],
  ])("%s → %s", (_name, d, expected) => {
    expect(areaKind(d, breaks)).toBe(expected);
  });
});

describe("legendItems", () => {
  it("lists the classes with ranges and counts, then no published figure", () => {
    const data = [pub(1), pub(2), pub(3), pub(4), pub(5), pub(6), pub(7), pub(8), pub(9), { value: null, status: "not_available" }];
    const breaks = classBreaks(data.map((d) => d.value), { precision: 0 });
    const items = legendItems({ breaks, data, format: (n) => n.toFixed(0) });
    expect(items.map((i) => [i.key, i.label, i.count])).toEqual([
      ["class", "1 to under 4", 3],
      ["class", "4 to under 7", 3],
      ["class", "7 to 9", 3],
      ["missing", MISSING_LABEL, 1],
    ]);
    expect(items.slice(0, 3).map((i) => i.swatch)).toEqual(breaks.classes.map((c) => ({ kind: "fill", fill: c.fill, stroke: c.stroke })));
    expect(items[3]?.swatch).toEqual({ kind: "hatch" });
  });

  it("always shows 'No published figure', even when every area has a figure", () => {
    const data = [pub(1), pub(2)];
    const items = legendItems({ breaks: classBreaks([1, 2], { precision: 0 }), data, format: String });
    expect(items.filter((i) => i.key === "missing")).toEqual([{ key: "missing", label: MISSING_LABEL, swatch: { kind: "hatch" }, count: 0 }]);
  });

  it("adds suppressed and low reliability only when present, each with a pattern or marker", () => {
    const data: LegendDatum[] = [pub(1, true), pub(2), pub(3, true), { value: null, status: "suppressed" }, { value: null, status: "missing" }];
    const items = legendItems({ breaks: classBreaks([1, 2, 3], { precision: 0 }), data, format: String, areasWithoutData: 2 });
    const byKey = new Map(items.map((i) => [i.key, i]));
    expect(byKey.get("missing")?.count).toBe(3); // one missing item and two boundaries without data
    expect(byKey.get("suppressed")).toEqual({ key: "suppressed", label: SUPPRESSED_LABEL, swatch: { kind: "crosshatch" }, count: 1 });
    expect(byKey.get("low_reliability")).toEqual({ key: "low_reliability", label: LOW_RELIABILITY_LABEL, swatch: { kind: "dot" }, count: 2 });
    // Never colour alone: the three non-class entries each look different from every class swatch.
    const kinds = items.filter((i) => i.key !== "class").map((i) => i.swatch.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).not.toContain("fill");
  });

  it("counts every area exactly once across classes, missing and suppressed", () => {
    const data: LegendDatum[] = [
      ...Array.from({ length: 20 }, (_, i) => pub(i * 0.7, i % 4 === 0)),
      { value: null, status: "suppressed" },
      { value: null, status: "not_available" },
    ];
    const breaks = classBreaks(data.map((d) => d.value), { precision: 1 });
    const items = legendItems({ breaks, data, format: String });
    const areaCount = items.filter((i) => i.key !== "low_reliability").reduce((n, i) => n + i.count, 0);
    expect(areaCount).toBe(data.length);
  });

  it("has only 'No published figure' when no area has a figure", () => {
    const data: LegendDatum[] = [{ value: null, status: "missing" }];
    const items = legendItems({ breaks: classBreaks([null], { precision: 1 }), data, format: String });
    expect(items.map((i) => i.key)).toEqual(["missing"]);
  });
});
