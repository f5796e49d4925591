/** Each place's default plan as an XLSX workbook (planning/<level>/<code>/plan.xlsx), built at build time. */
import type { APIRoute, GetStaticPaths } from "astro";
import { loadSite } from "../../../../data/site.ts";
import { defaultPlans, documentScenarios, type DefaultPlan } from "../../../../lib/planning/downloads.ts";
import { planWorkbook } from "../../../../lib/planning/workbook.ts";
import { workbookFile } from "../../../../lib/planning/xlsx.ts";
import { LEVEL_SLUG } from "../../../../schemas/vocabulary.ts";

export const getStaticPaths = (() =>
  defaultPlans(loadSite(), import.meta.env.BASE_URL)
    .filter((p) => p.scenarios.length > 0)
    .map((p) => ({ params: { level: LEVEL_SLUG[p.place.level], code: p.place.code }, props: { plan: p } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { meta, scenarios, base } = (props as { plan: DefaultPlan }).plan;
  const { registry } = loadSite();
  const { sheets, props: wbProps } = planWorkbook({ meta, scenarios: documentScenarios(scenarios), need: base.need, sources: registry.sources, release: registry.release });
  const bytes = workbookFile(sheets, wbProps);
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
};
