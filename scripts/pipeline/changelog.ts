/**
 * Release changelog: which figures a release added, revised (old and new value, both sources) or removed (with the
 * reason), computed by comparing this build's figures with the snapshot of the previous release kept in
 * data/releases/<id>.csv.
 *
 * A revision can arrive in two ways. The same figure id with a new value (a source row corrected in place), or, far
 * more often, a new figure: a later vintage or a later source publishes the same measure, period, area and breakdown
 * with a different value, gets its own id (ids hash the source), and the pipeline sets the earlier figure aside in its
 * favour (preferred_figure_id). The second is listed as revised against the figure it replaces, not as an addition.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import type { Figure } from "../../src/schemas/figure.ts";
import { key, shortKey } from "../../src/schemas/text.ts";
import { STATUSES } from "../../src/schemas/vocabulary.ts";
import { compareText } from "../../src/lib/text.ts";
import { NUMBER_PATTERN } from "../../src/schemas/sourceFigure.ts";
import { DictColumn } from "./frame.ts";
import type { FigureTable } from "./figureTable.ts";
import { displayPath } from "./paths.ts";
import type { ProblemList } from "./problems.ts";
import { readCsvFile, validateRows } from "./tables.ts";

/**
 * The columns kept for each figure of a published release: enough to say what changed, from which source, and which
 * figure a set-aside one gave way to. Snapshots of earlier releases may lack the last two columns (read as empty).
 */
export const SNAPSHOT_COLUMNS = ["figure_id", "indicator_id", "value", "status", "source_id", "preferred_figure_id"] as const;
export type SnapshotRow = Record<(typeof SNAPSHOT_COLUMNS)[number], string>;

const FIGURE_ID = /^[fd]-[0-9a-f]{16}$/;

/** One row of a release snapshot (data/releases/<id>.csv): the contract of the record the build compares against. */
export const SnapshotRecord = z
  .object({
    figure_id: key(z.string().regex(FIGURE_ID, "must be a figure id (f- or d- and 16 hex digits)")),
    indicator_id: key(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be an indicator id (a lower-case slug)")),
    value: z.string().regex(NUMBER_PATTERN, "must be a number as written in the figures, or empty").or(z.literal("")),
    status: key(z.enum(STATUSES, { error: `is not a known status (${STATUSES.join(", ")})` })),
    source_id: shortKey("optional"),
    preferred_figure_id: key(z.string().regex(FIGURE_ID, "must be a figure id or empty").or(z.literal(""))),
  })
  .strict();

export interface Change {
  release_id: string;
  change: "added" | "revised" | "removed";
  /** The figure as it is now (for a removal, the figure removed). */
  figure_id: string;
  indicator_id: string;
  /** For a revision: the figure of the previous release it revises (the same id when the value changed in place). */
  old_figure_id: string;
  old_value: string;
  old_status: string;
  old_source_id: string;
  new_value: string;
  new_status: string;
  new_source_id: string;
  /** For a removal: why (data/reference/removed_figures.csv); for a revision that replaced another figure, which one. */
  reason: string;
}

/** CHANGELOG.csv columns, in order. */
export const CHANGE_COLUMNS = [
  "release_id",
  "change",
  "figure_id",
  "indicator_id",
  "old_figure_id",
  "old_value",
  "old_status",
  "old_source_id",
  "new_value",
  "new_status",
  "new_source_id",
  "reason",
] as const satisfies readonly (keyof Change)[];

/** A recorded removal: a figure of an earlier release that this release no longer has, and why. */
export interface Removal {
  release_id: string;
  figure_id: string;
  /** The figure shown in its place, when there is one (its page carries the old id as an anchor). */
  replaced_by: string;
  reason: string;
}

export function snapshotOf(figures: Pick<Figure, "figure_id" | "indicator_id" | "value_text" | "status" | "source_id" | "preferred_figure_id">[]): SnapshotRow[] {
  return figures
    .map((f) => ({ figure_id: f.figure_id, indicator_id: f.indicator_id, value: f.value_text, status: f.status, source_id: f.source_id, preferred_figure_id: f.preferred_figure_id }))
    .sort((a, b) => compareText(a.figure_id, b.figure_id));
}

/** The snapshot of an assembled figure table (the same rows as snapshotOf, read from its columns). */
export function snapshotOfTable(figures: FigureTable): SnapshotRow[] {
  const ids = figures.column("figure_id") as string[];
  const text = (name: keyof Figure) => {
    const c = figures.column(name);
    return c instanceof DictColumn ? (i: number) => c.at(i) : (i: number) => (c as string[])[i]!;
  };
  const [indicator, value, status, source, preferred] = (["indicator_id", "value_text", "status", "source_id", "preferred_figure_id"] as const).map(text);
  const order = Array.from(ids.keys()).sort((a, b) => compareText(ids[a]!, ids[b]!));
  return order.map((i) => ({ figure_id: ids[i]!, indicator_id: indicator!(i), value: value!(i), status: status!(i), source_id: source!(i), preferred_figure_id: preferred!(i) }));
}

const differs = (a: SnapshotRow, b: SnapshotRow) => a.value !== b.value || a.status !== b.status;

/**
 * Differences from `before` to `after`, in a stable order (change kind, then figure id). `removals` gives the reason of
 * each removed figure (release_id is not checked here; see missingRemovals).
 */
export function diffSnapshots(releaseId: string, before: SnapshotRow[], after: SnapshotRow[], removals: readonly Removal[] = []): Change[] {
  const old = new Map(before.map((r) => [r.figure_id, r]));
  // Only a comparison with an earlier release needs the current figures by id (a first release adds every figure).
  const now = before.length === 0 ? new Map<string, SnapshotRow>() : new Map(after.map((r) => [r.figure_id, r]));
  const whyRemoved = new Map(removals.map((r) => [r.figure_id, r]));
  // New figures that an old figure, still present, now gives way to with a different value: revisions in a new vintage.
  const revises = new Map<string, SnapshotRow>();
  for (const o of before) {
    const current = now.get(o.figure_id);
    const by = current?.preferred_figure_id ?? "";
    if (by === "" || old.has(by) || revises.has(by)) continue;
    const replacement = now.get(by);
    if (replacement && differs(o, replacement)) revises.set(by, o);
  }
  const sourceOf = (r: SnapshotRow) => r.source_id || now.get(r.figure_id)?.source_id || "";
  const base = { release_id: releaseId, old_figure_id: "", old_value: "", old_status: "", old_source_id: "", new_value: "", new_status: "", new_source_id: "", reason: "" };
  const added: Change[] = [];
  const revisedChanges: Change[] = [];
  const removedChanges: Change[] = [];
  for (const r of after) {
    const o = old.get(r.figure_id);
    const fresh = { new_value: r.value, new_status: r.status, new_source_id: r.source_id };
    if (o && differs(o, r))
      revisedChanges.push({ ...base, change: "revised", figure_id: r.figure_id, indicator_id: r.indicator_id, old_figure_id: o.figure_id, old_value: o.value, old_status: o.status, old_source_id: sourceOf(o), ...fresh });
    else if (!o) {
      const prior = revises.get(r.figure_id);
      if (prior)
        revisedChanges.push({
          ...base,
          change: "revised",
          figure_id: r.figure_id,
          indicator_id: r.indicator_id,
          old_figure_id: prior.figure_id,
          old_value: prior.value,
          old_status: prior.status,
          old_source_id: sourceOf(prior),
          ...fresh,
          reason: `replaces ${prior.figure_id}, which stays in the download, set aside`,
        });
      else added.push({ ...base, change: "added", figure_id: r.figure_id, indicator_id: r.indicator_id, ...fresh });
    }
  }
  for (const o of before) {
    if (now.has(o.figure_id)) continue;
    const why = whyRemoved.get(o.figure_id);
    removedChanges.push({
      ...base,
      change: "removed",
      figure_id: o.figure_id,
      indicator_id: o.indicator_id,
      old_figure_id: o.figure_id,
      old_value: o.value,
      old_status: o.status,
      old_source_id: o.source_id,
      reason: why ? `${why.reason}${why.replaced_by ? ` Now shown instead: ${why.replaced_by}.` : ""}` : "",
    });
  }
  const changes = [...added, ...revisedChanges, ...removedChanges];
  // Kind, then figure id: the rows were met in id order when both snapshots are sorted (as written), so usually no sort is needed.
  const order = { added: 0, revised: 1, removed: 2 } as const;
  const sorted = changes.every((c, i) => i === 0 || order[changes[i - 1]!.change] < order[c.change] || (order[changes[i - 1]!.change] === order[c.change] && compareText(changes[i - 1]!.figure_id, c.figure_id) <= 0));
  if (sorted) return changes;
  return changes.sort((a, b) => order[a.change] - order[b.change] || compareText(a.figure_id, b.figure_id));
}

/** Counts of each kind of change. */
export function countChanges(changes: readonly Change[]): ReleaseLog["counts"] {
  const count = (c: Change["change"]) => changes.filter((x) => x.change === c).length;
  return { added: count("added"), revised: count("revised"), removed: count("removed") };
}

const RELEASE_FILE = /^(\d{4}-\d{2}(?:-[a-z0-9]+)?)\.csv$/;

/**
 * Snapshots of earlier releases in a folder, oldest first (file names are release ids), each row checked against
 * SnapshotRecord. Snapshots of the first releases may lack the last two columns (read as empty).
 */
export function loadSnapshots(dir: string, problems: ProblemList): { id: string; rows: SnapshotRow[] }[] {
  if (!existsSync(dir)) return [];
  const out: { id: string; rows: SnapshotRow[] }[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".csv")).sort()) {
    const path = join(dir, name);
    const file = displayPath(path);
    const id = RELEASE_FILE.exec(name)?.[1];
    if (!id) {
      problems.add({ file, rule: "is not named after a release id (e.g. 2026-12.csv); only release snapshots belong in this folder" });
      continue;
    }
    const table = readCsvFile(path, dir, file, problems);
    if (!table) continue;
    const present = SNAPSHOT_COLUMNS.filter((c) => table.header.includes(c));
    const older = present.length === 4 && SNAPSHOT_COLUMNS.slice(0, 4).every((c) => present.includes(c));
    const schema = older ? SnapshotRecord.omit({ source_id: true, preferred_figure_id: true }) : SnapshotRecord;
    const rows = validateRows(table, file, older ? SNAPSHOT_COLUMNS.slice(0, 4) : SNAPSHOT_COLUMNS, schema, problems).map(({ row }) => ({ source_id: "", preferred_figure_id: "", ...row }) as SnapshotRow);
    rows.sort((x, y) => compareText(x.figure_id, y.figure_id));
    out.push({ id, rows });
  }
  return out;
}

export interface ReleaseLog {
  id: string;
  previous: string;
  counts: { added: number; revised: number; removed: number };
  /** Indicators this release brings in (none of their figures was in the previous release), and those it adds to or revises. */
  indicators: { new: string[]; updated: string[] };
  changes: Change[];
}

/** Which indicators a release brings in, and which existing ones it adds figures to or revises. */
export function indicatorsChanged(before: readonly SnapshotRow[], changes: readonly Change[]): ReleaseLog["indicators"] {
  if (before.length === 0) return { new: [], updated: [] };
  const existing = new Set(before.map((r) => r.indicator_id));
  const touched = [...new Set(changes.filter((c) => c.change !== "removed").map((c) => c.indicator_id))].sort(compareText);
  return { new: touched.filter((i) => !existing.has(i)), updated: touched.filter((i) => existing.has(i)) };
}

/**
 * The history: for each kept snapshot, its changes from the one before; then this release against the latest
 * earlier snapshot (a snapshot with this release's own id is the record of this release and is skipped).
 */
export function releaseHistory(currentId: string, current: SnapshotRow[], snapshots: { id: string; rows: SnapshotRow[] }[], removals: readonly Removal[] = []): ReleaseLog[] {
  const earlier = snapshots.filter((s) => s.id < currentId);
  const logs: ReleaseLog[] = [];
  const add = (id: string, previous: { id: string; rows: SnapshotRow[] } | undefined, rows: SnapshotRow[]) => {
    const changes = diffSnapshots(id, previous?.rows ?? [], rows, removals.filter((r) => r.release_id === id));
    logs.push({ id, previous: previous?.id ?? "", counts: countChanges(changes), indicators: indicatorsChanged(previous?.rows ?? [], changes), changes });
  };
  earlier.forEach((s, i) => add(s.id, earlier[i - 1], s.rows));
  add(currentId, earlier.at(-1), current);
  return logs.reverse();
}

/**
 * The problems with this release's record of removals: a figure of the previous release that is gone without a
 * recorded reason, a recorded removal of a figure that is still here (or never existed), or a replacement that is not
 * a figure of this release. Each is a sentence naming the figure; empty when the record is complete.
 */
export function removalProblems(log: ReleaseLog, removals: readonly Removal[], figureIds: { has(id: string): boolean }): { figure_id: string; rule: string }[] {
  const removed = new Set(log.changes.filter((c) => c.change === "removed").map((c) => c.figure_id));
  const recorded = removals.filter((r) => r.release_id === log.id);
  const out: { figure_id: string; rule: string }[] = [];
  for (const id of removed)
    if (!recorded.some((r) => r.figure_id === id)) out.push({ figure_id: id, rule: `was in release ${log.previous} and is not in release ${log.id}; say why in removed_figures.csv (its old link must lead somewhere)` });
  for (const r of recorded) {
    if (!removed.has(r.figure_id)) out.push({ figure_id: r.figure_id, rule: `is recorded as removed in release ${log.id}, but ${figureIds.has(r.figure_id) ? "it is still a figure of this release" : `it was not a figure of release ${log.previous || "(none)"}`}` });
    if (r.replaced_by !== "" && !figureIds.has(r.replaced_by)) out.push({ figure_id: r.figure_id, rule: `is replaced by ${r.replaced_by}, which is not a figure of release ${log.id}` });
  }
  return out;
}

/** CHANGELOG.md: a summary a person can read, with every revision (both values and both sources) and every removal. */
export function changelogMarkdown(history: readonly ReleaseLog[]): string {
  const lines = ["# Changelog of data releases", "", "Every figure added, revised or removed in each release, compared with the release before. The full list is in CHANGELOG.csv.", ""];
  const value = (v: string, status: string) => v || `[${status}]`;
  for (const h of history) {
    lines.push(`## Release ${h.id}`, "");
    if (h.previous === "") lines.push(`First release: ${h.counts.added} figures.`, "");
    else lines.push(`Compared with release ${h.previous}: ${h.counts.added} figures added, ${h.counts.revised} revised, ${h.counts.removed} removed.`, "");
    const revised = h.changes.filter((c) => c.change === "revised");
    if (revised.length > 0) {
      lines.push("Revised figures (old → new):", "");
      for (const c of revised) {
        const ids = c.old_figure_id === c.figure_id ? c.figure_id : `${c.old_figure_id} → ${c.figure_id}`;
        const src = (s: string) => (s ? ` (${s})` : "");
        lines.push(`- ${ids} (${c.indicator_id}): ${value(c.old_value, c.old_status)}${src(c.old_source_id)} → ${value(c.new_value, c.new_status)}${src(c.new_source_id)}${c.old_status !== c.new_status ? ` (status ${c.old_status} → ${c.new_status})` : ""}`);
      }
      lines.push("");
    }
    const removed = h.changes.filter((c) => c.change === "removed");
    if (removed.length > 0) {
      lines.push("Removed figures:", "");
      for (const c of removed) lines.push(`- ${c.figure_id} (${c.indicator_id}): was ${value(c.old_value, c.old_status)}.${c.reason ? ` ${c.reason}` : ""}`);
      lines.push("");
    }
  }
  return `${lines.join("\n")}\n`;
}
