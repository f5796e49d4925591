// Site configuration only: static output, served from any folder.
// BASE_PATH lets the same build live in a subfolder (for example /dashboard/); SITE_URL, when known,
// makes permalinks and the sitemap absolute.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";

const base = process.env.BASE_PATH ?? "/";
const site = process.env.SITE_URL || undefined;
// PUBLIC_DIR lets tests build from a private copy of public/ (with its own generated data/).
const publicDir = process.env.PUBLIC_DIR ?? "public";

/** Writes sitemap.xml listing every page (absolute when SITE_URL is set, else paths from the site root). */
function sitemap() {
  return {
    name: "sitemap",
    hooks: {
      "astro:build:done": ({ dir, pages }) => {
        const prefix = (site ?? "").replace(/\/$/, "") + base.replace(/\/?$/, "/");
        const urls = pages.map((p) => `${prefix}${p.pathname}`).sort();
        const body = urls.map((u) => `  <url><loc>${u}</loc></url>`).join("\n");
        writeFileSync(new URL("sitemap.xml", dir), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`);
        console.log(`sitemap: ${urls.length} pages in ${fileURLToPath(new URL("sitemap.xml", dir))}`);
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
  integrations: [sitemap()],
});
