import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { columnName, type Sheet, workbookBytes, workbookParts, xmlText } from "../../scripts/pipeline/spreadsheetml.ts";

const props = { title: "T & <t>", subject: "S", keywords: "k", creator: "C", date: new Date("2026-12-01T00:00:00Z") };

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("columnName", () => {
  it("names columns as Excel does", () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnName)).toEqual(["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });
});

describe("xmlText", () => {
  it("escapes markup and writes characters XML cannot hold as Excel's _xHHHH_ escapes", () => {
    expect(xmlText(`a & b < c > "d" 'e'`)).toBe("a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;");
    expect(xmlText("bell\u0007 and\u0000nul")).toBe("bell_x0007_ and_x0000_nul");
    // A literal escape-like text is protected, so a reader does not turn it into a character.
    expect(xmlText("_x0041_")).toBe("_x005F_x0041_");
    // Tab and newlines are kept; a lone surrogate is escaped, a pair is kept.
    expect(xmlText("a\tb\nc\rd")).toBe("a\tb\nc\rd");
    expect(xmlText("\uD800x \uD83D\uDE00")).toBe("_xD800_x \uD83D\uDE00");
  });
});

describe("workbookBytes", () => {
  const sheet: Sheet = {
    name: "Data",
    columns: [{ width: 10 }, { width: 40, wrap: true }, { width: 12 }],
    rows: [
      { cells: [{ value: "Title", style: { bold: true, size: 14 } }] },
      { cells: ["Code", "Text", "Value"], style: { bold: true } },
      { cells: ["A1", "=HYPERLINK(\"http://x\")", { value: 1234.5, style: { numFmt: "#,##0.0" } }] },
      { cells: ["A2", "  leading and trailing spaces  ", null] },
      { cells: ["A3", { text: "a link", hyperlink: "https://example.org/?a=1&b=2" }, -3] },
    ],
    table: { name: "Data_table", headerRow: 2, headers: ["Code", "Text", "Value"], rows: 3 },
  };

  it("writes text as text (never a formula), numbers as numbers, blank cells as no cell, and one table", async () => {
    const wb = await readBack(workbookBytes([sheet], props));
    const ws = wb.getWorksheet("Data")!;
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(14);
    expect(ws.getCell("B3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B3").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("C3").type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell("C3").value).toBe(1234.5);
    expect(ws.getCell("C3").numFmt).toBe("#,##0.0");
    expect(ws.getCell("B4").value).toBe("  leading and trailing spaces  ");
    expect(ws.getCell("C4").type).toBe(ExcelJS.ValueType.Null);
    expect(ws.getCell("C5").value).toBe(-3);
    expect((ws.getCell("B5").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("https://example.org/?a=1&b=2");
    expect(ws.getCell("B3").alignment).toEqual({ wrapText: true, vertical: "top" });
    expect(ws.getCell("B2").font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(40);
    const tables = ws.getTables() as unknown as { table: { name: string; tableRef: string; headerRow: boolean } }[];
    expect(tables.map((t) => [t.table.name, t.table.tableRef, t.table.headerRow])).toEqual([["Data_table", "A2:C5", true]]);
    expect(wb.title).toBe("T & <t>");
    expect(wb.created.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("gives the same bytes for the same workbook, every zip entry dated the given date", async () => {
    const a = workbookBytes([sheet], props);
    expect(Buffer.from(workbookBytes([structuredClone(sheet)], props)).equals(Buffer.from(a))).toBe(true);
    const zip = await JSZip.loadAsync(a);
    expect(new Set(Object.values(zip.files).map((f) => f.date.toISOString()))).toEqual(new Set(["2026-12-01T00:00:00.000Z"]));
  });

  it("gives a table with no rows one empty data row, as Excel requires", () => {
    const parts = new Map(workbookParts([{ name: "E", columns: [], rows: [{ cells: ["H"] }], table: { name: "E_table", headerRow: 1, headers: ["H"], rows: 0 } }], props));
    expect(parts.get("xl/tables/table1.xml")).toContain('ref="A1:A2"');
  });

  it("refuses sheet names Excel refuses, and numbers that are not finite", () => {
    expect(() => workbookParts([{ name: "x".repeat(32), columns: [], rows: [] }], props)).toThrow(/sheet name/);
    expect(() => workbookParts([{ name: "a/b", columns: [], rows: [] }], props)).toThrow(/sheet name/);
    expect(() => workbookParts([{ name: "A", columns: [], rows: [] }, { name: "a", columns: [], rows: [] }], props)).toThrow(/used twice/);
    expect(() => workbookParts([{ name: "N", columns: [], rows: [{ cells: [Number.NaN] }] }], props)).toThrow(/N!A1: NaN is not a finite number/);
  });
});
