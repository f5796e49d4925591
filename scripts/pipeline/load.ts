import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import type { CsvTable } from "./csv.ts";
import { displayPath } from "./paths.ts";
import type { ProblemList } from "./problems.ts";
import { readCsvFile } from "./tables.ts";

/** The raw source files: figure tables and the sources catalogue of each folder. */
export interface RawSources {
  dir: string;
  /** Figure files, sorted by path. `folder` is the path of the file's folder relative to the sources folder. */
  figureTables: { folder: string; name: string; table: CsvTable }[];
  /** One sources.csv per folder that has figure files. */
  sourceTables: { folder: string; name: string; table: CsvTable }[];
}

function listCsv(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listCsv(path));
    else if (name.toLowerCase().endsWith(".csv")) out.push(path);
  }
  return out;
}

/** Stage 1, load: finds every CSV under the sources folder and parses it as UTF-8 CSV text. */
export function loadSources(dir: string, problems: ProblemList): RawSources {
  const raw: RawSources = { dir, figureTables: [], sourceTables: [] };
  let files: string[];
  try {
    files = listCsv(dir);
  } catch {
    problems.add({ file: displayPath(dir), rule: "sources folder cannot be read" });
    return raw;
  }
  if (files.length === 0) problems.add({ file: displayPath(dir), rule: "sources folder has no CSV files" });
  const folders = new Set<string>();
  for (const path of files) {
    const folder = relative(dir, dirname(path)).split("\\").join("/");
    const table = readCsvFile(path, displayPath(path), problems);
    const isCatalogue = basename(path) === "sources.csv";
    if (!isCatalogue) folders.add(folder);
    if (!table) continue;
    (isCatalogue ? raw.sourceTables : raw.figureTables).push({ folder, name: basename(path), table });
  }
  for (const folder of folders) {
    const path = join(dir, folder, "sources.csv");
    const exists = files.includes(path);
    if (!exists) problems.add({ file: displayPath(path), rule: "is missing: every folder of figure files needs a sources.csv catalogue" });
  }
  return raw;
}
