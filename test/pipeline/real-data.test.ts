import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { listFiles, treeOf } from "../helpers/files.ts";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { csvParse } from "d3-dsv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MARKER } from "../../scripts/pipeline/atomicFolder.ts";

// The real published sources through the real CLI (npm run build:data), in a temporary folder.
const ROOT = join(import.meta.dirname, "..", "..");
const NODE = process.execPath;
const tmp = mkdtempSync(join(tmpdir(), "daw-real-"));
const out1 = join(tmp, "out1");
const out2 = join(tmp, "out2");

function buildData(args: string[]) {
  return spawnSync(NODE, [join(ROOT, "scripts", "build-data.ts"), "--quiet", ...args], { cwd: ROOT, encoding: "utf8" });
}

beforeAll(() => {
  for (const out of [out1, out2]) {
    const r = buildData(["--out", out]);
    if (r.status !== 0) throw new Error(`build:data failed: ${r.stderr}`);
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the pipeline on the real sources", () => {
  it("round trip: every row of every file in data/sources is in figures.csv with the same value, status and source", () => {
    const figures = csvParse(readFileSync(join(out1, "figures.csv"), "utf8"));
    const byKey = new Map<string, number>();
    for (const f of figures) {
      const key = [f.source_file, f.source_line].join(":");
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    const index = new Map(figures.map((f) => [`${f.source_file}:${f.source_line}`, f]));
    const sourcesDir = join(ROOT, "data", "sources");
    let rows = 0;
    for (const path of listFiles(sourcesDir).filter((p) => p.endsWith(".csv") && !p.endsWith("sources.csv"))) {
      const rel = `sources/${relative(sourcesDir, path).split("\\").join("/")}`;
      const text = readFileSync(path, "utf8");
      // Line numbers: count physical lines, since quoted fields may hold newlines.
      const parsed = csvParse(text);
      let line = 2;
      const lines: number[] = [];
      for (const r of parsed) {
        lines.push(line);
        line += 1 + Object.values(r).reduce((n, v) => n + ((v ?? "").match(/\n/g)?.length ?? 0), 0);
      }
      parsed.forEach((src, i) => {
        const f = index.get(`${rel}:${lines[i]}`);
        expect(f, `${rel}:${lines[i]} is missing from figures.csv`).toBeDefined();
        expect([f!.value, f!.status, f!.source_id, f!.dataset_id, f!.measure, f!.area_code, f!.period]).toEqual([
          src.value,
          src.status,
          src.source_id,
          src.dataset_id,
          src.measure,
          src.area_code,
          src.period,
        ]);
        rows++;
      });
    }
    expect(rows).toBeGreaterThan(29000);
    // Each source row appears exactly once; the rest are derived figures.
    expect([...byKey.entries()].filter(([k, n]) => k.startsWith("sources/") && n > 1)).toEqual([]);
    expect(figures.filter((f) => f.source_file!.startsWith("sources/"))).toHaveLength(rows);
  });

  it("is deterministic: two runs give byte-identical outputs", () => {
    const a = treeOf(out1);
    const b = treeOf(out2);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) expect(b[k] === a[k], `${k} differs between runs`).toBe(true);
  });

  it("every file in the output is listed in SHA256SUMS", () => {
    const listed = readFileSync(join(out1, "SHA256SUMS"), "utf8").trim().split("\n").map((l) => l.split("  ")[1]).sort();
    // The marker of the output folder (scripts/pipeline/atomicFolder.ts) is bookkeeping, not data.
    const files = listFiles(out1).map((p) => relative(out1, p)).filter((p) => p !== "SHA256SUMS" && p !== MARKER).sort();
    expect(listed).toEqual(files);
  });

  it("a malformed copy of the sources fails with file and line, exits non-zero and leaves the previous output in place", () => {
    const copy = join(tmp, "sources-bad");
    cpSync(join(ROOT, "data", "sources"), copy, { recursive: true });
    const file = join(copy, "scotland", "workforce.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    lines[13] = lines[13]!.replace(",48.7,published", ',"48,7",published');
    writeFileSync(file, lines.join("\n"));
    const before = treeOf(out1);
    const r = buildData(["--sources", copy, "--out", out1]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`workforce.csv:14: column value: "48,7" is not a number`);
    expect(treeOf(out1)).toEqual(before);
    expect(readFileSync(`${out1}-problems.txt`, "utf8")).toContain("1 problem in the inputs; nothing was written.");
  });
});
