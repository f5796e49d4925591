import { describe, expect, it } from "vitest";
import { decodeUtf8, parseCsv } from "../../scripts/pipeline/csv.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("decodeUtf8", () => {
  it("accepts UTF-8 and removes a byte-order mark", () => {
    expect(decodeUtf8(bytes("\ufeffa,b\n"))).toEqual({ ok: true, text: "a,b\n" });
  });
  it.each([
    [new Uint8Array([]), "file is empty"],
    [new Uint8Array([0xff, 0xfe, 0x61, 0x00]), "file is UTF-16 text; save it as UTF-8 CSV"],
    [new Uint8Array([0x61, 0xe9, 0x0a]), "file is not UTF-8 text; save it as UTF-8 CSV"],
    [bytes("a\u0000b"), "file contains NUL bytes; it is not a CSV text file"],
  ])("refuses %j", (input, rule) => {
    expect(decodeUtf8(input)).toEqual({ ok: false, rule });
  });
});

describe("parseCsv", () => {
  it("keeps every cell as text and counts lines through quoted newlines", () => {
    const r = parseCsv("t.csv", 'a,b\n"1\nstill 1",02\n3,"x, y"\r\n4,\n');
    if (!r.ok) throw new Error(r.rule);
    expect(r.table.rows).toEqual([
      ["1\nstill 1", "02"],
      ["3", "x, y"],
      ["4", ""],
    ]);
    expect([0, 1, 2].map((i) => r.table.lineOf(i))).toEqual([2, 4, 5]);
  });
  it("refuses a file with only blank lines", () => {
    expect(parseCsv("t.csv", "\n\n")).toEqual({ ok: false, rule: "file is empty" });
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
