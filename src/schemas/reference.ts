import * as z from "zod";
import {
  DERIVATION_KINDS,
  HEADLINE_KINDS,
  GEOGRAPHY_LEVELS,
  MEASURE_ROLES,
  NATIONS,
  PERIOD_KINDS,
  POLARITIES,
  SOURCE_TYPES,
  TOPICS,
  UNITS,
} from "./vocabulary.ts";
import { periodProblem } from "../lib/periods.ts";
import { freeText, key, longerThan, MAX_LONG, MAX_MEDIUM, MAX_SHORT, shortKey } from "./text.ts";

/*
 * Every text here follows the rules of src/schemas/text.ts, with the same limits as the figures: keys (ids, codes,
 * names matched against the sources) refuse invisible characters and are compared in their normal form; every other
 * text refuses bidirectional controls; codes and short labels are at most 200 characters, titles and lists 1,000,
 * descriptions and reasons 4,000. Numbers are whole numbers as written (an empty cell is not 0).
 */
const required = shortKey("required");
const optional = shortKey("optional");
const snake = key(z.string().max(MAX_SHORT, longerThan(MAX_SHORT)).regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "must be snake_case"));
const slug = key(z.string().max(MAX_SHORT, longerThan(MAX_SHORT)).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug (a-z, 0-9 and -)"));
const orEmpty = <T extends z.ZodType<unknown, string>>(inner: T) => key(z.union([inner, z.literal("")]));
const title = freeText(MAX_MEDIUM, "required");
const description = freeText(MAX_LONG, "required");
const reasonText = freeText(MAX_LONG);
/** A whole number as written, e.g. an order on a page; an empty cell is refused, never read as 0. */
const wholeNumber = key(z.string().regex(/^-?\d+$/, "must be a whole number (e.g. 1, 2, 3)")).transform(Number);
const semicolonList = key(z.string().max(MAX_MEDIUM, longerThan(MAX_MEDIUM))).transform((s) => (s.trim() === "" ? [] : s.split(";").map((x) => x.trim())));
/** An enum (a key: compared in its normal form). */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => key(z.enum(values));

/** data/reference/areas.csv: every area code the sources may use, with its name and parent. */
export const AreaRow = z
  .object({
    level: oneOf(GEOGRAPHY_LEVELS),
    code: required,
    /** Official name, used on pages. */
    name: required,
    /** Other published spellings, separated by ";" (names are also compared ignoring case, "&", "NHS " and " ADP"). */
    aliases: semicolonList,
    parent_level: orEmpty(oneOf(GEOGRAPHY_LEVELS)),
    parent_code: optional,
    notes: reasonText,
  })
  .strict();
export type AreaRow = z.output<typeof AreaRow>;

/** data/reference/adp_council_areas.csv: which council areas make up each ADP (both conventions). */
export const AdpCouncilAreaRow = z.object({ adp_code: required, council_area_code: required }).strict();
export type AdpCouncilAreaRow = z.output<typeof AdpCouncilAreaRow>;

/** data/reference/indicators.csv: the indicator registry. Pages are generated from it. */
export const IndicatorRow = z
  .object({
    /** Permanent id; also the page address and the download file name. */
    id: slug,
    title,
    short_title: required,
    /** Plain-English description of what the indicator measures. */
    description,
    unit: oneOf(UNITS),
    /** Maximum decimal places shown (the published precision). */
    precision: key(z.string().regex(/^[0-4]$/, "must be a whole number from 0 to 4 (the decimal places shown); it may not be empty")).transform(Number),
    polarity: oneOf(POLARITIES),
    topic: oneOf(TOPICS),
    nation: oneOf(NATIONS),
    /** How far the figures can be compared over time, between areas and between nations. */
    comparability: description,
    /** What a reader must know before using the figures. */
    caveats: description,
  })
  .strict();
export type IndicatorRow = z.output<typeof IndicatorRow>;

/** data/reference/indicator_measures.csv: which dataset measures each indicator draws on. */
export const IndicatorMeasureRow = z
  .object({
    indicator_id: slug,
    dataset_id: snake,
    measure: snake,
    /** value, or the lower/upper bound of a 95% confidence interval for the indicator's values. */
    role: oneOf(MEASURE_ROLES),
    /** Plain-English label for this measure, shown in tables. */
    label: title,
    /**
     * The kind of period this row takes (a kind from src/lib/periods.ts, e.g. year or years), when one dataset publishes
     * the same measure for single years and for multi-year windows that belong to different indicators; empty for every period.
     */
    periods: orEmpty(oneOf(PERIOD_KINDS)),
  })
  .strict();
export type IndicatorMeasureRow = z.output<typeof IndicatorMeasureRow>;

/**
 * data/reference/breakdown_taxonomy.csv: one name per role (or other category). Publications label the same role in
 * different ways ("Band 5 nurses", "Nursing: Nurses - Band 5"); each published label maps to one canonical label and
 * group. Figures are matched (duplicates, conflicts, derivations) by the canonical label; every published value of a
 * breakdown type listed here must be mapped.
 */
export const BreakdownTaxonomyRow = z
  .object({
    breakdown_type: required,
    /** The label exactly as in the source files. */
    published_value: required,
    /** The one name the site uses for it. */
    canonical_value: required,
    /** The group it belongs to (e.g. Nursing); groups are shown in the order they first appear in this file. */
    group: optional,
  })
  .strict();
export type BreakdownTaxonomyRow = z.output<typeof BreakdownTaxonomyRow>;

/**
 * data/reference/figure_conflicts.csv: figures that share a key but disagree, where the sources' notes do not say which
 * is right, and the project has decided with a reason. The key's breakdown is the canonical label (taxonomy).
 */
export const FigureConflictRow = z
  .object({
    dataset_id: snake,
    measure: snake,
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
    geography_level: oneOf(GEOGRAPHY_LEVELS),
    area_code: required,
    breakdown_type: required,
    breakdown_value: required,
    /** Which figure is shown: the published one, or the one derived by this site from other published figures. */
    show: oneOf(["published", "derived"]),
    /** Why, in words a reader can follow; printed beside the figure. */
    reason: description,
  })
  .strict();
export type FigureConflictRow = z.output<typeof FigureConflictRow>;

/** data/reference/service_sections.csv: the sections of the service provision page and the indicators in each. */
export const ServiceSectionRow = z
  .object({
    id: slug,
    order: wholeNumber,
    title,
    intro: description,
    /** Indicator ids, separated by ";", in the order shown. */
    indicators: semicolonList,
    /** An indicator shown as a table of areas by period at the top of the section (its headline rule's measure); empty for none. */
    area_table_indicator: orEmpty(slug),
    area_table_level: orEmpty(oneOf(GEOGRAPHY_LEVELS)),
    /** How many of the latest periods the area table shows. */
    area_table_periods: orEmpty(z.string().regex(/^[1-9]\d*$/, "must be a whole number from 1")),
  })
  .strict();
export type ServiceSectionRow = z.output<typeof ServiceSectionRow>;

/**
 * data/reference/similarity.csv: which published figures define "areas like this one" at each level: the nearest
 * areas of the same level by these indicators' headline figures, each standardised (on a log scale where asked).
 */
export const SimilarityRow = z
  .object({
    level: z.enum(GEOGRAPHY_LEVELS),
    order: z.coerce.number().int(),
    indicator_id: slug,
    /** log: compare the natural logarithm (for sizes such as population); linear: compare the values. */
    scale: z.enum(["log", "linear"]),
  })
  .strict();
export type SimilarityRow = z.output<typeof SimilarityRow>;

/** data/reference/datasets.csv: every dataset_id, and which earlier vintage it replaces. */
export const DatasetRow = z
  .object({
    dataset_id: snake,
    title,
    /** dataset_id of an earlier vintage whose overlapping figures this one revises; empty if none. */
    supersedes: orEmpty(snake),
    /** "one-off" for a collection that was never repeated (its figures are snapshots with no trend); empty otherwise. */
    collection: oneOf(["one-off", ""]),
    description,
  })
  .strict();
export type DatasetRow = z.output<typeof DatasetRow>;

/** data/reference/source_types.csv: whether each source is the publisher's own (primary) or a report of it (secondary). */
export const SourceTypeRow = z
  .object({ source_id: required, source_type: oneOf(SOURCE_TYPES), reason: description })
  .strict();
export type SourceTypeRow = z.output<typeof SourceTypeRow>;

/** data/reference/derivations.csv: the derived figures, each with one fixed formula. */
export const DerivationRow = z
  .object({
    id: slug,
    kind: oneOf(DERIVATION_KINDS),
    /** Dataset of the numerator; derived figures belong to it. */
    dataset_id: snake,
    /** Numerator measure (a). */
    measure_a: snake,
    /** Denominator measure (b); for percent_of_total it is measure_a's total row and may be left empty. */
    measure_b: orEmpty(snake),
    /** Dataset of measure_b when it differs (rates per population). */
    dataset_b: orEmpty(snake),
    /** Template turning the numerator period into the denominator period, e.g. "mid-{period}"; empty means the same period. */
    period_b: optional,
    /** Breakdown types of the numerator to use, separated by ";"; empty means all. */
    breakdown_types: semicolonList,
    /**
     * For a ratio: the denominator's breakdown as type=value (e.g. workforce_group=all), when it differs from the
     * numerator's; empty means the same breakdown. Empty for the other kinds.
     */
    breakdown_b: orEmpty(z.string().max(MAX_SHORT, longerThan(MAX_SHORT)).regex(/^[^=]+=.+$/, "must be type=value (e.g. workforce_group=all) or empty")),
    output_measure: snake,
    output_unit: oneOf(UNITS),
    /** The formula in words, shown beside every derived figure. */
    formula: title,
  })
  .strict()
  .superRefine((d, ctx) => {
    // A ratio of a count to a workforce is made only for the same period: never across years (2024 and 2024/25 differ).
    if (d.kind === "ratio" && d.period_b !== "") ctx.addIssue({ code: "custom", path: ["period_b"], message: "must be empty for a ratio: both figures must be for the same period" });
    if (d.kind !== "ratio" && d.breakdown_b !== "") ctx.addIssue({ code: "custom", path: ["breakdown_b"], message: `must be empty unless kind is ratio (kind is ${d.kind})` });
  });
export type DerivationRow = z.output<typeof DerivationRow>;

/**
 * data/reference/headline_rules.csv: what a reader should see first for each indicator. The latest figure matching the
 * rule leads the indicator page, the home card and the area profile; the rule's series is the trend. Rows of one
 * indicator with series 1, 2, … are segments of one trend, in time order, separated by a break [b] in coverage or
 * definition that break_reason explains.
 */
export const HeadlineRuleRow = z
  .object({
    indicator_id: slug,
    /** 1 for the first (or only) segment of the trend; 2, 3, … for each segment after a break. */
    series: key(z.string().regex(/^[1-9]\d*$/, "must be a whole number from 1")).transform(Number),
    /** total: everyone the indicator covers; category: a named part the publisher leads with; median or mean of a distribution; range: a lower and upper pair. */
    kind: oneOf(HEADLINE_KINDS),
    measure: snake,
    breakdown_type: required,
    breakdown_value: required,
    /** For a range: the upper end (measure and breakdown are the lower end). Empty otherwise. */
    upper_measure: orEmpty(snake),
    upper_breakdown_type: optional,
    upper_breakdown_value: optional,
    /** A few words saying what the figure covers, printed beside it. */
    label: title,
    /** What changed at the break before this segment; required from series 2. */
    break_reason: reasonText,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.series > 1 && r.break_reason.trim() === "") ctx.addIssue({ code: "custom", path: ["break_reason"], message: "must say what changed: this row starts a new series after a break" });
    if (r.series === 1 && r.break_reason.trim() !== "") ctx.addIssue({ code: "custom", path: ["break_reason"], message: "must be empty for series 1 (a break comes before a later series)" });
    const upper = [r.upper_measure, r.upper_breakdown_type, r.upper_breakdown_value];
    if (r.kind === "range" && upper.some((u) => u === "")) ctx.addIssue({ code: "custom", path: ["upper_measure"], message: "a range needs upper_measure, upper_breakdown_type and upper_breakdown_value" });
    if (r.kind !== "range" && upper.some((u) => u !== "")) ctx.addIssue({ code: "custom", path: ["upper_measure"], message: `must be empty unless kind is range (kind is ${r.kind})` });
  });
export type HeadlineRuleRow = z.output<typeof HeadlineRuleRow>;

/** data/reference/headlines.csv: the cards on the home page, each an indicator (shown by its headline rule) or the reason there is none. */
export const HeadlineRow = z
  .object({
    nation: oneOf(["scotland", "england"]),
    order: wholeNumber,
    label: title,
    indicator_id: orEmpty(slug),
    /** Why there is no figure, when the publications do not give one (then indicator_id is empty). */
    missing_reason: reasonText,
  })
  .strict()
  .refine((h) => (h.indicator_id === "") !== (h.missing_reason === ""), {
    message: "give either indicator_id or missing_reason, not both",
    path: ["indicator_id"],
  });
export type HeadlineRow = z.output<typeof HeadlineRow>;

/** One side of a Scotland–England comparison: an indicator figure, or the reason there is none. */
const side = (nation: "scotland" | "england") => ({
  [`${nation}_indicator`]: orEmpty(slug),
  [`${nation}_measure`]: orEmpty(snake),
  [`${nation}_breakdown_type`]: optional,
  [`${nation}_breakdown_value`]: optional,
  [`${nation}_missing`]: reasonText,
});

/** data/reference/comparisons.csv: what the "Scotland and England compared" page sets side by side, and how far it compares. */
export const ComparisonRow = z
  .object({
    id: slug,
    order: wholeNumber,
    title,
    ...side("scotland"),
    ...side("england"),
    /** yes: same definition, may share a chart; no: side by side only, never on one scale. */
    comparable: oneOf(["yes", "no"]),
    /** Why the figures can or cannot be compared: reference dates, coverage, definitions, response rates. */
    notes: description,
  })
  .strict();
export type ComparisonRow = {
  id: string;
  order: number;
  title: string;
  comparable: "yes" | "no";
  notes: string;
} & Record<`${"scotland" | "england"}_${"indicator" | "measure" | "breakdown_type" | "breakdown_value" | "missing"}`, string>;

/**
 * data/reference/removed_figures.csv: figures of an earlier release that a later release no longer has, and why. Every
 * figure of the previous release that is gone must have a row (its old link must lead somewhere), and every row must
 * name a figure that is gone; the build stops otherwise.
 */
export const RemovedFigureRow = z
  .object({
    /** The release that removed it. */
    release_id: key(z.string().regex(/^\d{4}-\d{2}(?:-[a-z0-9]+)?$/, "must be a release id such as 2026-12")),
    figure_id: key(z.string().regex(/^[fd]-[0-9a-f]{16}$/, "must be a figure id (f- or d- and 16 hex digits)")),
    /** The figure shown in its place, if any: its page carries the old id as an anchor, so old links land on it. */
    replaced_by: orEmpty(z.string().regex(/^[fd]-[0-9a-f]{16}$/, "must be a figure id or empty")),
    /** Why, in words a reader can follow; printed in the changelog and on the Data page. */
    reason: description,
  })
  .strict();
export type RemovedFigureRow = z.output<typeof RemovedFigureRow>;

/** One side of a workforce–need pair: an indicator's measure and breakdown, and optionally the period to show. */
const pairSide = (side: "workforce" | "need", optionalSide: boolean) => ({
  [`${side}_indicator`]: optionalSide ? orEmpty(slug) : slug,
  [`${side}_measure`]: optionalSide ? orEmpty(snake) : snake,
  [`${side}_breakdown_type`]: optional,
  /** Empty: every value of the breakdown type (e.g. the medians of every type of organisation). */
  [`${side}_breakdown_value`]: optional,
  /** The period to show, as published (e.g. 2021/22); empty for the latest. */
  [`${side}_period`]: optional,
});

/**
 * data/reference/workforce_need.csv: the workforce set beside need (people in treatment, assessed or waiting), per
 * nation. published_ratio rows name a published workforce-to-demand figure (the survey's caseload medians); pair rows
 * name a workforce figure and a need figure, with the ratio derivation (kind ratio in derivations.csv) when the two are
 * for the same area, period and definition, and otherwise the explanation of why there is no ratio.
 */
export const WorkforceNeedRow = z
  .object({
    id: slug,
    order: wholeNumber,
    nation: oneOf(["scotland", "england"]),
    kind: oneOf(["published_ratio", "pair"]),
    title,
    ...pairSide("workforce", false),
    ...pairSide("need", true),
    /** A derivations.csv id of kind ratio (need ÷ workforce), or empty when there is no ratio. */
    derivation_id: orEmpty(slug),
    /** What the figures measure and why they can or cannot be divided; printed beside them. */
    explanation: description,
  })
  .strict()
  .superRefine((r, ctx) => {
    const rec = r as Record<string, string | number>;
    const need = ["need_indicator", "need_measure", "need_breakdown_type"].map((k) => rec[k]);
    if (r.kind === "pair" && need.some((v) => v === "")) ctx.addIssue({ code: "custom", path: ["need_indicator"], message: "a pair needs need_indicator, need_measure and need_breakdown_type" });
    if (r.kind === "published_ratio" && [...need, rec.need_breakdown_value, rec.need_period, r.derivation_id].some((v) => v !== ""))
      ctx.addIssue({ code: "custom", path: ["need_indicator"], message: "a published_ratio row names only the workforce side: leave the need columns and derivation_id empty" });
  });
export type WorkforceNeedRow = {
  id: string;
  order: number;
  nation: "scotland" | "england";
  kind: "published_ratio" | "pair";
  title: string;
  derivation_id: string;
  explanation: string;
} & Record<`${"workforce" | "need"}_${"indicator" | "measure" | "breakdown_type" | "breakdown_value" | "period"}`, string>;

/** data/reference/release.json: the data release this build publishes. */
export const Release = z
  .object({
    id: key(z.string().regex(/^\d{4}-\d{2}(?:-[a-z0-9]+)?$/, "must be a release id such as 2026-12")),
    date: key(z.iso.date()),
    title,
    summary: description,
    licence: title,
    /** Printed as a link on every page: an http(s) address only (never javascript: or another scheme). */
    licence_url: key(z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).max(MAX_MEDIUM, longerThan(MAX_MEDIUM))),
    site_title: title,
    contact: title,
  })
  .strict();
export type Release = z.output<typeof Release>;
