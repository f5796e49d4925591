// The trend chart builder and its layout helpers, tested as data (no rendering). Values are made up.
import type { Mark } from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import {
  chooseTimeTicks,
  isHollow,
  seriesLabelMode,
  spreadLabels,
  textWidth,
  trendChartSpec,
  trendDescription,
  trendYDomain,
  wrapText,
  type TrendInput,
} from "../../src/charts/trend.ts";
import { periodMidpoint } from "../../src/lib/periods.ts";

describe("trendYDomain(values, unit)", () => {
  it.each([
    ["count from zero", [1100, 1700], "count", [0, 2000]],
    ["WTE from zero even when all values are high", [1500, 1520], "wte", [0, 2000]],
    ["money from zero", [5.2, 106.8], "gbp_million", [0, 120]],
    ["rates from zero", [18.2, 35.1], "rate_per_100000", [0, 40]],
    ["low percentages from zero", [8.8, 12.4], "percent", [0, 14]],
    ["high percentages not from zero", [88.1, 96.2], "percent", [86, 98]],
    ["high percentages not past 100", [91, 99.5], "percent", [88, 100]],
    ["no values", [], "count", [0, 1]],
    ["all zero", [0, 0], "count", [0, 1]],
  ] as const)("%s", (_, values, unit, expected) => {
    expect(trendYDomain(values, unit)).toEqual(expected);
  });

  it("covers every value it is given", () => {
    const values = [89, 93.1, 90.1, 95.5];
    const [lo, hi] = trendYDomain(values, "percent");
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(lo);
      expect(v).toBeLessThanOrEqual(hi);
    }
  });
});

describe("chooseTimeTicks(ticks, x)", () => {
  const years = Array.from({ length: 9 }, (_, i) => ({ time: 2015 + i, label: `${2015 + i}/${16 + i}` }));
  it("keeps every label when there is room", () => {
    expect(chooseTimeTicks(years, (t) => (t - 2015) * 100)).toEqual(years);
  });
  it("drops labels that would overlap, always keeping the latest", () => {
    const x = (t: number) => ((t - 2015) / 8) * 250;
    const kept = chooseTimeTicks(years, x);
    expect(kept.at(-1)).toEqual(years.at(-1));
    expect(kept.length).toBeLessThan(years.length);
    for (let i = 1; i < kept.length; i++) {
      const room = x(kept[i]!.time) - x(kept[i - 1]!.time);
      expect(room).toBeGreaterThanOrEqual((textWidth(kept[i]!.label) + textWidth(kept[i - 1]!.label)) / 2);
    }
  });
});

describe("spreadLabels(centres, heights, top, bottom)", () => {
  it("leaves labels that do not touch where they are", () => {
    expect(spreadLabels([50, 100], [14, 14], 0, 200)).toEqual([50, 100]);
  });
  it("pushes overlapping labels apart by their heights, keeping their order", () => {
    const [a, b] = spreadLabels([100, 98], [14, 14], 0, 200);
    expect(Math.abs(a! - b!)).toBeGreaterThanOrEqual(14);
    expect(a).toBeGreaterThan(b!);
  });
  it("keeps labels inside the given range", () => {
    const out = spreadLabels([195, 196, 197], [14, 14, 14], 0, 200);
    expect(Math.max(...out) + 7).toBeLessThanOrEqual(200);
    expect([...out].sort((p, q) => p - q)).toEqual([165, 179, 193]);
  });
});

describe("text layout", () => {
  it("wraps words to the width and loses none", () => {
    const text = "Made-up statutory and voluntary services, all roles";
    const lines = wrapText(text, 120);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(120);
  });
  it("labels series at the line ends when names are short, in a key when they are long, not at all when alone", () => {
    expect(seriesLabelMode(["Made-up A", "Made-up B"], 320)).toBe("end");
    expect(seriesLabelMode(["Made-up statutory and voluntary services, all roles", "B"], 320)).toBe("key");
    expect(seriesLabelMode(["Only one"], 320)).toBe("none");
  });
});

const point = (label: string, value: number | null, extra = {}) => {
  const [y] = label.split("/");
  return { date: periodMidpoint(`${y}-04-01`, `${Number(y) + 1}-03-31`), periodLabel: label, value, status: value === null ? "suppressed" : "published", marker: value === null ? "[c]" : "", ...extra };
};
const input: TrendInput = {
  id: "spec",
  title: "Made-up",
  subtitle: "",
  yLabel: "number",
  unit: "count",
  precision: 0,
  width: 640,
  series: [
    { label: "Made-up A", points: [point("2021/22", 10), point("2019/20", 20), point("2020/21", null)] },
    { label: "Made-up B", points: [point("2019/20", 30, { lower: 25, upper: 36 }), point("2020/21", 32, { status: "derived" })] },
  ],
};

/** The marks of a spec, by the class name the builder gives them. */
function marksOf(spec: ReturnType<typeof trendChartSpec>): Map<string, Mark & { data: unknown[] }> {
  const marks = (spec.plot.marks ?? []).flat(Infinity as 1) as unknown as (Mark & { className?: string; data: unknown[] })[];
  return new Map(marks.filter((m) => m?.className).map((m) => [m.className!, m]));
}

describe("trendChartSpec", () => {
  const spec = trendChartSpec(input);
  const marks = marksOf(spec);

  it("gives Plot options for a bare SVG: no title, subtitle, caption, legend or tip", () => {
    for (const key of ["title", "subtitle", "caption", "document"]) expect(spec.plot).not.toHaveProperty(key);
    expect(JSON.stringify(spec.plot)).not.toMatch(/"legend":true/);
    for (const mark of marks.values()) expect((mark as { tip?: unknown }).tip).toBeFalsy();
  });

  it("has a line, a point for each figure with a number, and end labels for two series", () => {
    expect([...marks.keys()]).toEqual(expect.arrayContaining(["trend-line", "trend-points", "trend-labels", "trend-key", "trend-missing"]));
    expect(marks.get("trend-points")!.data).toHaveLength(4);
    expect(marks.get("trend-missing")!.data).toHaveLength(1);
  });

  it("adds the band only when some figure has bounds", () => {
    expect(marks.has("trend-band")).toBe(true);
    const noBounds = { ...input, series: input.series.map((s) => ({ ...s, points: s.points.map(({ lower: _l, upper: _u, ...p }) => p) })) };
    expect(marksOf(trendChartSpec(noBounds)).has("trend-band")).toBe(false);
  });

  it("orders each series' points by date", () => {
    const a = (marks.get("trend-line")!.data as { series: string; periodLabel: string }[]).filter((r) => r.series === "Made-up A");
    expect(a.map((r) => r.periodLabel)).toEqual(["2019/20", "2020/21", "2021/22"]);
  });

  it("starts counts at zero, including the upper bound", () => {
    expect(spec.plot.y?.domain).toEqual([0, 40]);
  });

  it("gives each series its own symbol", () => {
    const symbol = spec.plot.symbol as { domain: string[]; range: string[] };
    expect(symbol.domain).toEqual(["Made-up A", "Made-up B"]);
    expect(new Set(symbol.range).size).toBe(2);
  });

  it("keeps a single period on the chart", () => {
    const one = trendChartSpec({ ...input, series: [{ label: "Made-up", points: [point("2021/22", 5)] }] });
    const [from, to] = one.plot.x!.domain as Date[];
    expect(from!.getTime()).toBeLessThan(to!.getTime());
  });

  it("rejects dates that are not ISO and charts without figures", () => {
    expect(() => trendChartSpec({ ...input, series: [{ label: "x", points: [{ ...point("2021/22", 5), date: "2021/22" }] }] })).toThrow(/not an ISO date/);
    expect(() => trendChartSpec({ ...input, series: [] })).toThrow(/has no figures/);
    expect(() => trendChartSpec({ ...input, series: [input.series[0]!, input.series[0]!] })).toThrow(/two series labelled "Made-up A"/);
  });
});

describe("trendDescription", () => {
  it("states each series' first and latest figure with the unit, gaps and what hollow points mean", () => {
    expect(trendDescription(input)).toBe(
      "Line chart of 2 series, number. Made-up A: 20 in 2019/20 to 10 in 2021/22 (2 figures; 1 period without a published figure). " +
        "Made-up B: 30 in 2019/20 to 32 in 2020/21 (2 figures). Shaded bands show 95% confidence intervals. Hollow points are derived or revised figures.",
    );
  });
  it("treats derived and revised figures as hollow, published ones as filled", () => {
    expect(isHollow({ status: "derived", marker: "" })).toBe(true);
    expect(isHollow({ status: "published", marker: "[r]" })).toBe(true);
    expect(isHollow({ status: "published", marker: "" })).toBe(false);
  });
});
