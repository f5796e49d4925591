import type { Figure } from "../../src/schemas/figure.ts";
import { parsePeriod } from "../../src/lib/periods.ts";
import type { Decision } from "./check.ts";
import type { DerivedFigure } from "./derive.ts";
import type { HarmonisedFigure } from "./harmonise.ts";
import { derivedFigureId, publishedFigureId } from "./ids.ts";
import type { Reference } from "./reference.ts";
import type { ValidSources } from "./validate.ts";
import { GEOGRAPHY_LEVELS } from "../../src/schemas/vocabulary.ts";

const QUALIFIER =
  /published (?:only )?as '(?:up by |increased by )?(more than|over|almost|nearly|just under|around|fewer than|about|approximately|at least)\b/i;

/** The words that qualify a published number ("more than 1,200"), read from the transcriber's notes. */
export function qualifierFromNotes(notes: string): string {
  return QUALIFIER.exec(notes)?.[1]?.toLowerCase() ?? "";
}

/** GSS shorthand for a figure: [c] suppressed, [x] not available, [r] revised. */
export function markerFor(status: string, revised: boolean, notes: string): string {
  if (status === "suppressed") return "[c]";
  if (status === "not_available") return "[x]";
  if (revised || /published as \d+R\b/.test(notes)) return "[r]";
  return "";
}

const levelOrder = (l: string) => (GEOGRAPHY_LEVELS as readonly string[]).indexOf(l);

/** Sort key giving the deterministic order: indicator, measure, geography, area, breakdown, period, dataset, id. */
export function sortKey(f: Figure): string {
  return [
    f.indicator_id,
    f.measure,
    String(levelOrder(f.geography_level)),
    f.area_code,
    f.breakdown_type,
    f.breakdown_value,
    f.period_start || `~${f.period}`,
    f.period,
    f.dataset_id,
    f.figure_id,
  ].join("\u0000");
}

/** Builds the published Figure records (published and derived), sorted. */
export function assemble(
  published: HarmonisedFigure[],
  derived: DerivedFigure[],
  decisions: Decision[],
  valid: ValidSources,
  ref: Reference,
): Figure[] {
  const all: HarmonisedFigure[] = [...published, ...derived];
  const ids = all.map((f, i) =>
    i < published.length ? publishedFigureId(f) : derivedFigureId((derived[i - published.length] as DerivedFigure).derivation, f),
  );
  const out: Figure[] = all.map((f, i) => {
    const d = decisions[i]!;
    const m = ref.measureByKey.get(`${f.dataset_id}|${f.measure}`)!.row;
    const source = valid.sources.get(f.source_id)!.row;
    const range = parsePeriod(f.period);
    const isDerived = i >= published.length;
    const dv = isDerived ? (f as DerivedFigure) : undefined;
    return {
      figure_id: ids[i]!,
      indicator_id: m.indicator_id,
      role: m.role,
      measure_label: m.label,
      dataset_id: f.dataset_id,
      measure: f.measure,
      unit: f.unit,
      period: f.period,
      geography_level: f.geography_level,
      area_code: f.area_code,
      area_name: f.area_name,
      breakdown_type: f.breakdown_type,
      breakdown_value: f.breakdown_value,
      breakdown_label: f.breakdown_canonical,
      breakdown_group: f.breakdown_group,
      value: f.number,
      value_text: f.value,
      status: f.status,
      source_id: f.source_id,
      source_location: f.source_location,
      notes: f.notes,
      marker: markerFor(f.status, d.revised, f.notes),
      qualifier: qualifierFromNotes(f.notes),
      area_label: f.area.name,
      period_start: range?.start ?? "",
      period_end: range?.end ?? "",
      preferred: d.preferred,
      preferred_figure_id: d.preferredIndex === undefined ? "" : ids[d.preferredIndex]!,
      not_preferred_reason: d.reason,
      corroborated_by: d.corroboratedBy.map((j) => ids[j]!).sort(),
      formula: dv?.formula ?? "",
      derived_from: dv ? dv.inputs.map((j) => ids[j]!) : [],
      source_title: source.title,
      source_publisher: source.publisher,
      source_published_date: source.published_date,
      source_url: source.url,
      source_licence: source.licence,
      source_type: ref.sourceTypes.get(f.source_id)!.row.source_type,
      source_file: f.sourceFile,
      source_line: f.line,
    };
  });
  const keyed = out.map((f) => ({ k: sortKey(f), f }));
  keyed.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
  return keyed.map((x) => x.f);
}
