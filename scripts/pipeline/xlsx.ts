/**
 * One XLSX workbook per indicator, laid out as the Analysis Function's guidance on releasing statistics in
 * spreadsheets asks (https://analysisfunction.civilservice.gov.uk/policy-store/releasing-statistics-in-spreadsheets/):
 * a cover sheet, a contents sheet, a notes sheet, then one table per sheet (the figures, their sources). Every table
 * is marked up as an Excel table with one header row, starts in column A under a few lines of text, has no merged
 * cells and no blank rows or columns; values are stored as numbers, a missing value is an empty cell with its
 * shorthand ([c], [x]) in its own column, and column headers carry the unit and the notes they refer to.
 *
 * `indicatorWorkbook` is the workbook as bytes, from the indicator, its figures, their sources and the release only,
 * written synchronously by the small SpreadsheetML writer in spreadsheetml.ts (ExcelJS, which built the workbooks
 * before, cost seconds of CPU per build; it still reads them back in the tests). The same inputs give the same bytes:
 * the document's dates and every zip entry's date are the release date.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type Cell, type CellValue, type Link, type Row, type Sheet, workbookBytes, zipParts } from "./spreadsheetml.ts";
import type { Figure } from "../../src/schemas/figure.ts";
import { LEVEL_LABEL, type Unit } from "../../src/schemas/vocabulary.ts";

export interface WorkbookIndicator {
  id: string;
  title: string;
  description: string;
  unit: Unit;
  comparability: string;
  caveats: string;
}

export interface WorkbookSource {
  source_id: string;
  title: string;
  publisher: string;
  published_date: string;
  url: string;
  licence: string;
  source_type: string;
}

export interface WorkbookRelease {
  id: string;
  /** ISO date: printed on the cover, and the date of the document and of every entry in the zip. */
  date: string;
  title: string;
  licence: string;
  licence_url: string;
  contact: string;
  site_title: string;
}

export interface IndicatorWorkbookInput {
  indicator: WorkbookIndicator;
  /** The indicator's figures in the order of its CSV (shown and not shown). */
  figures: Figure[];
  /** The sources catalogue; the workbook lists those its figures cite. */
  sources: WorkbookSource[];
  release: WorkbookRelease;
}

/** Sheet names, short and meaningful (the guidance: unique, no more than 31 characters, no symbols). */
export const SHEETS = { cover: "Cover", contents: "Contents", notes: "Notes", figures: "Figures", sources: "Sources" } as const;

/** The unit in a column header, e.g. "Value (whole-time equivalent, WTE)". */
const UNIT_HEADER: Record<Unit, string> = {
  count: "Value (number)",
  wte: "Value (whole-time equivalent, WTE)",
  percent: "Value (per cent)",
  rate_per_100000: "Value (rate per 100,000 people)",
  rate_per_1000000: "Value (rate per million people)",
  days: "Value (days)",
  gbp: "Value (pounds)",
  gbp_million: "Value (£ million)",
};

const STATUS_TEXT: Record<Figure["status"], string> = {
  published: "published",
  suppressed: "suppressed",
  not_available: "not available",
  derived: "derived",
};

const ROLE_TEXT: Record<Figure["role"], string> = {
  value: "value",
  lower_95ci: "lower bound of 95% confidence interval",
  upper_95ci: "upper bound of 95% confidence interval",
};

/** The notes of the Notes sheet; column headers refer to them as [note N]. */
const NOTES = [
  "Shorthand, as the Government Statistical Service uses it: [c] confidential or suppressed by the publisher (for example to protect small numbers), [x] not available (not published, or published only in words), [r] revised since first published. A figure with [c] or [x] has an empty Value cell.",
  "Derived figures were computed by this site from published figures of the same period, area and breakdown, with the formula in the Formula column; every other figure is as published.",
  "Shown on site: Yes for the figure the site shows. No where another figure with the same key is shown instead (a later revision, the same value from another source, or a bound of an exact figure); the reason is in the next column.",
] as const;

const FIGURE_COLUMNS: { header: string; width: number; cell: (f: Figure) => string | number | null }[] = [
  { header: "Figure ID", width: 20, cell: (f) => f.figure_id },
  { header: "Measure", width: 40, cell: (f) => f.measure_label },
  { header: "Statistic", width: 16, cell: (f) => ROLE_TEXT[f.role] },
  { header: "Geography level", width: 16, cell: (f) => LEVEL_LABEL[f.geography_level] },
  { header: "Area code", width: 14, cell: (f) => f.area_code },
  { header: "Area name", width: 30, cell: (f) => f.area_label },
  { header: "Period", width: 14, cell: (f) => f.period },
  { header: "Period start", width: 12, cell: (f) => f.period_start },
  { header: "Period end", width: 12, cell: (f) => f.period_end },
  { header: "Breakdown type", width: 16, cell: (f) => f.breakdown_type },
  { header: "Breakdown", width: 30, cell: (f) => f.breakdown_label },
  { header: "Breakdown group", width: 16, cell: (f) => f.breakdown_group },
  { header: "Value", width: 14, cell: (f) => f.value },
  { header: "Shorthand [note 1]", width: 12, cell: (f) => f.marker },
  { header: "Status [note 2]", width: 14, cell: (f) => STATUS_TEXT[f.status] },
  { header: "Qualifier", width: 12, cell: (f) => f.qualifier },
  { header: "Shown on site [note 3]", width: 12, cell: (f) => (f.preferred ? "Yes" : "No") },
  { header: "Why not shown", width: 30, cell: (f) => f.not_preferred_reason },
  { header: "Formula", width: 40, cell: (f) => f.formula },
  { header: "Source ID", width: 12, cell: (f) => f.source_id },
  { header: "Source type", width: 12, cell: (f) => f.source_type },
  { header: "Where in the source", width: 50, cell: (f) => f.source_location },
  { header: "Notes", width: 50, cell: (f) => f.notes },
];
/** Columns that always stay, even when empty for every figure (the value, and why it is missing). */
const KEPT = new Set(["Figure ID", "Measure", "Geography level", "Area code", "Area name", "Period", "Value", "Shorthand [note 1]", "Status [note 2]", "Shown on site [note 3]", "Source ID"]);

/** The Figures table's columns for these figures: a column empty for every one of them is left out (no blank columns). */
export function figureColumns(figures: Figure[]): typeof FIGURE_COLUMNS {
  return FIGURE_COLUMNS.filter((c) => KEPT.has(c.header) || figures.some((f) => c.cell(f) !== "" && c.cell(f) !== null && !(c.header === "Statistic" && f.role === "value")));
}

/** Number format showing the decimals the value was written with, with thousands separators ("94.0" → #,##0.0). */
export function numberFormat(valueText: string): string {
  const dot = valueText.indexOf(".");
  const decimals = dot < 0 ? 0 : valueText.length - dot - 1;
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
}

const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const longDate = (iso: string) => DATE_FORMAT.format(new Date(`${iso}T00:00:00Z`));

export { zipParts };

/** Row height (points) that shows `text` wrapped in a column `width` characters wide: Excel does not grow rows itself. */
export function wrappedHeight(text: string, width: number): number {
  const lines = text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / (width * 1.1))), 0);
  return Math.max(15, lines * 15);
}

const TITLE = { bold: true, size: 14 } as const;
const SUBTITLE = { bold: true, size: 12 } as const;
const BOLD = { bold: true } as const;

/** Title in A1 (bold, larger), then one line of text per cell in column A, as the guidance lays out every sheet. */
function heading(title: string, lines: string[]): Row[] {
  return [{ cells: [{ value: title, style: TITLE }] }, ...lines.map((line) => ({ cells: [line] }))];
}

/**
 * A sheet with a heading and one table under it: the header row in bold, long-text columns wrapped, an empty text
 * left as no cell at all (so a blank cell is truly blank).
 */
function tableSheet(name: string, tableName: string, top: Row[], headers: string[], rows: (CellValue | Cell)[][], widths: number[], wrap: number[], heights: (number | undefined)[] = []): Sheet {
  const wrapped = new Set(wrap);
  return {
    name,
    columns: widths.map((width, i) => ({ width, wrap: wrapped.has(i) })),
    rows: [...top, { cells: headers, style: BOLD }, ...rows.map((cells, i) => ({ cells, ...(heights[i] === undefined ? {} : { height: heights[i] }) }))],
    table: { name: tableName, headerRow: top.length + 1, headers, rows: rows.length },
  };
}

/** The workbook of one indicator, as the bytes of an .xlsx file. */
export function indicatorWorkbook(input: IndicatorWorkbookInput): Uint8Array {
  const { indicator: ind, figures, release } = input;
  const cited = new Set(figures.map((f) => f.source_id));
  const sources = input.sources.filter((s) => cited.has(s.source_id)).sort((a, b) => (a.source_id < b.source_id ? -1 : a.source_id > b.source_id ? 1 : 0));
  const hasMissing = figures.some((f) => f.value === null);

  const coverLines: [string, string | Link][] = [
    ["What this workbook contains", `Every figure of the indicator “${ind.title}” in data release ${release.id}: the published figures, the figures this site derived from them, and the figures another source gives for the same thing. ${ind.description}`],
    ["Sheets", "Contents lists the sheets; Notes explains the shorthand and the notes that column headers refer to; Figures has one row per figure; Sources lists the publications the figures come from."],
    ["Source", sources.length > 0 ? `${sources.map((s) => `${s.publisher}, ${s.title} (${s.published_date})`).join("; ")}. Each row of the Figures table names its source and where in it the figure is.` : "No figures."],
    ["Comparability", ind.comparability],
    ["Caveats", ind.caveats],
    ["Release", `${release.title}: release ${release.id}, published ${longDate(release.date)}.`],
    ["Licence", { text: `Figures are reused under the ${release.licence} unless the Sources table says otherwise: ${release.licence_url}`, hyperlink: release.licence_url }],
    ["Contact", release.contact],
  ];
  const cover: Sheet = {
    name: SHEETS.cover,
    columns: [{ width: 100 }],
    rows: [
      { cells: [{ value: ind.title, style: TITLE }] },
      ...coverLines.flatMap(([subtitle, text]): Row[] => [
        { cells: [{ value: subtitle, style: SUBTITLE }] },
        { cells: [{ value: text, style: { wrap: true } }], height: wrappedHeight(typeof text === "string" ? text : text.text, 100) },
      ]),
    ],
  };

  const link = (sheet: string): Link => ({ text: sheet, hyperlink: `#'${sheet}'!A1` });
  const contents = tableSheet(
    SHEETS.contents,
    "Contents_table",
    heading("Contents", ["This worksheet contains one table."]),
    ["Sheet name", "Table description"],
    [
      [link(SHEETS.notes), "Notes used in this workbook"],
      [link(SHEETS.figures), `${ind.title}: every figure, with its status, shorthand and source`],
      [link(SHEETS.sources), "The publications the figures come from, with their addresses and licences"],
    ],
    [16, 90],
    [1],
  );

  const notes = tableSheet(
    SHEETS.notes,
    "Notes_table",
    heading("Notes", ["This worksheet contains one table."]),
    ["Note number", "Note text"],
    NOTES.map((text, i) => [`[note ${i + 1}]`, text]),
    [14, 110],
    [1],
    NOTES.map((text) => wrappedHeight(text, 110)),
  );

  const columns = figureColumns(figures);
  const valueColumn = columns.findIndex((c) => c.header === "Value");
  const figureSheet = tableSheet(
    SHEETS.figures,
    "Figures_table",
    heading(`${ind.title}: every figure`, [
      "This worksheet contains one table. Some column headers refer to notes in the Notes worksheet.",
      hasMissing
        ? "An empty Value cell means the publisher gave no number; the Shorthand and Status columns say why. Other empty cells mean the column does not apply to that figure."
        : "Empty cells mean the column does not apply to that figure.",
      "Source: the publication named in the Source ID column of each row (see the Sources worksheet).",
    ]),
    columns.map((c, i) => (i === valueColumn ? UNIT_HEADER[ind.unit] : c.header)),
    // Values are numbers shown with the decimals they were published with.
    figures.map((f) => columns.map((c, i) => (i === valueColumn && f.value !== null ? { value: f.value, style: { numFmt: numberFormat(f.value_text) } } : c.cell(f)))),
    columns.map((c) => c.width),
    columns.flatMap((c, i) => (c.width >= 30 ? [i] : [])),
  );

  const src = tableSheet(
    SHEETS.sources,
    "Sources_table",
    heading("Sources", ["This worksheet contains one table.", ...(sources.some((s) => s.url === "") ? ["An empty Address cell means the source catalogue gives no web address for the publication."] : [])]),
    ["Source ID", "Publisher", "Title", "Published", "Address", "Licence", "Source type"],
    sources.map((s) => [s.source_id, s.publisher, s.title, s.published_date, s.url === "" ? null : { text: s.url, hyperlink: s.url }, s.licence, s.source_type]),
    [12, 30, 60, 14, 60, 30, 12],
    [1, 2, 3, 4, 5],
  );

  return workbookBytes([cover, contents, notes, figureSheet, src], {
    title: ind.title,
    subject: ind.description,
    keywords: `drugs; alcohol; workforce; ${ind.id}`,
    creator: release.site_title,
    date: new Date(`${release.date}T00:00:00Z`),
  });
}

export interface WorkbookJob {
  path: string;
  input: IndicatorWorkbookInput;
}

/** Writes each job's workbook to its path. Returns the bytes written, so the caller can hash them without reading back. */
export function writeIndicatorWorkbooks(jobs: WorkbookJob[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const job of jobs) {
    mkdirSync(dirname(job.path), { recursive: true });
    const bytes = indicatorWorkbook(job.input);
    writeFileSync(job.path, bytes);
    out.set(job.path, bytes);
  }
  return out;
}
