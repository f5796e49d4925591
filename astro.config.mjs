// Site configuration only: static output, served from any folder.
// BASE_PATH lets the same build live in a subfolder (for example /dashboard/); SITE_URL, when known,
// makes permalinks in citations and the sitemap absolute (see src/lib/siteAddress.ts and the README).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import { siteAddress } from "./src/lib/siteAddress.ts";
import { headersFile } from "./src/lib/security.ts";
import { chartFiles, onChartFile } from "./src/charts/files.ts";
import { defaultCacheDir, pngWriter } from "./src/charts/png.ts";

const { site, base, notice } = siteAddress(process.env);
// The pages read their base path from import.meta.env.BASE_URL, and an environment variable of that name (vitest
// sets BASE_URL=/ in its workers, and so may a CI runner) would take its place in them: every link would lose the
// folder while the stylesheets kept it. The base path is given by BASE_PATH or SITE_URL only.
delete process.env.BASE_URL;
// PUBLIC_DIR lets tests build from a private copy of public/ (with its own generated data/).
const publicDir = process.env.PUBLIC_DIR ?? "public";

/** Writes sitemap.xml listing every page (absolute when SITE_URL is set, else paths from the site root), and says once when SITE_URL is not set. */
function sitemap() {
  return {
    name: "sitemap",
    hooks: {
      "astro:build:done": ({ dir, pages }) => {
        const prefix = (site ?? "") + base;
        // The not-found page (404.html) is not a page to list, nor is a page that only redirects (an ADP's other code
        // sends the reader to its profile): a sitemap lists the addresses to read.
        const redirects = (p) => readFileSync(new URL(`${p.pathname}index.html`, dir), "utf8").includes('<meta http-equiv="refresh"');
        const urls = pages.filter((p) => p.pathname !== "404/" && !redirects(p)).map((p) => `${prefix}${p.pathname}`).sort();
        const body = urls.map((u) => `  <url><loc>${u}</loc></url>`).join("\n");
        writeFileSync(new URL("sitemap.xml", dir), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`);
        console.log(`sitemap: ${urls.length} pages in ${fileURLToPath(new URL("sitemap.xml", dir))}`);
        if (notice) console.warn(`note: ${notice}`);
      },
    },
  };
}

/**
 * The charts' and maps' SVG and PNG downloads, registered while the pages are rendered (src/charts/files.ts): PNGs are
 * drawn as soon as their chart is registered, and every file is written into the build when it is done (png.ts).
 * CHART_PNG_CACHE=off draws every PNG afresh; the output is the same either way.
 */
function chartFileWriter() {
  let writer;
  let t0 = 0;
  return {
    name: "chart-files",
    hooks: {
      "astro:build:start": () => {
        t0 = performance.now();
        const cacheDir = process.env.CHART_PNG_CACHE === "off" ? undefined : defaultCacheDir(fileURLToPath(new URL(".", import.meta.url)));
        writer = pngWriter({ cacheDir });
        chartFiles().clear();
        onChartFile((f) => writer.start(f));
      },
      "astro:build:done": async ({ dir }) => {
        const t1 = performance.now();
        const r = await writer.finish(fileURLToPath(dir), chartFiles().values());
        onChartFile(undefined);
        console.log(`chart files: ${r.svgs} SVG and ${r.pngs} PNG (${r.cached} from the cache); ${((performance.now() - t1) / 1000).toFixed(1)} s after the pages, ${((performance.now() - t0) / 1000).toFixed(1)} s since the build started`);
      },
    },
  };
}

/** Writes _headers (security headers and framing rules for hosts that read it) from src/lib/security.ts. */
function securityHeaders() {
  return {
    name: "security-headers",
    hooks: {
      "astro:build:done": ({ dir }) => {
        const entries = readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() }));
        writeFileSync(new URL("_headers", dir), headersFile(base, entries));
      },
    },
  };
}

export default defineConfig({
  output: "static",
  publicDir,
  base,
  site,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Never inline a script or asset into the page: the Content-Security-Policy allows only files ('self').
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [sitemap(), chartFileWriter(), securityHeaders()],
});
