/**
 * Writes a plan's workbook (workbook.ts) as the bytes of an .xlsx file, at build time only, with the data stage's
 * SpreadsheetML writer (scripts/pipeline/spreadsheetml.ts), the one that writes the indicator workbooks: every date
 * in it is the release date, so the same plan always gives the same bytes.
 *
 * A reader's own plan is downloaded as CSV or JSON, and the page says so: the workbook is written by the build.
 */
import { workbookBytes } from "../../../scripts/pipeline/spreadsheetml.ts";
import type { Sheet, WorkbookProps } from "./workbook.ts";

export function workbookFile(sheets: readonly Sheet[], props: WorkbookProps): Uint8Array {
  return workbookBytes([...sheets], props);
}
