// Site configuration only: static output, served from any folder.
// BASE_PATH lets the same build live in a subfolder (for example /dashboard/); SITE_URL, when known,
// makes permalinks in citations and the sitemap absolute (see src/lib/siteAddress.ts and the README).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import { siteAddress } from "./src/lib/siteAddress.ts";

const { site, base, notice } = siteAddress(process.env);
// PUBLIC_DIR lets tests build from a private copy of public/ (with its own generated data/).
const publicDir = process.env.PUBLIC_DIR ?? "public";

/** Writes sitemap.xml listing every page (absolute when SITE_URL is set, else paths from the site root), and says once when SITE_URL is not set. */
function sitemap() {
  return {
    name: "sitemap",
    hooks: {
      "astro:build:done": ({ dir, pages }) => {
        const prefix = (site ?? "") + base;
        // The not-found page (404.html) is not a page to list.
        const urls = pages.filter((p) => p.pathname !== "404/").map((p) => `${prefix}${p.pathname}`).sort();
        const body = urls.map((u) => `  <url><loc>${u}</loc></url>`).join("\n");
        writeFileSync(new URL("sitemap.xml", dir), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`);
        console.log(`sitemap: ${urls.length} pages in ${fileURLToPath(new URL("sitemap.xml", dir))}`);
        if (notice) console.warn(`note: ${notice}`);
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
  integrations: [sitemap()],
});
