// What the planning page shows and writes for a projection: the table rows, the labels of the inputs, the address
// query and the downloads, and the chart spec rendered to SVG. All inputs are made up.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { projectionChartSpec } from "../../src/charts/projection.ts";
import { renderPlot } from "../../src/charts/render.ts";
import { CSV_COLUMNS, scenarioDocument, toCsv, toJson, type ScenarioDocumentMeta } from "../../src/lib/planning/export.ts";
import { FORMULAS, plan, type Projection } from "../../src/lib/planning/model.ts";
import { fromQuery, toQuery } from "../../src/lib/planning/query.ts";
import type { Scenario } from "../../src/lib/planning/scenarios.ts";
import { describeInputs, projectionChartInput, projectionTable } from "../../src/lib/planning/view.ts";

function projection(raw: Parameters<typeof plan>[0]): Projection {
  const r = plan(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.projection;
}
// S0 = 100, v = 20% → P0 = 125; r = 10%, g = 0 (the first hand-worked example of planning-model.test.ts).
const simple = projection({ staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthRate: 0 });

const madeUp: Scenario = {
  id: "england",
  name: "Made-up land",
  start: "a made-up census",
  notes: ["A made-up note."],
  inputs: [
    {
      field: "staffInPost",
      label: "Staff in post at the start",
      value: 100,
      valueText: "100",
      unit: "WTE",
      basis: "published",
      note: "Made up.",
      citation: { figureId: "f-0000000000000001", indicatorId: "x", path: "indicators/x/countries/E92000001/#f-0000000000000001", shown: "100 WTE", measureLabel: "Staff", breakdown: "", area: "Made-up land", period: "2024", publisher: "Nobody", title: "A title, with a comma", location: "para 1", publishedDate: "2024", url: "https://example.org/", sourceId: "X", secondary: true },
    },
    { field: "vacancyRate", label: "Vacancy rate at the start", value: 20, valueText: "20.0", unit: "%", basis: "published", note: "Made up." },
    { field: "turnoverRate", label: "Annual turnover", value: 10, valueText: "10", unit: "%", basis: "assumption", note: "Borrowed." },
    { field: "growthRate", label: "Annual growth in posts required", value: 0, valueText: "0", unit: "%", basis: "assumption", note: "Assumed." },
    { field: "fillShare", label: "Share of recruits needed who are recruited", value: 100, valueText: "100", unit: "%", basis: "assumption", note: "Assumed." },
  ],
};

describe("projectionTable", () => {
  it("has a start row, five years and a totals row, rounded to one decimal place, with [z] where nothing applies", () => {
    const t = projectionTable(simple);
    // Recruits made equal recruits needed at a 100% fill share, so that column is left out.
    expect(t.columns.map((c) => c.key)).toEqual(["postsRequired", "staff", "leavers", "recruitsNeeded", "vacancies", "surplus"]);
    expect(t.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ["Start", "125.0", "100.0", "[z]", "[z]", "25.0", "0.0"],
      ["Year 1", "125.0", "125.0", "10.0", "35.0", "0.0", "0.0"],
      ["Year 2", "125.0", "125.0", "12.5", "12.5", "0.0", "0.0"],
      ["Year 3", "125.0", "125.0", "12.5", "12.5", "0.0", "0.0"],
      ["Year 4", "125.0", "125.0", "12.5", "12.5", "0.0", "0.0"],
      ["Year 5", "125.0", "125.0", "12.5", "12.5", "0.0", "0.0"],
      // 10 + 4 × 12.5 = 60 leavers; 35 + 4 × 12.5 = 85 recruits needed
      ["Total, years 1 to 5", "[z]", "[z]", "60.0", "85.0", "[z]", "[z]"],
    ]);
  });

  it("shows recruits made when the fill share is below 100%", () => {
    const t = projectionTable(projection({ staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthRate: 0, fillShare: 50 }));
    expect(t.columns.map((c) => c.key)).toContain("recruitsMade");
    // Year 1: N1 = 35, M1 = 0.5 × 35 = 17.5
    expect(t.rows[1]!.cells.slice(3, 5)).toEqual(["35.0", "17.5"]);
  });
});

describe("describeInputs", () => {
  it("keeps the default's basis and source for an unchanged value, and labels a changed one 'your assumption'", () => {
    const p = projection({ staffInPost: 100, vacancyRate: 20, turnoverRate: 15, growthRate: 0, fillShare: 100 });
    const d = describeInputs(p.inputs, madeUp);
    expect(d.map((i) => [i.field, i.basis])).toEqual([
      ["staffInPost", "published"],
      ["vacancyRate", "published"],
      ["turnoverRate", "your assumption"],
      ["growthRate", "assumption"],
      ["fillShare", "assumption"],
    ]);
    expect(d[0]!.citation?.figureId).toBe("f-0000000000000001");
    expect(d[1]!.text).toBe("20.0");
    expect(d[2]!.note).toBe("Your assumption (the Made-up land default is 10%); not a published figure.");
    expect(d[2]!.citation).toBeUndefined();
  });

  it("labels a target 'your assumption' (no default scenario has one)", () => {
    const p = projection({ staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthMode: "target", targetPosts: 150 });
    expect(describeInputs(p.inputs, madeUp).find((i) => i.field === "targetPosts")?.basis).toBe("your assumption");
  });
});

describe("the address query", () => {
  it("round-trips a scenario as typed, with only the growth field of its mode", () => {
    const q = toQuery({ from: "scotland", raw: { staffInPost: "1572.8", vacancyRate: "8.8", turnoverRate: "15", growthMode: "target", growthRate: "2", targetPosts: "1800", fillShare: "90" } });
    expect(q).toBe("from=scotland&staff=1572.8&vacancy=8.8&turnover=15&target=1800&fill=90&change=target");
    expect(fromQuery(`?${q}`)).toEqual({ from: "scotland", raw: { staffInPost: "1572.8", vacancyRate: "8.8", turnoverRate: "15", targetPosts: "1800", fillShare: "90", growthMode: "target" } });
  });

  it("finds no scenario in an address without planning keys", () => {
    expect(fromQuery("")).toBeUndefined();
    expect(fromQuery("?utm=1")).toBeUndefined();
  });
});

describe("downloads", () => {
  const meta: ScenarioDocumentMeta = { scenario: "custom", title: "Made up", siteTitle: "Site", releaseId: "r1", releaseDate: "2026-01-01", pageUrl: "/planning/", notes: ["Note, with a comma"] };
  const inputs = describeInputs(simple.inputs, madeUp);

  it("JSON holds the inputs with their basis and source, the formulas and the results", () => {
    const doc = JSON.parse(toJson(meta, inputs, simple)) as ReturnType<typeof scenarioDocument>;
    expect(doc.inputs.map((i) => [i.name, i.basis, i.figure_id])).toEqual([
      ["staffInPost", "published", "f-0000000000000001"],
      ["vacancyRate", "published", null],
      ["turnoverRate", "assumption", null],
      ["growthRate", "assumption", null],
      ["fillShare", "assumption", null],
    ]);
    expect(doc.formulas.map((f) => f.equation)).toEqual(FORMULAS.map((f) => f.equation));
    expect(doc.start).toEqual({ posts_required: 125, staff_in_post: 100, vacancies: 25 });
    expect(doc.totals).toEqual({ leavers: 60, recruits_needed: 85, recruits_made: 85, change_in_posts_required: 0, change_in_staff_in_post: 25 });
  });

  it("CSV has one header, the same number of fields on every line, and quotes fields with commas", () => {
    const csv = toCsv(meta, inputs, simple);
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    // A naive split would miscount quoted commas, so count fields with a small CSV reader.
    const fields = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].length;
    for (const line of lines) expect(fields(line)).toBe(CSV_COLUMNS.length);
    expect(csv).toContain('"Nobody, ""A title, with a comma"", para 1, published 2024 (secondary source). https://example.org/"');
    // Year 1 recruits needed: 35; total recruits needed: 85.
    expect(lines).toContain("custom,result,1,recruits_needed,Recruits needed during the year,35,wte,formula,,,\"N(t) = max(0, P(t) − (S(t − 1) − L(t)))\",");
    expect(lines).toContain("custom,total,,recruits_needed,\"Recruits needed, years 1 to 5\",85,wte,formula,,,N(1) + … + N(5),");
  });
});

describe("projection chart", () => {
  it("renders an accessible SVG with two lines, ten bars and no inline style", () => {
    const svg = renderPlot(projectionChartSpec(projectionChartInput("t-proj", "Made-up projection", simple, 320)));
    const el = new JSDOM(`<!doctype html><body>${svg}</body>`).window.document.querySelector("svg")!;
    expect(el.getAttribute("role")).toBe("img");
    expect(el.querySelector("title")?.textContent).toBe("Made-up projection");
    expect(el.querySelector("desc")?.textContent).toContain("Recruits needed: 35.0 WTE, 12.5 WTE, 12.5 WTE, 12.5 WTE, 12.5 WTE in years 1 to 5");
    expect(el.querySelectorAll("g.projection-line path")).toHaveLength(2);
    // Leavers and recruits needed in each of 5 years.
    expect(el.querySelectorAll("g.projection-bars rect").length).toBe(10);
    expect(svg).not.toMatch(/style=|<style/);
  });

  it("refuses values that are not finite numbers", () => {
    const input = projectionChartInput("t-bad", "Bad", simple, 640);
    input.bars[0]!.values[2] = NaN;
    expect(() => projectionChartSpec(input)).toThrow('projection chart "t-bad" has a value that is not a finite number');
  });
});
