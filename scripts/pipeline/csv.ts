import { csvParseRows } from "d3-dsv";

/** A CSV file read as text: header names and string cells, with a way to find each row's line. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
  /** Line (1-based) where data row i starts; the header is line 1. */
  lineOf(rowIndex: number): number;
}

export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; rule: string };

/**
 * Decodes bytes as UTF-8 text. A UTF-8 byte-order mark is accepted and removed.
 * UTF-16, binary data and invalid UTF-8 are refused with the reason.
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; rule: string } {
  if (bytes.length === 0) return { ok: false, rule: "file is empty" };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, rule: "file is UTF-16 text; save it as UTF-8 CSV" };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, rule: "file is not UTF-8 text; save it as UTF-8 CSV" };
  }
  if (text.includes("\u0000")) return { ok: false, rule: "file contains NUL bytes; it is not a CSV text file" };
  return { ok: true, text };
}

/**
 * Parses CSV text (RFC 4180: comma separator, double-quote quoting, LF or CRLF line ends).
 * Every cell stays a string: nothing is converted or inferred.
 */
export function parseCsv(file: string, text: string): CsvReadResult {
  if (text.trim() === "") return { ok: false, rule: "file is empty" };
  const all = csvParseRows(text);
  const header = all[0] ?? [];
  const rows = all.slice(1);
  let lines: number[] | undefined;
  const lineOf = (i: number): number => {
    // Computed only when a problem needs it: each record takes one line plus one per newline inside quotes.
    if (!lines) {
      lines = new Array<number>(rows.length);
      let line = 2 + countNewlines(header);
      for (let r = 0; r < rows.length; r++) {
        lines[r] = line;
        line += 1 + countNewlines(rows[r] ?? []);
      }
    }
    return lines[i] ?? 0;
  };
  return { ok: true, table: { file, header, rows, lineOf } };
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (cell.includes("\n")) for (const ch of cell) if (ch === "\n") n++;
  }
  return n;
}
