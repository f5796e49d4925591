/** Area profile rows: every indicator with figures for an area, beside its parent area and its country (pure). */
import type { Figure } from "../../schemas/figure.ts";
import type { GeographyLevel } from "../../schemas/vocabulary.ts";
import { breakdownKey, defaultBreakdown, latest, primaryMeasure, shownValues } from "./select.ts";

/** An index of shown values by indicator and area, for profileRows. */
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

export interface ProfileRow {
  indicatorId: string;
  figure: Figure;
  parent?: { area: AreaRef; figure?: Figure };
  country?: { area: AreaRef; figure?: Figure };
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

const same = (f: Figure, g: Figure) => f.measure === g.measure && f.period === g.period && f.breakdown_type === g.breakdown_type && f.breakdown_value === g.breakdown_value;

/**
 * One row per indicator: the area's latest shown figure of the indicator's main measure (total or all persons
 * where published), and the parent's and country's figures for exactly the same measure, period and breakdown.
 * A comparison figure is never taken from another period: if there is none, the row says so.
 */
export function profileRows(
  area: AreaRef,
  byKey: Map<string, AreaRef>,
  indicators: { id: string; measures: { measure: string; role: string }[] }[],
  /** Shown values of an indicator for one area (an index, so 250 area pages do not each scan every figure). */
  shownAt: (indicatorId: string, level: string, code: string) => Figure[],
): ProfileRow[] {
  const parent = area.level === "country" ? undefined : byKey.get(`${area.parent_level}|${area.parent_code}`);
  const country = area.level === "country" ? undefined : countryOf(area, byKey);
  const rows: ProfileRow[] = [];
  for (const ind of indicators) {
    const here = shownAt(ind.id, area.level, area.code);
    if (here.length === 0) continue;
    const measure = primaryMeasure(ind.measures, here);
    const ofMeasure = here.filter((f) => f.measure === measure);
    const b = defaultBreakdown(ofMeasure);
    const figure = latest(ofMeasure.filter((f) => b && breakdownKey({ type: f.breakdown_type, value: f.breakdown_value }) === breakdownKey(b)));
    if (!figure) continue;
    const at = (a: AreaRef | undefined) => (a ? { area: a, figure: shownAt(ind.id, a.level, a.code).find((g) => same(g, figure)) } : undefined);
    const p = parent && parent.code !== country?.code ? at(parent) : undefined;
    rows.push({ indicatorId: ind.id, figure, ...(p ? { parent: p } : {}), ...(country ? { country: at(country)! } : {}) });
  }
  return rows;
}
