import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { tableSchemaFields } from "../../src/schemas/dictionary.ts";
import { FIGURE_CSV_COLUMNS, type Figure, INDICATOR_CSV_COLUMNS } from "../../src/schemas/figure.ts";
import type { SiteRegistry } from "../../src/schemas/site.ts";
import { CsvWriter, HashingWriter, type WrittenFile } from "./csvWrite.ts";
import { CHANGE_COLUMNS, changelogMarkdown, type ReleaseLog } from "./changelog.ts";
import type { Reference } from "./reference.ts";
import { writeIndicatorWorkbooks } from "./xlsx.ts";

/** A figure field as a CSV cell: arrays joined with ";", booleans as true/false, value as published. */
function cell(f: Figure, column: keyof Figure): string {
  if (column === "value") return f.value_text;
  const v = f[column];
  if (Array.isArray(v)) return v.join(";");
  if (v === null) return "";
  return String(v);
}

function writeFiguresJson(path: string, release: Reference["release"], figures: Figure[]): WrittenFile {
  const w = new HashingWriter(path);
  w.write(`{"release_id":${JSON.stringify(release.id)},"release_date":${JSON.stringify(release.date)},"figures":[\n`);
  figures.forEach((f, i) => w.write(JSON.stringify(f) + (i < figures.length - 1 ? ",\n" : "\n")));
  w.write("]}\n");
  return w.close();
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? listFiles(p) : [p];
    });
}

/** Hashes a file, unless it was hashed while being written. */
function fileHash(path: string, written: Map<string, WrittenFile>): WrittenFile {
  const known = written.get(path);
  if (known) return known;
  const bytes = readFileSync(path);
  return { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/**
 * Stage 8, write: every output into `outDir`, an empty staging folder (scripts/pipeline/atomicFolder.ts swaps it into
 * place only when everything is written, so the output is never half-written).
 */
export function writeOutputs(outDir: string, figures: Figure[], ref: Reference, registry: SiteRegistry, history: ReleaseLog[] = []): void {
  mkdirSync(join(outDir, "indicators"), { recursive: true });
  mkdirSync(join(outDir, "site"), { recursive: true });
  const written = new Map<string, WrittenFile>();
  const all = new CsvWriter(join(outDir, "figures.csv"), FIGURE_CSV_COLUMNS);
  for (const f of figures) all.row(FIGURE_CSV_COLUMNS.map((c) => cell(f, c)));
  written.set(join(outDir, "figures.csv"), all.close());
  written.set(join(outDir, "figures.json"), writeFiguresJson(join(outDir, "figures.json"), ref.release, figures));

  const byIndicator = new Map<string, Figure[]>();
  for (const f of figures) {
    const list = byIndicator.get(f.indicator_id);
    if (list) list.push(f);
    else byIndicator.set(f.indicator_id, [f]);
  }
  for (const { row: ind } of ref.indicators) {
    const path = join(outDir, "indicators", `${ind.id}.csv`);
    const w = new CsvWriter(path, INDICATOR_CSV_COLUMNS);
    for (const f of byIndicator.get(ind.id) ?? []) w.row(INDICATOR_CSV_COLUMNS.map((c) => cell(f, c)));
    written.set(path, w.close());
  }
  // One XLSX workbook per indicator beside its CSV (scripts/pipeline/xlsx.ts); hashed like every file below.
  writeIndicatorWorkbooks(ref.indicators.map(({ row: ind }) => ({ path: join(outDir, "indicators", `${ind.id}.xlsx`), input: { indicator: ind, figures: byIndicator.get(ind.id) ?? [], sources: registry.sources, release: ref.release } })));
  writeFileSync(join(outDir, "site", "registry.json"), `${JSON.stringify(registry, null, 1)}\n`);
  writeChangelog(outDir, history, written);
  writeDataPackage(outDir, ref, registry, written);
  writeChecksums(outDir, written);
}

/** CHANGELOG.csv (every change of every release) and CHANGELOG.md (a summary a person can read). */
function writeChangelog(dir: string, history: ReleaseLog[], written: Map<string, WrittenFile>): void {
  const csv = new CsvWriter(join(dir, "CHANGELOG.csv"), CHANGE_COLUMNS);
  for (const h of history) for (const c of h.changes) csv.row(CHANGE_COLUMNS.map((k) => c[k]));
  written.set(join(dir, "CHANGELOG.csv"), csv.close());
  writeFileSync(join(dir, "CHANGELOG.md"), changelogMarkdown(history));
}

function writeDataPackage(dir: string, ref: Reference, registry: SiteRegistry, written: Map<string, WrittenFile>): void {
  const rel = (p: string) => relative(dir, p).split("\\").join("/");
  const resource = (path: string, extra: Record<string, unknown>) => {
    const { bytes, sha256 } = fileHash(path, written);
    return { name: rel(path).replace(/[^a-z0-9._-]/gi, "-").toLowerCase(), path: rel(path), ...extra, encoding: "utf-8", bytes, hash: `sha256:${sha256}` };
  };
  // Table schemas are files of their own, shared by reference: one for figures.csv, one for every indicator CSV.
  mkdirSync(join(dir, "schemas"), { recursive: true });
  const figureSchema = join(dir, "schemas", "figures.schema.json");
  const indicatorSchema = join(dir, "schemas", "indicator.schema.json");
  writeFileSync(figureSchema, `${JSON.stringify({ fields: tableSchemaFields(FIGURE_CSV_COLUMNS), primaryKey: ["figure_id"], missingValues: [""] }, null, 1)}\n`);
  writeFileSync(indicatorSchema, `${JSON.stringify({ fields: tableSchemaFields(INDICATOR_CSV_COLUMNS), primaryKey: ["figure_id"], missingValues: [""] }, null, 1)}\n`);
  const resources = [
    resource(join(dir, "figures.csv"), {
      title: "Every figure, published and derived",
      description: "One row per figure with its indicator, the 14 columns as transcribed from the publication, its status and its source.",
      format: "csv",
      mediatype: "text/csv",
      schema: rel(figureSchema),
    }),
    resource(join(dir, "figures.json"), {
      title: "Every figure, published and derived (JSON)",
      description: "The same figures as figures.csv as JSON: {release_id, release_date, figures: [...]}; value is a number or null.",
      format: "json",
      mediatype: "application/json",
    }),
    ...ref.indicators.map(({ row: ind }) =>
      resource(join(dir, "indicators", `${ind.id}.csv`), {
        title: ind.title,
        description: `${ind.description} Unit: ${ind.unit}.`,
        format: "csv",
        mediatype: "text/csv",
        schema: rel(indicatorSchema),
      }),
    ),
    ...ref.indicators.map(({ row: ind }) => {
      const { encoding: _, ...xlsx } = resource(join(dir, "indicators", `${ind.id}.xlsx`), {
        title: `${ind.title} (spreadsheet)`,
        description: `The same figures as indicators/${ind.id}.csv in an XLSX workbook laid out as the Government Statistical Service guidance on releasing statistics in spreadsheets asks: cover, contents and notes sheets, then one table per sheet.`,
        format: "xlsx",
        mediatype: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      return xlsx;
    }),
    resource(join(dir, "CHANGELOG.csv"), {
      title: "Changelog: figures added, revised or removed in each release",
      description: "One row per change: release_id, change (added, revised, removed), figure_id, indicator_id, the figure it revises (old_figure_id), old and new value, status and source, and the reason for a removal. CHANGELOG.md summarises it.",
      format: "csv",
      mediatype: "text/csv",
    }),
    resource(join(dir, "CHANGELOG.md"), { title: "Changelog summary", format: "md", mediatype: "text/markdown" }),
    resource(join(dir, "site", "registry.json"), {
      title: "Indicator registry, sources, areas and headlines used by the site pages",
      format: "json",
      mediatype: "application/json",
    }),
  ];
  const pkg = {
    profile: "data-package",
    name: "drugs-alcohol-workforce-scotland-england",
    id: `drugs-alcohol-workforce-${ref.release.id}`,
    title: ref.release.title,
    description: ref.release.summary,
    version: ref.release.id,
    created: `${ref.release.date}T00:00:00Z`,
    licenses: [{ name: "OGL-UK-3.0", title: ref.release.licence, path: ref.release.licence_url }],
    sources: registry.sources.map((s) => ({ title: `${s.publisher}: ${s.title} (${s.published_date})`, path: s.url })),
    resources,
  };
  writeFileSync(join(dir, "datapackage.json"), `${JSON.stringify(pkg, null, 1)}\n`);
}

function writeChecksums(dir: string, written: Map<string, WrittenFile>): void {
  const lines = listFiles(dir).map((p) => `${fileHash(p, written).sha256}  ${relative(dir, p).split("\\").join("/")}`);
  writeFileSync(join(dir, "SHA256SUMS"), `${lines.join("\n")}\n`);
}
