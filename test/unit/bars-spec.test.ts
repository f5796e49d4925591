// The bar chart builder tested as data (no rendering). Values are made up.
import type { Mark } from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { barChartSpec, barDescription, barValueLabel, barXDomain, orderBars, type Bar, type BarInput } from "../../src/charts/bars.ts";
import { textWidth } from "../../src/charts/trend.ts";

interface LaidOutRow {
  label: string;
  value: number | null;
  y1: number;
  y2: number;
  nameY: number;
  name: string;
  text: string;
  note?: string;
  noteY?: number;
  y: number;
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

  it("leaves room after every bar for its value label, inside the chart", () => {
    const plot = spec.plot as { width: number; marginLeft: number; marginRight: number; x: { domain: [number, number] } };
    const frame = plot.width - plot.marginLeft - plot.marginRight;
    for (const r of byClass(spec, "bars-values").flatMap((m) => m.data)) {
      const end = plot.marginLeft + (r.value! / plot.x.domain[1]) * frame + 5 + textWidth(r.text);
      expect(end, r.label).toBeLessThanOrEqual(plot.width);
    }
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

const bar = (label: string, value: number | null, extra: Partial<Bar> = {}): Bar => ({
  label,
  value,
  valueText: value === null ? "[c]" : `${value.toFixed(1)}%`,
  status: value === null ? "suppressed" : "published",
  ...extra,
});

describe("orderBars", () => {
  const given = [bar("A", 5), bar("B", null), bar("C", 9), bar("D", 9), bar("E", 1)];
  it("keeps the given order by default when no bar has a group", () => {
    expect(orderBars(given).map((b) => b.label)).toEqual(["A", "B", "C", "D", "E"]);
  });
  it("sorts highest first when asked, ties in the given order, figures without a number last", () => {
    expect(orderBars(given, "value").map((b) => b.label)).toEqual(["C", "D", "A", "E", "B"]);
  });
  it("sorts within groups by default when bars have groups, and keeps the groups in the order of their first bar", () => {
    const grouped = [
      bar("Nurse band 5", 10, { group: "Nursing" }),
      bar("Psychiatrist", 22.7, { group: "Medical" }),
      bar("Nurse band 6", 15, { group: "Nursing" }),
      bar("Other doctor", null, { group: "Medical" }),
      bar("Consultant", 30, { group: "Medical" }),
      bar("Nurse band 7", 12, { group: "Nursing" }),
    ];
    expect(orderBars(grouped).map((b) => `${b.group}/${b.label}`)).toEqual([
      "Nursing/Nurse band 6",
      "Nursing/Nurse band 7",
      "Nursing/Nurse band 5",
      "Medical/Consultant",
      "Medical/Psychiatrist",
      "Medical/Other doctor",
    ]);
    expect(orderBars(grouped, "given").map((b) => b.label)).toEqual(["Nurse band 5", "Nurse band 6", "Nurse band 7", "Psychiatrist", "Other doctor", "Consultant"]);
  });
});

describe("barChartSpec with groups, notes and footnotes", () => {
  const grouped: BarInput = {
    ...input,
    width: 320,
    bars: [
      bar("Made-up band 5 nurses", 10, { group: "Made-up nursing", note: "3 of 30 WTE" }),
      bar("Made-up team leaders", 75, { group: "Made-up management", note: "rests on under 5 WTE of posts" }),
      bar("Made-up band 6 nurses", 15, { group: "Made-up nursing" }),
      bar("Made-up service managers", 20, { group: "Made-up management" }),
    ],
    footnotes: ["Made-up rates rest on few posts."],
  };
  const spec = barChartSpec(grouped);
  const rows = byClass(spec, "bars-names").flatMap((m) => m.data).sort((a, b) => a.nameY - b.nameY);
  const headings = byClass(spec, "bars-groups").flatMap((m) => m.data) as unknown as { y: number; text: string }[];

  it("prints each group's heading above its bars, sorted by value within the group", () => {
    expect(rows.map((r) => r.label)).toEqual(["Made-up band 6 nurses", "Made-up band 5 nurses", "Made-up team leaders", "Made-up service managers"]);
    expect(headings.map((h) => h.text)).toEqual(["Made-up nursing", "Made-up management"]);
    expect(headings[0]!.y).toBeLessThan(rows[0]!.nameY);
    expect(headings[1]!.y).toBeGreaterThan(rows[1]!.y2);
    expect(headings[1]!.y).toBeLessThan(rows[2]!.nameY);
  });

  it("prints a note beside its value when it fits, else on its own line under the bar, inside the chart", () => {
    const notes = byClass(spec, "bars-notes");
    const beside = notes.flatMap((m) => m.data).filter((r) => r.noteY === undefined);
    const below = notes.flatMap((m) => m.data).filter((r) => r.noteY !== undefined);
    expect(beside.map((r) => r.note)).toEqual(["3 of 30 WTE"]);
    // 75% leaves no room beside the value at 320 px: the note goes under the bar, and the next row moves down.
    expect(below.map((r) => r.note)).toEqual(["rests on under 5 WTE of posts"]);
    const leaders = rows.find((r) => r.label === "Made-up team leaders")!;
    const next = rows.find((r) => r.label === "Made-up service managers")!;
    expect(below[0]!.noteY).toBeGreaterThan(leaders.y2);
    expect(next.nameY).toBeGreaterThan(below[0]!.noteY! + 12);
    expect(textWidth("rests on under 5 WTE of posts")).toBeLessThan(320);
    // At 800 px the same note fits beside its value.
    const wide = byClass(barChartSpec({ ...grouped, width: 800 }), "bars-notes").flatMap((m) => m.data);
    expect(wide.every((r) => r.noteY === undefined)).toBe(true);
  });

  it("reads groups, notes and footnotes out in the description", () => {
    expect(barDescription(grouped)).toBe(
      "Bar chart, per cent (%). Made-up nursing: Made-up band 6 nurses: 15.0%; Made-up band 5 nurses: 10.0% (3 of 30 WTE). Made-up management: Made-up team leaders: 75.0% (rests on under 5 WTE of posts); Made-up service managers: 20.0%. Notes: Made-up rates rest on few posts.",
    );
  });

  it("draws the same chart as before when no bar has a group or note", () => {
    const plain = barChartSpec(input);
    expect(byClass(plain, "bars-groups")).toHaveLength(0);
    expect(byClass(plain, "bars-notes")).toHaveLength(0);
  });

  it("wraps bold names (highlighted bars, group headings) narrower than regular ones, since bold runs wider", () => {
    const name = "Made-up recovery workers with lived and living";
    const fits = barChartSpec({ ...input, bars: [bar(name, 1)] });
    const bold = barChartSpec({ ...input, bars: [bar(name, 1, { highlight: true })] });
    const lines = (s: ReturnType<typeof barChartSpec>) => byClass(s, "bars-names").flatMap((m) => m.data)[0]!.name.split("\n");
    expect(lines(fits)).toHaveLength(1);
    expect(lines(bold).length).toBeGreaterThan(1);
    for (const line of lines(bold)) expect(textWidth(line) * 1.12).toBeLessThanOrEqual(320 - 8);
  });
});
