import { readFileSync } from "node:fs";
import type * as z from "zod";
import { decodeUtf8, parseCsv, type CsvTable } from "./csv.ts";
import type { ProblemList } from "./problems.ts";

/** A validated row and the line it came from. */
export interface Located<T> {
  row: T;
  file: string;
  line: number;
}

/** Reads a file's bytes and parses it as UTF-8 CSV, recording a whole-file problem on failure. */
export function readCsvFile(path: string, file: string, problems: ProblemList): CsvTable | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    problems.add({ file, rule: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
    return undefined;
  }
  return parseCsvBytes(bytes, file, problems);
}

/** Decodes and parses a file's bytes as UTF-8 CSV, recording a whole-file problem on failure. */
export function parseCsvBytes(bytes: Uint8Array, file: string, problems: ProblemList): CsvTable | undefined {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    problems.add({ file, rule: decoded.rule });
    return undefined;
  }
  const parsed = parseCsv(file, decoded.text);
  if (!parsed.ok) {
    problems.add({ file, rule: parsed.rule });
    return undefined;
  }
  return parsed.table;
}

/** Edit distance, to tell a misspelt column from an extra one. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/**
 * Checks the header against the expected columns (any order). Reports duplicated, misspelt,
 * extra and missing columns. Returns the column index of each expected name, or undefined.
 */
export function checkHeader(
  table: CsvTable,
  expected: readonly string[],
  problems: ProblemList,
): Map<string, number> | undefined {
  const before = problems.total;
  const seen = new Map<string, number>();
  table.header.forEach((name, i) => {
    if (seen.has(name)) problems.add({ file: table.file, line: 1, value: name, rule: "appears twice in the header" });
    else seen.set(name, i);
  });
  const unknown = table.header.filter((h) => !expected.includes(h));
  const missing = expected.filter((c) => !seen.has(c));
  for (const name of unknown) {
    const near = missing.find((m) => distance(name.toLowerCase().trim(), m) <= Math.max(2, Math.floor(m.length / 4)));
    problems.add({
      file: table.file,
      line: 1,
      value: name,
      rule: near
        ? `is not a known column; did you mean "${near}"?`
        : `is not a known column (expected ${expected.join(", ")})`,
    });
  }
  for (const name of missing) problems.add({ file: table.file, line: 1, rule: `column "${name}" is missing from the header` });
  return problems.total === before ? seen : undefined;
}

/** Maps a zod issue path to the column it concerns. */
function issueColumn(issue: z.core.$ZodIssue): string | undefined {
  const first = issue.path[0];
  return typeof first === "string" ? first : undefined;
}

/**
 * Validates every row of a table with a zod object schema. Problems name the line, column,
 * value and rule; rows that fail are dropped from the result.
 */
export function validateRows<S extends z.ZodType>(
  table: CsvTable,
  columns: readonly string[],
  schema: S,
  problems: ProblemList,
): Located<z.output<S>>[] {
  const index = checkHeader(table, columns, problems);
  if (!index) return [];
  const out: Located<z.output<S>>[] = [];
  const width = table.header.length;
  for (let r = 0; r < table.rows.length; r++) {
    const cells = table.rows[r]!;
    if (cells.length !== width) {
      problems.add({
        file: table.file,
        line: table.lineOf(r),
        rule: `row has ${cells.length} field${cells.length === 1 ? "" : "s"}, expected ${width} (check for an unquoted comma or a missing field)`,
      });
      continue;
    }
    const record: Record<string, string> = {};
    for (const c of columns) record[c] = cells[index.get(c)!]!;
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      out.push({ row: parsed.data, file: table.file, line: table.lineOf(r) });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = issueColumn(issue);
      problems.add({
        file: table.file,
        line: table.lineOf(r),
        ...(column === undefined ? {} : { column, value: record[column] ?? "" }),
        rule: issue.message,
      });
    }
  }
  return out;
}
