import type { APIRoute } from "astro";
import { comparisonOf, profilePages, similarTo, type ProfilePage } from "../../../../data/areaProfiles.ts";
import { figuresCsv } from "../../../../lib/views/shown.ts";
import type { Figure } from "../../../../schemas/figure.ts";
import { LEVEL_SLUG } from "../../../../schemas/vocabulary.ts";

export function getStaticPaths() {
  return profilePages()
    .filter((p) => !p.aliasOf && similarTo(p.area).length > 0)
    .map((p) => ({ params: { level: LEVEL_SLUG[p.area.level], code: p.area.code }, props: p }));
}

/** "Download this view": every figure of an area's comparison with the areas most like it. */
export const GET: APIRoute = ({ props }) => {
  const { area } = props as ProfilePage;
  const rows = comparisonOf(area.level, [area.code, ...similarTo(area).map((s) => s.code)]);
  const figures = rows.flatMap((r) => [...r.cells, r.benchmark].filter((f): f is Figure => f !== undefined));
  return new Response(figuresCsv(figures), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
