/**
 * The page model of a plan's results: what the results area shows for one to three scenarios (the summary, the
 * chart, the comparison table, each scenario's year-by-year table). Pure, so the build and the browser show the same.
 */
import type { ProjectionChartInput } from "../../charts/projection.ts";
import {
  comparisonChartInput,
  comparisonSummary,
  comparisonTable,
  modeText,
  projectionChartInput,
  projectionSummary,
  projectionTable,
  scenarioTitle,
  type ComparedScenario,
  type ComparisonTable,
  type ProjectionTable,
  type YearLabels,
} from "./view.ts";

export interface ScenarioResult {
  letter: string;
  name: string;
  /** How posts required are set, in a sentence. */
  method: string;
  summary: string;
  caption: string;
  table: ProjectionTable;
}

export interface PlanResult {
  summary: string;
  chartTitle: string;
  chartSubtitle: string;
  chart: (id: string, width: number) => ProjectionChartInput;
  comparison?: { caption: string; table: ComparisonTable };
  scenarios: ScenarioResult[];
}

/** The results of a plan for a place (`placeName`), over the plan's years. */
export function planResult(placeName: string, scenarios: readonly ComparedScenario[], years: YearLabels): PlanResult {
  const span = `${years.labels[0]} to ${years.labels[years.labels.length - 1]}`;
  const many = scenarios.length > 1;
  const chartTitle = many ? `${placeName}: posts required and recruits needed in each scenario, ${span}` : `${placeName}: posts, staff and recruitment, ${span}`;
  const only = scenarios[0]!;
  return {
    summary: many ? comparisonSummary(scenarios, years) : projectionSummary(only.projection, years),
    chartTitle,
    chartSubtitle: many ? `whole-time equivalent (WTE); scenarios ${scenarios.map((s) => s.letter).join(", ").replace(/, ([^,]+)$/, " and $1")}` : "whole-time equivalent (WTE), from the start to the last year of the plan",
    chart: (id, width) => (many ? comparisonChartInput(id, chartTitle, scenarios, width, years) : projectionChartInput(id, chartTitle, only.projection, width, years)),
    ...(many ? { comparison: { caption: `${placeName}: scenarios compared, posts required and recruits needed, whole-time equivalent (WTE)`, table: comparisonTable(scenarios, years) } } : {}),
    scenarios: scenarios.map((s) => ({
      letter: s.letter,
      name: s.name,
      method: modeText(s.projection.inputs),
      summary: projectionSummary(s.projection, years),
      caption: `${scenarioTitle(s.letter, s.name)}, year by year, whole-time equivalent (WTE)`,
      table: projectionTable(s.projection, years),
    })),
  };
}
