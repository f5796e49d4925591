/**
 * Stage 6, assemble: the published Figure records (published and derived) as one sorted arquero table (figureTable.ts):
 * stable ids, the indicator of each figure, the GSS marker and qualifier, period dates, what the checks decided (shown
 * or not, which figure instead and why, corroborating figures, inputs of derived figures) and each source's citation.
 * Everything computed from a value is computed once per distinct value (or combination), then spread to the rows.
 */
import * as aq from "arquero";
import { parsePeriod } from "../../src/lib/periods.ts";
import { GEOGRAPHY_LEVELS } from "../../src/schemas/vocabulary.ts";
import { indicatorColumn } from "./check.ts";
import type { Derived } from "./derive.ts";
import { combineKeys, DictColumn, dictOf, type Table } from "./frame.ts";
import { FigureTable } from "./figureTable.ts";
import type { ProblemList } from "./problems.ts";
import type { Reference } from "./reference.ts";
import { derivedId, ID_KEY, publishedId } from "./ids.ts";

const QUALIFIER =
  /published (?:only )?as '((?:up by |increased by |averaging |the creation of )?(more than|over|almost|nearly|just under|around|fewer than|about|approximately|at least|in the region of)\b[^']*)'?/i;

/**
 * The words that qualify a published number ("more than 1,200"), read from the transcriber's notes. When the quoted
 * words qualify a phrase and give the exact number in brackets ("over three in four (75.9%)"), the number is exact.
 */
export function qualifierFromNotes(notes: string, value = ""): string {
  const m = QUALIFIER.exec(notes);
  if (!m) return "";
  if (value !== "" && m[1]!.includes(`(${value}`)) return "";
  return m[2]!.toLowerCase();
}

/** GSS shorthand for a figure: [c] suppressed, [x] not available, [r] revised. */
export function markerFor(status: string, revised: boolean, notes: string): string {
  if (status === "suppressed") return "[c]";
  if (status === "not_available") return "[x]";
  if (revised || /published as \d+R\b/.test(notes)) return "[r]";
  return "";
}

/** A column computed once per distinct combination of other columns. */
function perCombination(columns: DictColumn[], compute: (row: number) => string): DictColumn {
  const key = combineKeys(columns);
  const values = new Array<string>(key.size);
  const done = new Uint8Array(key.size);
  for (let i = 0; i < key.keys.length; i++) {
    const k = key.keys[i]!;
    if (!done[k]) {
      done[k] = 1;
      values[k] = compute(i);
    }
  }
  return new DictColumn(key.keys, values);
}

/** Ranks of a dictionary column's values in code-unit order (the order compareText gives). */
function ranks(values: readonly string[]): Int32Array {
  const order = values.map((_, i) => i).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0));
  const out = new Int32Array(values.length);
  let rank = 0;
  order.forEach((i, k) => {
    if (k > 0 && values[i] !== values[order[k - 1]!]) rank++;
    out[i] = rank;
  });
  return out;
}

/**
 * The row order of the published files: indicator, measure, geography level (largest first), area, breakdown type
 * and value, period (by its start date; labels in words after dates), period label, dataset, figure id. The columns'
 * ranks are packed into as few whole numbers as fit, then compared; the figure id breaks ties.
 */
function sortOrder(columns: { keys: ArrayLike<number>; rank: Int32Array; size: number }[], ids: string[]): Int32Array {
  const n = ids.length;
  const packed: Float64Array[] = [];
  let current: Float64Array | undefined;
  let width = 1;
  for (const c of columns) {
    const size = Math.max(1, c.size);
    if (!current || width * size > 2 ** 52) {
      current = new Float64Array(n);
      packed.push(current);
      width = 1;
    }
    for (let i = 0; i < n; i++) current[i] = current[i]! * size + c.rank[c.keys[i]!]!;
    width *= size;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    for (const p of packed) {
      const d = p[a]! - p[b]!;
      if (d !== 0) return d;
    }
    return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
  });
  return Int32Array.from(order);
}

export interface Assembled {
  figures: FigureTable;
  /** Published and derived counts. */
  published: number;
  derived: number;
}

/** Stage 6, assemble: the Figure records, sorted. */
export function assemble(derived: Derived, ref: Reference, problems: ProblemList): Assembled {
  const t = derived.figures;
  const d = derived.decisions;
  const n = t.numRows();
  const col = (name: string) => dictOf(t, name);

  // Ids: a hash of the figure's key as published and its source (published), or of the derivation and the key (derived).
  const idCols = ID_KEY.map(col);
  const source = col("source_id");
  const derivation = col("derivation");
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    let k = idCols[0]!.at(i);
    for (let c = 1; c < idCols.length; c++) k += `\u001f${idCols[c]!.at(i)}`;
    ids[i] = i < derived.derivedFrom ? publishedId(k, source.at(i)) : derivedId(derivation.at(i), k);
  }

  const measureRow = t.array("measure_row") as Int32Array;
  const indicator = indicatorColumn(t, ref);
  const role = new DictColumn(measureRow, ref.indicatorMeasures.map((m) => m.row.role));
  const measureLabel = new DictColumn(measureRow, ref.indicatorMeasures.map((m) => m.row.label));
  const period = col("period");
  const ranges = period.values.map((p) => parsePeriod(p));
  const revised = new DictColumn(Int32Array.from(d.revised), ["0", "1"]);
  const marker = perCombination([col("status"), revised, col("notes")], (i) => markerFor(col("status").at(i), d.revised[i] === 1, col("notes").at(i)));
  const qualifier = perCombination([col("notes"), col("value")], (i) => qualifierFromNotes(col("notes").at(i), col("value").at(i)));
  const entry = (id: string) => derived.sources.get(id)?.row;
  const citation = (field: "title" | "publisher" | "published_date" | "url" | "licence") => source.map(source.values.map((id) => entry(id)?.[field] ?? ""));
  const input = [t.array("input_a") as Int32Array, t.array("input_b") as Int32Array];

  const table = aq.table({
    figure_id: ids,
    indicator_id: indicator,
    role,
    measure_label: measureLabel,
    dataset_id: col("dataset_id"),
    measure: col("measure"),
    unit: col("unit"),
    period,
    geography_level: col("geography_level"),
    area_code: col("area_code"),
    area_name: col("area_name"),
    breakdown_type: col("breakdown_type"),
    breakdown_value: col("breakdown_value"),
    breakdown_label: col("breakdown_canonical"),
    breakdown_group: col("breakdown_group"),
    value: t.array("number") as Float64Array,
    value_text: col("value"),
    status: col("status"),
    source_id: source,
    source_location: col("source_location"),
    notes: col("notes"),
    marker,
    qualifier,
    area_label: col("area_label"),
    period_start: period.map(ranges.map((r) => r?.start ?? "")),
    period_end: period.map(ranges.map((r) => r?.end ?? "")),
    preferred: d.preferred,
    preferred_figure_id: Array.from(d.preferredIndex, (j) => (j < 0 ? "" : ids[j]!)),
    not_preferred_reason: d.reason,
    corroborated_by: Array.from({ length: n }, (_, i) => (d.corroboratedBy.get(i) ?? []).map((j) => ids[j]!).sort()),
    formula: col("formula"),
    derived_from: Array.from({ length: n }, (_, i) => (input[0]![i]! < 0 ? [] : [ids[input[0]![i]!]!, ids[input[1]![i]!]!])),
    source_title: citation("title"),
    source_publisher: citation("publisher"),
    source_published_date: citation("published_date"),
    source_url: citation("url"),
    source_licence: citation("licence"),
    source_type: col("source_type"),
    source_file: col("source_file"),
    source_line: t.array("line") as Int32Array,
  } as unknown as Record<string, unknown[]>);

  // A figure id twice would make two figures one: a problem, named by the rows.
  const seen = new Map<string, number>();
  const file = col("file");
  const line = t.array("line") as Int32Array;
  for (let i = 0; i < n; i++) {
    if (seen.has(ids[i]!)) problems.add({ file: file.at(i), line: line[i]!, rule: `gives figure id ${ids[i]} twice` });
    else seen.set(ids[i]!, i);
  }

  const levelRank = Int32Array.from(GEOGRAPHY_LEVELS, (_, i) => i);
  const level = col("geography_level");
  const start = period.map(ranges.map((r, k) => r?.start || `~${period.values[k]}`));
  const byRank = (c: DictColumn) => ({ keys: c.keys, rank: ranks(c.values), size: c.values.length });
  const order = sortOrder(
    [
      byRank(indicator),
      byRank(col("measure")),
      { keys: level.keys, rank: Int32Array.from(level.values, (v) => levelRank[(GEOGRAPHY_LEVELS as readonly string[]).indexOf(v)] ?? -1), size: GEOGRAPHY_LEVELS.length },
      byRank(col("area_code")),
      byRank(col("breakdown_type")),
      byRank(col("breakdown_value")),
      byRank(start),
      byRank(period),
      byRank(col("dataset_id")),
    ],
    ids,
  );
  return { figures: new FigureTable(reorder(table, order)), published: derived.derivedFrom, derived: n - derived.derivedFrom };
}

/** The table's rows in the given order. */
function reorder(t: Table, order: Int32Array): Table {
  const data: Record<string, unknown> = {};
  for (const name of t.columnNames()) {
    const c = t.column(name) as unknown;
    if (c instanceof DictColumn) data[name] = c.take(order);
    else if (ArrayBuffer.isView(c)) {
      const a = c as unknown as Float64Array;
      const out = new (a.constructor as Float64ArrayConstructor)(order.length);
      for (let i = 0; i < order.length; i++) out[i] = a[order[i]!]!;
      data[name] = out;
    } else data[name] = Array.from(order, (i) => (c as unknown[])[i]);
  }
  return aq.table(data as Record<string, unknown[]>);
}
