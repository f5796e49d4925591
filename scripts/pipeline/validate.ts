import {
  NUMBER_PATTERN,
  SOURCE_COLUMNS,
  SOURCE_FIGURE_COLUMNS,
  SourceFigureRow,
  SourceRow,
} from "../../src/schemas/sourceFigure.ts";
import type { Unit } from "../../src/schemas/vocabulary.ts";
import type { CsvTable } from "./csv.ts";
import type { RawSources } from "./load.ts";
import type { ProblemList } from "./problems.ts";
import { validateRows, type Located } from "./tables.ts";

/** A source row that passed the row rules, with its number parsed. */
export interface SourceFigure extends SourceFigureRow {
  file: string;
  line: number;
  /** Folder of the file relative to the sources folder (its sources.csv applies). */
  folder: string;
  /** Where the row lives, independent of the working directory: "sources/<folder>/<file>". */
  sourceFile: string;
  number: number | null;
}

export interface SourceEntry extends Located<SourceRow> {
  folder: string;
}

export interface ValidSources {
  figures: SourceFigure[];
  /** source_id → entry */
  sources: Map<string, SourceEntry>;
}

/** A measure that is a change between two periods (its name ends in _change), not a share of a whole. */
export function isPercentChange(measure: string): boolean {
  return measure.endsWith("_change");
}

const NEVER_NEGATIVE: ReadonlySet<Unit> = new Set(["count", "wte", "rate_per_100000", "rate_per_1000000", "days"]);

/**
 * The rules a single row must follow beyond its schema. Returns the broken rule, or undefined.
 * Pure, so each rule is unit-tested with its exact message.
 */
export function rowRule(row: SourceFigureRow): { column: keyof SourceFigureRow; rule: string } | undefined {
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

/** Stage 2, validate: every row against the zod contract and the row rules. */
export function validateSources(raw: RawSources, problems: ProblemList): ValidSources {
  const sources = new Map<string, SourceEntry>();
  for (const { folder, table } of raw.sourceTables) {
    for (const s of validateRows(table, SOURCE_COLUMNS, SourceRow, problems)) {
      const prior = sources.get(s.row.source_id);
      if (prior)
        problems.add({ file: s.file, line: s.line, column: "source_id", value: s.row.source_id, rule: `is already used by ${prior.file}:${prior.line}` });
      else sources.set(s.row.source_id, { ...s, folder });
    }
  }
  const figures: SourceFigure[] = [];
  // A loop, not push(...rows): a large file would overflow the call stack with spread arguments.
  for (const { folder, name, table } of raw.figureTables) for (const f of validateFigureTable(table, folder, name, problems)) figures.push(f);
  return { figures, sources };
}

/** Validates one figure file: the zod contract, then the row rules. Rows that break a rule are reported and left out. */
export function validateFigureTable(table: CsvTable, folder: string, name: string, problems: ProblemList): SourceFigure[] {
  const figures: SourceFigure[] = [];
  {
    const sourceFile = ["sources", folder, name].filter((x) => x !== "").join("/");
    for (const { row, file, line } of validateRows(table, SOURCE_FIGURE_COLUMNS, SourceFigureRow, problems)) {
      const broken = rowRule(row);
      if (broken) {
        problems.add({ file, line, column: broken.column, value: row[broken.column], rule: broken.rule });
        continue;
      }
      // Extend the parsed row in place: at 100× scale every extra copy of 3 million rows costs seconds.
      const figure = row as SourceFigure;
      figure.file = file;
      figure.line = line;
      figure.folder = folder;
      figure.sourceFile = sourceFile;
      figure.number = row.value === "" ? null : Number(row.value);
      figures.push(figure);
    }
  }
  return figures;
}
