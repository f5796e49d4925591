/**
 * Release notes in plain words, from the registry's record of each release (site/registry.json `releases`, built from
 * the changelog): the counts, the indicators a release brings in or updates, every revised figure with both values
 * and both sources, and every removed figure with its reason and the figure shown in its place. Pure.
 */
import type { Figure } from "../../schemas/figure.ts";
import type { SiteRegistry } from "../../schemas/site.ts";
import { formatFigure } from "../format.ts";
import { formatPeriod } from "../periods.ts";
import { publishedDate } from "./cite.ts";
import { countOf } from "../../schemas/vocabulary.ts";

export type ReleaseEntry = SiteRegistry["releases"][number];

interface IndicatorLike {
  id: string;
  title: string;
  precision: number;
}

export interface ValueAndSource {
  /** The value as the site prints it ("90.5%"), or the status in brackets when there is no number. */
  value: string;
  sourceId: string;
  /** "Public Health Scotland, 25 June 2024" when the figure is still in the data; else "". */
  source: string;
  /** The figure, when it is still in this release's data (a set-aside figure stays in the download). */
  figure: Figure | undefined;
}

export interface RevisionNote {
  indicator: IndicatorLike | undefined;
  /** What the figure is: measure, breakdown, area and period. */
  what: string;
  before: ValueAndSource;
  now: ValueAndSource;
  /** "Was 90.5% (S10), now 90.6% (S47)." */
  sentence: string;
}

export interface RemovalNote {
  figureId: string;
  indicator: IndicatorLike | undefined;
  was: string;
  reason: string;
  replacement: Figure | undefined;
}

export interface ReleaseNotes {
  id: string;
  previous: string;
  /** "229 figures added, 3 revised and 5 removed, compared with release 2026-11." */
  counts: string;
  newIndicators: IndicatorLike[];
  updatedIndicators: IndicatorLike[];
  revisions: RevisionNote[];
  removals: RemovalNote[];
}

/** What a figure is, in words: "Started treatment within 3 weeks (%), Community-based, Scotland, 1 October to 31 December 2023". */
export function figureWhat(f: Figure): string {
  const breakdown = f.breakdown_type === "total" || f.breakdown_value === "all" ? "" : `, ${f.breakdown_label}`;
  return `${f.measure_label}${breakdown}, ${f.area_label}, ${formatPeriod(f.period)}`;
}

function valueText(figure: Figure | undefined, value: string, status: string, precision: number): string {
  if (value === "") return `[${status.replace(/_/g, " ")}]`;
  if (!figure) return value;
  // The value as recorded in the changelog, in the figure's unit (a figure revised in place no longer has its old value).
  return formatFigure({ ...figure, value: Number(value), value_text: value }, precision);
}

function sourceText(f: Figure | undefined): string {
  if (!f) return "";
  const date = publishedDate(f.source_published_date).text;
  return date ? `${f.source_publisher}, ${date}` : f.source_publisher;
}

export function releaseNotes(entry: ReleaseEntry, figureById: Map<string, Figure>, indicatorById: Map<string, IndicatorLike>): ReleaseNotes {
  const counts =
    entry.previous === ""
      ? `The first release, with ${countOf(entry.added, "figure")}.`
      : `${countOf(entry.added, "figure")} added, ${entry.revised} revised and ${entry.removed} removed, compared with release ${entry.previous}.`;
  const indicators = (ids: string[]) => ids.flatMap((id) => (indicatorById.has(id) ? [indicatorById.get(id)!] : []));
  const revisions = entry.revised_figures.map((c) => {
    const now = figureById.get(c.figure_id);
    const old = c.old_figure_id !== c.figure_id ? figureById.get(c.old_figure_id) : undefined;
    const indicator = indicatorById.get(c.indicator_id);
    const precision = indicator?.precision ?? 2;
    const before: ValueAndSource = { value: valueText(old ?? now, c.old_value, c.old_status, precision), sourceId: c.old_source_id, source: sourceText(old), figure: old };
    const after: ValueAndSource = { value: valueText(now, c.new_value, c.new_status, precision), sourceId: c.new_source_id, source: sourceText(now), figure: now };
    const src = (s: ValueAndSource) => (s.sourceId ? ` (${s.sourceId})` : "");
    return {
      indicator,
      what: now ? figureWhat(now) : c.figure_id,
      before,
      now: after,
      sentence: `Was ${before.value}${src(before)}, now ${after.value}${src(after)}.`,
    };
  });
  const removals = entry.removed_figures.map((r) => {
    const indicator = indicatorById.get(r.indicator_id);
    const replacement = r.replaced_by ? figureById.get(r.replaced_by) : undefined;
    return { figureId: r.figure_id, indicator, was: valueText(replacement, r.old_value, r.old_status, 2), reason: r.reason, replacement };
  });
  return { id: entry.id, previous: entry.previous, counts, newIndicators: indicators(entry.new_indicators), updatedIndicators: indicators(entry.updated_indicators), revisions, removals };
}

/**
 * Old figure ids that now lead to another figure: for each figure shown in place of a removed one, the removed ids
 * (so its row carries them as anchors and a permalink of an earlier release lands on it).
 */
export function replacedIds(releases: readonly ReleaseEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of releases) for (const x of r.removed_figures) if (x.replaced_by !== "") out.set(x.replaced_by, [...(out.get(x.replaced_by) ?? []), x.figure_id]);
  return out;
}
