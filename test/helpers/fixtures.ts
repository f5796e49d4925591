import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError } from "../../scripts/pipeline/problems.ts";
import { runPipeline, type PipelineResult } from "../../scripts/pipeline/run.ts";

export const MINIMAL = join(import.meta.dirname, "..", "fixtures", "pipeline", "minimal");

/** A private copy of a fixture (sources + reference) in a temporary folder. */
export function copyFixture(fixture = MINIMAL): { dir: string; sources: string; reference: string; out: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "daw-fixture-"));
  cpSync(fixture, dir, { recursive: true });
  return {
    dir,
    sources: join(dir, "sources"),
    reference: join(dir, "reference"),
    out: join(dir, "out"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Replaces text in a file of a fixture copy; fails the test if the text is not there. */
export function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from)} not found in ${path}`);
  writeFileSync(path, text.replace(from, to));
}

/** Runs the pipeline on a fixture copy after an edit and returns every problem as text (or [] on success). */
export function problemsAfter(change: (f: ReturnType<typeof copyFixture>) => void): string[] {
  const f = copyFixture();
  const cwd = process.cwd();
  try {
    change(f);
    process.chdir(f.dir); // messages name files relative to the working directory
    runPipeline({ sourcesDir: f.sources, referenceDir: f.reference, outDir: f.out });
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => formatForTest(p));
    throw e;
  } finally {
    process.chdir(cwd);
    f.cleanup();
  }
}

import { formatProblem, type Problem } from "../../scripts/pipeline/problems.ts";
function formatForTest(p: Problem): string {
  return formatProblem(p);
}

/** Runs the pipeline on a fixture folder into `out`. */
export function run(sources: string, reference: string, out: string, releases?: string): PipelineResult {
  return runPipeline({ sourcesDir: sources, referenceDir: reference, outDir: out, ...(releases ? { releasesDir: releases } : {}) });
}
