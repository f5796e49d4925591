// The bar chart builder tested as data (no rendering). Values are made up.
import type { Mark } from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { barChartSpec, barDescription, barValueLabel, barXDomain, type BarInput } from "../../src/charts/bars.ts";
import { textWidth } from "../../src/charts/trend.ts";

interface LaidOutRow {
  label: string;
  value: number | null;
  y1: number;
  y2: number;
  nameY: number;
  name: string;
}

const input: BarInput = {
  id: "spec",
  title: "Made-up",
  xLabel: "per cent (%)",
  precision: 1,
  unit: "percent",
  width: 320,
  bars: [
    { label: "Made-up short", value: 8.8, valueText: "8.8%", status: "published" },
    { label: "Made-up category with a long name that cannot fit on one line at phone width", value: 12.4, valueText: "12.4%", status: "published" },
    { label: "Made-up missing", value: null, valueText: "[c]", status: "suppressed" },
    { label: "Made-up derived", value: 5.25, valueText: "5.3%", status: "derived" },
  ],
};

function marksOf(spec: ReturnType<typeof barChartSpec>): (Mark & { className?: string; data: LaidOutRow[] })[] {
  return ((spec.plot.marks ?? []).flat(Infinity as 1) as unknown as (Mark & { className?: string; data: LaidOutRow[] })[]).filter(Boolean);
}
const byClass = (spec: ReturnType<typeof barChartSpec>, cls: string) => marksOf(spec).filter((m) => m.className?.split(" ").includes(cls));

describe("barXDomain", () => {
  it.each([
    ["starts at zero", [8.8, 12.4], [0, 14]],
    ["ignores missing values", [null, 3], [0, 3]],
    ["has a length when there is nothing to show", [null, null], [0, 1]],
    ["has a length when every value is zero", [0, 0], [0, 1]],
  ] as const)("%s", (_, values, expected) => {
    expect(barXDomain(values)).toEqual(expected);
  });
});

describe("barValueLabel", () => {
  it("adds the word derived to figures computed by this site", () => {
    expect(barValueLabel({ valueText: "5.3%", status: "derived" })).toBe("5.3% (derived)");
    expect(barValueLabel({ valueText: "8.8%", status: "published" })).toBe("8.8%");
  });
});

describe("barChartSpec", () => {
  const spec = barChartSpec(input);
  const rows = byClass(spec, "bars-names").flatMap((m) => m.data).sort((a, b) => a.nameY - b.nameY);

  it("keeps the given order and gives every category a row, with or without a figure", () => {
    expect(rows.map((r) => r.label)).toEqual(input.bars.map((b) => b.label));
  });

  it("draws bars only for figures with a number", () => {
    const bars = byClass(spec, "bars-bars").flatMap((m) => m.data);
    expect(bars.map((r) => r.label).sort()).toEqual(["Made-up category with a long name that cannot fit on one line at phone width", "Made-up derived", "Made-up short"]);
    expect(byClass(spec, "bars-missing").flatMap((m) => m.data).map((r) => r.label)).toEqual(["Made-up missing"]);
  });

  it("puts each name above its bar and rows one after another without overlap", () => {
    let bottom = -Infinity;
    for (const r of rows) {
      expect(r.nameY).toBeGreaterThanOrEqual(bottom);
      expect(r.y1).toBeGreaterThan(r.nameY + r.name.split("\n").length * 12);
      expect(r.y2).toBeGreaterThan(r.y1);
      bottom = r.y2;
    }
    expect(spec.plot.height).toBeGreaterThan(bottom);
  });

  it("wraps long names to the chart width", () => {
    const long = rows[1]!.name.split("\n");
    expect(long.length).toBeGreaterThan(1);
    for (const line of long) expect(textWidth(line)).toBeLessThanOrEqual(input.width);
  });

  it("leaves room on the right for the longest value label", () => {
    expect(spec.plot.marginRight).toBeGreaterThanOrEqual(textWidth("5.3% (derived)"));
  });

  it("starts the value axis at zero and labels it with the unit", () => {
    expect((spec.plot.x as { domain: number[] }).domain[0]).toBe(0);
    expect((spec.plot.x as { label: string }).label).toBe("per cent (%)");
  });

  it("has no title, caption, legend or tip, so Plot returns a bare SVG", () => {
    for (const key of ["title", "subtitle", "caption"]) expect(spec.plot).not.toHaveProperty(key);
    for (const mark of marksOf(spec)) expect((mark as { tip?: unknown }).tip).toBeFalsy();
  });

  it("describes every category in words", () => {
    expect(barDescription(input)).toBe(
      "Bar chart, per cent (%). Made-up short: 8.8%; Made-up category with a long name that cannot fit on one line at phone width: 12.4%; Made-up missing: [c] (no figure); Made-up derived: 5.3% (derived).",
    );
  });
});
