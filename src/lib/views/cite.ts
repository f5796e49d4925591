/**
 * "Cite this": citations a reader can paste, as plain text and as BibTeX.
 *
 * A figure's citation names the original publisher first (publisher, date, title, address, the place in the
 * source in words), says plainly when the copy read is a working file or a third party's copy, and ends with
 * this site, the data release and the permalink. A page's citation (an area profile, the planning tool) names
 * this site as the author and the publishers it draws on. No bracket is nested inside another: the sources'
 * `published_date` mixes a date with words ("2022-03 (compendium; working files committed 2022-03-28)"), so the
 * date is printed clean and the words go into a sentence of their own.
 */
import { formatPeriod, longDate } from "../periods.ts";

/** The part of a source-catalogue row a citation needs. */
export interface CitedSource {
  source_id: string;
  title: string;
  publisher: string;
  published_date: string;
  url: string;
  source_type: "primary" | "secondary";
  source_type_reason: string;
}

/** This site and its data release. */
export interface CitingSite {
  title: string;
  releaseId: string;
  releaseDate: string;
}

export interface CitationInput {
  source: CitedSource;
  /** Where in the source, as transcribed (a figure's source_location). */
  location?: string;
  /** For a derived figure: the formula by which this site computed it from the source's figures. */
  formula?: string;
  site: CitingSite;
  /** The permalink: absolute when the site's address is known, else the path from the site root. */
  permalink: string;
}

export interface PageCitationInput {
  /** The page's title, e.g. "Glasgow City: area profile". */
  title: string;
  /** The publishers whose figures the page shows, in the order to list them. */
  publishers: string[];
  /** One more plain sentence, e.g. that a projection is not a published figure. */
  note?: string;
  site: CitingSite;
  permalink: string;
}

/** A publication date read from the catalogue: the date in words (when there is one), its year, and the words around it. */
export interface PublishedDate {
  /** "26 March 2024", "March 2022", "2023"; empty when the catalogue gives no date. */
  text: string;
  year: string;
  /** 1–12 when the month is known, else 0. */
  month: number;
  /** The catalogue's words about the date, as a phrase without outer brackets ("" when none). */
  note: string;
}

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;
/** Dates inside the catalogue's words, in words too ("committed 2022-03-28" → "committed 28 March 2022"). */
const datesInWords = (s: string) => s.replace(ISO_DATE, (d) => longDate(d));

/** Removes one pair of brackets around the whole phrase: "(a (b) c)" → "a (b) c". */
function unwrap(s: string): string {
  const t = s.trim();
  if (!t.startsWith("(") || !t.endsWith(")")) return t;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === "(") depth++;
    else if (t[i] === ")") depth--;
    if (depth === 0 && i < t.length - 1) return t; // the first bracket closes before the end: "(a) b (c)"
  }
  return t.slice(1, -1).trim();
}

/**
 * Reads the catalogue's `published_date`: a leading ISO date (year, month or day) is the date; what follows is
 * the note. "unknown (2020)" gives the year 2020 with the note that the exact date is not known; any other text
 * ("captured 2025-09-30 (...)", "unknown (c. March 2023; ...)") gives no date and the text as the note.
 */
export function publishedDate(raw: string): PublishedDate {
  const s = raw.trim().replace(/\s+/g, " ");
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=$|[\s(;,])/.exec(s);
  if (m) {
    const iso = m[0];
    return { text: formatPeriod(iso), year: m[1]!, month: m[2] ? Number(m[2]) : 0, note: datesInWords(unwrap(s.slice(iso.length).replace(/^[;,]\s*/, ""))) };
  }
  const unknown = /^unknown\b\s*(.*)$/i.exec(s);
  if (unknown) {
    const rest = unwrap(unknown[1]!);
    if (/^\d{4}$/.test(rest)) return { text: rest, year: rest, month: 0, note: "exact date not known" };
    return { text: "", year: "", month: 0, note: rest === "" ? "date not known" : `date not known; ${datesInWords(rest)}` };
  }
  return { text: "", year: "", month: 0, note: datesInWords(s) };
}

/** The publisher's name, and what the catalogue adds after a semicolon about the copy read. */
export function publisherParts(publisher: string): { name: string; copy: string } {
  let depth = 0;
  for (let i = 0; i < publisher.length; i++) {
    const ch = publisher[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === ";" && depth === 0) return { name: publisher.slice(0, i).trim(), copy: publisher.slice(i + 1).trim() };
  }
  return { name: publisher.trim(), copy: "" };
}

const FILE_KIND: [RegExp, string][] = [
  [/\.(xlsx|xls|ods)$/i, "spreadsheet"],
  [/\.(csv|tsv)$/i, "data file"],
  [/\.(Rmd|R|py|ipynb|sql)$/i, "working file (analysis code)"],
];

/**
 * The place in the source in words a reader can follow: abbreviations spelt out ("para 3" → "paragraph 3"), a
 * file named as what it is ("sheet 'Table 1', row 5 of the spreadsheet mid-year-pop-est-22-data.xlsx"), the
 * publication's own address dropped when it repeats the source's, and another address said to be a page.
 */
export function locationInWords(location: string, sourceUrl = ""): string {
  let s = location.trim().replace(/\s+/g, " ");
  if (s === "") return "";
  // An address first, then the place on that page.
  const url = /^(https?:\/\/\S+?)(?:\s*\|\s*|\s+|$)(.*)$/.exec(s);
  let page = "";
  if (url) {
    const same = url[1]!.replace(/\/$/, "") === sourceUrl.replace(/\/$/, "");
    page = same ? "" : url[1]!;
    s = url[2]!.trim();
  }
  s = s
    .replace(/\bparas\b/g, "paragraphs")
    .replace(/\bpara\b/g, "paragraph")
    .replace(/\brow _id=(\S+)/g, "the row with _id $1")
    .replace(/^,\s*/, "");
  // A file first, then the place in it.
  const file = /^([\w./-]+\.[A-Za-z]{1,5}),\s*(.*)$/.exec(s);
  if (file) {
    const kind = FILE_KIND.find(([re]) => re.test(file[1]!))?.[1] ?? "file";
    s = `${file[2]} of the ${kind} ${file[1]}`;
  }
  if (page) return s ? `${s}, on the page ${page}` : `the page ${page}`;
  return s;
}

/** A sentence: first letter capitalised, one full stop at the end. */
function sentence(s: string): string {
  const t = s.trim();
  if (t === "") return "";
  const capital = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

const lowerFirst = (s: string) => (s && /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * What a reader must know about the copy read, in plain words: a secondary source (a third party's copy or
 * report), a working file, a copy in a code repository; "" for the publisher's own release.
 */
export function copyNote(source: CitedSource): string {
  // The catalogue's "The catalogue marks it SECONDARY: a blog ..." says the type this sentence already gives.
  const reason = source.source_type_reason.trim().replace(/^the catalogue marks it (primary|secondary):\s*/i, "");
  const { copy } = publisherParts(source.publisher);
  const parts: string[] = [];
  if (source.source_type === "secondary") parts.push(sentence(`a secondary source, not the publisher's own release${reason ? `: ${lowerFirst(reason)}` : ""}`));
  else if (/working file|repositor|\bcopy\b/i.test(reason)) parts.push(sentence(`the copy read: ${lowerFirst(reason)}`));
  if (copy) parts.push(sentence(`copy read: ${copy}`));
  if (/^https?:\/\/(www\.)?(github\.com|raw\.githubusercontent\.com|gitlab\.com)\//i.test(source.url)) parts.push("Its address is a code repository, not a published report.");
  return parts.join(" ");
}

/** The parts of a figure's citation, each a phrase or sentence of plain text. */
export function citationParts(c: CitationInput) {
  const date = publishedDate(c.source.published_date);
  const { name } = publisherParts(c.source.publisher);
  const where = c.formula
    ? sentence(`derived by ${c.site.title} from figures in this source: ${c.formula}`)
    : c.location
      ? sentence(`where in the source: ${locationInWords(c.location, c.source.url)}`)
      : "";
  return {
    publisher: name,
    date,
    title: c.source.title.trim(),
    url: c.source.url.trim(),
    where,
    aboutDate: date.note ? sentence(`about the date: ${date.note}`) : "",
    copy: copyNote(c.source),
    via: `Reused via ${c.site.title}, data release ${c.site.releaseId} (${longDate(c.site.releaseDate)}): ${c.permalink}`,
  };
}

/**
 * Publisher (date). Title. Address (no full stop after it). Where in the source. About the date. The copy read. Reused via this site,
 * data release (date): permalink. One paragraph of plain text.
 */
export function citation(c: CitationInput): string {
  const p = citationParts(c);
  // No full stop after an address: a pasted link must not end in one.
  return [`${p.publisher} (${p.date.text || "no date"}).`, sentence(p.title), p.url, p.where, p.aboutDate, p.copy, p.via].filter(Boolean).join(" ");
}

/** Names in a sentence: "A", "A and B", "A, B and C". */
function listOf(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** A page of this site: Site (release date). Page title. Data release id: permalink. Figures published by … */
export function pageCitation(c: PageCitationInput): string {
  const publishers = [...new Set(c.publishers.map((p) => publisherParts(p).name))];
  return [
    `${c.site.title} (${longDate(c.site.releaseDate)}).`,
    sentence(c.title),
    `Data release ${c.site.releaseId}: ${c.permalink}`,
    publishers.length > 0 ? sentence(`figures published by ${listOf(publishers)}; cite the original publisher of any figure you quote`) : "",
    c.note ? sentence(c.note) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/* BibTeX. */

const BIB_SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "^": "\\^{}",
  "~": "\\~{}",
  "<": "\\textless{}",
  ">": "\\textgreater{}",
};

/** Text for a BibTeX field: LaTeX's special characters escaped, line breaks and runs of spaces made one space. */
export function bibText(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\{}%&$#_^~<>]/g, (ch) => BIB_SPECIAL[ch]!);
}

/** An address for a BibTeX url field: braces, backslashes and spaces percent-encoded (the rest stays verbatim). */
export function bibUrl(u: string): string {
  return u.trim().replace(/[{}\\\s"]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** An address inside a note, as \url{…}: as bibUrl, with % and # escaped (\url inside an argument needs them). */
const noteUrl = (u: string) => `\\url{${bibUrl(u).replace(/[%#]/g, (ch) => `\\${ch}`)}}`;

/** An entry key from letters, digits and hyphens only. */
const bibKey = (...parts: string[]) =>
  parts
    .filter(Boolean)
    .join("-")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "") || "source";

const MONTH_MACRO = ["", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function entry(type: string, key: string, fields: [string, string][]): string {
  const width = Math.max(...fields.map(([k]) => k.length));
  return `@${type}{${key},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v},`).join("\n")}\n}`;
}

/** A BibTeX @misc entry for a figure's source: the publisher as a corporate author, the title, year, address, and a note naming this site, the release and the permalink. */
export function bibtex(c: CitationInput): string {
  const p = citationParts(c);
  const note = [p.where, p.aboutDate, p.copy].filter(Boolean).map(bibText);
  note.push(`${bibText(`Reused via ${c.site.title}, data release ${c.site.releaseId} (${longDate(c.site.releaseDate)}):`)} ${noteUrl(c.permalink)}`);
  const fields: [string, string][] = [
    ["author", `{{${bibText(p.publisher)}}}`],
    ["title", `{{${bibText(p.title)}}}`],
  ];
  if (p.date.year) fields.push(["year", `{${p.date.year}}`]);
  if (p.date.month) fields.push(["month", MONTH_MACRO[p.date.month]!]);
  if (p.url) fields.push(["url", `{${bibUrl(p.url)}}`]);
  fields.push(["note", `{${note.join(" ")}}`]);
  return entry("misc", bibKey(c.source.source_id, p.date.year), fields);
}

/** A BibTeX @misc entry for a page of this site: the site as a corporate author, the page's title, the release year and the permalink. */
export function pageBibtex(c: PageCitationInput): string {
  const publishers = [...new Set(c.publishers.map((p) => publisherParts(p).name))];
  const note = [bibText(`Data release ${c.site.releaseId} (${longDate(c.site.releaseDate)}).`)];
  if (publishers.length > 0) note.push(bibText(sentence(`figures published by ${listOf(publishers)}`)));
  if (c.note) note.push(bibText(sentence(c.note)));
  const [year, month] = c.site.releaseDate.split("-");
  const fields: [string, string][] = [
    ["author", `{{${bibText(c.site.title)}}}`],
    ["title", `{{${bibText(c.title)}}}`],
    ["year", `{${year}}`],
  ];
  if (month && Number(month) >= 1 && Number(month) <= 12) fields.push(["month", MONTH_MACRO[Number(month)]!]);
  fields.push(["url", `{${bibUrl(c.permalink)}}`], ["note", `{${note.join(" ")}}`]);
  // The key: the first words of the title (whole words), then the release.
  return entry("misc", bibKey("page", c.title.split(/\s+/).slice(0, 6).join(" "), c.site.releaseId), fields);
}
