/** Turns view selections into chart builder inputs (pure), so Astro components only render and place them. */
import type { Figure } from "../../schemas/figure.ts";
import type { Unit } from "../../schemas/vocabulary.ts";
import type { TrendInput } from "../../charts/trend.ts";
import type { BarInput } from "../../charts/bars.ts";
import { formatCell, formatFigure, UNIT_LABEL } from "../format.ts";
import { formatPeriod } from "../periods.ts";
import type { TrendSeries } from "./select.ts";

export function trendInput(id: string, title: string, subtitle: string, unit: Unit, precision: number, series: TrendSeries[], width: number): TrendInput {
  return {
    id,
    title,
    subtitle,
    yLabel: UNIT_LABEL[unit],
    unit,
    precision,
    width,
    series: series.map((s) => ({
      label: s.label,
      points: s.points.map((p) => ({
        date: p.date,
        periodLabel: formatPeriod(p.figure.period),
        value: p.value,
        valueText: p.figure.value_text,
        ...(p.lower === undefined || p.upper === undefined ? {} : { lower: p.lower, upper: p.upper }),
        status: p.figure.status,
        marker: p.figure.marker,
      })),
    })),
  };
}

export function barInput(id: string, title: string, yLabel: string, unit: Unit, precision: number, figures: Figure[], width: number, highlight?: string): BarInput {
  return {
    id,
    title,
    yLabel,
    xLabel: UNIT_LABEL[unit],
    unit,
    precision,
    width,
    bars: figures.map((f) => ({
      label: f.breakdown_type === "total" ? f.area_label : f.breakdown_label,
      value: f.value,
      valueText: f.value === null ? formatCell(f, precision) : formatFigure(f, precision),
      status: f.status,
      ...(highlight && f.area_code === highlight ? { highlight: true } : {}),
    })),
  };
}

/** "per cent (%), 2011/12 to 2024/25" */
export function rangeSubtitle(unit: Unit, series: TrendSeries[]): string {
  const pts = series.flatMap((s) => s.points).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (pts.length === 0) return UNIT_LABEL[unit];
  return `${UNIT_LABEL[unit]}, ${formatPeriod(pts[0]!.figure.period)} to ${formatPeriod(pts.at(-1)!.figure.period)}`;
}
