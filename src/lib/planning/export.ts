/**
 * A plan as a download: the place, its need beside the plan, and for each scenario its inputs (each with its basis
 * and source), the results by financial year, then the formulas and edge cases, as JSON and as one tidy CSV. Pure,
 * so the build (default plans) and the browser (the reader's own plan) write the same files.
 *
 * Numbers are rounded to 2 decimal places (the model keeps every decimal; totals are added before rounding).
 */
import { csvText } from "../csv.ts";
import { formatPeriod } from "../periods.ts";
import { sourceText, type Citation } from "./citation.ts";
import { EDGE_CASES, FORMULAS, HORIZON, SYMBOLS, type Projection } from "./model.ts";
import type { NeedRow } from "./need.ts";
import type { PlaceRef } from "./places.ts";
import { modeText, type DescribedInput } from "./view.ts";

export interface PlanDocumentMeta {
  /** "health-boards/S08000022" for a place's default plan, "custom" for a reader's own. */
  plan: string;
  title: string;
  place: PlaceRef | null;
  /** The site and data release the defaults come from. */
  siteTitle: string;
  releaseId: string;
  releaseDate: string;
  /** Absolute or site-root address of the plan (with the reader's values when custom). */
  pageUrl: string;
  /** The plan's financial years, "2026/27" … "2030/31". */
  years: string[];
  /** What the start covers, its period in words, and how old it is. */
  start: { covers: string; period: string; age: string };
  notes: string[];
}

export interface DocumentScenario {
  /** "A", "B", "C". */
  letter: string;
  name: string;
  inputs: DescribedInput[];
  projection: Projection;
}

const round2 = (n: number) => Math.round(n * 100) / 100 + 0;

const sourceOf = (c: Citation | undefined) =>
  c ? { figure_id: c.figureId, publisher: c.publisher, title: c.title, location: c.location, published: c.publishedDate, url: c.url, secondary: c.secondary, figure_page: c.path } : null;

const UNIT_NAME: Record<DescribedInput["unit"], string> = { WTE: "wte", "%": "percent", people: "people", "per WTE": "people_per_frontline_wte" };

function scenarioPart(s: DocumentScenario, years: string[]) {
  const p = s.projection;
  return {
    scenario: s.letter,
    name: s.name,
    method: modeText(p.inputs),
    inputs: s.inputs.map((i) => ({
      name: i.field,
      label: i.label,
      value: i.value,
      unit: UNIT_NAME[i.unit],
      basis: i.basis,
      borrowed_from: i.from ?? null,
      figure_id: i.citation?.figureId ?? null,
      source: sourceOf(i.citation),
      also_from: (i.also ?? []).map(sourceOf),
      worked_out: i.formula ?? null,
      note: i.note,
    })),
    implied_growth_rate_percent: round2(p.growthRate),
    ...(p.need
      ? {
          from_need: {
            posts_required_at_start: round2(p.need.postsAtStart),
            ...(p.need.people ? { people_on_caseloads: p.need.people.map(round2), frontline_posts: p.need.frontline!.map(round2) } : {}),
          },
        }
      : {}),
    start: { posts_required: round2(p.start.posts), staff_in_post: round2(p.start.staff), vacancies: round2(p.start.vacancies) },
    years: p.years.map((y) => ({
      year: y.year,
      financial_year: years[y.year - 1] ?? "",
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

/** The need beside a plan, for the downloads: the latest value of each series, with its trend when it has one. */
export function needPart(need: readonly NeedRow[]) {
  return need.map((r) => ({
    series: r.series.id,
    measure: r.series.label,
    about: r.series.about,
    area: r.latest.areaLabel,
    period: r.latest.period,
    value: r.latest.value,
    basis: r.latest.formula ? "derived" : "published",
    worked_out: r.latest.formula ?? null,
    sources: r.latest.citations.map(sourceOf),
    trend: r.trend ? { from_period: r.trend.from.period, from_value: r.trend.from.value, years: r.trend.years, percent_a_year: round2(r.trend.rate), worked_out: r.trend.formula } : null,
  }));
}

/** The plan as a JSON-ready object (keys in a fixed order). */
export function planDocument(meta: PlanDocumentMeta, scenarios: readonly DocumentScenario[], need: readonly NeedRow[]) {
  return {
    plan: meta.plan,
    title: meta.title,
    place: meta.place,
    site: meta.siteTitle,
    data_release: { id: meta.releaseId, date: meta.releaseDate },
    page: meta.pageUrl,
    projection_not_forecast: "A projection is not a forecast: it shows what follows from the inputs by the formulas below, not what will happen.",
    financial_years: meta.years,
    horizon_years: HORIZON,
    start: meta.start,
    units: "Staff, posts, leavers, recruits, vacancies and surplus in whole-time equivalent (WTE); rates in per cent; people on caseloads in people.",
    rounding: "Results are rounded to 2 decimal places; the model keeps every decimal and adds totals before rounding.",
    notes: meta.notes,
    need: needPart(need),
    scenarios: scenarios.map((s) => scenarioPart(s, meta.years)),
    symbols: SYMBOLS,
    formulas: FORMULAS,
    edge_cases: EDGE_CASES,
  };
}

export function toJson(meta: PlanDocumentMeta, scenarios: readonly DocumentScenario[], need: readonly NeedRow[]): string {
  return `${JSON.stringify(planDocument(meta, scenarios, need), null, 2)}\n`;
}

/** Columns of the CSV: one row per input, result, total, need figure, formula, edge case or note (`part` says which). */
export const CSV_COLUMNS = ["scenario", "part", "year", "financial_year", "name", "label", "value", "unit", "basis", "figure_id", "source", "equation", "note"] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

const cellText = (v: string | number | undefined): string => (v === undefined ? "" : String(v));

const EQUATION: Record<string, string> = Object.fromEntries(FORMULAS.map((f) => [f.id, f.equation]));

/** The equation of posts required in a scenario's mode. */
function postsEquation(p: Projection): string {
  if (p.inputs.growthMode !== "caseload") return EQUATION.posts_required!;
  return p.inputs.peopleFrom === "count" ? `${EQUATION.people_on_caseloads}; ${EQUATION.frontline_posts}; ${EQUATION.posts_from_need}` : EQUATION.posts_from_need_posts!;
}

export function toCsv(meta: PlanDocumentMeta, scenarios: readonly DocumentScenario[], need: readonly NeedRow[]): string {
  const doc = planDocument(meta, scenarios, need);
  const rows: CsvRow[] = [];
  for (const n of doc.need) {
    rows.push({ part: "need", financial_year: "", name: n.series, label: `${n.measure} (${n.area}), ${formatPeriod(n.period)}`, value: n.value, unit: "people", basis: n.basis, figure_id: n.sources.map((s) => s?.figure_id).join(";"), source: need.find((r) => r.series.id === n.series)!.latest.citations.map(sourceText).join(" | "), equation: n.worked_out ?? "", note: n.about });
    if (n.trend) rows.push({ part: "need_trend", name: n.series, label: `${n.measure}: change a year, ${formatPeriod(n.trend.from_period)} to ${formatPeriod(n.period)}`, value: n.trend.percent_a_year, unit: "percent", basis: "derived", equation: `${EQUATION.need_trend}: ${n.trend.worked_out}` });
  }
  scenarios.forEach((s, k) => {
    const d = doc.scenarios[k]!;
    const scenario = s.letter;
    rows.push({ scenario, part: "scenario", name: "scenario", label: s.name, note: d.method });
    for (const i of d.inputs) {
      const described = s.inputs.find((x) => x.field === i.name);
      rows.push({ scenario, part: "input", name: i.name, label: i.label, value: i.value, unit: i.unit, basis: i.borrowed_from ? `borrowed from ${i.borrowed_from}` : i.basis, figure_id: [i.figure_id, ...(described?.also ?? []).map((c) => c.figureId)].filter(Boolean).join(";"), source: described?.citation ? sourceText(described.citation) : "", equation: i.worked_out ?? "", note: i.note });
    }
    const p = s.projection;
    rows.push({ scenario, part: "input", name: "implied_growth_rate", label: "Annual growth in posts required, start to the last year", value: d.implied_growth_rate_percent, unit: "percent", basis: "formula", equation: p.inputs.growthMode === "rate" ? "g as given" : p.inputs.growthMode === "target" ? EQUATION.growth_from_target! : EQUATION.growth_from_target!.replace("T ÷", "P(5) ÷") });
    const result = (year: number, name: string, label: string, value: number, unit: string, equation: string) =>
      rows.push({ scenario, part: "result", year, financial_year: year === 0 ? "start" : (meta.years[year - 1] ?? ""), name, label, value, unit, basis: "formula", equation });
    result(0, "posts_required", "Posts at the start", d.start.posts_required, "wte", EQUATION.posts_start!);
    result(0, "staff_in_post", "Staff in post at the start", d.start.staff_in_post, "wte", "S(0)");
    result(0, "vacancies", "Vacancies at the start", d.start.vacancies, "wte", EQUATION.vacancies_start!);
    if (d.from_need) result(0, "posts_required_from_need", "Posts that need requires at the start", d.from_need.posts_required_at_start, "wte", `${postsEquation(p)}, t = 0`);
    for (const y of d.years) {
      if (d.from_need?.people_on_caseloads) {
        result(y.year, "people_on_caseloads", "People on caseloads", d.from_need.people_on_caseloads[y.year]!, "people", EQUATION.people_on_caseloads!);
        result(y.year, "frontline_posts", "Frontline posts required", d.from_need.frontline_posts![y.year]!, "wte", EQUATION.frontline_posts!);
      }
      result(y.year, "posts_required", "Posts required at the end of the year", y.posts_required, "wte", postsEquation(p));
      result(y.year, "leavers", "Leavers during the year", y.leavers, "wte", EQUATION.leavers!);
      result(y.year, "recruits_needed", "Recruits needed during the year", y.recruits_needed, "wte", EQUATION.recruits_needed!);
      result(y.year, "recruits_made", "Recruits made during the year", y.recruits_made, "wte", EQUATION.recruits_made!);
      result(y.year, "staff_in_post", "Staff in post at the end of the year", y.staff_in_post_end, "wte", EQUATION.staff_end!);
      result(y.year, "vacancies", "Vacancies at the end of the year", y.vacancies, "wte", EQUATION.vacancies!);
      result(y.year, "surplus", "Surplus at the end of the year", y.surplus, "wte", EQUATION.surplus!);
    }
    const span = `${meta.years[0]} to ${meta.years[HORIZON - 1]}`;
    const total = (name: string, label: string, value: number, equation: string) => rows.push({ scenario, part: "total", financial_year: span, name, label, value, unit: "wte", basis: "formula", equation });
    total("leavers", `Leavers, ${span}`, d.totals.leavers, "L(1) + … + L(5)");
    total("recruits_needed", `Recruits needed, ${span}`, d.totals.recruits_needed, "N(1) + … + N(5)");
    total("recruits_made", `Recruits made, ${span}`, d.totals.recruits_made, "M(1) + … + M(5)");
    total("change_in_posts_required", `Change in posts required, start to ${meta.years[HORIZON - 1]}`, d.totals.change_in_posts_required, "P(5) − P(0)");
    total("change_in_staff_in_post", `Change in staff in post, start to ${meta.years[HORIZON - 1]}`, d.totals.change_in_staff_in_post, "S(5) − S(0)");
  });
  for (const f of FORMULAS) rows.push({ part: "formula", name: f.id, label: f.quantity, equation: f.equation, note: f.words });
  for (const s of SYMBOLS) rows.push({ part: "symbol", name: s.symbol, note: s.meaning });
  EDGE_CASES.forEach((e, k) => rows.push({ part: "edge_case", name: `edge_case_${k + 1}`, note: e }));
  rows.push({ part: "note", name: "projection_not_forecast", note: doc.projection_not_forecast });
  rows.push({ part: "note", name: "start", label: "What the start covers", note: `${meta.start.covers}${meta.start.period ? `; figures for ${meta.start.period}, ${meta.start.age} before the data release` : ""}` });
  meta.notes.forEach((n, k) => rows.push({ part: "note", name: `note_${k + 1}`, note: n }));
  rows.push({ part: "note", name: "data_release", label: meta.siteTitle, value: meta.releaseId, note: `Data release ${meta.releaseId} (${meta.releaseDate}); ${meta.pageUrl}` });
  return csvText([[...CSV_COLUMNS], ...rows.map((r) => CSV_COLUMNS.map((c) => cellText(r[c])))]);
}
