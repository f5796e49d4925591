/**
 * The default scenarios of the planning page, built from the site's published figures at build time.
 *
 * Each published input is looked up in the built data (by indicator, measure, area, period and breakdown) and
 * carries its figure id and source, so the page shows exactly the published value; nothing is typed in here by hand.
 * What was not published (Scotland's turnover, growth, fill share) is an assumption and is labelled so.
 * The result is plain data (JSON-safe), so the page can hand it to the browser script as it is.
 */
import type { SiteData } from "../../data/site.ts";
import type { Figure } from "../../schemas/figure.ts";
import { formatFigure } from "../format.ts";
import { formatPeriod } from "../periods.ts";
import { paths } from "../routes.ts";
import { DEFAULT_FILL_SHARE, FIELD_LABEL, type Field, type RawInputs } from "./model.ts";

export type ScenarioId = "england" | "scotland";
export type InputField = Exclude<Field, "growthMode" | "targetPosts">;

/** Where a published figure comes from, enough to cite it and to link to it on this site. */
export interface Citation {
  figureId: string;
  indicatorId: string;
  /** Path of the figure on this site, without the base path: indicators/<id>/<level>/<code>/#<figure id>. */
  path: string;
  /** The figure as shown on the site, e.g. "14,121 WTE", "8.8%". */
  shown: string;
  measureLabel: string;
  /** The breakdown as published ("delivery workforce"), or "" for a total. */
  breakdown: string;
  area: string;
  /** The period in words ("2024", "1 November 2021"). */
  period: string;
  publisher: string;
  title: string;
  /** Where in the publication: section, table or paragraph. */
  location: string;
  publishedDate: string;
  url: string;
  sourceId: string;
  secondary: boolean;
}

export interface ScenarioInput {
  field: InputField;
  label: string;
  value: number;
  /** The value as published (keeping its precision), or as assumed. */
  valueText: string;
  unit: "WTE" | "%";
  /** published: the number is a published figure. assumption: chosen by this site, never a published figure. */
  basis: "published" | "assumption";
  /** The published figure: the input itself, or, for a borrowed assumption, the figure it borrows. */
  citation?: Citation;
  /** What the reader must know about this input, in plain words. */
  note: string;
}

export interface Scenario {
  id: ScenarioId;
  name: string;
  /** What the starting point is, in words ("the 2024 workforce census"). */
  start: string;
  inputs: ScenarioInput[];
  /** Caveats of the scenario as a whole. */
  notes: string[];
}

interface FigureQuery {
  indicator: string;
  measure: string;
  area: string;
  period: string;
  breakdownType: string;
  breakdownValue: string;
}

/**
 * The one shown figure that matches the query. The build stops with a message naming the query when there is none
 * or several, or the figure has no number: a default must never silently change to another figure.
 */
export function findFigure(site: SiteData, q: FigureQuery): Figure {
  const matches = (site.figuresByIndicator.get(q.indicator) ?? []).filter(
    (f) => f.preferred && f.role === "value" && f.measure === q.measure && f.area_code === q.area && f.period === q.period && f.breakdown_type === q.breakdownType && f.breakdown_value === q.breakdownValue,
  );
  const where = `${q.indicator} / ${q.measure} / ${q.area} / ${q.period} / ${q.breakdownType}=${q.breakdownValue}`;
  if (matches.length !== 1) throw new Error(`planning scenarios: expected one shown figure for ${where}, found ${matches.length}`);
  const f = matches[0]!;
  if (f.value === null || f.status !== "published") throw new Error(`planning scenarios: figure ${f.figure_id} (${where}) is ${f.status}, not a published number`);
  return f;
}

export function citationOf(site: SiteData, f: Figure): Citation {
  const precision = site.indicatorById.get(f.indicator_id)?.precision ?? 1;
  return {
    figureId: f.figure_id,
    indicatorId: f.indicator_id,
    path: paths.figure(f),
    shown: formatFigure(f, precision),
    measureLabel: f.measure_label,
    breakdown: f.breakdown_type === "total" ? "" : f.breakdown_value,
    area: f.area_label,
    period: formatPeriod(f.period),
    publisher: f.source_publisher,
    title: f.source_title,
    location: f.source_location,
    publishedDate: f.source_published_date,
    url: f.source_url,
    sourceId: f.source_id,
    secondary: f.source_type === "secondary",
  };
}

function published(site: SiteData, field: InputField, f: Figure, note: string): ScenarioInput {
  return {
    field,
    label: FIELD_LABEL[field],
    value: f.value!,
    valueText: f.value_text,
    unit: f.unit === "wte" ? "WTE" : "%",
    basis: "published",
    citation: citationOf(site, f),
    note,
  };
}

/** The assumptions every default scenario makes: no change in posts required, and every recruit needed is found. */
function commonAssumptions(): ScenarioInput[] {
  return [
    {
      field: "growthRate",
      label: FIELD_LABEL.growthRate,
      value: 0,
      valueText: "0",
      unit: "%",
      basis: "assumption",
      note: "Assumption: the posts required stay the same for five years. No published figure says how many posts will be needed; change it in the form.",
    },
    {
      field: "fillShare",
      label: FIELD_LABEL.fillShare,
      value: DEFAULT_FILL_SHARE,
      valueText: String(DEFAULT_FILL_SHARE),
      unit: "%",
      basis: "assumption",
      note: "Assumption: every recruit needed is found each year, so the projection shows the recruitment needed, not what recruitment will achieve. Lower it in the form to see vacancies build up.",
    },
  ];
}

const secondaryWords = (c: Citation | undefined) => (c?.secondary ? ` Secondary source: reported by ${c.publisher}, not taken from the publisher's own table.` : "");

export function englandScenario(site: SiteData): Scenario {
  const england = "E92000001";
  const staff = findFigure(site, { indicator: "england-workforce-wte", measure: "staff_wte", area: england, period: "2024", breakdownType: "workforce_group", breakdownValue: "all (delivery + commissioning)" });
  const turnover = findFigure(site, { indicator: "england-workforce-turnover-rate", measure: "turnover_rate", area: england, period: "2024", breakdownType: "workforce_group", breakdownValue: "delivery workforce" });
  const vacancy = findFigure(site, { indicator: "england-workforce-vacancy-rate", measure: "vacancy_rate", area: england, period: "2024", breakdownType: "workforce_group", breakdownValue: "delivery workforce (inferred)" });
  const inputs = [
    published(site, "staffInPost", staff, `Whole-time equivalent staff in ${formatPeriod(staff.period)}, ${staff.breakdown_value}.`),
    published(site, "vacancyRate", vacancy, `Vacancy rate of the delivery workforce in ${formatPeriod(vacancy.period)}; the workforce group is inferred from the report's context.`),
    published(site, "turnoverRate", turnover, `Turnover of the delivery workforce in ${formatPeriod(turnover.period)}.`),
    ...commonAssumptions(),
  ];
  for (const i of inputs) i.note += secondaryWords(i.citation);
  return {
    id: "england",
    name: "England",
    start: `the ${formatPeriod(staff.period)} workforce census`,
    inputs,
    notes: [
      `The staff total (${inputs[0]!.citation!.shown}) includes local authority commissioning teams as well as the delivery workforce, but the vacancy rate (${inputs[1]!.citation!.shown}) and turnover (${inputs[2]!.citation!.shown}) are for the delivery workforce only. Applying them to the whole total is an approximation.`,
      "All three published inputs are secondary-source figures: a news report of the census, because the census report's own tables were not available.",
    ],
  };
}

export function scotlandScenario(site: SiteData): Scenario {
  const scotland = "S92000003";
  const staff = findFigure(site, { indicator: "scotland-workforce-staff-in-post", measure: "reported_employed_wte", area: scotland, period: "2021-11-01", breakdownType: "total", breakdownValue: "all" });
  const vacancy = findFigure(site, { indicator: "scotland-workforce-vacancy-rate", measure: "vacancy_rate", area: scotland, period: "2021-11-01", breakdownType: "total", breakdownValue: "all" });
  // Scotland published no turnover; England's is borrowed so the default still computes, and labelled as an assumption.
  const englandTurnover = findFigure(site, { indicator: "england-workforce-turnover-rate", measure: "turnover_rate", area: "E92000001", period: "2024", breakdownType: "workforce_group", breakdownValue: "delivery workforce" });
  const borrowed = citationOf(site, englandTurnover);
  const missing = site.registry.headlines.find((h) => h.nation === "scotland" && !h.figure_id && /turnover/i.test(h.label))?.missing_reason;
  if (!missing) throw new Error("planning scenarios: the home page headlines no longer say why Scotland has no turnover figure");
  const staffCaveats = site.indicatorById.get(staff.indicator_id)?.caveats ?? "";
  return {
    id: "scotland",
    name: "Scotland",
    start: `the survey of services (snapshot ${formatPeriod(staff.period)})`,
    inputs: [
      published(site, "staffInPost", staff, `Whole-time equivalent staff employed in the services that responded to the survey, ${formatPeriod(staff.period)}.`),
      published(site, "vacancyRate", vacancy, `Vacancy rate across the responding services, ${formatPeriod(vacancy.period)}: vacancies ÷ (staff in post + vacancies).`),
      {
        field: "turnoverRate",
        label: FIELD_LABEL.turnoverRate,
        value: englandTurnover.value!,
        valueText: englandTurnover.value_text,
        unit: "%",
        basis: "assumption",
        citation: borrowed,
        note: `${missing} This scenario borrows England's published ${borrowed.period} turnover of the delivery workforce (${borrowed.shown}) as an assumption; it is not a Scottish figure. Choose your own turnover in the form.${secondaryWords(borrowed)}`,
      },
      ...commonAssumptions(),
    ],
    notes: [
      `Turnover was not published for Scotland: the ${borrowed.shown} used here is England's figure, borrowed as an assumption.`,
      staffCaveats,
    ].filter(Boolean),
  };
}

export function defaultScenarios(site: SiteData): Scenario[] {
  return [englandScenario(site), scotlandScenario(site)];
}

/** A scenario's inputs as the model reads them. */
export function scenarioRawInputs(s: Scenario): RawInputs {
  const raw: RawInputs = { growthMode: "rate" };
  for (const i of s.inputs) raw[i.field] = i.value;
  return raw;
}
