import { describe, expect, it } from "vitest";
import { apiExamples, joins, tableFiles } from "../../src/lib/views/dataPage.ts";
import type { TableDescriptor } from "../../src/schemas/dictionary.ts";

const table = (name: string, path: string, schemaPath: string, foreignKeys: TableDescriptor["foreignKeys"] = []): TableDescriptor => ({ name, path, schemaPath, title: name, description: "", fields: [], primaryKey: [], foreignKeys });

describe("joins", () => {
  it("says each foreign key in words, once for tables that share a schema, with a self-reference named after the table", () => {
    const tables = [
      table("figures", "figures.csv", "schemas/figures.schema.json", [{ fields: ["source_id"], reference: { resource: "sources", fields: ["source_id"] } }]),
      table("sources", "sources.csv", "schemas/sources.schema.json"),
      table("areas", "areas.csv", "schemas/areas.schema.json", [{ fields: ["parent_level", "parent_code"], reference: { resource: "", fields: ["geography_level", "area_code"] } }]),
      table("x-a", "crosswalks/a.csv", "schemas/crosswalk.schema.json", [{ fields: ["area_code"], reference: { resource: "areas", fields: ["area_code"] } }]),
      table("x-b", "crosswalks/b.csv", "schemas/crosswalk.schema.json", [{ fields: ["area_code"], reference: { resource: "areas", fields: ["area_code"] } }]),
    ];
    expect(joins(tables)).toEqual(["figures.source_id → sources.source_id", "areas.(parent_level, parent_code) → areas.(geography_level, area_code)", "crosswalks/*.area_code → areas.area_code"]);
  });

  it("refuses a key to a table the package does not have", () => {
    expect(() => joins([table("figures", "figures.csv", "s", [{ fields: ["x"], reference: { resource: "nowhere", fields: ["x"] } }])])).toThrow(/unknown table nowhere/);
  });
});

describe("tableFiles", () => {
  it("gives each table its file's size and checksum, and stops when a file is missing", () => {
    const files = new Map([["figures.csv", { path: "figures.csv", bytes: 10, sha256: "ab" }]]);
    expect(tableFiles([table("figures", "figures.csv", "s")], files)).toEqual([{ path: "figures.csv", bytes: 10, sha256: "ab", name: "figures", title: "figures" }]);
    expect(() => tableFiles([table("notes", "notes.csv", "s")], files)).toThrow(/notes\.csv is not in SHA256SUMS/);
  });
});

describe("apiExamples", () => {
  it("reads the given address in three lines in each language, joining the area names on level and code", () => {
    const url = 'https://example.org/data/api/indicators/x.json?"quoted"';
    const examples = apiExamples(url);
    expect(examples.map((e) => e.language)).toEqual(["Python (pandas)", "R", "JavaScript"]);
    for (const e of examples) {
      expect(e.code.split("\n")).toHaveLength(3);
      // The address is one string literal, its quotes escaped.
      expect(e.code).toContain(JSON.stringify(url));
      expect(e.code).toMatch(/geography_level/);
      expect(e.code).toMatch(/area_code/);
    }
  });
});
