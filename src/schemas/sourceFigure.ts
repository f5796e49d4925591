import * as z from "zod";
import { GEOGRAPHY_LEVELS, STATUSES, UNITS } from "./vocabulary.ts";

/** The 14 columns of every figure file in data/sources, in order. */
export const SOURCE_FIGURE_COLUMNS = [
  "dataset_id",
  "measure",
  "unit",
  "period",
  "geography_level",
  "area_code",
  "area_name",
  "breakdown_type",
  "breakdown_value",
  "value",
  "status",
  "source_id",
  "source_location",
  "notes",
] as const;
export type SourceFigureColumn = (typeof SOURCE_FIGURE_COLUMNS)[number];

/**
 * Longest text accepted per kind of field. Generous (the longest real notes are under 1,000 characters) but
 * finite, so a runaway paste or a binary file read as text fails clearly instead of bloating every page.
 */
export const MAX_SHORT = 200;
export const MAX_LOCATION = 1000;
export const MAX_NOTES = 4000;
const longer = (n: number) => `is longer than ${n.toLocaleString("en-GB")} characters`;
const snake = z.string().max(MAX_SHORT, longer(MAX_SHORT)).regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "must be snake_case (a-z, 0-9 and _)");
const required = z.string().min(1, "must not be empty").max(MAX_SHORT, longer(MAX_SHORT));

/**
 * A number as written in a source file: plain decimal notation, optional leading minus,
 * no thousands separators, percent signs, exponents or spaces. "8,8" and "1,234" are errors.
 */
export const NUMBER_PATTERN = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * One row of a figure file: one figure as an official body published it, with where it was published.
 * The row stays text; `value` is converted to a number only after the status rules pass.
 */
export const SourceFigureRow = z
  .object({
    /** The publication or table the figure belongs to (snake_case). */
    dataset_id: snake,
    /** What is measured (snake_case), e.g. vacancy_rate, staff_wte. */
    measure: snake,
    /** Unit of the value; see UNITS. */
    unit: z.enum(UNITS, { error: `is not a known unit (${UNITS.join(", ")})` }),
    /** The publisher's period label, e.g. 2022, 2022/23, Q1 2025/2026, mid-2022. */
    period: required,
    /** country, region, health_board, adp, council_area or utla. */
    geography_level: z.enum(GEOGRAPHY_LEVELS, { error: `is not a known geography level (${GEOGRAPHY_LEVELS.join(", ")})` }),
    /** GSS code, or a project slug such as adp-east-ayrshire for ADPs without a code. */
    area_code: required,
    /** The area name as published. */
    area_name: required,
    /** Kind of split, e.g. role, sex, sector; "total" when not split. */
    breakdown_type: required,
    /** Value of the split, e.g. Nurse; "all" when not split. */
    breakdown_value: required,
    /** The number exactly as published; empty when not a number. */
    value: z.string().max(MAX_SHORT, longer(MAX_SHORT)),
    /** published, suppressed, not_available or derived. */
    status: z.enum(STATUSES, { error: `is not a known status (${STATUSES.join(", ")})` }),
    /** A source_id from the folder's sources.csv. */
    source_id: required,
    /** Where in the publication: page address plus section, table, row and column. */
    source_location: z.string().min(1, "must not be empty").max(MAX_LOCATION, longer(MAX_LOCATION)),
    /** Qualifiers, definitions, breaks, revisions, doubts. */
    notes: z.string().max(MAX_NOTES, longer(MAX_NOTES)),
  })
  .strict();
export type SourceFigureRow = z.output<typeof SourceFigureRow>;

/** The columns of every sources.csv. */
export const SOURCE_COLUMNS = ["source_id", "title", "publisher", "published_date", "url", "licence", "notes"] as const;

/** One publication that figures cite. */
const catalogueText = z.string().min(1, "must not be empty").max(MAX_LOCATION, longer(MAX_LOCATION));

export const SourceRow = z
  .object({
    source_id: z.string().regex(/^[A-Za-z0-9_]+$/, "must be letters, digits and _"),
    title: catalogueText,
    publisher: catalogueText,
    /** As given by the source: an ISO date, a month, or words such as "unknown (2025)". */
    published_date: catalogueText,
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) address" }),
    licence: catalogueText,
    notes: z.string(),
  })
  .strict();
export type SourceRow = z.output<typeof SourceRow>;
