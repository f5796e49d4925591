/** Made-up figures for unit tests of the page models and selections (never real data). */
import type { Figure } from "../../src/schemas/figure.ts";
import { parsePeriod } from "../../src/lib/periods.ts";

let n = 0;
/** A made-up figure for unit tests: Scotland, deaths, 2022, persons, value 1, published and shown; override any field. */
export function fig(over: Partial<Figure>): Figure {
  const period = over.period ?? "2022";
  const p = parsePeriod(period);
  return {
    figure_id: `f-${(n++).toString(16).padStart(16, "0")}`,
    indicator_id: "i",
    role: "value",
    measure_label: "m",
    dataset_id: "d",
    measure: "deaths",
    unit: "count",
    period,
    geography_level: "country",
    area_code: "S92000003",
    area_name: "Scotland",
    breakdown_type: "sex",
    breakdown_value: over.breakdown_value ?? "Persons",
    breakdown_label: over.breakdown_label ?? over.breakdown_value ?? "Persons",
    breakdown_group: "",
    value: 1,
    value_text: "1",
    status: "published",
    source_id: "A",
    source_location: "",
    notes: "",
    marker: "",
    qualifier: "",
    area_label: "Scotland",
    period_start: p?.start ?? "",
    period_end: p?.end ?? "",
    preferred: true,
    preferred_figure_id: "",
    not_preferred_reason: "",
    corroborated_by: [],
    formula: "",
    derived_from: [],
    source_title: "",
    source_publisher: "",
    source_published_date: "",
    source_url: "",
    source_licence: "",
    source_type: "primary",
    source_file: "",
    source_line: 2,
    ...over,
  };
}

