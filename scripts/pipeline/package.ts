/**
 * The relational data package (dist/data): the rows of each table besides figures (the sources, areas, crosswalks,
 * registry, measures, headline rules, datasets, taxonomy, notes and changelog), and datapackage.json, which describes
 * every file with its Table Schema, CSV dialect, keys, licence, size and hash. The tables and their columns are
 * defined once, in src/schemas/dictionary.ts.
 */
import { createHash } from "node:crypto";
import { CROSSWALKS, type FieldDescriptor, type TableDescriptor } from "../../src/schemas/dictionary.ts";
import type { SiteRegistry } from "../../src/schemas/site.ts";
import { compareText } from "../../src/lib/text.ts";
import { CHANGE_COLUMNS, type ReleaseLog } from "./changelog.ts";
import type { Reference } from "./reference.ts";

/**
 * The CSV dialect of every CSV file, declared so no reader has to guess it (a reader that sniffs may take the " | "
 * inside source_location for the delimiter): comma, double quotes doubled inside quoted fields, a header row, "\n".
 */
export const CSV_DIALECT = { delimiter: ",", doubleQuote: true, quoteChar: '"', lineTerminator: "\n", header: true, skipInitialSpace: false } as const;

const noteIds = new Map<string, string>();

/** Stable id of a notes text: the same text gets the same id in every release (n- and 12 hex digits of its SHA-256). */
export function noteId(notes: string): string {
  let id = noteIds.get(notes);
  if (id === undefined) {
    id = `n-${createHash("sha256").update(notes, "utf8").digest("hex").slice(0, 12)}`;
    if (noteIds.size > 100_000) noteIds.clear();
    noteIds.set(notes, id);
  }
  return id;
}

/** Rows (cells as text, in the table's column order) of a table. */
export type TableRows = string[][];

const cells = (fields: readonly FieldDescriptor[], row: Record<string, string | number>): string[] => fields.map((f) => String(row[f.name] ?? ""));

/** The rows of every table except figures and notes, by table name, from the reference, the registry and the release history. */
export function referenceTableRows(tables: readonly TableDescriptor[], ref: Reference, registry: SiteRegistry, history: readonly ReleaseLog[]): Map<string, TableRows> {
  const fieldsOf = (name: string) => tables.find((t) => t.name === name)!.fields;
  const out = new Map<string, TableRows>();
  const put = (name: string, rows: Record<string, string | number>[]) => out.set(name, rows.map((r) => cells(fieldsOf(name), r)));

  put(
    "sources",
    registry.sources.map((s) => ({ ...s })),
  );
  put(
    "areas",
    registry.areas.map((a) => ({ geography_level: a.level, area_code: a.code, area_label: a.name, aliases: a.aliases.join(";"), parent_level: a.parent_level, parent_code: a.parent_code, notes: a.notes })),
  );
  const area = new Map(registry.areas.map((a) => [`${a.level}|${a.code}`, a]));
  const label = (level: string, code: string) => area.get(`${level}|${code}`)?.name ?? "";
  for (const c of CROSSWALKS) {
    const pairs: [string, string][] =
      "convention" in c
        ? ref.adpCouncilAreas
            .map((m) => m.row)
            // The Scottish Government's 30 ADPs have the project's adp- slugs; Public Health Scotland's 31 have codes.
            .filter((m) => m.adp_code.startsWith("adp-") === (c.convention === "sg"))
            .map((m) => [m.council_area_code, m.adp_code])
        : registry.areas.filter((a) => a.level === c.area_level && a.parent_level === c.parent_level).map((a) => [a.code, a.parent_code]);
    pairs.sort((x, y) => compareText(x[0], y[0]) || compareText(x[1], y[1]));
    put(
      c.name,
      pairs.map(([code, parent]) => ({ area_level: c.area_level, area_code: code, area_label: label(c.area_level, code), parent_level: c.parent_level, parent_code: parent, parent_label: label(c.parent_level, parent) })),
    );
  }
  put(
    "indicators",
    ref.indicators.map(({ row: i }) => ({ ...i, indicator_id: i.id })),
  );
  put(
    "indicator-measures",
    ref.indicatorMeasures.map(({ row }) => ({ ...row })),
  );
  put(
    "headline-rules",
    ref.indicators.flatMap(({ row: i }) => (ref.headlineRules.get(i.id) ?? []).map(({ row }) => ({ ...row }))),
  );
  put(
    "datasets",
    registry.datasets.map((d) => ({ ...d })),
  );
  put(
    "breakdown-taxonomy",
    [...ref.taxonomy.values()].flatMap((byValue) => [...byValue.values()].map(({ row }) => ({ ...row }))),
  );
  const changelog = fieldsOf("changelog").map((f) => f.name);
  if (changelog.join() !== CHANGE_COLUMNS.join()) throw new Error(`write: the changelog's columns in the dictionary (${changelog.join(", ")}) differ from CHANGE_COLUMNS (${CHANGE_COLUMNS.join(", ")})`);
  put(
    "changelog",
    history.flatMap((h) => h.changes.map((c) => ({ ...c }))),
  );
  return out;
}

/** A Table Schema (the schemas/*.schema.json files). */
export function tableSchema(t: TableDescriptor): Record<string, unknown> {
  return {
    fields: t.fields,
    missingValues: [""],
    primaryKey: t.primaryKey,
    ...(t.foreignKeys.length > 0 ? { foreignKeys: t.foreignKeys } : {}),
  };
}

export interface FileFacts {
  bytes: number;
  sha256: string;
}

export interface OtherResource {
  name: string;
  path: string;
  title: string;
  description: string;
  format: string;
  mediatype: string;
  /** A tabular CSV with a schema file (the per-indicator CSVs). */
  schemaPath?: string;
  encoding?: "utf-8";
}

/** datapackage.json: every table (with its schema file, dialect and keys), then the other files. */
export function dataPackageDescriptor(
  release: Reference["release"],
  sources: SiteRegistry["sources"],
  tables: readonly TableDescriptor[],
  others: readonly OtherResource[],
  facts: (path: string) => FileFacts,
): Record<string, unknown> {
  const withFacts = (path: string) => {
    const { bytes, sha256 } = facts(path);
    return { bytes, hash: `sha256:${sha256}` };
  };
  const tabular = (r: { name: string; path: string; title: string; description: string; schemaPath: string }) => ({
    profile: "tabular-data-resource",
    name: r.name,
    path: r.path,
    title: r.title,
    description: r.description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    dialect: CSV_DIALECT,
    schema: r.schemaPath,
    ...withFacts(r.path),
  });
  return {
    profile: "data-package",
    name: "drugs-alcohol-workforce-scotland-england",
    id: `drugs-alcohol-workforce-${release.id}`,
    title: release.title,
    description: `${release.summary} figures.csv holds every figure, keyed to sources.csv, areas.csv, indicators.csv, indicator_measures.csv, datasets.csv and notes.csv; the crosswalks join areas across levels; figures.parquet is the same figures table; api/ is a static JSON API (api/index.json); indicators/ has one CSV (with citations) and one XLSX workbook per indicator.`,
    version: release.id,
    created: `${release.date}T00:00:00Z`,
    licenses: [{ name: "OGL-UK-3.0", title: release.licence, path: release.licence_url }],
    sources: sources.map((s) => ({ title: `${s.publisher}: ${s.title} (${s.published_date})`, ...(s.url === "" ? {} : { path: s.url }) })),
    resources: [
      ...tables.map(tabular),
      ...others.map((o) =>
        o.schemaPath
          ? tabular({ ...o, schemaPath: o.schemaPath })
          : { profile: "data-resource", name: o.name, path: o.path, title: o.title, description: o.description, format: o.format, mediatype: o.mediatype, ...(o.encoding ? { encoding: o.encoding } : {}), ...withFacts(o.path) },
      ),
    ],
  };
}
