/**
 * The assembled figures as an arquero table, one column per field of Figure (src/schemas/figure.ts), sorted, with a
 * typed adapter for code that wants Figure objects: `figure(i)`, iteration (one object at a time, so a writer can
 * stream millions of figures without holding them all), and `toArray()`.
 *
 * Column types: text fields are dictionary columns (frame.ts) or string arrays; `value` is a Float64Array (NaN for no
 * number: the adapter gives null); `preferred` a Uint8Array (0 or 1); `source_line` an Int32Array; `corroborated_by`
 * and `derived_from` arrays of id lists.
 */
import type { Figure } from "../../src/schemas/figure.ts";
import { DictColumn, type Table } from "./frame.ts";

/** The fields of Figure in the order of its schema. */
export const FIGURE_FIELDS = [
  "figure_id",
  "indicator_id",
  "role",
  "measure_label",
  "dataset_id",
  "measure",
  "unit",
  "period",
  "geography_level",
  "area_code",
  "area_name",
  "breakdown_type",
  "breakdown_value",
  "breakdown_label",
  "breakdown_group",
  "value",
  "value_text",
  "status",
  "source_id",
  "source_location",
  "notes",
  "marker",
  "qualifier",
  "area_label",
  "period_start",
  "period_end",
  "preferred",
  "preferred_figure_id",
  "not_preferred_reason",
  "corroborated_by",
  "formula",
  "derived_from",
  "source_title",
  "source_publisher",
  "source_published_date",
  "source_url",
  "source_licence",
  "source_type",
  "source_file",
  "source_line",
] as const satisfies readonly (keyof Figure)[];

type Read = (i: number) => unknown;

/** How to read row i of a column: a dictionary column by its codes, a typed array or array by index. */
function reader(field: keyof Figure, c: unknown): Read {
  const get: Read = c instanceof DictColumn ? (i) => c.at(i) : (i) => (c as ArrayLike<unknown>)[i];
  if (field === "value") return (i) => (Number.isNaN(get(i)) ? null : get(i));
  if (field === "preferred") return (i) => get(i) === 1;
  return get;
}

export class FigureTable implements Iterable<Figure> {
  readonly table: Table;
  private readonly readers: [keyof Figure, Read][];
  constructor(table: Table) {
    this.table = table;
    this.readers = FIGURE_FIELDS.map((f) => [f, reader(f, table.column(f))]);
  }
  get numRows(): number {
    return this.table.numRows();
  }
  /** The column of a field (dictionary column, typed array or array). */
  column(field: keyof Figure): unknown {
    return this.table.column(field);
  }
  /** Figure i as an object (value null when there is no number, preferred a boolean). */
  figure(i: number): Figure {
    const f: Record<string, unknown> = {};
    for (const [name, read] of this.readers) f[name] = read(i);
    return f as unknown as Figure;
  }
  *[Symbol.iterator](): Iterator<Figure> {
    for (let i = 0; i < this.numRows; i++) yield this.figure(i);
  }
  toArray(): Figure[] {
    return Array.from({ length: this.numRows }, (_, i) => this.figure(i));
  }
}
