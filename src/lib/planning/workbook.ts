/**
 * A plan as a workbook, laid out as the Analysis Function's guidance on releasing statistics in spreadsheets asks:
 * a cover sheet, contents, notes, then one table per sheet (inputs, the start, the projection by financial year, the
 * totals, need, formulas, sources), each marked up as a table with one header row starting in column A under a few
 * lines of text, numbers stored as numbers, [z] where a value does not apply and units in the headers.
 *
 * Pure: the plan in, the sheets out, as plain data in the shape of the site's spreadsheet writer (a sheet's columns,
 * rows and table), so any writer of that shape can write it. planning/xlsx.ts writes it at build time.
 */
import { formatPeriod } from "../periods.ts";
import { sourceText } from "./citation.ts";
import type { DocumentScenario, PlanDocumentMeta } from "./export.ts";
import { planDocument } from "./export.ts";
import { EDGE_CASES, FORMULAS, HORIZON } from "./model.ts";
import type { NeedRow } from "./need.ts";
import { BASIS_LABEL, NOT_APPLICABLE } from "./view.ts";

import type { Cell, CellValue, Link, Row, Sheet, WorkbookProps } from "../../../scripts/pipeline/spreadsheetml.ts";
export type { Cell, CellStyle, CellValue, Link, Row, Sheet, Table, WorkbookProps } from "../../../scripts/pipeline/spreadsheetml.ts";

export interface WorkbookSource {
  source_id: string;
  title: string;
  publisher: string;
  published_date: string;
  url: string;
  licence: string;
  source_type: string;
}

export interface PlanWorkbookInput {
  meta: PlanDocumentMeta;
  scenarios: readonly DocumentScenario[];
  need: readonly NeedRow[];
  /** The sources catalogue; the workbook lists those its inputs and need cite. */
  sources: readonly WorkbookSource[];
  release: { title: string; licence: string; licence_url: string; contact: string };
}

export const PLAN_SHEETS = { cover: "Cover", contents: "Contents", notes: "Notes", inputs: "Inputs", start: "Start", projection: "Projection", totals: "Totals", need: "Need", formulas: "Formulas", sources: "Sources" } as const;

const NOTES = [
  `Basis of an input: ${BASIS_LABEL.published} (published for the place, with its figure ID and source); ${BASIS_LABEL.derived} (worked out by this site from published figures, the arithmetic in the Worked out column); Borrowed (another place's published or worked-out figure, named in the Borrowed from column, because none is published for the place); ${BASIS_LABEL.assumption} (chosen by this site, no published figure); ${BASIS_LABEL["your assumption"]} (chosen by the reader).`,
  `${NOT_APPLICABLE} not applicable: there are no leavers or recruits before the start, and people on caseloads and frontline posts are worked out only when the number of people on caseloads is given. [x] not available: the series has no comparable earlier figure to give a trend.`,
  "The model keeps every decimal; results are rounded to 2 decimal places in this workbook (shown to 1) and totals are added before rounding.",
  "A projection is not a forecast: it shows what follows from the inputs by the formulas in the Formulas sheet, not what will happen.",
] as const;

const WTE = "#,##0.0";
const PEOPLE = "#,##0";
const PCT = "0.0";

/** Row height (points) that shows `text` wrapped in a column `width` characters wide: spreadsheet programs do not grow rows. */
export function wrappedHeight(text: string, width: number): number {
  const lines = text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / (width * 1.1))), 0);
  return Math.max(15, lines * 15);
}

const num = (value: number, numFmt: string): Cell => ({ value, style: { numFmt } });

/** Title in A1 (bold, larger), one line of text per row in column A, then the table's header row and rows. */
function tableSheet(name: string, title: string, lines: string[], tableName: string, headers: string[], rows: (CellValue | Cell)[][], widths: number[], wrap: number[]): Sheet {
  const top = lines.length + 2;
  return {
    name,
    columns: widths.map((width, i) => ({ width, ...(wrap.includes(i) ? { wrap: true } : {}) })),
    rows: [
      { cells: [{ value: title, style: { bold: true, size: 14 } }] },
      ...lines.map((l) => ({ cells: [l] })),
      { cells: headers, style: { bold: true } },
      ...rows.map((cells) => ({ cells: cells.map((c) => (c === "" ? null : c)) })),
    ],
    table: { name: tableName, headerRow: top, headers, rows: rows.length },
  };
}

/** The workbook of a plan: its sheets and document properties. */
export function planWorkbook(input: PlanWorkbookInput): { sheets: Sheet[]; props: WorkbookProps } {
  const { meta, scenarios, need, release } = input;
  const doc = planDocument(meta, scenarios, need);
  const span = `${meta.years[0]} to ${meta.years[HORIZON - 1]}`;
  const cited = new Set([...scenarios.flatMap((s) => s.inputs.flatMap((i) => [i.citation, ...(i.also ?? [])])), ...need.flatMap((r) => [...r.latest.citations, ...(r.trend?.from.citations ?? [])])].flatMap((c) => (c ? [c.sourceId] : [])));
  const sources = input.sources.filter((s) => cited.has(s.source_id)).sort((a, b) => (a.source_id < b.source_id ? -1 : a.source_id > b.source_id ? 1 : 0));
  const name = (s: DocumentScenario) => s.name || `Scenario ${s.letter}`;

  const coverParts: [string, CellValue][] = [
    ["What this workbook contains", `${meta.title}: a five-year workforce plan, ${span}, worked out by this site from published figures by the formulas in the Formulas sheet. ${scenarios.length > 1 ? `It compares ${scenarios.length} scenarios: ${scenarios.map((s) => `${s.letter}, ${name(s)}`).join("; ")}.` : ""}`],
    ["A projection is not a forecast", NOTES[3]],
    ["Where the plan starts", `${meta.start.covers}${meta.start.period ? `. The starting figures are for ${meta.start.period}, ${meta.start.age} old at the data release, and are taken as the position at the start of ${meta.years[0]}.` : "."}`],
    ["Read with care", meta.notes.join("\n") || "No further notes."],
    ["Sheets", "Contents lists the sheets; Notes explains the basis of each input and the shorthand; Inputs lists every input of every scenario with its basis and source; Start, Projection and Totals hold the results; Need the place's need beside the plan; Formulas the rules; Sources the publications."],
    // A link only when the site's address is known (SITE_URL); a path from the site root is not an address a spreadsheet can open.
    ["Page", /^https?:\/\//.test(meta.pageUrl) ? { text: meta.pageUrl, hyperlink: meta.pageUrl } : meta.pageUrl],
    ["Release", `${release.title}: data release ${meta.releaseId}, ${formatPeriod(meta.releaseDate)}.`],
    ["Licence", { text: `Figures are reused under the ${release.licence} unless the Sources table says otherwise: ${release.licence_url}`, hyperlink: release.licence_url }],
    ["Contact", release.contact],
  ];
  const cover: Sheet = {
    name: PLAN_SHEETS.cover,
    columns: [{ width: 100, wrap: true }],
    rows: [
      { cells: [{ value: meta.title, style: { bold: true, size: 14 } }] },
      ...coverParts.flatMap(([subtitle, text]): Row[] => [
        { cells: [{ value: subtitle, style: { bold: true, size: 12 } }] },
        { cells: [text], height: wrappedHeight(typeof text === "string" ? text : typeof text === "number" || text === null ? "" : text.text, 100) },
      ]),
    ],
  };

  const link = (sheet: string): Link => ({ text: sheet, hyperlink: `#'${sheet}'!A1` });
  const contents = tableSheet(PLAN_SHEETS.contents, "Contents", ["This worksheet contains one table."], "Contents_table", ["Sheet name", "Table description"], [
    [link(PLAN_SHEETS.notes), "Notes used in this workbook"],
    [link(PLAN_SHEETS.inputs), "Every input of every scenario, with its basis, figure ID and source"],
    [link(PLAN_SHEETS.start), "Posts, staff in post and vacancies at the start of each scenario"],
    [link(PLAN_SHEETS.projection), `Each scenario by financial year, ${span}`],
    [link(PLAN_SHEETS.totals), `Leavers and recruits over ${span}, and the change in posts and staff`],
    [link(PLAN_SHEETS.need), "The place's need beside the plan: population, deaths, waits and people in treatment"],
    [link(PLAN_SHEETS.formulas), "The rules of the model and its edge cases"],
    [link(PLAN_SHEETS.sources), "The publications the inputs and need come from"],
  ], [16, 90], [1]);

  const notes = tableSheet(PLAN_SHEETS.notes, "Notes", ["This worksheet contains one table."], "Notes_table", ["Note number", "Note text"], NOTES.map((t, i) => [`[note ${i + 1}]`, t]), [14, 110], [1]);
  NOTES.forEach((t, i) => (notes.rows[3 + i]!.height = wrappedHeight(t, 110)));

  const inputRows = doc.scenarios.flatMap((d, k) =>
    d.inputs.map((i) => {
      const described = scenarios[k]!.inputs.find((x) => x.field === i.name);
      return [d.scenario, name(scenarios[k]!), i.label, num(i.value, i.unit === "people" ? PEOPLE : "#,##0.0##"), i.unit, i.basis, i.borrowed_from ?? "", i.figure_id ?? "", (described?.also ?? []).map((c) => c.figureId).join("; "), described?.citation ? sourceText(described.citation) : "", i.worked_out ?? "", i.note];
    }),
  );
  const inputs = tableSheet(
    PLAN_SHEETS.inputs,
    "Inputs of each scenario",
    ["This worksheet contains one table. Some column headers refer to notes in the Notes worksheet.", "Empty cells mean the column does not apply to that input (no figure, or not borrowed)."],
    "Inputs_table",
    ["Scenario", "Scenario name", "Input", "Value", "Unit", "Basis [note 1]", "Borrowed from", "Figure ID", "Other figures used", "Source", "Worked out", "Note"],
    inputRows,
    [10, 30, 36, 12, 22, 16, 16, 20, 24, 50, 40, 60],
    [1, 2, 9, 10, 11],
  );

  const start = tableSheet(PLAN_SHEETS.start, "Start of each scenario", [`This worksheet contains one table. The start is the position the latest published figures describe, taken as the start of ${meta.years[0]}.`], "Start_table", ["Scenario", "Posts (WTE)", "Staff in post (WTE)", "Vacancies (WTE)", "Posts that need requires (WTE) [note 2]"], doc.scenarios.map((d) => [d.scenario, num(d.start.posts_required, WTE), num(d.start.staff_in_post, WTE), num(d.start.vacancies, WTE), d.from_need ? num(d.from_need.posts_required_at_start, WTE) : NOT_APPLICABLE]), [10, 14, 18, 16, 24], []);

  const projRows = doc.scenarios.flatMap((d) =>
    d.years.map((y) => [
      d.scenario,
      y.financial_year,
      d.from_need?.people_on_caseloads ? num(d.from_need.people_on_caseloads[y.year]!, PEOPLE) : NOT_APPLICABLE,
      d.from_need?.frontline_posts ? num(d.from_need.frontline_posts[y.year]!, WTE) : NOT_APPLICABLE,
      num(y.posts_required, WTE),
      num(y.staff_in_post_end, WTE),
      num(y.leavers, WTE),
      num(y.recruits_needed, WTE),
      num(y.recruits_made, WTE),
      num(y.vacancies, WTE),
      num(y.surplus, WTE),
    ]),
  );
  const projection = tableSheet(
    PLAN_SHEETS.projection,
    `Each scenario by financial year, ${span}`,
    ["This worksheet contains one table. Some column headers refer to notes in the Notes worksheet.", "Posts, staff in post, vacancies and surplus are at the end of each financial year (31 March); leavers and recruits are during it. Whole-time equivalent (WTE) except people on caseloads."],
    "Projection_table",
    ["Scenario", "Financial year", "People on caseloads (people) [note 2]", "Frontline posts (WTE) [note 2]", "Posts required (WTE)", "Staff in post (WTE)", "Leavers (WTE)", "Recruits needed (WTE)", "Recruits made (WTE)", "Vacancies (WTE)", "Surplus (WTE)"],
    projRows,
    [10, 14, 18, 16, 16, 16, 14, 16, 16, 14, 14],
    [],
  );

  const totals = tableSheet(PLAN_SHEETS.totals, `Totals, ${span}`, ["This worksheet contains one table. Leavers and recruits are added up over the five years; posts and staff are counts at a moment, so their change is shown instead."], "Totals_table", ["Scenario", `Leavers, ${span} (WTE)`, `Recruits needed, ${span} (WTE)`, `Recruits made, ${span} (WTE)`, `Change in posts required, start to ${meta.years[HORIZON - 1]} (WTE)`, `Change in staff in post, start to ${meta.years[HORIZON - 1]} (WTE)`], doc.scenarios.map((d) => [d.scenario, num(d.totals.leavers, WTE), num(d.totals.recruits_needed, WTE), num(d.totals.recruits_made, WTE), num(d.totals.change_in_posts_required, WTE), num(d.totals.change_in_staff_in_post, WTE)]), [10, 22, 24, 22, 30, 30], []);

  const needSheet = tableSheet(
    PLAN_SHEETS.need,
    "Need beside the plan",
    [need.length ? "This worksheet contains one table: the latest published figure of each series for the place, and its trend where people on caseloads may follow it. Some column headers refer to notes in the Notes worksheet." : "This worksheet contains one table. No figure of need is published for this place."],
    "Need_table",
    ["Measure", "Area", "Period", "Number", "Basis [note 1]", "Figure IDs", "Worked out", "Change a year (%) [note 2]", "Trend from period", "Trend worked out"],
    doc.need.map((n) => [n.measure, n.area, n.period, num(n.value, PEOPLE), n.basis, n.sources.map((s) => s?.figure_id).join("; "), n.worked_out ?? "", n.trend ? num(n.trend.percent_a_year, PCT) : "[x]", n.trend?.from_period ?? "", n.trend?.worked_out ?? ""]),
    [40, 30, 14, 14, 14, 24, 40, 16, 16, 40],
    [0, 1, 6, 9],
  );

  const formulas = tableSheet(PLAN_SHEETS.formulas, "The rules of the model", ["This worksheet contains one table: every step of the model in the order it runs, then its edge cases."], "Formulas_table", ["Step", "Quantity", "Rule in words", "Equation"], [...FORMULAS.map((f) => [f.id, f.quantity, f.words, f.equation]), ...EDGE_CASES.map((e, i) => [`edge_case_${i + 1}`, "Edge case", e, ""])], [22, 40, 80, 40], [1, 2, 3]);

  const sourcesSheet = tableSheet(PLAN_SHEETS.sources, "Sources", ["This worksheet contains one table.", ...(sources.some((s) => s.url === "") ? ["An empty Address cell means the source catalogue gives no web address for the publication."] : [])], "Sources_table", ["Source ID", "Publisher", "Title", "Published", "Address", "Licence", "Source type"], sources.map((s) => [s.source_id, s.publisher, s.title, s.published_date, s.url === "" ? null : { text: s.url, hyperlink: s.url }, s.licence, s.source_type]), [12, 30, 60, 14, 60, 30, 12], [1, 2, 3, 4, 5]);

  return {
    sheets: [cover, contents, notes, inputs, start, projection, totals, needSheet, formulas, sourcesSheet],
    props: { title: meta.title, subject: `A five-year workforce plan, ${span}`, keywords: `drugs; alcohol; workforce; planning; ${meta.plan}`, creator: meta.siteTitle, date: new Date(`${meta.releaseDate}T00:00:00Z`) },
  };
}
