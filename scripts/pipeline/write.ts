import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { indicatorCsvFields, packageTables } from "../../src/schemas/dictionary.ts";
import { FIGURE_TABLE_COLUMNS, type Figure, type FigureTableColumn, INDICATOR_CSV_COLUMNS } from "../../src/schemas/figure.ts";
import type { SiteRegistry } from "../../src/schemas/site.ts";
import { CsvWriter, HashingWriter, type WrittenFile } from "./csvWrite.ts";
import { changelogMarkdown, type ReleaseLog } from "./changelog.ts";
import { figureRows, groupIndices, type FigureInput } from "./figureRows.ts";
import { writeJsonApi } from "./jsonApi.ts";
import { dataPackageDescriptor, noteId, type OtherResource, referenceTableRows, tableSchema } from "./package.ts";
import { figuresParquet } from "./parquet.ts";
import type { Reference } from "./reference.ts";
import { indicatorWorkbook } from "./xlsx.ts";

/** A figure field as a CSV cell: arrays joined with ";", booleans as true/false, value as published, notes by id. */
function cell(f: Figure, column: FigureTableColumn | keyof Figure): string {
  if (column === "value") return f.value_text;
  if (column === "note_id") return f.notes === "" ? "" : noteId(f.notes);
  const v = f[column];
  if (Array.isArray(v)) return v.join(";");
  if (v === null) return "";
  return String(v);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? listFiles(p) : [p];
    });
}

/**
 * A file written in small chunks and hashed on the way: the JSON API keeps a few hundred of these open at once, so each
 * holds at most about 256 KB before it writes.
 */
class StreamFile {
  private readonly fd: number;
  private readonly hash = createHash("sha256");
  private pending: string[] = [];
  private length = 0;
  private bytes = 0;
  private readonly done: (facts: WrittenFile) => void;
  constructor(path: string, done: (facts: WrittenFile) => void) {
    this.fd = openSync(path, "w");
    this.done = done;
  }
  write(chunk: string): void {
    this.pending.push(chunk);
    this.length += chunk.length;
    if (this.length > 1 << 18) this.flush();
  }
  private flush(): void {
    const buf = Buffer.from(this.pending.join(""), "utf8");
    this.hash.update(buf);
    this.bytes += writeSync(this.fd, buf);
    this.pending = [];
    this.length = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
    this.done({ bytes: this.bytes, sha256: this.hash.digest("hex") });
  }
}

/** The files written into one folder, with their sizes and hashes computed while writing (no second read). */
class Output {
  readonly facts = new Map<string, WrittenFile>();
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }
  private path(rel: string): string {
    const p = join(this.dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    return p;
  }
  csv(rel: string, header: readonly string[], rows: Iterable<string[]>): void {
    const w = new CsvWriter(this.path(rel), header);
    for (const r of rows) w.row(r);
    this.facts.set(rel, w.close());
  }
  text(rel: string, write: (out: (chunk: string) => void) => void): void {
    const w = new HashingWriter(this.path(rel));
    write((chunk) => w.write(chunk));
    this.facts.set(rel, w.close());
  }
  open(rel: string): StreamFile {
    return new StreamFile(this.path(rel), (facts) => this.facts.set(rel, facts));
  }
  bytes(rel: string, data: Uint8Array): void {
    writeFileSync(this.path(rel), data);
    this.facts.set(rel, { bytes: data.length, sha256: createHash("sha256").update(data).digest("hex") });
  }
  json(rel: string, value: unknown): void {
    this.text(rel, (out) => out(`${JSON.stringify(value, null, 1)}\n`));
  }
  /** Size and hash of a file of the folder, hashed now if it was not written through this object. */
  fact(rel: string): WrittenFile {
    const known = this.facts.get(rel);
    if (known) return known;
    const bytes = readFileSync(join(this.dir, rel));
    return { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
  }
}

/**
 * Stage 8, write: every output into `outDir`, an empty staging folder (scripts/pipeline/atomicFolder.ts swaps it into
 * place only when everything is written, so the output is never half-written). `figures` are the assembled figures in
 * output order, as Figure records or an arquero table of the same columns.
 */
export function writeOutputs(outDir: string, figures: FigureInput, ref: Reference, registry: SiteRegistry, history: ReleaseLog[] = []): void {
  writeDataFiles(outDir, figures, ref, registry, history);
}

/** Writes the data package, the per-indicator files, the JSON API, the site's registry and the checksums into `dir`. */
export function writeDataFiles(dir: string, figures: FigureInput, ref: Reference, registry: SiteRegistry, history: readonly ReleaseLog[] = []): void {
  const rows = figureRows(figures);
  const out = new Output(dir);
  const tables = packageTables();

  // The figures table, and the notes it refers to by id.
  const notes = new Map<string, string>();
  out.csv(
    "figures.csv",
    FIGURE_TABLE_COLUMNS,
    (function* () {
      for (let i = 0; i < rows.length; i++) {
        const f = rows.at(i);
        if (f.notes !== "") {
          const id = noteId(f.notes);
          const known = notes.get(id);
          if (known === undefined) notes.set(id, f.notes);
          else if (known !== f.notes) throw new Error(`write: two different notes have the id ${id}; lengthen the ids in noteId`);
        }
        yield FIGURE_TABLE_COLUMNS.map((c) => cell(f, c));
      }
    })(),
  );
  out.csv("notes.csv", ["note_id", "notes"], [...notes].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  const reference = referenceTableRows(tables, ref, registry, history);
  for (const t of tables) {
    const body = reference.get(t.name);
    if (body) out.csv(t.path, t.fields.map((f) => f.name), body);
  }
  out.bytes("figures.parquet", figuresParquet(rows, ref.release.id));

  // One CSV (with citations, for spreadsheet users) and one GSS-style workbook per indicator.
  const byIndicator = groupIndices(rows, (f) => f.indicator_id);
  for (const { row: ind } of ref.indicators) {
    const figs = (byIndicator.get(ind.id) ?? []).map((i) => rows.at(i));
    out.csv(
      `indicators/${ind.id}.csv`,
      INDICATOR_CSV_COLUMNS,
      figs.map((f) => INDICATOR_CSV_COLUMNS.map((c) => cell(f, c))),
    );
    out.bytes(`indicators/${ind.id}.xlsx`, indicatorWorkbook({ indicator: ind, figures: figs, sources: registry.sources, release: ref.release }));
  }

  writeJsonApi(
    rows,
    registry,
    (path) => out.open(path),
    (path, write) => out.text(path, write),
  );
  out.json("site/registry.json", registry);
  out.text("CHANGELOG.md", (w) => w(changelogMarkdown(history)));

  // Table Schemas (shared by reference), then the descriptor of every file, then the checksums of everything.
  const indicatorSchema = { name: "indicator", path: "", schemaPath: "schemas/indicator.schema.json", title: "", description: "", fields: indicatorCsvFields(), primaryKey: ["figure_id"], foreignKeys: [] };
  const schemaFiles = new Map<string, Record<string, unknown>>();
  for (const t of [...tables, indicatorSchema]) schemaFiles.set(t.schemaPath, tableSchema(t));
  for (const [path, schema] of schemaFiles) out.json(path, schema);
  const others: OtherResource[] = [
    { name: "figures-parquet", path: "figures.parquet", title: "Every figure (Parquet)", description: "The figures table (figures.csv) as Apache Parquet: the same columns, typed (value as a double, the period's dates as dates, preferred as a boolean).", format: "parquet", mediatype: "application/vnd.apache.parquet" },
    ...ref.indicators.map(({ row: ind }) => ({
      name: `indicator-${ind.id}`,
      path: `indicators/${ind.id}.csv`,
      title: ind.title,
      description: `${ind.description} Unit: ${ind.unit}. Every figure of the indicator with its citation, for spreadsheets.`,
      format: "csv",
      mediatype: "text/csv",
      schemaPath: indicatorSchema.schemaPath,
    })),
    ...ref.indicators.map(({ row: ind }) => ({
      name: `indicator-${ind.id}-xlsx`,
      path: `indicators/${ind.id}.xlsx`,
      title: `${ind.title} (spreadsheet)`,
      description: `The same figures as indicators/${ind.id}.csv in an XLSX workbook laid out as the Government Statistical Service guidance on releasing statistics in spreadsheets asks: cover, contents and notes sheets, then one table per sheet.`,
      format: "xlsx",
      mediatype: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    })),
    {
      name: "api-index",
      path: "api/index.json",
      title: "JSON API: index",
      description: "The static JSON API: this index lists every indicator (api/indicators/<indicator_id>.json) and every area with figures (api/areas/<geography_level>/<area_code>.json); their JSON Schemas are in api/schema/.",
      format: "json",
      mediatype: "application/json",
      encoding: "utf-8",
    },
    { name: "changelog-md", path: "CHANGELOG.md", title: "Changelog summary", description: "What each release added, revised and removed, in words (CHANGELOG.csv has every change).", format: "md", mediatype: "text/markdown", encoding: "utf-8" },
    { name: "site-registry", path: "site/registry.json", title: "Registry used by the site's pages", description: "The indicator registry, sources, areas, headlines, workforce–need pairs and release notes the pages are built from.", format: "json", mediatype: "application/json", encoding: "utf-8" },
  ];
  out.json("datapackage.json", dataPackageDescriptor(ref.release, registry.sources, tables, others, (p) => out.fact(p)));
  const sums = listFiles(dir).map((p) => relative(dir, p).split("\\").join("/"));
  writeFileSync(join(dir, "SHA256SUMS"), `${sums.map((p) => `${out.fact(p).sha256}  ${p}`).join("\n")}\n`);
}
