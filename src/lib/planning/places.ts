/**
 * The places a plan can be made for: the two nations, and every NHS Board, Alcohol and Drug Partnership, council
 * area, English region and upper-tier local authority with at least one published workforce or need figure. An ADP
 * published under two codes (Public Health Scotland's and the Scottish Government's) is one place with both codes.
 * Pure over the site's data.
 */
import type { SiteData } from "../../data/site.ts";
import { GEOGRAPHY_LEVELS, LEVEL_NATION, LEVEL_PLURAL_LABEL, NATION_CODE, NATION_LABEL, type GeographyLevel, type HomeNation } from "../../schemas/vocabulary.ts";
import { compareText } from "../text.ts";
import { adpCodes } from "../views/profile.ts";
import { NEED_SERIES } from "./need.ts";

export interface PlaceRef {
  level: GeographyLevel;
  code: string;
  name: string;
}

export interface PlanPlace extends PlaceRef {
  /** Every code the place is published under (two for some ADPs); the first is the one its plan lives at. */
  codes: string[];
  nation: HomeNation;
  /** The area it is part of, below the nation (an ADP's or council area's NHS Board, a local authority's region). */
  parent?: PlaceRef;
  /** The council areas an ADP is made of (empty for other levels). */
  councilAreas: PlaceRef[];
}

/** Topics whose figures count as workforce figures for choosing places. */
const WORKFORCE_TOPICS = new Set(["workforce_size", "vacancies", "turnover", "workload"]);

/** The nation of a place: the level's nation, or the nation whose code it is. */
function nationOf(level: GeographyLevel, code: string): HomeNation | undefined {
  if (level !== "country") return LEVEL_NATION[level];
  return (Object.keys(NATION_CODE) as HomeNation[]).find((n) => NATION_CODE[n] === code);
}

/** True when the place has a published (or derived) number for a workforce indicator or a need series. */
function hasFigure(site: SiteData, level: GeographyLevel, codes: string[]): boolean {
  const workforce = site.registry.indicators.filter((i) => WORKFORCE_TOPICS.has(i.topic));
  const numbered = (id: string) => codes.some((c) => site.shownAt(id, level, c).some((f) => f.value !== null));
  return workforce.some((i) => numbered(i.id)) || NEED_SERIES.some((s) => numbered(s.indicator));
}

/** Every place with a plan, nations first, then by level (largest first) and name. */
export function planPlaces(site: SiteData): PlanPlace[] {
  const byKey = new Map(site.registry.areas.map((a) => [`${a.level}|${a.code}`, a]));
  const twins = adpCodes(site.registry.areas.filter((a) => a.level === "adp"));
  const seen = new Set<string>();
  const out: PlanPlace[] = [];
  for (const a of site.registry.areas) {
    const nation = nationOf(a.level, a.code);
    if (!nation) continue;
    const codes = a.level === "adp" ? (twins.get(a.code) ?? [a.code]) : [a.code];
    const key = `${a.level}|${codes[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (a.level !== "country" && !hasFigure(site, a.level, codes)) continue;
    const home = byKey.get(key) ?? a;
    const parentArea = home.parent_level === "country" ? undefined : byKey.get(`${home.parent_level}|${home.parent_code}`);
    out.push({
      level: home.level,
      code: codes[0]!,
      codes,
      name: home.level === "country" ? NATION_LABEL[nation] : home.name,
      nation,
      ...(parentArea ? { parent: { level: parentArea.level, code: parentArea.code, name: parentArea.name } } : {}),
      councilAreas: home.council_areas.map((c) => ({ level: "council_area" as const, code: c, name: byKey.get(`council_area|${c}`)?.name ?? c })),
    });
  }
  const levelIndex = (l: GeographyLevel) => GEOGRAPHY_LEVELS.indexOf(l);
  return out.sort((x, y) => levelIndex(x.level) - levelIndex(y.level) || (x.level === "country" ? compareText(y.nation, x.nation) : compareText(x.name, y.name)));
}

/** The nation's own place (Scotland or England), as a PlaceRef. */
export function nationPlace(nation: HomeNation): PlaceRef {
  return { level: "country", code: NATION_CODE[nation], name: NATION_LABEL[nation] };
}

export interface PlaceGroup {
  level: GeographyLevel;
  label: string;
  nation: HomeNation | undefined;
  places: PlanPlace[];
}

/** Places grouped by level for the chooser and the lists of default plans, in the order of planPlaces. */
export function placeGroups(places: readonly PlanPlace[]): PlaceGroup[] {
  const groups: PlaceGroup[] = [];
  for (const p of places) {
    let g = groups.find((x) => x.level === p.level);
    if (!g) {
      g = { level: p.level, label: p.level === "country" ? "Nations" : LEVEL_PLURAL_LABEL[p.level], nation: p.level === "country" ? undefined : LEVEL_NATION[p.level], places: [] };
      groups.push(g);
    }
    g.places.push(p);
  }
  return groups;
}

const planned = new WeakMap<SiteData, Set<string>>();
/** True when the area has a plan at planning/<level>/<code>/ (for links from other pages). */
export function hasPlan(site: SiteData, level: string, code: string): boolean {
  let keys = planned.get(site);
  if (!keys) planned.set(site, (keys = new Set(planPlaces(site).map((p) => `${p.level}|${p.code}`))));
  return keys.has(`${level}|${code}`);
}
