/**
 * The static JSON API (dist/data/api/): an index, one file per indicator and one per area, each at a stable path.
 * These zod schemas are the contract: the pipeline writes the files from them, the site reads them back through them,
 * and api/schema/*.schema.json (JSON Schema, generated from them) documents them for anyone else.
 *
 *   api/index.json                          the release, every indicator and every area with figures, and their paths
 *   api/indicators/<indicator_id>.json      one indicator: its definition and every figure, with the areas, sources and notes they refer to
 *   api/areas/<geography_level>/<area_code>.json   one area: every figure for it, with the indicators, sources and notes they refer to
 *
 * A figure has the columns of figures.csv (the figures table of the data package), typed: value is a number or null,
 * value_text the value as published (keeping trailing zeros), preferred a boolean, corroborated_by and derived_from
 * lists of figure ids, source_line an integer. Names, citations and notes are given once per file, in the lists
 * beside the figures, and joined on their codes and ids.
 */
import * as z from "zod";
import { Figure } from "./figure.ts";
import { GEOGRAPHY_LEVELS, HEADLINE_KINDS, MEASURE_ROLES, NATIONS, POLARITIES, SOURCE_TYPES, TOPICS, UNITS } from "./vocabulary.ts";

const F = Figure.shape;

export const ApiFigure = z
  .object({
    figure_id: F.figure_id,
    indicator_id: F.indicator_id,
    dataset_id: F.dataset_id,
    measure: F.measure,
    role: F.role,
    unit: F.unit,
    period: F.period,
    period_start: F.period_start,
    period_end: F.period_end,
    geography_level: F.geography_level,
    area_code: F.area_code,
    area_name: F.area_name,
    breakdown_type: F.breakdown_type,
    breakdown_value: F.breakdown_value,
    breakdown_label: F.breakdown_label,
    breakdown_group: F.breakdown_group,
    value: F.value,
    value_text: F.value_text,
    status: F.status,
    marker: F.marker,
    qualifier: F.qualifier,
    preferred: F.preferred,
    preferred_figure_id: F.preferred_figure_id,
    not_preferred_reason: F.not_preferred_reason,
    corroborated_by: F.corroborated_by,
    formula: F.formula,
    derived_from: F.derived_from,
    source_id: F.source_id,
    source_location: F.source_location,
    note_id: z.string().describe("Id of the figure's notes in this file's notes list; empty when it has none."),
    source_file: F.source_file,
    source_line: F.source_line,
  })
  .strict()
  .describe("One figure: the columns of figures.csv, typed.");
export type ApiFigure = z.output<typeof ApiFigure>;

export const ApiRelease = z
  .object({ id: z.string().describe("Id of the data release, e.g. 2026-12."), date: z.iso.date().describe("Date of the release."), title: z.string(), licence: z.string(), licence_url: z.string() })
  .strict();

export const ApiSource = z
  .object({
    source_id: z.string(),
    title: z.string(),
    publisher: z.string(),
    published_date: z.string().describe("As the catalogue gives it."),
    url: z.string().describe("Empty when the publication has no address."),
    licence: z.string(),
    source_type: z.enum(SOURCE_TYPES).describe("primary: the publisher's own release; secondary: a report or copy of it."),
  })
  .strict()
  .describe("A publication the figures of this file cite (sources.csv).");
export type ApiSource = z.output<typeof ApiSource>;

export const ApiNote = z.object({ note_id: z.string(), notes: z.string().describe("As transcribed: qualifiers, definitions, breaks in series, revisions, doubts.") }).strict();
export type ApiNote = z.output<typeof ApiNote>;

export const ApiAreaName = z
  .object({ geography_level: z.enum(GEOGRAPHY_LEVELS), area_code: z.string(), area_label: z.string().describe("Official name of the area.") })
  .strict()
  .describe("An area the figures of this file are for (areas.csv).");

export const ApiMeasure = z
  .object({ indicator_id: z.string(), dataset_id: z.string(), measure: z.string(), role: z.enum(MEASURE_ROLES), label: z.string().describe("Plain-English label of the measure.") })
  .strict()
  .describe("A dataset measure an indicator draws on (indicator_measures.csv).");
export type ApiMeasure = z.output<typeof ApiMeasure>;

const indicatorFields = {
  indicator_id: z.string(),
  title: z.string(),
  short_title: z.string(),
  description: z.string(),
  unit: z.enum(UNITS),
  precision: z.number().int().describe("Decimal places the pages show."),
  polarity: z.enum(POLARITIES),
  topic: z.enum(TOPICS),
  nation: z.enum(NATIONS),
  comparability: z.string(),
  caveats: z.string(),
};

export const ApiHeadlineRule = z
  .object({
    series: z.number().int(),
    kind: z.enum(HEADLINE_KINDS),
    measure: z.string(),
    breakdown_type: z.string(),
    breakdown_value: z.string(),
    upper_measure: z.string(),
    upper_breakdown_type: z.string(),
    upper_breakdown_value: z.string(),
    label: z.string(),
    break_reason: z.string(),
  })
  .strict()
  .describe("Which figure a reader should see first, and the series of the trend (headline_rules.csv).");

export const ApiIndicatorFile = z
  .object({
    release: ApiRelease,
    indicator: z.object({ ...indicatorFields, measures: z.array(ApiMeasure), headline_rules: z.array(ApiHeadlineRule) }).strict(),
    figures: z.array(ApiFigure).describe("Every figure of the indicator, shown (preferred) and set aside, in the order of figures.csv."),
    areas: z.array(ApiAreaName),
    sources: z.array(ApiSource),
    notes: z.array(ApiNote),
  })
  .strict()
  .describe("api/indicators/<indicator_id>.json: one indicator and every figure of it.");
export type ApiIndicatorFile = z.output<typeof ApiIndicatorFile>;

export const ApiAreaFile = z
  .object({
    release: ApiRelease,
    area: z
      .object({
        geography_level: z.enum(GEOGRAPHY_LEVELS),
        area_code: z.string(),
        area_label: z.string(),
        aliases: z.array(z.string()).describe("Other names publications use for it."),
        parent_level: z.union([z.enum(GEOGRAPHY_LEVELS), z.literal("")]),
        parent_code: z.string(),
        notes: z.string(),
      })
      .strict(),
    indicators: z.array(z.object({ ...indicatorFields, measures: z.array(ApiMeasure) }).strict()).describe("The indicators the figures belong to."),
    figures: z.array(ApiFigure).describe("Every figure for the area, shown (preferred) and set aside, in the order of figures.csv."),
    sources: z.array(ApiSource),
    notes: z.array(ApiNote),
  })
  .strict()
  .describe("api/areas/<geography_level>/<area_code>.json: every figure for one area.");
export type ApiAreaFile = z.output<typeof ApiAreaFile>;

export const ApiIndex = z
  .object({
    release: ApiRelease,
    files: z
      .object({
        datapackage: z.string(),
        figures_csv: z.string(),
        figures_parquet: z.string(),
        schemas: z.object({ index: z.string(), indicator: z.string(), area: z.string() }).strict(),
      })
      .strict()
      .describe("Paths, relative to the data folder, of the data package, the figures table and the JSON Schemas of these files."),
    indicators: z.array(
      z
        .object({ indicator_id: z.string(), title: z.string(), short_title: z.string(), unit: z.enum(UNITS), topic: z.enum(TOPICS), nation: z.enum(NATIONS), figure_count: z.number().int(), path: z.string() })
        .strict(),
    ),
    areas: z.array(z.object({ geography_level: z.enum(GEOGRAPHY_LEVELS), area_code: z.string(), area_label: z.string(), figure_count: z.number().int(), path: z.string() }).strict()),
  })
  .strict()
  .describe("api/index.json: the release, and every indicator and area with the path of its file (relative to the data folder).");
export type ApiIndex = z.output<typeof ApiIndex>;

/** Paths of the API's files, relative to the data folder: stable between releases. */
export const apiPaths = {
  index: "api/index.json",
  indicator: (id: string) => `api/indicators/${id}.json`,
  area: (level: string, code: string) => `api/areas/${level}/${code}.json`,
  schema: (name: "index" | "indicator" | "area") => `api/schema/${name}.schema.json`,
} as const;
