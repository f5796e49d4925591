/**
 * The site's only data access: reads the pipeline's outputs (DATA_DIR, default public/data),
 * validates them with the same schemas the pipeline wrote them with, and indexes them for pages.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FiguresFile, type Figure } from "../schemas/figure.ts";
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

export function loadSite(): SiteData {
  if (cached) return cached;
  const dir = dataDir();
  const registry = parseFile(join(dir, "site", "registry.json"), SiteRegistry);
  const { figures } = parseFile(join(dir, "figures.json"), FiguresFile);
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
