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
import type { FigureRows } from "./figureRows.ts";
import { noteId } from "./package.ts";

const FIGURE_KEYS = Object.keys(ApiFigure.shape) as (keyof ApiFigure)[];

/** A figure as the API gives it: the columns of figures.csv, typed, with its notes as an id. */
export function apiFigure(f: Figure): ApiFigure {
  const out = {} as Record<string, unknown>;
  for (const k of FIGURE_KEYS) out[k] = k === "note_id" ? (f.notes === "" ? "" : noteId(f.notes)) : f[k];
  return out as ApiFigure;
}

/** An open output file; the write stage hashes it as it goes. */
export interface OpenFile {
  write(chunk: string): void;
  close(): void;
}
export type OpenText = (path: string) => OpenFile;
/** Writes a whole text file. */
export type WriteText = (path: string, write: (out: (chunk: string) => void) => void) => void;

/** Codes become file names: only letters, digits and inner hyphens, so a path can never leave its folder. */
const SAFE = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** What one file of the API refers to, gathered before it is written: its sources, notes, areas or indicators. */
interface Refs {
  count: number;
  sources: Set<string>;
  notes: Map<string, string>;
  /** Areas (level|code) of an indicator file; indicators of an area file, in order of first appearance. */
  keys: Set<string>;
}
const refs = (): Refs => ({ count: 0, sources: new Set(), notes: new Map(), keys: new Set() });

/**
 * Writes the API's files and returns their paths (relative to the data folder). Each figure is turned into JSON once
 * and written to its indicator's file and its area's file in one pass, every file open at once, so no file's figures
 * are held in memory.
 */
export function writeJsonApi(rows: FigureRows, registry: SiteRegistry, open: OpenText, write: WriteText): string[] {
  const { release: r } = registry;
  const release = { id: r.id, date: r.date, title: r.title, licence: r.licence, licence_url: r.licence_url };
  const sourceById = new Map(registry.sources.map((s) => [s.source_id, s]));
  const areaByKey = new Map(registry.areas.map((a) => [`${a.level}|${a.code}`, a]));
  const levelOrder = (l: string) => (GEOGRAPHY_LEVELS as readonly string[]).indexOf(l);
  const indicatorById = new Map(registry.indicators.map((i) => [i.id, i]));
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
    measures: i.measures.map((m) => ({ indicator_id: i.id, ...m })),
  });
  const sourcesOf = (ids: Set<string>): ApiSource[] =>
    [...ids].sort(compareText).map((id) => {
      const s = sourceById.get(id);
      if (!s) throw new Error(`write: a figure cites source ${id}, which is not in the sources catalogue`);
      return { source_id: s.source_id, title: s.title, publisher: s.publisher, published_date: s.published_date, url: s.url, licence: s.licence, source_type: s.source_type };
    });
  const notesOf = (notes: Map<string, string>): ApiNote[] => [...notes].sort((a, b) => compareText(a[0], b[0])).map(([note_id, text]) => ({ note_id, notes: text }));

  // Pass 1: what each file refers to (codes and ids only).
  const byIndicator = new Map(registry.indicators.map((i) => [i.id, refs()]));
  const byArea = new Map<string, Refs>();
  for (let i = 0; i < rows.length; i++) {
    const f = rows.at(i);
    const area = `${f.geography_level}|${f.area_code}`;
    const ind = byIndicator.get(f.indicator_id);
    if (!ind) throw new Error(`write: figure ${f.figure_id} belongs to indicator ${f.indicator_id}, which is not in the registry`);
    if (!areaByKey.has(area)) throw new Error(`write: figure ${f.figure_id} is for ${f.geography_level} ${f.area_code}, which is not in areas.csv`);
    const at = byArea.get(area) ?? byArea.set(area, refs()).get(area)!;
    for (const [x, key] of [
      [ind, area],
      [at, f.indicator_id],
    ] as const) {
      x.count++;
      x.sources.add(f.source_id);
      if (f.notes !== "") x.notes.set(noteId(f.notes), f.notes);
      x.keys.add(key);
    }
  }

  // Open every file and write everything before the figures.
  const files = new Map<string, { file: OpenFile; first: boolean; tail: Record<string, unknown> }>();
  const start = (key: string, path: string, head: Record<string, unknown>, tail: Record<string, unknown>) => {
    const file = open(path);
    file.write(`${JSON.stringify(head).slice(0, -1)},"figures":[`);
    files.set(key, { file, first: true, tail });
  };
  for (const ind of registry.indicators) {
    if (!SAFE.test(ind.id)) throw new Error(`write: indicator id ${JSON.stringify(ind.id)} cannot be a file name`);
    const x = byIndicator.get(ind.id)!;
    const areas = [...x.keys]
      .map((k) => areaByKey.get(k)!)
      .sort((a, b) => levelOrder(a.level) - levelOrder(b.level) || compareText(a.code, b.code))
      .map((a) => ({ geography_level: a.level, area_code: a.code, area_label: a.name }));
    start(`i|${ind.id}`, apiPaths.indicator(ind.id), { release, indicator: { ...definition(ind), headline_rules: ind.headline_rules } }, { areas, sources: sourcesOf(x.sources), notes: notesOf(x.notes) });
  }
  const areaIndex: ApiIndex["areas"] = [];
  for (const a of registry.areas) {
    const x = byArea.get(`${a.level}|${a.code}`);
    if (!x) continue;
    if (!SAFE.test(a.code)) throw new Error(`write: area code ${JSON.stringify(a.code)} cannot be a file name`);
    const path = apiPaths.area(a.level, a.code);
    const area = { geography_level: a.level, area_code: a.code, area_label: a.name, aliases: a.aliases, parent_level: a.parent_level, parent_code: a.parent_code, notes: a.notes };
    start(`a|${a.level}|${a.code}`, path, { release, area, indicators: [...x.keys].map((id) => definition(indicatorById.get(id)!)) }, { sources: sourcesOf(x.sources), notes: notesOf(x.notes) });
    areaIndex.push({ geography_level: a.level, area_code: a.code, area_label: a.name, figure_count: x.count, path });
  }

  // Pass 2: each figure as JSON once, one per line, into its indicator's file and its area's file, in row order.
  for (let i = 0; i < rows.length; i++) {
    const f = rows.at(i);
    const line = JSON.stringify(apiFigure(f));
    for (const key of [`i|${f.indicator_id}`, `a|${f.geography_level}|${f.area_code}`]) {
      const o = files.get(key)!;
      o.file.write(o.first ? `\n${line}` : `,\n${line}`);
      o.first = false;
    }
  }
  for (const o of files.values()) {
    o.file.write(`${o.first ? "" : "\n"}],${JSON.stringify(o.tail).slice(1)}\n`);
    o.file.close();
  }
  const written = [...registry.indicators.map((i) => apiPaths.indicator(i.id)), ...areaIndex.map((a) => a.path)];

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
      figure_count: byIndicator.get(i.id)!.count,
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
