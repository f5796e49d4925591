/**
 * Stage 4, check: every measure belongs to an indicator of the same unit, and the rule for figures that share a key
 * (same dataset, measure, period, area and breakdown), applied as a group-by on that key: only groups of two or more
 * rows are looked at, each once, so the check grows with the rows, however many share a key.
 *
 * The rules that decide which figure is shown across published and derived figures (recorded conflicts, later
 * vintages, overlaps, coverage, headline rules) are here too; the derive stage applies them once the derived figures
 * exist.
 */
import { parsePeriod, type PeriodKind } from "../../src/lib/periods.ts";
import { combineKeys, DictColumn, dictOf, KeyColumn, type Table } from "./frame.ts";
import type { Harmonised } from "./harmonise.ts";
import { displayPath } from "./paths.ts";
import type { ProblemList } from "./problems.ts";
import type { Reference } from "./reference.ts";
import type { SourceEntry } from "./validate.ts";

/** What the checks decided about a figure that shares its key with others. */
export interface Decision {
  preferred: boolean;
  /** Index (in the figure list) of the figure shown instead, when not preferred. */
  preferredIndex?: number;
  reason: string;
  /** Indexes of other figures that publish the same value for the same key. */
  corroboratedBy: number[];
  /** True when this figure replaced a different earlier value (GSS [r]). */
  revised: boolean;
}

/** The decisions about every row of a figure table, as columns (most rows are alone under their key: shown, no reason). */
export class Decisions {
  preferred: Uint8Array;
  /** Row shown instead, or -1. */
  preferredIndex: Int32Array;
  reason: string[];
  revised: Uint8Array;
  /** Rows that publish the same value for the same key, for the rows that have any. */
  corroboratedBy = new Map<number, number[]>();
  constructor(n: number) {
    this.preferred = new Uint8Array(n).fill(1);
    this.preferredIndex = new Int32Array(n).fill(-1);
    this.reason = new Array<string>(n).fill("");
    this.revised = new Uint8Array(n);
  }
  get length(): number {
    return this.preferred.length;
  }
  /** Room for `more` rows after these (the derived figures), each shown. */
  extend(more: number): Decisions {
    const d = new Decisions(this.length + more);
    d.preferred.set(this.preferred);
    d.preferredIndex.set(this.preferredIndex);
    this.reason.forEach((r, i) => (d.reason[i] = r));
    d.revised.set(this.revised);
    d.corroboratedBy = new Map(this.corroboratedBy);
    return d;
  }
  set(i: number, d: Decision): void {
    this.preferred[i] = d.preferred ? 1 : 0;
    this.preferredIndex[i] = d.preferredIndex ?? -1;
    this.reason[i] = d.reason;
    this.revised[i] = d.revised ? 1 : 0;
    if (d.corroboratedBy.length > 0) this.corroboratedBy.set(i, d.corroboratedBy);
    else this.corroboratedBy.delete(i);
  }
}

export interface Candidate {
  value_text: string;
  number: number | null;
  status: string;
  notes: string;
  source_id: string;
  sourceDate: string;
  sourceType: string;
  file: string;
  line: number;
}

/** Notes that document a revision: the words "revised" or "revision". */
const REVISION = /\brevis(?:ed|ion)\b/i;
/** Notes that deny one: "not revised", "never revised", "no revision", "not yet revised", "unrevised" … */
const NO_REVISION = /\b(?:(?:not|never|no|nor)\s+(?:(?:been|yet|ever|a|any)\s+)*revis(?:ed|ions?)|unrevised)\b/i;
/** "prefer 398", "preferred: 398" (the words, not "preferable"). */
const PREFER = /\bprefer(?:red)?:?\s+([-\d.,]+)/i;
/** "do not prefer", "not preferred" … */
const NO_PREFER = /\b(?:not|never|don't|do not)\s+prefer(?:red)?\b/i;
const BOUND = /\b(?:lower bound|upper bound|approximate|approximately)\b/i;

/** What a note says about revision: "revised", "denied" (a revision is denied: ambiguous as a rule), or "". */
export function revisionNote(notes: string): "revised" | "denied" | "" {
  if (NO_REVISION.test(notes)) return "denied";
  return REVISION.test(notes) ? "revised" : "";
}

/** The value a note says to prefer, or "denied" when it refuses to prefer, or undefined. */
export function preferNote(notes: string): string | undefined {
  if (NO_PREFER.test(notes)) return "denied";
  return PREFER.exec(notes)?.[1]?.replace(/,/g, "").replace(/\.$/, "");
}

/** The ISO-like date at the start of a source's published_date ("2024-07-18 (revised …)" → "2024-07-18"). */
export function leadingDate(published: string): string {
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(published)?.[0] ?? "";
}

/** True when date a is strictly later than date b and neither is a coarser prefix of the other. */
function later(a: string, b: string): boolean {
  if (a === "" || b === "" || a.startsWith(b) || b.startsWith(a)) return false;
  return a > b;
}

function sameValue(a: Candidate, b: Candidate): boolean {
  return a.number === b.number && a.status === b.status;
}

const valueKey = (c: Candidate) => `${c.status}\u001f${c.number}`;

/**
 * The rule for figures that share a key (dataset, measure, period, area, breakdown). Pure; returns the
 * decisions in input order, or the reason the group is a conflict.
 *
 * 1. Same value (and status) from several sources is corroboration: all are kept; the first primary
 *    source (then file order) is shown, the others are listed as corroborating it.
 * 2. Different values are allowed only when
 *    a. it is a documented revision: a row's notes say "revised" (the word) and one source was published strictly
 *       later than the others; the latest is shown and marked [r]. A note that denies a revision ("not revised")
 *       makes the group ambiguous: the revision rule does not apply;
 *    b. or the notes say which is preferred: a row's notes say "prefer <value>" naming another row's value
 *       ("do not prefer" names nothing);
 *    c. or all rows but one are published as bounds or approximations ("lower bound", "upper bound",
 *       "approximate"); the exact figure is shown.
 *    Otherwise the build stops: the reader must be told which figure is right.
 */
export function resolveGroup(rows: Candidate[]): { ok: true; decisions: Decision[] } | { ok: false; rule: string } {
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => Number(rows[a]!.sourceType !== "primary") - Number(rows[b]!.sourceType !== "primary") || a - b);
  // Rows of each value, so every row's corroborating rows are found without comparing every pair.
  const byValue = new Map<string, number[]>();
  rows.forEach((r, i) => (byValue.get(valueKey(r)) ?? byValue.set(valueKey(r), []).get(valueKey(r))!).push(i));
  const decide = (winner: number, reasonFor: (i: number) => string, revised: boolean): Decision[] =>
    rows.map((r, i) => {
      const corroboratedBy = byValue.get(valueKey(r))!.filter((j) => j !== i);
      return i === winner
        ? { preferred: true, reason: "", corroboratedBy, revised }
        : { preferred: false, preferredIndex: winner, reason: reasonFor(i), corroboratedBy, revised: false };
    });
  if (byValue.size === 1) {
    const winner = order[0]!;
    return { ok: true, decisions: decide(winner, () => `the same value is shown from source ${rows[winner]!.source_id}`, false) };
  }
  const notes = rows.map((r) => revisionNote(r.notes));
  const denied = notes.includes("denied");
  if (!denied && notes.includes("revised")) {
    let latest = 0;
    rows.forEach((r, i) => {
      if (r.sourceDate > rows[latest]!.sourceDate) latest = i;
    });
    if (rows.every((o, j) => j === latest || later(rows[latest]!.sourceDate, o.sourceDate))) {
      const w = rows[latest]!;
      return { ok: true, decisions: decide(latest, () => `revised to ${w.value_text} by source ${w.source_id} (${w.sourceDate})`, true) };
    }
  }
  for (const [i, r] of rows.entries()) {
    const named = preferNote(r.notes);
    if (named === undefined || named === "denied") continue;
    const winner = rows.findIndex((o, j) => j !== i && o.value_text === named);
    if (winner >= 0) return { ok: true, decisions: decide(winner, () => `the notes prefer ${named} from source ${rows[winner]!.source_id}`, false) };
  }
  const exact = rows.flatMap((r, i) => (BOUND.test(r.notes) ? [] : [i]));
  if (exact.length === 1) {
    const winner = exact[0]!;
    return { ok: true, decisions: decide(winner, () => `published as a bound or approximation; the exact figure from source ${rows[winner]!.source_id} is shown`, false) };
  }
  const denial = denied ? rows.find((r) => revisionNote(r.notes) === "denied")! : undefined;
  return {
    ok: false,
    rule: denial
      ? `neither a revision (the notes of ${denial.file}:${denial.line} say "${NO_REVISION.exec(denial.notes)![0]}", which is no revision) nor the notes say which to prefer (see the README's rule for conflicting figures)`
      : "neither a revision nor the notes say which to prefer (see the README's rule for conflicting figures)",
  };
}

/** The columns a figure's key is made of: the same figure in the same dataset, its breakdown by its canonical label. */
export const FIGURE_KEY = ["dataset_id", "measure", "period", "geography_level", "area_code", "breakdown_type", "breakdown_canonical"] as const;
/** The same figure across datasets (vintages and editions of one measure). */
export const DISPLAY_KEY = ["measure", "period", "geography_level", "area_code", "breakdown_type", "breakdown_canonical"] as const;

export const keyOf = (t: Table, names: readonly string[]): KeyColumn => combineKeys(names.map((n) => dictOf(t, n)));

/** A shown value, for messages: the value as published, or its status when it has none. */
const shownValue = (value: string, status: string) => (value === "" ? `[${status}]` : `"${value}"`);

export interface Checked {
  /** The harmonised figures with `measure_row`: the row of indicator_measures.csv each belongs to (index in ref.indicatorMeasures). */
  figures: Table;
  decisions: Decisions;
  sources: Map<string, SourceEntry>;
}

/** The kind of each distinct period (for indicator measures that take one kind of period). */
export function periodKinds(period: DictColumn): (PeriodKind | undefined)[] {
  return period.values.map((p) => parsePeriod(p)?.kind);
}

/**
 * The indicator measure row of each figure (index in ref.indicatorMeasures, or -1): by dataset and measure, and by the
 * kind of its period when a dataset measure's rows differ by it (see reference.measureOf).
 */
export function measureRows(t: Table, ref: Reference): Int32Array {
  const n = t.numRows();
  const index = new Map(ref.indicatorMeasures.map((m, i) => [m, i]));
  const pair = keyOf(t, ["dataset_id", "measure"]);
  const dataset = dictOf(t, "dataset_id");
  const measure = dictOf(t, "measure");
  const period = dictOf(t, "period");
  const kinds = periodKinds(period);
  const rowsOf: (typeof ref.indicatorMeasures | undefined)[] = new Array(pair.size);
  const seen = new Uint8Array(pair.size);
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const p = pair.keys[r]!;
    if (!seen[p]) {
      seen[p] = 1;
      rowsOf[p] = ref.measureByKey.get(`${dataset.at(r)}|${measure.at(r)}`);
    }
    const rows = rowsOf[p];
    if (!rows) out[r] = -1;
    else if (rows.length === 1 && rows[0]!.row.periods === "") out[r] = index.get(rows[0]!)!;
    else {
      const kind = kinds[period.keys[r]!];
      const m = rows.find((x) => x.row.periods === kind);
      out[r] = m ? index.get(m)! : -1;
    }
  }
  return out;
}

/** Stage 4b, check the registry: every measure belongs to an indicator with the same unit (one problem per row that breaks it). */
export function checkRegistry(t: Table, measureRow: Int32Array, ref: Reference, problems: ProblemList): void {
  const file = dictOf(t, "file");
  const line = t.array("line") as Int32Array;
  const unit = dictOf(t, "unit");
  const unitOk = new Map<string, boolean>();
  for (let r = 0; r < t.numRows(); r++) {
    const at = { file: file.at(r), line: line[r]! };
    const m = measureRow[r]!;
    if (m < 0) {
      const dataset = dictOf(t, "dataset_id").at(r);
      const measure = dictOf(t, "measure").at(r);
      const listed = ref.measureByKey.has(`${dataset}|${measure}`);
      problems.add({
        ...at,
        column: listed ? "period" : "measure",
        value: listed ? dictOf(t, "period").at(r) : measure,
        rule: listed
          ? `is a kind of period that no row of ${displayPath(`${ref.dir}/indicator_measures.csv`)} takes for ${dataset} ${measure} (see its periods column)`
          : `of dataset ${dataset} is used by no indicator (add it to ${displayPath(`${ref.dir}/indicator_measures.csv`)})`,
      });
      continue;
    }
    const k = `${m}|${unit.keys[r]}`;
    let ok = unitOk.get(k);
    const indicator = ref.indicatorById.get(ref.indicatorMeasures[m]!.row.indicator_id)?.row;
    if (ok === undefined) unitOk.set(k, (ok = !indicator || indicator.unit === unit.at(r)));
    if (!ok) problems.add({ ...at, column: "unit", value: unit.at(r), rule: `differs from the unit of indicator ${indicator!.id} (${indicator!.unit})` });
  }
}

/**
 * The candidate of a row for resolveGroup, from the table's columns read once (`table.array` copies a whole column, so
 * calling it per row made the duplicate check quadratic).
 */
function candidates(t: Table): (r: number) => Candidate {
  const number = t.column("number") as unknown as ArrayLike<number>;
  const line = t.column("line") as unknown as ArrayLike<number>;
  const [value, status, notes, sourceId, sourceDate, sourceType, file] = ["value", "status", "notes", "source_id", "source_date", "source_type", "file"].map((c) => dictOf(t, c)) as DictColumn[];
  return (r) => {
    const n = number[r]!;
    return {
      value_text: value!.at(r),
      number: Number.isNaN(n) ? null : n,
      status: status!.at(r),
      notes: notes!.at(r),
      source_id: sourceId!.at(r),
      sourceDate: sourceDate!.at(r),
      sourceType: sourceType!.at(r),
      file: file!.at(r),
      line: line[r]!,
    };
  };
}

/**
 * Stage 4a, check duplicates: groups the figures by their key (an arquero group-by on one key column) and applies
 * resolveGroup to every group of two or more rows. A row that repeats another row of its group with the same source
 * and value is reported once, against the first; a group with repeats is not resolved further (the build stops).
 */
export function checkDuplicates(t: Table, ref: Reference, problems: ProblemList): Decisions {
  void ref;
  const decisions = new Decisions(t.numRows());
  const key = keyOf(t, FIGURE_KEY);
  const shared = t
    .assign({ figure_key: key } as unknown as Record<string, number[]>)
    .groupby("figure_key")
    .filter("count() > 1");
  if (shared.numRows() === 0) return decisions;
  const candidateOf = candidates(t);
  for (const rows of shared.partitions()) {
    const idx = Array.from(rows as ArrayLike<number>).sort((a, b) => a - b);
    const cands = idx.map(candidateOf);
    const firstOf = new Map<string, number>();
    let repeats = false;
    cands.forEach((c, k) => {
      const same = `${c.source_id}\u001f${valueKey(c)}`;
      const first = firstOf.get(same);
      if (first === undefined) firstOf.set(same, k);
      else {
        repeats = true;
        problems.add({ file: c.file, line: c.line, rule: `repeats line ${cands[first]!.line} of ${cands[first]!.file} (same figure, same source)` });
      }
    });
    if (repeats) continue;
    const result = resolveGroup(cands);
    if (!result.ok) {
      const first = cands[0]!;
      for (const c of cands.slice(1)) {
        if (sameValue(c, first)) continue;
        problems.add({
          file: c.file,
          line: c.line,
          column: "value",
          value: c.value_text,
          rule: `conflicts with ${shownValue(first.value_text, first.status)} on ${first.file}:${first.line} (source ${first.source_id}) for the same dataset, measure, period, area and breakdown; ${result.rule}`,
        });
      }
      continue;
    }
    result.decisions.forEach((d, k) =>
      decisions.set(idx[k]!, { ...d, ...(d.preferredIndex === undefined ? {} : { preferredIndex: idx[d.preferredIndex] }), corroboratedBy: d.corroboratedBy.map((j) => idx[j]!) }),
    );
  }
  return decisions;
}

/** Stage 4, check: the registry and the rule for figures that share a key. */
export function check(harmonised: Harmonised, ref: Reference, problems: ProblemList): Checked {
  const measureRow = measureRows(harmonised.figures, ref);
  checkRegistry(harmonised.figures, measureRow, ref, problems);
  const decisions = checkDuplicates(harmonised.figures, ref, problems);
  return { figures: harmonised.figures.assign({ measure_row: measureRow } as unknown as Record<string, number[]>), decisions, sources: harmonised.sources };
}

/**
 * Later vintages win: where a dataset supersedes another (datasets.csv), the older dataset's figures with the same
 * measure, period, area and breakdown are not shown. Several datasets may supersede one (two later releases each
 * revising a different quarter of it); the nearest later vintage with the figure wins, then the one after it.
 */
export function applySupersedes(t: Table, decisions: Decisions, ref: Reference): void {
  const superseding = new Map<string, string[]>();
  for (const d of ref.datasets.values()) if (d.row.supersedes) superseding.set(d.row.supersedes, [...(superseding.get(d.row.supersedes) ?? []), d.row.dataset_id]);
  if (superseding.size === 0) return;
  const dataset = dictOf(t, "dataset_id");
  const display = keyOf(t, DISPLAY_KEY);
  const value = dictOf(t, "value");
  const status = dictOf(t, "status");
  const n = t.numRows();
  // The shown figure of each dataset under each display key.
  const shownBy = new Map<number, Map<string, number>>();
  for (let i = 0; i < n; i++) {
    if (!decisions.preferred[i]) continue;
    const k = display.keys[i]!;
    (shownBy.get(k) ?? shownBy.set(k, new Map()).get(k)!).set(dataset.at(i), i);
  }
  for (let i = 0; i < n; i++) {
    const first = superseding.get(dataset.at(i));
    if (!first) continue;
    const here = shownBy.get(display.keys[i]!);
    if (!here) continue;
    const queue = [...first];
    const seen = new Set<string>(queue);
    while (queue.length > 0) {
      const by = queue.shift()!;
      const j = here.get(by);
      if (j !== undefined) {
        const changed = value.at(j) !== value.at(i) || status.at(j) !== status.at(i);
        decisions.preferred[i] = 0;
        decisions.preferredIndex[i] = j;
        decisions.reason[i] = changed ? `revised to ${value.at(j) || "[no value]"} in the later vintage ${dataset.at(j)}` : `also in the later vintage ${dataset.at(j)}, unchanged`;
        if (changed) decisions.revised[j] = 1;
        break;
      }
      for (const next of superseding.get(by) ?? []) if (!seen.has(next)) (seen.add(next), queue.push(next));
    }
  }
}

/** Within an indicator, two shown figures must not claim the same key from different datasets unless datasets.csv says which supersedes the other. */
export function checkOverlaps(t: Table, decisions: Decisions, ref: Reference, problems: ProblemList): void {
  const key = combineKeys([indicatorColumn(t, ref), keyOf(t, DISPLAY_KEY)]);
  const first = new Int32Array(key.size).fill(-1);
  const dataset = dictOf(t, "dataset_id");
  const file = dictOf(t, "file");
  const line = t.array("line") as Int32Array;
  for (let i = 0; i < t.numRows(); i++) {
    if (!decisions.preferred[i]) continue;
    const k = key.keys[i]!;
    const j = first[k]!;
    if (j < 0) {
      first[k] = i;
      continue;
    }
    if (dataset.keys[j] === dataset.keys[i]) continue;
    problems.add({
      file: file.at(i),
      line: line[i]!,
      column: "dataset_id",
      value: dataset.at(i),
      rule: `gives the same figure as ${file.at(j)}:${line[j]} (dataset ${dataset.at(j)}); say which dataset supersedes the other in ${displayPath(`${ref.dir}/datasets.csv`)}`,
    });
  }
}

/** The indicator of each figure, by its measure row, as a dictionary column of indicator ids. */
export function indicatorColumn(t: Table, ref: Reference): DictColumn {
  const ids = [...ref.indicators.map((i) => i.row.id), ""];
  const ofMeasure = ref.indicatorMeasures.map((m) => ids.indexOf(m.row.indicator_id));
  const measureRow = t.array("measure_row") as Int32Array;
  // A figure with no measure row (already a problem) counts under no indicator.
  return new DictColumn(Int32Array.from(measureRow, (m) => (m < 0 ? ids.length - 1 : ofMeasure[m]!)), ids);
}

/** The key checkCoverage counts figures under: a row of indicator_measures.csv. */
export function measureRowKey(m: { dataset_id: string; measure: string; periods: string }): string {
  return `${m.dataset_id}|${m.measure}|${m.periods}`;
}

/** Check coverage after derivation: every indicator and every listed measure has figures (present: measureRowKey of each figure's row). */
export function checkCoverage(present: Set<string>, ref: Reference, problems: ProblemList): void {
  const indicatorsWithFigures = new Set<string>();
  for (const m of ref.indicatorMeasures) {
    if (present.has(measureRowKey(m.row))) indicatorsWithFigures.add(m.row.indicator_id);
    else problems.add({ file: m.file, line: m.line, column: "measure", value: m.row.measure, rule: `has no figures in dataset ${m.row.dataset_id}` });
  }
  for (const i of ref.indicators) {
    if (!indicatorsWithFigures.has(i.row.id)) problems.add({ file: i.file, line: i.line, column: "id", value: i.row.id, rule: "is an indicator with no figures" });
  }
}

/**
 * Check the headline rules after derivation: every rule (and the upper end of a range) matches at least one shown
 * figure of its indicator, so no page leads with a figure that does not exist.
 */
export function checkHeadlineRules(t: Table, decisions: Decisions, ref: Reference, problems: ProblemList): void {
  const measureRow = t.array("measure_row") as Int32Array;
  const combo = combineKeys([indicatorColumn(t, ref), dictOf(t, "measure"), dictOf(t, "breakdown_type"), dictOf(t, "breakdown_value")]);
  const done = new Uint8Array(combo.size);
  const shown = new Set<string>();
  const [measure, bt, bv] = [dictOf(t, "measure"), dictOf(t, "breakdown_type"), dictOf(t, "breakdown_value")];
  for (let i = 0; i < t.numRows(); i++) {
    const k = combo.keys[i]!;
    if (done[k] || !decisions.preferred[i] || measureRow[i]! < 0) continue;
    const m = ref.indicatorMeasures[measureRow[i]!]!.row;
    if (m.role !== "value") continue;
    done[k] = 1;
    shown.add(`${m.indicator_id}\u001f${measure.at(i)}\u001f${bt.at(i)}\u001f${bv.at(i)}`);
  }
  for (const rows of ref.headlineRules.values()) {
    for (const { row: r, file, line } of rows) {
      const ends = r.kind === "range" ? [["measure", r.measure, r.breakdown_type, r.breakdown_value], ["upper_measure", r.upper_measure, r.upper_breakdown_type, r.upper_breakdown_value]] : [["measure", r.measure, r.breakdown_type, r.breakdown_value]];
      for (const [column, measure, bt, bv] of ends as [string, string, string, string][]) {
        if (!shown.has(`${r.indicator_id}\u001f${measure}\u001f${bt}\u001f${bv}`))
          problems.add({ file, line, column, value: measure, rule: `matches no shown figure of indicator ${r.indicator_id} with breakdown ${bt} = ${bv}` });
      }
    }
  }
}

/** The rows whose figure key has the given values (the breakdown compared by its canonical label). */
export function rowsWithKey(t: Table, values: Record<(typeof FIGURE_KEY)[number], string>): number[] {
  const cols = FIGURE_KEY.map((c) => dictOf(t, c));
  const codes = FIGURE_KEY.map((c, k) => cols[k]!.values.indexOf(values[c]));
  if (codes.some((c) => c < 0)) return [];
  const out: number[] = [];
  for (let i = 0; i < t.numRows(); i++) if (cols.every((c, k) => c.values[c.keys[i]!] === values[FIGURE_KEY[k]!])) out.push(i);
  return out;
}

/**
 * Recorded conflicts: where figure_conflicts.csv names a key that a published and a derived figure share, the one it
 * says is shown, and the other is kept in the download with the recorded reason. A row that does not match both a
 * published and a derived figure is a problem, so the record cannot silently go stale.
 */
export function applyConflicts(t: Table, decisions: Decisions, derivedFrom: number, ref: Reference, problems: ProblemList): void {
  for (const { row: c, file, line } of ref.conflicts) {
    const rows = rowsWithKey(t, { ...c, breakdown_canonical: c.breakdown_value });
    const published = rows.find((i) => i < derivedFrom && decisions.preferred[i] === 1) ?? -1;
    const derived = rows.find((i) => i >= derivedFrom) ?? -1;
    if (published < 0 || derived < 0) {
      problems.add({ file, line, column: "breakdown_value", value: c.breakdown_value, rule: `matches ${published < 0 ? "no shown published figure" : "no derived figure"} of ${c.dataset_id} ${c.measure} ${c.period} ${c.area_code} (${c.breakdown_type}); the conflict it records no longer exists` });
      continue;
    }
    const [shown, hidden] = c.show === "derived" ? [derived, published] : [published, derived];
    decisions.set(hidden, { preferred: false, preferredIndex: shown, reason: c.reason, corroboratedBy: decisions.corroboratedBy.get(hidden) ?? [], revised: decisions.revised[hidden] === 1 });
    decisions.set(shown, { preferred: true, reason: "", corroboratedBy: decisions.corroboratedBy.get(shown) ?? [], revised: decisions.revised[shown] === 1 });
  }
}
