/**
 * Input problems: where (file, line, column), what value, which rule.
 * Every check reports through a ProblemList so that one run lists every problem (up to a cap)
 * and the build fails once, with the first problem as its one-line message.
 */

import { escapeInvisible } from "../../src/schemas/text.ts";

export interface Problem {
  /** Path shown to the reader, relative to the repository (e.g. data/sources/scotland/workforce.csv). */
  file: string;
  /** 1-based line in the file; 1 is the header. Omitted for whole-file problems. */
  line?: number;
  column?: string;
  value?: string;
  /** The rule broken, in words, e.g. "is not a number". */
  rule: string;
}

const MAX_VALUE_LENGTH = 80;

/**
 * Shows a value in quotes, shortening very long values; control, bidirectional and other invisible characters are
 * written as \u{…} escapes, so the message shows exactly what is there and never reorders or hides the terminal's text.
 */
export function quoteValue(value: string): string {
  const shown = value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  return `"${escapeInvisible(shown.replace(/\\/g, "\\\\")).replace(/"/g, '\\"')}"`;
}

/** `data/sources/x.csv:14: column value: "8,8" is not a number` */
export function formatProblem(p: Problem): string {
  const file = escapeInvisible(p.file);
  const where = p.line === undefined ? file : `${file}:${p.line}`;
  const column = p.column === undefined ? "" : `column ${escapeInvisible(p.column)}: `;
  const value = p.value === undefined ? "" : `${quoteValue(p.value)} `;
  return `${where}: ${column}${value}${p.rule}`;
}

export class ProblemList {
  readonly items: Problem[] = [];
  total = 0;
  readonly cap: number;
  constructor(cap = 200) {
    this.cap = cap;
  }
  add(p: Problem): void {
    this.total++;
    if (this.items.length < this.cap) this.items.push(p);
  }
  /** Counts problems found beyond the ones listed (a check that stopped collecting them, e.g. past the cap). */
  skip(n: number): void {
    this.total += n;
  }
  get empty(): boolean {
    return this.total === 0;
  }
}

/** Thrown when the inputs break a rule. The message is the first problem; `problems` has the rest. */
export class InputError extends Error {
  readonly problems: Problem[];
  readonly total: number;
  constructor(list: ProblemList) {
    const first = list.items[0];
    super(first ? formatProblem(first) : "invalid input");
    this.name = "InputError";
    this.problems = list.items;
    this.total = list.total;
  }
}

/** Throws an InputError if any problem was recorded. */
export function throwIfAny(list: ProblemList): void {
  if (!list.empty) throw new InputError(list);
}

/** The first line of every problems report (build-data writes over a report only, never over another file). */
export const REPORT_FIRST_LINE = /^\d+ problems? in the inputs; nothing was written\.$/;

/** The text of the problems report file. */
export function formatReport(err: InputError): string {
  const lines = err.problems.map(formatProblem);
  const more = err.total - err.problems.length;
  if (more > 0) lines.push(`… and ${more} more problem${more === 1 ? "" : "s"} (the list stops at ${err.problems.length}).`);
  return `${err.total} problem${err.total === 1 ? "" : "s"} in the inputs; nothing was written.\n\n${lines.join("\n")}\n`;
}
