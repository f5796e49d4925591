/**
 * One XLSX workbook per indicator, laid out as the Analysis Function's guidance on releasing statistics in
 * spreadsheets asks (https://analysisfunction.civilservice.gov.uk/policy-store/releasing-statistics-in-spreadsheets/):
 * a cover sheet, a contents sheet, a notes sheet, then one table per sheet (the figures, their sources). Every table
 * is marked up as an Excel table with one header row, starts in column A under a few lines of text, has no merged
 * cells and no blank rows or columns; values are stored as numbers, a missing value is an empty cell with its
 * shorthand ([c], [x]) in its own column, and column headers carry the unit and the notes they refer to.
 *
 * `indicatorWorkbook` is the workbook as bytes, from the indicator, its figures, their sources and the release only.
 * The same inputs give the same bytes: the document's dates and every zip entry's date are the release date (see zipParts).
 * `writeIndicatorWorkbooks` writes many at once for the synchronous data stage (ExcelJS only writes asynchronously,
 * so it runs this file as a child process and waits for it).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import { isMainThread, Worker, workerData } from "node:worker_threads";
import ExcelJS from "exceljs";
import JSZip from "jszip";
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

const longDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

type Row = (string | number | null | ExcelJS.CellHyperlinkValue)[];

/** Title in A1 (bold, larger), then one line of text per cell in column A, as the guidance lays out every sheet. */
function heading(ws: ExcelJS.Worksheet, title: string, lines: string[]): number {
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  lines.forEach((line, i) => (ws.getCell(`A${i + 2}`).value = line));
  return lines.length + 2;
}

/** Row height (points) that shows `text` wrapped in a column `width` characters wide: Excel does not grow rows itself. */
export function wrappedHeight(text: string, width: number): number {
  const lines = text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / (width * 1.1))), 0);
  return Math.max(15, lines * 15);
}

function table(ws: ExcelJS.Worksheet, name: string, top: number, headers: string[], rows: Row[], widths: number[], wrap: number[] = []): void {
  // Long text wraps in its column (set before the table writes its cells, which take the column's style).
  for (const c of wrap) ws.getColumn(c + 1).alignment = { wrapText: true, vertical: "top" };
  ws.addTable({
    name,
    ref: `A${top}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight1", showRowStripes: false },
    columns: headers.map((h) => ({ name: h, filterButton: false })),
    // An empty text is no cell at all, so a blank cell is truly blank.
    rows: rows.map((r) => r.map((v) => (v === "" ? null : v))),
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getRow(top).font = { bold: true };
}

/** The workbook of one indicator, as the bytes of an .xlsx file. */
export async function indicatorWorkbook(input: IndicatorWorkbookInput): Promise<Uint8Array> {
  const { indicator: ind, figures, release } = input;
  const date = new Date(`${release.date}T00:00:00Z`);
  const cited = new Set(figures.map((f) => f.source_id));
  const sources = input.sources.filter((s) => cited.has(s.source_id)).sort((a, b) => (a.source_id < b.source_id ? -1 : a.source_id > b.source_id ? 1 : 0));
  const hasMissing = figures.some((f) => f.value === null);

  const wb = new ExcelJS.Workbook();
  wb.creator = release.site_title;
  wb.lastModifiedBy = release.site_title;
  wb.title = ind.title;
  wb.subject = ind.description;
  wb.keywords = `drugs; alcohol; workforce; ${ind.id}`;
  wb.created = date;
  wb.modified = date;

  const cover = wb.addWorksheet(SHEETS.cover);
  const coverLines: [string, string | ExcelJS.CellHyperlinkValue][] = [
    ["What this workbook contains", `Every figure of the indicator “${ind.title}” in data release ${release.id}: the published figures, the figures this site derived from them, and the figures another source gives for the same thing. ${ind.description}`],
    ["Sheets", "Contents lists the sheets; Notes explains the shorthand and the notes that column headers refer to; Figures has one row per figure; Sources lists the publications the figures come from."],
    ["Source", sources.length > 0 ? `${sources.map((s) => `${s.publisher}, ${s.title} (${s.published_date})`).join("; ")}. Each row of the Figures table names its source and where in it the figure is.` : "No figures."],
    ["Comparability", ind.comparability],
    ["Caveats", ind.caveats],
    ["Release", `${release.title}: release ${release.id}, published ${longDate(release.date)}.`],
    ["Licence", { text: `Figures are reused under the ${release.licence} unless the Sources table says otherwise: ${release.licence_url}`, hyperlink: release.licence_url }],
    ["Contact", release.contact],
  ];
  cover.getCell("A1").value = ind.title;
  cover.getCell("A1").font = { bold: true, size: 14 };
  coverLines.forEach(([subtitle, text], i) => {
    const r = 2 + i * 2;
    cover.getCell(`A${r}`).value = subtitle;
    cover.getCell(`A${r}`).font = { bold: true, size: 12 };
    cover.getCell(`A${r + 1}`).value = text;
    cover.getCell(`A${r + 1}`).alignment = { wrapText: true, vertical: "top" };
    cover.getRow(r + 1).height = wrappedHeight(typeof text === "string" ? text : text.text, 100);
  });
  cover.getColumn(1).width = 100;

  const contents = wb.addWorksheet(SHEETS.contents);
  const cTop = heading(contents, "Contents", ["This worksheet contains one table."]);
  const link = (sheet: string) => ({ text: sheet, hyperlink: `#'${sheet}'!A1` });
  table(
    contents,
    "Contents_table",
    cTop,
    ["Sheet name", "Table description"],
    [
      [link(SHEETS.notes), "Notes used in this workbook"],
      [link(SHEETS.figures), `${ind.title}: every figure, with its status, shorthand and source`],
      [link(SHEETS.sources), "The publications the figures come from, with their addresses and licences"],
    ],
    [16, 90],
    [1],
  );

  const notes = wb.addWorksheet(SHEETS.notes);
  const nTop = heading(notes, "Notes", ["This worksheet contains one table."]);
  table(notes, "Notes_table", nTop, ["Note number", "Note text"], NOTES.map((text, i) => [`[note ${i + 1}]`, text]), [14, 110], [1]);
  NOTES.forEach((text, i) => (notes.getRow(nTop + 1 + i).height = wrappedHeight(text, 110)));

  const sheet = wb.addWorksheet(SHEETS.figures);
  const fTop = heading(sheet, `${ind.title}: every figure`, [
    "This worksheet contains one table. Some column headers refer to notes in the Notes worksheet.",
    hasMissing
      ? "An empty Value cell means the publisher gave no number; the Shorthand and Status columns say why. Other empty cells mean the column does not apply to that figure."
      : "Empty cells mean the column does not apply to that figure.",
    "Source: the publication named in the Source ID column of each row (see the Sources worksheet).",
  ]);
  const columns = figureColumns(figures);
  const valueColumn = columns.findIndex((c) => c.header === "Value");
  const headers = columns.map((c, i) => (i === valueColumn ? UNIT_HEADER[ind.unit] : c.header));
  const wide = columns.flatMap((c, i) => (c.width >= 30 ? [i] : []));
  table(sheet, "Figures_table", fTop, headers, figures.map((f) => columns.map((c) => c.cell(f))), columns.map((c) => c.width), wide);
  figures.forEach((f, i) => {
    if (f.value !== null) sheet.getCell(fTop + 1 + i, valueColumn + 1).numFmt = numberFormat(f.value_text);
  });

  const src = wb.addWorksheet(SHEETS.sources);
  const sTop = heading(src, "Sources", ["This worksheet contains one table.", ...(sources.some((s) => s.url === "") ? ["An empty Address cell means the source catalogue gives no web address for the publication."] : [])]);
  table(
    src,
    "Sources_table",
    sTop,
    ["Source ID", "Publisher", "Title", "Published", "Address", "Licence", "Source type"],
    sources.map((s) => [s.source_id, s.publisher, s.title, s.published_date, s.url === "" ? null : { text: s.url, hyperlink: s.url }, s.licence, s.source_type]),
    [12, 30, 60, 14, 60, 30, 12],
    [1, 2, 3, 4, 5],
  );

  // ExcelJS stores its parts uncompressed here; zipParts compresses them natively with fixed dates.
  const stored = await JSZip.loadAsync(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions));
  const parts: [string, Uint8Array][] = [];
  for (const entry of Object.values(stored.files)) if (!entry.dir) parts.push([entry.name, await entry.async("uint8array")]);
  return zipParts(parts, date);
}

/**
 * A zip archive of the given files, in the given order, every entry dated `date` (DOS time, to the second, UTC) and
 * compressed with deflate, with no extra fields: the same files and date always give the same bytes.
 */
export function zipParts(files: [name: string, data: Uint8Array][], date: Date): Uint8Array {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    head.writeUInt16LE(0x0800, 6); // names are UTF-8
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(day, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    chunks.push(head, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: DOS, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(day, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}

export interface WorkbookJob {
  path: string;
  input: IndicatorWorkbookInput;
}

/** Writes each job's workbook to its path, synchronously: runs this file in a child process and waits for it. */
export function writeIndicatorWorkbooks(jobs: WorkbookJob[]): void {
  if (jobs.length === 0) return;
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { input: JSON.stringify(jobs), stdio: ["pipe", "inherit", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`writing the XLSX workbooks failed: ${r.error?.message ?? r.stderr.toString().trim()}`);
}

async function writeJobs(jobs: WorkbookJob[]): Promise<void> {
  for (const job of jobs) {
    mkdirSync(dirname(job.path), { recursive: true });
    writeFileSync(job.path, await indicatorWorkbook(job.input));
  }
}

/** Splits jobs into `n` lanes of about the same number of figures, largest first. */
export function lanes(jobs: WorkbookJob[], n: number): WorkbookJob[][] {
  const out = Array.from({ length: n }, () => ({ jobs: [] as WorkbookJob[], size: 0 }));
  for (const job of [...jobs].sort((a, b) => b.input.figures.length - a.input.figures.length)) {
    const lane = out.reduce((min, l) => (l.size < min.size ? l : min));
    lane.jobs.push(job);
    lane.size += job.input.figures.length + 50;
  }
  return out.map((l) => l.jobs).filter((l) => l.length > 0);
}

// As a child process: read the jobs from stdin and write them, in this thread and one worker thread per extra core.
if (import.meta.main && isMainThread) {
  const [mine = [], ...others] = lanes(JSON.parse(readFileSync(0, "utf8")) as WorkbookJob[], Math.min(2, availableParallelism()));
  const workers = others.map(
    (lane) =>
      new Promise<void>((ok, fail) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { xlsxJobs: lane } });
        w.on("error", fail);
        w.on("exit", (code) => (code === 0 ? ok() : fail(new Error(`xlsx worker exited with ${code}`))));
      }),
  );
  await Promise.all([writeJobs(mine), ...workers]);
} else if (!isMainThread && (workerData as { xlsxJobs?: WorkbookJob[] } | null)?.xlsxJobs) {
  await writeJobs((workerData as { xlsxJobs: WorkbookJob[] }).xlsxJobs);
}
