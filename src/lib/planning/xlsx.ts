/**
 * Writes a plan's workbook (workbook.ts) as the bytes of an .xlsx file, at build time only: with ExcelJS, the writer
 * the data stage uses for the indicator workbooks (scripts/pipeline/xlsx.ts), then zipped again by that module's
 * zipParts with every date the release date, so the same plan always gives the same bytes.
 *
 * ExcelJS is about a megabyte of JavaScript and writes asynchronously, so it never reaches the browser: a reader's own
 * plan is downloaded as CSV or JSON, and the page says so. The sheets are plain data in the shape of a sheet of the
 * smaller SpreadsheetML writer (columns, rows, one table), so that writer can replace this one unchanged.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { zipParts } from "../../../scripts/pipeline/xlsx.ts";
import type { Cell, CellStyle, CellValue, Sheet, WorkbookProps } from "./workbook.ts";

const isCell = (c: CellValue | Cell): c is Cell => c !== null && typeof c === "object" && "value" in c;

function applyStyle(cell: ExcelJS.Cell, s: CellStyle | undefined): void {
  if (!s) return;
  if (s.bold || s.size) cell.font = { ...(s.bold ? { bold: true } : {}), ...(s.size ? { size: s.size } : {}) };
  if (s.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  if (s.numFmt) cell.numFmt = s.numFmt;
}

export async function workbookFile(sheets: readonly Sheet[], props: WorkbookProps): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = props.creator;
  wb.lastModifiedBy = props.creator;
  wb.title = props.title;
  wb.subject = props.subject;
  wb.keywords = props.keywords;
  wb.created = props.date;
  wb.modified = props.date;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width;
      if (c.wrap) col.alignment = { wrapText: true, vertical: "top" };
    });
    const value = (v: CellValue): ExcelJS.CellValue => (v !== null && typeof v === "object" ? { text: v.text, hyperlink: v.hyperlink } : v);
    const table = sheet.table;
    sheet.rows.forEach((row, i) => {
      const r = i + 1;
      // The table writes its own header and rows (ExcelJS keeps the two in step); the rest is written cell by cell.
      if (table && r >= table.headerRow && r <= table.headerRow + table.rows) return;
      row.cells.forEach((raw, j) => {
        const v = isCell(raw) ? raw.value : raw;
        if (v === null || v === "") return;
        const cell = ws.getCell(r, j + 1);
        cell.value = value(v);
        applyStyle(cell, { ...(sheet.columns[j]?.wrap ? { wrap: true } : {}), ...row.style, ...(isCell(raw) ? raw.style : {}) });
      });
      if (row.height !== undefined) ws.getRow(r).height = row.height;
    });
    if (table) {
      const data = sheet.rows.slice(table.headerRow, table.headerRow + table.rows).map((row) => table.headers.map((_, j) => {
        const raw = row.cells[j] ?? null;
        const v = raw !== null && isCell(raw) ? raw.value : (raw as CellValue);
        return v === "" || v === null ? null : value(v);
      }));
      ws.addTable({ name: table.name, ref: `A${table.headerRow}`, headerRow: true, totalsRow: false, style: { theme: "TableStyleLight1", showRowStripes: false }, columns: table.headers.map((h) => ({ name: h, filterButton: false })), rows: data });
      ws.getRow(table.headerRow).font = { bold: true };
      // Number formats and heights of the table's rows, after the table has written its cells.
      sheet.rows.slice(table.headerRow, table.headerRow + table.rows).forEach((row, k) => {
        const r = table.headerRow + 1 + k;
        row.cells.forEach((raw, j) => {
          if (raw !== null && isCell(raw) && raw.style?.numFmt) ws.getCell(r, j + 1).numFmt = raw.style.numFmt;
        });
        if (row.height !== undefined) ws.getRow(r).height = row.height;
      });
    }
  }
  const stored = await JSZip.loadAsync(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions));
  const parts: [string, Uint8Array][] = [];
  for (const entry of Object.values(stored.files)) if (!entry.dir) parts.push([entry.name, await entry.async("uint8array")]);
  return zipParts(parts, props.date);
}
