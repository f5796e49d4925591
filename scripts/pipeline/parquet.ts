/**
 * figures.parquet: the figures table (the columns of figures.csv, in order) as Apache Parquet, for analysts (pandas,
 * R arrow, DuckDB, Polars...). Written by hyparquet-writer: text as UTF-8 strings, value as a double (null when there
 * is no number), the period's dates as dates, preferred as a boolean, source_line as an integer; the lists
 * (corroborated_by, derived_from) are strings separated by ";" as in the CSV. Same figures, same bytes: no time or
 * version of the writer goes into the file.
 */
import { parquetWriteBuffer, type ColumnSource, type SchemaElement } from "hyparquet-writer";
import { FIGURE_TABLE_COLUMNS, type FigureTableColumn } from "../../src/schemas/figure.ts";
import type { FigureRows } from "./figureRows.ts";
import { noteId } from "./package.ts";

type Kind = "string" | "double" | "date" | "boolean" | "int32";
const KIND: Partial<Record<FigureTableColumn, Kind>> = { value: "double", period_start: "date", period_end: "date", preferred: "boolean", source_line: "int32" };
/** Columns that are never empty: REQUIRED in the Parquet schema. */
const REQUIRED = new Set<FigureTableColumn>(["figure_id", "indicator_id", "dataset_id", "measure", "role", "unit", "period", "geography_level", "area_code", "breakdown_type", "breakdown_value", "status", "preferred", "source_id", "source_file", "source_line"]);

const DAY_MS = 86_400_000;

function element(name: FigureTableColumn): SchemaElement {
  const repetition_type = REQUIRED.has(name) ? "REQUIRED" : "OPTIONAL";
  switch (KIND[name] ?? "string") {
    case "double":
      return { name, type: "DOUBLE", repetition_type };
    case "date":
      return { name, type: "INT32", converted_type: "DATE", repetition_type };
    case "boolean":
      return { name, type: "BOOLEAN", repetition_type };
    case "int32":
      return { name, type: "INT32", repetition_type };
    default:
      return { name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type };
  }
}

/** The Parquet file of the figures table, as bytes. An empty text is null, as an empty CSV cell is. */
export function figuresParquet(rows: FigureRows, releaseId: string): Uint8Array {
  const n = rows.length;
  const data = FIGURE_TABLE_COLUMNS.map(() => new Array<unknown>(n));
  for (let i = 0; i < n; i++) {
    const f = rows.at(i);
    FIGURE_TABLE_COLUMNS.forEach((c, j) => {
      let v: unknown;
      if (c === "note_id") v = f.notes === "" ? null : noteId(f.notes);
      else if (c === "corroborated_by" || c === "derived_from") v = f[c].length === 0 ? null : f[c].join(";");
      else if (c === "period_start" || c === "period_end") v = f[c] === "" ? null : Date.parse(`${f[c]}T00:00:00Z`) / DAY_MS;
      else v = f[c] === "" ? null : f[c];
      data[j]![i] = v;
    });
  }
  const columnData: ColumnSource[] = FIGURE_TABLE_COLUMNS.map((name, j) => ({ name, data: data[j] as ColumnSource["data"] }));
  const buffer = parquetWriteBuffer({
    columnData,
    schema: [{ name: "root", num_children: FIGURE_TABLE_COLUMNS.length }, ...FIGURE_TABLE_COLUMNS.map(element)],
    createdBy: "hyparquet-writer (drugs and alcohol workforce dashboard)",
    // No min/max statistics: they help engines skip row groups of large files, and cost a third of the writing here.
    statistics: false,
    kvMetadata: [
      { key: "release_id", value: releaseId },
      { key: "description", value: "Every figure, published and derived: the columns of figures.csv (see datapackage.json for their meanings)." },
    ],
  });
  return new Uint8Array(buffer);
}
