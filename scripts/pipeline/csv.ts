/**
 * Reading CSV files: bytes to UTF-8 text (refused with the line and byte of the first fault), then text to columns of
 * dictionary codes (RFC 4180: comma separator, double-quote quoting, LF, CRLF or CR line ends). Every cell stays text:
 * nothing is converted or inferred (what arquero calls type inference off), an empty cell is the empty string, and
 * every row keeps the line it starts on, for messages.
 *
 * arquero's own CSV reader is not used: it turns empty cells into null, drops a row's extra fields without a word and
 * keeps no line numbers, and a row with one field too many is exactly what must be reported (file, line and rule).
 */
import { isUtf8 } from "node:buffer";
import { Dictionary } from "./frame.ts";

export type DecodeResult = { ok: true; text: string } | { ok: false; rule: string; line?: number };

/** Line (1-based) of a byte offset, and the byte's place (1-based) in that line. */
function lineAndByte(bytes: Uint8Array, offset: number): { line: number; byte: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  return { line, byte: offset - start + 1 };
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence (RFC 3629: no overlongs, no surrogates). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    const second = b[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const next = b[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

const hexByte = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, "0")}`;

/**
 * Decodes bytes as UTF-8 text. A UTF-8 byte-order mark is accepted and removed. UTF-16, binary data and invalid
 * UTF-8 are refused with the reason; invalid bytes and NUL bytes are named by line and byte.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, rule: "file is empty" };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, rule: "file is UTF-16 text; save it as UTF-8 CSV" };
  }
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const { line, byte } = lineAndByte(bytes, at);
    return { ok: false, line, rule: `byte ${byte} of the line (${hexByte(bytes[at]!)}) is not UTF-8 text; save the file as UTF-8 CSV` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, byte } = lineAndByte(bytes, nul);
    return { ok: false, line, rule: `byte ${byte} of the line is a NUL byte (0x00); this is not a CSV text file` };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** A CSV file as columns: each header column's cells as codes into its dictionary, and each row's line. */
export interface CsvColumns {
  header: string[];
  /** Codes of each header column (same order as header), one per row. */
  codes: Int32Array[];
  /** The dictionary of each header column. */
  dicts: Dictionary[];
  /** Line (1-based) each row starts on; the header is line 1. */
  lines: Int32Array;
  rows: number;
  /** Rows that could not be read into the columns (wrong number of fields, broken quoting), with the rule. */
  faults: { line: number; rule: string }[];
}

export type ParseResult = { ok: true; table: CsvColumns } | { ok: false; rule: string };

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Parses CSV text into columns. `dictionaryFor` gives the dictionary of a header column (the data stage shares one per
 * column name across files, so the codes of one column mean the same in every file).
 */
export function parseCsv(text: string, dictionaryFor: (column: string) => Dictionary = () => new Dictionary()): ParseResult {
  if (text.trim() === "") return { ok: false, rule: "file is empty" };
  let N = text.length;
  // Blank lines at the end of the file are not rows.
  while (N > 0 && (text.charCodeAt(N - 1) === LF || text.charCodeAt(N - 1) === CR)) N--;
  const faults: { line: number; rule: string }[] = [];
  let header: string[] = [];
  let width = 0;
  let dicts: Dictionary[] = [];
  let last: string[] = [];
  let lastCode: Int32Array = new Int32Array(0);
  let capacity = Math.max(16, (N / 120) | 0);
  let codes: Int32Array[] = [];
  let lines = new Int32Array(capacity);
  let rows = 0;
  const fields: string[] = [];
  let i = 0;
  let line = 1;
  let first = true;
  while (i <= N) {
    const recordLine = line;
    let count = 0;
    let fault = "";
    // One record: fields until a line end outside quotes, or the end of the text.
    for (;;) {
      let value: string;
      if (i < N && text.charCodeAt(i) === QUOTE) {
        let start = i + 1;
        let close = text.indexOf('"', start);
        let joined = "";
        while (close >= 0 && close + 1 < N && text.charCodeAt(close + 1) === QUOTE) {
          joined += text.slice(start, close + 1);
          start = close + 2;
          close = text.indexOf('"', start);
        }
        if (close < 0 || close >= N) {
          fault = "has a quote that is never closed: the quoted field runs to the end of the file";
          value = joined + text.slice(start, N);
          i = N;
        } else {
          value = joined + text.slice(start, close);
          i = close + 1;
        }
        for (let nl = value.indexOf("\n"); nl >= 0; nl = value.indexOf("\n", nl + 1)) line++;
        if (!value.includes("\n")) for (let cr = value.indexOf("\r"); cr >= 0; cr = value.indexOf("\r", cr + 1)) line++;
        const c = i < N ? text.charCodeAt(i) : LF;
        if (c !== COMMA && c !== LF && c !== CR && fault === "") {
          fault = `has text after the closing quote of field ${count + 1}; a quoted field must end at a comma or at the end of the line`;
          // Skip to the end of the line.
          let e = i;
          while (e < N && text.charCodeAt(e) !== LF && text.charCodeAt(e) !== CR) e++;
          i = e;
        }
      } else {
        let e = i;
        while (e < N) {
          const c = text.charCodeAt(e);
          if (c === COMMA || c === LF || c === CR) break;
          e++;
        }
        value = text.slice(i, e);
        i = e;
      }
      fields[count++] = value;
      if (i < N && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    // The line end.
    if (i < N && text.charCodeAt(i) === CR) i++;
    if (i < N && text.charCodeAt(i) === LF) i++;
    const atEnd = i >= N;
    line++;
    if (first) {
      first = false;
      header = fields.slice(0, count);
      width = count;
      dicts = header.map((h) => dictionaryFor(h));
      codes = header.map(() => new Int32Array(capacity));
      last = header.map(() => "\u0000");
      lastCode = new Int32Array(width);
      if (fault !== "") return { ok: false, rule: `the header ${fault}` };
    } else if (fault !== "") faults.push({ line: recordLine, rule: fault });
    else if (count !== width) {
      const blank = count === 1 && fields[0] === "";
      faults.push({
        line: recordLine,
        rule: blank ? "is an empty line; remove it" : `row has ${count} field${count === 1 ? "" : "s"}, expected ${width} (check for an unquoted comma or a missing field)`,
      });
    } else {
      if (rows === capacity) {
        capacity *= 2;
        codes = codes.map((c) => {
          const grown = new Int32Array(capacity);
          grown.set(c);
          return grown;
        });
        const grownLines = new Int32Array(capacity);
        grownLines.set(lines);
        lines = grownLines;
      }
      for (let k = 0; k < width; k++) {
        const v = fields[k]!;
        // Consecutive rows often repeat a cell (the same dataset, unit, source …): compare with the last one first.
        if (v === last[k]) codes[k]![rows] = lastCode[k]!;
        else {
          const known = dicts[k]!.find(v);
          // A new value is copied out of the file's text, so the dictionary does not keep the whole text alive.
          const code = known >= 0 ? known : dicts[k]!.code((" " + v).slice(1));
          codes[k]![rows] = code;
          last[k] = v;
          lastCode[k] = code;
        }
      }
      lines[rows] = recordLine;
      rows++;
    }
    if (atEnd) break;
  }
  return { ok: true, table: { header, codes: codes.map((c) => c.subarray(0, rows)), dicts, lines: lines.subarray(0, rows), rows, faults } };
}

/** The cells of one row, by column name (for small tables read as records, such as the reference tables). */
export function rowRecord(t: CsvColumns, row: number, columns: readonly string[], index: Map<string, number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const k = index.get(c)!;
    out[c] = t.dicts[k]!.values[t.codes[k]![row]!]!;
  }
  return out;
}
