import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { htmlFiles } from "../helpers/files.ts";
import { describe, expect, inject, it } from "vitest";

const dist = inject("distDir");


const ids = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let s = ids.get(file);
  if (!s) {
    s = new Set([...readFileSync(file, "utf8").matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    ids.set(file, s);
  }
  return s;
}

/** The file a site path resolves to in dist (pages are folders with index.html). */
function target(path: string): string | undefined {
  const p = join(dist, decodeURIComponent(path));
  if (path.endsWith("/")) return existsSync(join(p, "index.html")) ? join(p, "index.html") : undefined;
  return existsSync(p) && statSync(p).isFile() ? p : undefined;
}

describe("links", () => {
  it("every internal link, anchor and download in every page resolves", () => {
    const broken: string[] = [];
    for (const file of htmlFiles(dist)) {
      const page = "/" + file.slice(dist.length + 1).replace(/index\.html$/, "");
      const html = readFileSync(file, "utf8");
      for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) {
        if (/^(https?:|mailto:)/.test(href!)) continue;
        const url = new URL(href!.replace(/&amp;/g, "&"), `http://site${page}`);
        const f = target(url.pathname);
        if (!f) broken.push(`${page} → ${href}`);
        else if (url.hash && f.endsWith(".html") && !idsOf(f).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${page} → ${href} (no such anchor)`);
      }
    }
    expect(broken.slice(0, 50)).toEqual([]);
  });
});
