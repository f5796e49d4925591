import type { DerivationRow } from "../../src/schemas/reference.ts";
import type { Decision } from "./check.ts";
import type { HarmonisedFigure } from "./harmonise.ts";
import { figureKey } from "./ids.ts";
import type { Located } from "./tables.ts";

/** A figure computed by the site from published figures, with its formula and inputs. */
export interface DerivedFigure extends HarmonisedFigure {
  derivation: string;
  formula: string;
  /** Indexes, in the published figure list, of the inputs. */
  inputs: number[];
}

/** Derived values are kept to 2 decimal places (pages show the indicator's precision). */
export function roundDerived(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** The three formulas. Each returns undefined when it cannot be computed (no number or a zero denominator). */
export const FORMULAS = {
  /** 100 × a / (a + b), e.g. vacancy rate = vacancies / (staff in post + vacancies). */
  percent_of_sum: (a: number, b: number) => (a + b > 0 ? (100 * a) / (a + b) : undefined),
  /** 100 × part / total of the same measure. */
  percent_of_total: (a: number, b: number) => (b > 0 ? (100 * a) / b : undefined),
  /** 100,000 × a / b, e.g. deaths per 100,000 population. */
  rate_per_100000: (a: number, b: number) => (b > 0 ? (100000 * a) / b : undefined),
} as const;

/**
 * Stage 5, derive: computes each derivation in data/reference/derivations.csv from shown published
 * figures of the same period (or the mapped population period), area and breakdown. A derived figure is
 * made only where no published figure has its key; inputs without a number make no figure (never zero-filled).
 */
export function derive(
  figures: HarmonisedFigure[],
  decisions: Decision[],
  derivations: Located<DerivationRow>[],
  /** Keys (figureKey) where a recorded conflict shows the derived figure even though a published one exists. */
  deriveDespitePublished: ReadonlySet<string> = new Set(),
): DerivedFigure[] {
  const shown = new Map<string, number>();
  const byMeasure = new Map<string, number[]>();
  const published = new Set<string>();
  figures.forEach((f, i) => {
    published.add(figureKey(f));
    if (!decisions[i]!.preferred || f.number === null) return;
    shown.set(figureKey(f), i);
    const k = `${f.dataset_id}|${f.measure}`;
    const list = byMeasure.get(k);
    if (list) list.push(i);
    else byMeasure.set(k, [i]);
  });
  const out: DerivedFigure[] = [];
  for (const { row: d, file, line } of derivations) {
    const formula = FORMULAS[d.kind];
    const datasetB = d.dataset_b || d.dataset_id;
    for (const i of byMeasure.get(`${d.dataset_id}|${d.measure_a}`) ?? []) {
      const a = figures[i]!;
      if (d.breakdown_types.length > 0 && !d.breakdown_types.includes(a.breakdown_type)) continue;
      const bKey =
        d.kind === "percent_of_total"
          ? figureKey({ ...a, breakdown_type: "total", breakdown_value: "all", breakdown_canonical: "all" })
          : figureKey({
              ...a,
              dataset_id: datasetB,
              measure: d.measure_b,
              period: d.period_b ? d.period_b.replace("{period}", a.period) : a.period,
            });
      const j = shown.get(bKey);
      if (j === undefined) continue;
      const b = figures[j]!;
      const value = formula(a.number!, b.number!);
      if (value === undefined) continue;
      const target = { ...a, measure: d.output_measure };
      if (published.has(figureKey(target)) && !deriveDespitePublished.has(figureKey(target))) continue;
      const text = roundDerived(value);
      out.push({
        ...a,
        measure: d.output_measure,
        unit: d.output_unit,
        value: text,
        number: Number(text),
        status: "derived",
        source_location: `Derived by this site (${d.id}): ${d.formula}`,
        notes: `${d.formula}. Computed from ${a.measure} = ${a.value} (source ${a.source_id}) and ${b.measure} = ${b.value} (source ${b.source_id}); rounded to 2 decimal places.`,
        file,
        line,
        sourceFile: "reference/derivations.csv",
        derivation: d.id,
        formula: d.formula,
        inputs: [i, j],
      });
    }
  }
  return out;
}
