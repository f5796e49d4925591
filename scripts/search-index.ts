/**
 * The site search index: Pagefind (https://pagefind.app) over a built site, written into <site>/pagefind/.
 * A step of scripts/build-site.ts, run on the temporary build folder before it is swapped into place.
 *   node scripts/search-index.ts SITE_DIR
 *
 * It indexes one short document per area profile, indicator and topic (src/lib/search.ts, from the data in
 * <site>/data) and the site's own pages as built, without their tables, charts and navigation. Documents are added
 * in a fixed order, so the same site gives the same index, byte for byte. Only the files the search needs are
 * written (not Pagefind's ready-made interfaces).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import * as pagefind from "pagefind";
import { readFigures } from "../src/data/site.ts";
import { SiteRegistry } from "../src/schemas/site.ts";
import { SEARCH_EXCLUDED_SELECTORS, asSearchPage, isSearchedPage, searchDocuments } from "../src/lib/search.ts";
import { areaDirectory } from "../src/lib/views/az.ts";

/** Pagefind's own search interfaces: this site has its own (src/scripts/search.ts), so they are not published. */
const NOT_PUBLISHED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

function htmlPages(dir: string, root = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return name === "pagefind" || name === "_astro" ? [] : htmlPages(p, root);
      return name === "index.html" ? [relative(root, dir).split("\\").join("/")] : [];
    });
}

export interface SearchIndexResult {
  documents: number;
  pages: number;
  files: number;
  bytes: number;
}

/** Builds the search index of the site in `siteDir` and writes it to `siteDir`/pagefind. */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const registry = SiteRegistry.parse(JSON.parse(readFileSync(join(siteDir, "data", "site", "registry.json"), "utf8")));
  const { figures } = readFigures(join(siteDir, "data"));
  const docs = searchDocuments(areaDirectory(registry.areas, registry.indicators, figures), registry.indicators);
  const pages = htmlPages(siteDir).filter(isSearchedPage);

  const fail = (what: string, errors: string[]) => {
    if (errors.length > 0) throw new Error(`search index: ${what}: ${errors.join("; ")}`);
  };
  const { index, errors } = await pagefind.createIndex({ rootSelector: "main", excludeSelectors: SEARCH_EXCLUDED_SELECTORS, forceLanguage: "en" });
  try {
    fail("could not start Pagefind", errors);
    if (!index) throw new Error("search index: Pagefind gave no index");
    for (const d of docs) fail(d.url, (await index.addHTMLFile({ url: d.url, content: d.html })).errors);
    for (const p of pages) {
      const url = `/${p === "" ? "" : `${p}/`}`;
      fail(url, (await index.addHTMLFile({ url, content: asSearchPage(readFileSync(join(siteDir, p, "index.html"), "utf8")) })).errors);
    }
    const got = await index.getFiles();
    fail("could not build the index", got.errors);
    const out = join(siteDir, "pagefind");
    rmSync(out, { recursive: true, force: true });
    let bytes = 0;
    let files = 0;
    for (const f of [...got.files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      if (NOT_PUBLISHED.test(f.path)) continue;
      const target = join(out, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.content);
      bytes += f.content.length;
      files++;
    }
    return { documents: docs.length, pages: pages.length, files, bytes };
  } finally {
    await pagefind.close();
  }
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/search-index.ts SITE_DIR");
    process.exit(2);
  }
  const r = await writeSearchIndex(dir);
  console.log(`search: ${r.documents} areas, indicators and topics and ${r.pages} pages indexed; ${r.files} files, ${(r.bytes / 1024).toFixed(0)} KB`);
}
