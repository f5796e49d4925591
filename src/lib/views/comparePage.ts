/**
 * The page model of "Scotland and England compared": each comparison (data/reference/comparisons.csv) with the figure
 * on each side, or the reason there is none, and a joint trend only where the registry says the measures are
 * comparable and both sides use one indicator (never one scale across incompatible measures). Pure.
 */
import type { Figure } from "../../schemas/figure.ts";
import { NATION_CODE } from "../../schemas/vocabulary.ts";
import { trendSeries, type TrendSeries } from "./select.ts";

export interface ComparisonEntry {
  id: string;
  title: string;
  comparable: "yes" | "no";
  notes: string;
  sides: { nation: "scotland" | "england"; indicator_id: string; figure_id: string; missing_reason: string }[];
}

export interface CompareSide<I> {
  nation: "scotland" | "england";
  figure?: Figure;
  indicator?: I;
  missingReason: string;
}

export interface CompareSection<I> {
  id: string;
  title: string;
  comparable: boolean;
  notes: string;
  sides: CompareSide<I>[];
  joint: TrendSeries[];
}

export function comparePage<I extends { id: string }>(
  comparisons: ComparisonEntry[],
  figureById: Map<string, Figure>,
  indicatorById: Map<string, I>,
  figuresByIndicator: Map<string, Figure[]>,
): CompareSection<I>[] {
  return comparisons.map((c) => {
    const sides = c.sides.map((s) => {
      const figure = s.figure_id ? figureById.get(s.figure_id) : undefined;
      const indicator = s.indicator_id ? indicatorById.get(s.indicator_id) : undefined;
      return { nation: s.nation, ...(figure ? { figure } : {}), ...(indicator ? { indicator } : {}), missingReason: s.missing_reason };
    });
    const [a, b] = sides;
    let joint: TrendSeries[] = [];
    if (c.comparable === "yes" && a?.figure && b?.figure && a.indicator && a.indicator.id === b.indicator?.id) {
      const figures = figuresByIndicator.get(a.indicator.id) ?? [];
      joint = trendSeries(figures, { measure: a.figure.measure, breakdown: { type: a.figure.breakdown_type, value: a.figure.breakdown_value }, areaCodes: [NATION_CODE.scotland, NATION_CODE.england], bounds: figures.filter((f) => f.preferred && f.role !== "value") });
      if (joint.length < 2) joint = [];
    }
    return { id: c.id, title: c.title, comparable: c.comparable === "yes", notes: c.notes, sides, joint };
  });
}
