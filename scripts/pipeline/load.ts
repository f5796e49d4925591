/**
 * Stage 1, load: finds every CSV file under the sources folder and reads it as UTF-8 CSV text into columns of codes
 * (csv.ts). The figure files share one dictionary per column name, so a code means the same value in every file.
 * Nothing is checked here but what reading needs: the files, their encoding and their rows' fields.
 */
import { readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { firstInvisible } from "../../src/schemas/text.ts";
import type { CsvColumns } from "./csv.ts";
import { Dictionary } from "./frame.ts";
import { displayPath } from "./paths.ts";
import type { ProblemList } from "./problems.ts";
import { linkProblem, readCsvFile } from "./tables.ts";

/** One CSV file of the sources folder. */
export interface LoadedFile {
  /** Path shown in messages. */
  file: string;
  /** Folder of the file relative to the sources folder (its sources.csv applies). */
  folder: string;
  name: string;
  /** Where the rows live, independent of the working directory: "sources/<folder>/<file>". */
  sourceFile: string;
  table: CsvColumns;
}

/** The raw source files: figure tables and the sources catalogue of each folder. */
export interface RawSources {
  dir: string;
  /** Figure files, sorted by path. */
  figureFiles: LoadedFile[];
  /** One sources.csv per folder that has figure files. */
  catalogues: LoadedFile[];
  /** The dictionary of each column of the figure files. */
  dictionaries: Map<string, Dictionary>;
}

/** Every CSV file below the folder (sorted), following links only within it; a problem for every link that leaves the folder, dangles or loops. */
function listCsv(root: string, problems: ProblemList): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      real = dir;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      problems.add({ file: displayPath(dir), rule: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const isCsv = entry.name.toLowerCase().endsWith(".csv");
      if (entry.isSymbolicLink()) {
        const link = linkProblem(path, root);
        if (link) {
          // Every such link is refused, whatever its name: a link to a folder of CSV files can have a dot in its
          // name, and skipping it would lose those files without a word.
          problems.add({ file: displayPath(path), rule: link });
          continue;
        }
        const target = statSync(path);
        if (target.isDirectory()) walk(path);
        else if (isCsv && target.isFile()) out.push(path);
      } else if (entry.isDirectory()) walk(path);
      else if (isCsv && entry.isFile()) out.push(path);
    }
  };
  walk(root);
  return out;
}

/** Stage 1, load: finds every CSV under the sources folder and parses it as UTF-8 CSV text. */
export function loadSources(dir: string, problems: ProblemList): RawSources {
  const dictionaries = new Map<string, Dictionary>();
  const dictionaryFor = (column: string) => dictionaries.get(column) ?? dictionaries.set(column, new Dictionary()).get(column)!;
  const raw: RawSources = { dir, figureFiles: [], catalogues: [], dictionaries };
  try {
    if (!statSync(dir).isDirectory()) {
      problems.add({ file: displayPath(dir), rule: "is not a folder; give the folder of the source files" });
      return raw;
    }
  } catch (e) {
    problems.add({ file: displayPath(dir), rule: (e as NodeJS.ErrnoException).code === "ENOENT" ? "sources folder does not exist" : `sources folder cannot be read (${(e as NodeJS.ErrnoException).code})` });
    return raw;
  }
  const files = listCsv(dir, problems);
  if (files.length === 0 && problems.empty) problems.add({ file: displayPath(dir), rule: "sources folder has no CSV files" });
  const folders = new Set<string>();
  const catalogues = new Set<string>();
  for (const path of files) {
    const rel = relative(dir, path).split(sep).join("/");
    const name = rel.slice(rel.lastIndexOf("/") + 1);
    const folder = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
    const file = displayPath(path);
    const invisible = firstInvisible(rel);
    if (invisible) {
      problems.add({ file, rule: `has a name with an invisible character, ${invisible}; rename the file` });
      continue;
    }
    const isCatalogue = name === "sources.csv";
    if (isCatalogue) catalogues.add(folder);
    else folders.add(folder);
    const table = readCsvFile(path, dir, file, problems, isCatalogue ? undefined : dictionaryFor);
    if (!table) continue;
    const loaded = { file, folder, name, sourceFile: ["sources", folder, name].filter((x) => x !== "").join("/"), table };
    (isCatalogue ? raw.catalogues : raw.figureFiles).push(loaded);
  }
  for (const folder of [...folders].sort()) {
    if (!catalogues.has(folder)) problems.add({ file: displayPath(join(dir, folder, "sources.csv")), rule: "is missing: every folder of figure files needs a sources.csv catalogue" });
  }
  return raw;
}
