import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { longDate } from "../../src/lib/periods.ts";
import { bibtex, bibText, bibUrl, citation, copyNote, locationInWords, pageBibtex, pageCitation, publishedDate, type CitedSource } from "../../src/lib/views/cite.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const site = { title: "Workforce site", releaseId: "2026-11", releaseDate: "2026-11-22" };
const source = (over: Partial<CitedSource> = {}): CitedSource => ({
  source_id: "A10",
  title: "Survey of services",
  publisher: "Scottish Government (Health and Social Care Analysis)",
  published_date: "2022-03 (compendium; working files committed 2022-03-28)",
  url: "https://www.gov.scot/publications/survey/",
  source_type: "primary",
  source_type_reason: "The producer's own working files (analysts' repository), not the published report.",
  ...over,
});

/** The deepest nesting of round brackets in a text. */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of text) {
    if (ch === "(") max = Math.max(max, ++depth);
    else if (ch === ")") depth--;
  }
  return max;
}

describe("publishedDate", () => {
  it("builds on longDate, which writes only full ISO dates in words", () => {
    expect(longDate("2026-11-02")).toBe("2 November 2026");
    expect(longDate("2022-03")).toBe("2022-03");
  });
  it.each([
    ["2024-03-26", { text: "26 March 2024", year: "2024", month: 3, note: "" }],
    ["2022-03 (compendium; working files committed 2022-03-28)", { text: "March 2022", year: "2022", month: 3, note: "compendium; working files committed 28 March 2022" }],
    ["2023", { text: "2023", year: "2023", month: 0, note: "" }],
    ["2024-07-18 (revised 2024-09-17)", { text: "18 July 2024", year: "2024", month: 7, note: "revised 17 September 2024" }],
    ["2023 (x) and (y)", { text: "2023", year: "2023", month: 0, note: "(x) and (y)" }],
    ["unknown (2020)", { text: "2020", year: "2020", month: 0, note: "exact date not known" }],
    ["unknown", { text: "", year: "", month: 0, note: "date not known" }],
    ["unknown (c. March 2023; text says census 'just published')", { text: "", year: "", month: 0, note: "date not known; c. March 2023; text says census 'just published'" }],
    ["captured 2025-09-30 (date of the extract commit)", { text: "", year: "", month: 0, note: "captured 30 September 2025 (date of the extract commit)" }],
  ])("reads %j", (raw, expected) => {
    expect(publishedDate(raw)).toEqual(expected);
  });
});

describe("locationInWords", () => {
  it.each([
    ["mid-year-pop-est-22-data.xlsx, sheet 'Table 1', row 5, column 'All ages'", "", "sheet 'Table 1', row 5, column 'All ages' of the spreadsheet mid-year-pop-est-22-data.xlsx"],
    ["data/DandA_Ongoingwaits.csv, line 12, column 'Percent'", "", "line 12, column 'Percent' of the data file data/DandA_Ongoingwaits.csv"],
    ["surveywork/Surveyresults_output.Rmd, Key findings", "", "Key findings of the working file (analysis code) surveywork/Surveyresults_output.Rmd"],
    ["https://www.drinkanddrugsnews.com/the-big-picture/ | section 'The Stats' para 3", "https://www.drinkanddrugsnews.com/the-big-picture/", "section 'The Stats' paragraph 3"],
    ["https://gov.scot/pub/pages/3 Section A, paragraph 1", "https://gov.scot/pub/", "Section A, paragraph 1, on the page https://gov.scot/pub/pages/3"],
    ["https://example.org/dump?format=tsv row _id=2 (NumberStartingTreatment)", "https://example.org/dump?format=tsv", "the row with _id 2 (NumberStartingTreatment)"],
    ["https://example.org/other", "https://example.org/", "the page https://example.org/other"],
    ["", "", ""],
  ])("%j", (location, url, expected) => {
    expect(locationInWords(location, url)).toBe(expected);
  });
});

describe("citation", () => {
  it("names the publisher, a clean date, the title and address, the place in words, the date's words, the copy read, then this site, the release and the permalink", () => {
    expect(citation({ source: source(), location: "surveywork/Surveyresults_output.Rmd, Key findings", site, permalink: "https://example.org/dash/indicators/x/" })).toBe(
      "Scottish Government (Health and Social Care Analysis) (March 2022). Survey of services. https://www.gov.scot/publications/survey/ " +
        "Where in the source: Key findings of the working file (analysis code) surveywork/Surveyresults_output.Rmd. " +
        "About the date: compendium; working files committed 28 March 2022. " +
        "The copy read: the producer's own working files (analysts' repository), not the published report. " +
        "Reused via Workforce site, data release 2026-11 (22 November 2026): https://example.org/dash/indicators/x/",
    );
  });

  it("gives a derived figure's formula instead of a place, and says when there is no date", () => {
    const text = citation({ source: source({ published_date: "unknown", source_type_reason: "The publisher's own release." }), location: "ignored", formula: "Rate = deaths ÷ population × 100000", site, permalink: "/indicators/x/" });
    expect(text).toContain("(no date).");
    expect(text).toContain("Derived by Workforce site from figures in this source: Rate = deaths ÷ population × 100000.");
    expect(text).not.toContain("ignored");
    expect(text).not.toContain("copy read");
  });

  it("says plainly when the source is a third party's copy or lives in a code repository", () => {
    expect(copyNote(source({ source_type: "secondary", source_type_reason: "The catalogue marks it SECONDARY: a blog reproducing census findings.", publisher: "PHS; extract saved by a GitHub account" }))).toBe(
      "A secondary source, not the publisher's own release: a blog reproducing census findings. Copy read: extract saved by a GitHub account.",
    );
    expect(copyNote(source({ url: "https://github.com/org/lookups", source_type_reason: "The publisher's own lookup code." }))).toBe("Its address is a code repository, not a published report.");
    expect(copyNote(source({ source_type_reason: "The publisher's own release." }))).toBe("");
  });

  it("never ends an address with a full stop, and keeps the publisher's own brackets when splitting off the copy", () => {
    const text = citation({ source: source({ publisher: "Scottish Parliament (answer by Scottish Government; data ISD Scotland)" }), site, permalink: "/x/" });
    expect(text).toMatch(/^Scottish Parliament \(answer by Scottish Government; data ISD Scotland\) \(March 2022\)\./);
    expect(text).not.toMatch(/https?:\/\/\S+\.(\s|$)/);
  });

  it("nests no bracket inside another for any source and place in the real data, beyond what its own title or place has", () => {
    const types = new Map(csvParse(readFileSync(join(ROOT, "data", "reference", "source_types.csv"), "utf8")).map((r) => [r.source_id!, r]));
    const folders = readdirSync(join(ROOT, "data", "sources"), { withFileTypes: true }).filter((d) => d.isDirectory());
    let checked = 0;
    const nested: string[] = [];
    for (const folder of folders) {
      const dir = join(ROOT, "data", "sources", folder.name);
      const sources = new Map(
        csvParse(readFileSync(join(dir, "sources.csv"), "utf8")).map((r) => {
          const t = types.get(r.source_id!)!;
          return [r.source_id!, { source_id: r.source_id!, title: r.title!, publisher: r.publisher!, published_date: r.published_date!, url: r.url!, source_type: t.source_type as "primary" | "secondary", source_type_reason: t.reason! }];
        }),
      );
      const places = new Map<string, Set<string>>([...sources.keys()].map((id) => [id, new Set([""])]));
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".csv") && f !== "sources.csv")) {
        for (const row of csvParse(readFileSync(join(dir, file), "utf8"))) places.get(row.source_id!)?.add(row.source_location!);
      }
      for (const [id, s] of sources) {
        for (const location of places.get(id)!) {
          const text = citation({ source: s, location, site, permalink: "https://example.org/x/" });
          checked++;
          const allowed = Math.max(1, bracketDepth(s.title), bracketDepth(location), bracketDepth(s.publisher));
          if (bracketDepth(text) > allowed) nested.push(text);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(nested.slice(0, 3)).toEqual([]);
  });
});

describe("pageCitation", () => {
  it("names this site as the author and each publisher once", () => {
    expect(pageCitation({ title: "Glasgow City: area profile", publishers: ["National Records of Scotland (NRS)", "Public Health Scotland (PHS); copy", "National Records of Scotland (NRS)", "ONS"], site, permalink: "https://example.org/areas/council-areas/S12000049/" })).toBe(
      "Workforce site (22 November 2026). Glasgow City: area profile. Data release 2026-11: https://example.org/areas/council-areas/S12000049/ " +
        "Figures published by National Records of Scotland (NRS), Public Health Scotland (PHS) and ONS; cite the original publisher of any figure you quote.",
    );
  });
});

/**
 * A reader of one BibTeX entry, independent of the code under test: @type{key, then name = {braced} or
 * name = macro fields. Returns the fields with their raw values, or throws where the entry is malformed.
 */
function parseBib(entry: string): { type: string; key: string; fields: Map<string, string> } {
  const head = /^@(\w+)\{([A-Za-z0-9-]+),\n/.exec(entry);
  if (!head) throw new Error(`bad head: ${entry.slice(0, 40)}`);
  const fields = new Map<string, string>();
  let i = head[0].length;
  while (true) {
    if (entry.slice(i) === "}") break;
    const name = /^ {2}(\w+) *= /.exec(entry.slice(i));
    if (!name) throw new Error(`bad field at ${i}: ${JSON.stringify(entry.slice(i, i + 40))}`);
    i += name[0].length;
    let value: string;
    if (entry[i] === "{") {
      let depth = 0;
      let j = i;
      for (; j < entry.length; j++) {
        const ch = entry[j];
        if (ch === "\\") {
          j++; // an escaped character never opens or closes a group
          continue;
        }
        if (ch === "{") depth++;
        else if (ch === "}" && --depth === 0) break;
      }
      if (depth !== 0) throw new Error(`unbalanced braces in ${name[1]}`);
      value = entry.slice(i + 1, j);
      i = j + 1;
    } else {
      const macro = /^\w+/.exec(entry.slice(i));
      if (!macro) throw new Error(`bad value of ${name[1]}`);
      value = macro[0];
      i += value.length;
    }
    if (entry.slice(i, i + 2) !== ",\n") throw new Error(`no ",\\n" after ${name[1]}`);
    i += 2;
    fields.set(name[1]!, value);
  }
  return { type: head[1]!, key: head[2]!, fields };
}

/** Undoes LaTeX escapes of the special characters (the reverse of what a .bib reader prints). */
const LATEX: [string, string][] = [
  ["\\textbackslash{}", "\\"],
  ["\\textless{}", "<"],
  ["\\textgreater{}", ">"],
  ["\\^{}", "^"],
  ["\\~{}", "~"],
  ["\\{", "{"],
  ["\\}", "}"],
  ["\\%", "%"],
  ["\\&", "&"],
  ["\\$", "$"],
  ["\\#", "#"],
  ["\\_", "_"],
];
function unLatex(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; ) {
    const hit = LATEX.find(([from]) => s.startsWith(from, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else {
      out += s[i++];
    }
  }
  return out;
}

describe("bibtex", () => {
  it("is a @misc entry with the publisher as a corporate author, title, year, month, address and a note naming this site, the release and the permalink", () => {
    const bib = bibtex({ source: source(), location: "surveywork/Surveyresults_output.Rmd, Key findings", site, permalink: "https://example.org/indicators/x/#f-1" });
    const { type, key, fields } = parseBib(bib);
    expect(type).toBe("misc");
    expect(key).toBe("A10-2022");
    expect([...fields.keys()]).toEqual(["author", "title", "year", "month", "url", "note"]);
    expect(fields.get("author")).toBe("{Scottish Government (Health and Social Care Analysis)}");
    expect(fields.get("title")).toBe("{Survey of services}");
    expect(fields.get("year")).toBe("2022");
    expect(fields.get("month")).toBe("mar");
    expect(fields.get("url")).toBe("https://www.gov.scot/publications/survey/");
    expect(fields.get("note")).toContain("surveywork/Surveyresults\\_output.Rmd");
    expect(fields.get("note")).toMatch(/Reused via Workforce site, data release 2026-11 \(22 November 2026\): \\url\{https:\/\/example\.org\/indicators\/x\/\\#f-1\}$/);
  });

  it("keys a page's entry by the first whole words of its title and the release", () => {
    expect(parseBib(pageBibtex({ title: "Workforce planning: a five-year projection of posts", publishers: [], site, permalink: "/planning/" })).key).toBe("page-Workforce-planning-a-five-year-projection-of-2026-11");
  });

  it("leaves out the year when the catalogue gives no date", () => {
    const { key, fields } = parseBib(bibtex({ source: source({ published_date: "captured 2025-09-30" }), site, permalink: "/x/" }));
    expect(key).toBe("A10");
    expect(fields.has("year")).toBe(false);
    expect(fields.get("note")).toContain("About the date: captured 30 September 2025.");
  });

  it("escapes every LaTeX special character in text", () => {
    expect(bibText("50% & $3 #1 a_b {x} \\ ^ ~ <i>\n  next")).toBe("50\\% \\& \\$3 \\#1 a\\_b \\{x\\} \\textbackslash{} \\^{} \\~{} \\textless{}i\\textgreater{} next");
    expect(bibUrl("https://example.org/a b/{c}\\d?e=1%20&f#g")).toBe("https://example.org/a%20b/%7Bc%7D%5Cd?e=1%20&f#g");
  });

  it("stays one well-formed entry, with the text as written, for hostile titles, publishers, places and addresses", () => {
    const text = fc.string({ unit: fc.constantFrom(..."ab {}\\%&$#_^~<>\"'@,=()\n\t;é×÷", "}}", "{{", "@misc{x,", "\\url{") });
    fc.assert(
      fc.property(text, text, text, text, text, (title, publisher, location, url, path) => {
        const input = { source: source({ title, publisher, url, source_id: `${title}-id` }), location, site, permalink: `/${path}` };
        const { fields } = parseBib(bibtex(input));
        const norm = (s: string) => s.replace(/\s+/g, " ").trim();
        expect(unLatex(fields.get("title")!.slice(1, -1))).toBe(norm(title));
        if (url.trim()) expect(decodeURIComponent(fields.get("url")!.replace(/%(?![0-9A-F]{2})/g, "%25"))).toBe(url.trim());
        const page = parseBib(pageBibtex({ title, publishers: [publisher], site, permalink: `/${path}` }));
        expect(unLatex(page.fields.get("title")!.slice(1, -1))).toBe(norm(title));
      }),
      { numRuns: 300 },
    );
  });
});
