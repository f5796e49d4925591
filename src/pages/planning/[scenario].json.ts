/** The default planning scenarios as JSON downloads (planning/england.json, planning/scotland.json), built at build time. */
import type { APIRoute, GetStaticPaths } from "astro";
import { loadSite } from "../../data/site.ts";
import { toJson } from "../../lib/planning/export.ts";
import { defaultDownloads, type DefaultDownload } from "../../lib/planning/downloads.ts";

export const getStaticPaths = (() => defaultDownloads(loadSite(), import.meta.env.BASE_URL).map((d) => ({ params: { scenario: d.meta.scenario }, props: { download: d } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { meta, inputs, projection } = (props as { download: DefaultDownload }).download;
  return new Response(toJson(meta, inputs, projection), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
