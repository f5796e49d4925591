/**
 * What the page shows of a plan: the tables' rows as text, the charts' input, and the labels of the inputs.
 * Pure and DOM-free, so the build (Astro components) and the browser (the form) print exactly the same things.
 */
import type { ProjectionChartInput } from "../../charts/projection.ts";
import { formatNumber } from "../format.ts";
import { FIELD_LABEL, fieldsOfMode, HORIZON, type NumberField, type PlanningInputs, type Projection } from "./model.ts";
import type { Citation } from "./citation.ts";
import type { InputBasis, InputField, PlanBase, ScenarioInput } from "./scenarios.ts";

export type InputUnit = "WTE" | "%" | "people" | "per WTE";

/** The unit of each number field. */
export const FIELD_UNIT: Record<NumberField, InputUnit> = {
  staffInPost: "WTE",
  vacancyRate: "%",
  turnoverRate: "%",
  growthRate: "%",
  targetPosts: "WTE",
  people: "people",
  nonFrontline: "%",
  caseloadNow: "per WTE",
  caseload: "per WTE",
  peopleGrowth: "%",
  fillShare: "%",
};

/** Decimal places of every projected number shown: WTE are published to one decimal place at most. */
export const SHOWN_DECIMALS = 1;
/** GSS shorthand for a cell that has no meaning (a stock in the totals row, a flow in the start row). */
export const NOT_APPLICABLE = "[z]";

export const wte = (n: number): string => formatNumber(n, SHOWN_DECIMALS);

/** Row headers of a plan's tables: the start, then the plan's years by their calendar labels, then the total. */
export interface YearLabels {
  /** "2026/27" … "2030/31". */
  labels: string[];
}
export const startLabel = "Start";
export const totalLabel = (y: YearLabels): string => `Total, ${y.labels[0]} to ${y.labels[y.labels.length - 1]}`;

export type ColumnKey = "postsRequired" | "staff" | "leavers" | "recruitsNeeded" | "recruitsMade" | "vacancies" | "surplus" | "people" | "frontline";

export interface TableColumn {
  key: ColumnKey;
  /** Column header without the unit (the caption gives WTE); people on caseloads say theirs. */
  label: string;
}

export interface TableRow {
  /** Row header: "Start", "2026/27" … "Total, 2026/27 to 2030/31". */
  header: string;
  cells: string[];
  kind: "start" | "year" | "total";
}

export interface ProjectionTable {
  columns: TableColumn[];
  rows: TableRow[];
}

const ALL_COLUMNS: readonly TableColumn[] = [
  { key: "people", label: "People on caseloads (people)" },
  { key: "frontline", label: "Frontline posts" },
  { key: "postsRequired", label: "Posts required" },
  { key: "staff", label: "Staff in post" },
  { key: "leavers", label: "Leavers" },
  { key: "recruitsNeeded", label: "Recruits needed" },
  { key: "recruitsMade", label: "Recruits made" },
  { key: "vacancies", label: "Vacancies" },
  { key: "surplus", label: "Surplus" },
];

/** Recruits made equal recruits needed when every recruit is found, so the column is shown only when they can differ. */
export function showsRecruitsMade(inputs: PlanningInputs): boolean {
  return inputs.fillShare < 100;
}

/**
 * The year-by-year table: a start row (posts, staff and vacancies at the start), one row per year (stocks at the end
 * of the year, flows during it), and a totals row (flows added up over five years; stocks are not added: [z]).
 * From need with people counted, people on caseloads and frontline posts come first.
 */
export function projectionTable(p: Projection, years: YearLabels): ProjectionTable {
  const counted = Boolean(p.need?.people);
  const columns = ALL_COLUMNS.filter((c) => (c.key !== "recruitsMade" || showsRecruitsMade(p.inputs)) && ((c.key !== "people" && c.key !== "frontline") || counted));
  const row = (header: string, kind: TableRow["kind"], values: Record<ColumnKey, number | null>): TableRow => ({
    header,
    kind,
    cells: columns.map((c) => (values[c.key] === null ? NOT_APPLICABLE : c.key === "people" ? formatNumber(values[c.key]!, 0) : wte(values[c.key]!))),
  });
  const need = (t: number) => ({ people: p.need?.people?.[t] ?? null, frontline: p.need?.frontline?.[t] ?? null });
  return {
    columns,
    rows: [
      row(startLabel, "start", { ...need(0), postsRequired: p.start.posts, staff: p.start.staff, leavers: null, recruitsNeeded: null, recruitsMade: null, vacancies: p.start.vacancies, surplus: 0 }),
      ...p.years.map((y) =>
        row(years.labels[y.year - 1] ?? `Year ${y.year}`, "year", {
          ...need(y.year),
          postsRequired: y.postsRequired,
          staff: y.staffEnd,
          leavers: y.leavers,
          recruitsNeeded: y.recruitsNeeded,
          recruitsMade: y.recruitsMade,
          vacancies: y.vacancies,
          surplus: y.surplus,
        }),
      ),
      row(totalLabel(years), "total", {
        people: null,
        frontline: null,
        postsRequired: null,
        staff: null,
        leavers: p.totals.leavers,
        recruitsNeeded: p.totals.recruitsNeeded,
        recruitsMade: p.totals.recruitsMade,
        vacancies: null,
        surplus: null,
      }),
    ],
  };
}

/** Notes printed under every projection table. */
export function tableNotes(years: YearLabels): string[] {
  return [
    `The start row is the position the latest published figures describe, taken as the start of ${years.labels[0]}. Posts required, staff in post, vacancies and surplus are at the end of each financial year (31 March); leavers and recruits are during it.`,
    "All numbers are whole-time equivalents (WTE) worked out by the formulas on this page, rounded to one decimal place when shown (people on caseloads to whole people); totals are added before rounding.",
    `${NOT_APPLICABLE} not applicable: there are no leavers or recruits before the start, and counts at a moment are not added up over years.`,
  ];
}

/** One sentence summing up a projection (for the live region and the chart's description). */
export function projectionSummary(p: Projection, years: YearLabels): string {
  const last = p.years[p.years.length - 1]!;
  const end = years.labels[HORIZON - 1];
  const parts = [
    `Posts required go from ${wte(p.start.posts)} WTE at the start to ${wte(last.postsRequired)} WTE in ${end}`,
    `${wte(p.totals.recruitsNeeded)} WTE of recruits are needed from ${years.labels[0]} to ${end} to replace ${wte(p.totals.leavers)} WTE of leavers and fill the posts`,
  ];
  if (showsRecruitsMade(p.inputs)) parts.push(`${wte(p.totals.recruitsMade)} WTE are recruited, leaving ${wte(last.vacancies)} WTE of posts vacant at the end of ${end}`);
  if (last.surplus > 0) parts.push(`${wte(last.surplus)} WTE of staff are above the posts required at the end of ${end}`);
  let text = `${parts.join("; ")}.`;
  if (p.need && wte(p.need.postsAtStart) !== wte(p.start.posts)) text += ` From need, the posts required at the start would be ${wte(p.need.postsAtStart)} WTE, against ${wte(p.start.posts)} WTE of posts there are.`;
  return text;
}

/** The chart's data: stocks as lines (start to year 5), flows as bars (years 1 to 5). */
export function projectionChartInput(id: string, title: string, p: Projection, width: number, years: YearLabels): ProjectionChartInput {
  const made = showsRecruitsMade(p.inputs);
  return {
    id,
    title,
    width,
    xLabels: [startLabel, ...years.labels],
    yLabel: "whole-time equivalent (WTE)",
    lines: [
      { label: "Posts required", values: [p.start.posts, ...p.years.map((y) => y.postsRequired)] },
      { label: "Staff in post", values: [p.start.staff, ...p.years.map((y) => y.staffEnd)] },
    ],
    bars: [
      { label: "Leavers", values: p.years.map((y) => y.leavers) },
      { label: "Recruits needed", values: p.years.map((y) => y.recruitsNeeded) },
      ...(made ? [{ label: "Recruits made", values: p.years.map((y) => y.recruitsMade) }] : []),
    ],
  };
}

/** "Scenario B: Posts follow need", or "Scenario C" when the reader gave it no name. */
export const scenarioTitle = (letter: string, name: string): string => (name.trim() ? `Scenario ${letter}: ${name.trim()}` : `Scenario ${letter}`);

/** A scenario of a plan with its projection, as the comparison needs it. */
export interface ComparedScenario {
  /** "A", "B", "C". */
  letter: string;
  name: string;
  projection: Projection;
}

export interface ComparisonTable {
  /** The scenarios in column order; each has two columns, posts required and recruits needed. */
  groups: { letter: string; name: string }[];
  rows: TableRow[];
}

/** Scenarios side by side: posts required and recruits needed of each, by year, with the five-year total of recruits. */
export function comparisonTable(scenarios: readonly ComparedScenario[], years: YearLabels): ComparisonTable {
  const rows: TableRow[] = [
    { header: startLabel, kind: "start", cells: scenarios.flatMap((s) => [wte(s.projection.start.posts), NOT_APPLICABLE]) },
    ...years.labels.map((label, i): TableRow => ({ header: label, kind: "year", cells: scenarios.flatMap((s) => [wte(s.projection.years[i]!.postsRequired), wte(s.projection.years[i]!.recruitsNeeded)]) })),
    { header: totalLabel(years), kind: "total", cells: scenarios.flatMap((s) => [NOT_APPLICABLE, wte(s.projection.totals.recruitsNeeded)]) },
  ];
  return { groups: scenarios.map((s) => ({ letter: s.letter, name: s.name })), rows };
}

/** The comparison chart: posts required of each scenario as lines, recruits needed as bars. */
export function comparisonChartInput(id: string, title: string, scenarios: readonly ComparedScenario[], width: number, years: YearLabels): ProjectionChartInput {
  return {
    id,
    title,
    width,
    xLabels: [startLabel, ...years.labels],
    yLabel: "whole-time equivalent (WTE)",
    lines: scenarios.map((s) => ({ label: `${s.letter}: posts required`, values: [s.projection.start.posts, ...s.projection.years.map((y) => y.postsRequired)] })),
    bars: scenarios.map((s) => ({ label: `${s.letter}: recruits needed`, values: s.projection.years.map((y) => y.recruitsNeeded) })),
  };
}

/** One sentence comparing scenarios: what each needs over the five years. */
export function comparisonSummary(scenarios: readonly ComparedScenario[], years: YearLabels): string {
  const end = years.labels[HORIZON - 1];
  return `${scenarios.map((s) => `${scenarioTitle(s.letter, s.name)}: ${wte(s.projection.years[HORIZON - 1]!.postsRequired)} WTE of posts required in ${end} and ${wte(s.projection.totals.recruitsNeeded)} WTE of recruits needed over the five years.`).join(" ")}`;
}

/** How an input is labelled on the page and in downloads. */
export type Basis = InputBasis | "your assumption";

export const BASIS_LABEL: Record<Basis, string> = {
  published: "Published figure",
  derived: "Worked out from published figures",
  borrowed: "Borrowed",
  assumption: "Assumption",
  "your assumption": "Your assumption",
};

/** The label of an input's basis, naming whose figure a borrowed one is: "Borrowed from Scotland". */
export const basisText = (i: { basis: Basis; from?: string }): string => (i.basis === "borrowed" && i.from ? `Borrowed from ${i.from}` : BASIS_LABEL[i.basis]);

/** The class of an input's basis tag. */
export const basisClass = (b: Basis): string => `tag-${b.replace(" ", "-")}`;

export interface DescribedInput {
  field: InputField;
  label: string;
  value: number;
  /** The value for reading: the published text when it is a published or worked-out choice, else the number as given. */
  text: string;
  unit: InputUnit;
  basis: Basis;
  from?: string;
  citation?: Citation;
  also?: Citation[];
  formula?: string;
  note: string;
}

const described = (i: ScenarioInput): DescribedInput => ({
  field: i.field,
  label: i.label,
  value: i.value,
  text: i.valueText,
  unit: i.unit,
  basis: i.basis,
  ...(i.from ? { from: i.from } : {}),
  ...(i.citation ? { citation: i.citation } : {}),
  ...(i.also ? { also: i.also } : {}),
  ...(i.formula ? { formula: i.formula } : {}),
  note: i.note,
});

/** The default and the other choices of a field, default first. */
export function choicesOf(base: Pick<PlanBase, "defaults" | "choices"> | undefined, field: InputField): ScenarioInput[] {
  const d = base?.defaults[field];
  const rest = (base?.choices[field] ?? []).filter((c) => c !== d && !(d && c.value === d.value && c.basis === d.basis && c.name === d.name));
  return d ? [d, ...rest] : rest;
}

/**
 * The inputs of a projection, each labelled: a value equal to one of the field's choices keeps that choice's basis and
 * source (published, worked out, borrowed or the site's assumption); anything else is "your assumption".
 */
export function describeInputs(inputs: PlanningInputs, base: Pick<PlanBase, "defaults" | "choices" | "place"> | undefined): DescribedInput[] {
  const fields = fieldsOfMode(inputs.growthMode, inputs.peopleFrom ?? "posts");
  return fields.map((field) => {
    const value = inputs[field as NumberField] as number;
    const choice = choicesOf(base, field).find((c) => c.value === value);
    if (choice) return described(choice);
    const unit = FIELD_UNIT[field];
    const d = base?.defaults[field];
    const from = d ? ` (the default for ${base!.place.name} is ${inputText({ text: d.valueText, unit })})` : "";
    return { field, label: FIELD_LABEL[field], value, text: String(value), unit, basis: "your assumption", note: `Your assumption${from}; not a published figure.` };
  });
}

/** "Posts required change by a growth rate": the way posts required are set, in words. */
export function modeText(inputs: PlanningInputs): string {
  if (inputs.growthMode === "target") return `Posts required reach a target of ${wte(inputs.targetPosts)} WTE in the last year of the plan, at a steady rate.`;
  if (inputs.growthMode === "caseload") {
    const c = inputs.peopleGrowth ?? 0;
    const people = `people on caseloads ${c === 0 ? "stay the same" : `change by ${c < 0 ? "−" : "+"}${formatNumber(Math.abs(c), 1)}% a year`}, at a caseload of ${formatNumber(inputs.caseload ?? 0, Number.isInteger(inputs.caseload) ? 0 : 1)} per frontline WTE`;
    return inputs.peopleFrom === "count"
      ? `Posts required follow need: ${people}; frontline posts = people on caseloads ÷ caseload, plus non-frontline posts as ${formatNumber(inputs.nonFrontline ?? 0, 1)}% of all posts.`
      : `Posts required follow need: ${people}; the posts at the start are taken to be what today's caseload of ${formatNumber(inputs.caseloadNow ?? 0, Number.isInteger(inputs.caseloadNow) ? 0 : 1)} needs.`;
  }
  const g = inputs.growthRate;
  return g === 0 ? "Posts required stay as they are at the start." : `Posts required change by ${g < 0 ? "−" : "+"}${formatNumber(Math.abs(g), 1)}% a year.`;
}

/** "14,121 WTE", "8.8%", "−1.5%", "46 per WTE", "329,646 people": an input for reading. */
export function inputText(i: Pick<DescribedInput, "text" | "unit">): string {
  const n = Number(i.text);
  const decimals = i.text.includes(".") ? i.text.length - i.text.indexOf(".") - 1 : 0;
  const num = Number.isFinite(n) ? `${n < 0 ? "−" : ""}${formatNumber(Math.abs(n), decimals)}` : i.text;
  if (i.unit === "%") return `${num}%`;
  if (i.unit === "per WTE") return `${num} per frontline WTE`;
  if (i.unit === "people") return `${num} people`;
  return `${num} WTE`;
}
