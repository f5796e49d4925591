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
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import type { Figure } from "../../src/schemas/figure.ts";
import { compareText } from "../../src/lib/text.ts";

/**
 * The columns kept for each figure of a published release: enough to say what changed, from which source, and which
 * figure a set-aside one gave way to. Snapshots of earlier releases may lack the last two columns (read as empty).
 */
export const SNAPSHOT_COLUMNS = ["figure_id", "indicator_id", "value", "status", "source_id", "preferred_figure_id"] as const;
export type SnapshotRow = Record<(typeof SNAPSHOT_COLUMNS)[number], string>;

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

const differs = (a: SnapshotRow, b: SnapshotRow) => a.value !== b.value || a.status !== b.status;

/**
 * Differences from `before` to `after`, in a stable order (change kind, then figure id). `removals` gives the reason of
 * each removed figure (release_id is not checked here; see missingRemovals).
 */
export function diffSnapshots(releaseId: string, before: SnapshotRow[], after: SnapshotRow[], removals: readonly Removal[] = []): Change[] {
  const old = new Map(before.map((r) => [r.figure_id, r]));
  const now = new Map(after.map((r) => [r.figure_id, r]));
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
  const changes: Change[] = [];
  for (const r of after) {
    const o = old.get(r.figure_id);
    const fresh = { new_value: r.value, new_status: r.status, new_source_id: r.source_id };
    if (o && differs(o, r))
      changes.push({ ...base, change: "revised", figure_id: r.figure_id, indicator_id: r.indicator_id, old_figure_id: o.figure_id, old_value: o.value, old_status: o.status, old_source_id: sourceOf(o), ...fresh });
    else if (!o) {
      const prior = revises.get(r.figure_id);
      if (prior)
        changes.push({
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
      else changes.push({ ...base, change: "added", figure_id: r.figure_id, indicator_id: r.indicator_id, ...fresh });
    }
  }
  for (const o of before) {
    if (now.has(o.figure_id)) continue;
    const why = whyRemoved.get(o.figure_id);
    changes.push({
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
  const order = { added: 0, revised: 1, removed: 2 } as const;
  return changes.sort((a, b) => order[a.change] - order[b.change] || compareText(a.figure_id, b.figure_id));
}

/** Counts of each kind of change. */
export function countChanges(changes: readonly Change[]): ReleaseLog["counts"] {
  const count = (c: Change["change"]) => changes.filter((x) => x.change === c).length;
  return { added: count("added"), revised: count("revised"), removed: count("removed") };
}

/** Snapshots of earlier releases in a folder, oldest first (file names are release ids). */
export function loadSnapshots(dir: string): { id: string; rows: SnapshotRow[] }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".csv"))
    .sort()
    .map((n) => ({
      id: n.replace(/\.csv$/, ""),
      rows: csvParse(readFileSync(join(dir, n), "utf8")).map((r) => Object.fromEntries(SNAPSHOT_COLUMNS.map((c) => [c, r[c] ?? ""])) as SnapshotRow),
    }));
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
export function removalProblems(log: ReleaseLog, removals: readonly Removal[], figureIds: ReadonlySet<string>): { figure_id: string; rule: string }[] {
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
