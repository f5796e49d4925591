/**
 * The page model of "Workforce beside need" (data/reference/workforce_need.csv): for each nation, a workforce figure
 * set beside a figure of need (people in treatment or assessed), with their periods, and a ratio only where this site
 * derived one (same area, same period, same definition: derivations of kind ratio). Where there is no ratio, the model
 * says why: the row's explanation, and whether the periods differ. Published workforce-to-demand figures (the survey's
 * caseload medians) lead the page. Pure: the pipeline uses the same selection to record the figures in the registry.
 */
import type { Figure } from "../../schemas/figure.ts";
import { NATION_CODE, NATION_LABEL } from "../../schemas/vocabulary.ts";
import { formatPeriod } from "../periods.ts";
import { compareText } from "../text.ts";
import { byTime } from "./headline.ts";

/** Which figures one side names: an indicator's measure and breakdown (every value when breakdown_value is empty). */
export interface SideSpec {
  indicator_id: string;
  measure: string;
  breakdown_type: string;
  breakdown_value: string;
  /** The period to show, as published; empty for the latest. */
  period: string;
}

/** A row of workforce_need.csv as the registry carries it, with the figures the pipeline chose for each side. */
export interface WorkforceNeedEntry {
  id: string;
  order: number;
  nation: "scotland" | "england";
  kind: "published_ratio" | "pair";
  title: string;
  explanation: string;
  derivation_id: string;
  workforce: SideSpec & { figure_ids: string[] };
  need: (SideSpec & { figure_ids: string[] }) | null;
  /** Derived ratios (need ÷ workforce) of the chosen figures; empty when there is none. */
  ratio_figure_ids: string[];
}

/**
 * The shown national figures of one side: the indicator's shown values for the nation with the measure and breakdown,
 * for the named period or else the latest period they have; largest value first when several breakdown values match.
 */
export function selectSide(spec: SideSpec, nation: "scotland" | "england", figures: readonly Figure[]): Figure[] {
  const code = NATION_CODE[nation];
  const matching = figures.filter(
    (f) =>
      f.preferred &&
      f.role === "value" &&
      f.indicator_id === spec.indicator_id &&
      f.area_code === code &&
      f.measure === spec.measure &&
      f.breakdown_type === spec.breakdown_type &&
      (spec.breakdown_value === "" || f.breakdown_value === spec.breakdown_value),
  );
  const period = spec.period !== "" ? spec.period : [...matching].sort(byTime).at(-1)?.period;
  return matching.filter((f) => f.period === period).sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || compareText(a.breakdown_label, b.breakdown_label));
}

/** The derived ratios made from one need figure and one workforce figure (in either order of inputs). */
export function ratiosOf(need: readonly Figure[], workforce: readonly Figure[], figures: readonly Figure[]): Figure[] {
  const needIds = new Set(need.map((f) => f.figure_id));
  const workforceIds = new Set(workforce.map((f) => f.figure_id));
  return figures.filter((f) => f.status === "derived" && f.derived_from.some((id) => needIds.has(id)) && f.derived_from.some((id) => workforceIds.has(id)));
}

/** What the pipeline records for each row: the figures each side shows now and the ratio, if any. */
export function workforceNeedEntry(
  row: Omit<WorkforceNeedEntry, "workforce" | "need" | "ratio_figure_ids"> & { workforce: SideSpec; need: SideSpec | null },
  figures: readonly Figure[],
): WorkforceNeedEntry {
  const workforce = selectSide(row.workforce, row.nation, figures);
  const need = row.need ? selectSide(row.need, row.nation, figures) : [];
  const ratios = row.derivation_id !== "" ? ratiosOf(need, workforce, figures) : [];
  return {
    ...row,
    workforce: { ...row.workforce, figure_ids: workforce.map((f) => f.figure_id) },
    need: row.need ? { ...row.need, figure_ids: need.map((f) => f.figure_id) } : null,
    ratio_figure_ids: ratios.map((f) => f.figure_id),
  };
}

export interface SideView<I> {
  indicator: I | undefined;
  figures: Figure[];
  /** "1 November 2021"; the periods of the figures shown, in words. */
  period: string;
}

export interface PairView<I> {
  id: string;
  title: string;
  explanation: string;
  workforce: SideView<I>;
  need: SideView<I> | undefined;
  ratios: Figure[];
  /** True when the workforce and need figures are for the same period (a ratio is then possible in principle). */
  samePeriod: boolean;
  /** Why there is no ratio, in words (empty when there is one): the periods when they differ, then the row's reason. */
  noRatio: string;
}

export interface WorkforceNeedPage<I> {
  /** Published workforce-to-demand figures, shown first. */
  lead: PairView<I>[];
  /** Pairs, by nation (Scotland first), in the table's order. */
  nations: { nation: "scotland" | "england"; label: string; pairs: PairView<I>[] }[];
}

const periodsOf = (fs: readonly Figure[]) => [...new Set(fs.map((f) => formatPeriod(f.period)))].join(", ");

function viewOf<I>(e: WorkforceNeedEntry, figureById: Map<string, Figure>, indicatorById: Map<string, I>): PairView<I> {
  const pick = (ids: string[]) => ids.flatMap((id) => (figureById.has(id) ? [figureById.get(id)!] : []));
  const side = (s: SideSpec & { figure_ids: string[] }): SideView<I> => {
    const figures = pick(s.figure_ids);
    return { indicator: indicatorById.get(s.indicator_id), figures, period: periodsOf(figures) };
  };
  const workforce = side(e.workforce);
  const need = e.need ? side(e.need) : undefined;
  const ratios = pick(e.ratio_figure_ids);
  const w = new Set(workforce.figures.map((f) => f.period));
  const n = new Set((need?.figures ?? []).map((f) => f.period));
  const samePeriod = need !== undefined && w.size === 1 && n.size === 1 && [...w][0] === [...n][0];
  let noRatio = "";
  if (e.kind === "pair" && ratios.length === 0) {
    const periods = need && !samePeriod && workforce.period && need.period ? `The workforce figure is for ${workforce.period} and the need figure for ${need.period}: different periods. ` : "";
    noRatio = `${periods}${e.explanation}`;
  }
  return { id: e.id, title: e.title, explanation: e.explanation, workforce, need, ratios, samePeriod, noRatio };
}

export function workforceNeedPage<I>(entries: readonly WorkforceNeedEntry[], figureById: Map<string, Figure>, indicatorById: Map<string, I>): WorkforceNeedPage<I> {
  const ordered = [...entries].sort((a, b) => a.order - b.order || compareText(a.id, b.id));
  const lead = ordered.filter((e) => e.kind === "published_ratio").map((e) => viewOf(e, figureById, indicatorById));
  const nations = (["scotland", "england"] as const)
    .map((nation) => ({ nation, label: NATION_LABEL[nation], pairs: ordered.filter((e) => e.kind === "pair" && e.nation === nation).map((e) => viewOf(e, figureById, indicatorById)) }))
    .filter((n) => n.pairs.length > 0);
  return { lead, nations };
}
