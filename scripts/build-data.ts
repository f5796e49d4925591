/**
 * npm run build:data: turns data/sources + data/reference into the open data files and site JSON.
 *   node scripts/build-data.ts [--sources DIR] [--reference DIR] [--releases DIR] [--out DIR] [--quiet]
 * On bad input it prints one message (file:line: column: "value" rule), writes every problem to
 * <out>-problems.txt, leaves the previous output untouched and exits with status 1. An output folder it may not
 * replace (a file, an input folder, a folder it did not write) or cannot write gets one line and status 1 too.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { OutputError, reason } from "./pipeline/atomicFolder.ts";
import { displayPath } from "./pipeline/paths.ts";
import { InputError, formatReport, REPORT_FIRST_LINE } from "./pipeline/problems.ts";
import { runPipeline } from "./pipeline/run.ts";

const { values } = parseArgs({
  options: {
    sources: { type: "string", default: "data/sources" },
    reference: { type: "string", default: "data/reference" },
    out: { type: "string", default: "public/data" },
    releases: { type: "string", default: "data/releases" },
    quiet: { type: "boolean", default: false },
  },
});
const outDir = resolve(values.out);
const reportPath = `${outDir}-problems.txt`;

/** The problems report is written over only when the file there is an earlier report (never over another file). */
function isReport(path: string): boolean {
  if (!existsSync(path)) return true;
  if (!lstatSync(path).isFile()) return false;
  return REPORT_FIRST_LINE.test(readFileSync(path, "utf8").split("\n", 1)[0] ?? "");
}

try {
  const started = performance.now();
  const result = runPipeline({
    sourcesDir: resolve(values.sources),
    referenceDir: resolve(values.reference),
    outDir,
    releasesDir: resolve(values.releases),
    onStage: values.quiet ? undefined : (name, ms) => console.log(`  ${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms`),
  });
  if (existsSync(reportPath) && isReport(reportPath)) rmSync(reportPath);
  console.log(
    `build:data: ${result.published} published and ${result.derived} derived figures written to ${displayPath(outDir)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (e) {
  if (e instanceof OutputError) {
    console.error(`build:data failed: ${e.message}`);
    process.exit(1);
  }
  if (e instanceof InputError) {
    let where = `the full list is in ${displayPath(reportPath)}`;
    try {
      if (!isReport(reportPath)) throw new OutputError(`${displayPath(reportPath)} exists and is not a problems report`);
      mkdirSync(dirname(reportPath), { recursive: true });
      writeFileSync(reportPath, formatReport(e));
    } catch (w) {
      where = `the full list could not be written: ${w instanceof OutputError ? w.message : `${displayPath(reportPath)} ${reason(w)}`}`;
    }
    console.error(`build:data failed: ${e.message}`);
    if (e.total > 1) console.error(`  and ${e.total - 1} more problem${e.total === 2 ? "" : "s"}; ${where}`);
    else if (!where.startsWith("the full list is in")) console.error(`  ${where}`);
    console.error(`  Nothing was written; ${displayPath(outDir)} is unchanged.`);
    process.exit(1);
  }
  throw e;
}
