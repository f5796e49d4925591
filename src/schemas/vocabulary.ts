/**
 * Controlled vocabularies shared by the pipeline and the site.
 * Each list is the complete set of values a source file may use; anything else is an input error.
 */

/** What a figure is measured in. What is counted is in `measure`; qualifiers such as "age-standardised" are in `notes`. */
export const UNITS = [
  "count",
  "wte",
  "percent",
  "rate_per_100000",
  "rate_per_1000000",
  "days",
  "gbp",
  "gbp_million",
] as const;
export type Unit = (typeof UNITS)[number];

/** Units whose values cannot be negative (all of ours: counts, WTE, rates, money, days, shares). */
export const NON_NEGATIVE_UNITS: readonly Unit[] = UNITS;

/** Publication status of a figure as transcribed. */
export const STATUSES = ["published", "suppressed", "not_available", "derived"] as const;
export type Status = (typeof STATUSES)[number];

/** Geography levels, from largest to smallest. */
export const GEOGRAPHY_LEVELS = ["country", "region", "health_board", "adp", "council_area", "utla"] as const;
export type GeographyLevel = (typeof GEOGRAPHY_LEVELS)[number];

/** Indicator topics used to group pages. */
export const TOPICS = [
  "workforce_size",
  "vacancies",
  "turnover",
  "diversity_contracts",
  "service_provision",
  "need",
] as const;
export type Topic = (typeof TOPICS)[number];

export const POLARITIES = ["higher_is_better", "higher_is_worse", "neutral"] as const;
export type Polarity = (typeof POLARITIES)[number];

export const NATIONS = ["scotland", "england", "uk"] as const;
export type Nation = (typeof NATIONS)[number];

/** Role of a measure inside an indicator: the value itself, or the bounds of its 95% confidence interval. */
export const MEASURE_ROLES = ["value", "lower_95ci", "upper_95ci"] as const;
export type MeasureRole = (typeof MEASURE_ROLES)[number];

export const SOURCE_TYPES = ["primary", "secondary"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** Kinds of derivation the pipeline knows. Each has one fixed, shown formula (see scripts/pipeline/derive.ts). */
export const DERIVATION_KINDS = ["percent_of_sum", "percent_of_total", "rate_per_100000"] as const;
export type DerivationKind = (typeof DERIVATION_KINDS)[number];
