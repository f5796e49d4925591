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

/** What a headline rule picks: the total, a named category, the median or mean of a distribution, or a lower/upper range. */
export const HEADLINE_KINDS = ["total", "category", "median", "mean", "range"] as const;
export type HeadlineKind = (typeof HEADLINE_KINDS)[number];

/** Kinds of derivation the pipeline knows. Each has one fixed, shown formula (see scripts/pipeline/derive.ts). */
export const DERIVATION_KINDS = ["percent_of_sum", "percent_of_total", "rate_per_100000"] as const;
export type DerivationKind = (typeof DERIVATION_KINDS)[number];

/* Words and addresses for the controlled values above: every label, plural, slug and nation code the site prints. */

/** A geography level in words, singular, as a heading or at the start of a sentence. */
export const LEVEL_LABEL: Record<GeographyLevel, string> = {
  country: "Country",
  region: "Region",
  health_board: "NHS Board",
  adp: "Alcohol and Drug Partnership",
  council_area: "Council area",
  utla: "Upper-tier local authority",
};

/** A geography level in words, plural, as a heading ("Council areas"). */
export const LEVEL_PLURAL_LABEL: Record<GeographyLevel, string> = {
  country: "Countries",
  region: "English regions",
  health_board: "NHS Boards",
  adp: "Alcohol and Drug Partnerships",
  council_area: "Council areas",
  utla: "Upper-tier local authorities",
};

/** A geography level in words, plural, inside a sentence ("31 of 32 council areas"). */
export const LEVEL_PLURAL: Record<GeographyLevel, string> = {
  country: "countries",
  region: "English regions",
  health_board: "NHS Boards",
  adp: "Alcohol and Drug Partnerships",
  council_area: "council areas",
  utla: "upper-tier local authorities",
};

/** A geography level in words, singular, inside a sentence ("by council area"). */
export const LEVEL_NOUN: Record<GeographyLevel, string> = {
  country: "country",
  region: "region",
  health_board: "NHS Board",
  adp: "Alcohol and Drug Partnership",
  council_area: "council area",
  utla: "upper-tier local authority",
};

/** The folder of a geography level in page addresses. */
export const LEVEL_SLUG: Record<GeographyLevel, string> = {
  country: "countries",
  region: "regions",
  health_board: "health-boards",
  adp: "adps",
  council_area: "council-areas",
  utla: "local-authorities",
};
export const SLUG_LEVEL: Record<string, GeographyLevel> = Object.fromEntries(Object.entries(LEVEL_SLUG).map(([k, v]) => [v, k as GeographyLevel]));

/** Which nation's maps and boundaries a level belongs to. */
export const LEVEL_NATION: Record<Exclude<GeographyLevel, "country">, "scotland" | "england"> = {
  region: "england",
  health_board: "scotland",
  adp: "scotland",
  council_area: "scotland",
  utla: "england",
};

export const NATION_LABEL: Record<Nation, string> = { scotland: "Scotland", england: "England", uk: "UK" };

/** GSS codes of the two nations the site is about. */
export const NATION_CODE = { scotland: "S92000003", england: "E92000001" } as const;
export type HomeNation = keyof typeof NATION_CODE;

/** Countries and aggregates in the order charts list them: the nations first, then the aggregates that contain them. */
export const COUNTRY_ORDER = ["S92000003", "E92000001", "W92000004", "N92000002", "K02000001", "K04000001"] as const;

export const TOPIC_LABEL: Record<Topic, string> = {
  workforce_size: "Workforce size",
  vacancies: "Vacancies",
  turnover: "Turnover and retention",
  diversity_contracts: "Diversity and contracts",
  service_provision: "Service provision",
  need: "Need: deaths and population",
};

/** "1 figure", "2 figures", "1 council area", "3 NHS Boards": a count with its noun in the right number. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? singular : plural}`;
}
