/**
 * The site's only data access: reads the pipeline's outputs (DATA_DIR, default public/data),
 * validates them with the same schemas the pipeline wrote them with, and indexes them for pages.
 * The figures come from the JSON API's indicator files (api/indicators/<id>.json), the same files researchers
 * download, joined with the citations, area names, measure labels and notes given once in each file.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ApiIndex, ApiIndicatorFile, apiPaths } from "../schemas/api.ts";
import type { Figure } from "../schemas/figure.ts";
import { SiteRegistry } from "../schemas/site.ts";
import { shownIndex } from "../lib/views/profile.ts";
import type { PageContext } from "../lib/views/indicatorPage.ts";

export type Indicator = SiteRegistry["indicators"][number];
export type Source = SiteRegistry["sources"][number];
export type Area = SiteRegistry["areas"][number];

export interface SiteData {
  registry: SiteRegistry;
  figures: Figure[];
  figureById: Map<string, Figure>;
  indicatorById: Map<string, Indicator>;
  sourceById: Map<string, Source>;
  figuresByIndicator: Map<string, Figure[]>;
  /** Shown values of an indicator for one area. */
  shownAt: (indicatorId: string, level: string, code: string) => Figure[];
  /** What page models need besides an indicator's own figures. */
  context: PageContext;
  /** True when the figure comes from a one-off collection (datasets.csv collection = one-off): a snapshot, never repeated. */
  isOneOff: (f: Figure) => boolean;
}

let cached: SiteData | undefined;

/** The pipeline's output folder: DATA_DIR, else <PUBLIC_DIR or public>/data (Astro copies it to dist/data). */
export function dataDir(): string {
  return resolve(process.env.DATA_DIR ?? join(process.env.PUBLIC_DIR ?? "public", "data"));
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`Cannot read ${path}: run "npm run build:data" first (${(e as Error).message})`);
  }
}

/** Parses a data file with its schema, or stops the site build with one message naming the file, field and rule. */
function parseFile<T>(path: string, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): T {
  const r = schema.safeParse(readJson(path));
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new Error(`${path}: field ${issue.path.map(String).join(".") || "(root)"}: ${issue.message} (${r.error.issues.length} problem${r.error.issues.length === 1 ? "" : "s"}); rebuild the data with "npm run build:data"`);
}

/** The figures of one indicator file as Figure records: its figures joined with its sources, areas, measures and notes. */
function figuresOf(file: ApiIndicatorFile, path: string): Figure[] {
  const source = new Map(file.sources.map((s) => [s.source_id, s]));
  const area = new Map(file.areas.map((a) => [`${a.geography_level}|${a.area_code}`, a.area_label]));
  const label = new Map(file.indicator.measures.map((m) => [`${m.dataset_id}|${m.measure}`, m.label]));
  const notes = new Map(file.notes.map((n) => [n.note_id, n.notes]));
  const missing = (what: string, key: string, id: string) => new Error(`${path}: figure ${id} refers to ${what} ${key}, which the file does not list; rebuild the data with "npm run build:data"`);
  return file.figures.map(({ note_id, ...f }) => {
    const s = source.get(f.source_id);
    const areaLabel = area.get(`${f.geography_level}|${f.area_code}`);
    const measureLabel = label.get(`${f.dataset_id}|${f.measure}`);
    const text = note_id === "" ? "" : notes.get(note_id);
    if (!s) throw missing("source", f.source_id, f.figure_id);
    if (areaLabel === undefined) throw missing("area", `${f.geography_level} ${f.area_code}`, f.figure_id);
    if (measureLabel === undefined) throw missing("measure", `${f.dataset_id} ${f.measure}`, f.figure_id);
    if (text === undefined) throw missing("note", note_id, f.figure_id);
    return {
      ...f,
      measure_label: measureLabel,
      area_label: areaLabel,
      notes: text,
      source_title: s.title,
      source_publisher: s.publisher,
      source_published_date: s.published_date,
      source_url: s.url,
      source_licence: s.licence,
      source_type: s.source_type,
    };
  });
}

/**
 * Every figure of a built data folder, validated: the indicator files of the JSON API, in the order of figures.csv
 * (grouped by indicator id, which leads its sort order). Also used by the search index and the tests.
 */
export function readFigures(dir: string): { release_id: string; figures: Figure[] } {
  const index = parseFile(join(dir, apiPaths.index), ApiIndex);
  const ids = index.indicators.map((i) => i.indicator_id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const figures: Figure[] = [];
  for (const id of ids) {
    const path = join(dir, apiPaths.indicator(id));
    for (const f of figuresOf(parseFile(path, ApiIndicatorFile), path)) figures.push(f);
  }
  return { release_id: index.release.id, figures };
}

export function loadSite(): SiteData {
  if (cached) return cached;
  const dir = dataDir();
  const registry = parseFile(join(dir, "site", "registry.json"), SiteRegistry);
  const { figures } = readFigures(dir);
  const figuresByIndicator = new Map<string, Figure[]>();
  for (const f of figures) {
    const list = figuresByIndicator.get(f.indicator_id);
    if (list) list.push(f);
    else figuresByIndicator.set(f.indicator_id, [f]);
  }
  const inArea = new Map<string, Figure[]>();
  for (const f of figures) {
    if (!f.preferred || f.role !== "value") continue;
    const k = `${f.geography_level}|${f.area_code}`;
    const list = inArea.get(k);
    if (list) list.push(f);
    else inArea.set(k, [f]);
  }
  const figureById = new Map(figures.map((f) => [f.figure_id, f]));
  cached = {
    registry,
    figures,
    figureById,
    indicatorById: new Map(registry.indicators.map((i) => [i.id, i])),
    sourceById: new Map(registry.sources.map((s) => [s.source_id, s])),
    figuresByIndicator,
    shownAt: shownIndex(figures),
    isOneOff: ((ids: Set<string>) => (f: Figure) => ids.has(f.dataset_id))(new Set(registry.datasets.filter((d) => d.collection === "one-off").map((d) => d.dataset_id))),
    context: { figureById, groupOrder: registry.breakdown_groups, derivations: registry.derivations, shownInArea: (level, code) => inArea.get(`${level}|${code}`) ?? [] },
  };
  return cached;
}
