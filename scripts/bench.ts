/**
 * npm run bench: measures the data stage (time and peak memory) on the real sources and on synthetic
 * sources 10× and 100× larger, and writes the results to bench-results/bench.json.
 *   node scripts/bench.ts [--scales 1,10,100]
 *   node scripts/bench.ts --generate DIR --scales 10   (only write synthetic sources, e.g. for profiling)
 * Synthetic sources are generated here, into a temporary folder, never into data/: every real row is
 * repeated with its period relabelled "<period> (synthetic k)", so keys stay unique and every check,
 * derivation and output runs exactly as on the real data. They never reach dist/.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import { runPipeline } from "./pipeline/run.ts";

const ROOT = resolve(import.meta.dirname, "..");

interface Run {
  scale: number;
  rows: number;
  sourceBytes: number;
  seconds: number;
  peakRssMb: number;
  stages: Record<string, number>;
  figures: number;
}

/** Child mode: run the pipeline once and print timings and peak memory as JSON. */
function child(sources: string, out: string): void {
  const stages: Record<string, number> = {};
  const t0 = performance.now();
  const r = runPipeline({ sourcesDir: sources, referenceDir: join(ROOT, "data", "reference"), outDir: out, onStage: (s, ms) => (stages[s] = Math.round(ms)) });
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({ seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), stages, figures: r.figures.length }));
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

function main(): void {
  const { values } = parseArgs({
    options: { scales: { type: "string", default: "1,10,100" }, child: { type: "boolean", default: false }, generate: { type: "string" } },
    allowPositionals: true,
    strict: false,
  });
  if (typeof values.generate === "string") {
    // Only write synthetic sources (for profiling): --generate DIR --scales N
    const { rows } = synthesise(Number(values.scales), resolve(values.generate));
    console.log(`${rows} synthetic rows written to ${values.generate}`);
    return;
  }
  if (values.child) {
    const [sources, out] = process.argv.slice(-2);
    child(sources!, out!);
    return;
  }
  const scales = String(values.scales).split(",").map(Number);
  const work = mkdtempSync(join(tmpdir(), "daw-bench-"));
  const runs: Run[] = [];
  try {
    for (const scale of scales) {
      const sources = join(work, `sources-${scale}x`);
      const { rows, bytes } = synthesise(scale, sources);
      const r = spawnSync(process.execPath, ["--max-old-space-size=16384", import.meta.filename, "--child", sources, join(work, `out-${scale}x`)], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      });
      if (r.status !== 0) throw new Error(`pipeline failed at ${scale}×: ${r.stderr}`);
      const result = JSON.parse(r.stdout) as Omit<Run, "scale" | "rows" | "sourceBytes">;
      runs.push({ scale, rows, sourceBytes: bytes, ...result });
      console.log(`${String(scale).padStart(4)}×  ${String(rows).padStart(9)} rows  ${(bytes / 1e6).toFixed(0).padStart(6)} MB  ${result.seconds.toFixed(2).padStart(7)} s  peak ${String(result.peakRssMb).padStart(6)} MB  ${JSON.stringify(result.stages)}`);
      rmSync(sources, { recursive: true, force: true });
      rmSync(join(work, `out-${scale}x`), { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const base = runs[0]!;
  const growth = runs.map((r) => ({ scale: r.scale, timeRatio: +(r.seconds / base.seconds).toFixed(2), rowsRatio: +(r.rows / base.rows).toFixed(2), secondsPerMillionRows: +((r.seconds / r.rows) * 1e6).toFixed(2) }));
  const result = {
    what: "data stage (npm run build:data): load, validate, harmonise, check, derive, write",
    machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    targets: { "100x seconds": 10, growth: "no worse than linear (seconds per million rows not rising)" },
    runs,
    growth,
  };
  mkdirSync(join(ROOT, "bench-results"), { recursive: true });
  writeFileSync(join(ROOT, "bench-results", "bench.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log("growth:", JSON.stringify(growth));
  console.log("written bench-results/bench.json");
}

main();
