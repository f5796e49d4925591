import * as z from "zod";
import { GEOGRAPHY_LEVELS, MEASURE_ROLES, SOURCE_TYPES, STATUSES, UNITS } from "./vocabulary.ts";

/**
 * One figure as the pipeline assembles it: the source row's 14 columns
 * unchanged, plus the indicator it belongs to, its source's citation and what the checks decided.
 * Each field's description is the data dictionary (datapackage.json and the Data page are generated from it).
 */
export const Figure = z
  .object({
    figure_id: z
      .string()
      .regex(/^[fd]-[0-9a-f]{16}$/)
      .describe("Stable id of the figure: f- for published, d- for derived by this site; a hash of its dataset, measure, period, area, breakdown and source, unchanged between releases."),
    indicator_id: z.string().describe("The indicator the figure belongs to (see the indicator CSV of the same name)."),
    role: z.enum(MEASURE_ROLES).describe("value, or lower_95ci / upper_95ci for the bounds of a published 95% confidence interval."),
    measure_label: z.string().describe("Plain-English label of the measure."),
    dataset_id: z.string().describe("The publication or table the figure belongs to, as transcribed."),
    measure: z.string().describe("What is measured (snake_case), as transcribed."),
    unit: z.enum(UNITS).describe("Unit of value: count, wte (whole-time equivalent), percent, rate_per_100000, rate_per_1000000, days, gbp or gbp_million."),
    period: z.string().describe("The publisher's period label, as transcribed (e.g. 2022, 2022/23, Q1 2025/2026, mid-2022)."),
    geography_level: z.enum(GEOGRAPHY_LEVELS).describe("country, region, health_board, adp, council_area or utla (upper-tier local authority)."),
    area_code: z.string().describe("GSS code of the area (S11 codes or adp- slugs for Alcohol and Drug Partnerships)."),
    area_name: z.string().describe("The area name as published."),
    breakdown_type: z.string().describe("Kind of split (role, sex, sector, ...); total when not split."),
    breakdown_value: z.string().describe("Value of the split as published; all when not split."),
    breakdown_label: z.string().describe("The split's one name on this site (data/reference/breakdown_taxonomy.csv maps each published label of a role to one name); the published value when the taxonomy does not list its type."),
    breakdown_group: z.string().describe("The group of the split in the taxonomy (e.g. Nursing for a nursing role); empty when it has none."),
    value: z.number().nullable().describe("The number exactly as published (or as derived, to 2 decimal places); empty when there is no number, with the reason in status."),
    value_text: z.string().describe("The value as written in the source file, keeping published trailing zeros."),
    status: z.enum(STATUSES).describe("published, suppressed (GSS [c]), not_available (GSS [x], or published only in words) or derived (computed by this site; see formula)."),
    source_id: z.string().describe("Id of the publication in the sources catalogue (for derived figures, the source of the numerator)."),
    source_location: z.string().describe("Where in the publication: page address plus section, table, row and column."),
    notes: z.string().describe("Qualifiers, definitions, breaks in series, revisions and doubts, as transcribed."),
    marker: z.string().describe("GSS shorthand: [c] suppressed, [x] not available, [r] revised; empty otherwise."),
    qualifier: z.string().describe('Words that qualify the number as published, e.g. "more than", "almost"; empty when exact.'),
    area_label: z.string().describe("Official name of the area from the reference table."),
    period_start: z.string().describe("First day of the period (ISO 8601) when the label can be read as dates; empty otherwise."),
    period_end: z.string().describe("Last day of the period (ISO 8601) when the label can be read as dates; empty otherwise."),
    preferred: z.boolean().describe("true for the figure shown on the site; false when another figure with the same key is shown instead (see preferred_figure_id)."),
    preferred_figure_id: z.string().describe("When preferred is false: the figure shown instead."),
    not_preferred_reason: z.string().describe("When preferred is false: why (revised, corroborated, or a bound of an exact figure)."),
    corroborated_by: z.array(z.string()).describe("Other figures that publish the same value for the same key (separated by ; in CSV)."),
    formula: z.string().describe("For derived figures: the formula in words."),
    derived_from: z.array(z.string()).describe("For derived figures: ids of the figures it was computed from (separated by ; in CSV)."),
    source_title: z.string().describe("Title of the publication."),
    source_publisher: z.string().describe("Publisher of the publication."),
    source_published_date: z.string().describe("Publication date as given by the source catalogue."),
    source_url: z.string().describe("Address of the publication."),
    source_licence: z.string().describe("Licence of the publication as recorded in the source catalogue."),
    source_type: z.enum(SOURCE_TYPES).describe("primary (the publisher's own release or file) or secondary (a report or copy of it by someone else)."),
    source_file: z.string().describe("File of this project's data folder the row comes from: sources/<folder>/<file>.csv, or reference/derivations.csv for derived figures."),
    source_line: z.number().int().nonnegative().describe("Line of that file (1 is the header)."),
  })
  .strict();
export type Figure = z.output<typeof Figure>;

/**
 * Columns of figures.csv, the slim figures table of the data package (and of its Parquet copy), in order: what
 * identifies and qualifies each figure, with codes rather than names. The citation of each source is in sources.csv,
 * area names in areas.csv, measure labels in indicator_measures.csv, and the transcriber's notes in notes.csv
 * (note_id), so no text is repeated on every row.
 */
export const FIGURE_TABLE_COLUMNS = [
  "figure_id",
  "indicator_id",
  "dataset_id",
  "measure",
  "role",
  "unit",
  "period",
  "period_start",
  "period_end",
  "geography_level",
  "area_code",
  "area_name",
  "breakdown_type",
  "breakdown_value",
  "breakdown_label",
  "breakdown_group",
  "value",
  "status",
  "marker",
  "qualifier",
  "preferred",
  "preferred_figure_id",
  "not_preferred_reason",
  "corroborated_by",
  "formula",
  "derived_from",
  "source_id",
  "source_location",
  "note_id",
  "source_file",
  "source_line",
] as const satisfies readonly (keyof Figure | "note_id")[];
export type FigureTableColumn = (typeof FIGURE_TABLE_COLUMNS)[number];

/** The description of note_id, the one column of figures.csv that is not a field of Figure. */
export const NOTE_ID_DESCRIPTION =
  "Id of the figure's notes (qualifiers, definitions, breaks in series, revisions and doubts, as transcribed) in notes.csv: n- and 12 hex digits of a hash of the text, the same in every release for the same text; empty when the row has no notes.";

/** Columns of each indicator's CSV, in order. */
export const INDICATOR_CSV_COLUMNS = [
  "figure_id",
  "indicator_id",
  "measure",
  "measure_label",
  "role",
  "geography_level",
  "area_code",
  "area_label",
  "period",
  "period_start",
  "period_end",
  "breakdown_type",
  "breakdown_value",
  "breakdown_label",
  "breakdown_group",
  "value",
  "unit",
  "status",
  "marker",
  "qualifier",
  "preferred",
  "formula",
  "source_id",
  "source_title",
  "source_publisher",
  "source_published_date",
  "source_url",
  "source_location",
  "source_type",
  "notes",
] as const satisfies readonly (keyof Figure)[];
