/**
 * The one way the write stage reads the assembled figures, whichever form the stages hand over: an array of Figure
 * records, or an arquero table with the same columns (one column per field of Figure, list fields as arrays), in the
 * order the outputs list them. Writers ask for row i; nothing else depends on the form.
 */
import type { ColumnTable } from "arquero";
import { Figure } from "../../src/schemas/figure.ts";

export type FigureInput = readonly Figure[] | ColumnTable;

export interface FigureRows {
  readonly length: number;
  /** Figure i, in output order. */
  at(i: number): Figure;
}

const FIELDS = Object.keys(Figure.shape) as (keyof Figure)[];

const isTable = (input: FigureInput): input is ColumnTable => !Array.isArray(input) && typeof (input as ColumnTable).numRows === "function";

/**
 * Figures as rows. An arquero table must have every field of Figure as a column; its first row is checked against the
 * Figure schema, so a table of another shape stops the write with one message instead of writing wrong columns.
 */
export function figureRows(input: FigureInput): FigureRows {
  if (!isTable(input)) {
    const list = input as readonly Figure[];
    return { length: list.length, at: (i) => list[i]! };
  }
  const names = new Set(input.columnNames());
  const missing = FIELDS.filter((f) => !names.has(f));
  if (missing.length > 0) throw new Error(`write: the figures table has no column ${missing.join(", ")} (it needs every field of a Figure, src/schemas/figure.ts)`);
  // One array per column, in the table's row order (filters and orderby applied), read once.
  const columns = FIELDS.map((f) => input.array(f) as unknown[]);
  const length = input.numRows();
  const at = (i: number): Figure => {
    const f = {} as Record<string, unknown>;
    for (let c = 0; c < FIELDS.length; c++) f[FIELDS[c]!] = columns[c]![i];
    return f as Figure;
  };
  if (length > 0) {
    const first = Figure.safeParse(at(0));
    if (!first.success) {
      const issue = first.error.issues[0]!;
      throw new Error(`write: row 1 of the figures table is not a Figure: ${issue.path.join(".") || "(row)"}: ${issue.message}`);
    }
  }
  return { length, at };
}

/** Row indices grouped by a key, each group in row order, groups in order of first appearance. */
export function groupIndices(rows: FigureRows, key: (f: Figure) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const k = key(rows.at(i));
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}
