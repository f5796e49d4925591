/**
 * npm run release:snapshot: records the figures of the release just built (public/data/figures.csv) as
 * data/releases/<release id>.csv, so the next release's changelog can say what it added, revised or removed.
 * Run it when a release is published (after npm run build:data), and commit the file.
 *
 * It never rewrites the record of a published release: if the file exists with different figures it stops and asks
 * for a new release id (the build refuses such a change too). Options: --data DIR (default public/data),
 * --releases DIR (default data/releases).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { csvFormatRows, csvParse } from "d3-dsv";
import { SNAPSHOT_COLUMNS, snapshotOf } from "./pipeline/changelog.ts";

const { values } = parseArgs({ options: { data: { type: "string", default: "public/data" }, releases: { type: "string", default: "data/releases" } } });
const dataDir = resolve(values.data);
const json = { release_id: (JSON.parse(readFileSync(join(dataDir, "api", "index.json"), "utf8")) as { release: { id: string } }).release.id };
const figures = csvParse(readFileSync(join(dataDir, "figures.csv"), "utf8")).map((f) => ({
  figure_id: f.figure_id!,
  indicator_id: f.indicator_id!,
  value_text: f.value!,
  status: f.status! as never,
  source_id: f.source_id!,
  preferred_figure_id: f.preferred_figure_id!,
}));
const rows = snapshotOf(figures);
const text = `${csvFormatRows([[...SNAPSHOT_COLUMNS], ...rows.map((r) => SNAPSHOT_COLUMNS.map((c) => r[c]))])}\n`;
mkdirSync(resolve(values.releases), { recursive: true });
const path = join(resolve(values.releases), `${json.release_id}.csv`);
if (existsSync(path)) {
  if (readFileSync(path, "utf8") === text) {
    console.log(`release:snapshot: ${path} already records these ${rows.length} figures of release ${json.release_id}; nothing to do`);
    process.exit(0);
  }
  console.error(`release:snapshot: ${path} already records release ${json.release_id} with other figures; a published release is never rewritten. Give this build a new release id and date in data/reference/release.json, rebuild, and run this again.`);
  process.exit(1);
}
writeFileSync(path, text);
console.log(`release:snapshot: ${rows.length} figures of release ${json.release_id} written to ${path}`);
