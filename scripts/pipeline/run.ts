import type { Figure } from "../../src/schemas/figure.ts";
import { applyConflicts, applySupersedes, checkCoverage, conflictKey, checkDuplicates, checkHeadlineRules, checkOverlaps, checkRegistry } from "./check.ts";
import { assemble } from "./assemble.ts";
import { diffSnapshots, loadSnapshots, releaseHistory, snapshotOf } from "./changelog.ts";
import { displayPath } from "./paths.ts";
import { derive } from "./derive.ts";
import { harmonise } from "./harmonise.ts";
import { loadSources } from "./load.ts";
import { ProblemList, throwIfAny } from "./problems.ts";
import { loadReference } from "./reference.ts";
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
  checkCoverage(new Set(all.map((f) => `${f.dataset_id}|${f.measure}`)), ref, problems);
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
  const history = releaseHistory(ref.release.id, current, snapshots);
  const registry = buildRegistry(figures, ref, valid, problems, history);
  throwIfAny(problems);
  stage("assemble");
  writeOutputs(opts.outDir, figures, ref, registry, history);
  stage("write");
  return { figures, published: harmonised.length, derived: derived.length };
}
