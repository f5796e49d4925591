import type { APIRoute } from "astro";
import { loadSite } from "../../../data/site.ts";
import { indicatorPage } from "../../../lib/views/indicatorPage.ts";
import { figuresCsv, figuresShown } from "../../../lib/views/shown.ts";

export function getStaticPaths() {
  return loadSite().registry.indicators.map((i) => ({ params: { id: i.id } }));
}

/** The figures the indicator page shows, as CSV, so a reader can download exactly what they see. */
export const GET: APIRoute = ({ params }) => {
  const site = loadSite();
  const ind = site.indicatorById.get(params.id!)!;
  const figures = site.figuresByIndicator.get(ind.id) ?? [];
  return new Response(figuresCsv(figuresShown(indicatorPage(ind, figures, site.context), figures)), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
