// Trend charts rendered to SVG. All values are made up for the tests.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { renderPlot } from "../../src/charts/render.ts";
import { trendChartSpec, type TrendInput, type TrendPoint } from "../../src/charts/trend.ts";
import { expectSvgSnapshot } from "./snapshot.ts";

/** A made-up figure for the financial year starting in `year`, placed at its midpoint (1 October). */
function fy(year: number, value: number | null, extra: Partial<TrendPoint> = {}): TrendPoint {
  return {
    date: `${year}-10-01`,
    periodLabel: `${year}/${String((year + 1) % 100).padStart(2, "0")}`,
    value,
    status: value === null ? "suppressed" : "published",
    marker: value === null ? "[c]" : "",
    ...extra,
  };
}

/** Two series in WTE: one with a suppressed year, a derived and a revised figure. */
const twoSeries = (width: number, labels = ["Made-up A", "Made-up B"]): TrendInput => ({
  id: "test-trend",
  title: "Made-up staff in post",
  subtitle: "whole-time equivalent, 2016/17 to 2022/23",
  yLabel: "whole-time equivalent (WTE)",
  unit: "wte",
  precision: 1,
  width,
  series: [
    { label: labels[0]!, points: [fy(2016, 1200), fy(2017, 1300), fy(2018, null), fy(2019, 1450, { status: "derived" }), fy(2020, 1500), fy(2021, 1620, { marker: "[r]" }), fy(2022, 1700)] },
    { label: labels[1]!, points: [fy(2018, 1100), fy(2019, 1200), fy(2020, 1350), fy(2021, 1500), fy(2022, 1680)] },
  ],
});

/** One series in per cent, near 90%, with 95% confidence intervals on some quarters. */
const withInterval = (width: number): TrendInput => ({
  id: "test-ci",
  title: "Made-up share seen within three weeks",
  subtitle: "per cent, Q1 2023/24 to Q1 2024/25",
  yLabel: "per cent (%)",
  unit: "percent",
  precision: 1,
  width,
  series: [
    {
      label: "Made-up share",
      points: [
        { date: "2023-05-16", periodLabel: "Q1 2023/24", value: 91.2, lower: 89, upper: 93.1, status: "published", marker: "" },
        { date: "2023-08-16", periodLabel: "Q2 2023/24", value: 92.5, lower: 90.1, upper: 94, status: "published", marker: "" },
        { date: "2023-11-15", periodLabel: "Q3 2023/24", value: 89.9, status: "published", marker: "" },
        { date: "2024-02-14", periodLabel: "Q4 2023/24", value: 93.4, lower: 91, upper: 95.5, status: "published", marker: "" },
        { date: "2024-05-16", periodLabel: "Q1 2024/25", value: 94, valueText: "94.0", status: "published", marker: "" },
      ],
    },
  ],
});

function parse(svg: string): SVGSVGElement {
  const { document } = new JSDOM(`<!doctype html><body>${svg}</body>`).window;
  return document.querySelector("svg")!;
}
const group = (svg: SVGSVGElement, cls: string) => svg.querySelector(`g.${cls}`);
const texts = (svg: SVGSVGElement, cls: string) => [...svg.querySelectorAll(`g.${cls} > text`)].map((t) => t.textContent);

describe("trend chart snapshots", () => {
  it("two series with a gap, derived and revised points (800 px, the wide layout)", async () => {
    await expectSvgSnapshot("trend-two-series-800", renderPlot(trendChartSpec(twoSeries(800))));
  });
  it("two series with long names at phone width get a key above (320 px)", async () => {
    const long = ["Made-up statutory and voluntary services, all roles", "Made-up B"];
    await expectSvgSnapshot("trend-two-series-key-320", renderPlot(trendChartSpec(twoSeries(320, long))));
  });
  it("one series with confidence intervals (320 px)", async () => {
    await expectSvgSnapshot("trend-interval-320", renderPlot(trendChartSpec(withInterval(320))));
  });
});

describe("trend chart SVG", () => {
  const svgText = renderPlot(trendChartSpec(twoSeries(640)));
  const svg = parse(svgText);

  it("is a bare <svg> with role img, labelled by its own title and description", () => {
    expect(svgText.startsWith("<svg")).toBe(true);
    expect(svg.getAttribute("role")).toBe("img");
    const [titleId, descId] = svg.getAttribute("aria-labelledby")!.split(" ");
    expect(svg.querySelector(`title#${titleId}`)?.textContent).toBe("Made-up staff in post");
    expect(svg.querySelector(`desc#${descId}`)?.textContent).toContain("Made-up A");
    expect(titleId!.startsWith("test-trend")).toBe(true);
  });

  it("draws one point per figure with a number, and none for the suppressed one", () => {
    const points = svg.querySelectorAll("g.trend-points > *");
    expect(points).toHaveLength(7 - 1 + 5);
  });

  it("breaks the line at the suppressed figure instead of drawing it at zero", () => {
    const lines = [...svg.querySelectorAll("g.trend-line > path")];
    expect(lines).toHaveLength(2);
    const subpaths = lines.map((p) => (p.getAttribute("d")!.match(/M/g) ?? []).length).sort();
    expect(subpaths).toEqual([1, 2]);
    expect(texts(svg, "trend-missing")).toEqual(["[c]"]);
    // The zero line's y must not be the y of any point.
    const zeroY = group(svg, "trend-zero")!.querySelector("line")!.getAttribute("y1");
    const pointYs = [...svg.querySelectorAll("g.trend-points > *")].map((p) => /,([\d.]+)\)/.exec(p.getAttribute("transform")!)![1]);
    expect(pointYs).not.toContain(zeroY);
  });

  it("tells the series apart by symbol and by name, not only by colour", () => {
    const shapesByStroke = new Map<string, Set<string>>();
    for (const p of svg.querySelectorAll("g.trend-points > path")) {
      const stroke = p.getAttribute("stroke")!;
      shapesByStroke.set(stroke, (shapesByStroke.get(stroke) ?? new Set()).add(p.getAttribute("d")!));
    }
    const shapes = [...shapesByStroke.values()];
    expect(shapes).toHaveLength(2);
    expect(shapes.map((s) => s.size)).toEqual([1, 1]);
    expect([...shapes[0]!][0]).not.toBe([...shapes[1]!][0]);
    expect(texts(svg, "trend-labels").sort()).toEqual(["Made-up A", "Made-up B"]);
  });

  it("draws derived and revised figures hollow and prints the revised marker", () => {
    const fills = [...svg.querySelectorAll("g.trend-points > *")].map((p) => p.getAttribute("fill"));
    expect(fills.filter((f) => f === "white")).toHaveLength(2);
    expect(texts(svg, "trend-markers")).toEqual(["[r]"]);
  });

  it("has no confidence band when no bounds are given", () => {
    expect(group(svg, "trend-band")).toBeNull();
    expect(group(svg, "trend-whisker")).toBeNull();
  });

  it("starts the y axis at zero for WTE", () => {
    expect(group(svg, "trend-zero")).not.toBeNull();
  });

  it("renders the same SVG every time, whatever was rendered before", () => {
    renderPlot(trendChartSpec(withInterval(320)));
    expect(renderPlot(trendChartSpec(twoSeries(640)))).toBe(svgText);
  });

  it("needs no script and no interaction", () => {
    expect(svgText).not.toMatch(/<script|onclick|onmouse|pointer-events="all"/i);
  });
});

describe("trend chart with confidence intervals", () => {
  const svg = parse(renderPlot(trendChartSpec(withInterval(320))));

  it("shades the band where neighbouring quarters have bounds, and draws a whisker for a lone interval", () => {
    const band = svg.querySelector("g.trend-band > path");
    expect(band).not.toBeNull();
    // Only Q1–Q2 form a band with width (Q3 has no interval; Q4's interval alone is a zero-width sliver).
    const shapes = band!.getAttribute("d")!.split("M").filter(Boolean);
    const xs = (shape: string) => new Set([...shape.matchAll(/(?:^|L)([\d.]+),/g)].map((m) => m[1]));
    expect(shapes.filter((shape) => xs(shape).size > 1)).toHaveLength(1);
    expect(svg.querySelectorAll("g.trend-whisker > line")).toHaveLength(1);
  });

  it("does not force a zero baseline for shares near 90%", () => {
    expect(group(svg, "trend-zero")).toBeNull();
    const ticks = texts(svg, "trend-y-label");
    expect(ticks).toEqual(["per cent (%)"]);
  });

  it("keeps x tick labels apart at 320 px", () => {
    const labels = [...svg.querySelectorAll('g[data-mark="x-axis tick label"] > text')].map((t) => t.textContent);
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(labels.length).toBeLessThan(5);
    expect(labels.at(-1)).toBe("Q1 2024/25");
  });
});

describe("trend chart ids", () => {
  it("prefixes the title and description ids with the chart id, so two charts can share a page", () => {
    const a = parse(renderPlot({ ...trendChartSpec(twoSeries(640)), id: "chart-a" }));
    const b = parse(renderPlot({ ...trendChartSpec(twoSeries(640)), id: "chart-b" }));
    const ids = (s: SVGSVGElement) => [...s.querySelectorAll("[id]")].map((e) => e.id);
    expect(ids(a)).toEqual(["chart-a-title", "chart-a-desc"]);
    expect(ids(b).filter((id) => ids(a).includes(id))).toEqual([]);
  });
});
