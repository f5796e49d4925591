import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file below a folder (absolute paths, sorted). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? listFiles(p) : [p];
    });
}

/** Every .html file below a folder. */
export function htmlFiles(dir: string): string[] {
  return listFiles(dir).filter((p) => p.endsWith(".html"));
}

/** A folder's files and their bytes (as latin1 text, to compare byte for byte), keyed by relative path. */
export function treeOf(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((p) => [relative(dir, p), readFileSync(p, "latin1")]));
}
