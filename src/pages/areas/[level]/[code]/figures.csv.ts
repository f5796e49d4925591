import type { APIRoute } from "astro";
import { profileFigures, profileOf, profilePages, type ProfilePage } from "../../../../data/areaProfiles.ts";
import { figuresCsv } from "../../../../lib/views/shown.ts";
import { LEVEL_SLUG } from "../../../../schemas/vocabulary.ts";

export function getStaticPaths() {
  return profilePages()
    .filter((p) => !p.aliasOf)
    .map((p) => ({ params: { level: LEVEL_SLUG[p.area.level], code: p.area.code }, props: p }));
}

/** "Download this view": the figures an area profile shows, in the columns of the indicator downloads. */
export const GET: APIRoute = ({ props }) => {
  const figures = profileFigures(profileOf(props as ProfilePage));
  const unique = [...new Map(figures.map((f) => [f.figure_id, f])).values()];
  return new Response(figuresCsv(unique), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
