/**
 * The charts and map of an indicator page, named once so the page and its embed pages (src/pages/embed/) draw the
 * same thing: each chart's id on the page (which is also its file name and its embed page's last segment), title
 * and figures.
 */
import type { Figure } from "../../schemas/figure.ts";
import type { GeographyLevel } from "../../schemas/vocabulary.ts";
import type { Breakdown } from "./select.ts";
import type { BarGroup, IndicatorPageModel } from "./indicatorPage.ts";

/** "drug_implicated" → "drug implicated". */
export const typeWords = (t: string): string => t.replace(/_/g, " ");

/** The trend chart's title: the lead figure's label with a capital, else the indicator's short title. */
export function trendTitle(page: Pick<IndicatorPageModel, "lead" | "trend">, shortTitle: string): string {
  const lead = page.lead;
  // A trend with a break has more than one series: it is titled by the indicator, not by one of them.
  return lead && !page.trend?.breaks.length ? `${lead.label[0]!.toUpperCase()}${lead.label.slice(1)}` : shortTitle;
}

/** A breakdown chart's title: "Deaths by drug implicated, Scotland". */
export function breakdownTitle(g: Pick<BarGroup, "measureLabel" | "type" | "area">): string {
  return `${g.measureLabel} by ${typeWords(g.type)}, ${g.area}`;
}

export type IndicatorChart =
  | { chartId: "trend"; kind: "trend"; title: string }
  | { chartId: `bars-${number}`; kind: "bars"; index: number; title: string }
  | { chartId: "map"; kind: "map"; level: GeographyLevel; rule: Breakdown & { measure: string } };

/** Every chart and map an indicator page draws, in page order; the map only when boundaries are there to draw it. */
export function indicatorCharts(page: IndicatorPageModel, shortTitle: string, boundaries: boolean): IndicatorChart[] {
  const out: IndicatorChart[] = [];
  if (page.trend) out.push({ chartId: "trend", kind: "trend", title: trendTitle(page, shortTitle) });
  page.breakdowns.forEach((g, i) => out.push({ chartId: `bars-${i}`, kind: "bars", index: i, title: breakdownTitle(g) }));
  if (boundaries && page.mapLevels.length > 0 && page.mapRule) out.push({ chartId: "map", kind: "map", level: page.mapLevels[0]!.level, rule: page.mapRule });
  return out;
}

/** The figures of a chart, for its source line. */
export function chartFigures(page: IndicatorPageModel, chart: IndicatorChart): Figure[] {
  if (chart.kind === "trend") return page.trend!.series.flatMap((s) => s.points.map((p) => p.figure));
  if (chart.kind === "bars") return page.breakdowns[chart.index]!.bars.map((b) => b.figure);
  return [];
}
