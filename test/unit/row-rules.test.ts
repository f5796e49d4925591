import { describe, expect, it } from "vitest";
import type { SourceFigureRow } from "../../src/schemas/sourceFigure.ts";
import { rowRule } from "../../scripts/pipeline/validate.ts";
import { markerFor, qualifierFromNotes } from "../../scripts/pipeline/assemble.ts";
import { nameMatches, normaliseAreaName } from "../../scripts/pipeline/harmonise.ts";

const base: SourceFigureRow = {
  dataset_id: "d",
  measure: "m",
  unit: "count",
  period: "2022",
  geography_level: "country",
  area_code: "S92000003",
  area_name: "Scotland",
  breakdown_type: "total",
  breakdown_value: "all",
  value: "10",
  status: "published",
  source_id: "S1",
  source_location: "p",
  notes: "",
};

describe("rowRule: status and value rules", () => {
  it.each([
    [{ value: "8,8" }, "is not a number"],
    [{ value: "1e3" }, "is not a number"],
    [{ value: " 10" }, "is not a number"],
    [{ value: "NaN" }, "is not a number"],
    [{ value: "12%" }, "is not a number"],
    [{ value: "" }, "is empty but status is published; give the number or use status not_available or suppressed"],
    [{ value: "3", status: "suppressed" as const }, "must be empty when status is suppressed"],
    [{ value: "3", status: "not_available" as const }, "must be empty when status is not_available"],
    [{ value: "100.1", unit: "percent" as const }, "is outside 0–100 for unit percent"],
    [{ value: "-1", unit: "wte" as const }, "is negative; unit wte cannot be negative"],
    [{ value: "-0.5", unit: "rate_per_100000" as const }, "is negative; unit rate_per_100000 cannot be negative"],
  ])("%j breaks: %s", (change, rule) => {
    expect(rowRule({ ...base, ...change })).toEqual({ column: "value", rule });
  });
  it.each([[{}], [{ value: "", status: "suppressed" as const }], [{ value: "100", unit: "percent" as const }], [{ value: "0" }], [{ value: "-5", unit: "gbp" as const }]])(
    "%j is accepted",
    (change) => {
      expect(rowRule({ ...base, ...change })).toBeUndefined();
    },
  );
});

describe("area names", () => {
  it("ignores case, '&', 'NHS ' and ' ADP'", () => {
    expect(normaliseAreaName("NHS Ayrshire & Arran")).toBe("ayrshire and arran");
    expect(normaliseAreaName(" Argyll & Bute ADP ")).toBe("argyll and bute");
  });
  it("matches a name or an alias and rejects another area's name", () => {
    const area = { level: "region" as const, code: "E12000006", name: "East of England", aliases: ["East"], parent_level: "" as const, parent_code: "", notes: "" };
    expect(nameMatches(area, "EAST")).toBe(true);
    expect(nameMatches(area, "East of England")).toBe(true);
    expect(nameMatches(area, "East Midlands")).toBe(false);
  });
});

describe("qualifiers and markers", () => {
  it.each([
    ["Published as 'more than 1,200 ... against a target'", "more than"],
    ["Published as 'almost 11,500'", "almost"],
    ["published as 'around'", "around"],
    ["Published as 'up by more than 25 per cent'", "more than"],
    ["Published as 'all but two (93%)'", ""],
    ["no qualifier here", ""],
  ])("%s → %j", (notes, q) => {
    expect(qualifierFromNotes(notes)).toBe(q);
  });
  it("maps status and revisions to GSS shorthand", () => {
    expect(markerFor("suppressed", false, "")).toBe("[c]");
    expect(markerFor("not_available", false, "")).toBe("[x]");
    expect(markerFor("published", true, "")).toBe("[r]");
    expect(markerFor("published", false, "count published as 28R (revised)")).toBe("[r]");
    expect(markerFor("published", false, "")).toBe("");
  });
});
