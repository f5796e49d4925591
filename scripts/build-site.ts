/**
 * The site stage of `npm run build`: runs `astro build` into a temporary folder beside the output, indexes it for
 * the site search (scripts/search-index.ts, into <folder>/pagefind), and swaps it into place only when both
 * succeed, so a failed or interrupted build leaves the previous site intact.
 *   node scripts/build-site.ts [--out DIR]   (default dist)
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeSearchIndex } from "./search-index.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "dist" } } });
const out = resolve(values.out);
const parent = dirname(out);
const name = basename(out);

// Leftovers of an earlier interrupted build: put a moved-aside site back, remove half-built ones.
for (const entry of existsSync(parent) ? readdirSync(parent) : []) {
  if (entry.startsWith(`.${name}-old-`) && !existsSync(out)) renameSync(join(parent, entry), out);
  else if (entry.startsWith(`.${name}-tmp-`) || entry.startsWith(`.${name}-old-`)) rmSync(join(parent, entry), { recursive: true, force: true });
}

const tmp = join(parent, `.${name}-tmp-${process.pid}`);
const astro = join(import.meta.dirname, "..", "node_modules", "astro", "bin", "astro.mjs");
const r = spawnSync(process.execPath, [astro, "build", "--outDir", tmp], { stdio: "inherit" });
if (r.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  console.error(`build: the site build failed; ${values.out} is unchanged.`);
  process.exit(r.status ?? 1);
}
try {
  const s = await writeSearchIndex(tmp);
  console.log(`search: ${s.documents} areas, indicators and topics and ${s.pages} pages indexed (${s.files} files, ${(s.bytes / 1024).toFixed(0)} KB)`);
} catch (e) {
  rmSync(tmp, { recursive: true, force: true });
  console.error(`build: the search index failed (${(e as Error).message}); ${values.out} is unchanged.`);
  process.exit(1);
}
const old = join(parent, `.${name}-old-${process.pid}`);
const had = existsSync(out);
if (had) renameSync(out, old);
renameSync(tmp, out);
if (had) rmSync(old, { recursive: true, force: true });
console.log(`build: site written to ${values.out}`);
