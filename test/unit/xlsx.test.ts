import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { type IndicatorWorkbookInput, indicatorWorkbook, numberFormat, SHEETS, zipParts } from "../../scripts/pipeline/xlsx.ts";
import { fig } from "../helpers/figures.ts";

// Made-up figures: one published count, one suppressed, one derived (never real data).
const input: IndicatorWorkbookInput = {
  indicator: { id: "test-deaths", title: "Test deaths, Scotland", description: "Deaths made up for a test.", unit: "count", comparability: "Comparable over time.", caveats: "None." },
  figures: [
    fig({ indicator_id: "test-deaths", area_code: "S12000047", area_name: "Fife", area_label: "Fife", geography_level: "council_area", value: 1234.5, value_text: "1234.50", source_id: "S1" }),
    fig({ indicator_id: "test-deaths", area_code: "S12000005", area_name: "Clackmannanshire", area_label: "Clackmannanshire", geography_level: "council_area", value: null, value_text: "", status: "suppressed", marker: "[c]", source_id: "S1" }),
    fig({ indicator_id: "test-deaths", value: 12, value_text: "12", status: "derived", formula: "a + b", source_id: "S1", preferred: false, not_preferred_reason: "a later figure is shown" }),
  ],
  sources: [
    { source_id: "S1", title: "Test publication", publisher: "Test publisher", published_date: "2024-01-02", url: "https://example.org/pub", licence: "OGL v3.0", source_type: "primary" },
    { source_id: "S2", title: "Not cited", publisher: "Other", published_date: "2020", url: "https://example.org/other", licence: "OGL v3.0", source_type: "secondary" },
  ],
  release: { id: "2026-12", date: "2026-12-01", title: "Test release", licence: "Open Government Licence v3.0", licence_url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", contact: "Write to us.", site_title: "Test site" },
};

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Cell texts of column A from row 1 down to the first empty cell. */
const columnA = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  for (let r = 1; ws.getCell(r, 1).value !== null; r++) out.push(String(ws.getCell(r, 1).text));
  return out;
};

/** The table of a sheet, as its header row and data rows, read back from the cells its range covers. */
function tableOf(ws: ExcelJS.Worksheet): { name: string; header: string[]; rows: ExcelJS.Cell[][] } {
  const tables = ws.getTables() as unknown as { table: { name: string; tableRef: string } }[];
  expect(tables).toHaveLength(1);
  const { name, tableRef } = tables[0]!.table;
  const [from, to] = tableRef.split(":").map((a) => ws.getCell(a!)) as [ExcelJS.Cell, ExcelJS.Cell];
  const cells = (r: number) => Array.from({ length: Number(to.col) - Number(from.col) + 1 }, (_, i) => ws.getCell(r, Number(from.col) + i));
  const header = cells(Number(from.row)).map((c) => String(c.value));
  const rows = Array.from({ length: Number(to.row) - Number(from.row) }, (_, i) => cells(Number(from.row) + 1 + i));
  return { name, header, rows };
}

describe("indicator workbook", () => {
  it("has a cover, contents, notes, figures and sources sheet, in that order, with the title in A1", async () => {
    const wb = await readBack(indicatorWorkbook(input));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.cover, SHEETS.contents, SHEETS.notes, SHEETS.figures, SHEETS.sources]);
    const cover = columnA(wb.getWorksheet(SHEETS.cover)!);
    expect(cover[0]).toBe("Test deaths, Scotland");
    for (const part of ["Source", "Release", "Licence", "Contact"]) expect(cover).toContain(part);
    expect(cover.join("\n")).toContain("Test publisher, Test publication (2024-01-02)");
    expect(cover.join("\n")).toContain("release 2026-12, published 1 December 2026");
    expect(cover.join("\n")).toContain("Open Government Licence v3.0");
    expect(cover.join("\n")).toContain("Write to us.");
    expect(wb.title).toBe("Test deaths, Scotland");
    expect(wb.created.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("lists every other sheet in a contents table that links to it", async () => {
    const bytes = indicatorWorkbook(input);
    const wb = await readBack(bytes);
    const t = tableOf(wb.getWorksheet(SHEETS.contents)!);
    expect(t.header).toEqual(["Sheet name", "Table description"]);
    expect(t.rows.map((r) => r[0]!.text)).toEqual(["Notes", "Figures", "Sources"]);
    // A link to a place in the workbook is a location with no relationship, as Excel writes it (LibreOffice follows
    // it; ExcelJS reads only links with a relationship, so the sheet's XML is read here).
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet2.xml")!.async("string");
    const links = [...xml.matchAll(/<hyperlink ref="([A-Z]+\d+)"([^>]*)\/>/g)].map(([, ref, rest]) => [ref, /location="([^"]*)"/.exec(rest!)?.[1], /r:id=/.test(rest!)]);
    expect(links).toEqual(t.rows.map((r, i) => [r[0]!.address, ["&apos;Notes&apos;!A1", "&apos;Figures&apos;!A1", "&apos;Sources&apos;!A1"][i], false]));
  });

  it("numbers the notes that column headers refer to", async () => {
    const wb = await readBack(indicatorWorkbook(input));
    const notes = tableOf(wb.getWorksheet(SHEETS.notes)!);
    expect(notes.header).toEqual(["Note number", "Note text"]);
    const numbers = notes.rows.map((r) => r[0]!.value);
    expect(numbers).toEqual(["[note 1]", "[note 2]", "[note 3]"]);
    expect(String(notes.rows[0]![1]!.value)).toContain("[c]");
    const figureHeaders = tableOf(wb.getWorksheet(SHEETS.figures)!).header.join(" ");
    for (const n of numbers) expect(figureHeaders).toContain(String(n));
  });

  it("puts the figures in one marked-up table with a single header row carrying the unit, numbers stored as numbers", async () => {
    const wb = await readBack(indicatorWorkbook(input));
    const ws = wb.getWorksheet(SHEETS.figures)!;
    expect(columnA(ws)[1]).toBe("This worksheet contains one table. Some column headers refer to notes in the Notes worksheet.");
    const t = tableOf(ws);
    expect(t.name).toBe("Figures_table");
    expect(t.header).toContain("Value (number)");
    expect(t.rows).toHaveLength(3);
    const col = (h: string) => t.header.indexOf(h);
    const fife = t.rows[0]!;
    expect(fife[col("Area name")]!.value).toBe("Fife");
    expect(fife[col("Value (number)")]!.type).toBe(ExcelJS.ValueType.Number);
    expect(fife[col("Value (number)")]!.value).toBe(1234.5);
    // Shown with the decimals it was published with, and thousands separators.
    expect(fife[col("Value (number)")]!.numFmt).toBe("#,##0.00");
    // A missing value: an empty cell, with its shorthand in its own column and the reason in Status.
    const clacks = t.rows[1]!;
    expect(clacks[col("Value (number)")]!.type).toBe(ExcelJS.ValueType.Null);
    expect(clacks[col("Shorthand [note 1]")]!.value).toBe("[c]");
    expect(clacks[col("Status [note 2]")]!.value).toBe("suppressed");
    const derived = t.rows[2]!;
    expect(derived[col("Formula")]!.value).toBe("a + b");
    expect(derived[col("Shown on site [note 3]")]!.value).toBe("No");
    expect(derived[col("Why not shown")]!.value).toBe("a later figure is shown");
    // No merged cells, and no column left empty for every figure (no qualifier was given, so there is no Qualifier column).
    expect(Object.keys((ws.model as { merges?: unknown[] }).merges ?? {})).toHaveLength(0);
    expect(t.header).not.toContain("Qualifier");
    for (let c = 0; c < t.header.length; c++) expect(t.rows.some((r) => r[c]!.value !== null)).toBe(true);
  });

  it("lists only the sources the figures cite, with their addresses", async () => {
    const wb = await readBack(indicatorWorkbook(input));
    const t = tableOf(wb.getWorksheet(SHEETS.sources)!);
    expect(t.rows.map((r) => r[0]!.value)).toEqual(["S1"]);
    expect((t.rows[0]![t.header.indexOf("Address")]!.value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("https://example.org/pub");
  });

  it("gives the same bytes for the same inputs, with every zip entry dated the release date", async () => {
    const a = indicatorWorkbook(input);
    const b = indicatorWorkbook(structuredClone(input));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const zip = await JSZip.loadAsync(a);
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual(["2026-12-01T00:00:00.000Z"]);
    const later = indicatorWorkbook({ ...input, release: { ...input.release, date: "2027-01-15" } });
    expect(Buffer.from(later).equals(Buffer.from(a))).toBe(false);
  });
});

describe("zipParts", () => {
  it("writes a zip that another reader opens, with the names, contents and date given", async () => {
    const bytes = zipParts([["a.txt", new TextEncoder().encode("hello")], ["dir/b.xml", new TextEncoder().encode("<b/>".repeat(100))]], new Date("2000-02-03T04:05:06Z"));
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(["a.txt", "dir/b.xml"]);
    expect(await zip.file("a.txt")!.async("string")).toBe("hello");
    expect(await zip.file("dir/b.xml")!.async("string")).toBe("<b/>".repeat(100));
    expect(zip.files["a.txt"]!.date.toISOString()).toBe("2000-02-03T04:05:06.000Z");
  });
});

describe("numberFormat", () => {
  it("shows the decimals a value was written with", () => {
    expect(numberFormat("8")).toBe("#,##0");
    expect(numberFormat("94.0")).toBe("#,##0.0");
    expect(numberFormat("1234.50")).toBe("#,##0.00");
  });
});
