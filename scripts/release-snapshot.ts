/**
 * npm run release:snapshot: records the figures of the release just built (public/data/figures.csv) as
 * data/releases/<release id>.csv, so the next release's changelog can say what it added, revised or removed.
 * Run it when a release is published, and commit the file.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { csvFormatRows, csvParse } from "d3-dsv";
import { SNAPSHOT_COLUMNS, snapshotOf } from "./pipeline/changelog.ts";

const { values } = parseArgs({ options: { data: { type: "string", default: "public/data" }, releases: { type: "string", default: "data/releases" } } });
const json = JSON.parse(readFileSync(join(resolve(values.data), "figures.json"), "utf8")) as { release_id: string };
const figures = csvParse(readFileSync(join(resolve(values.data), "figures.csv"), "utf8")).map((f) => ({ figure_id: f.figure_id!, indicator_id: f.indicator_id!, value_text: f.value!, status: f.status! as never }));
const rows = snapshotOf(figures);
mkdirSync(resolve(values.releases), { recursive: true });
const path = join(resolve(values.releases), `${json.release_id}.csv`);
writeFileSync(path, `${csvFormatRows([[...SNAPSHOT_COLUMNS], ...rows.map((r) => SNAPSHOT_COLUMNS.map((c) => r[c]))])}\n`);
console.log(`release:snapshot: ${rows.length} figures of release ${json.release_id} written to ${path}`);
