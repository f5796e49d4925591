import type { Figure } from "../../src/schemas/figure.ts";
import { assemble } from "./assemble.ts";
import { OutputError, reason, stageFolder } from "./atomicFolder.ts";
import { check } from "./check.ts";
import { derive } from "./derive.ts";
import type { FigureTable } from "./figureTable.ts";
import { harmonise } from "./harmonise.ts";
import { loadSources } from "./load.ts";
import { displayPath } from "./paths.ts";
import { ProblemList, throwIfAny } from "./problems.ts";
import { loadReference } from "./reference.ts";
import { buildRegistry } from "./registry.ts";
import { release } from "./release.ts";
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
  /** The assembled figures, sorted, as an arquero table with a typed adapter (figure(i), iteration, toArray). */
  table: FigureTable;
  figures: Figure[];
  published: number;
  derived: number;
}

/**
 * Runs the data pipeline: load → validate → harmonise → check → derive → assemble → release → registry → write.
 * Each stage takes the previous stage's output and the reference tables. Throws InputError (listing every problem)
 * before anything is written if an input breaks a rule, and OutputError (one line) if the output folder may not be
 * replaced or cannot be written.
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
  const checked = check(harmonised, ref, problems);
  stage("check");
  throwIfAny(problems);
  const derived = derive(checked, ref, problems);
  stage("derive");
  throwIfAny(problems);
  const assembled = assemble(derived, ref, problems);
  stage("assemble");
  throwIfAny(problems);
  const { history } = release(assembled, ref, opts.releasesDir, problems);
  stage("release");
  throwIfAny(problems);
  const figures = assembled.figures.toArray();
  const registry = buildRegistry(figures, ref, derived.sources, problems, history);
  stage("registry");
  throwIfAny(problems);
  writeOutputs(outDir, figures, ref, registry, history);
  stage("write");
  return { table: assembled.figures, figures, published: assembled.published, derived: assembled.derived };
}
