// Bar charts rendered to SVG. All values are made up for the tests.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { barChartSpec, type BarInput } from "../../src/charts/bars.ts";
import { renderPlot } from "../../src/charts/render.ts";
import { expectSvgSnapshot } from "./snapshot.ts";

const LONG_NAME = "Made-up recovery workers with lived and living experience";

/** Six made-up roles: a highlighted bar, a suppressed and an unavailable figure, a derived one and a true zero. */
const roles = (width: number): BarInput => ({
  id: "test-bars",
  title: "Made-up vacancy rate by role",
  yLabel: "Role",
  xLabel: "per cent (%)",
  precision: 1,
  unit: "percent",
  width,
  bars: [
    { label: "Made-up nurses", value: 8.8, valueText: "8.8%", status: "published" },
    { label: LONG_NAME, value: 12.4, valueText: "12.4%", status: "published", highlight: true },
    { label: "Made-up psychologists", value: null, valueText: "[c]", status: "suppressed" },
    { label: "Made-up social workers", value: 5.25, valueText: "5.3%", status: "derived" },
    { label: "Made-up doctors", value: 0, valueText: "0.0%", status: "published" },
    { label: "Made-up administrators", value: null, valueText: "[x]", status: "not_available" },
  ],
});

const sectors = (width: number): BarInput => ({
  id: "test-sectors",
  title: "Made-up staff by sector",
  xLabel: "whole-time equivalent (WTE)",
  precision: 1,
  unit: "wte",
  width,
  bars: [
    { label: "Made-up third sector", value: 1572.8, valueText: "1,572.8 WTE", status: "published" },
    { label: "Made-up NHS", value: 1210, valueText: "1,210.0 WTE", status: "published" },
    { label: "Made-up local authority", value: 310.5, valueText: "310.5 WTE", status: "published" },
  ],
});

/** Made-up vacancy rates by role in two groups, with the posts behind some rates as notes. */
const grouped = (width: number): BarInput => ({
  id: "test-grouped",
  title: "Made-up vacancy rate by role",
  yLabel: "Role",
  xLabel: "per cent (%)",
  precision: 1,
  unit: "percent",
  width,
  bars: [
    { label: "Made-up nurses, band 5", value: 8.8, valueText: "8.8%", status: "published", group: "Made-up nursing", note: "3 of 34 WTE" },
    { label: "Made-up team leaders", value: 75, valueText: "75.0%", status: "derived", group: "Made-up management", note: "3 of 4 WTE: rests on under 5 WTE of posts" },
    { label: "Made-up nurses, band 6", value: 12.4, valueText: "12.4%", status: "published", group: "Made-up nursing" },
    { label: "Made-up service managers", value: 18.2, valueText: "18.2%", status: "published", group: "Made-up management", highlight: true },
    { label: "Made-up nurses, band 7", value: null, valueText: "[c]", status: "suppressed", group: "Made-up nursing" },
  ],
  footnotes: ["Made-up: rates on under 5 WTE of posts are shown but not ranked."],
});

function parse(svg: string): SVGSVGElement {
  const { document } = new JSDOM(`<!doctype html><body>${svg}</body>`).window;
  return document.querySelector("svg")!;
}
const texts = (svg: SVGSVGElement, cls: string) => [...svg.querySelectorAll(`g.${cls} > text`)].map((t) => t.textContent);
const rects = (svg: SVGSVGElement) => [...svg.querySelectorAll("g.bars-bars > rect")];
const widthOf = (r: Element) => Number(r.getAttribute("width"));

describe("bar chart snapshots", () => {
  it("roles with missing, derived and highlighted bars (320 px)", async () => {
    await expectSvgSnapshot("bars-roles-320", renderPlot(barChartSpec(roles(320))));
  });
  it("sectors in WTE (800 px, the wide layout)", async () => {
    await expectSvgSnapshot("bars-sectors-800", renderPlot(barChartSpec(sectors(800))));
  });
  it("roles in groups, sorted within each, with notes (320 px and 800 px)", async () => {
    await expectSvgSnapshot("bars-grouped-320", renderPlot(barChartSpec(grouped(320))));
    await expectSvgSnapshot("bars-grouped-800", renderPlot(barChartSpec(grouped(800))));
  });
});

describe("grouped bar chart SVG", () => {
  const svg = parse(renderPlot(barChartSpec(grouped(320))));
  it("prints the group headings in bold and the bars sorted by value within each group", () => {
    expect(texts(svg, "bars-groups")).toEqual(["Made-up nursing", "Made-up management"]);
    expect(svg.querySelector("g.bars-groups")?.getAttribute("font-weight")).toBe("bold");
    expect(texts(svg, "bars-values")).toEqual(["12.4%", "8.8%", "75.0% (derived)", "18.2%"]);
    expect(texts(svg, "bars-missing")).toEqual(["[c]"]);
  });
  it("prints every note, in the muted text colour", () => {
    expect(texts(svg, "bars-notes").sort()).toEqual(["3 of 34 WTE", "3 of 4 WTE: rests on under 5 WTE of posts"]);
    for (const g of svg.querySelectorAll("g.bars-notes")) expect(g.getAttribute("fill")).toBe("#484949");
  });
});

describe("bar chart SVG", () => {
  const svgText = renderPlot(barChartSpec(roles(320)));
  const svg = parse(svgText);

  it("is a bare <svg> with role img, labelled by its own title and description", () => {
    expect(svgText.startsWith("<svg")).toBe(true);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-labelledby")).toBe("test-bars-title test-bars-desc");
    expect(svg.querySelector("title#test-bars-title")?.textContent).toBe("Made-up vacancy rate by role");
    expect(svg.querySelector("desc#test-bars-desc")?.textContent).toContain("Made-up psychologists: [c]");
  });

  it("draws a bar only for figures with a number; a zero is a bar of no length, a missing figure no bar at all", () => {
    expect(rects(svg)).toHaveLength(4);
    expect(rects(svg).filter((r) => widthOf(r) === 0)).toHaveLength(1);
    expect(texts(svg, "bars-missing")).toEqual(["[c]", "[x]"]);
  });

  it("prints every value beside its bar, in the order given", () => {
    expect(texts(svg, "bars-values")).toEqual(["8.8%", "12.4%", "5.3% (derived)", "0.0%"]);
  });

  it("scales bar lengths by value", () => {
    const byHeight = rects(svg).sort((a, b) => Number(a.getAttribute("y")) - Number(b.getAttribute("y")));
    const [nurses, workers, social] = byHeight.map(widthOf);
    expect(workers! / nurses!).toBeCloseTo(12.4 / 8.8, 2);
    expect(social! / nurses!).toBeCloseTo(5.25 / 8.8, 2);
  });

  it("outlines derived bars with a dashed line instead of filling them, and says derived", () => {
    const derived = [...svg.querySelectorAll("g.bars-derived > rect")];
    expect(derived).toHaveLength(1);
    expect(derived[0]!.closest("g")!.getAttribute("stroke-dasharray")).toBe("4 2");
    expect(derived[0]!.closest("g")!.getAttribute("fill")).toBe("white");
  });

  it("marks the highlighted bar by a bold name as well as a darker colour", () => {
    const bold = svg.querySelector('g.bars-names[font-weight="bold"]');
    expect(bold?.textContent).toContain("Made-up recovery workers");
  });

  it("wraps a long category name onto lines above its bar at 320 px, and keeps it on one line at 800 px", () => {
    const lines = (s: SVGSVGElement) => {
      const name = [...s.querySelectorAll("g.bars-names > text")].find((t) => t.textContent!.startsWith("Made-up recovery"));
      return name!.querySelectorAll("tspan").length || 1;
    };
    expect(lines(svg)).toBeGreaterThan(1);
    expect(lines(parse(renderPlot(barChartSpec(roles(800)))))).toBe(1);
    // Every word of the name is kept.
    const narrow = [...svg.querySelectorAll("g.bars-names > text")].map((t) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ") || t.textContent);
    expect(narrow).toContain(LONG_NAME);
  });

  it("names each row above its bar, so rows never overlap", () => {
    const names = [...svg.querySelectorAll("g.bars-names > text")].map((t) => Number(/,([\d.]+)\)/.exec(t.getAttribute("transform")!)![1]));
    const bars = rects(svg).map((r) => [Number(r.getAttribute("y")), Number(r.getAttribute("y")) + Number(r.getAttribute("height"))] as const);
    const sorted = [...bars].sort((a, b) => a[0] - b[0]);
    sorted.forEach(([top], i) => {
      const previousBottom = i === 0 ? 0 : sorted[i - 1]![1];
      expect(top).toBeGreaterThan(previousBottom);
      expect(names.some((y) => y >= previousBottom && y < top)).toBe(true);
    });
  });

  it("renders the same SVG every time", () => {
    renderPlot(barChartSpec(sectors(640)));
    expect(renderPlot(barChartSpec(roles(320)))).toBe(svgText);
  });

  it("puts the unit in the axis label", () => {
    expect(svg.querySelector('g[data-mark="x-axis label"]')?.textContent).toBe("per cent (%)");
  });
});
