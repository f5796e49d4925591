import { displayPath } from "./paths.ts";
import type { ProblemList } from "./problems.ts";
import type { Reference } from "./reference.ts";
import type { HarmonisedFigure } from "./harmonise.ts";
import { displayKey, figureKey } from "./ids.ts";
import type { ValidSources } from "./validate.ts";

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

const REVISION = /\brevis(?:ed|ion)\b/i;
const BOUND = /\b(?:lower bound|upper bound|approximate|approximately)\b/i;

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

/**
 * The rule for figures that share a key (dataset, measure, period, area, breakdown). Pure; returns the
 * decisions in input order, or the reason the group is a conflict.
 *
 * 1. Same value (and status) from several sources is corroboration: all are kept; the first primary
 *    source (then file order) is shown, the others are listed as corroborating it.
 * 2. Different values are allowed only when
 *    a. it is a documented revision: a row's notes say "revised" and one source was published
 *       strictly later than the others; the latest is shown and marked [r];
 *    b. or the notes say which is preferred: a row's notes say "prefer <value>" naming another row's value;
 *    c. or all rows but one are published as bounds or approximations ("lower bound", "upper bound",
 *       "approximate"); the exact figure is shown.
 *    Otherwise the build stops: the reader must be told which figure is right.
 */
export function resolveGroup(rows: Candidate[]): { ok: true; decisions: Decision[] } | { ok: false; rule: string } {
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => Number(rows[a]!.sourceType !== "primary") - Number(rows[b]!.sourceType !== "primary") || a - b);
  const allSame = rows.every((r) => sameValue(r, rows[0]!));
  const decide = (winner: number, reasonFor: (i: number) => string, revised: boolean): Decision[] =>
    rows.map((r, i) => {
      const corroboratedBy = rows.flatMap((o, j) => (j !== i && sameValue(o, r) ? [j] : []));
      return i === winner
        ? { preferred: true, reason: "", corroboratedBy, revised }
        : { preferred: false, preferredIndex: winner, reason: reasonFor(i), corroboratedBy, revised: false };
    });
  if (allSame) {
    const winner = order[0]!;
    return { ok: true, decisions: decide(winner, () => `the same value is shown from source ${rows[winner]!.source_id}`, false) };
  }
  if (rows.some((r) => REVISION.test(r.notes))) {
    const latest = rows.findIndex((r, i) => rows.every((o, j) => j === i || later(r.sourceDate, o.sourceDate)));
    if (latest >= 0) {
      const w = rows[latest]!;
      return { ok: true, decisions: decide(latest, () => `revised to ${w.value_text} by source ${w.source_id} (${w.sourceDate})`, true) };
    }
  }
  for (const [i, r] of rows.entries()) {
    const named = /\bprefer(?:red)?:?\s+([-\d.,]+)/i.exec(r.notes)?.[1]?.replace(/,/g, "").replace(/\.$/, "");
    if (named === undefined) continue;
    const winner = rows.findIndex((o, j) => j !== i && o.value_text === named);
    if (winner >= 0) return { ok: true, decisions: decide(winner, () => `the notes prefer ${named} from source ${rows[winner]!.source_id}`, false) };
  }
  const exact = rows.flatMap((r, i) => (BOUND.test(r.notes) ? [] : [i]));
  if (exact.length === 1) {
    const winner = exact[0]!;
    return { ok: true, decisions: decide(winner, () => `published as a bound or approximation; the exact figure from source ${rows[winner]!.source_id} is shown`, false) };
  }
  return {
    ok: false,
    rule: "neither a revision nor the notes say which to prefer (see the README's rule for conflicting figures)",
  };
}

/** Stage 4a, check duplicates: applies resolveGroup to every figure key, and supersedes across vintages. */
export function checkDuplicates(figures: HarmonisedFigure[], valid: ValidSources, ref: Reference, problems: ProblemList): Decision[] {
  const decisions: Decision[] = figures.map(() => ({ preferred: true, reason: "", corroboratedBy: [], revised: false }));
  const groups = new Map<string, number[]>();
  figures.forEach((f, i) => {
    const k = figureKey(f);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const candidate = (i: number): Candidate => {
    const f = figures[i]!;
    const source = valid.sources.get(f.source_id)!;
    return {
      value_text: f.value,
      number: f.number,
      status: f.status,
      notes: f.notes,
      source_id: f.source_id,
      sourceDate: leadingDate(source.row.published_date),
      sourceType: ref.sourceTypes.get(f.source_id)?.row.source_type ?? "secondary",
      file: f.file,
      line: f.line,
    };
  };
  for (const idx of groups.values()) {
    if (idx.length < 2) continue;
    const rows = idx.map(candidate);
    for (let a = 0; a < idx.length; a++)
      for (let b = a + 1; b < idx.length; b++)
        if (rows[a]!.source_id === rows[b]!.source_id && sameValue(rows[a]!, rows[b]!)) {
          const f = figures[idx[b]!]!;
          problems.add({ file: f.file, line: f.line, rule: `repeats line ${rows[a]!.line} of ${rows[a]!.file} (same figure, same source)` });
        }
    const result = resolveGroup(rows);
    if (!result.ok) {
      const first = figures[idx[0]!]!;
      for (const i of idx.slice(1)) {
        const f = figures[i]!;
        problems.add({
          file: f.file,
          line: f.line,
          column: "value",
          value: f.value,
          rule: `conflicts with ${first.file}:${first.line} ("${first.value}") for the same figure; ${result.rule}`,
        });
      }
      continue;
    }
    result.decisions.forEach((d, k) => {
      decisions[idx[k]!] = {
        ...d,
        ...(d.preferredIndex === undefined ? {} : { preferredIndex: idx[d.preferredIndex] }),
        corroboratedBy: d.corroboratedBy.map((j) => idx[j]!),
      };
    });
  }
  return decisions;
}

/**
 * Stage 4 (after derive), later vintages win: where a dataset supersedes another (datasets.csv),
 * the older dataset's figures with the same measure, period, area and breakdown are not shown.
 */
export function applySupersedes(figures: HarmonisedFigure[], decisions: Decision[], ref: Reference): void {
  const superseding = new Map<string, string>();
  for (const d of ref.datasets.values()) if (d.row.supersedes) superseding.set(d.row.supersedes, d.row.dataset_id);
  if (superseding.size === 0) return;
  const newer = new Map<string, number>();
  figures.forEach((f, i) => {
    if (decisions[i]!.preferred) newer.set(`${f.dataset_id}\u001f${displayKey(f)}`, i);
  });
  figures.forEach((f, i) => {
    let by = superseding.get(f.dataset_id);
    while (by !== undefined) {
      const j = newer.get(`${by}\u001f${displayKey(f)}`);
      if (j !== undefined) {
        const w = figures[j]!;
        const changed = w.value !== f.value || w.status !== f.status;
        decisions[i] = {
          ...decisions[i]!,
          preferred: false,
          preferredIndex: j,
          reason: changed ? `revised to ${w.value || "[no value]"} in the later vintage ${w.dataset_id}` : `also in the later vintage ${w.dataset_id}, unchanged`,
        };
        if (changed) decisions[j] = { ...decisions[j]!, revised: true };
        break;
      }
      by = superseding.get(by);
    }
  });
}

/**
 * Within an indicator, two shown figures must not claim the same measure, period, area and breakdown
 * from different datasets unless datasets.csv says which supersedes the other.
 */
export function checkOverlaps(figures: HarmonisedFigure[], decisions: Decision[], ref: Reference, problems: ProblemList): void {
  const seen = new Map<string, number>();
  figures.forEach((f, i) => {
    if (!decisions[i]!.preferred) return;
    const k = `${ref.measureByKey.get(`${f.dataset_id}|${f.measure}`)?.row.indicator_id}\u001f${displayKey(f)}`;
    const j = seen.get(k);
    if (j === undefined) {
      seen.set(k, i);
      return;
    }
    const g = figures[j]!;
    if (g.dataset_id === f.dataset_id) return;
    problems.add({
      file: f.file,
      line: f.line,
      column: "dataset_id",
      value: f.dataset_id,
      rule: `gives the same figure as ${g.file}:${g.line} (dataset ${g.dataset_id}); say which dataset supersedes the other in ${displayPath(`${ref.dir}/datasets.csv`)}`,
    });
  });
}

/** Stage 4b, check the registry: every measure belongs to an indicator with the same unit. */
export function checkRegistry(figures: HarmonisedFigure[], ref: Reference, problems: ProblemList): void {
  for (const f of figures) {
    const m = ref.measureByKey.get(`${f.dataset_id}|${f.measure}`);
    if (!m) {
      problems.add({
        file: f.file,
        line: f.line,
        column: "measure",
        value: f.measure,
        rule: `of dataset ${f.dataset_id} is used by no indicator (add it to ${displayPath(`${ref.dir}/indicator_measures.csv`)})`,
      });
      continue;
    }
    const indicator = ref.indicatorById.get(m.row.indicator_id)?.row;
    if (indicator && indicator.unit !== f.unit)
      problems.add({ file: f.file, line: f.line, column: "unit", value: f.unit, rule: `differs from the unit of indicator ${indicator.id} (${indicator.unit})` });
  }
}

/** Stage 4c, check coverage after derivation: every indicator and every listed measure has figures. */
export function checkCoverage(present: Set<string>, ref: Reference, problems: ProblemList): void {
  const indicatorsWithFigures = new Set<string>();
  for (const m of ref.indicatorMeasures) {
    if (present.has(`${m.row.dataset_id}|${m.row.measure}`)) indicatorsWithFigures.add(m.row.indicator_id);
    else problems.add({ file: m.file, line: m.line, column: "measure", value: m.row.measure, rule: `has no figures in dataset ${m.row.dataset_id}` });
  }
  for (const i of ref.indicators) {
    if (!indicatorsWithFigures.has(i.row.id)) problems.add({ file: i.file, line: i.line, column: "id", value: i.row.id, rule: "is an indicator with no figures" });
  }
}

/**
 * Stage 4d, check the headline rules after derivation: every rule (and the upper end of a range) matches at least one
 * shown figure of its indicator, so no page leads with a figure that does not exist.
 */
export function checkHeadlineRules(figures: HarmonisedFigure[], decisions: Decision[], ref: Reference, problems: ProblemList): void {
  const shown = new Set<string>();
  figures.forEach((f, i) => {
    if (!decisions[i]!.preferred) return;
    const m = ref.measureByKey.get(`${f.dataset_id}|${f.measure}`)?.row;
    if (m?.role === "value") shown.add(`${m.indicator_id}\u001f${f.measure}\u001f${f.breakdown_type}\u001f${f.breakdown_value}`);
  });
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

/** The figureKey of a recorded conflict (figure_conflicts.csv). */
export function conflictKey(c: { dataset_id: string; measure: string; period: string; geography_level: string; area_code: string; breakdown_type: string; breakdown_value: string }): string {
  return figureKey({ ...c, breakdown_canonical: c.breakdown_value });
}

/**
 * Stage 5b, recorded conflicts: where figure_conflicts.csv names a key that a published and a derived figure share,
 * the one it says is shown, and the other is kept in the download with the recorded reason. A row that does not match
 * both a published and a derived figure is a problem, so the record cannot silently go stale.
 */
export function applyConflicts(figures: HarmonisedFigure[], decisions: Decision[], derivedFrom: number, ref: Reference, problems: ProblemList): void {
  for (const { row: c, file, line } of ref.conflicts) {
    const key = conflictKey(c);
    const published = figures.findIndex((f, i) => i < derivedFrom && figureKey(f) === key && decisions[i]!.preferred);
    const derived = figures.findIndex((f, i) => i >= derivedFrom && figureKey(f) === key);
    if (published < 0 || derived < 0) {
      problems.add({ file, line, column: "breakdown_value", value: c.breakdown_value, rule: `matches ${published < 0 ? "no shown published figure" : "no derived figure"} of ${c.dataset_id} ${c.measure} ${c.period} ${c.area_code} (${c.breakdown_type}); the conflict it records no longer exists` });
      continue;
    }
    const [shown, hidden] = c.show === "derived" ? [derived, published] : [published, derived];
    decisions[hidden] = { ...decisions[hidden]!, preferred: false, preferredIndex: shown, reason: c.reason };
    decisions[shown] = { ...decisions[shown]!, preferred: true, reason: "" };
  }
}
