/**
 * The default plan of every place, built once per site build: its base (inputs, choices, need), its scenarios with
 * their projections, and what its downloads say about it. The place pages and their CSV, JSON and XLSX endpoints
 * in src/pages/planning/ all read these.
 */
import type { SiteData } from "../../data/site.ts";
import { LEVEL_SLUG } from "../../schemas/vocabulary.ts";
import { paths, routes } from "../routes.ts";
import type { DocumentScenario, PlanDocumentMeta } from "./export.ts";
import { plan, type Projection } from "./model.ts";
import { planPlaces, type PlanPlace } from "./places.ts";
import { SCENARIO_LETTER, type ScenarioSpec } from "./ids.ts";
import { defaultScenarioSpecs, placeBase, type PlanBase } from "./scenarios.ts";
import { describeInputs, type DescribedInput } from "./view.ts";

export interface DefaultScenario {
  spec: ScenarioSpec;
  letter: string;
  projection: Projection;
  /** The scenario's inputs, labelled as published, worked out, borrowed or assumed. */
  inputs: DescribedInput[];
}

export interface DefaultPlan {
  place: PlanPlace;
  base: PlanBase;
  /** "health-boards/S08000022": the plan's folder under planning/. */
  slug: string;
  scenarios: DefaultScenario[];
  meta: PlanDocumentMeta;
}

/** The title of a place's plan. */
export const planTitle = (name: string, span: string): string => `Workforce plan for ${name}, ${span}`;

/** The folder of a place's plan under planning/ ("health-boards/S08000022"). */
export const planSlug = (p: Pick<PlanPlace, "level" | "code">): string => `${LEVEL_SLUG[p.level]}/${p.code}`;

/** The scenarios of a default plan with their projections. A default the model refuses is a data problem, so the build stops. */
export function runScenarios(base: PlanBase, specs: readonly ScenarioSpec[]): DefaultScenario[] {
  return specs.map((spec) => {
    const result = plan(spec.raw);
    if (!result.ok) throw new Error(`planning: scenario ${spec.id} of the default plan for ${base.place.name} is invalid: ${JSON.stringify(result.errors)}`);
    return { spec, letter: SCENARIO_LETTER[spec.id], projection: result.projection, inputs: describeInputs(result.projection.inputs, base) };
  });
}

export const documentScenarios = (scenarios: readonly DefaultScenario[]): DocumentScenario[] => scenarios.map((s) => ({ letter: s.letter, name: s.spec.name, inputs: s.inputs, projection: s.projection }));

const cache = new WeakMap<SiteData, Map<string, DefaultPlan[]>>();

/** Every place's default plan, in planPlaces order (cached per site and base path). */
export function defaultPlans(site: SiteData, basePath: string): DefaultPlan[] {
  let byBase = cache.get(site);
  if (!byBase) cache.set(site, (byBase = new Map()));
  const hit = byBase.get(basePath);
  if (hit) return hit;
  const places = planPlaces(site);
  const nationOf = (n: PlanPlace["nation"]) => places.find((p) => p.level === "country" && p.nation === n)!;
  const { release } = site.registry;
  const href = routes(basePath);
  const plans = places.map((place): DefaultPlan => {
    const base = placeBase(site, place, nationOf);
    const scenarios = runScenarios(base, defaultScenarioSpecs(base));
    return {
      place,
      base,
      slug: planSlug(place),
      scenarios,
      meta: {
        plan: planSlug(place),
        title: `${planTitle(place.name, base.years.span)}: the default plan`,
        place: { level: place.level, code: place.code, name: place.name },
        siteTitle: release.site_title,
        releaseId: release.id,
        releaseDate: release.date,
        pageUrl: href.planningPlace(place.level, place.code),
        years: base.years.labels,
        start: base.start,
        notes: [...base.missing, ...base.notes],
      },
    };
  });
  byBase.set(basePath, plans);
  return plans;
}

/** The path (without the base) of a place's plan, for links from other pages. */
export const planPath = (p: Pick<PlanPlace, "level" | "code">): string => paths.planningPlace(p.level, p.code);
