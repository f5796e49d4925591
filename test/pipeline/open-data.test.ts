/**
 * The open data as standard tools read it, on the real sources: the data package in the Frictionless reference library
 * (datapackage on npm), the Parquet copy in a Parquet reader (hyparquet), and the JSON API against its schemas and
 * against the figures the pipeline assembled. Runs the real pipeline once, in a temporary folder.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { csvParse } from "d3-dsv";
import { Package } from "datapackage";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPipeline, type PipelineResult } from "../../scripts/pipeline/run.ts";
import { readFigures } from "../../src/data/site.ts";
import { ApiAreaFile, ApiIndex, ApiIndicatorFile, apiPaths } from "../../src/schemas/api.ts";
import { packageTables } from "../../src/schemas/dictionary.ts";
import { FIGURE_TABLE_COLUMNS } from "../../src/schemas/figure.ts";
import { ROOT } from "../browser/build.ts";
import { copyFixture, run } from "../helpers/fixtures.ts";
import { listFiles } from "../helpers/files.ts";

const tmp = mkdtempSync(join(tmpdir(), "daw-open-data-"));
const out = join(tmp, "data");
let result: PipelineResult;

beforeAll(() => {
  result = runPipeline({ sourcesDir: join(ROOT, "data", "sources"), referenceDir: join(ROOT, "data", "reference"), releasesDir: join(ROOT, "data", "releases"), outDir: out });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (p: string) => readFileSync(join(out, p), "utf8");
const json = (p: string): unknown => JSON.parse(read(p));

describe("the data package in the Frictionless reference library", () => {
  it("is a valid descriptor: every CSV is a tabular resource with its dialect, schema and primary key; sizes and hashes are right", async () => {
    const pkg = await Package.load(join(out, "datapackage.json"), { basePath: out });
    expect(pkg.errors.map(String)).toEqual([]);
    expect(pkg.valid).toBe(true);
    // The descriptor as written (the library expands it when it loads it).
    const written = (json("datapackage.json") as { resources: (typeof pkg.resources)[number]["descriptor"][] }).resources;
    expect(written.map((d) => d.path)).toEqual(pkg.resources.map((r) => r.descriptor.path));
    for (const d of written) {
      const bytes = readFileSync(join(out, d.path!));
      expect([d.path, d.bytes, d.hash]).toEqual([d.path, bytes.length, `sha256:${createHash("sha256").update(bytes).digest("hex")}`]);
      if (d.format !== "csv") {
        expect(d.profile, d.path).toBe("data-resource");
        continue;
      }
      expect(d.profile, d.path).toBe("tabular-data-resource");
      // Declared, so nothing has to sniff the delimiter (the " | " inside source_location fooled the library before).
      expect(d.dialect, d.path).toEqual({ delimiter: ",", doubleQuote: true, quoteChar: '"', lineTerminator: "\n", header: true, skipInitialSpace: false });
      const schema = json(d.schema as string) as { primaryKey: string[]; fields: { name: string }[] };
      expect(schema.primaryKey.length, d.path).toBeGreaterThan(0);
      // The schema's fields are the file's header, in order.
      expect(schema.fields.map((f) => f.name), d.path).toEqual(read(d.path!).split("\n")[0]!.split(","));
    }
    // The tables a researcher needs to join and re-aggregate are all there.
    const names = pkg.resources.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(["figures", "notes", "sources", "areas", "council-area-to-health-board", "council-area-to-adp-phs", "council-area-to-adp-sg", "utla-to-region", "indicators", "indicator-measures", "headline-rules", "datasets", "breakdown-taxonomy", "changelog", "figures-parquet", "api-index"]),
    );
    expect(pkg.descriptor.licenses).toEqual([expect.objectContaining({ name: "OGL-UK-3.0" })]);
    expect((pkg.descriptor.sources as unknown[]).length).toBeGreaterThan(50);
  });

  it("reads and casts every row of every tabular resource, and every foreign key resolves", { timeout: 600_000 }, async () => {
    const pkg = await Package.load(join(out, "datapackage.json"), { basePath: out });
    const tabular = pkg.resources.filter((r) => r.descriptor.profile === "tabular-data-resource");
    expect(tabular.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let keys = 0;
    for (const r of tabular) {
      keys += (r.descriptor.schema as { foreignKeys?: unknown[] }).foreignKeys?.length ?? 0;
      try {
        const rows = await r.read({ keyed: true, cast: true, relations: true });
        const expected = csvParse(read(r.descriptor.path!)).length;
        if (rows.length !== expected) failures.push(`${r.name}: read ${rows.length} rows of ${expected}`);
      } catch (e) {
        const err = e as Error & { errors?: Error[]; rowNumber?: number };
        failures.push(`${r.name}: ${err.message}${err.rowNumber ? ` (row ${err.rowNumber})` : ""} ${(err.errors ?? []).slice(0, 3).map(String).join("; ")}`);
      }
    }
    expect(failures).toEqual([]);
    // Every key the dictionary declares reached the library, and figures refer to indicators, datasets, areas, sources and notes.
    expect(keys).toBe(packageTables().reduce((n, t) => n + t.foreignKeys.length, 0));
    const figureKeys = (pkg.getResource("figures")!.descriptor.schema as { foreignKeys: { fields: string[]; reference: { resource: string } }[] }).foreignKeys;
    expect(figureKeys.map((k) => [k.fields.join("+"), k.reference.resource])).toEqual([
      ["indicator_id", "indicators"],
      ["dataset_id", "datasets"],
      ["geography_level+area_code", "areas"],
      ["source_id", "sources"],
      ["note_id", "notes"],
    ]);
  });

  it("reports a foreign key that does not resolve (the check is not vacuous)", async () => {
    const f = copyFixture();
    try {
      run(f.sources, f.reference, f.out, join(f.dir, "releases"));
      const pkg = await Package.load(join(f.out, "datapackage.json"), { basePath: f.out });
      await expect(pkg.getResource("figures")!.read({ keyed: true, cast: true, relations: true })).resolves.toHaveLength(csvParse(readFileSync(join(f.out, "figures.csv"), "utf8")).length);
      const path = join(f.out, "figures.csv");
      const lines = readFileSync(path, "utf8").split("\n");
      const header = lines[0]!.split(",");
      const cells = lines[1]!.split(",");
      expect(cells).toHaveLength(header.length); // the first row has no quoted commas to split wrongly
      cells[header.indexOf("source_id")] = "NO-SUCH-SOURCE";
      lines[1] = cells.join(",");
      writeFileSync(path, lines.join("\n"));
      const again = await Package.load(join(f.out, "datapackage.json"), { basePath: f.out });
      await expect(again.getResource("figures")!.read({ keyed: true, cast: true, relations: true })).rejects.toThrow(/Foreign key "source_id" violation in row 2/);
    } finally {
      f.cleanup();
    }
  });

  it("keys every figure's measure to the indicator–measure map (the one key the library cannot check, see dictionary.ts)", () => {
    const measures = new Set(csvParse(read("indicator_measures.csv")).map((m) => `${m.indicator_id}|${m.dataset_id}|${m.measure}`));
    const figures = csvParse(read("figures.csv"));
    expect(figures.filter((f) => !measures.has(`${f.indicator_id}|${f.dataset_id}|${f.measure}`)).map((f) => f.figure_id)).toEqual([]);
  });

  it("has the crosswalks in both ADP conventions, a parent for every council area and every upper-tier authority", () => {
    const areas = csvParse(read("areas.csv"));
    const councils = areas.filter((a) => a.geography_level === "council_area").map((a) => a.area_code).sort();
    const utlas = areas.filter((a) => a.geography_level === "utla" && a.parent_level === "region").map((a) => a.area_code).sort();
    expect(councils).toHaveLength(32);
    for (const [file, level, parents] of [
      ["council_area_to_health_board.csv", "health_board", 14],
      ["council_area_to_adp_phs.csv", "adp", 31],
      ["council_area_to_adp_sg.csv", "adp", 30],
    ] as const) {
      const rows = csvParse(read(`crosswalks/${file}`));
      expect(rows.map((r) => r.area_code).sort(), file).toEqual(councils);
      expect(new Set(rows.map((r) => r.parent_code)).size, file).toBe(parents);
      expect(new Set(rows.map((r) => r.parent_level)), file).toEqual(new Set([level]));
    }
    expect(csvParse(read("crosswalks/council_area_to_adp_sg.csv")).every((r) => r.parent_code!.startsWith("adp-"))).toBe(true);
    expect(csvParse(read("crosswalks/utla_to_region.csv")).map((r) => r.area_code).sort()).toEqual(utlas);
  });

  it("gives each source's citation once, in sources.csv, not on every figure", () => {
    expect(read("figures.csv").split("\n")[0]).not.toMatch(/source_title|source_url|source_publisher|source_licence/);
    const sources = csvParse(read("sources.csv"));
    expect(new Set(sources.map((s) => s.source_id)).size).toBe(sources.length);
    expect(new Set(csvParse(read("figures.csv")).map((f) => f.source_id)).size).toBeLessThanOrEqual(sources.length);
  });
});

describe("the Parquet copy of the figures table", () => {
  it("reads back in a Parquet reader with the columns, ids, values, statuses and sources of figures.csv, in order", async () => {
    const bytes = readFileSync(join(out, "figures.parquet"));
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const meta = parquetMetadata(file);
    expect(meta.schema.slice(1).map((c) => c.name)).toEqual([...FIGURE_TABLE_COLUMNS]);
    expect(Number(meta.num_rows)).toBe(result.figures.length);
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    const csv = csvParse(read("figures.csv"));
    expect(rows).toHaveLength(csv.length);
    const mismatches: string[] = [];
    rows.forEach((p, i) => {
      const c = csv[i]!;
      const got = [p.figure_id, p.value, p.status, p.source_id, p.preferred, p.period_start instanceof Date ? p.period_start.toISOString().slice(0, 10) : p.period_start, p.source_line];
      const want = [c.figure_id, c.value === "" ? null : Number(c.value), c.status, c.source_id, c.preferred === "true", c.period_start === "" ? null : c.period_start, Number(c.source_line)];
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${i}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

describe("the JSON API", () => {
  it("has an index and one file per indicator and per area, each matching its schema", () => {
    const index = ApiIndex.parse(json(apiPaths.index));
    expect(index.indicators.map((i) => i.indicator_id).sort()).toEqual([...new Set(result.figures.map((f) => f.indicator_id))].sort());
    const areas = new Set(result.figures.map((f) => `${f.geography_level}/${f.area_code}`));
    expect(index.areas.map((a) => `${a.geography_level}/${a.area_code}`).sort()).toEqual([...areas].sort());
    let inAreas = 0;
    for (const a of index.areas) {
      expect(a.path).toBe(apiPaths.area(a.geography_level, a.area_code));
      const file = ApiAreaFile.parse(json(a.path));
      expect(file.figures.every((f) => f.geography_level === a.geography_level && f.area_code === a.area_code)).toBe(true);
      expect(file.figures).toHaveLength(a.figure_count);
      inAreas += file.figures.length;
    }
    expect(inAreas).toBe(result.figures.length);
    for (const i of index.indicators) {
      const file = ApiIndicatorFile.parse(json(i.path));
      expect(file.figures).toHaveLength(i.figure_count);
    }
    // The JSON Schemas are there for readers in other languages.
    for (const s of Object.values(index.files.schemas)) expect((json(s) as { $schema: string }).$schema).toMatch(/json-schema\.org/);
  });

  it("gives back exactly the figures the pipeline assembled, through the site's own loader", () => {
    const { release_id, figures } = readFigures(out);
    expect(release_id).toBe(JSON.parse(readFileSync(join(ROOT, "data", "reference", "release.json"), "utf8")).id);
    expect(figures).toEqual(result.figures);
  });

  it("replaces the 52 MB figures.json with files of a few MB at most", () => {
    const files = listFiles(join(out, "api")).map((p) => ({ p: relative(out, p), bytes: readFileSync(p).length }));
    expect(files.length).toBeGreaterThan(300);
    expect(files.filter((f) => f.bytes > 5 * 1024 * 1024)).toEqual([]);
    expect(listFiles(out).map((p) => relative(out, p))).not.toContain("figures.json");
  });
});
