/** What the build-time downloads of the default scenarios contain (the endpoints in src/pages/planning/ write them). */
import type { SiteData } from "../../data/site.ts";
import { routes } from "../routes.ts";
import type { ScenarioDocumentMeta } from "./export.ts";
import { plan, type Projection } from "./model.ts";
import { defaultScenarios, scenarioRawInputs, type Scenario } from "./scenarios.ts";
import { describeInputs, type DescribedInput } from "./view.ts";

export interface DefaultDownload {
  meta: ScenarioDocumentMeta;
  inputs: DescribedInput[];
  projection: Projection;
}

export interface DefaultProjection {
  scenario: Scenario;
  projection: Projection;
  /** The scenario's inputs, labelled as published figures or assumptions. */
  inputs: DescribedInput[];
}

/** Each default scenario with its projection. A default the model refuses is a data problem, so the build stops. */
export function defaultProjections(site: SiteData): DefaultProjection[] {
  return defaultScenarios(site).map((scenario) => {
    const result = plan(scenarioRawInputs(scenario));
    if (!result.ok) throw new Error(`planning: the ${scenario.name} default scenario is invalid: ${JSON.stringify(result.errors)}`);
    return { scenario, projection: result.projection, inputs: describeInputs(result.projection.inputs, scenario) };
  });
}

export function defaultDownloads(site: SiteData, base: string): DefaultDownload[] {
  const { release } = site.registry;
  return defaultProjections(site).map(({ scenario, projection, inputs }) => {
    return {
      meta: {
        scenario: scenario.id,
        title: `Workforce planning: a five-year projection. Default scenario: ${scenario.name}, starting from ${scenario.start}`,
        siteTitle: release.site_title,
        releaseId: release.id,
        releaseDate: release.date,
        pageUrl: routes(base).planning(),
        notes: scenario.notes,
      },
      inputs,
      projection,
    };
  });
}
