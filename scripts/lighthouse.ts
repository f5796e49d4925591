/**
 * npm run lighthouse: Lighthouse (mobile, its default) on one page of every page type and on the heaviest pages,
 * against the built site served locally as a static host would serve it (gzip, and the headers _headers gives each
 * address), in Debian's Chromium with the launch flags of the browser tests. Prints the four category scores and
 * the DOM size per page and writes them to bench-results/lighthouse.json. A measurement, like npm run bench; not a test.
 *   node scripts/lighthouse.ts [--dist dist] [path …]
 * Lighthouse is not a dependency of the project (it is large and only this script uses it): install it beside the
 * project first with `npm install --no-save lighthouse@13.5.0`, or point LIGHTHOUSE_DIR at a folder that has it.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { headersFor, parseHeadersFile } from "../src/lib/headersRules.ts";

const ROOT = resolve(import.meta.dirname, "..");
// As in test/browser/browser.ts.
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".wasm": "application/wasm",
};

const { values, positionals } = parseArgs({ options: { dist: { type: "string", default: "dist" } }, allowPositionals: true });
const dist = resolve(values.dist);

/** One page of each type (the first path segment and depth, as the browser tests group them), and the heaviest named in the issue. */
function defaultPages(): string[] {
  const xml = readFileSync(join(dist, "sitemap.xml"), "utf8");
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!, "http://x").pathname);
  const seen = new Map<string, string>();
  for (const p of paths) {
    const parts = p.split("/").filter(Boolean);
    const type = parts.map((s, i) => (i === 0 ? s : i === 1 && parts[0] === "embed" ? s : "*")).join("/");
    if (!seen.has(type)) seen.set(type, p);
  }
  return [...new Set([...seen.values(), "/indicators/scotland-drug-misuse-deaths/", "/indicators/uk-alcohol-specific-death-rate/", "/indicators/england-drug-poisoning-deaths/", "/indicators/uk-alcohol-specific-death-rate/countries/K02000001/", "/maps/local-authorities/england-drug-poisoning-death-crude-rate/", "/service-provision/waiting-times/"])];
}

async function loadLighthouse() {
  const from = process.env.LIGHTHOUSE_DIR ? join(resolve(process.env.LIGHTHOUSE_DIR), "package.json") : join(ROOT, "package.json");
  const require = createRequire(from);
  try {
    const lighthouse = (await import(pathToFileURL(require.resolve("lighthouse")).href)).default;
    const launcher = await import(pathToFileURL(require.resolve("chrome-launcher")).href);
    return { lighthouse, launch: launcher.launch as (o: { chromePath: string; chromeFlags: string[] }) => Promise<{ port: number; kill: () => Promise<void> }> };
  } catch {
    console.error("lighthouse: Lighthouse is not installed. Run `npm install --no-save lighthouse@13.5.0` (or set LIGHTHOUSE_DIR), then try again.");
    process.exit(1);
  }
}

async function main() {
  const { lighthouse, launch } = await loadLighthouse();
  const rules = parseHeadersFile(readFileSync(join(dist, "_headers"), "utf8"));
  // A static host: the file (a folder's index.html), the _headers rules, and gzip for text (what the budget's bytes assume).
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = join(dist, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      return res.end("not found");
    }
    const ext = extname(file);
    const type = TYPES[ext] ?? "application/octet-stream";
    for (const [name, value] of headersFor(rules, path, "netlify")) res.setHeader(name, value);
    res.setHeader("Content-Type", type);
    res.setHeader("Cache-Control", path.startsWith("/_astro/") ? "public, max-age=31536000, immutable" : "public, max-age=600");
    let body = readFileSync(file);
    if (/^(text|application\/(javascript|json|wasm)|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      body = gzipSync(body);
      res.setHeader("Content-Encoding", "gzip");
    }
    res.setHeader("Content-Length", body.length);
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const chrome = await launch({ chromePath: CHROME, chromeFlags: FLAGS });
  const pages = positionals.length ? positionals : defaultPages();
  const results: { path: string; performance: number; accessibility: number; "best-practices": number; seo: number; domSize: number; failing: string[] }[] = [];
  try {
    for (const path of pages) {
      const r = await lighthouse(`${origin}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
      const lhr = r.lhr;
      // The audits that count towards a category's score (weight above 0) and are below 1.
      const audits = lhr.audits as Record<string, { score: number | null; numericValue?: number }>;
      const categories = lhr.categories as Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
      const failing = [...new Set(Object.values(categories).flatMap((c) => c.auditRefs.filter((a) => a.weight > 0).map((a) => a.id)))]
        .filter((id) => audits[id]?.score !== null && audits[id]?.score !== undefined && audits[id]!.score! < 1)
        .map((id) => `${id} ${audits[id]!.score}`);
      const score = (c: string) => categories[c]?.score ?? 0;
      const row = { path, performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices"), seo: score("seo"), domSize: Number(audits["dom-size-insight"]?.numericValue ?? audits["dom-size"]?.numericValue ?? 0), failing };
      results.push(row);
      console.log(`${row.performance.toFixed(2)} ${row.accessibility.toFixed(2)} ${row["best-practices"].toFixed(2)} ${row.seo.toFixed(2)}  ${String(row.domSize).padStart(5)} elements  ${path}${failing.length ? `  (below 1: ${failing.join(", ")})` : ""}`);
    }
  } finally {
    await chrome.kill();
    server.close();
  }
  mkdirSync(join(ROOT, "bench-results"), { recursive: true });
  writeFileSync(join(ROOT, "bench-results", "lighthouse.json"), `${JSON.stringify({ lighthouse: "13.5.0", formFactor: "mobile", results }, null, 2)}\n`);
  console.log("performance accessibility best-practices seo; written bench-results/lighthouse.json");
}

await main();
