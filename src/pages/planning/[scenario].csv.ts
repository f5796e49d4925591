/** The default planning scenarios as CSV downloads (planning/england.csv, planning/scotland.csv), built at build time. */
import type { APIRoute, GetStaticPaths } from "astro";
import { loadSite } from "../../data/site.ts";
import { toCsv } from "../../lib/planning/export.ts";
import { defaultDownloads, type DefaultDownload } from "../../lib/planning/downloads.ts";

export const getStaticPaths = (() => defaultDownloads(loadSite(), import.meta.env.BASE_URL).map((d) => ({ params: { scenario: d.meta.scenario }, props: { download: d } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { meta, inputs, projection } = (props as { download: DefaultDownload }).download;
  return new Response(toCsv(meta, inputs, projection), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
