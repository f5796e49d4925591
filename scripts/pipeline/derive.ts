/**
 * Stage 5, derive: the derivations of data/reference/derivations.csv as joins and derives. For each derivation, the
 * shown published figures of its numerator measure are joined with the shown figures of its denominator on the key
 * they must share (period, or the mapped population period; area; breakdown), the formula is derived on each pair,
 * and pairs whose result would have the key of a published figure are left out (an anti-join), unless a recorded
 * conflict shows the derived figure. Inputs without a number make no figure (never zero-filled).
 *
 * Then the rules that span published and derived figures: recorded conflicts, later vintages, overlaps, coverage and
 * headline rules (check.ts).
 */
import * as aq from "arquero";
import type { DerivationRow } from "../../src/schemas/reference.ts";
import {
  applyConflicts,
  applySupersedes,
  checkCoverage,
  checkHeadlineRules,
  checkOverlaps,
  checkRegistry,
  keyOf,
  measureRowKey,
  measureRows,
  type Checked,
  type Decisions,
} from "./check.ts";
import { concatDict, DictColumn, dictColumnOf, Dictionary, dictOf, rowsByKey, type Table } from "./frame.ts";
import type { ProblemList } from "./problems.ts";
import type { Reference } from "./reference.ts";
import type { Located } from "./tables.ts";
import type { SourceEntry } from "./validate.ts";

/** Derived values are kept to 2 decimal places (pages show the indicator's precision). */
export function roundDerived(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** The formulas. Each returns undefined when it cannot be computed (no number or a zero denominator). */
export const FORMULAS = {
  /** 100 × a / (a + b), e.g. vacancy rate = vacancies / (staff in post + vacancies). */
  percent_of_sum: (a: number, b: number) => (a + b > 0 ? (100 * a) / (a + b) : undefined),
  /** 100 × part / total of the same measure. */
  percent_of_total: (a: number, b: number) => (b > 0 ? (100 * a) / b : undefined),
  /** 100,000 × a / b, e.g. deaths per 100,000 population. */
  rate_per_100000: (a: number, b: number) => (b > 0 ? (100000 * a) / b : undefined),
  /** a / b, e.g. people in treatment per whole-time-equivalent worker (same area and period only). */
  ratio: (a: number, b: number) => (b > 0 ? a / b : undefined),
} as const;

/** The denominator's breakdown of a ratio ("type=value"), or undefined for the numerator's own breakdown. */
export function breakdownB(spec: string): { type: string; value: string } | undefined {
  if (spec === "") return undefined;
  const i = spec.indexOf("=");
  return { type: spec.slice(0, i), value: spec.slice(i + 1) };
}

export interface Derived {
  /**
   * Every figure, published then derived, with `derivation`, `formula`, `input_a` and `input_b` (rows of the inputs;
   * empty and -1 for published figures).
   */
  figures: Table;
  decisions: Decisions;
  /** Index of the first derived row. */
  derivedFrom: number;
  sources: Map<string, SourceEntry>;
}

/** The columns a derived figure takes from its numerator unchanged. */
const FROM_NUMERATOR = ["dataset_id", "period", "geography_level", "area_code", "area_name", "breakdown_type", "breakdown_value", "source_id", "folder", "area_label", "breakdown_canonical", "breakdown_group", "source_type", "source_date"] as const;

/** The derived figures of the published ones (rows appended after them), and the derivations whose inputs do not exist. */
export function deriveFigures(t: Table, decisions: Decisions, derivations: Located<DerivationRow>[], ref: Reference, problems: ProblemList): Table {
  const n = t.numRows();
  const col = (name: string) => dictOf(t, name);
  const number = t.array("number") as Float64Array;
  const key = (r: number, over: Partial<Record<"dataset_id" | "measure" | "period" | "breakdown_type" | "breakdown_canonical", string>> = {}) =>
    [over.dataset_id ?? col("dataset_id").at(r), over.measure ?? col("measure").at(r), over.period ?? col("period").at(r), col("geography_level").at(r), col("area_code").at(r), over.breakdown_type ?? col("breakdown_type").at(r), over.breakdown_canonical ?? col("breakdown_canonical").at(r)].join("\u001f");
  // Rows of each dataset measure, in row order.
  const dm = keyOf(t, ["dataset_id", "measure"]);
  const groups = rowsByKey(dm);
  const groupOf = new Map<string, Int32Array>();
  groups.forEach((rows) => rows.length > 0 && groupOf.set(`${col("dataset_id").at(rows[0]!)}|${col("measure").at(rows[0]!)}`, rows));
  const rowsOf = (dataset: string, measure: string) => groupOf.get(`${dataset}|${measure}`) ?? new Int32Array(0);
  const shown = (r: number) => decisions.preferred[r] === 1 && !Number.isNaN(number[r]!);
  // The canonical label a denominator's breakdown is matched on (the taxonomy's, as on the figures themselves).
  const canonicalOf = new Map<string, string>();
  {
    const pair = keyOf(t, ["breakdown_type", "breakdown_value"]);
    const done = new Uint8Array(pair.size);
    for (let r = 0; r < n; r++) {
      if (done[pair.keys[r]!]) continue;
      done[pair.keys[r]!] = 1;
      canonicalOf.set(`${col("breakdown_type").at(r)}\u001f${col("breakdown_value").at(r)}`, col("breakdown_canonical").at(r));
    }
  }
  const conflictShowsDerived = new Set(ref.conflicts.filter((c) => c.row.show === "derived").map(({ row: c }) => [c.dataset_id, c.measure, c.period, c.geography_level, c.area_code, c.breakdown_type, c.breakdown_value].join("\u001f")));

  const out: { a: number; b: number; d: Located<DerivationRow>; value: string }[] = [];
  for (const located of derivations) {
    const { row: d, file, line } = located;
    const formula = FORMULAS[d.kind];
    const datasetB = d.dataset_b || d.dataset_id;
    const other = breakdownB(d.breakdown_b);
    const numerators = rowsOf(d.dataset_id, d.measure_a);
    const denominators = d.kind === "percent_of_total" ? numerators.filter((r) => col("breakdown_type").at(r) === "total" && col("breakdown_canonical").at(r) === "all") : rowsOf(datasetB, d.measure_b);
    // A derivation whose inputs are not among the figures makes nothing, silently: it is a problem instead.
    if (numerators.length === 0) {
      problems.add({ file, line, column: "measure_a", value: d.measure_a, rule: `has no figures in dataset ${d.dataset_id}: this derivation has no numerator` });
      continue;
    }
    if (denominators.length === 0) {
      if (d.kind === "percent_of_total") problems.add({ file, line, column: "measure_a", value: d.measure_a, rule: `has no total (breakdown total = all) in dataset ${d.dataset_id} to divide by` });
      else problems.add({ file, line, column: "measure_b", value: d.measure_b, rule: `has no figures in dataset ${datasetB}: this derivation has no denominator` });
      continue;
    }
    // The join: each shown numerator with the shown denominator of the key it must share.
    const A = numerators.filter((r) => shown(r) && (d.breakdown_types.length === 0 || d.breakdown_types.includes(col("breakdown_type").at(r))));
    const aKeys = Array.from(A, (r) =>
      d.kind === "percent_of_total"
        ? key(r, { breakdown_type: "total", breakdown_canonical: "all" })
        : key(r, {
            dataset_id: datasetB,
            measure: d.measure_b,
            period: d.period_b ? d.period_b.replace("{period}", col("period").at(r)) : col("period").at(r),
            ...(other ? { breakdown_type: other.type, breakdown_canonical: canonicalOf.get(`${other.type}\u001f${other.value}`) ?? other.value } : {}),
          }),
    );
    const B = new Map<string, number>();
    for (const r of denominators) if (shown(r)) B.set(key(r), r);
    const pairs = aq
      .table({ a: A, jk: aKeys })
      .join(aq.table({ jk: [...B.keys()], b: [...B.values()] }), "jk")
      .orderby("a")
      .objects() as { a: number; b: number }[];
    // The anti-join: no derived figure where a published figure has its key.
    const published = new Set(Array.from(rowsOf(d.dataset_id, d.output_measure), (r) => key(r)));
    for (const { a, b } of pairs) {
      const value = formula(number[a]!, number[b]!);
      if (value === undefined) continue;
      const target = key(a, { measure: d.output_measure });
      if (published.has(target) && !conflictShowsDerived.has(target)) continue;
      out.push({ a, b, d: located, value: roundDerived(value) });
    }
  }

  // The derived rows, as columns.
  const data: Record<string, unknown> = {};
  for (const c of FROM_NUMERATOR) data[c] = col(c).take(out.map((o) => o.a));
  data.measure = dictColumnOf(out.map((o) => o.d.row.output_measure));
  data.unit = dictColumnOf(out.map((o) => o.d.row.output_unit));
  data.value = dictColumnOf(out.map((o) => o.value));
  data.number = Float64Array.from(out, (o) => Number(o.value));
  data.status = dictColumnOf(out.map(() => "derived"));
  data.source_location = dictColumnOf(out.map((o) => `Derived by this site (${o.d.row.id}): ${o.d.row.formula}`));
  data.notes = dictColumnOf(
    out.map(({ a, b, d }) => `${d.row.formula}. Computed from ${col("measure").at(a)} = ${col("value").at(a)} (source ${col("source_id").at(a)}) and ${col("measure").at(b)} = ${col("value").at(b)} (source ${col("source_id").at(b)}); rounded to 2 decimal places.`),
  );
  data.file = dictColumnOf(out.map((o) => o.d.file));
  data.line = Int32Array.from(out, (o) => o.d.line);
  data.source_file = dictColumnOf(out.map(() => "reference/derivations.csv"));
  data.derivation = dictColumnOf(out.map((o) => o.d.row.id));
  data.formula = dictColumnOf(out.map((o) => o.d.row.formula));
  data.input_a = Int32Array.from(out, (o) => o.a);
  data.input_b = Int32Array.from(out, (o) => o.b);
  return aq.table(data as Record<string, DictColumn>);
}

/** Appends table b's rows to a's (the columns of a; dictionary columns merged). */
function append(a: Table, b: Table): Table {
  const data: Record<string, unknown> = {};
  for (const name of a.columnNames()) {
    const x = a.column(name) as unknown;
    const y = b.column(name) as unknown;
    if (x instanceof DictColumn) data[name] = concatDict(x, y as DictColumn, new Dictionary());
    else {
      const X = x as Float64Array | Int32Array;
      const out = new (X.constructor as Float64ArrayConstructor)(X.length + (y as Int32Array).length);
      out.set(X);
      out.set(y as Int32Array, X.length);
      data[name] = out;
    }
  }
  return aq.table(data as Record<string, DictColumn>);
}

/** Stage 5, derive: the derived figures, then the rules that decide which figure is shown across published and derived. */
export function derive(checked: Checked, ref: Reference, problems: ProblemList): Derived {
  const t = checked.figures;
  const n = t.numRows();
  const derived = deriveFigures(t, checked.decisions, ref.derivations, ref, problems);
  const measureRow = measureRows(derived, ref);
  checkRegistry(derived, measureRow, ref, problems);
  const published = t.assign({
    derivation: new DictColumn(new Int32Array(n), [""]),
    formula: new DictColumn(new Int32Array(n), [""]),
    input_a: new Int32Array(n).fill(-1),
    input_b: new Int32Array(n).fill(-1),
  } as unknown as Record<string, number[]>);
  const all = append(published, derived.assign({ measure_row: measureRow } as unknown as Record<string, number[]>));
  const decisions = checked.decisions.extend(derived.numRows());
  applyConflicts(all, decisions, n, ref, problems);
  applySupersedes(all, decisions, ref);
  checkOverlaps(all, decisions, ref, problems);
  const rows = all.array("measure_row") as Int32Array;
  const present = new Set<string>();
  const seen = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r < 0 || seen.has(r)) continue;
    seen.add(r);
    present.add(measureRowKey(ref.indicatorMeasures[r]!.row));
  }
  checkCoverage(present, ref, problems);
  checkHeadlineRules(all, decisions, ref, problems);
  return { figures: all, decisions, derivedFrom: n, sources: checked.sources };
}
