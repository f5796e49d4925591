/**
 * Input files as tables: reading a file inside an input folder (never through a link that leaves it), parsing it as
 * UTF-8 CSV, checking its header, and validating small tables (catalogues, reference tables) row by row with zod.
 */
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import { sep } from "node:path";
import type * as z from "zod";
import { decodeUtf8, parseCsv, rowRecord, type CsvColumns } from "./csv.ts";
import type { Dictionary } from "./frame.ts";
import { displayPath } from "./paths.ts";
import type { ProblemList } from "./problems.ts";

/** A validated row and the line it came from. */
export interface Located<T> {
  row: T;
  file: string;
  line: number;
}

const within = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/**
 * Why an entry of an input folder may not be read, or undefined: a symbolic link that dangles, or whose target lies
 * outside the folder, is refused by name, and its target is never opened (so nothing of it reaches a message).
 */
export function linkProblem(path: string, root: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return undefined;
  }
  if (!stat.isSymbolicLink()) return undefined;
  let target: string;
  try {
    target = realpathSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ELOOP") return "is a symbolic link that leads round in a loop to itself; put the file itself here";
    return "is a symbolic link to nothing (its target does not exist); put the file itself here";
  }
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    // compare with the folder as given
  }
  if (!within(target, realRoot)) return `is a symbolic link to a place outside ${displayPath(root)}; copy the file into the folder instead (the link is not followed)`;
  return undefined;
}

/** Reads a file of an input folder, or records why not (a link that leaves the folder or dangles, a read error). */
export function readInputFile(path: string, root: string, file: string, problems: ProblemList): Uint8Array | undefined {
  const link = linkProblem(path, root);
  if (link) {
    problems.add({ file, rule: link });
    return undefined;
  }
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.add({ file, rule: code === "ENOENT" ? "is missing" : `cannot be read (${code ?? String(e)})` });
    return undefined;
  }
}

/** Decodes and parses a file's bytes as UTF-8 CSV, recording a whole-file problem on failure. */
export function parseCsvBytes(bytes: Uint8Array, file: string, problems: ProblemList, dictionaryFor?: (column: string) => Dictionary): CsvColumns | undefined {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    problems.add({ file, ...(decoded.line === undefined ? {} : { line: decoded.line }), rule: decoded.rule });
    return undefined;
  }
  const parsed = parseCsv(decoded.text, dictionaryFor);
  if (!parsed.ok) {
    problems.add({ file, line: 1, rule: parsed.rule });
    return undefined;
  }
  return parsed.table;
}

/** Reads and parses a CSV file of an input folder. */
export function readCsvFile(path: string, root: string, file: string, problems: ProblemList, dictionaryFor?: (column: string) => Dictionary): CsvColumns | undefined {
  const bytes = readInputFile(path, root, file, problems);
  return bytes && parseCsvBytes(bytes, file, problems, dictionaryFor);
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
 * Checks the header against the expected columns (any order). Reports duplicated, misspelt, extra and missing
 * columns. Returns the column index of each expected name, or undefined.
 */
export function checkHeader(header: readonly string[], file: string, expected: readonly string[], problems: ProblemList): Map<string, number> | undefined {
  const before = problems.total;
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (seen.has(name)) problems.add({ file, line: 1, value: name, rule: "appears twice in the header" });
    else seen.set(name, i);
  });
  const unknown = header.filter((h) => !expected.includes(h));
  const missing = expected.filter((c) => !seen.has(c));
  for (const name of unknown) {
    const near = missing.find((m) => distance(name.toLowerCase().trim(), m) <= Math.max(2, Math.floor(m.length / 4)));
    problems.add({
      file,
      line: 1,
      value: name,
      rule: near ? `is not a known column; did you mean "${near}"?` : `is not a known column (expected ${expected.join(", ")})`,
    });
  }
  for (const name of missing) problems.add({ file, line: 1, rule: `column "${name}" is missing from the header` });
  return problems.total === before ? seen : undefined;
}

/** Reports the rows a file's parser could not read into columns (wrong number of fields, broken quoting). */
export function reportFaults(table: CsvColumns, file: string, problems: ProblemList): void {
  for (const f of table.faults) problems.add({ file, line: f.line, rule: f.rule });
}

/** Maps a zod issue path to the column it concerns. */
function issueColumn(issue: z.core.$ZodIssue): string | undefined {
  const first = issue.path[0];
  return typeof first === "string" ? first : undefined;
}

/**
 * Validates every row of a small table with a zod object schema. Problems name the line, column, value and rule, in
 * line order; rows that fail are left out of the result.
 */
export function validateRows<S extends z.ZodType>(table: CsvColumns, file: string, columns: readonly string[], schema: S, problems: ProblemList): Located<z.output<S>>[] {
  const index = checkHeader(table.header, file, columns, problems);
  if (!index) return [];
  const out: Located<z.output<S>>[] = [];
  const faults = [...table.faults];
  for (let r = 0; r < table.rows; r++) {
    const line = table.lines[r]!;
    while (faults.length > 0 && faults[0]!.line < line) problems.add({ file, ...faults.shift()! });
    const record = rowRecord(table, r, columns, index);
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      out.push({ row: parsed.data, file, line });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = issueColumn(issue);
      problems.add({ file, line, ...(column === undefined ? {} : { column, value: record[column] ?? "" }), rule: issue.message });
    }
  }
  for (const f of faults) problems.add({ file, ...f });
  return out;
}
