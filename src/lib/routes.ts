/**
 * Every address on the site, in one place. Page paths end in "/" (the site is built with trailingSlash "always");
 * file paths do not. `paths` gives addresses relative to the site root; `routes(base)` prefixes the base path
 * (BASE_PATH, so the site can live in a subfolder); `absoluteUrl` adds the site's address for citations.
 */
import { LEVEL_SLUG } from "../schemas/vocabulary.ts";

/** The part of a figure its address needs. */
export interface FigureRef {
  figure_id: string;
  indicator_id: string;
  geography_level: string;
  area_code: string;
}

const slug = (level: string): string => {
  const s = LEVEL_SLUG[level as keyof typeof LEVEL_SLUG];
  if (!s) throw new Error(`routes: unknown geography level "${level}"`);
  return s;
};

/** A period label as an address segment: "Q1 2025/2026" → "q1-2025-2026", "2022/23" → "2022-23". */
export function periodSlug(period: string): string {
  const s = period.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (s === "") throw new Error(`routes: period "${period}" has no letters or digits for an address`);
  return s;
}

/** Addresses relative to the site root, without a leading slash. */
export const paths = {
  home: () => "",
  indicators: () => "indicators/",
  indicator: (id: string) => `indicators/${id}/`,
  /** Every figure of an indicator for one area. */
  indicatorArea: (id: string, level: string, code: string) => `indicators/${id}/${slug(level)}/${code}/`,
  /** The permalink of one figure: its row on the indicator's page for its area. */
  figure: (f: FigureRef) => `indicators/${f.indicator_id}/${slug(f.geography_level)}/${f.area_code}/#${f.figure_id}`,
  figuresShownCsv: (id: string) => `indicators/${id}/figures-shown.csv`,
  areas: () => "areas/",
  /** Every area with a profile, by level and initial letter (the search's no-JavaScript alternative). */
  areasAz: () => "areas-a-z/",
  /** Every indicator by initial letter. */
  indicatorsAz: () => "indicators-a-z/",
  area: (level: string, code: string) => `areas/${slug(level)}/${code}/`,
  /** The figures an area profile shows, as CSV ("Download this view"). */
  areaCsv: (level: string, code: string) => `areas/${slug(level)}/${code}/figures.csv`,
  /** An area beside the areas most like it (a comparison page built for every profile with similar areas). */
  areaSimilar: (level: string, code: string) => `areas/${slug(level)}/${code}/similar/`,
  areaSimilarCsv: (level: string, code: string) => `areas/${slug(level)}/${code}/similar.csv`,
  /** Choose areas to compare (with JavaScript; the choice is kept in the address). */
  compareAreas: () => "compare-areas/",
  /** The figures the comparison tool reads for one level. */
  compareAreasData: (level: string) => `compare-areas/${slug(level)}.json`,
  maps: () => "maps/",
  mapsAt: (level: string) => `maps/${slug(level)}/`,
  map: (level: string, indicatorId: string) => `maps/${slug(level)}/${indicatorId}/`,
  /** The map of one period (every period a map can show has its own page). */
  mapPeriod: (level: string, indicatorId: string, period: string) => `maps/${slug(level)}/${indicatorId}/${periodSlug(period)}/`,
  serviceProvision: () => "service-provision/",
  /** One section of the service provision page (its charts and tables), e.g. "service-provision/waiting-times/". */
  serviceSection: (sectionId: string) => `service-provision/${sectionId}/`,
  compare: () => "compare/",
  /** The workforce set beside need (people in treatment and assessed), with ratios only where they are meaningful. */
  workforceNeed: () => "workforce-and-need/",
  planning: () => "planning/",
  /** The workforce plan for one place (its default plan without JavaScript; the planner with it). */
  planningPlace: (level: string, code: string) => `planning/${slug(level)}/${code}/`,
  /** A place's default plan as a download. */
  planningPlaceDownload: (level: string, code: string, ext: "csv" | "json" | "xlsx") => `planning/${slug(level)}/${code}/plan.${ext}`,
  /** A plan for the reader's own service: every input theirs. */
  planningOwn: () => "planning/own/",
  data: () => "data/",
  dataDictionary: () => "data/dictionary/",
  about: () => "about/",
  /** A file of the open data folder (dist/data/). */
  dataFile: (path: string) => `data/${path.replace(/^\/+/, "")}`,
  indicatorCsv: (id: string) => `data/indicators/${id}.csv`,
  /** The indicator's XLSX workbook (cover, contents, notes, then one table per sheet). */
  indicatorXlsx: (id: string) => `data/indicators/${id}.xlsx`,
  asset: (path: string) => path.replace(/^\/+/, ""),
  /** A chart's or map's download beside its page: chartFile("indicators/x/", "trend", "png") → "indicators/x/trend.png". */
  chartFile: (pagePath: string, chartId: string, ext: "svg" | "png") => `${pagePath.replace(/^\/+/, "")}${chartId}.${ext}`,
  /** The embed page of a chart or map of an indicator page ("trend", "bars-0", "map"). */
  embedIndicatorChart: (id: string, chartId: string) => `embed/indicators/${id}/${chartId}/`,
  /** The embed page of a map page. */
  embedMap: (level: string, indicatorId: string) => `embed/maps/${slug(level)}/${indicatorId}/`,
} as const;

/** A root-relative path with the base path in front: withBase("/dash/", "maps/") → "/dash/maps/". */
export function withBase(base: string, path: string): string {
  const b = base.endsWith("/") ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, "")}`;
}

type Paths = typeof paths;
export type Routes = { [K in keyof Paths]: (...args: Parameters<Paths[K]>) => string };

/** The same builders as `paths`, each returning an href under the given base path. */
export function routes(base: string): Routes {
  const out = {} as Record<string, (...args: never[]) => string>;
  for (const [name, build] of Object.entries(paths)) out[name] = (...args: never[]) => withBase(base, (build as (...a: never[]) => string)(...args));
  return out as Routes;
}

/**
 * The absolute address of a path for citations: the site's address (SITE_URL) with the base path and the path.
 * Returns undefined when the site's address is not known, so callers can say so instead of printing a relative link.
 */
export function absoluteUrl(site: string | URL | undefined, base: string, path: string): string | undefined {
  if (site === undefined || String(site) === "") return undefined;
  const origin = new URL(String(site));
  return new URL(withBase(base, path), origin.origin).href;
}
