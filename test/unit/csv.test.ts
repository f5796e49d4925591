import { describe, expect, it } from "vitest";
import { decodeUtf8, parseCsv } from "../../scripts/pipeline/csv.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("decodeUtf8", () => {
  it("accepts UTF-8 and removes a byte-order mark", () => {
    expect(decodeUtf8(bytes("\ufeffa,b\n"))).toEqual({ ok: true, text: "a,b\n" });
  });
  it.each([
    [new Uint8Array([]), { ok: false, rule: "file is empty" }],
    [new Uint8Array([0xff, 0xfe, 0x61, 0x00]), { ok: false, rule: "file is UTF-16 text; save it as UTF-8 CSV" }],
    [new Uint8Array([0x61, 0xe9, 0x0a]), { ok: false, line: 1, rule: "byte 2 of the line (0xE9) is not UTF-8 text; save the file as UTF-8 CSV" }],
    [new Uint8Array([...bytes("a,b\n1,2\nx,"), 0xc3, 0x28, 0x0a]), { ok: false, line: 3, rule: "byte 3 of the line (0xC3) is not UTF-8 text; save the file as UTF-8 CSV" }],
    [new Uint8Array([...bytes("a\n"), 0xed, 0xa0, 0x80]), { ok: false, line: 2, rule: "byte 1 of the line (0xED) is not UTF-8 text; save the file as UTF-8 CSV" }],
    [bytes("a,b\nc\u0000d"), { ok: false, line: 2, rule: "byte 2 of the line is a NUL byte (0x00); this is not a CSV text file" }],
  ])("refuses %j, naming the line and byte", (input, result) => {
    expect(decodeUtf8(input)).toEqual(result);
  });
});

/** A parsed table's rows as text, for comparing. */
function rowsOf(text: string) {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.rule);
  const t = r.table;
  return { rows: Array.from({ length: t.rows }, (_, i) => t.codes.map((c, k) => t.dicts[k]!.values[c[i]!])), lines: Array.from(t.lines), faults: t.faults, header: t.header };
}

describe("parseCsv", () => {
  it("keeps every cell as text (an empty cell is the empty string) and counts lines through quoted newlines", () => {
    const r = rowsOf('a,b\n"1\nstill 1",02\n3,"x, y"\r\n4,\n"q ""x""",\r5,6');
    expect(r.header).toEqual(["a", "b"]);
    expect(r.rows).toEqual([
      ["1\nstill 1", "02"],
      ["3", "x, y"],
      ["4", ""],
      ['q "x"', ""],
      ["5", "6"],
    ]);
    expect(r.lines).toEqual([2, 4, 5, 6, 7]);
    expect(r.faults).toEqual([]);
  });
  it("codes each distinct value once per column", () => {
    const r = parseCsv("a,b\nx,1\nx,2\ny,1\n");
    if (!r.ok) throw new Error(r.rule);
    expect(r.table.dicts.map((d) => d.values)).toEqual([["x", "y"], ["1", "2"]]);
    expect(r.table.codes.map((c) => Array.from(c))).toEqual([[0, 0, 1], [0, 1, 0]]);
  });
  it("reports rows it cannot read into the columns, by line, and keeps the others", () => {
    const r = rowsOf('a,b\n1,2,3\n\n"x"y,2\n4,5\n"never closed,6\n');
    expect(r.rows).toEqual([["4", "5"]]);
    expect(r.faults).toEqual([
      { line: 2, rule: "row has 3 fields, expected 2 (check for an unquoted comma or a missing field)" },
      { line: 3, rule: "is an empty line; remove it" },
      { line: 4, rule: "has text after the closing quote of field 1; a quoted field must end at a comma or at the end of the line" },
      { line: 6, rule: "has a quote that is never closed: the quoted field runs to the end of the file" },
    ]);
  });
  it("ignores blank lines at the end of the file", () => {
    expect(rowsOf("a,b\n1,2\n\n\r\n").rows).toEqual([["1", "2"]]);
  });
  it("refuses a file with only blank lines", () => {
    expect(parseCsv("\n\n")).toEqual({ ok: false, rule: "file is empty" });
  });
});

import { neutraliseFormula } from "../../scripts/pipeline/csvWrite.ts";
describe("neutraliseFormula (CSV downloads)", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ["+1+2", "'+1+2"],
    ["-cmd", "'-cmd"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["-3", "-3"],
    ["-0.5", "-0.5"],
    ["8.8", "8.8"],
    ["Scotland", "Scotland"],
    ["", ""],
  ])("%j → %j", (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });
});
