/** Row model of a figure table: what each cell says, computed once, so components only place text. */
import type { Figure } from "../../schemas/figure.ts";
import { GEOGRAPHY_LEVELS } from "../../schemas/vocabulary.ts";
import { LEVEL_LABEL } from "../../schemas/vocabulary.ts";
import { formatCell } from "../format.ts";
import { formatPeriod } from "../periods.ts";
import { compareText } from "../text.ts";
import { locationInWords } from "./cite.ts";
import { when } from "./select.ts";

export interface FigureRow {
  id: string;
  area: string;
  level: string;
  period: string;
  breakdown: string;
  measure: string;
  value: string;
  status: string;
  sourceId: string;
  sourceType: string;
  location: string;
  note: string;
}

const levelIndex = (l: string) => (GEOGRAPHY_LEVELS as readonly string[]).indexOf(l);

/** Status in words for a table cell. */
export function statusText(f: Figure): string {
  const parts: string[] = [];
  if (f.status === "suppressed") parts.push("Suppressed [c]");
  else if (f.status === "not_available") parts.push("Not available [x]");
  else if (f.status === "derived") parts.push("Derived");
  else parts.push("Published");
  if (f.marker === "[r]") parts.push("revised [r]");
  if (f.source_type === "secondary") parts.push("secondary source");
  if (!f.preferred) parts.push("not shown in charts");
  return parts.join(", ");
}

export function breakdownText(f: Pick<Figure, "breakdown_type" | "breakdown_value">): string {
  if (f.breakdown_type === "total") return "All";
  return f.breakdown_type === "sex" ? f.breakdown_value : `${f.breakdown_type.replace(/_/g, " ")}: ${f.breakdown_value}`;
}

/** Table order: level, area, measure, breakdown, then period (oldest first), then shown before not shown. */
export function orderForTable(figures: Figure[], measureOrder: string[] = []): Figure[] {
  const mi = (m: string) => {
    const i = measureOrder.indexOf(m);
    return i < 0 ? measureOrder.length : i;
  };
  return [...figures].sort(
    (a, b) =>
      levelIndex(a.geography_level) - levelIndex(b.geography_level) ||
      compareText(a.area_label, b.area_label) ||
      mi(a.measure) - mi(b.measure) ||
      compareText(a.measure, b.measure) ||
      compareText(a.breakdown_type, b.breakdown_type) ||
      compareText(a.breakdown_value, b.breakdown_value) ||
      compareText(when(a), when(b)) ||
      compareText(a.period, b.period) ||
      Number(b.preferred) - Number(a.preferred) ||
      compareText(a.figure_id, b.figure_id),
  );
}

export function figureRow(f: Figure, precision: number): FigureRow {
  return {
    id: f.figure_id,
    area: f.area_label,
    level: LEVEL_LABEL[f.geography_level],
    period: formatPeriod(f.period),
    breakdown: breakdownText(f),
    measure: f.measure_label,
    value: formatCell(f, precision),
    status: statusText(f),
    sourceId: f.source_id,
    sourceType: f.source_type,
    location: f.status === "derived" && f.formula ? `Derived: ${f.formula}` : f.source_location,
    note: f.preferred ? "" : f.not_preferred_reason,
  };
}

/** A numbered place in a source, listed under a figure table; each row names its source and the note's number. */
export interface SourceNote {
  n: number;
  sourceId: string;
  /** Where in the source, in words (or, for a derived figure, the formula this site used). */
  text: string;
}

export interface FigureTableModel {
  rows: (FigureRow & { sourceNote: number })[];
  notes: SourceNote[];
  /** Whether any row has a breakdown other than the total (else the column is left out). */
  showBreakdown: boolean;
}

/** Where a figure is in its source, in words, for the notes under a table. */
export function sourceNoteText(f: Pick<Figure, "status" | "formula" | "source_location" | "source_url">): string {
  if (f.status === "derived" && f.formula) return `Derived by this site from its figures: ${f.formula}`;
  return locationInWords(f.source_location, f.source_url) || "Place in the source not recorded";
}

/**
 * Rows of a figure table, with the long source details moved to numbered notes under it: rows that cite the
 * same place in the same source share a note, numbered in the order the rows first cite them.
 */
export function figureTableModel(figures: Figure[], precision: number, measureOrder: string[] = []): FigureTableModel {
  const notes: SourceNote[] = [];
  const byKey = new Map<string, SourceNote>();
  const rows = orderForTable(figures, measureOrder).map((f) => {
    const text = sourceNoteText(f);
    const key = `${f.source_id}\u0000${text}`;
    let note = byKey.get(key);
    if (!note) {
      note = { n: notes.length + 1, sourceId: f.source_id, text };
      notes.push(note);
      byKey.set(key, note);
    }
    return { ...figureRow(f, precision), sourceNote: note.n };
  });
  return { rows, notes, showBreakdown: rows.some((r) => r.breakdown !== "All") };
}
