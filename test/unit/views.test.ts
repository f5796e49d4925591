import { describe, expect, it } from "vitest";
import type { Figure } from "../../src/schemas/figure.ts";
import { defaultBreakdown, latest, mapSlice, primaryMeasure, trendSeries } from "../../src/lib/views/select.ts";
import { parsePeriod } from "../../src/lib/periods.ts";

let n = 0;
function fig(over: Partial<Figure>): Figure {
  const period = over.period ?? "2022";
  const p = parsePeriod(period);
  return {
    figure_id: `f-${(n++).toString(16).padStart(16, "0")}`,
    indicator_id: "i",
    role: "value",
    measure_label: "m",
    dataset_id: "d",
    measure: "deaths",
    unit: "count",
    period,
    geography_level: "country",
    area_code: "S92000003",
    area_name: "Scotland",
    breakdown_type: "sex",
    breakdown_value: "Persons",
    value: 1,
    value_text: "1",
    status: "published",
    source_id: "A",
    source_location: "",
    notes: "",
    marker: "",
    qualifier: "",
    area_label: "Scotland",
    period_start: p?.start ?? "",
    period_end: p?.end ?? "",
    preferred: true,
    preferred_figure_id: "",
    not_preferred_reason: "",
    corroborated_by: [],
    formula: "",
    derived_from: [],
    source_title: "",
    source_publisher: "",
    source_published_date: "",
    source_url: "",
    source_licence: "",
    source_type: "primary",
    source_file: "",
    source_line: 2,
    ...over,
  };
}

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

import { profileRows, shownIndex, type AreaRef } from "../../src/lib/views/profile.ts";
describe("profileRows", () => {
  const areas: AreaRef[] = [
    { level: "country", code: "S92000003", name: "Scotland", parent_level: "", parent_code: "" },
    { level: "health_board", code: "S08000019", name: "NHS Forth Valley", parent_level: "country", parent_code: "S92000003" },
    { level: "council_area", code: "S12000030", name: "Stirling", parent_level: "health_board", parent_code: "S08000019" },
  ];
  const byKey = new Map(areas.map((a) => [`${a.level}|${a.code}`, a]));
  const at = (level: string, code: string, period: string, value: number) => fig({ indicator_id: "i", geography_level: level as Figure["geography_level"], area_code: code, period, value });
  it("sets the area's latest figure beside its parent's and country's for the same period only", () => {
    const figures = [at("council_area", "S12000030", "2021", 5), at("council_area", "S12000030", "2022", 7), at("health_board", "S08000019", "2022", 20), at("country", "S92000003", "2021", 100)];
    const [row] = profileRows(areas[2]!, byKey, [{ id: "i", measures: [{ measure: "deaths", role: "value" }] }], shownIndex(figures));
    expect(row!.figure.value).toBe(7);
    expect(row!.parent?.figure?.value).toBe(20);
    // Scotland has 2021 but not 2022: no figure from another period is substituted.
    expect(row!.country?.area.name).toBe("Scotland");
    expect(row!.country?.figure).toBeUndefined();
  });
});

import { figuresCsv, figuresShown } from "../../src/lib/views/shown.ts";
import { indicatorView } from "../../src/lib/views/indicator.ts";
import { csvParse } from "d3-dsv";
describe("figures shown on an indicator page", () => {
  it("are the headline, chart and table figures, and download with formula-safe cells", () => {
    const figures = [fig({ period: "2021", value: 1 }), fig({ period: "2022", value: 2, notes: "=1+1" }), fig({ period: "2022", value: 9, preferred: false })];
    const shown = figuresShown(indicatorView({ id: "i", measures: [{ measure: "deaths", role: "value", label: "Deaths" }] }, figures), figures);
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
