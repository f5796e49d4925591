// What the planning pages show and write for a plan: the tables' rows, the labels of the inputs, the address query,
// the downloads, the markup shared with the browser, and the chart spec rendered to SVG. All inputs are made up.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { projectionChartSpec } from "../../src/charts/projection.ts";
import { renderPlot } from "../../src/charts/render.ts";
import type { Citation } from "../../src/lib/planning/citation.ts";
import { CSV_COLUMNS, planDocument, toCsv, toJson, type PlanDocumentMeta } from "../../src/lib/planning/export.ts";
import { comparisonTableHtml, esc, inputListHtml, scenarioTablesHtml } from "../../src/lib/planning/html.ts";
import { rawFrom } from "../../src/lib/planning/ids.ts";
import { FORMULAS, plan, type Projection } from "../../src/lib/planning/model.ts";
import { pack, unpack } from "../../src/lib/planning/payload.ts";
import type { PlanPlace } from "../../src/lib/planning/places.ts";
import { fromQuery, toQuery } from "../../src/lib/planning/query.ts";
import { planResult } from "../../src/lib/planning/result.ts";
import type { PlanBase, ScenarioInput } from "../../src/lib/planning/scenarios.ts";
import { comparisonTable, describeInputs, inputText, modeText, projectionChartInput, projectionTable } from "../../src/lib/planning/view.ts";

function projection(raw: Parameters<typeof plan>[0]): Projection {
  const r = plan(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.projection;
}
const years = { labels: ["2026/27", "2027/28", "2028/29", "2029/30", "2030/31"] };
// S0 = 100, v = 20% → P0 = 125; r = 10%, g = 0 (the first hand-worked example of planning-model.test.ts).
const simple = projection({ staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthRate: 0 });
// From need, people counted: 1,200 people ÷ 30 per WTE = 40 frontline posts; ÷ (1 − 20%) = 50 posts.
const counted = projection({ staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthMode: "caseload", peopleFrom: "count", people: 1200, nonFrontline: 20, caseload: 30, peopleGrowth: 0 });

const cite = (figureId: string, over: Partial<Citation> = {}): Citation => ({
  figureId,
  indicatorId: "x",
  path: `indicators/x/countries/S92000003/#${figureId}`,
  shown: "100 WTE",
  value: 100,
  measureLabel: "Staff",
  breakdown: "",
  area: "Made-up land",
  areaCode: "S92000003",
  periodLabel: "2024",
  period: "2024",
  periodEnd: "2024-12-31",
  publisher: "Nobody",
  title: "A title, with a comma",
  location: "para 1",
  publishedDate: "2024",
  url: "https://example.org/",
  sourceId: "X",
  secondary: true,
  ...over,
});
const input = (over: Partial<ScenarioInput> & Pick<ScenarioInput, "field" | "value" | "basis" | "unit">): ScenarioInput => ({ label: over.field, valueText: String(over.value), name: "made up", note: "Made up.", ...over });
const place: PlanPlace = { level: "health_board", code: "S08000099", codes: ["S08000099"], name: "NHS Made-up", nation: "scotland", councilAreas: [] };
const base: Pick<PlanBase, "defaults" | "choices" | "place" | "peopleFrom"> = {
  place,
  peopleFrom: "posts",
  defaults: {
    staffInPost: input({ field: "staffInPost", value: 100, basis: "borrowed", from: "Made-up land", unit: "WTE", citation: cite("f-0000000000000001"), formula: "3,500 WTE × 1 ÷ 35 = 100 WTE" }),
    vacancyRate: input({ field: "vacancyRate", value: 20, valueText: "20.0", basis: "published", unit: "%" }),
    turnoverRate: input({ field: "turnoverRate", value: 10, basis: "borrowed", from: "England", unit: "%" }),
    growthRate: input({ field: "growthRate", value: 0, basis: "assumption", unit: "%" }),
    caseload: input({ field: "caseload", value: 46, basis: "published", unit: "per WTE" }),
    fillShare: input({ field: "fillShare", value: 100, basis: "assumption", unit: "%" }),
  },
  choices: { caseload: [input({ field: "caseload", value: 28, basis: "published", unit: "per WTE", citation: cite("f-0000000000000002") })] },
};

describe("projectionTable", () => {
  it("has a start row, the five financial years by name and a totals row, rounded to one decimal place, with [z] where nothing applies", () => {
    const t = projectionTable(simple, years);
    // Recruits made equal recruits needed at a 100% fill share, so that column is left out.
    expect(t.columns.map((c) => c.key)).toEqual(["postsRequired", "staff", "leavers", "recruitsNeeded", "vacancies", "surplus"]);
    expect(t.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ["Start", "125.0", "100.0", "[z]", "[z]", "25.0", "0.0"],
      ["2026/27", "125.0", "125.0", "10.0", "35.0", "0.0", "0.0"],
      ["2027/28", "125.0", "125.0", "12.5", "12.5", "0.0", "0.0"],
      ["2028/29", "125.0", "125.0", "12.5", "12.5", "0.0", "0.0"],
      ["2029/30", "125.0", "125.0", "12.5", "12.5", "0.0", "0.0"],
      ["2030/31", "125.0", "125.0", "12.5", "12.5", "0.0", "0.0"],
      // 10 + 4 × 12.5 = 60 leavers; 35 + 4 × 12.5 = 85 recruits needed
      ["Total, 2026/27 to 2030/31", "[z]", "[z]", "60.0", "85.0", "[z]", "[z]"],
    ]);
  });

  it("shows recruits made when the fill share is below 100%", () => {
    const t = projectionTable(projection({ staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthRate: 0, fillShare: 50 }), years);
    expect(t.columns.map((c) => c.key)).toContain("recruitsMade");
    // Year 1: N1 = 35, M1 = 0.5 × 35 = 17.5
    expect(t.rows[1]!.cells.slice(3, 5)).toEqual(["35.0", "17.5"]);
  });

  it("from need with people counted, leads with people on caseloads and frontline posts", () => {
    const t = projectionTable(counted, years);
    expect(t.columns.map((c) => c.key).slice(0, 3)).toEqual(["people", "frontline", "postsRequired"]);
    // 1,200 people (whole people), 40 frontline posts, 50 posts; the start row keeps the 125 posts there are.
    expect(t.rows[0]!.cells.slice(0, 3)).toEqual(["1,200", "40.0", "125.0"]);
    expect(t.rows[1]!.cells.slice(0, 3)).toEqual(["1,200", "40.0", "50.0"]);
    expect(t.rows[6]!.cells.slice(0, 2)).toEqual(["[z]", "[z]"]);
  });
});

describe("comparing scenarios", () => {
  const grow = projection({ staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthRate: 10 });
  const scenarios = [
    { letter: "A", name: "Posts unchanged", projection: simple },
    { letter: "B", name: "", projection: grow },
  ];

  it("sets posts required and recruits needed of each scenario side by side", () => {
    const t = comparisonTable(scenarios, years);
    expect(t.groups).toEqual([
      { letter: "A", name: "Posts unchanged" },
      { letter: "B", name: "" },
    ]);
    // B, 10% growth: P1 = 137.5, N1 = 137.5 − 90 = 47.5 (planning-model.test.ts); its total is the sum of its years.
    expect(t.rows[1]).toEqual({ header: "2026/27", kind: "year", cells: ["125.0", "35.0", "137.5", "47.5"] });
    expect(t.rows[0]!.cells).toEqual(["125.0", "[z]", "125.0", "[z]"]);
    expect(t.rows[6]!.cells[1]).toBe("85.0");
    expect(t.rows[6]!.cells[3]).toBe(grow.years.reduce((n, y) => n + y.recruitsNeeded, 0).toFixed(1));
  });

  it("names an unnamed scenario by its letter alone, and escapes every name in the markup", () => {
    const html = comparisonTableHtml("Compared", comparisonTable([{ letter: "A", name: '<script>alert("x")</script>', projection: simple }, scenarios[1]!], years));
    expect(html).toContain("Scenario A: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<th scope="colgroup" colspan="2" class="group">Scenario B</th>');
    const doc = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
    expect(doc.querySelectorAll("tbody tr")).toHaveLength(7);
    expect(doc.querySelector("section.table-wrap")?.getAttribute("aria-label")).toBe("Compared");
    expect(esc(`a & "b" <c> 'd'`)).toBe("a &amp; &quot;b&quot; &lt;c&gt; &#39;d&#39;");
  });

  it("has one chart input with a line of posts and bars of recruits per scenario, on calendar labels", () => {
    const r = planResult("NHS Made-up", scenarios, years);
    expect(r.comparison).toBeDefined();
    const chart = r.chart("t", 640);
    expect(chart.lines.map((l) => l.label)).toEqual(["A: posts required", "B: posts required"]);
    expect(chart.bars.map((l) => l.label)).toEqual(["A: recruits needed", "B: recruits needed"]);
    expect(chart.xLabels).toEqual(["Start", ...years.labels]);
    expect(r.summary).toBe("Scenario A: Posts unchanged: 125.0 WTE of posts required in 2030/31 and 85.0 WTE of recruits needed over the five years. Scenario B: 201.3 WTE of posts required in 2030/31 and " + `${grow.totals.recruitsNeeded.toFixed(1)} WTE of recruits needed over the five years.`);
    // One scenario is a projection, not a comparison.
    expect(planResult("NHS Made-up", [scenarios[0]!], years).comparison).toBeUndefined();
    expect(scenarioTablesHtml(r.scenarios)).toContain("<h4>Scenario B</h4>");
  });
});

describe("describeInputs", () => {
  it("keeps the basis and source of a value that is one of the field's choices, and labels any other 'your assumption'", () => {
    const p = projection(rawFrom(base, { turnoverRate: 15 }));
    const d = describeInputs(p.inputs, base);
    expect(d.map((i) => [i.field, i.basis])).toEqual([
      ["staffInPost", "borrowed"],
      ["vacancyRate", "published"],
      ["turnoverRate", "your assumption"],
      ["growthRate", "assumption"],
      ["fillShare", "assumption"],
    ]);
    expect(d[0]!.citation?.figureId).toBe("f-0000000000000001");
    expect(d[0]!.formula).toBe("3,500 WTE × 1 ÷ 35 = 100 WTE");
    expect(d[1]!.text).toBe("20.0");
    expect(d[2]!.note).toBe("Your assumption (the default for NHS Made-up is 10%); not a published figure.");
    expect(d[2]!.citation).toBeUndefined();
  });

  it("recognises a published alternative (NHS services' 28) by its value, and lists the fields of the caseload model", () => {
    const p = projection(rawFrom(base, { growthMode: "caseload", caseloadNow: 46, caseload: 28, peopleGrowth: 0 }));
    const d = describeInputs(p.inputs, base);
    expect(d.map((i) => i.field)).toEqual(["staffInPost", "vacancyRate", "turnoverRate", "caseloadNow", "caseload", "peopleGrowth", "fillShare"]);
    expect(d.find((i) => i.field === "caseload")).toMatchObject({ basis: "published", citation: { figureId: "f-0000000000000002" } });
    expect(inputText(d.find((i) => i.field === "caseload")!)).toBe("28 per frontline WTE");
    expect(modeText(p.inputs)).toBe("Posts required follow need: people on caseloads stay the same, at a caseload of 28 per frontline WTE; the posts at the start are taken to be what today's caseload of 46 needs.");
  });

  it("lists an input used by several scenarios once, naming them, and one item per different value", () => {
    const a = describeInputs(projection(rawFrom(base)).inputs, base);
    const b = describeInputs(projection(rawFrom(base, { turnoverRate: 25 })).inputs, base);
    const doc = new JSDOM(`<!doctype html><ul>${inputListHtml([{ letter: "A", inputs: a }, { letter: "B", inputs: b }], "/dash/")}</ul>`).window.document;
    const items = [...doc.querySelectorAll("li")].map((li) => li.textContent ?? "");
    expect(items).toHaveLength(6);
    expect(items[0]).toMatch(/^Borrowed from Made-up land staffInPost: 100 WTE \(scenarios A, B\)/);
    expect(items.filter((t) => /turnover/i.test(t))).toEqual([expect.stringContaining("turnoverRate: 10% (scenario A)"), expect.stringContaining("Your assumption Annual turnover: 25% (scenario B)")]);
    expect(doc.querySelector('a[href="/dash/indicators/x/countries/S92000003/#f-0000000000000001"]')).not.toBeNull();
  });
});

describe("the address query", () => {
  it("round-trips scenarios as typed, each with only the fields of its mode, B and C prefixed", () => {
    const q = toQuery({
      scenarios: [
        { id: "a", name: "Now", raw: { staffInPost: "1572.8", vacancyRate: "8.8", turnoverRate: "15", growthMode: "target", growthRate: "2", targetPosts: "1800", fillShare: "90" } },
        { id: "b", raw: { staffInPost: "1572.8", vacancyRate: "8.8", turnoverRate: "15", growthMode: "caseload", peopleFrom: "count", people: "9000", nonFrontline: "23", caseload: "30", caseloadNow: "46", peopleGrowth: "1.5", fillShare: "100" } },
      ],
      edit: "b",
    });
    expect(q).toBe(
      "name=Now&staff=1572.8&vacancy=8.8&turnover=15&target=1800&fill=90&change=target&b-staff=1572.8&b-vacancy=8.8&b-turnover=15&b-people=9000&b-non-frontline=23&b-caseload=30&b-people-growth=1.5&b-fill=100&b-change=caseload&b-people-from=count&edit=b",
    );
    expect(fromQuery(`?${q}`)).toEqual({
      edit: "b",
      scenarios: [
        { id: "a", name: "Now", raw: { staffInPost: "1572.8", vacancyRate: "8.8", turnoverRate: "15", targetPosts: "1800", fillShare: "90", growthMode: "target" } },
        { id: "b", raw: { staffInPost: "1572.8", vacancyRate: "8.8", turnoverRate: "15", people: "9000", nonFrontline: "23", caseload: "30", peopleGrowth: "1.5", fillShare: "100", growthMode: "caseload", peopleFrom: "count" } },
      ],
    });
  });

  it("reads an address of the old single-scenario tool, and finds no plan in an address without planning keys", () => {
    expect(fromQuery("?from=scotland&turnover=12&fill=80&change=rate")).toEqual({ from: "scotland", edit: "a", scenarios: [{ id: "a", raw: { turnoverRate: "12", fillShare: "80", growthMode: "rate" } }] });
    expect(fromQuery("")).toBeUndefined();
    expect(fromQuery("?utm=1")).toBeUndefined();
    // B alone still has an A to compare with; an edit key naming a scenario that is not there edits A.
    expect(fromQuery("?b-growth=3&edit=c")?.scenarios.map((s) => s.id)).toEqual(["a", "b"]);
    expect(fromQuery("?b-growth=3&edit=c")?.edit).toBe("a");
  });
});

describe("downloads", () => {
  const meta: PlanDocumentMeta = {
    plan: "custom",
    title: "Made up",
    place: { level: "health_board", code: "S08000099", name: "NHS Made-up" },
    siteTitle: "Site",
    releaseId: "r1",
    releaseDate: "2026-12-01",
    pageUrl: "/planning/",
    years: years.labels,
    start: { covers: "a made-up count", period: "2024", age: "about 2 years" },
    notes: ["Note, with a comma"],
  };
  const inputs = describeInputs(simple.inputs, base);
  const scenarios = [{ letter: "A", name: "Now", inputs, projection: simple }];

  it("JSON holds the place, each scenario's inputs with their basis and source, the results by financial year, and the formulas", () => {
    const doc = JSON.parse(toJson(meta, scenarios, [])) as ReturnType<typeof planDocument>;
    expect(doc.place).toEqual({ level: "health_board", code: "S08000099", name: "NHS Made-up" });
    expect(doc.projection_not_forecast).toMatch(/^A projection is not a forecast/);
    expect(doc.scenarios[0]!.inputs.map((i) => [i.name, i.basis, i.borrowed_from, i.figure_id])).toEqual([
      ["staffInPost", "borrowed", "Made-up land", "f-0000000000000001"],
      ["vacancyRate", "published", null, null],
      ["turnoverRate", "borrowed", "England", null],
      ["growthRate", "assumption", null, null],
      ["fillShare", "assumption", null, null],
    ]);
    expect(doc.formulas.map((f) => f.equation)).toEqual(FORMULAS.map((f) => f.equation));
    expect(doc.scenarios[0]!.years.map((y) => y.financial_year)).toEqual(years.labels);
    expect(doc.scenarios[0]!.start).toEqual({ posts_required: 125, staff_in_post: 100, vacancies: 25 });
    expect(doc.scenarios[0]!.totals).toEqual({ leavers: 60, recruits_needed: 85, recruits_made: 85, change_in_posts_required: 0, change_in_staff_in_post: 25 });
  });

  it("CSV has one header, the same number of fields on every line, quotes fields with commas, and names each year", () => {
    const csv = toCsv(meta, [...scenarios, { letter: "B", name: "From need", inputs: describeInputs(counted.inputs, base), projection: counted }], []);
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    // A naive split would miscount quoted commas, so count fields with a small CSV reader: a field is a quoted run
    // (with "" inside) or anything up to the next comma, and every comma starts a field.
    const fields = (line: string) => 1 + [...line.replace(/"(?:[^"]|"")*"/g, "q").matchAll(/,/g)].length;
    for (const line of lines) expect(fields(line), line).toBe(CSV_COLUMNS.length);
    expect(csv).toContain('"Nobody, ""A title, with a comma"", para 1, published 2024 (secondary source). https://example.org/"');
    // Year 1 recruits needed of A: 35; total recruits needed: 85.
    expect(lines).toContain('A,result,1,2026/27,recruits_needed,Recruits needed during the year,35,wte,formula,,,"N(t) = max(0, P(t) − (S(t − 1) − L(t)))",');
    expect(lines).toContain('A,total,,2026/27 to 2030/31,recruits_needed,"Recruits needed, 2026/27 to 2030/31",85,wte,formula,,,N(1) + … + N(5),');
    // B from need: 1,200 people and 50 posts in 2026/27, by the caseload formulas.
    expect(lines).toContain("B,result,1,2026/27,people_on_caseloads,People on caseloads,1200,people,formula,,,C(t) = C(0) × (1 + c)^t,");
    expect(lines).toContain("B,result,1,2026/27,posts_required,Posts required at the end of the year,50,wte,formula,,,C(t) = C(0) × (1 + c)^t; F(t) = C(t) ÷ k; P(t) = F(t) ÷ (1 − n),");
  });
});

describe("the packed payload of the form", () => {
  it("lists each citation once and restores the data exactly", () => {
    const data = { base, again: base.defaults.staffInPost, list: [base.choices.caseload] };
    const packed = pack(data);
    expect(packed.cites.map((c) => c.figureId)).toEqual(["f-0000000000000001", "f-0000000000000002"]);
    expect(JSON.stringify(packed.data)).not.toContain("A title, with a comma");
    expect(unpack(JSON.parse(JSON.stringify(packed)))).toEqual(data);
  });
});

describe("projection chart", () => {
  it("renders an accessible SVG with two lines, ten bars, calendar labels and no inline style", () => {
    const svg = renderPlot(projectionChartSpec(projectionChartInput("t-proj", "Made-up projection", simple, 640, years)));
    const el = new JSDOM(`<!doctype html><body>${svg}</body>`).window.document.querySelector("svg")!;
    expect(el.getAttribute("role")).toBe("img");
    expect(el.querySelector("title")?.textContent).toBe("Made-up projection");
    expect(el.querySelector("desc")?.textContent).toContain("Recruits needed: 35.0 WTE, 12.5 WTE, 12.5 WTE, 12.5 WTE, 12.5 WTE in 2026/27 to 2030/31");
    expect(el.querySelectorAll("g.projection-line path")).toHaveLength(2);
    // Leavers and recruits needed in each of 5 years.
    expect(el.querySelectorAll("g.projection-bars rect").length).toBe(10);
    expect(el.textContent).toContain("2030/31");
    expect(svg).not.toMatch(/style=|<style/);
  });

  it("drops the century of the labels when they would not fit side by side, and says the span under the axis", () => {
    const svg = renderPlot(projectionChartSpec(projectionChartInput("t-narrow", "Narrow", simple, 320, years)));
    const labels = [...new JSDOM(`<!doctype html><body>${svg}</body>`).window.document.querySelectorAll("svg text")].map((t) => t.textContent ?? "");
    expect(labels).toEqual(expect.arrayContaining(["Start", "26/27", "30/31", "Financial year (2026/27 to 2030/31)"]));
    expect(labels).not.toContain("2030/31");
  });

  it("refuses values that are not finite numbers", () => {
    const input = projectionChartInput("t-bad", "Bad", simple, 640, years);
    input.bars[0]!.values[2] = NaN;
    expect(() => projectionChartSpec(input)).toThrow('projection chart "t-bad" has a value that is not a finite number');
  });
});
