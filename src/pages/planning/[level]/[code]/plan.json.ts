/** Each place's default plan as a JSON download (planning/<level>/<code>/plan.json), built at build time. */
import type { APIRoute, GetStaticPaths } from "astro";
import { loadSite } from "../../../../data/site.ts";
import { toJson } from "../../../../lib/planning/export.ts";
import { defaultPlans, documentScenarios, type DefaultPlan } from "../../../../lib/planning/downloads.ts";
import { LEVEL_SLUG } from "../../../../schemas/vocabulary.ts";

export const getStaticPaths = (() =>
  defaultPlans(loadSite(), import.meta.env.BASE_URL)
    .filter((p) => p.scenarios.length > 0)
    .map((p) => ({ params: { level: LEVEL_SLUG[p.place.level], code: p.place.code }, props: { plan: p } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { meta, scenarios, base } = (props as { plan: DefaultPlan }).plan;
  return new Response(toJson(meta, documentScenarios(scenarios), base.need), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
