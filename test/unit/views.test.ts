import { describe, expect, it } from "vitest";
import { defaultBreakdown, latest, mapSlice, primaryMeasure, trendSeries } from "../../src/lib/views/select.ts";
import { fig } from "../helpers/figures.ts";

describe("defaultBreakdown", () => {
  it("prefers the total, then all persons, then the most common breakdown", () => {
    expect(defaultBreakdown([fig({ breakdown_type: "sex", breakdown_value: "Males" }), fig({})])).toEqual({ type: "sex", value: "Persons" });
    expect(defaultBreakdown([fig({}), fig({ breakdown_type: "total", breakdown_value: "all" })])).toEqual({ type: "total", value: "all" });
    expect(defaultBreakdown([fig({ breakdown_type: "role", breakdown_value: "A" }), fig({ breakdown_type: "role", breakdown_value: "B" }), fig({ breakdown_type: "role", breakdown_value: "B" })])).toEqual({ type: "role", value: "B" });
    expect(defaultBreakdown([])).toBeUndefined();
  });
});

describe("primaryMeasure", () => {
  it("takes the first value measure in registry order that has figures", () => {
    const measures = [
      { measure: "rate", role: "value" },
      { measure: "deaths", role: "value" },
    ];
    expect(primaryMeasure(measures, [fig({})])).toBe("deaths");
    expect(primaryMeasure(measures, [])).toBeUndefined();
  });
});

describe("trendSeries", () => {
  it("joins only periods of one kind, sorted, leaving out missing values and superseded figures", () => {
    const figures = [
      fig({ period: "2023", value: 3 }),
      fig({ period: "2021", value: 1 }),
      fig({ period: "2022", value: null, status: "suppressed" }),
      fig({ period: "2021-11-01", value: 9 }),
      fig({ period: "2020", value: 7, preferred: false }),
    ];
    const [s] = trendSeries(figures, { measure: "deaths", breakdown: { type: "sex", value: "Persons" }, areaCodes: ["S92000003"] });
    expect(s!.kind).toBe("year");
    expect(s!.points.map((p) => [p.figure.period, p.value])).toEqual([
      ["2021", 1],
      ["2023", 3],
    ]);
  });
  it("makes no series from a single point and attaches confidence bounds", () => {
    expect(trendSeries([fig({})], { measure: "deaths", breakdown: { type: "sex", value: "Persons" }, areaCodes: ["S92000003"] })).toEqual([]);
    const v = [fig({ period: "2021", value: 10 }), fig({ period: "2022", value: 12 })];
    const bounds = [fig({ period: "2021", role: "lower_95ci", value: 8 }), fig({ period: "2021", role: "upper_95ci", value: 13 })];
    const [s] = trendSeries(v, { measure: "deaths", breakdown: { type: "sex", value: "Persons" }, areaCodes: ["S92000003"], bounds });
    expect(s!.points.map((p) => [p.lower, p.upper])).toEqual([
      [8, 13],
      [undefined, undefined],
    ]);
  });
});

describe("mapSlice and latest", () => {
  it("maps the period with most areas, latest on a tie", () => {
    const a = (code: string, period: string) => fig({ geography_level: "council_area", area_code: code, period });
    const s = mapSlice([a("A", "2021"), a("B", "2021"), a("A", "2022"), a("B", "2022"), a("C", "2020")], "council_area", "deaths", { type: "sex", value: "Persons" });
    expect(s!.period).toBe("2022");
    expect(s!.figures).toHaveLength(2);
    expect(mapSlice([], "council_area", "deaths", { type: "sex", value: "Persons" })).toBeUndefined();
  });
  it("finds the latest period by its middle", () => {
    expect(latest([fig({ period: "2021-11-01" }), fig({ period: "2021" })])!.period).toBe("2021-11-01");
  });
});

import { figuresCsv, figuresShown } from "../../src/lib/views/shown.ts";
import { indicatorPage } from "../../src/lib/views/indicatorPage.ts";
import { csvParse } from "d3-dsv";
describe("figures shown on an indicator page", () => {
  it("are the headline, chart and table figures, and download with formula-safe cells", () => {
    const figures = [fig({ period: "2021", value: 1 }), fig({ period: "2022", value: 2, notes: "=1+1" }), fig({ period: "2022", value: 9, preferred: false })];
    const ind = { id: "i", unit: "count" as const, nation: "scotland" as const, precision: 0, measures: [{ measure: "deaths", role: "value", label: "Deaths" }], headline_rules: [{ series: 1, kind: "total" as const, measure: "deaths", breakdown_type: "sex", breakdown_value: "Persons", upper_measure: "", upper_breakdown_type: "", upper_breakdown_value: "", label: "deaths", break_reason: "" }] };
    const shown = figuresShown(indicatorPage(ind, figures, { figureById: new Map(), groupOrder: [], derivations: [], shownInArea: () => [] }), figures);
    // Every figure is in the table (few figures), including the one not shown in charts.
    expect(shown).toHaveLength(3);
    const rows = csvParse(figuresCsv(shown));
    expect(rows.map((r) => [r.figure_id, r.value])).toEqual(figures.map((f) => [f.figure_id, f.value_text]));
    expect(rows[1]!.notes).toBe("'=1+1");
  });
});

import { areaTimeTable } from "../../src/lib/views/areaTime.ts";
describe("areaTimeTable", () => {
  it("lays areas against the latest periods, leaving a gap where an area has no figure", () => {
    const a = (code: string, period: string, value: number) => fig({ geography_level: "adp", area_code: code, area_label: code, period, value });
    const t = areaTimeTable([a("B", "2021", 1), a("A", "2022", 2), a("A", "2023", 3), a("B", "2023", 4), a("A", "2020", 9)], "adp", "deaths", { type: "sex", value: "Persons" }, 3);
    expect(t.periods).toEqual(["2021", "2022", "2023"]);
    expect(t.rows.map((r) => [r.code, ...r.cells.map((c) => c?.value ?? null)])).toEqual([
      ["A", null, 2, 3],
      ["B", 1, null, 4],
    ]);
  });
});
