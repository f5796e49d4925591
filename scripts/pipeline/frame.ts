/**
 * Dictionary-encoded columns for arquero tables: the data stage's tables hold each text column as codes into a
 * dictionary of its distinct values, as Arrow dictionary columns do (arquero reads them through `at`, and groups a
 * table by one of them without looking at a single value: see `groups`). A rule about a value then runs once per
 * distinct value, and a join against the reference runs on the distinct keys, so the cost of the checks grows with
 * the distinct values, not with the rows.
 */
import * as aq from "arquero";

/** The distinct values of a column, each with a code (0, 1, 2 … in order of first appearance). */
export class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  code(value: string): number {
    let c = this.index.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.index.set(value, c);
    }
    return c;
  }
  /** The code of a value, or -1 when no row has it. */
  find(value: string): number {
    return this.index.get(value) ?? -1;
  }
  get size(): number {
    return this.values.length;
  }
}

/**
 * An arquero column of codes into a list of values (the column's dictionary, or values computed per code, such as the
 * canonical label of each published label). Grouping a table by it uses the codes directly.
 */
export class DictColumn {
  readonly keys: Int32Array;
  readonly values: readonly string[];
  constructor(keys: Int32Array, values: readonly string[]) {
    this.keys = keys;
    this.values = values;
  }
  get length(): number {
    return this.keys.length;
  }
  at(row: number): string {
    return this.values[this.keys[row]!]!;
  }
  key(row: number): number {
    return this.keys[row]!;
  }
  /**
   * arquero's hook for grouping by one column (as for Arrow dictionary columns): the groups come from the codes, one
   * per distinct value present, without reading a value per row.
   */
  groups(names: string[]): { keys: Int32Array; get: ((k: number) => unknown)[]; names: string[]; rows: number[]; size: number } {
    const dense = combineKeys([this]);
    const valueOf = new Array<string>(dense.size);
    for (let i = 0; i < dense.keys.length; i++) valueOf[dense.keys[i]!] ??= this.at(i);
    return { keys: dense.keys, get: [(k: number) => valueOf[k]], names, rows: Array.from({ length: dense.size }, (_, i) => i), size: dense.size };
  }
  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.keys.length; i++) yield this.at(i);
  }
  toArray(): string[] {
    return Array.from(this.keys, (k) => this.values[k]!);
  }
  /** The same codes with other values per code (a join of the distinct values against a lookup). */
  map(values: readonly string[]): DictColumn {
    return new DictColumn(this.keys, values);
  }
  /** The rows in `order` (a permutation or a selection of row indexes). */
  take(order: ArrayLike<number>): DictColumn {
    const keys = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) keys[i] = this.keys[order[i]!]!;
    return new DictColumn(keys, this.values);
  }
}

/** A column of codes whose values are the codes themselves (a combined key: see combineKeys). */
export class KeyColumn extends DictColumn {
  readonly size: number;
  constructor(keys: Int32Array, size: number) {
    super(keys, []);
    this.size = size;
  }
  override at(row: number): string {
    return String(this.keys[row]);
  }
  override groups(names: string[]): { keys: Int32Array; get: ((k: number) => unknown)[]; names: string[]; rows: number[]; size: number } {
    return { keys: this.keys, get: [(k: number) => k], names, rows: Array.from({ length: this.size }, (_, i) => i), size: this.size };
  }
}

/**
 * Dense codes 0 … n-1 for whole-number keys, in order of first appearance. Direct lookup when the keys are small,
 * otherwise an open-addressing hash table on typed arrays (a Map of millions of numbers is several times slower).
 */
function densify(raw: Float64Array, max: number): { keys: Int32Array; size: number } {
  const n = raw.length;
  const keys = new Int32Array(n);
  let size = 0;
  if (max <= Math.max(1 << 22, 2 * n)) {
    const table = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = raw[i]!;
      let c = table[k]!;
      if (c < 0) table[k] = c = size++;
      keys[i] = c;
    }
    return { keys, size };
  }
  let cap = 1;
  while (cap < 2 * n) cap <<= 1;
  const mask = cap - 1;
  const slotKey = new Float64Array(cap);
  const slotCode = new Int32Array(cap).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = raw[i]!;
    let h = Math.imul((k % 4294967296) ^ Math.floor(k / 4294967296), 0x9e3779b1) & mask;
    for (;;) {
      const c = slotCode[h]!;
      if (c < 0) {
        slotKey[h] = k;
        slotCode[h] = keys[i] = size++;
        break;
      }
      if (slotKey[h] === k) {
        keys[i] = c;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { keys, size };
}

/**
 * The column with one code per distinct value: a column made by `map` may give two codes the same value (two
 * published labels of one canonical label), and rows are the same when their values are.
 */
function byValue(c: DictColumn): DictColumn {
  if (c instanceof KeyColumn) return c;
  const first = new Map<string, number>();
  let unique = true;
  const recode = c.values.map((v, i) => {
    const f = first.get(v);
    if (f === undefined) {
      first.set(v, i);
      return i;
    }
    unique = false;
    return f;
  });
  if (unique) return c;
  return new DictColumn(Int32Array.from(c.keys, (k) => recode[k]!), c.values);
}

/**
 * One code per distinct combination of the given columns' codes (rows with the same values get the same code), dense
 * (0 … size-1, every code used, in order of first appearance).
 */
export function combineKeys(input: readonly DictColumn[]): KeyColumn {
  const columns = input.map(byValue);
  const n = columns[0]?.length ?? 0;
  const width0 = Math.max(1, columns[0] instanceof KeyColumn ? columns[0].size : (columns[0]?.values.length ?? 0));
  const first = densify(Float64Array.from(columns[0]?.keys ?? []), width0);
  let current = Float64Array.from(first.keys);
  let size = first.size;
  for (const c of columns.slice(1)) {
    const width = Math.max(1, c instanceof KeyColumn ? c.size : c.values.length);
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = current[i]! * width + c.keys[i]!;
    const d = densify(next, size * width);
    current = Float64Array.from(d.keys);
    size = d.size;
  }
  return new KeyColumn(Int32Array.from(current), size);
}

/** Rows per code of a key column, as one array of row indexes per code (empty codes give empty arrays). */
export function rowsByKey(col: DictColumn, size = col instanceof KeyColumn ? col.size : col.values.length): Int32Array[] {
  const counts = new Int32Array(size);
  for (let i = 0; i < col.keys.length; i++) counts[col.keys[i]!]!++;
  const out = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(size);
  for (let i = 0; i < col.keys.length; i++) {
    const k = col.keys[i]!;
    out[k]![fill[k]!++] = i;
  }
  return out;
}

/** A DictColumn from plain strings (for small tables, such as the derived figures). */
export function dictColumnOf(values: readonly string[], dict = new Dictionary()): DictColumn {
  const keys = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) keys[i] = dict.code(values[i]!);
  return new DictColumn(keys, dict.values);
}

/** Concatenates dictionary columns (re-coding the second's values into the first's dictionary). */
export function concatDict(a: DictColumn, b: DictColumn, dict: Dictionary): DictColumn {
  const keys = new Int32Array(a.length + b.length);
  const fromA = a.values.map((v) => dict.code(v));
  const fromB = b.values.map((v) => dict.code(v));
  for (let i = 0; i < a.length; i++) keys[i] = fromA[a.keys[i]!]!;
  for (let i = 0; i < b.length; i++) keys[a.length + i] = fromB[b.keys[i]!]!;
  return new DictColumn(keys, dict.values);
}

export type Table = aq.ColumnTable;

/** The column of a table, typed. */
export function dictOf(t: Table, name: string): DictColumn {
  const c = t.column(name);
  if (!(c instanceof DictColumn)) throw new Error(`column ${name} is not a dictionary column`);
  return c;
}

export function numbersOf<T extends Float64Array | Int32Array | Uint8Array>(t: Table, name: string): T {
  return t.column(name) as unknown as T;
}

/** The rows of a table at the given indexes (every column: dictionary columns keep their values). */
export function takeRows(t: Table, rows: ArrayLike<number>): Table {
  const data: Record<string, unknown> = {};
  for (const name of t.columnNames()) {
    const c = t.column(name) as unknown;
    if (c instanceof DictColumn) data[name] = c.take(rows);
    else if (c instanceof Float64Array) data[name] = Float64Array.from({ length: rows.length }, (_, i) => c[rows[i]!]!);
    else if (c instanceof Int32Array) data[name] = Int32Array.from({ length: rows.length }, (_, i) => c[rows[i]!]!);
    else if (c instanceof Uint8Array) data[name] = Uint8Array.from({ length: rows.length }, (_, i) => c[rows[i]!]!);
    else data[name] = Array.from({ length: rows.length }, (_, i) => (c as unknown[])[rows[i]!]);
  }
  return aq.table(data as Record<string, DictColumn>);
}

/** The indexes of the rows where `keep` is 1. */
export function keptRows(keep: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < keep.length; i++) n += keep[i]!;
  const out = new Int32Array(n);
  for (let i = 0, o = 0; i < keep.length; i++) if (keep[i]) out[o++] = i;
  return out;
}

/**
 * The distinct combinations of some columns: a key per row (see combineKeys) and a small arquero table with one row
 * per combination (its values, and `key`), to join against the reference tables.
 */
export function distinct(t: Table, names: readonly string[]): { key: KeyColumn; table: Table } {
  const cols = names.map((n) => dictOf(t, n));
  const key = combineKeys(cols);
  const firstRow = new Int32Array(key.size).fill(-1);
  for (let i = 0; i < key.keys.length; i++) if (firstRow[key.keys[i]!]! < 0) firstRow[key.keys[i]!] = i;
  const data: Record<string, unknown> = { key: Int32Array.from({ length: key.size }, (_, i) => i) };
  names.forEach((n, j) => (data[n] = Array.from(firstRow, (r) => cols[j]!.at(r))));
  return { key, table: aq.table(data as Record<string, string[]>) };
}

/** A small arquero table from row objects, with the given columns even when there are no rows. */
export function tableOf(rows: readonly Record<string, unknown>[], names: readonly string[]): Table {
  const data: Record<string, unknown[]> = {};
  for (const n of names) data[n] = rows.map((r) => r[n]);
  return aq.table(data);
}

/** Join keys with the same names on both sides (arquero reads ["a", "b"] as left key a and right key b). */
export function sameKeys(...names: string[]): [string[], string[]] {
  return [names, names];
}
