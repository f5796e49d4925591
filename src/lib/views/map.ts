/** The model of one map: its figures, classes and ranked table (pure; geometry is passed in). */
import type { Figure } from "../../schemas/figure.ts";
import type { AreaFeature } from "../geo/boundaries.ts";
import { joinReport } from "../geo/boundaries.ts";
import { classBreaks, type ClassBreaks } from "../scales/classes.ts";
import type { ChoroplethDatum } from "../../charts/choropleth.ts";
import { formatFigure } from "../format.ts";
import { compareText } from "../text.ts";
import { mapSlice, type Breakdown } from "./select.ts";

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
  level: string,
  measure: string,
  breakdown: Breakdown,
  precision: number,
  features: readonly AreaFeature[] | undefined,
  href: (f: Figure) => string,
): MapModel | undefined {
  const slice = mapSlice(figures, level, measure, breakdown);
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
  return {
    period: slice.period,
    figures: slice.figures,
    data,
    classes: classBreaks(slice.figures.map((f) => f.value), { precision }),
    ranked: rankRows(slice.figures, precision, missing),
    codesWithoutBoundary: features ? report.codesWithoutBoundary : [],
  };
}
