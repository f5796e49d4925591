/**
 * The area profiles the site builds (one per area with a figure; an ADP under two codes has one profile, and its
 * other code a page pointing at it), the figures each profile shows, and each level's "areas like this one".
 * Site data access on top of the pure page models, shared by the profile page, its downloads and comparison pages.
 */
import type { Figure } from "../schemas/figure.ts";
import { LEVEL_NATION, NATION_CODE, type GeographyLevel } from "../schemas/vocabulary.ts";
import { areaPagesOf } from "../lib/views/areaPages.ts";
import { adpCodes, profileTopics, type AreaRef, type ProfileTopic } from "../lib/views/profile.ts";
import { compareAreas, similarAreas, similarityBasis, type CompareRow, type Similar, type SimilarityBasis } from "../lib/views/compareAreas.ts";
import { loadSite } from "./site.ts";

export type ProfileArea = AreaRef & { notes: string; council_areas: string[]; aliases?: string[] };

export interface ProfilePage {
  area: ProfileArea;
  /** Every code the area is published under (the first is the profile's). */
  codes: string[];
  /** Set on the page of an ADP's other code: the profile it points at. */
  aliasOf?: ProfileArea;
}

let pages: ProfilePage[] | undefined;

export function profilePages(): ProfilePage[] {
  if (pages) return pages;
  const site = loadSite();
  const byKey = new Map(site.registry.areas.map((a) => [`${a.level}|${a.code}`, a]));
  const twins = adpCodes(site.registry.areas.filter((a) => a.level === "adp"));
  const seen = new Set<string>();
  const out: ProfilePage[] = [];
  for (const p of areaPagesOf(site.figures)) {
    const codes = p.level === "adp" ? (twins.get(p.code) ?? [p.code]) : [p.code];
    const home = byKey.get(`${p.level}|${codes[0]}`)!;
    if (!seen.has(`${p.level}|${codes[0]}`)) {
      seen.add(`${p.level}|${codes[0]}`);
      out.push({ area: home, codes });
    }
    if (p.code !== codes[0]) out.push({ area: byKey.get(`${p.level}|${p.code}`)!, codes, aliasOf: home });
  }
  pages = out;
  return out;
}

/** The rows of a profile (page model, src/lib/views/profile.ts). */
export function profileOf(p: ProfilePage): ProfileTopic[] {
  const site = loadSite();
  const byKey = new Map<string, AreaRef>(site.registry.areas.map((a) => [`${a.level}|${a.code}`, a]));
  return profileTopics(p.area, p.codes, byKey, site.registry.indicators, site.shownAt);
}

/** Every figure a profile shows: each row's figure (and upper end), and the parent's and country's beside it. */
export function profileFigures(topics: ProfileTopic[]): Figure[] {
  return topics.flatMap((t) => t.rows.flatMap((r) => [r.headline.figure, r.headline.upper, r.parent?.figure, r.parent?.later, r.country?.figure, r.country?.later].filter((f): f is Figure => f !== undefined)));
}

const bases = new Map<string, SimilarityBasis | undefined>();

/** The basis of "areas like this one" at a level (data/reference/similarity.csv), or undefined when it has none. */
export function similarityAt(level: GeographyLevel): SimilarityBasis | undefined {
  if (bases.has(level)) return bases.get(level);
  const site = loadSite();
  const measures = site.registry.similarity.filter((s) => s.level === level);
  const codes = profilePages().filter((p) => p.area.level === level && !p.aliasOf).map((p) => p.area.code);
  const basis = similarityBasis(codes, level, measures, site.indicatorById, site.shownAt);
  bases.set(level, basis);
  return basis;
}

/** The areas most like an area, by the level's similarity measures. */
export function similarTo(area: AreaRef): Similar[] {
  return similarAreas(similarityAt(area.level), area.code);
}

/** The nation whose figure is the benchmark for a level. */
export function benchmarkCode(level: GeographyLevel): string | undefined {
  return level === "country" ? undefined : NATION_CODE[LEVEL_NATION[level]];
}

/** Areas of one level side by side (page model, src/lib/views/compareAreas.ts). */
export function comparisonOf(level: GeographyLevel, codes: string[]): CompareRow[] {
  const site = loadSite();
  return compareAreas(level, codes, site.registry.indicators, site.shownAt, benchmarkCode(level));
}
