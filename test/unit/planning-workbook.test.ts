// A plan's XLSX workbook: the sheets the guidance asks for, one table per sheet with one header row, numbers as
// numbers, and the same results as the other downloads; written at build time and read back here. Inputs made up.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { plan, type Projection } from "../../src/lib/planning/model.ts";
import { planWorkbook, PLAN_SHEETS, type PlanWorkbookInput } from "../../src/lib/planning/workbook.ts";
import { workbookFile } from "../../src/lib/planning/xlsx.ts";
import { describeInputs } from "../../src/lib/planning/view.ts";

function projection(raw: Parameters<typeof plan>[0]): Projection {
  const r = plan(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.projection;
}
// S0 = 100, v = 20% → P0 = 125; r = 10%: year 1 leavers 10, recruits needed 35 (planning-model.test.ts).
const simple = projection({ staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthRate: 0 });
// From need: 1,200 people ÷ 30 = 40 frontline posts ÷ 0.8 = 50 posts.
const counted = projection({ staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthMode: "caseload", peopleFrom: "count", people: 1200, nonFrontline: 20, caseload: 30, peopleGrowth: 0 });
const years = ["2026/27", "2027/28", "2028/29", "2029/30", "2030/31"];
const input: PlanWorkbookInput = {
  meta: { plan: "custom", title: "Made-up plan", place: null, siteTitle: "Site", releaseId: "r1", releaseDate: "2026-12-01", pageUrl: "/planning/own/", years, start: { covers: "made-up figures", period: "2024", age: "about 2 years" }, notes: ["A made-up note."] },
  scenarios: [
    { letter: "A", name: "Now", inputs: describeInputs(simple.inputs, undefined), projection: simple },
    { letter: "B", name: "", inputs: describeInputs(counted.inputs, undefined), projection: counted },
  ],
  need: [],
  sources: [],
  release: { title: "Test release", licence: "Open Government Licence v3.0", licence_url: "https://example.org/ogl", contact: "Write to us." },
};

describe("plan workbook", () => {
  it("has the guidance's sheets, each table starting in column A under its title, with as many rows as it says", () => {
    const { sheets } = planWorkbook(input);
    expect(sheets.map((s) => s.name)).toEqual(Object.values(PLAN_SHEETS));
    for (const s of sheets.filter((x) => x.table)) {
      const t = s.table!;
      expect(s.rows[0]!.cells[0], s.name).toMatchObject({ style: { bold: true, size: 14 } });
      expect(s.rows[t.headerRow - 1]!.cells, s.name).toEqual(t.headers);
      expect(s.rows.length, s.name).toBe(t.headerRow + t.rows);
      expect(new Set(t.headers).size, s.name).toBe(t.headers.length);
    }
  });

  it("reads back with every result a number and [z] where a value does not apply", async () => {
    const { sheets, props } = planWorkbook(input);
    const wb = new ExcelJS.Workbook();
    const bytes = workbookFile(sheets, props);
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.created.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    const rows = wb.getWorksheet(PLAN_SHEETS.projection)!.getRows(5, 10)!.map((r) => (r.values as unknown[]).slice(1));
    // A has no people on caseloads ([z]); B, counted: 1,200 people, 40 frontline posts, 50 posts in 2026/27.
    expect(rows[0]).toEqual(["A", "2026/27", "[z]", "[z]", 125, 125, 10, 35, 35, 0, 0]);
    expect(rows[5]!.slice(0, 5)).toEqual(["B", "2026/27", 1200, 40, 50]);
    expect(wb.getWorksheet(PLAN_SHEETS.projection)!.getCell("E5").numFmt).toBe("#,##0.0");
    const totals = (wb.getWorksheet(PLAN_SHEETS.totals)!.getRow(4).values as unknown[]).slice(1);
    // 10 + 4 × 12.5 = 60 leavers; 35 + 4 × 12.5 = 85 recruits needed.
    expect(totals.slice(0, 3)).toEqual(["A", 60, 85]);
    // Links to other sheets are locations in the workbook; the page address is text when the site's address is unknown.
    // (ExcelJS reads only links with a relationship; a location link, as Excel writes it, is read from the sheet's XML.)
    expect(wb.getWorksheet(PLAN_SHEETS.contents)!.getCell("A4").text).toBe("Notes");
    const contentsXml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet2.xml")!.async("string");
    expect(contentsXml).toMatch(/<hyperlink ref="A4" location="&apos;Notes&apos;!A1"[^>]*\/>/);
    const cover = wb.getWorksheet(PLAN_SHEETS.cover)!;
    const texts = Array.from({ length: cover.rowCount }, (_, i) => cover.getCell(i + 1, 1).text);
    expect(texts).toContain("/planning/own/");
    expect(texts).toContain("A projection is not a forecast");
  });

  it("gives the same bytes for the same plan", async () => {
    const a = planWorkbook(input);
    const b = planWorkbook(input);
    expect(Buffer.from(workbookFile(a.sheets, a.props)).equals(Buffer.from(workbookFile(b.sheets, b.props)))).toBe(true);
  });
});
