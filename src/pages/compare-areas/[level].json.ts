import type { APIRoute } from "astro";
import { loadSite } from "../../data/site.ts";
import { benchmarkCode, profilePages } from "../../data/areaProfiles.ts";
import { compareData } from "../../lib/views/compareData.ts";
import { LEVEL_SLUG, type GeographyLevel } from "../../schemas/vocabulary.ts";

/** One file per level with area profiles (except countries): what the comparison tool needs to compare its areas. */
export function getStaticPaths() {
  const levels = [...new Set(profilePages().filter((p) => !p.aliasOf && p.area.level !== "country").map((p) => p.area.level))];
  return levels.map((level) => ({ params: { level: LEVEL_SLUG[level] }, props: { level } }));
}

export const GET: APIRoute = ({ props }) => {
  const level = (props as { level: GeographyLevel }).level;
  const site = loadSite();
  const areas = profilePages()
    .filter((p) => !p.aliasOf && p.area.level === level)
    .map((p) => ({ code: p.area.code, name: p.area.name }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const code = benchmarkCode(level);
  const nation = code ? { code, name: site.registry.areas.find((a) => a.level === "country" && a.code === code)?.name ?? code } : undefined;
  return new Response(JSON.stringify(compareData(level, areas, nation, site.registry.indicators, site.shownAt)), { headers: { "Content-Type": "application/json" } });
};
