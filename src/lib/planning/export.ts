/**
 * A scenario as a download: its inputs (each with its source, or labelled an assumption), the formulas, the edge
 * cases and the results, as JSON and as one tidy CSV. Pure, so the build (default scenarios) and the browser
 * (the reader's own scenario) write the same files.
 *
 * Numbers are rounded to 2 decimal places (the model keeps every decimal; totals are added before rounding).
 */
import { csvText } from "../csv.ts";
import { EDGE_CASES, FORMULAS, HORIZON, SYMBOLS, type Projection } from "./model.ts";
import type { Citation } from "./scenarios.ts";
import type { DescribedInput } from "./view.ts";

export interface ScenarioDocumentMeta {
  /** "england", "scotland" or "custom". */
  scenario: string;
  title: string;
  /** The site and data release the defaults come from. */
  siteTitle: string;
  releaseId: string;
  releaseDate: string;
  /** Absolute or site-root address of the planning page. */
  pageUrl: string;
  notes: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100 + 0;

function sourceText(c: Citation | undefined): string {
  if (!c) return "";
  return `${c.publisher}, "${c.title}", ${c.location}, published ${c.publishedDate}${c.secondary ? " (secondary source)" : ""}. ${c.url}`;
}

/** The scenario as a JSON-ready object (keys in a fixed order). */
export function scenarioDocument(meta: ScenarioDocumentMeta, inputs: readonly DescribedInput[], p: Projection) {
  return {
    scenario: meta.scenario,
    title: meta.title,
    site: meta.siteTitle,
    data_release: { id: meta.releaseId, date: meta.releaseDate },
    page: meta.pageUrl,
    horizon_years: HORIZON,
    units: "Staff, posts, leavers, recruits, vacancies and surplus in whole-time equivalent (WTE); rates in per cent.",
    rounding: "Results are rounded to 2 decimal places; the model keeps every decimal and adds totals before rounding.",
    inputs: inputs.map((i) => ({
      name: i.field,
      label: i.label,
      value: i.value,
      unit: i.unit === "%" ? "percent" : "wte",
      basis: i.basis,
      figure_id: i.citation?.figureId ?? null,
      source: i.citation
        ? { publisher: i.citation.publisher, title: i.citation.title, location: i.citation.location, published: i.citation.publishedDate, url: i.citation.url, secondary: i.citation.secondary, figure_page: i.citation.path }
        : null,
      note: i.note,
    })),
    implied_growth_rate_percent: round2(p.growthRate),
    notes: meta.notes,
    symbols: SYMBOLS,
    formulas: FORMULAS,
    edge_cases: EDGE_CASES,
    start: { posts_required: round2(p.start.posts), staff_in_post: round2(p.start.staff), vacancies: round2(p.start.vacancies) },
    years: p.years.map((y) => ({
      year: y.year,
      posts_required: round2(y.postsRequired),
      staff_in_post_start: round2(y.staffStart),
      leavers: round2(y.leavers),
      recruits_needed: round2(y.recruitsNeeded),
      recruits_made: round2(y.recruitsMade),
      staff_in_post_end: round2(y.staffEnd),
      vacancies: round2(y.vacancies),
      surplus: round2(y.surplus),
    })),
    totals: {
      leavers: round2(p.totals.leavers),
      recruits_needed: round2(p.totals.recruitsNeeded),
      recruits_made: round2(p.totals.recruitsMade),
      change_in_posts_required: round2(p.totals.postsChange),
      change_in_staff_in_post: round2(p.totals.staffChange),
    },
  };
}

export function toJson(meta: ScenarioDocumentMeta, inputs: readonly DescribedInput[], p: Projection): string {
  return `${JSON.stringify(scenarioDocument(meta, inputs, p), null, 2)}\n`;
}

/** Columns of the CSV: one row per input, result, total, formula, edge case or note (`part` says which). */
export const CSV_COLUMNS = ["scenario", "part", "year", "name", "label", "value", "unit", "basis", "figure_id", "source", "equation", "note"] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

const cellText = (v: string | number | undefined): string => (v === undefined ? "" : String(v));

const EQUATION: Record<string, string> = Object.fromEntries(FORMULAS.map((f) => [f.id, f.equation]));

export function toCsv(meta: ScenarioDocumentMeta, inputs: readonly DescribedInput[], p: Projection): string {
  const doc = scenarioDocument(meta, inputs, p);
  const rows: CsvRow[] = [];
  for (const i of doc.inputs) {
    rows.push({ part: "input", name: i.name, label: i.label, value: i.value, unit: i.unit, basis: i.basis, figure_id: i.figure_id ?? "", source: sourceText(inputs.find((x) => x.field === i.name)?.citation), note: i.note });
  }
  rows.push({ part: "input", name: "implied_growth_rate", label: "Annual growth in posts required used by the model", value: doc.implied_growth_rate_percent, unit: "percent", basis: "formula", equation: p.inputs.growthMode === "target" ? EQUATION.growth_from_target : "g as given" });
  const result = (year: number, name: string, label: string, value: number, equation: string) => rows.push({ part: "result", year, name, label, value, unit: "wte", basis: "formula", equation });
  result(0, "posts_required", "Posts at the start", doc.start.posts_required, EQUATION.posts_start!);
  result(0, "staff_in_post", "Staff in post at the start", doc.start.staff_in_post, "S(0)");
  result(0, "vacancies", "Vacancies at the start", doc.start.vacancies, EQUATION.vacancies_start!);
  for (const y of doc.years) {
    result(y.year, "posts_required", "Posts required at the end of the year", y.posts_required, EQUATION.posts_required!);
    result(y.year, "leavers", "Leavers during the year", y.leavers, EQUATION.leavers!);
    result(y.year, "recruits_needed", "Recruits needed during the year", y.recruits_needed, EQUATION.recruits_needed!);
    result(y.year, "recruits_made", "Recruits made during the year", y.recruits_made, EQUATION.recruits_made!);
    result(y.year, "staff_in_post", "Staff in post at the end of the year", y.staff_in_post_end, EQUATION.staff_end!);
    result(y.year, "vacancies", "Vacancies at the end of the year", y.vacancies, EQUATION.vacancies!);
    result(y.year, "surplus", "Surplus at the end of the year", y.surplus, EQUATION.surplus!);
  }
  const total = (name: string, label: string, value: number, equation: string) => rows.push({ part: "total", name, label, value, unit: "wte", basis: "formula", equation });
  total("leavers", "Leavers, years 1 to 5", doc.totals.leavers, "L(1) + … + L(5)");
  total("recruits_needed", "Recruits needed, years 1 to 5", doc.totals.recruits_needed, "N(1) + … + N(5)");
  total("recruits_made", "Recruits made, years 1 to 5", doc.totals.recruits_made, "M(1) + … + M(5)");
  total("change_in_posts_required", "Change in posts required, start to year 5", doc.totals.change_in_posts_required, "P(5) − P(0)");
  total("change_in_staff_in_post", "Change in staff in post, start to year 5", doc.totals.change_in_staff_in_post, "S(5) − S(0)");
  for (const f of FORMULAS) rows.push({ part: "formula", name: f.id, label: f.quantity, equation: f.equation, note: f.words });
  for (const s of SYMBOLS) rows.push({ part: "symbol", name: s.symbol, note: s.meaning });
  EDGE_CASES.forEach((e, k) => rows.push({ part: "edge_case", name: `edge_case_${k + 1}`, note: e }));
  meta.notes.forEach((n, k) => rows.push({ part: "note", name: `note_${k + 1}`, note: n }));
  rows.push({ part: "note", name: "data_release", label: meta.siteTitle, value: meta.releaseId, note: `Data release ${meta.releaseId} (${meta.releaseDate}); ${meta.pageUrl}` });
  return csvText([[...CSV_COLUMNS], ...rows.map((r) => CSV_COLUMNS.map((c) => cellText(c === "scenario" ? meta.scenario : r[c])))]);
}
