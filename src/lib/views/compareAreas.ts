/**
 * Areas side by side. `similarAreas` finds "areas like this one" from published figures by a shown formula;
 * `compareAreas` sets chosen areas of one level side by side for every indicator they share in the same period,
 * with the nation's figure as a benchmark. Pure, and free of site data access, so the browser uses the same code.
 */
import type { Figure } from "../../schemas/figure.ts";
import type { Unit } from "../../schemas/vocabulary.ts";
import { formatNumber } from "../format.ts";
import { byTime, matchesRule, type HeadlineRule } from "./headline.ts";

export interface ComparableIndicator {
  id: string;
  title: string;
  short_title: string;
  unit: Unit;
  precision: number;
  headline_rules: HeadlineRule[];
}

/** The shown values of an indicator at one area: (indicator id, level, code) → figures. */
export type ShownAt = (indicatorId: string, level: string, code: string) => Figure[];

export interface SimilarityMeasure {
  indicator_id: string;
  scale: "log" | "linear";
}

export interface Similar {
  code: string;
  /** The standardised distance (0 is identical on every measure). */
  distance: number;
}

export interface SimilarityBasis {
  /** Per measure: the indicator, the period compared, and the mean and standard deviation across the areas used. */
  measures: { indicatorId: string; scale: "log" | "linear"; period: string; mean: number; sd: number }[];
  /** The areas with every measure, by code, with the values compared. */
  values: Map<string, { figure: Figure; x: number }[]>;
}

/** The latest figure of an indicator's headline rule (its last series) at an area, with a number. */
export function ruleFigures(ind: Pick<ComparableIndicator, "headline_rules">, figures: Figure[]): Figure[] {
  const last = [...ind.headline_rules].sort((a, b) => a.series - b.series).at(-1);
  return last ? figures.filter((f) => matchesRule(last, f) && f.value !== null) : [];
}

/**
 * The basis of similarity at one level: for each measure, the period most areas have a figure for (the latest on a
 * tie), and each area's value in it (its natural logarithm for a log scale), standardised by the mean and standard
 * deviation across the areas that have every measure. Areas missing any measure are left out.
 */
export function similarityBasis(codes: string[], level: string, measures: SimilarityMeasure[], indicators: Map<string, ComparableIndicator>, shownAt: ShownAt): SimilarityBasis | undefined {
  if (measures.length === 0) return undefined;
  const perMeasure = measures.map((m) => {
    const ind = indicators.get(m.indicator_id);
    const byArea = new Map<string, Figure[]>();
    for (const c of codes) byArea.set(c, ind ? ruleFigures(ind, shownAt(ind.id, level, c)) : []);
    const counts = new Map<string, { n: number; f: Figure }>();
    for (const fs of byArea.values()) for (const f of fs) counts.set(f.period, { n: (counts.get(f.period)?.n ?? 0) + 1, f });
    const period = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || byTime(b[1].f, a[1].f))[0]?.[0];
    return { m, period, byArea };
  });
  const values = new Map<string, { figure: Figure; x: number }[]>();
  for (const c of codes) {
    const row = perMeasure.map(({ m, period, byArea }) => {
      const f = byArea.get(c)!.find((g) => g.period === period);
      if (!f || f.value === null || (m.scale === "log" && f.value <= 0)) return undefined;
      return { figure: f, x: m.scale === "log" ? Math.log(f.value) : f.value };
    });
    if (row.every((r) => r !== undefined)) values.set(c, row as { figure: Figure; x: number }[]);
  }
  if (values.size < 2) return undefined;
  const stats = perMeasure.map(({ m, period }, i) => {
    const xs = [...values.values()].map((r) => r[i]!.x);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    return { indicatorId: m.indicator_id, scale: m.scale, period: period!, mean, sd };
  });
  return { measures: stats, values };
}

/** Distance between two areas: √(Σ ((x_a − x_b) ÷ s)²) over the measures; a measure with no spread (s = 0) adds nothing. */
export function distance(basis: SimilarityBasis, a: string, b: string): number | undefined {
  const va = basis.values.get(a);
  const vb = basis.values.get(b);
  if (!va || !vb) return undefined;
  let sum = 0;
  basis.measures.forEach((m, i) => {
    if (m.sd > 0) sum += ((va[i]!.x - vb[i]!.x) / m.sd) ** 2;
  });
  return Math.sqrt(sum);
}

/** The `k` areas nearest to `code` (ties by code), or none when the area lacks a measure. */
export function similarAreas(basis: SimilarityBasis | undefined, code: string, k = 4): Similar[] {
  if (!basis || !basis.values.has(code)) return [];
  return [...basis.values.keys()]
    .filter((c) => c !== code)
    .map((c) => ({ code: c, distance: distance(basis, code, c)! }))
    .sort((x, y) => x.distance - y.distance || (x.code < y.code ? -1 : 1))
    .slice(0, k)
    .map((s) => ({ ...s, distance: Math.round(s.distance * 100) / 100 }));
}

/** The formula, in words, for the page. */
export function similarityFormula(basis: SimilarityBasis, titleOf: (id: string) => string): string {
  const terms = basis.measures.map((m) => `${m.scale === "log" ? "the natural logarithm of " : ""}${titleOf(m.indicatorId)} (${m.period})`);
  return `Distance = √(Σ ((x₁ − x₂) ÷ s)²), where x is each of ${terms.join(" and ")}, and s is its standard deviation across the ${basis.values.size} areas of this level with every figure. The nearest areas by this distance are listed; an area missing either figure is not compared.`;
}

export interface CompareRow {
  indicator: ComparableIndicator;
  /** The period all (or most) of the chosen areas have a figure for: the latest such period. */
  period: string;
  /** Per chosen area, in order: its figure for that period, or undefined when it has none. */
  cells: (Figure | undefined)[];
  benchmark?: Figure;
}

/**
 * For every indicator, the chosen areas' figures of its headline rule in one period: the latest period every area has a
 * figure for, else the latest period most of them have (the others shown as having none). Indicators no chosen area
 * has are left out; never a figure from another period.
 */
export function compareAreas(level: string, codes: string[], indicators: ComparableIndicator[], shownAt: ShownAt, nationCode: string | undefined): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const ind of indicators) {
    const per = codes.map((c) => ruleFigures(ind, shownAt(ind.id, level, c)));
    const counts = new Map<string, { n: number; f: Figure }>();
    for (const fs of per) for (const p of new Set(fs.map((f) => f.period))) counts.set(p, { n: (counts.get(p)?.n ?? 0) + 1, f: fs.find((f) => f.period === p)! });
    const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || byTime(b[1].f, a[1].f))[0];
    if (!best) continue;
    const period = best[0];
    const cells = per.map((fs) => fs.find((f) => f.period === period));
    const benchmark = nationCode ? ruleFigures(ind, shownAt(ind.id, "country", nationCode)).find((f) => f.period === period) : undefined;
    rows.push({ indicator: ind, period, cells, ...(benchmark ? { benchmark } : {}) });
  }
  return rows;
}

/** "0.42": a distance for the page. */
export const distanceText = (d: number) => formatNumber(d, 2);
