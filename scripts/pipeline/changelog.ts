/**
 * Release changelog: which figures a release added, revised (old and new value) or removed, computed by
 * comparing this build's figures with the snapshot of the previous release kept in data/releases/<id>.csv.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import type { Figure } from "../../src/schemas/figure.ts";
import { compareText } from "../../src/lib/text.ts";

/** The columns kept for each figure of a published release (enough to say what changed). */
export const SNAPSHOT_COLUMNS = ["figure_id", "indicator_id", "value", "status"] as const;
export type SnapshotRow = Record<(typeof SNAPSHOT_COLUMNS)[number], string>;

export interface Change {
  release_id: string;
  change: "added" | "revised" | "removed";
  figure_id: string;
  indicator_id: string;
  old_value: string;
  old_status: string;
  new_value: string;
  new_status: string;
}

export function snapshotOf(figures: Pick<Figure, "figure_id" | "indicator_id" | "value_text" | "status">[]): SnapshotRow[] {
  return figures
    .map((f) => ({ figure_id: f.figure_id, indicator_id: f.indicator_id, value: f.value_text, status: f.status }))
    .sort((a, b) => compareText(a.figure_id, b.figure_id));
}

/** Differences from `before` to `after`, in a stable order (change kind, then figure id). */
export function diffSnapshots(releaseId: string, before: SnapshotRow[], after: SnapshotRow[]): Change[] {
  const old = new Map(before.map((r) => [r.figure_id, r]));
  const now = new Map(after.map((r) => [r.figure_id, r]));
  const changes: Change[] = [];
  for (const r of after) {
    const o = old.get(r.figure_id);
    if (!o) changes.push({ release_id: releaseId, change: "added", figure_id: r.figure_id, indicator_id: r.indicator_id, old_value: "", old_status: "", new_value: r.value, new_status: r.status });
    else if (o.value !== r.value || o.status !== r.status)
      changes.push({ release_id: releaseId, change: "revised", figure_id: r.figure_id, indicator_id: r.indicator_id, old_value: o.value, old_status: o.status, new_value: r.value, new_status: r.status });
  }
  for (const o of before) {
    if (!now.has(o.figure_id)) changes.push({ release_id: releaseId, change: "removed", figure_id: o.figure_id, indicator_id: o.indicator_id, old_value: o.value, old_status: o.status, new_value: "", new_status: "" });
  }
  const order = { added: 0, revised: 1, removed: 2 } as const;
  return changes.sort((a, b) => order[a.change] - order[b.change] || compareText(a.figure_id, b.figure_id));
}

/** Snapshots of earlier releases in a folder, oldest first (file names are release ids). */
export function loadSnapshots(dir: string): { id: string; rows: SnapshotRow[] }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".csv"))
    .sort()
    .map((n) => ({ id: n.replace(/\.csv$/, ""), rows: csvParse(readFileSync(join(dir, n), "utf8")) as unknown as SnapshotRow[] }));
}

export interface ReleaseLog {
  id: string;
  previous: string;
  counts: { added: number; revised: number; removed: number };
  changes: Change[];
}

/**
 * The history: for each kept snapshot, its changes from the one before; then this release against the latest
 * earlier snapshot (a snapshot with this release's own id is the record of this release and is skipped).
 */
export function releaseHistory(currentId: string, current: SnapshotRow[], snapshots: { id: string; rows: SnapshotRow[] }[]): ReleaseLog[] {
  const earlier = snapshots.filter((s) => s.id < currentId);
  const logs: ReleaseLog[] = [];
  const add = (id: string, previous: { id: string; rows: SnapshotRow[] } | undefined, rows: SnapshotRow[]) => {
    const changes = diffSnapshots(id, previous?.rows ?? [], rows);
    const count = (c: Change["change"]) => changes.filter((x) => x.change === c).length;
    logs.push({ id, previous: previous?.id ?? "", counts: { added: count("added"), revised: count("revised"), removed: count("removed") }, changes });
  };
  earlier.forEach((s, i) => add(s.id, earlier[i - 1], s.rows));
  add(currentId, earlier.at(-1), current);
  return logs.reverse();
}
