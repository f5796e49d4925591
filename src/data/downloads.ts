/** The downloadable files with their sizes and checksums, read from the built data folder. */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { dataDir } from "./site.ts";

export interface Download {
  path: string;
  bytes: number;
  sha256: string;
}

/** Every file listed in SHA256SUMS, with its size. */
export function downloads(): Download[] {
  const dir = dataDir();
  return readFileSync(join(dir, "SHA256SUMS"), "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [sha256, path] = line.split("  ") as [string, string];
      return { path, sha256, bytes: statSync(join(dir, path)).size };
    });
}

/** The same files by path. */
export function downloadsByPath(): Map<string, Download> {
  return new Map(downloads().map((d) => [d.path, d]));
}

export function humanBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
