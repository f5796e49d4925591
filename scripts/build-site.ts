/**
 * The site stage of `npm run build`: runs `astro build` into a staging folder beside the output, indexes it for
 * the site search (scripts/search-index.ts, into <folder>/pagefind), and swaps it into place only when both
 * succeed, so a failed or interrupted build leaves the previous site intact (scripts/pipeline/atomicFolder.ts, the
 * same module as the data stage: it never writes over a file or replaces a folder it did not write).
 *   node scripts/build-site.ts [--out DIR]   (default dist)
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { OutputError, stageFolder, type Staging } from "./pipeline/atomicFolder.ts";
import { writeSearchIndex } from "./search-index.ts";

const ROOT = join(import.meta.dirname, "..");
const { values } = parseArgs({ options: { out: { type: "string", default: "dist" } } });
const out = resolve(values.out);

let staging: Staging;
try {
  // The inputs of the site: its code, its static files (with the data stage's output) and the data.
  staging = stageFolder(out, { stage: "build:site", protect: [join(ROOT, "src"), resolve(process.env.PUBLIC_DIR ?? join(ROOT, "public")), join(ROOT, "data")] });
} catch (e) {
  if (!(e instanceof OutputError)) throw e;
  console.error(`build: ${e.message}`);
  process.exit(1);
}
const astro = join(ROOT, "node_modules", "astro", "bin", "astro.mjs");
const r = spawnSync(process.execPath, [astro, "build", "--outDir", staging.dir], { stdio: "inherit" });
if (r.status !== 0) {
  staging.abort();
  console.error(`build: the site build failed; ${values.out} is unchanged.`);
  process.exit(r.status ?? 1);
}
try {
  const s = await writeSearchIndex(staging.dir);
  console.log(`search: ${s.documents} areas, indicators and topics and ${s.pages} pages indexed (${s.files} files, ${(s.bytes / 1024).toFixed(0)} KB)`);
} catch (e) {
  staging.abort();
  console.error(`build: the search index failed (${(e as Error).message}); ${values.out} is unchanged.`);
  process.exit(1);
}
try {
  staging.commit();
} catch (e) {
  if (!(e instanceof OutputError)) throw e;
  console.error(`build: ${e.message}`);
  process.exit(1);
}
console.log(`build: site written to ${values.out}`);
