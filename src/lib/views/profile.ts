/**
 * The page model of an area profile: every indicator with figures for the area, led by the indicator's headline rule,
 * set beside the parent area's and the country's figure for the same measure, breakdown and period only; when the
 * country has a later figure, the row says both dates. An ADP published under two codes (Public Health Scotland's S11
 * code and the Scottish Government's slug) has one profile with the figures of both. Pure.
 */
import type { Figure } from "../../schemas/figure.ts";
import type { GeographyLevel, Topic } from "../../schemas/vocabulary.ts";
import { TOPICS } from "../../schemas/vocabulary.ts";
import { compareText } from "../text.ts";
import { byTime, headlineAt, matchesRule, type Headline } from "./headline.ts";
import type { IndicatorLike } from "./indicatorPage.ts";
import { shownValues } from "./select.ts";

/** An index of shown values by indicator and area, so 250 area pages do not each scan every figure. */
export function shownIndex(figures: Figure[]): (indicatorId: string, level: string, code: string) => Figure[] {
  const index = new Map<string, Figure[]>();
  for (const f of shownValues(figures)) {
    const k = `${f.indicator_id}|${f.geography_level}|${f.area_code}`;
    const list = index.get(k);
    if (list) list.push(f);
    else index.set(k, [f]);
  }
  return (indicatorId, level, code) => index.get(`${indicatorId}|${level}|${code}`) ?? [];
}

export interface AreaRef {
  level: GeographyLevel;
  code: string;
  name: string;
  parent_level: string;
  parent_code: string;
}

/** The country an area belongs to, following parents up (Scotland for ADPs, England for local authorities). */
export function countryOf(area: AreaRef, byKey: Map<string, AreaRef>): AreaRef | undefined {
  let a: AreaRef | undefined = area;
  for (let i = 0; a && i < 6; i++) {
    if (a.level === "country") return a;
    a = byKey.get(`${a.parent_level}|${a.parent_code}`);
  }
  return undefined;
}

/**
 * The codes of one ADP in every convention the data uses: ADPs made of exactly the same council areas are the same
 * partnership. The first code is the one its profile lives at: the Public Health Scotland code, else the slug.
 */
export function adpCodes(adps: { code: string; council_areas: string[] }[]): Map<string, string[]> {
  const bySet = new Map<string, string[]>();
  for (const a of adps) {
    const key = [...a.council_areas].sort().join(";");
    if (key === "") continue;
    bySet.set(key, [...(bySet.get(key) ?? []), a.code]);
  }
  const out = new Map<string, string[]>();
  for (const codes of bySet.values()) {
    const ordered = [...codes].sort((a, b) => Number(a.startsWith("adp-")) - Number(b.startsWith("adp-")) || compareText(a, b));
    for (const c of ordered) out.set(c, ordered);
  }
  return out;
}

export interface Comparator {
  area: AreaRef;
  /** The comparator's figure for exactly the same measure, breakdown and period; undefined when not published. */
  figure?: Figure;
  /** The comparator's latest figure of the same measure and breakdown, when it is later than the area's. */
  later?: Figure;
}

export interface ProfileRow {
  indicatorId: string;
  headline: Headline;
  parent?: Comparator;
  country?: Comparator;
}

export interface ProfileTopic {
  topic: Topic;
  rows: ProfileRow[];
}

const samePoint = (f: Figure, g: Figure) => f.measure === g.measure && f.period === g.period && f.breakdown_type === g.breakdown_type && f.breakdown_value === g.breakdown_value;

function comparator(area: AreaRef, h: Headline, shown: Figure[]): Comparator {
  const f = h.figure;
  const rule = h.segments[h.segment]!.rule;
  const same = shown.find((g) => samePoint(g, f));
  const latest = shown.filter((g) => matchesRule(rule, g) && g.value !== null).sort(byTime).at(-1);
  const later = latest && byTime(f, latest) < 0 && latest !== same ? latest : undefined;
  return { area, ...(same ? { figure: same } : {}), ...(later ? { later } : {}) };
}

/**
 * One row per indicator with a figure for the area (any of its codes), in topic and registry order: the headline rule's
 * latest figure here, and the parent's and country's figures for the same measure, breakdown and period.
 */
export function profileTopics(
  area: AreaRef,
  codes: string[],
  byKey: Map<string, AreaRef>,
  indicators: (IndicatorLike & { topic: Topic })[],
  shownAt: (indicatorId: string, level: string, code: string) => Figure[],
): ProfileTopic[] {
  const parent = area.level === "country" ? undefined : byKey.get(`${area.parent_level}|${area.parent_code}`);
  const country = area.level === "country" ? undefined : countryOf(area, byKey);
  const rows: (ProfileRow & { topic: Topic })[] = [];
  for (const ind of indicators) {
    const here = codes.flatMap((c) => shownAt(ind.id, area.level, c));
    if (here.length === 0) continue;
    const headline = headlineAt(ind.headline_rules, here, ind.unit);
    if (!headline) continue;
    const p = parent && parent.code !== country?.code ? comparator(parent, headline, shownAt(ind.id, parent.level, parent.code)) : undefined;
    const c = country ? comparator(country, headline, shownAt(ind.id, country.level, country.code)) : undefined;
    rows.push({ topic: ind.topic, indicatorId: ind.id, headline, ...(p ? { parent: p } : {}), ...(c ? { country: c } : {}) });
  }
  return TOPICS.map((topic) => ({ topic, rows: rows.filter((r) => r.topic === topic) })).filter((t) => t.rows.length > 0);
}
