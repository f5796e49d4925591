/**
 * A published figure as the planning pages cite it: enough to name its source and to link to its row on this site.
 * Plain data (JSON-safe), so the page can hand it to the browser script as it is.
 */
import type { SiteData } from "../../data/site.ts";
import type { Figure } from "../../schemas/figure.ts";
import { formatFigure } from "../format.ts";
import { formatPeriod } from "../periods.ts";
import { paths } from "../routes.ts";
import { publishedDate } from "../views/cite.ts";

export interface Citation {
  figureId: string;
  indicatorId: string;
  /** Path of the figure on this site, without the base path: indicators/<id>/<level>/<code>/#<figure id>. */
  path: string;
  /** The figure as shown on the site, e.g. "14,121 WTE", "8.8%". */
  shown: string;
  value: number;
  measureLabel: string;
  /** The breakdown as published ("delivery workforce"), or "" for a total. */
  breakdown: string;
  area: string;
  areaCode: string;
  /** The period as published ("2024", "2021-11-01") and in words ("2024", "1 November 2021"). */
  periodLabel: string;
  period: string;
  /** Last day of the period (ISO), or "" when the label is not a date. */
  periodEnd: string;
  publisher: string;
  title: string;
  /** Where in the publication: section, table or paragraph. */
  location: string;
  publishedDate: string;
  url: string;
  sourceId: string;
  secondary: boolean;
}

export interface FigureQuery {
  indicator: string;
  measure: string;
  area: string;
  period: string;
  breakdownType: string;
  breakdownValue: string;
}

/**
 * The one shown figure that matches the query. The build stops with a message naming the query when there is none
 * or several, or the figure has no number: a default must never silently change to another figure.
 */
export function findFigure(site: SiteData, q: FigureQuery): Figure {
  const matches = (site.figuresByIndicator.get(q.indicator) ?? []).filter(
    (f) => f.preferred && f.role === "value" && f.measure === q.measure && f.area_code === q.area && f.period === q.period && f.breakdown_type === q.breakdownType && f.breakdown_value === q.breakdownValue,
  );
  const where = `${q.indicator} / ${q.measure} / ${q.area} / ${q.period} / ${q.breakdownType}=${q.breakdownValue}`;
  if (matches.length !== 1) throw new Error(`planning: expected one shown figure for ${where}, found ${matches.length}`);
  const f = matches[0]!;
  if (f.value === null || f.status !== "published") throw new Error(`planning: figure ${f.figure_id} (${where}) is ${f.status}, not a published number`);
  return f;
}

export function citationOf(site: SiteData, f: Figure): Citation {
  if (f.value === null) throw new Error(`planning: figure ${f.figure_id} has no number to cite`);
  const precision = site.indicatorById.get(f.indicator_id)?.precision ?? 1;
  const date = publishedDate(f.source_published_date);
  return {
    figureId: f.figure_id,
    indicatorId: f.indicator_id,
    path: paths.figure(f),
    shown: formatFigure(f, precision),
    value: f.value,
    measureLabel: f.measure_label,
    breakdown: f.breakdown_type === "total" ? "" : f.breakdown_value,
    area: f.area_label,
    areaCode: f.area_code,
    periodLabel: f.period,
    period: formatPeriod(f.period),
    periodEnd: f.period_end,
    publisher: f.source_publisher,
    title: f.source_title,
    location: f.source_location,
    publishedDate: date.text || f.source_published_date,
    url: f.source_url,
    sourceId: f.source_id,
    secondary: f.source_type === "secondary",
  };
}

/** "Scottish Government, “Title”, table 3, published 2022": a citation in one line of text (downloads). */
export function sourceText(c: Citation): string {
  return `${c.publisher}, "${c.title}", ${c.location}, published ${c.publishedDate}${c.secondary ? " (secondary source)" : ""}. ${c.url}`;
}
