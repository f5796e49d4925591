/**
 * What the page shows of a projection: the table's rows as text, the chart's input, and the labels of the inputs.
 * Pure and DOM-free, so the build (Astro components) and the browser (the form) print exactly the same things.
 */
import type { ProjectionChartInput } from "../../charts/projection.ts";
import { formatNumber } from "../format.ts";
import { FIELD_LABEL, HORIZON, type PlanningInputs, type Projection } from "./model.ts";
import type { Citation, InputField, Scenario } from "./scenarios.ts";

/** Decimal places of every projected number shown: WTE are published to one decimal place at most. */
export const SHOWN_DECIMALS = 1;
/** GSS shorthand for a cell that has no meaning (a stock in the totals row, a flow in the start row). */
export const NOT_APPLICABLE = "[z]";

export const wte = (n: number): string => formatNumber(n, SHOWN_DECIMALS);

export type ColumnKey = "postsRequired" | "staff" | "leavers" | "recruitsNeeded" | "recruitsMade" | "vacancies" | "surplus";

export interface TableColumn {
  key: ColumnKey;
  /** Column header without the unit (the caption and the header's second line give it). */
  label: string;
}

export interface TableRow {
  /** Row header: "Start", "Year 1" … "Total, years 1 to 5". */
  header: string;
  cells: string[];
  kind: "start" | "year" | "total";
}

export interface ProjectionTable {
  columns: TableColumn[];
  rows: TableRow[];
}

const ALL_COLUMNS: readonly TableColumn[] = [
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
 */
export function projectionTable(p: Projection): ProjectionTable {
  const columns = ALL_COLUMNS.filter((c) => c.key !== "recruitsMade" || showsRecruitsMade(p.inputs));
  const row = (header: string, kind: TableRow["kind"], values: Record<ColumnKey, number | null>): TableRow => ({
    header,
    kind,
    cells: columns.map((c) => (values[c.key] === null ? NOT_APPLICABLE : wte(values[c.key]!))),
  });
  return {
    columns,
    rows: [
      row("Start", "start", { postsRequired: p.start.posts, staff: p.start.staff, leavers: null, recruitsNeeded: null, recruitsMade: null, vacancies: p.start.vacancies, surplus: 0 }),
      ...p.years.map((y) =>
        row(`Year ${y.year}`, "year", {
          postsRequired: y.postsRequired,
          staff: y.staffEnd,
          leavers: y.leavers,
          recruitsNeeded: y.recruitsNeeded,
          recruitsMade: y.recruitsMade,
          vacancies: y.vacancies,
          surplus: y.surplus,
        }),
      ),
      row(`Total, years 1 to ${HORIZON}`, "total", {
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
export const TABLE_NOTES: readonly string[] = [
  "Posts required, staff in post, vacancies and surplus are at the end of each year (the start row: at the start); leavers and recruits are during the year.",
  "All numbers are whole-time equivalents (WTE) worked out by the formulas on this page, rounded to one decimal place when shown; totals are added before rounding.",
  `${NOT_APPLICABLE} not applicable: there are no leavers or recruits before the start, and counts at a moment are not added up over years.`,
];

/** One sentence summing up a projection (for the live region and the chart's description). */
export function projectionSummary(p: Projection): string {
  const last = p.years[p.years.length - 1]!;
  const parts = [
    `Posts required go from ${wte(p.start.posts)} WTE at the start to ${wte(last.postsRequired)} WTE in year ${HORIZON}`,
    `${wte(p.totals.recruitsNeeded)} WTE of recruits are needed over ${HORIZON} years to replace ${wte(p.totals.leavers)} WTE of leavers and fill the posts`,
  ];
  if (showsRecruitsMade(p.inputs)) parts.push(`${wte(p.totals.recruitsMade)} WTE are recruited, leaving ${wte(last.vacancies)} WTE of posts vacant at the end of year ${HORIZON}`);
  if (last.surplus > 0) parts.push(`${wte(last.surplus)} WTE of staff are above the posts required at the end of year ${HORIZON}`);
  return `${parts.join("; ")}.`;
}

/** The chart's data: stocks as lines (start to year 5), flows as bars (years 1 to 5). */
export function projectionChartInput(id: string, title: string, p: Projection, width: number): ProjectionChartInput {
  const made = showsRecruitsMade(p.inputs);
  return {
    id,
    title,
    width,
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

/** How an input is labelled on the page and in downloads. */
export type Basis = "published" | "assumption" | "your assumption";

export const BASIS_LABEL: Record<Basis, string> = {
  published: "Published figure",
  assumption: "Assumption",
  "your assumption": "Your assumption",
};

export interface DescribedInput {
  field: InputField | "targetPosts";
  label: string;
  value: number;
  /** The value for reading: the published text when it is the published figure, else the number as given. */
  text: string;
  unit: "WTE" | "%";
  basis: Basis;
  citation?: Citation;
  note: string;
}

const valueText = (n: number) => String(n);

/**
 * The inputs of a projection, each labelled: a value equal to the starting scenario's default keeps that default's
 * basis and source (published figure, or the site's assumption); anything else is "your assumption".
 */
export function describeInputs(inputs: PlanningInputs, base: Scenario | undefined): DescribedInput[] {
  const fields: (InputField | "targetPosts")[] = ["staffInPost", "vacancyRate", "turnoverRate", inputs.growthMode === "target" ? "targetPosts" : "growthRate", "fillShare"];
  return fields.map((field) => {
    const value = inputs[field];
    const unit = field === "staffInPost" || field === "targetPosts" ? "WTE" : "%";
    const preset = field === "targetPosts" ? undefined : base?.inputs.find((i) => i.field === field);
    if (preset && preset.value === value) {
      return { field, label: preset.label, value, text: preset.valueText, unit, basis: preset.basis, ...(preset.citation ? { citation: preset.citation } : {}), note: preset.note };
    }
    const from = preset ? ` (the ${base!.name} default is ${preset.valueText}${unit === "%" ? "%" : ` ${unit}`})` : "";
    return { field, label: FIELD_LABEL[field], value, text: valueText(value), unit, basis: "your assumption", note: `Your assumption${from}; not a published figure.` };
  });
}

/** "14,121 WTE", "8.8%", "−1.5%": a described input for reading. */
export function inputText(i: Pick<DescribedInput, "text" | "unit">): string {
  const n = Number(i.text);
  const decimals = i.text.includes(".") ? i.text.length - i.text.indexOf(".") - 1 : 0;
  const num = Number.isFinite(n) ? `${n < 0 ? "−" : ""}${formatNumber(Math.abs(n), decimals)}` : i.text;
  return i.unit === "%" ? `${num}%` : `${num} WTE`;
}
