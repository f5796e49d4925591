/**
 * Stage 2, validate: every figure row against the zod contract (src/schemas/sourceFigure.ts) and the row rules, and
 * every catalogue row against its schema. The contract runs once per distinct value of each column (the columns are
 * dictionaries), and the row rules once per distinct combination of unit, measure, value and status; the problems
 * still name every row that breaks a rule, in line order.
 *
 * Output: one arquero table of every valid figure row of every file, each key in its normal form (NFC, trimmed), with
 * its file, folder, line and number (NaN for no number), and the sources catalogue.
 */
import * as aq from "arquero";
import type * as z from "zod";
import {
  NUMBER_PATTERN,
  SOURCE_COLUMNS,
  SOURCE_FIGURE_COLUMNS,
  SourceFigureRow,
  SourceRow,
  type SourceFigureColumn,
} from "../../src/schemas/sourceFigure.ts";
import type { Unit } from "../../src/schemas/vocabulary.ts";
import { combineKeys, DictColumn, Dictionary, type Table } from "./frame.ts";
import type { RawSources } from "./load.ts";
import type { Problem, ProblemList } from "./problems.ts";
import { checkHeader, validateRows, type Located } from "./tables.ts";

export interface SourceEntry extends Located<SourceRow> {
  folder: string;
}

export interface ValidSources {
  /**
   * Every valid figure row: the 14 source columns (dictionary columns, keys in normal form), `file` (the path shown in
   * messages), `folder`, `source_file` ("sources/<folder>/<file>"), `line` (Int32Array) and `number` (Float64Array,
   * NaN when the row has no number), in file order then line order.
   */
  figures: Table;
  /** source_id → catalogue entry */
  sources: Map<string, SourceEntry>;
}

/** A measure that is a change between two periods (its name ends in _change), not a share of a whole. */
export function isPercentChange(measure: string): boolean {
  return measure.endsWith("_change");
}

const NEVER_NEGATIVE: ReadonlySet<Unit> = new Set(["count", "wte", "rate_per_100000", "rate_per_1000000", "days"]);

type RuleInput = Pick<SourceFigureRow, "value" | "status" | "unit" | "measure">;

/**
 * The rules a single row must follow beyond its schema. Returns the broken rule, or undefined.
 * Pure, so each rule is unit-tested with its exact message.
 */
export function rowRule(row: RuleInput): { column: "value"; rule: string } | undefined {
  const hasValue = row.value !== "";
  if (hasValue && !NUMBER_PATTERN.test(row.value)) return { column: "value", rule: "is not a number" };
  if (!hasValue && (row.status === "published" || row.status === "derived"))
    return { column: "value", rule: `is empty but status is ${row.status}; give the number or use status not_available or suppressed` };
  if (hasValue && (row.status === "suppressed" || row.status === "not_available"))
    return { column: "value", rule: `must be empty when status is ${row.status}` };
  if (!hasValue) return undefined;
  const n = Number(row.value);
  // A percentage change (a measure named …_change, e.g. nhs_workforce_wte_change) can fall or more than double,
  // but nothing falls by more than all of itself; every other percentage is a share of a whole.
  if (row.unit === "percent" && isPercentChange(row.measure)) {
    if (n < -100) return { column: "value", rule: "is below −100 for a percentage change (nothing falls by more than 100%)" };
  } else if (row.unit === "percent" && (n < 0 || n > 100)) return { column: "value", rule: "is outside 0–100 for unit percent" };
  if (NEVER_NEGATIVE.has(row.unit) && n < 0) return { column: "value", rule: `is negative; unit ${row.unit} cannot be negative` };
  return undefined;
}

/**
 * Problems of one file, from several checks that each go through the rows in line order, given to the problem list
 * in line order. Each check keeps at most `cap` problems (enough for the list) and counts the rest.
 */
class FileProblems {
  private readonly kept: { line: number; order: number; p: Problem }[] = [];
  private readonly perCheck = new Map<string, number>();
  private extra = 0;
  private readonly cap: number;
  constructor(cap: number) {
    this.cap = cap;
  }
  add(check: string, p: Problem & { line: number }): void {
    const n = this.perCheck.get(check) ?? 0;
    this.perCheck.set(check, n + 1);
    if (n < this.cap) this.kept.push({ line: p.line, order: this.kept.length, p });
    else this.extra++;
  }
  flush(problems: ProblemList): void {
    this.kept.sort((a, b) => a.line - b.line || a.order - b.order);
    for (const k of this.kept) problems.add(k.p);
    problems.skip(this.extra);
  }
}

/** The verdict of the contract on one distinct value of a column: its normal form, or the rules it breaks. */
interface Verdict {
  /** Code in the column's dictionary of normal forms, or -1 when refused. */
  code: number;
  rules: string[];
}

/** Runs a column's schema on each distinct raw value (once), building the column's dictionary of normal forms. */
function judge(raw: Dictionary, schema: z.ZodType, normal: Dictionary, from: number, verdicts: Verdict[]): void {
  for (let c = from; c < raw.size; c++) {
    const r = schema.safeParse(raw.values[c]);
    verdicts[c] = r.success ? { code: normal.code(r.data as string), rules: [] } : { code: -1, rules: r.error.issues.map((i) => i.message) };
  }
}

/** Stage 2, validate: every row against the zod contract and the row rules. */
export function validateSources(raw: RawSources, problems: ProblemList): ValidSources {
  const sources = new Map<string, SourceEntry>();
  for (const { folder, file, table } of raw.catalogues) {
    for (const s of validateRows(table, file, SOURCE_COLUMNS, SourceRow, problems)) {
      const prior = sources.get(s.row.source_id);
      if (prior) problems.add({ file: s.file, line: s.line, column: "source_id", value: s.row.source_id, rule: `is already used by ${prior.file}:${prior.line}` });
      else sources.set(s.row.source_id, { ...s, folder });
    }
  }

  // The contract per distinct value: the same raw dictionary serves every file, so each value is judged once.
  const normal = new Map<SourceFigureColumn, Dictionary>(SOURCE_FIGURE_COLUMNS.map((c) => [c, new Dictionary()]));
  const verdicts = new Map<SourceFigureColumn, Verdict[]>(SOURCE_FIGURE_COLUMNS.map((c) => [c, []]));
  for (const c of SOURCE_FIGURE_COLUMNS) {
    const dict = raw.dictionaries.get(c);
    if (dict) judge(dict, SourceFigureRow.shape[c], normal.get(c)!, 0, verdicts.get(c)!);
  }

  // Rows that pass the contract, file by file; the columns of the output table are gathered as codes.
  const kept: { codes: Int32Array[]; lines: Int32Array; file: number; n: number; fp: FileProblems }[] = [];
  const files = new Dictionary();
  const folders = new Dictionary();
  const sourceFiles = new Dictionary();
  const fileFolder: number[] = [];
  const fileSource: number[] = [];
  for (const f of raw.figureFiles) {
    const t = f.table;
    const index = checkHeader(t.header, f.file, SOURCE_FIGURE_COLUMNS, problems);
    if (!index) continue;
    const fp = new FileProblems(problems.cap);
    for (const fault of t.faults) fp.add("fault", { file: f.file, line: fault.line, rule: fault.rule });
    const cols = SOURCE_FIGURE_COLUMNS.map((c) => t.codes[index.get(c)!]!);
    const judged = SOURCE_FIGURE_COLUMNS.map((c) => verdicts.get(c)!);
    const anyRefused = judged.map((v) => v.some((x) => x.code < 0));
    const keep = new Uint8Array(t.rows).fill(1);
    if (anyRefused.some(Boolean)) {
      for (let r = 0; r < t.rows; r++) {
        for (let k = 0; k < SOURCE_FIGURE_COLUMNS.length; k++) {
          if (!anyRefused[k]) continue;
          const v = judged[k]![cols[k]![r]!]!;
          if (v.code >= 0) continue;
          keep[r] = 0;
          const column = SOURCE_FIGURE_COLUMNS[k]!;
          for (const rule of v.rules) fp.add("contract", { file: f.file, line: t.lines[r]!, column, value: raw.dictionaries.get(column)!.values[cols[k]![r]!]!, rule });
        }
      }
    }
    let n = 0;
    for (let r = 0; r < t.rows; r++) n += keep[r]!;
    const codes = SOURCE_FIGURE_COLUMNS.map(() => new Int32Array(n));
    const lines = new Int32Array(n);
    let o = 0;
    for (let r = 0; r < t.rows; r++) {
      if (!keep[r]) continue;
      for (let k = 0; k < codes.length; k++) codes[k]![o] = judged[k]![cols[k]![r]!]!.code;
      lines[o++] = t.lines[r]!;
    }
    const fileCode = files.code(f.file);
    fileFolder[fileCode] = folders.code(f.folder);
    fileSource[fileCode] = sourceFiles.code(f.sourceFile);
    kept.push({ codes, lines, file: fileCode, n, fp });
  }

  // One table of every kept row.
  const total = kept.reduce((s, k) => s + k.n, 0);
  const columns = SOURCE_FIGURE_COLUMNS.map(() => new Int32Array(total));
  const lines = new Int32Array(total);
  const fileKeys = new Int32Array(total);
  let at = 0;
  for (const k of kept) {
    k.codes.forEach((c, i) => columns[i]!.set(c, at));
    lines.set(k.lines, at);
    fileKeys.fill(k.file, at, at + k.n);
    at += k.n;
  }
  const col = (c: SourceFigureColumn) => new DictColumn(columns[SOURCE_FIGURE_COLUMNS.indexOf(c)]!, normal.get(c)!.values);

  // The row rules, once per distinct unit, measure, value and status.
  const ruleCols = (["unit", "measure", "value", "status"] as const).map(col);
  const combo = combineKeys(ruleCols);
  const ruleOf: ({ rule: string } | undefined)[] = new Array(combo.size);
  const seen = new Uint8Array(combo.size);
  const keep = new Uint8Array(total).fill(1);
  for (let r = 0; r < total; r++) {
    const c = combo.keys[r]!;
    if (!seen[c]) {
      seen[c] = 1;
      ruleOf[c] = rowRule({ unit: ruleCols[0]!.at(r) as Unit, measure: ruleCols[1]!.at(r), value: ruleCols[2]!.at(r), status: ruleCols[3]!.at(r) as SourceFigureRow["status"] });
    }
  }
  let refused = 0;
  let fileStart = 0;
  for (const k of kept) {
    const fp = k.fp;
    for (let r = fileStart; r < fileStart + k.n; r++) {
      const broken = ruleOf[combo.keys[r]!];
      if (!broken) continue;
      keep[r] = 0;
      refused++;
      fp.add("rule", { file: files.values[k.file]!, line: lines[r]!, column: "value", value: ruleCols[2]!.at(r), rule: broken.rule });
    }
    fileStart += k.n;
    fp.flush(problems);
  }

  // Numbers, once per distinct value.
  const valueNumbers = normal.get("value")!.values.map((v) => (v === "" ? Number.NaN : Number(v)));
  const take = refused === 0 ? undefined : Int32Array.from({ length: total }, (_, i) => i).filter((i) => keep[i] === 1);
  const pick = <T extends Int32Array>(a: T): T => (take ? (Int32Array.from(take, (i) => a[i]!) as T) : a);
  const valueKeys = pick(columns[SOURCE_FIGURE_COLUMNS.indexOf("value")]!);
  const number = Float64Array.from(valueKeys, (k) => valueNumbers[k]!);
  const fileCol = new DictColumn(pick(fileKeys), files.values);
  const data: Record<string, unknown> = {};
  for (const c of SOURCE_FIGURE_COLUMNS) data[c] = new DictColumn(pick(columns[SOURCE_FIGURE_COLUMNS.indexOf(c)]!), normal.get(c)!.values);
  data.file = fileCol;
  data.folder = fileCol.map(fileCol.values.map((_, i) => folders.values[fileFolder[i]!]!));
  data.source_file = fileCol.map(fileCol.values.map((_, i) => sourceFiles.values[fileSource[i]!]!));
  data.line = pick(lines);
  data.number = number;
  return { figures: aq.table(data as Record<string, DictColumn>), sources };
}
