import type { Figure } from "../../src/schemas/figure.ts";
import { applyConflicts, applySupersedes, checkCoverage, measureRowKey, conflictKey, checkDuplicates, checkHeadlineRules, checkOverlaps, checkRegistry } from "./check.ts";
import { assemble } from "./assemble.ts";
import { OutputError, reason, stageFolder } from "./atomicFolder.ts";
import { diffSnapshots, loadSnapshots, releaseHistory, removalProblems, snapshotOf } from "./changelog.ts";
import { displayPath } from "./paths.ts";
import { derive } from "./derive.ts";
import { harmonise } from "./harmonise.ts";
import { loadSources } from "./load.ts";
import { ProblemList, throwIfAny } from "./problems.ts";
import { loadReference, measureOf } from "./reference.ts";
import { buildRegistry } from "./registry.ts";
import { validateSources } from "./validate.ts";
import { writeOutputs } from "./write.ts";

export interface PipelineOptions {
  sourcesDir: string;
  referenceDir: string;
  outDir: string;
  /** Snapshots of earlier releases (data/releases); missing means this is the first release. */
  releasesDir?: string;
  /** Called after each stage with its name and duration, for the benchmark and the build log. */
  onStage?: (stage: string, ms: number) => void;
}

export interface PipelineResult {
  figures: Figure[];
  published: number;
  derived: number;
}

/**
 * Runs the data pipeline: load → validate → harmonise → check → derive → write.
 * Throws InputError (listing every problem) before anything is written if an input breaks a rule.
 */
export function runPipeline(opts: PipelineOptions): PipelineResult {
  // The output folder is checked first: one that may not be replaced stops the build before any work.
  const staging = stageFolder(opts.outDir, { stage: "build:data", protect: [opts.sourcesDir, opts.referenceDir, ...(opts.releasesDir ? [opts.releasesDir] : [])] });
  try {
    const result = buildInto(staging.dir, opts);
    staging.commit();
    return result;
  } catch (e) {
    staging.abort();
    // A file-system failure while writing (a full disk, a folder made read-only meanwhile) is one line, not a stack trace.
    if ((e as NodeJS.ErrnoException).code && (e as NodeJS.ErrnoException).syscall) throw new OutputError(`${displayPath(opts.outDir)} cannot be written, ${reason(e)}; it is unchanged`);
    throw e;
  }
}

function buildInto(outDir: string, opts: PipelineOptions): PipelineResult {
  const problems = new ProblemList();
  let t = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    opts.onStage?.(name, now - t);
    t = now;
  };
  const ref = loadReference(opts.referenceDir, problems);
  const raw = loadSources(opts.sourcesDir, problems);
  stage("load");
  const valid = validateSources(raw, problems);
  stage("validate");
  throwIfAny(problems);
  if (!ref) throw new Error("unreachable: reference failed without problems");
  const harmonised = harmonise(valid, ref, problems);
  stage("harmonise");
  throwIfAny(problems);
  checkRegistry(harmonised, ref, problems);
  const decisions = checkDuplicates(harmonised, valid, ref, problems);
  stage("check");
  throwIfAny(problems);
  const derived = derive(harmonised, decisions, ref.derivations, new Set(ref.conflicts.filter((c) => c.row.show === "derived").map((c) => conflictKey(c.row))));
  checkRegistry(derived, ref, problems);
  const all = [...harmonised, ...derived];
  const allDecisions = [...decisions, ...derived.map(() => ({ preferred: true, reason: "", corroboratedBy: [], revised: false }))];
  applyConflicts(all, allDecisions, harmonised.length, ref, problems);
  applySupersedes(all, allDecisions, ref);
  checkOverlaps(all, allDecisions, ref, problems);
  checkCoverage(new Set(all.flatMap((f) => { const m = measureOf(ref, f); return m ? [measureRowKey(m.row)] : []; })), ref, problems);
  checkHeadlineRules(all, allDecisions, ref, problems);
  stage("derive");
  throwIfAny(problems);
  const figures = assemble(harmonised, derived, allDecisions, valid, ref);
  const ids = new Set<string>();
  for (const f of figures) {
    if (ids.has(f.figure_id)) problems.add({ file: f.source_file, line: f.source_line, rule: `gives figure id ${f.figure_id} twice` });
    ids.add(f.figure_id);
  }
  const snapshots = opts.releasesDir ? loadSnapshots(opts.releasesDir) : [];
  const current = snapshotOf(figures);
  const recorded = snapshots.find((s) => s.id === ref.release.id);
  if (recorded) {
    // A published release is never changed silently: new figures need a new release id.
    const changed = diffSnapshots(ref.release.id, recorded.rows, current).length;
    if (changed > 0)
      problems.add({
        file: displayPath(`${opts.releasesDir}/${ref.release.id}.csv`),
        rule: `records release ${ref.release.id} as published, but ${changed} figure${changed === 1 ? "" : "s"} now differ; give this build a new release id and date in ${displayPath(`${opts.referenceDir}/release.json`)}`,
      });
  }
  const removals = ref.removedFigures.map((r) => r.row);
  const history = releaseHistory(ref.release.id, current, snapshots, removals);
  const removalsFile = displayPath(`${opts.referenceDir}/removed_figures.csv`);
  if (history[0]?.previous) for (const p of removalProblems(history[0], removals, ids)) problems.add({ file: removalsFile, column: "figure_id", value: p.figure_id, rule: p.rule });
  const registry = buildRegistry(figures, ref, valid, problems, history);
  throwIfAny(problems);
  stage("assemble");
  writeOutputs(outDir, figures, ref, registry, history);
  stage("write");
  return { figures, published: harmonised.length, derived: derived.length };
}
