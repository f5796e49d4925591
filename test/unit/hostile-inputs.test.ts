import fc from "fast-check";
import { csvFormatRows } from "d3-dsv";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeCodePoint, escapeInvisible } from "../../src/schemas/text.ts";
import { edit, problemsAfter } from "../helpers/fixtures.ts";
import { SOURCE_FIGURE_COLUMNS, type SourceFigureRow } from "../../src/schemas/sourceFigure.ts";
import { STATUSES, UNITS } from "../../src/schemas/vocabulary.ts";
import { Dictionary } from "../../scripts/pipeline/frame.ts";
import { formatProblem, ProblemList } from "../../scripts/pipeline/problems.ts";
import { parseCsvBytes } from "../../scripts/pipeline/tables.ts";
import { validateSources } from "../../scripts/pipeline/validate.ts";

// Property tests of loading and validating a figure file from hostile or malformed bytes.
// Accepted variations (same figures as the clean file): a UTF-8 byte-order mark, Windows line endings,
// a missing final newline, quoting of any field, commas, quotes and newlines inside quoted text, formulas
// such as =HYPERLINK(...) in text fields (kept as text; neutralised in CSV downloads).
// Refused with one message naming file, line, column, value and rule: anything else.

const FILE = "sources/t/figures.csv";
const PROBLEM = /^sources\/t\/figures\.csv(:\d+)?: .+/;

type LoadedFigure = SourceFigureRow & { line: number; number: number | null };

/** The load and validate stages on one file's bytes: the valid figures as row objects, and every problem as text. */
function load(bytes: Uint8Array): { figures: LoadedFigure[]; problems: string[] } {
  const problems = new ProblemList();
  const dictionaries = new Map<string, Dictionary>();
  const dictionaryFor = (c: string) => dictionaries.get(c) ?? dictionaries.set(c, new Dictionary()).get(c)!;
  const table = parseCsvBytes(bytes, FILE, problems, dictionaryFor);
  const valid = table ? validateSources({ dir: "sources", figureFiles: [{ file: FILE, folder: "t", name: "figures.csv", sourceFile: FILE, table }], catalogues: [], dictionaries }, problems) : undefined;
  const figures = (valid?.figures.objects() ?? []).map((o) => {
    const row = o as SourceFigureRow & { line: number; number: number };
    return { ...row, number: Number.isNaN(row.number) ? null : row.number };
  });
  return { figures, problems: problems.items.map(formatProblem) };
}

const text = (s: string) => new TextEncoder().encode(s);
const plain = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}$/);
const hostileText = fc.oneof(
  plain,
  fc.string({ maxLength: 60 }).filter((s) => !s.includes("\u0000") && !/^\s|\s$/.test(s) && s.length > 0),
  fc.constantFrom('=HYPERLINK("http://evil.example","click")', "+1+2", "-3", "@SUM(A1)", 'He said "yes", then left', "line one\nline two", "comma, separated", "<script>alert(1)</script>", "x".repeat(900)),
);
const number = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }).map(String), fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${String(b).padStart(3, "0")}`));

const row: fc.Arbitrary<SourceFigureRow> = fc.record({
  dataset_id: fc.constantFrom("test_survey", "d1"),
  measure: fc.constantFrom("staff_wte", "deaths"),
  unit: fc.constantFrom(...UNITS.filter((u) => u !== "percent")),
  period: fc.constantFrom("2022", "2022/23", "Q1 2025/2026"),
  geography_level: fc.constantFrom("country" as const),
  area_code: fc.constantFrom("S92000003"),
  area_name: plain,
  breakdown_type: fc.constantFrom("total"),
  breakdown_value: fc.constantFrom("all"),
  value: number,
  status: fc.constantFrom("published" as const),
  source_id: fc.constantFrom("P1"),
  source_location: hostileText,
  notes: hostileText,
});

interface Variation {
  bom: boolean;
  crlf: boolean;
  finalNewline: boolean;
  quoteAll: boolean;
}
function serialise(rows: SourceFigureRow[], v: Variation): Uint8Array {
  const cells = [SOURCE_FIGURE_COLUMNS as readonly string[], ...rows.map((r) => SOURCE_FIGURE_COLUMNS.map((c) => r[c]))];
  let csv = v.quoteAll ? cells.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n") : csvFormatRows(cells.map((r) => [...r]));
  if (v.crlf) csv = csv.replace(/\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g, "\r\n");
  if (v.finalNewline) csv += v.crlf ? "\r\n" : "\n";
  return text(v.bom ? `\ufeff${csv}` : csv);
}
const variation = fc.record({ bom: fc.boolean(), crlf: fc.boolean(), finalNewline: fc.boolean(), quoteAll: fc.boolean() });
const essentials = (f: LoadedFigure) => SOURCE_FIGURE_COLUMNS.map((c) => f[c]).concat(String(f.number));

describe("hostile and malformed inputs", () => {
  it("accepted variations give exactly the same figures as the clean file", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), variation, (rows, v) => {
        const clean = load(serialise(rows, { bom: false, crlf: false, finalNewline: true, quoteAll: false }));
        const varied = load(serialise(rows, v));
        expect(clean.problems).toEqual([]);
        expect(varied.problems).toEqual([]);
        expect(varied.figures.map(essentials)).toEqual(clean.figures.map(essentials));
        expect(varied.figures.map((f) => f.line)).toEqual(clean.figures.map((f) => f.line));
      }),
      { numRuns: 300 },
    );
  });

  it("random bytes never crash: they load or fail with a message naming the file", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        let r: ReturnType<typeof load> | undefined;
        expect(() => (r = load(bytes))).not.toThrow();
        for (const p of r!.problems) expect(p).toMatch(PROBLEM);
      }),
      { numRuns: 500 },
    );
  });

  it("random text in the value column is either a plain number kept exactly or refused as 'is not a number'", () => {
    fc.assert(
      fc.property(row, fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("NaN", "Infinity", "-Infinity", "1e3", "1E-2", "0x10", "1,234", "12%", " 12", "12 ", "+5", ".5", "5.", "01", "٣", "１２")), (r, value) => {
        const out = load(serialise([{ ...r, value }], { bom: false, crlf: false, finalNewline: true, quoteAll: false }));
        if (out.figures.length === 1) {
          expect(value).toMatch(/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/);
          expect(out.figures[0]!.value).toBe(value);
          expect(out.figures[0]!.number).toBe(Number(value));
        } else {
          expect(out.problems.length).toBeGreaterThan(0);
          for (const p of out.problems) expect(p).toMatch(PROBLEM);
        }
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ["UTF-16 with a byte-order mark", new Uint8Array([0xff, 0xfe, 0x64, 0x00]), "sources/t/figures.csv: file is UTF-16 text; save it as UTF-8 CSV"],
    ["Latin-1 bytes", new Uint8Array([...text("dataset_id\n"), 0xe9, 0x0a]), "sources/t/figures.csv:2: byte 1 of the line (0xE9) is not UTF-8 text; save the file as UTF-8 CSV"],
    ["a duplicated header", text(`${SOURCE_FIGURE_COLUMNS.join(",")},notes\n`), 'sources/t/figures.csv:1: "notes" appears twice in the header'],
    ["an empty file", new Uint8Array(), "sources/t/figures.csv: file is empty"],
  ])("%s fails with one clear message", (_name, bytes, message) => {
    expect(load(bytes).problems[0]).toBe(message);
  });

  it("a very long note is refused by its column rule", () => {
    const base = { dataset_id: "d1", measure: "deaths", unit: "count", period: "2022", geography_level: "country", area_code: "S92000003", area_name: "Scotland", breakdown_type: "total", breakdown_value: "all", value: "1", status: "published", source_id: "P1", source_location: "T1" } as const;
    const out = load(serialise([{ ...base, notes: "x".repeat(5000) }], { bom: false, crlf: false, finalNewline: true, quoteAll: false }));
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatch(/^sources\/t\/figures\.csv:2: column notes: "x{80}…" is longer than 4,000 characters$/);
  });
});

// A key made to look different by a character a reader cannot see, or by a space at either end, must never make a
// conflicting duplicate pass as a new figure: the code refuses invisible characters in every key (naming the character,
// escaped) and compares keys after trimming spaces at either end (and NFC), so the conflict is still caught.
const INVISIBLES = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x00a0, 0x202f].map((cp) => String.fromCodePoint(cp));
const KEY_COLUMNS = ["area_code", "period", "breakdown_value", "measure"] as const;
type KeyColumn = (typeof KEY_COLUMNS)[number];
/** The key with a hidden character: an invisible one at any position, or a plain space at the start or the end. */
const disguise = (key: string) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...INVISIBLES), fc.integer({ min: 0, max: key.length })).map(([ch, at]) => ({ text: key.slice(0, at) + ch + key.slice(at), invisible: ch })),
    fc.tuple(fc.constantFrom("start", "end"), fc.integer({ min: 1, max: 3 })).map(([where, n]) => ({ text: where === "start" ? " ".repeat(n) + key : key + " ".repeat(n), invisible: undefined })),
  );

describe("an invisible character or an outer space in a key never makes a duplicate a new figure", () => {
  const base: SourceFigureRow = { dataset_id: "d1", measure: "deaths", unit: "count", period: "2022/23", geography_level: "country", area_code: "S92000003", area_name: "Scotland", breakdown_type: "sex", breakdown_value: "Persons", value: "10", status: "published", source_id: "P1", source_location: "T1", notes: "" };
  const unparse = (rows: SourceFigureRow[]) => serialise(rows, { bom: false, crlf: false, finalNewline: true, quoteAll: false });

  it("validate refuses the row, naming the character escaped, or keeps the key exactly as the other row's", () => {
    const cases = fc.constantFrom(...KEY_COLUMNS).chain((column) => fc.tuple(fc.constant(column), disguise(base[column])));
    fc.assert(
      fc.property(cases, ([column, hidden]) => {
        const out = load(unparse([base, { ...base, [column]: hidden.text, value: "11" }]));
        if (hidden.invisible === undefined) {
          expect(out.problems).toEqual([]);
          expect(out.figures.map((f) => f[column as KeyColumn])).toEqual([base[column], base[column]]);
        } else {
          expect(out.problems).toEqual([`${FILE}:3: column ${column}: "${escapeInvisible(hidden.text)}" contains an invisible character, ${describeCodePoint(hidden.invisible.codePointAt(0)!)}; retype the value without it`]);
          expect(out.figures.map((f) => f.value)).toEqual(["10"]);
          expect(out.problems[0]).not.toContain(hidden.invisible);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("the whole pipeline reports the conflict or the character, never publishes the second value", () => {
    // Lines 8 and 9 of the fixture give the same figure (9.4) from two sources; line 9 is changed to 9.6 and disguised.
    const line9 = "test_survey,vacancy_rate,percent,2023-11-01,country,S92000003,Scotland,total,all,9.4,published,N1,";
    const keys: Record<KeyColumn, string> = { measure: "vacancy_rate", period: "2023-11-01", area_code: "S92000003", breakdown_value: "all" };
    const cases = fc.constantFrom(...KEY_COLUMNS).chain((column) => fc.tuple(fc.constant(column), disguise(keys[column])));
    fc.assert(
      fc.property(cases, ([column, hidden]) => {
        const cells = line9.split(",");
        cells[SOURCE_FIGURE_COLUMNS.indexOf(column)] = `"${hidden.text}"`;
        cells[SOURCE_FIGURE_COLUMNS.indexOf("value")] = "9.6";
        const problems = problemsAfter((f) => edit(join(f.sources, "nation", "figures.csv"), line9, cells.join(",")));
        expect(problems[0]).toBe(
          hidden.invisible === undefined
            ? `sources/nation/figures.csv:9: column value: "9.6" conflicts with "9.4" on sources/nation/figures.csv:8 (source P1) for the same dataset, measure, period, area and breakdown; neither a revision nor the notes say which to prefer (see the README's rule for conflicting figures)`
            : `sources/nation/figures.csv:9: column ${column}: "${escapeInvisible(hidden.text)}" contains an invisible character, ${describeCodePoint(hidden.invisible.codePointAt(0)!)}; retype the value without it`,
        );
      }),
      { numRuns: 40 },
    );
  });
});
