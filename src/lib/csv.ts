/** CSV text for downloads: RFC 4180 quoting (d3-dsv) and formula-safe cells. Shared by the pipeline and the site. */
import { csvFormatRows } from "d3-dsv";

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Spreadsheet formula injection: a text cell starting with = + - @ (or a tab or carriage return) would be run as a
 * formula when the CSV is opened in a spreadsheet. Such cells get a leading apostrophe; plain numbers (e.g. -3) are
 * left alone, so no number changes. JSON downloads keep the text exactly as written.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Rows (the first is the header) as CSV text with a final newline, every cell formula-safe. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `${csvFormatRows(rows.map((r) => r.map(neutraliseFormula)))}\n`;
}
