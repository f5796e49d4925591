/**
 * Page models of the A–Z lists, and the directory of areas they and the site search share (pure).
 * An area is listed once, at the code of its profile: an ADP published under two codes is one entry with both.
 */
import type { Figure } from "../../schemas/figure.ts";
import { GEOGRAPHY_LEVELS, TOPICS, countOf, type GeographyLevel, type Topic } from "../../schemas/vocabulary.ts";
import { compareText } from "../text.ts";
import { areaPagesOf } from "./areaPages.ts";
import { adpCodes, shownIndex } from "./profile.ts";

export interface DirectoryArea {
  level: GeographyLevel;
  code: string;
  name: string;
  aliases: string[];
  parent_level: string;
  parent_code: string;
  council_areas: string[];
}

export interface DirectoryIndicator {
  id: string;
  title: string;
  short_title: string;
  topic: Topic;
}

export interface AreaEntry {
  level: GeographyLevel;
  /** The code of the area's profile page. */
  code: string;
  /** Every code the area is published under (two for an ADP in both conventions). */
  codes: string[];
  name: string;
  /** Other names: the reference table's aliases and any other spelling a source published, without the name itself. */
  otherNames: string[];
  parent?: { level: string; code: string; name: string };
  figureCount: number;
  /** Indicators with a shown figure for the area, in topic order then registry order. */
  indicatorIds: string[];
}

const levelIndex = (l: string) => (GEOGRAPHY_LEVELS as readonly string[]).indexOf(l);
const sameName = (n: string) => n.toLowerCase().replace(/\s+/g, " ").trim();

/** Every area with a profile (at least one figure), by level (largest first) then name. */
export function areaDirectory(areas: DirectoryArea[], indicators: DirectoryIndicator[], figures: Figure[]): AreaEntry[] {
  const byKey = new Map(areas.map((a) => [`${a.level}|${a.code}`, a]));
  const twins = adpCodes(areas.filter((a) => a.level === "adp"));
  const shownAt = shownIndex(figures);
  const published = new Map<string, Set<string>>();
  for (const f of figures) {
    const k = `${f.geography_level}|${f.area_code}`;
    published.set(k, (published.get(k) ?? new Set()).add(f.area_name));
  }
  const ordered = TOPICS.flatMap((t) => indicators.filter((i) => i.topic === t));
  const entries = new Map<string, AreaEntry>();
  for (const p of areaPagesOf(figures)) {
    const codes = p.level === "adp" ? (twins.get(p.code) ?? [p.code]) : [p.code];
    const key = `${p.level}|${codes[0]}`;
    const e = entries.get(key);
    if (e) {
      e.figureCount += p.count;
      continue;
    }
    const home = byKey.get(key);
    const name = home?.name ?? p.label;
    const names = new Set<string>();
    for (const c of codes) {
      for (const n of byKey.get(`${p.level}|${c}`)?.aliases ?? []) names.add(n);
      if (c !== codes[0]) names.add(byKey.get(`${p.level}|${c}`)?.name ?? "");
      for (const n of published.get(`${p.level}|${c}`) ?? []) names.add(n);
    }
    // Names that differ only in case or spacing ("ENGLAND") are the same name.
    const seen = new Set([sameName(name), ""]);
    const otherNames = [...names].sort(compareText).filter((n) => !seen.has(sameName(n)) && seen.add(sameName(n)));
    const parent = home ? byKey.get(`${home.parent_level}|${home.parent_code}`) : undefined;
    entries.set(key, {
      level: p.level,
      code: codes[0]!,
      codes,
      name,
      otherNames,
      ...(parent ? { parent: { level: parent.level, code: parent.code, name: parent.name } } : {}),
      figureCount: p.count,
      indicatorIds: ordered.filter((i) => codes.some((c) => shownAt(i.id, p.level, c).length > 0)).map((i) => i.id),
    });
  }
  return [...entries.values()].sort((a, b) => levelIndex(a.level) - levelIndex(b.level) || compareText(sortName(a.name), sortName(b.name)));
}

/** The name an A–Z list files an area under: NHS Boards by the place ("NHS Fife" under F). */
export function sortName(name: string): string {
  return name.replace(/^NHS /, "");
}

/** The letter a name is filed under: its first letter, A to Z, or "0–9" for a digit. */
export function initialOf(name: string): string {
  const c = name.normalize("NFD").charAt(0).toUpperCase();
  return /[A-Z]/.test(c) ? c : /[0-9]/.test(c) ? "0–9" : "Other";
}

export interface Letter<T> {
  letter: string;
  items: T[];
}

/** Items grouped by the initial of their filing name, letters in order, items by filing name within each. */
export function byInitial<T>(items: T[], nameOf: (t: T) => string): Letter<T>[] {
  const groups = new Map<string, T[]>();
  for (const t of [...items].sort((a, b) => compareText(nameOf(a).toUpperCase(), nameOf(b).toUpperCase()))) {
    const l = initialOf(nameOf(t));
    groups.set(l, [...(groups.get(l) ?? []), t]);
  }
  return [...groups].map(([letter, list]) => ({ letter, items: list })).sort((a, b) => compareText(a.letter, b.letter));
}

/** The areas A–Z: a section per geography level that has areas, each by initial letter. */
export function areasAz(entries: AreaEntry[]): { level: GeographyLevel; count: number; letters: Letter<AreaEntry>[] }[] {
  return GEOGRAPHY_LEVELS.map((level) => {
    const list = entries.filter((e) => e.level === level);
    return { level, count: list.length, letters: byInitial(list, (e) => sortName(e.name)) };
  }).filter((g) => g.count > 0);
}

/** A list of names in a sentence: "a", "a and b", "a, b and c". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** An indicator's short title as a phrase inside a sentence: "Drug misuse deaths (Scotland)" → "drug misuse deaths". */
export function indicatorPhrase(shortTitle: string): string {
  const t = shortTitle.replace(/\s*\([^)]*\)$/, "");
  return /^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

/** What an area has figures for, in a few words: "Figures for 3 indicators: drug misuse deaths, population and …". */
export function figuresSummary(entry: AreaEntry, indicators: Map<string, DirectoryIndicator>, shown = 3): string {
  const names = [...new Set(entry.indicatorIds.map((id) => indicatorPhrase(indicators.get(id)?.short_title ?? id)))];
  const n = entry.indicatorIds.length;
  if (n === 0) return `${countOf(entry.figureCount, "figure")}, in the downloads only`;
  const head = `Figures for ${countOf(n, "indicator")}`;
  return names.length <= shown ? `${head}: ${listText(names)}` : `${head}: ${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}
