/**
 * The static JSON API (api/ in the data folder): an index, one file per indicator and one per area with figures, and
 * the JSON Schemas of the three kinds of file. Shapes and paths are defined in src/schemas/api.ts.
 */
import * as z from "zod";
import { ApiAreaFile, ApiFigure, ApiIndex, ApiIndicatorFile, apiPaths, type ApiNote, type ApiSource } from "../../src/schemas/api.ts";
import type { Figure } from "../../src/schemas/figure.ts";
import type { SiteRegistry } from "../../src/schemas/site.ts";
import { GEOGRAPHY_LEVELS } from "../../src/schemas/vocabulary.ts";
import { compareText } from "../../src/lib/text.ts";
import { groupIndices, type FigureRows } from "./figureRows.ts";
import { noteId } from "./package.ts";

const FIGURE_KEYS = Object.keys(ApiFigure.shape) as (keyof ApiFigure)[];

/** A figure as the API gives it: the columns of figures.csv, typed, with its notes as an id. */
export function apiFigure(f: Figure): ApiFigure {
  const out = {} as Record<string, unknown>;
  for (const k of FIGURE_KEYS) out[k] = k === "note_id" ? (f.notes === "" ? "" : noteId(f.notes)) : f[k];
  return out as ApiFigure;
}

/** Writes text to a file (hashing it on the way); the write stage passes its own. */
export type WriteText = (path: string, write: (out: (chunk: string) => void) => void) => void;

/** Codes become file names: only letters, digits and inner hyphens, so a path can never leave its folder. */
const SAFE = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** Writes the API's files with `write`, and returns their paths (relative to the data folder). */
export function writeJsonApi(rows: FigureRows, registry: SiteRegistry, write: WriteText): string[] {
  const { release: r } = registry;
  const release = { id: r.id, date: r.date, title: r.title, licence: r.licence, licence_url: r.licence_url };
  const sourceById = new Map(registry.sources.map((s) => [s.source_id, s]));
  const areaByKey = new Map(registry.areas.map((a) => [`${a.level}|${a.code}`, a]));
  const levelOrder = (l: string) => (GEOGRAPHY_LEVELS as readonly string[]).indexOf(l);
  const indicatorById = new Map(registry.indicators.map((i) => [i.id, i]));
  const measuresOf = (i: SiteRegistry["indicators"][number]) => i.measures.map((m) => ({ indicator_id: i.id, ...m }));
  const definition = (i: SiteRegistry["indicators"][number]) => ({
    indicator_id: i.id,
    title: i.title,
    short_title: i.short_title,
    description: i.description,
    unit: i.unit,
    precision: i.precision,
    polarity: i.polarity,
    topic: i.topic,
    nation: i.nation,
    comparability: i.comparability,
    caveats: i.caveats,
    measures: measuresOf(i),
  });
  const written: string[] = [];

  /** The sources and notes a set of figures refers to, each once, sorted by id. */
  const lookups = (figs: Figure[]): { sources: ApiSource[]; notes: ApiNote[] } => {
    const sources = [...new Set(figs.map((f) => f.source_id))].sort(compareText).map((id) => {
      const s = sourceById.get(id);
      if (!s) throw new Error(`write: figure cites source ${id}, which is not in the sources catalogue`);
      return { source_id: s.source_id, title: s.title, publisher: s.publisher, published_date: s.published_date, url: s.url, licence: s.licence, source_type: s.source_type };
    });
    const notes = new Map<string, string>();
    for (const f of figs) if (f.notes !== "") notes.set(noteId(f.notes), f.notes);
    return { sources, notes: [...notes].sort((a, b) => compareText(a[0], b[0])).map(([note_id, text]) => ({ note_id, notes: text })) };
  };
  /** `{"key":value,...,"figures":[one figure per line],...}`: the file's parts in the schema's order. */
  const file = (path: string, head: Record<string, unknown>, figs: Figure[], tail: Record<string, unknown>) => {
    write(path, (out) => {
      out(`${JSON.stringify(head).slice(0, -1)},"figures":[`);
      figs.forEach((f, i) => out(`${i === 0 ? "\n" : ",\n"}${JSON.stringify(apiFigure(f))}`));
      out(`\n],${JSON.stringify(tail).slice(1)}\n`);
    });
    written.push(path);
  };
  const byIndicator = groupIndices(rows, (f) => f.indicator_id);
  const byArea = groupIndices(rows, (f) => `${f.geography_level}|${f.area_code}`);
  const figuresAt = (indices: number[] | undefined) => (indices ?? []).map((i) => rows.at(i));

  for (const ind of registry.indicators) {
    if (!SAFE.test(ind.id)) throw new Error(`write: indicator id ${JSON.stringify(ind.id)} cannot be a file name`);
    const figs = figuresAt(byIndicator.get(ind.id));
    const areas = [...new Set(figs.map((f) => `${f.geography_level}|${f.area_code}`))]
      .map((k) => areaByKey.get(k)!)
      .sort((a, b) => levelOrder(a.level) - levelOrder(b.level) || compareText(a.code, b.code))
      .map((a) => ({ geography_level: a.level, area_code: a.code, area_label: a.name }));
    const { sources, notes } = lookups(figs);
    file(apiPaths.indicator(ind.id), { release, indicator: { ...definition(ind), headline_rules: ind.headline_rules } }, figs, { areas, sources, notes });
  }

  const areaIndex: ApiIndex["areas"] = [];
  for (const a of registry.areas) {
    const indices = byArea.get(`${a.level}|${a.code}`);
    if (!indices) continue;
    if (!SAFE.test(a.code)) throw new Error(`write: area code ${JSON.stringify(a.code)} cannot be a file name`);
    const figs = figuresAt(indices);
    const indicators = [...new Set(figs.map((f) => f.indicator_id))].map((id) => definition(indicatorById.get(id)!));
    const { sources, notes } = lookups(figs);
    const path = apiPaths.area(a.level, a.code);
    file(path, { release, area: { geography_level: a.level, area_code: a.code, area_label: a.name, aliases: a.aliases, parent_level: a.parent_level, parent_code: a.parent_code, notes: a.notes }, indicators }, figs, { sources, notes });
    areaIndex.push({ geography_level: a.level, area_code: a.code, area_label: a.name, figure_count: figs.length, path });
  }

  const index: ApiIndex = {
    release,
    files: {
      datapackage: "datapackage.json",
      figures_csv: "figures.csv",
      figures_parquet: "figures.parquet",
      schemas: { index: apiPaths.schema("index"), indicator: apiPaths.schema("indicator"), area: apiPaths.schema("area") },
    },
    indicators: registry.indicators.map((i) => ({
      indicator_id: i.id,
      title: i.title,
      short_title: i.short_title,
      unit: i.unit,
      topic: i.topic,
      nation: i.nation,
      figure_count: byIndicator.get(i.id)?.length ?? 0,
      path: apiPaths.indicator(i.id),
    })),
    areas: areaIndex,
  };
  write(apiPaths.index, (out) => out(`${JSON.stringify(ApiIndex.parse(index), null, 1)}\n`));
  written.push(apiPaths.index);
  for (const [name, schema] of [
    ["index", ApiIndex],
    ["indicator", ApiIndicatorFile],
    ["area", ApiAreaFile],
  ] as const) {
    const path = apiPaths.schema(name);
    write(path, (out) => out(`${JSON.stringify(z.toJSONSchema(schema), null, 1)}\n`));
    written.push(path);
  }
  return written;
}
