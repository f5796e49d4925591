/**
 * npm run bench: measures the data stage (time and peak memory) on the real sources and on synthetic
 * sources 10× and 100× larger, and writes the results to bench-results/bench.json.
 *   node scripts/bench.ts [--scales 1,10,100]
 *   node scripts/bench.ts --generate DIR --scales 10   (only write synthetic sources, e.g. for profiling)
 *   node scripts/bench.ts --no-site                    (skip the full site build and page weights)
 *   node scripts/bench.ts --workbooks skip             (write empty placeholders instead of the XLSX workbooks)
 * The XLSX workbooks (scripts/pipeline/xlsx.ts) are timed on their own inside the write stage ("workbooks"), so each run
 * also says how long the data stage takes without them; at a scale where they fail (they are built in one child
 * process from one JSON message), the run is repeated with them skipped and the failure is recorded.
 * It also times the full build (data + site, as `npm run build`) on the real sources and reports, per page
 * type, the bytes of HTML, CSS, JS and inline SVG (charts and maps), raw and gzip.
 * Synthetic sources are generated here, into a temporary folder, never into data/: every real row is
 * repeated with its period relabelled "<period> (synthetic k)", so keys stay unique and every check,
 * derivation and output runs exactly as on the real data. They never reach dist/.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { registerHooks } from "node:module";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { csvFormatRows, csvParseRows } from "d3-dsv";

const ROOT = resolve(import.meta.dirname, "..");

interface Run {
  scale: number;
  rows: number;
  sourceBytes: number;
  seconds: number;
  /** The data stage without the XLSX workbooks: seconds minus the workbook step (null when they were skipped). */
  secondsWithoutWorkbooks: number;
  peakRssMb: number;
  stages: Record<string, number>;
  /** "timed" (built, and timed inside the write stage), "skipped" (empty placeholders), or why they failed. */
  workbooks: string;
  workbookSeconds: number | null;
  figures: number;
}

type WorkbookMode = "time" | "skip";

/**
 * Replaces scripts/pipeline/xlsx.ts, for this process only, with a wrapper that times the workbook step (or skips it,
 * writing empty files so the rest of the write stage runs as usual). The wrapper is written into `work`.
 */
function hookWorkbooks(mode: WorkbookMode, work: string): void {
  const real = pathToFileURL(join(ROOT, "scripts", "pipeline", "xlsx.ts")).href;
  const wrapper = join(work, `xlsx-${mode}.mjs`);
  writeFileSync(
    wrapper,
    mode === "skip"
      ? `import { writeFileSync } from "node:fs";\nexport * from "${real}?bench";\nexport function writeIndicatorWorkbooks(jobs) { for (const j of jobs) writeFileSync(j.path, ""); }\nexport function indicatorWorkbook() { return new Uint8Array(0); }\n`
      : `import * as real from "${real}?bench";\nexport * from "${real}?bench";\nexport function writeIndicatorWorkbooks(jobs) { const t = performance.now(); try { return real.writeIndicatorWorkbooks(jobs); } finally { globalThis.benchWorkbookMs = (globalThis.benchWorkbookMs ?? 0) + performance.now() - t; } }\nexport function indicatorWorkbook(input) { const t = performance.now(); try { return real.indicatorWorkbook(input); } finally { globalThis.benchWorkbookMs = (globalThis.benchWorkbookMs ?? 0) + performance.now() - t; } }\n`,
  );
  registerHooks({
    resolve(specifier, context, next) {
      const r = next(specifier, context);
      return r.url === real ? { ...r, url: pathToFileURL(wrapper).href, shortCircuit: true } : r;
    },
  });
}

/** Child mode: run the pipeline once and print timings and peak memory as JSON. */
async function child(sources: string, out: string, mode: WorkbookMode): Promise<void> {
  hookWorkbooks(mode, dirname(out));
  const { runPipeline } = await import("./pipeline/run.ts");
  const stages: Record<string, number> = {};
  const t0 = performance.now();
  const r = runPipeline({ sourcesDir: sources, referenceDir: join(ROOT, "data", "reference"), outDir: out, onStage: (s, ms) => (stages[s] = Math.round(ms)) });
  const seconds = (performance.now() - t0) / 1000;
  const workbookMs = (globalThis as { benchWorkbookMs?: number }).benchWorkbookMs;
  if (workbookMs !== undefined) stages.workbooks = Math.round(workbookMs);
  process.stdout.write(JSON.stringify({ seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), stages, figures: r.figures.length, workbookSeconds: workbookMs === undefined ? null : workbookMs / 1000 }));
}

function listCsv(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listCsv(p) : n.endsWith(".csv") ? [p] : [];
  });
}

/** Writes the real sources repeated `scale` times (scale 1 = a plain copy). Returns rows and bytes. */
function synthesise(scale: number, into: string): { rows: number; bytes: number } {
  const real = join(ROOT, "data", "sources");
  cpSync(real, into, { recursive: true });
  let rows = 0;
  let bytes = 0;
  for (const path of listCsv(into)) {
    if (path.endsWith("sources.csv")) continue;
    const [header, ...body] = csvParseRows(readFileSync(path, "utf8"));
    const periodCol = header!.indexOf("period");
    const outRows: string[][] = [header!];
    for (let k = 0; k < scale; k++) {
      for (const r of body) outRows.push(k === 0 ? r : r.map((c, i) => (i === periodCol ? `${c} (synthetic ${k})` : c)));
    }
    const text = `${csvFormatRows(outRows)}\n`;
    writeFileSync(path, text);
    rows += outRows.length - 1;
    bytes += Buffer.byteLength(text);
  }
  return { rows, bytes };
}

interface PageWeight {
  path: string;
  html: number;
  htmlGzip: number;
  css: number;
  cssGzip: number;
  js: number;
  jsGzip: number;
  svg: number;
  totalGzip: number;
  /** Elements in the page as parsed (start tags, HTML and SVG), as Lighthouse's DOM size counts them. */
  elements: number;
}

/** The elements of an HTML page: its start tags (the build writes no comments, and every `<` in text is escaped). */
function elementCount(html: string): number {
  return (html.match(/<[a-zA-Z][^\s/>]*/g) ?? []).length;
}

/** The page the byte budget names: an indicator page with a choropleth, a trend and a ranked table. */
const BUDGET_PAGE = "/indicators/scotland-drug-misuse-deaths/";

/** Full build (data + site) on the real sources, then the weight of every page, grouped by page type. */
function siteBench(work: string) {
  const publicDir = join(work, "public");
  const dist = join(work, "dist");
  cpSync(join(ROOT, "public"), publicDir, { recursive: true, filter: (src) => !src.startsWith(join(ROOT, "public", "data")) });
  const env = { ...process.env, PUBLIC_DIR: publicDir };
  const t0 = performance.now();
  const data = spawnSync(process.execPath, [join(ROOT, "scripts", "build-data.ts"), "--quiet", "--out", join(publicDir, "data")], { cwd: ROOT, env, encoding: "utf8" });
  if (data.status !== 0) throw new Error(data.stderr);
  const t1 = performance.now();
  const astro = spawnSync(process.execPath, [join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build", "--outDir", dist, "--silent"], { cwd: ROOT, env, encoding: "utf8" });
  if (astro.status !== 0) throw new Error(astro.stderr);
  const t2 = performance.now();
  const gz = (b: Buffer | string) => gzipSync(b).length;
  const assetCache = new Map<string, { raw: number; gzip: number }>();
  const asset = (href: string) => {
    let a = assetCache.get(href);
    if (!a) {
      const buf = readFileSync(join(dist, new URL(href, "http://x/").pathname));
      assetCache.set(href, (a = { raw: buf.length, gzip: gz(buf) }));
    }
    return a;
  };
  const pages: PageWeight[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n === "index.html") {
        const html = readFileSync(p, "utf8");
        const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => asset(m[1]!));
        const js = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => asset(m[1]!));
        const svg = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].reduce((s, m) => s + Buffer.byteLength(m[0]), 0);
        const w = {
          path: `/${relative(dist, d)}/`.replace(/\/+/g, "/"),
          html: Buffer.byteLength(html),
          htmlGzip: gz(html),
          css: css.reduce((s, a) => s + a.raw, 0),
          cssGzip: css.reduce((s, a) => s + a.gzip, 0),
          js: js.reduce((s, a) => s + a.raw, 0),
          jsGzip: js.reduce((s, a) => s + a.gzip, 0),
          svg,
          totalGzip: 0,
          elements: elementCount(html),
        };
        w.totalGzip = w.htmlGzip + w.cssGzip + w.jsGzip;
        pages.push(w);
      }
    }
  };
  walk(dist);
  const typeOf = (path: string) => {
    const parts = path.split("/").filter(Boolean);
    return parts.length === 0 ? "home" : parts.map((s, i) => (i === 0 ? s : "*")).join("/");
  };
  const types = [...new Set(pages.map((p) => typeOf(p.path)))].sort();
  const byType = types.map((type) => {
    const ps = pages.filter((p) => typeOf(p.path) === type).sort((a, b) => b.totalGzip - a.totalGzip);
    const median = ps[Math.floor(ps.length / 2)]!;
    const mostElements = [...ps].sort((a, b) => b.elements - a.elements)[0]!;
    return { type, pages: ps.length, largest: ps[0]!, median: { totalGzip: median.totalGzip, html: median.html, svg: median.svg }, mostElements: { path: mostElements.path, elements: mostElements.elements } };
  });
  const heaviest = [...pages].sort((a, b) => b.totalGzip - a.totalGzip)[0]!;
  const mostElements = [...pages].sort((a, b) => b.elements - a.elements)[0]!;
  const budgetPage = pages.find((p) => p.path === BUDGET_PAGE);
  const result = {
    fullBuildSeconds: +((t2 - t0) / 1000).toFixed(1),
    dataSeconds: +((t1 - t0) / 1000).toFixed(1),
    siteSeconds: +((t2 - t1) / 1000).toFixed(1),
    pages: pages.length,
    pagesWithScripts: pages.filter((p) => p.js > 0).map((p) => p.path),
    heaviestPage: heaviest,
    mostElements: { path: mostElements.path, elements: mostElements.elements },
    pagesOverElementBudget: pages.filter((p) => p.elements > 3000).map((p) => p.path),
    budgetPage,
    budgets: { "page total gzip KB": 150, [`${BUDGET_PAGE} total gzip KB`]: 28, "elements per page": 3000, "full build seconds": 20, "JS needed to read a page": 0 },
    byType,
  };
  console.log(`full build ${result.fullBuildSeconds} s (data ${result.dataSeconds} s, site ${result.siteSeconds} s), ${pages.length} pages`);
  console.log("page type".padEnd(34), "pages".padStart(6), "largest: html raw/gzip KB, css gzip, js gzip, svg raw KB, total gzip KB; most elements");
  const kb = (n: number) => (n / 1024).toFixed(1);
  for (const t of byType) {
    const l = t.largest;
    console.log(t.type.padEnd(34), String(t.pages).padStart(6), `${kb(l.html)}/${kb(l.htmlGzip)}  ${kb(l.cssGzip)}  ${kb(l.jsGzip)}  ${kb(l.svg)}  ${kb(l.totalGzip)}  (${l.path}); ${t.mostElements.elements} elements (${t.mostElements.path})`);
  }
  console.log(`heaviest page: ${heaviest.path} ${kb(heaviest.totalGzip)} KB gzip in total; most elements: ${mostElements.path} ${mostElements.elements} (${result.pagesOverElementBudget.length} pages over 3,000); pages with scripts: ${result.pagesWithScripts.length}`);
  if (budgetPage) console.log(`${BUDGET_PAGE}: ${kb(budgetPage.totalGzip)} KB gzip in total (HTML ${kb(budgetPage.htmlGzip)}, CSS ${kb(budgetPage.cssGzip)}, JS ${kb(budgetPage.jsGzip)}; budget 28), ${budgetPage.elements} elements`);
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scales: { type: "string", default: "1,10,100" }, child: { type: "boolean", default: false }, generate: { type: "string" }, "no-site": { type: "boolean", default: false }, workbooks: { type: "string", default: "time" } },
    allowPositionals: true,
    strict: false,
  });
  if (typeof values.generate === "string") {
    // Only write synthetic sources (for profiling): --generate DIR --scales N
    const { rows } = synthesise(Number(values.scales), resolve(values.generate));
    console.log(`${rows} synthetic rows written to ${values.generate}`);
    return;
  }
  const mode: WorkbookMode = values.workbooks === "skip" ? "skip" : "time";
  if (values.child) {
    const [sources, out] = process.argv.slice(-2);
    await child(sources!, out!, mode);
    return;
  }
  const scales = String(values.scales).split(",").map(Number);
  const work = mkdtempSync(join(tmpdir(), "daw-bench-"));
  const runs: Run[] = [];
  let site: ReturnType<typeof siteBench> | undefined;
  try {
    for (const scale of scales) {
      const sources = join(work, `sources-${scale}x`);
      const { rows, bytes } = synthesise(scale, sources);
      const once = (m: WorkbookMode) => {
        rmSync(join(work, `out-${scale}x`), { recursive: true, force: true });
        return spawnSync(process.execPath, ["--max-old-space-size=16384", import.meta.filename, "--child", "--workbooks", m, sources, join(work, `out-${scale}x`)], { encoding: "utf8", maxBuffer: 1 << 20 });
      };
      let r = once(mode);
      let workbooks = mode === "skip" ? "skipped" : "timed";
      if (r.status !== 0 && mode === "time") {
        // The workbook step fails at this size: record why, and measure the rest of the stage without it.
        workbooks = `failed: ${(/(RangeError|Error): [^\n]*/.exec(r.stderr)?.[0] ?? r.stderr.trim().split("\n").at(-1) ?? "").slice(0, 200)}`;
        r = once("skip");
      }
      if (r.status !== 0) throw new Error(`pipeline failed at ${scale}×: ${r.stderr}`);
      const result = JSON.parse(r.stdout) as Pick<Run, "seconds" | "peakRssMb" | "stages" | "figures" | "workbookSeconds">;
      const secondsWithoutWorkbooks = result.seconds - (result.workbookSeconds ?? 0);
      runs.push({ scale, rows, sourceBytes: bytes, ...result, secondsWithoutWorkbooks, workbooks });
      console.log(`${String(scale).padStart(4)}×  ${String(rows).padStart(9)} rows  ${(bytes / 1e6).toFixed(0).padStart(6)} MB  ${result.seconds.toFixed(2).padStart(7)} s (${secondsWithoutWorkbooks.toFixed(2)} s without workbooks, ${workbooks})  peak ${String(result.peakRssMb).padStart(6)} MB  ${JSON.stringify(result.stages)}`);
      rmSync(sources, { recursive: true, force: true });
      rmSync(join(work, `out-${scale}x`), { recursive: true, force: true });
    }
    if (!values["no-site"]) site = siteBench(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const base = runs[0]!;
  const growth = runs.map((r) => ({
    scale: r.scale,
    timeRatio: +(r.secondsWithoutWorkbooks / base.secondsWithoutWorkbooks).toFixed(2),
    rowsRatio: +(r.rows / base.rows).toFixed(2),
    secondsPerMillionRows: +((r.secondsWithoutWorkbooks / r.rows) * 1e6).toFixed(2),
  }));
  const result = {
    what: "data stage (npm run build:data), in stages; growth is of the stage without the XLSX workbooks",
    machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    targets: { "1x seconds": 1, "10x seconds": 3, "100x seconds": 10, "100x peak memory GB": 4, growth: "no worse than linear (seconds per million rows not rising)" },
    runs,
    growth,
    site,
  };
  mkdirSync(join(ROOT, "bench-results"), { recursive: true });
  writeFileSync(join(ROOT, "bench-results", "bench.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log("growth:", JSON.stringify(growth));
  console.log("written bench-results/bench.json");
}

await main();
