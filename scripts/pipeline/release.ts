/**
 * Stage 7, release: this build's figures against the records of published releases (data/releases/<id>.csv, each
 * row checked against its contract, changelog.ts SnapshotRecord). A release already recorded is never changed
 * silently: any difference in its figure ids, values or statuses stops the build until it has a new release id. Then
 * the history of releases (what each added, revised and removed), and the record of removals: every figure of the
 * previous release that is gone needs its reason in removed_figures.csv.
 */
import { join } from "node:path";
import type { Assembled } from "./assemble.ts";
import { diffSnapshots, loadSnapshots, releaseHistory, removalProblems, snapshotOfTable, type ReleaseLog, type SnapshotRow } from "./changelog.ts";
import { displayPath } from "./paths.ts";
import type { ProblemList } from "./problems.ts";
import type { Reference } from "./reference.ts";

export interface Released {
  /** This release first, then every recorded one, each with its changes from the one before. */
  history: ReleaseLog[];
  /** This build's snapshot (sorted by figure id). */
  snapshot: SnapshotRow[];
}

/** Ids of a sorted snapshot, looked up by binary search (no second index of every id). */
function idsOf(rows: readonly SnapshotRow[]): { has(id: string): boolean } {
  return {
    has(id: string) {
      let lo = 0;
      let hi = rows.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = rows[mid]!.figure_id;
        if (v === id) return true;
        if (v < id) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}

/** Stage 7, release: the guard on recorded releases, the history and the removals. `releasesDir` undefined: no records. */
export function release(assembled: Assembled, ref: Reference, releasesDir: string | undefined, problems: ProblemList): Released {
  const snapshots = releasesDir ? loadSnapshots(releasesDir, problems) : [];
  const current = snapshotOfTable(assembled.figures);
  const recorded = snapshots.find((s) => s.id === ref.release.id);
  if (recorded && releasesDir) {
    // A published release is never changed silently: new figures need a new release id.
    const changed = diffSnapshots(ref.release.id, recorded.rows, current).length;
    if (changed > 0)
      problems.add({
        file: displayPath(join(releasesDir, `${ref.release.id}.csv`)),
        rule: `records release ${ref.release.id} as published, but ${changed} figure${changed === 1 ? "" : "s"} now differ; give this build a new release id and date in ${displayPath(join(ref.dir, "release.json"))}`,
      });
  }
  const removals = ref.removedFigures.map((r) => r.row);
  const history = releaseHistory(ref.release.id, current, snapshots, removals);
  const removalsFile = displayPath(join(ref.dir, "removed_figures.csv"));
  if (history[0]?.previous) for (const p of removalProblems(history[0], removals, idsOf(current))) problems.add({ file: removalsFile, column: "figure_id", value: p.figure_id, rule: p.rule });
  return { history, snapshot: current };
}
