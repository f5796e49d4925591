/**
 * npm run build:data: turns data/sources + data/reference into the open data files and site JSON.
 *   node scripts/build-data.ts [--sources DIR] [--reference DIR] [--releases DIR] [--out DIR]
 * On bad input it prints one message (file:line: column: "value" rule), writes every problem to
 * <out>-problems.txt, leaves the previous output untouched and exits with status 1.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { displayPath } from "./pipeline/paths.ts";
import { InputError, formatReport } from "./pipeline/problems.ts";
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

try {
  const started = performance.now();
  const result = runPipeline({
    sourcesDir: resolve(values.sources),
    referenceDir: resolve(values.reference),
    outDir,
    releasesDir: resolve(values.releases),
    onStage: values.quiet ? undefined : (name, ms) => console.log(`  ${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms`),
  });
  rmSync(reportPath, { force: true });
  console.log(
    `build:data: ${result.published} published and ${result.derived} derived figures written to ${displayPath(outDir)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (e) {
  if (e instanceof InputError) {
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, formatReport(e));
    console.error(`build:data failed: ${e.message}`);
    if (e.total > 1) console.error(`  and ${e.total - 1} more problem${e.total === 2 ? "" : "s"}; the full list is in ${displayPath(reportPath)}`);
    console.error(`  Nothing was written; ${displayPath(outDir)} is unchanged.`);
    process.exit(1);
  }
  throw e;
}
