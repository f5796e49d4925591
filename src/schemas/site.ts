import * as z from "zod";
import { DERIVATION_KINDS, GEOGRAPHY_LEVELS, HEADLINE_KINDS, MEASURE_ROLES, NATIONS, POLARITIES, SOURCE_TYPES, TOPICS, UNITS } from "./vocabulary.ts";

/**
 * site/registry.json: what the pages need besides the figures: the release, the indicator registry,
 * the sources catalogue, the areas and the resolved headline figures.
 */
const pairSideSchema = z.object({ indicator_id: z.string(), measure: z.string(), breakdown_type: z.string(), breakdown_value: z.string(), period: z.string(), figure_ids: z.array(z.string()) });

export const SiteRegistry = z
  .object({
    release: z.object({
      id: z.string(),
      date: z.string(),
      title: z.string(),
      summary: z.string(),
      licence: z.string(),
      licence_url: z.string(),
      site_title: z.string(),
      contact: z.string(),
    }),
    indicators: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        short_title: z.string(),
        description: z.string(),
        unit: z.enum(UNITS),
        precision: z.number().int(),
        polarity: z.enum(POLARITIES),
        topic: z.enum(TOPICS),
        nation: z.enum(NATIONS),
        comparability: z.string(),
        caveats: z.string(),
        measures: z.array(z.object({ dataset_id: z.string(), measure: z.string(), role: z.enum(MEASURE_ROLES), label: z.string() })),
        /** What a reader should see first (data/reference/headline_rules.csv), one row per series of the trend. */
        headline_rules: z.array(
          z.object({
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
          }),
        ),
        /** Number of figures (all statuses) and of areas and periods among shown figures. */
        figure_count: z.number().int(),
        geography_levels: z.array(z.enum(GEOGRAPHY_LEVELS)),
        derived_formulas: z.array(z.string()),
      }),
    ),
    sources: z.array(
      z.object({
        source_id: z.string(),
        title: z.string(),
        publisher: z.string(),
        published_date: z.string(),
        url: z.string(),
        licence: z.string(),
        notes: z.string(),
        source_type: z.enum(SOURCE_TYPES),
        source_type_reason: z.string(),
        figure_count: z.number().int(),
      }),
    ),
    /** The sections of the service provision page (data/reference/service_sections.csv), in order. */
    service_sections: z.array(
      z.object({
        id: z.string(),
        order: z.number().int(),
        title: z.string(),
        intro: z.string(),
        indicators: z.array(z.string()),
        area_table: z.object({ indicator_id: z.string(), level: z.enum(GEOGRAPHY_LEVELS), periods: z.number().int() }).nullable(),
      }),
    ),
    /** What defines "areas like this one" at each level (data/reference/similarity.csv). */
    similarity: z.array(z.object({ level: z.enum(GEOGRAPHY_LEVELS), order: z.number().int(), indicator_id: z.string(), scale: z.enum(["log", "linear"]) })),
    /** The groups of the breakdown taxonomy, in the order charts show them (data/reference/breakdown_taxonomy.csv). */
    breakdown_groups: z.array(z.string()),
    /** The derivations (data/reference/derivations.csv), so pages can show what a derived figure rests on. */
    derivations: z.array(
      z.object({ id: z.string(), kind: z.enum(DERIVATION_KINDS), dataset_id: z.string(), measure_a: z.string(), measure_b: z.string(), dataset_b: z.string(), output_measure: z.string(), formula: z.string() }),
    ),
    datasets: z.array(z.object({ dataset_id: z.string(), title: z.string(), supersedes: z.string(), collection: z.string(), description: z.string() })),
    areas: z.array(
      z.object({
        level: z.enum(GEOGRAPHY_LEVELS),
        code: z.string(),
        name: z.string(),
        /** Other names the area is published under (data/reference/areas.csv), for search. */
        aliases: z.array(z.string()),
        parent_level: z.string(),
        parent_code: z.string(),
        council_areas: z.array(z.string()),
        notes: z.string(),
      }),
    ),
    headlines: z.array(
      z.object({
        nation: z.enum(["scotland", "england"]),
        order: z.number().int(),
        label: z.string(),
        indicator_id: z.string(),
        /** The shown figure (latest period) for this headline; empty when missing_reason says why there is none. */
        figure_id: z.string(),
        missing_reason: z.string(),
      }),
    ),
    /** Releases, newest first, with what each changed compared with the one before (see CHANGELOG.csv). */
    releases: z.array(
      z.object({
        id: z.string(),
        previous: z.string(),
        added: z.number().int(),
        revised: z.number().int(),
        removed: z.number().int(),
        /** Indicators the release brings in, and existing indicators it adds figures to or revises. */
        new_indicators: z.array(z.string()),
        updated_indicators: z.array(z.string()),
        /** Revised figures: the figure shown now and the figure of the previous release it revises (the same id when revised in place), with both values and sources. */
        revised_figures: z.array(
          z.object({ figure_id: z.string(), indicator_id: z.string(), old_figure_id: z.string(), old_value: z.string(), old_status: z.string(), old_source_id: z.string(), new_value: z.string(), new_status: z.string(), new_source_id: z.string() }),
        ),
        /** Figures of the previous release that this one no longer has, the figure shown in their place (if any) and why. */
        removed_figures: z.array(z.object({ figure_id: z.string(), indicator_id: z.string(), old_value: z.string(), old_status: z.string(), replaced_by: z.string(), reason: z.string() })),
      }),
    ),
    /** The workforce set beside need (data/reference/workforce_need.csv), with the figures each side shows and any derived ratio. */
    workforce_need: z.array(
      z.object({
        id: z.string(),
        order: z.number().int(),
        nation: z.enum(["scotland", "england"]),
        kind: z.enum(["published_ratio", "pair"]),
        title: z.string(),
        explanation: z.string(),
        derivation_id: z.string(),
        workforce: pairSideSchema,
        need: pairSideSchema.nullable(),
        ratio_figure_ids: z.array(z.string()),
      }),
    ),
    comparisons: z.array(
      z.object({
        id: z.string(),
        order: z.number().int(),
        title: z.string(),
        comparable: z.enum(["yes", "no"]),
        notes: z.string(),
        sides: z.array(
          z.object({
            nation: z.enum(["scotland", "england"]),
            indicator_id: z.string(),
            /** The shown national figure (latest period) for this side; empty when missing_reason says why there is none. */
            figure_id: z.string(),
            missing_reason: z.string(),
          }),
        ),
      }),
    ),
  })
  .strict();
export type SiteRegistry = z.output<typeof SiteRegistry>;
