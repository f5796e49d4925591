/**
 * What a plan for a place starts from, built from the site's published figures at build time.
 *
 * Each input is looked up in the built data and carries its basis: a published figure for the place (with its figure
 * id and source); a figure worked out here from published figures (the arithmetic shown); a figure borrowed from the
 * NHS Board or the nation because the place has none (saying whose and why); or an assumption of this site (growth,
 * fill share). Nothing is typed in here by hand. The result is plain data (JSON-safe), so the page can hand it to the
 * browser script as it is.
 */
import type { SiteData } from "../../data/site.ts";
import type { Figure } from "../../schemas/figure.ts";
import { NATION_CODE, NATION_LABEL, type HomeNation } from "../../schemas/vocabulary.ts";
import { formatNumber } from "../format.ts";
import { formatPeriod } from "../periods.ts";
import { headlineAt } from "../views/headline.ts";
import { ageInWords, planYears, type PlanYears } from "./calendar.ts";
import { citationOf, findFigure, type Citation } from "./citation.ts";
import { BOUNDS, DEFAULT_FILL_SHARE, FIELD_LABEL, type NumberField, type PeopleFrom, type RawInputs } from "./model.ts";
import { needContext, populationShare, signedPercent, trendOptions, type NeedRow, type NeedTrend } from "./need.ts";
import type { PlanPlace } from "./places.ts";
import { FIELD_UNIT, type InputUnit } from "./view.ts";
export { FIELD_UNIT, type InputUnit } from "./view.ts";
import { rawFrom, type ScenarioSpec } from "./ids.ts";

export type { Citation } from "./citation.ts";
export { citationOf, findFigure } from "./citation.ts";

/** published: the place's own figure. derived: worked out here from published figures. borrowed: another place's figure (named). assumption: this site's choice, no figure. */
export type InputBasis = "published" | "derived" | "borrowed" | "assumption";
export type InputField = NumberField;
export interface ScenarioInput {
  field: InputField;
  label: string;
  value: number;
  /** The value as published (keeping its precision), or as worked out or assumed. */
  valueText: string;
  unit: InputUnit;
  basis: InputBasis;
  /** For a borrowed value: whose figure it is ("Scotland", "NHS Highland"). */
  from?: string;
  /** A few words telling this value apart from the field's other choices ("estimated whole workforce"). */
  name: string;
  /** The published figure: the input itself; for a borrowed or worked-out value, the figure it starts from. */
  citation?: Citation;
  /** The other published figures a worked-out value uses. */
  also?: Citation[];
  /** For a worked-out value: the arithmetic, with the numbers. */
  formula?: string;
  /** What the reader must know about this input, in plain words. */
  note: string;
}

/** Published workforce figures for the place, shown beside the plan (whether or not an input uses them). */
export interface WorkforceRow {
  title: string;
  label: string;
  citation: Citation;
}

export interface PlanBase {
  place: PlanPlace;
  /** Each field's default, when there is one: the default plan cannot run without staff in post. */
  defaults: Partial<Record<InputField, ScenarioInput>>;
  /** Other values a field may take, each with its basis: offered beside the field, and recognised when typed. */
  choices: Partial<Record<InputField, ScenarioInput[]>>;
  /** How the caseload model counts people at the start by default: counted where a count is published, else from staff. */
  peopleFrom: PeopleFrom;
  /** The starting position: what it covers, its period in words, and how old it is on the release date. */
  start: { covers: string; period: string; age: string };
  years: PlanYears;
  /** Caveats of the plan as a whole. */
  notes: string[];
  need: NeedRow[];
  workforce: WorkforceRow[];
  /** Why there is no default plan, when a required input has no published or borrowed value. */
  missing: string[];
}

export { SCENARIO_IDS, SCENARIO_LETTER, rawFrom, type ScenarioId, type ScenarioSpec } from "./ids.ts";

const secondaryWords = (c: Citation | undefined) => (c?.secondary ? ` Secondary source: reported by ${c.publisher}, not taken from the publisher's own table.` : "");
const roundTo = (n: number, decimals: number) => Number(n.toFixed(decimals)) + 0;
const wteText = (n: number) => `${formatNumber(n, Number.isInteger(n) ? 0 : 1)} WTE`;

function input(field: InputField, basis: InputBasis, value: number, valueText: string, name: string, note: string, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return { field, label: FIELD_LABEL[field], value, valueText, unit: FIELD_UNIT[field], basis, name, note, ...extra };
}

function published(site: SiteData, field: InputField, f: Figure, name: string, note: string): ScenarioInput {
  const c = citationOf(site, f);
  return input(field, "published", f.value!, f.value_text, name, `${note}${secondaryWords(c)}`, { citation: c });
}

function borrowed(site: SiteData, field: InputField, f: Figure, from: string, name: string, note: string): ScenarioInput {
  const c = citationOf(site, f);
  return input(field, "borrowed", f.value!, f.value_text, name, `${note}${secondaryWords(c)}`, { citation: c, from });
}

/** The latest shown figure of an indicator at an area by a measure and breakdown, with a number; undefined when none. */
function latestAt(site: SiteData, indicator: string, level: string, codes: readonly string[], measure: string, breakdownType: string, breakdownValue: string): Figure | undefined {
  const shown = codes.flatMap((c) => site.shownAt(indicator, level, c));
  const unit = site.indicatorById.get(indicator)?.unit ?? "count";
  const h = headlineAt([{ series: 1, kind: "total", measure, breakdown_type: breakdownType, breakdown_value: breakdownValue, upper_measure: "", upper_breakdown_type: "", upper_breakdown_value: "", label: "", break_reason: "" }], shown, unit);
  return h && h.figure.value !== null && h.figure.status === "published" ? h.figure : undefined;
}

/** The published figures the defaults start from, for one nation. */
interface NationFigures {
  nation: HomeNation;
  place: PlanPlace;
  staff: Figure;
  /** Scotland: the estimated whole workforce (central, lower, upper). */
  estimate?: { central: Figure; lower: Figure; upper: Figure };
  responseRate?: Figure;
  vacancy: Figure;
  turnover: Figure;
  turnoverMissing?: string;
  /** England: share of treatment provider staff in service management and admin. */
  nonFrontline: Figure;
  /** Scotland's median caseloads (borrowed by England). */
  caseloadHscp: Figure;
  caseloadNhs: Figure;
}

function nationFigures(site: SiteData, nation: HomeNation, place: PlanPlace): NationFigures {
  const scotland = NATION_CODE.scotland;
  const england = NATION_CODE.england;
  const common = {
    nonFrontline: findFigure(site, { indicator: "england-workforce-share-by-role", measure: "treatment_provider_staff_share_by_role", area: england, period: "2022", breakdownType: "role", breakdownValue: "service management and admin" }),
    caseloadHscp: findFigure(site, { indicator: "scotland-caseload-per-frontline-wte", measure: "median_caseload_per_frontline_wte", area: scotland, period: "2021-11-01", breakdownType: "organisation_type", breakdownValue: "Health and social care partnership" }),
    caseloadNhs: findFigure(site, { indicator: "scotland-caseload-per-frontline-wte", measure: "median_caseload_per_frontline_wte", area: scotland, period: "2021-11-01", breakdownType: "organisation_type", breakdownValue: "NHS" }),
    turnover: findFigure(site, { indicator: "england-workforce-turnover-rate", measure: "turnover_rate", area: england, period: "2024", breakdownType: "workforce_group", breakdownValue: "delivery workforce" }),
  };
  if (nation === "england") {
    return {
      nation,
      place,
      ...common,
      staff: findFigure(site, { indicator: "england-workforce-wte", measure: "staff_wte", area: england, period: "2024", breakdownType: "workforce_group", breakdownValue: "all (delivery + commissioning)" }),
      vacancy: findFigure(site, { indicator: "england-workforce-vacancy-rate", measure: "vacancy_rate", area: england, period: "2024", breakdownType: "workforce_group", breakdownValue: "delivery workforce (inferred)" }),
    };
  }
  const missing = site.registry.headlines.find((h) => h.nation === "scotland" && !h.figure_id && /turnover/i.test(h.label))?.missing_reason;
  if (!missing) throw new Error("planning: the home page headlines no longer say why Scotland has no turnover figure");
  return {
    nation,
    place,
    ...common,
    turnoverMissing: missing,
    staff: findFigure(site, { indicator: "scotland-workforce-staff-in-post", measure: "reported_employed_wte", area: scotland, period: "2021-11-01", breakdownType: "total", breakdownValue: "all" }),
    estimate: {
      central: findFigure(site, { indicator: "scotland-workforce-estimate-by-method", measure: "estimated_total_workforce_wte", area: scotland, period: "2021-11-01", breakdownType: "total", breakdownValue: "all" }),
      lower: findFigure(site, { indicator: "scotland-workforce-estimated-total", measure: "estimated_total_workforce_wte_lower", area: scotland, period: "2021-11-01", breakdownType: "total", breakdownValue: "all" }),
      upper: findFigure(site, { indicator: "scotland-workforce-estimated-total", measure: "estimated_total_workforce_wte_upper", area: scotland, period: "2021-11-01", breakdownType: "total", breakdownValue: "all" }),
    },
    responseRate: findFigure(site, { indicator: "scotland-survey-response-rate", measure: "survey_response_rate", area: scotland, period: "2021-11-01", breakdownType: "total", breakdownValue: "all" }),
    vacancy: findFigure(site, { indicator: "scotland-workforce-vacancy-rate", measure: "vacancy_rate", area: scotland, period: "2021-11-01", breakdownType: "total", breakdownValue: "all" }),
  };
}

const WORKFORCE_TOPICS = new Set(["workforce_size", "vacancies", "turnover", "workload"]);

/** The place's own published workforce figures (below nation level): every workforce indicator's headline there. */
function workforceRows(site: SiteData, place: PlanPlace): WorkforceRow[] {
  if (place.level === "country") return [];
  return site.registry.indicators.flatMap((ind) => {
    if (!WORKFORCE_TOPICS.has(ind.topic)) return [];
    const shown = place.codes.flatMap((c) => site.shownAt(ind.id, place.level, c));
    const h = shown.length ? headlineAt(ind.headline_rules, shown, ind.unit) : undefined;
    const f = h?.figure ?? shown.find((x) => x.value !== null);
    return f && f.value !== null ? [{ title: ind.short_title, label: h?.label ?? f.measure_label, citation: citationOf(site, f) }] : [];
  });
}

/** Staff in post: the nation's own figures, or the nation's scaled by the place's share of its population. */
function staffInputs(site: SiteData, place: PlanPlace, nf: NationFigures): { defaults: ScenarioInput[]; missing?: string } {
  const responding = nf.responseRate ? citationOf(site, nf.responseRate).shown : "";
  if (place.level === "country") {
    if (nf.nation === "england") {
      return { defaults: [published(site, "staffInPost", nf.staff, "2024 census", `Whole-time equivalent staff in ${formatPeriod(nf.staff.period)}, ${nf.staff.breakdown_value}.`)] };
    }
    const e = nf.estimate!;
    const estimateNote = "The survey's estimate of the whole workforce, scaling the responding services up to all 206 services on the DAISy list; a modelled estimate, not a count.";
    return {
      defaults: [
        published(site, "staffInPost", nf.staff, "responding services", `Staff employed in the services that responded to the survey (${responding} of services), ${formatPeriod(nf.staff.period)}: not the whole workforce.`),
        published(site, "staffInPost", e.central, "estimated whole workforce", `${estimateNote} Published as "in the region of" this number.`),
        published(site, "staffInPost", e.lower, "estimated whole workforce, low end", `${estimateNote} The low end of the published range.`),
        published(site, "staffInPost", e.upper, "estimated whole workforce, high end", `${estimateNote} The high end of the published range.`),
      ],
    };
  }
  const share = populationShare(site, place, nf.place);
  const nationName = NATION_LABEL[nf.nation];
  if (!share) return { defaults: [], missing: `No population is published for ${place.name} and ${nationName} for the same date, so ${nationName}'s staff cannot be scaled to it. Enter your own staff in post.` };
  const pct = formatNumber(share.share * 100, 2);
  const why = `No count of staff is published for ${place.name}.`;
  const scaled = (f: Figure, name: string, what: string): ScenarioInput => {
    const value = roundTo(f.value! * share.share, 1);
    const c = citationOf(site, f);
    const formula = `${formatNumber(f.value!, Number.isInteger(f.value!) ? 0 : 1)} WTE × ${formatNumber(share.place.value, 0)} ÷ ${formatNumber(share.nation.value, 0)} = ${formatNumber(value, 1)} WTE`;
    return input("staffInPost", "borrowed", value, String(value), name, `${why} This is ${what} scaled by ${place.name}'s share of ${nationName}'s population (${pct}%, ${formatPeriod(share.place.period)}), rounded to 0.1 WTE: it assumes staff are spread like the population, which they are not exactly. Enter your own staff in post if you know it.${secondaryWords(c)}`, {
      citation: c,
      also: [...share.place.citations, ...share.nation.citations],
      formula,
      from: nationName,
    });
  };
  if (nf.nation === "england") return { defaults: [scaled(nf.staff, "England's 2024 census, scaled", `England's staff in ${formatPeriod(nf.staff.period)} (${nf.staff.breakdown_value})`)] };
  const e = nf.estimate!;
  return {
    defaults: [
      scaled(e.central, "Scotland's estimated whole workforce, scaled", `Scotland's estimated whole workforce ("in the region of 3,500 WTE" on ${formatPeriod(e.central.period)})`),
      scaled(e.lower, "low end of the estimate, scaled", "the low end of Scotland's estimated whole workforce"),
      scaled(e.upper, "high end of the estimate, scaled", "the high end of Scotland's estimated whole workforce"),
    ],
  };
}

/** Vacancy rate: the place's own, else its NHS Board's, else the nation's; every other published one as a choice. */
function vacancyInputs(site: SiteData, place: PlanPlace, nf: NationFigures): ScenarioInput[] {
  const nationName = NATION_LABEL[nf.nation];
  const out: ScenarioInput[] = [];
  if (nf.nation === "scotland" && place.level !== "country") {
    const own = latestAt(site, "scotland-workforce-vacancy-rate", place.level, place.codes, "vacancy_rate", "total", "all");
    if (own) out.push(published(site, "vacancyRate", own, `${place.name}'s rate`, `Vacancy rate of the services in ${place.name} that responded to the survey, ${formatPeriod(own.period)}: vacancies ÷ (staff in post + vacancies).`));
    const board = place.parent?.level === "health_board" ? place.parent : undefined;
    const boardRate = board ? latestAt(site, "scotland-workforce-vacancy-rate", "health_board", [board.code], "vacancy_rate", "total", "all") : undefined;
    if (board && boardRate && !own) out.push(borrowed(site, "vacancyRate", boardRate, board.name, `${board.name}'s rate`, `No vacancy rate is published for ${place.name}; this is the rate of the responding services in ${board.name}, the NHS Board it is part of (${formatPeriod(boardRate.period)}).`));
  }
  if (place.level === "country") {
    out.push(published(site, "vacancyRate", nf.vacancy, `${nationName}'s rate`, nf.nation === "england" ? `Vacancy rate of the delivery workforce in ${formatPeriod(nf.vacancy.period)}; the workforce group is inferred from the report's context.` : `Vacancy rate across the responding services, ${formatPeriod(nf.vacancy.period)}: vacancies ÷ (staff in post + vacancies).`));
  } else {
    const why = nf.nation === "scotland" ? `The 2021 survey published vacancy rates for four NHS Boards only, and none for ${place.name}${place.parent ? ` or ${place.parent.name}` : ""}.` : `No vacancy rate is published below England as a whole.`;
    out.push(borrowed(site, "vacancyRate", nf.vacancy, nationName, `${nationName}'s rate`, `${out.length ? `${nationName}'s rate, ${formatPeriod(nf.vacancy.period)}, for comparison.` : `${why} This is ${nationName}'s rate, ${formatPeriod(nf.vacancy.period)}.`}`));
  }
  return out;
}

function turnoverInput(site: SiteData, place: PlanPlace, nf: NationFigures): ScenarioInput {
  const c = citationOf(site, nf.turnover);
  if (nf.nation === "england") {
    return place.level === "country"
      ? published(site, "turnoverRate", nf.turnover, "England's rate", `Turnover of the delivery workforce in ${formatPeriod(nf.turnover.period)}.`)
      : borrowed(site, "turnoverRate", nf.turnover, "England", "England's rate", `No turnover is published below England as a whole. This is England's delivery workforce in ${formatPeriod(nf.turnover.period)}.`);
  }
  return borrowed(site, "turnoverRate", nf.turnover, "England", "England's rate", `${nf.turnoverMissing} This plan borrows England's published ${c.period} turnover of the delivery workforce (${c.shown}); it is not a Scottish figure. Choose your own turnover in the form.`);
}

/** Caseload per frontline WTE: Scotland's published medians; England's worked out from people in treatment and staff. */
function caseloadInputs(site: SiteData, place: PlanPlace, nf: NationFigures, englandCount: ScenarioInput | undefined, englandStaff: Figure): ScenarioInput[] {
  const isScotland = nf.nation === "scotland";
  const scottishMedian = (f: Figure, name: string, who: string): ScenarioInput => {
    const note = `The median across ${who} of each service's average number of people case-managed per frontline WTE, from the 2021 survey of services (${formatPeriod(f.period)}); a median of services, not all service users divided by all staff.`;
    if (isScotland && place.level === "country") return published(site, "caseload", f, name, note);
    const why = isScotland ? `No caseload is published for ${place.name}; this is Scotland's.` : "England's census, as reported, publishes no caseload; this is Scotland's, from a different survey of a different system, so it is not comparable.";
    return borrowed(site, "caseload", f, "Scotland", name, `${why} ${note}`);
  };
  const medians = [scottishMedian(nf.caseloadHscp, "median, health and social care partnerships", "health and social care partnerships"), scottishMedian(nf.caseloadNhs, "median, NHS services", "NHS services")];
  if (isScotland) return medians;
  // England: people in contact with treatment during the year ÷ frontline posts (posts × (1 − non-frontline share)).
  if (!englandCount?.citation) return medians;
  const n = nf.nonFrontline.value!;
  const v = nf.vacancy.value!;
  const posts = englandStaff.value! / (1 - v / 100);
  const value = roundTo(englandCount.value / (posts * (1 - n / 100)), 1);
  const formula = `${formatNumber(englandCount.value, 0)} ÷ (${formatNumber(englandStaff.value!, 0)} WTE ÷ (1 − ${formatNumber(v, 0)}%) × (1 − ${formatNumber(n, 0)}%)) = ${formatNumber(value, 1)} people per frontline WTE`;
  const note = `England's ${englandCount.citation.period} adults in contact with treatment divided by its frontline posts (the ${englandStaff.period} staff with the posts vacant, less the share in management and administration), rounded to 0.1. People in contact during a year, not on a caseload on one day, so it is not comparable with Scotland's medians.`;
  const extra = { citation: englandCount.citation, also: [citationOf(site, englandStaff), citationOf(site, nf.vacancy), citationOf(site, nf.nonFrontline)], formula };
  const derived = place.level === "country" ? input("caseload", "derived", value, String(value), "worked out for England", note, extra) : input("caseload", "borrowed", value, String(value), "worked out for England", `No count of people in treatment is published for ${place.name}. ${note}`, { ...extra, from: "England" });
  return [derived, ...medians];
}

/** The same choice as a different field (caseload today and caseload in the plan share their values). */
const asField = (i: ScenarioInput, field: InputField): ScenarioInput => ({ ...i, field, label: FIELD_LABEL[field] });

function trendInput(t: NeedTrend): ScenarioInput {
  return input("peopleGrowth", "derived", t.rounded, String(t.rounded), `trend of ${t.series.label}`, `People on caseloads change as ${t.series.label} did: ${formatNumber(t.from.value, 0)} in ${formatPeriod(t.from.period)} to ${formatNumber(t.to.value, 0)} in ${formatPeriod(t.to.period)} (${t.to.areaLabel}), a steady ${signedPercent(t.rate)} a year, rounded to 0.1%. A need series is a sign of need, not a count of people on caseloads; the trend is assumed to go on.`, {
    citation: t.to.citations[0]!,
    also: [...t.to.citations.slice(1), ...t.from.citations],
    formula: `c = ${t.formula}${t.to.formula ? `; ${formatPeriod(t.to.period)}: ${t.to.formula}; ${formatPeriod(t.from.period)}: ${t.from.formula}` : ""}`,
  });
}

/** The inputs, choices, need context and caveats of a plan for a place. */
export function placeBase(site: SiteData, place: PlanPlace, nationPlaceOf: (n: HomeNation) => PlanPlace): PlanBase {
  const nf = nationFigures(site, place.nation, nationPlaceOf(place.nation));
  const years = planYears(site.registry.release.date);
  const need = needContext(site, place, BOUNDS.peopleGrowth);
  const trends = trendOptions(need);
  const missing: string[] = [];

  const staff = staffInputs(site, place, nf);
  if (staff.missing) missing.push(staff.missing);
  const vacancy = vacancyInputs(site, place, nf);
  const turnover = turnoverInput(site, place, nf);

  // People on caseloads: England's published count of adults in contact with treatment, for England itself.
  const englandNation = place.nation === "england" ? nationPlaceOf("england") : undefined;
  const englandAdults = englandNation ? needContext(site, englandNation, BOUNDS.peopleGrowth).find((r) => r.series.id === "adults-in-treatment")?.latest : undefined;
  const englandCount = englandAdults
    ? input("people", place.level === "country" ? "published" : "borrowed", englandAdults.value, String(englandAdults.value), "adults in contact with treatment", `Adults in contact with drug and alcohol treatment during ${englandAdults.period}: people in treatment over a year, more than are on caseloads on any one day.`, { citation: englandAdults.citations[0]! })
    : undefined;
  const people = place.level === "country" ? englandCount : undefined;

  const nonFrontline = place.level === "country" && place.nation === "england"
    ? published(site, "nonFrontline", nf.nonFrontline, "England's share", `Share of treatment provider staff in service management and administration, ${formatPeriod(nf.nonFrontline.period)} (whether of WTE or headcount is not stated).`)
    : borrowed(site, "nonFrontline", nf.nonFrontline, "England", "England's share", `${place.nation === "scotland" ? "The Scottish survey published staff by role, but not which roles count as frontline for its caseload question." : `No share is published for ${place.name}.`} This is England's share of treatment provider staff in service management and administration, ${formatPeriod(nf.nonFrontline.period)}.`);

  const caseloads = caseloadInputs(site, place, nf, englandCount, nf.staff);
  const trendChoices = trends.map(trendInput);
  const growth = input("growthRate", "assumption", 0, "0", "no change", "Assumption: the posts required stay the same for five years. No published figure says how many posts will be needed; change it in the form.");
  const peopleGrowth = trendChoices[0] ?? input("peopleGrowth", "assumption", 0, "0", "no change", "Assumption: the people on caseloads stay the same for five years; no need series with a published trend was found for this place.");
  const fill = input("fillShare", "assumption", DEFAULT_FILL_SHARE, String(DEFAULT_FILL_SHARE), "every recruit found", "Assumption: every recruit needed is found each year, so the plan shows the recruitment needed, not what recruitment will achieve. Lower it in the form to see vacancies build up.");

  const defaults: Partial<Record<InputField, ScenarioInput>> = {
    ...(staff.defaults[0] ? { staffInPost: staff.defaults[0] } : {}),
    vacancyRate: vacancy[0]!,
    turnoverRate: turnover,
    growthRate: growth,
    caseloadNow: asField(caseloads[0]!, "caseloadNow"),
    caseload: caseloads[0]!,
    ...(people ? { people } : {}),
    nonFrontline,
    peopleGrowth,
    fillShare: fill,
  };
  const choices: Partial<Record<InputField, ScenarioInput[]>> = {
    staffInPost: staff.defaults,
    vacancyRate: vacancy,
    caseloadNow: caseloads.map((c) => asField(c, "caseloadNow")),
    caseload: caseloads,
    peopleGrowth: trendChoices.length ? trendChoices : [peopleGrowth],
    ...(people ? { people: [people] } : {}),
  };

  const startFigure = staff.defaults[0]?.citation;
  const nationName = NATION_LABEL[place.nation];
  const covers =
    place.level === "country"
      ? place.nation === "scotland"
        ? `staff in post in the services that answered the 2021 survey of services (${citationOf(site, nf.responseRate!).shown} of services responded), not the whole workforce; the survey's estimate of the whole workforce is offered beside it`
        : `the ${formatPeriod(nf.staff.period)} workforce census as reported: staff in treatment services and local authority commissioning teams`
      : `${nationName}'s ${place.nation === "scotland" ? "estimated whole workforce" : "workforce"} scaled by ${place.name}'s share of the population, because no count of staff is published for ${place.name}`;
  const start = startFigure ? { covers, period: startFigure.period, age: ageInWords(startFigure.periodEnd, site.registry.release.date) } : { covers: "your own figures", period: "", age: "" };

  const notes: string[] = [];
  if (startFigure) notes.push(`The plan starts from figures for ${startFigure.period}, ${start.age} before this data release (${formatPeriod(site.registry.release.date)}), and treats them as the position at the start of ${years.labels[0]}: what changed in between is not known.`);
  if (place.nation === "scotland") {
    notes.push(`Turnover was not published for Scotland: the ${citationOf(site, nf.turnover).shown} used here is England's figure, borrowed as an assumption.`);
    const caveats = site.indicatorById.get(nf.staff.indicator_id)?.caveats;
    if (place.level === "country" && caveats) notes.push(caveats);
  } else if (place.level === "country") {
    notes.push(
      `The staff total (${citationOf(site, nf.staff).shown}) includes local authority commissioning teams as well as the delivery workforce, but the vacancy rate (${citationOf(site, nf.vacancy).shown}) and turnover (${citationOf(site, nf.turnover).shown}) are for the delivery workforce only. Applying them to the whole total is an approximation.`,
      "The census inputs are secondary-source figures: a news report of the census, because the census report's own tables were not available.",
    );
  }
  if (place.level !== "country" && staff.defaults[0]) notes.push(`No workforce count is published for ${place.name}: its staff in post is ${nationName}'s scaled by population, a rough start to replace with your own figure.`);

  return { place, defaults, choices, peopleFrom: people ? "count" : "posts", start, years, notes, need, workforce: workforceRows(site, place), missing };
}


/**
 * The scenarios of a place's default plan, compared side by side: posts unchanged, and posts following need at
 * today's caseload (people on caseloads changing at the published trend of the place's best need series). Scotland
 * compares the responding services with the estimated whole workforce as well. Empty when the plan cannot run.
 */
export function defaultScenarioSpecs(base: PlanBase): ScenarioSpec[] {
  if (!base.defaults.staffInPost || base.missing.length) return [];
  const trend = base.defaults.peopleGrowth!;
  const follow = trend.basis === "derived" ? `posts follow need (${signedPercent(trend.value)} a year)` : "posts follow need at today's caseload";
  const needRaw: RawInputs = { growthMode: "caseload", peopleFrom: base.peopleFrom, caseload: base.defaults.caseloadNow!.value };
  const staffChoices = base.choices.staffInPost ?? [];
  const whole = base.place.level === "country" && base.place.nation === "scotland" ? staffChoices.find((s) => s.name === "estimated whole workforce") : undefined;
  if (whole) {
    return [
      { id: "a", name: `Responding services (${wteText(base.defaults.staffInPost.value)}), posts unchanged`, raw: rawFrom(base) },
      { id: "b", name: `Estimated whole workforce (${wteText(whole.value)}), posts unchanged`, raw: rawFrom(base, { staffInPost: whole.value }) },
      { id: "c", name: `Estimated whole workforce, ${follow}`, raw: rawFrom(base, { staffInPost: whole.value, ...needRaw }) },
    ];
  }
  return [
    { id: "a", name: "Posts unchanged", raw: rawFrom(base) },
    { id: "b", name: follow.charAt(0).toUpperCase() + follow.slice(1), raw: rawFrom(base, needRaw) },
  ];
}

/** The base of a plan for the reader's own service. */
export type OwnBase = Pick<PlanBase, "defaults" | "choices" | "place" | "peopleFrom" | "years">;

/**
 * The base of a plan for the reader's own service: no published figure is theirs, so the service's own figures are
 * theirs to enter, and the nations' published and worked-out figures are offered beside each field as borrowed
 * choices (named). The site's assumptions (no growth, every recruit found) are the only defaults.
 */
export function ownBase(nations: readonly PlanBase[]): OwnBase {
  const years = nations[0]!.years;
  const lend = (i: ScenarioInput, nation: string): ScenarioInput => ({
    ...i,
    basis: "borrowed",
    from: i.from ?? nation,
    name: `${nation}: ${i.name}`,
    note: `A figure for ${i.from ?? nation}, not for your service. ${i.note}`,
  });
  const choices: Partial<Record<InputField, ScenarioInput[]>> = {};
  const add = (field: InputField, list: ScenarioInput[]) => {
    const key = (c: ScenarioInput) => `${c.value}|${c.citation?.figureId ?? ""}`;
    const seen = new Set((choices[field] ?? []).map(key));
    for (const c of list) {
      if (seen.has(key(c))) continue;
      seen.add(key(c));
      (choices[field] ??= []).push(c);
    }
  };
  for (const b of nations) {
    const nation = b.place.name;
    for (const field of ["vacancyRate", "turnoverRate", "caseloadNow", "caseload", "nonFrontline"] as const) {
      const list = [b.defaults[field], ...(b.choices[field] ?? [])].filter((c): c is ScenarioInput => c !== undefined && c.basis !== "assumption");
      add(field, list.map((c) => lend(c, nation)));
    }
    add("peopleGrowth", (b.choices.peopleGrowth ?? []).filter((c) => c.basis === "derived").map((c) => lend(c, nation)));
  }
  const assumed = (field: InputField, value: number, name: string, note: string) => input(field, "assumption", value, String(value), name, note);
  const own: PlanPlace = { level: "country", code: "own", codes: ["own"], name: "your service", nation: "scotland", councilAreas: [] };
  return {
    place: own,
    peopleFrom: "count",
    years,
    defaults: {
      growthRate: assumed("growthRate", 0, "no change", "Assumption: the posts required stay the same for five years; change it in the form."),
      peopleGrowth: assumed("peopleGrowth", 0, "no change", "Assumption: the people on caseloads stay the same for five years; change it in the form, or follow a nation's published trend."),
      fillShare: assumed("fillShare", DEFAULT_FILL_SHARE, "every recruit found", "Assumption: every recruit needed is found each year, so the plan shows the recruitment needed, not what recruitment will achieve."),
    },
    choices,
  };
}
