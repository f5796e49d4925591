/** The model of one map: its figures, classes and ranked table (pure; geometry is passed in). */
import type { Figure } from "../../schemas/figure.ts";
import type { AreaFeature } from "../geo/boundaries.ts";
import { joinReport } from "../geo/boundaries.ts";
import { classBreaks, type ClassBreaks } from "../scales/classes.ts";
import type { ChoroplethDatum } from "../../charts/choropleth.ts";
import { formatFigure } from "../format.ts";
import { compareText } from "../text.ts";
import { mapSlice, type Breakdown } from "./select.ts";
import { LEVEL_NATION, NATION_CODE, type GeographyLevel } from "../../schemas/vocabulary.ts";

export interface RankedRow {
  rank: number | undefined;
  code: string;
  name: string;
  figure?: Figure;
  valueText: string;
}

export interface MapModel {
  period: string;
  figures: Figure[];
  /** The nation's figure for the same measure, breakdown and period: an unranked benchmark row. */
  benchmark?: RankedRow;
  /** "31 of 32 council areas have a figure; Orkney Islands [x]": counted from figures with a number, not from rows. */
  coverage: { withFigure: number; areas: number; without: { name: string; text: string }[] };
  data: ChoroplethDatum[];
  classes: ClassBreaks;
  ranked: RankedRow[];
  codesWithoutBoundary: string[];
}

/** Ranks areas by value, highest first; equal values share a rank; areas without a number come last, unranked. */
export function rankRows(figures: Figure[], precision: number, missing: { code: string; name: string }[]): RankedRow[] {
  const withValue = figures.filter((f) => f.value !== null).sort((a, b) => b.value! - a.value! || compareText(a.area_label, b.area_label));
  const rows: RankedRow[] = [];
  withValue.forEach((f, i) => {
    const prev = rows[i - 1];
    const rank = prev && prev.figure!.value === f.value ? prev.rank : i + 1;
    rows.push({ rank, code: f.area_code, name: f.area_label, figure: f, valueText: formatFigure(f, precision) });
  });
  const noValue = figures.filter((f) => f.value === null).sort((a, b) => compareText(a.area_label, b.area_label));
  for (const f of noValue) rows.push({ rank: undefined, code: f.area_code, name: f.area_label, figure: f, valueText: formatFigure(f, precision) });
  for (const m of [...missing].sort((a, b) => compareText(a.name, b.name))) rows.push({ rank: undefined, code: m.code, name: m.name, valueText: "no published figure" });
  return rows;
}

export function mapModel(
  figures: Figure[],
  level: GeographyLevel,
  measure: string,
  breakdown: Breakdown,
  precision: number,
  features: readonly AreaFeature[] | undefined,
  href: (f: Figure) => string,
  /** The period to map; by default the period with the most areas (the latest on a tie). */
  period?: string,
): MapModel | undefined {
  const slice = mapSlice(figures, level, measure, breakdown, period);
  if (!slice) return undefined;
  const data: ChoroplethDatum[] = slice.figures.map((f) => ({
    code: f.area_code,
    name: f.area_label,
    value: f.value,
    valueText: formatFigure(f, precision),
    status: f.status === "suppressed" ? "suppressed" : f.status === "not_available" ? "not_available" : f.status === "derived" ? "derived" : "published",
    href: href(f),
  }));
  const featureCodes = (features ?? []).map((f) => f.properties.code);
  const report = joinReport(slice.figures.map((f) => f.area_code), featureCodes);
  const missing = (features ?? []).filter((f) => report.boundariesWithoutData.includes(f.properties.code)).map((f) => ({ code: f.properties.code, name: f.properties.name }));
  const ranked = rankRows(slice.figures, precision, missing);
  const nation = level === "country" ? undefined : NATION_CODE[LEVEL_NATION[level as Exclude<GeographyLevel, "country">]];
  const national = nation ? figures.find((f) => f.preferred && f.role === "value" && f.geography_level === "country" && f.area_code === nation && f.measure === measure && f.breakdown_type === breakdown.type && f.breakdown_value === breakdown.value && f.period === slice.period) : undefined;
  const without = ranked.filter((r) => !r.figure || r.figure.value === null).map((r) => ({ name: r.name, text: r.figure ? r.valueText : "no published figure" }));
  return {
    period: slice.period,
    figures: slice.figures,
    data,
    classes: classBreaks(slice.figures.map((f) => f.value), { precision }),
    ranked,
    ...(national ? { benchmark: { rank: undefined, code: national.area_code, name: national.area_label, figure: national, valueText: formatFigure(national, precision) } } : {}),
    coverage: { withFigure: ranked.length - without.length, areas: ranked.length, without },
    codesWithoutBoundary: features ? report.codesWithoutBoundary : [],
  };
}
