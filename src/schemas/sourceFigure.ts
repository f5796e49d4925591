import * as z from "zod";
import { periodProblem } from "../lib/periods.ts";
import { GEOGRAPHY_LEVELS, STATUSES, UNITS } from "./vocabulary.ts";
import { freeText, key, keyProblem, longerThan, MAX_LONG, MAX_MEDIUM, MAX_SHORT, shortKey } from "./text.ts";

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
 * Longest text accepted per kind of field (src/schemas/text.ts: the same limits for every input file). Generous (the
 * longest real notes are under 1,000 characters) but finite, so a runaway paste or a binary file read as text fails
 * clearly instead of bloating every page.
 */
export { MAX_SHORT, MAX_LONG as MAX_NOTES };
export const MAX_LOCATION = MAX_MEDIUM;
const snake = key(z.string().max(MAX_SHORT, longerThan(MAX_SHORT)).regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "must be snake_case (a-z, 0-9 and _)"));
const required = shortKey("required");

/**
 * A number as written in a source file: plain decimal notation, optional leading minus,
 * no thousands separators, percent signs, exponents or spaces. "8,8" and "1,234" are errors.
 */
export const NUMBER_PATTERN = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** A value of a controlled vocabulary (a key: compared in its normal form). */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) => key(z.enum(values, { error: `is not a known ${what} (${values.join(", ")})` }));

/**
 * One row of a figure file: one figure as an official body published it, with where it was published.
 * The row stays text; `value` is converted to a number only after the status rules pass. Every key (all columns but
 * the value, the place in the source and the notes) is compared and kept in its normal form (src/schemas/text.ts:
 * NFC, no spaces at either end); invisible characters are refused in keys and in the value; no text may hold
 * bidirectional controls.
 */
export const SourceFigureRow = z
  .object({
    /** The publication or table the figure belongs to (snake_case). */
    dataset_id: snake,
    /** What is measured (snake_case), e.g. vacancy_rate, staff_wte. */
    measure: snake,
    /** Unit of the value; see UNITS. */
    unit: oneOf(UNITS, "unit"),
    /** The publisher's period label, e.g. 2022, 2022/23, Q1 2025/2026, mid-2022; a date label must give real dates (src/lib/periods.ts). */
    period: key(
      z
        .string()
        .min(1, "must not be empty")
        .max(MAX_SHORT, longerThan(MAX_SHORT))
        .superRefine((p, ctx) => {
          const problem = periodProblem(p);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    ),
    /** country, region, health_board, adp, council_area or utla. */
    geography_level: oneOf(GEOGRAPHY_LEVELS, "geography level"),
    /** GSS code, or a project slug such as adp-east-ayrshire for ADPs without a code. */
    area_code: required,
    /** The area name as published. */
    area_name: required,
    /** Kind of split, e.g. role, sex, sector; "total" when not split. */
    breakdown_type: required,
    /** Value of the split, e.g. Nurse; "all" when not split. */
    breakdown_value: required,
    /** The number exactly as published (never trimmed: " 10" is not a number); empty when not a number. */
    value: z
      .string()
      .max(MAX_SHORT, longerThan(MAX_SHORT))
      .superRefine((s, ctx) => {
        const problem = keyProblem(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    /** published, suppressed, not_available or derived. */
    status: oneOf(STATUSES, "status"),
    /** A source_id from the folder's sources.csv. */
    source_id: required,
    /** Where in the publication: page address plus section, table, row and column. */
    source_location: freeText(MAX_MEDIUM, "required"),
    /** Qualifiers, definitions, breaks, revisions, doubts. */
    notes: freeText(MAX_LONG),
  })
  .strict();
export type SourceFigureRow = z.output<typeof SourceFigureRow>;

/** The columns of every sources.csv. */
export const SOURCE_COLUMNS = ["source_id", "title", "publisher", "published_date", "url", "licence", "notes"] as const;

/** One publication that figures cite (the same text limits as the figures). */
export const SourceRow = z
  .object({
    source_id: key(z.string().max(MAX_SHORT, longerThan(MAX_SHORT)).regex(/^[A-Za-z0-9_]+$/, "must be letters, digits and _")),
    title: freeText(MAX_MEDIUM, "required"),
    publisher: freeText(MAX_MEDIUM, "required"),
    /** As given by the source: an ISO date, a month, or words such as "unknown (2025)". */
    published_date: freeText(MAX_MEDIUM, "required"),
    url: key(z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).max(MAX_MEDIUM, longerThan(MAX_MEDIUM))),
    licence: freeText(MAX_MEDIUM, "required"),
    notes: freeText(MAX_LONG),
  })
  .strict();
export type SourceRow = z.output<typeof SourceRow>;
