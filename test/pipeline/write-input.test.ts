/**
 * The write stage takes the assembled figures as Figure records or as an arquero table of the same columns (the stages
 * may hand over a table at scale): both give the same files, byte for byte, and a table of another shape is refused.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figureRows } from "../../scripts/pipeline/figureRows.ts";
import { ProblemList } from "../../scripts/pipeline/problems.ts";
import { loadReference, type Reference } from "../../scripts/pipeline/reference.ts";
import type { PipelineResult } from "../../scripts/pipeline/run.ts";
import { writeDataFiles } from "../../scripts/pipeline/write.ts";
import { SiteRegistry } from "../../src/schemas/site.ts";
import { copyFixture, run } from "../helpers/fixtures.ts";
import { treeOf } from "../helpers/files.ts";

let f: ReturnType<typeof copyFixture>;
let result: PipelineResult;
let ref: Reference;
let registry: SiteRegistry;

beforeAll(() => {
  f = copyFixture();
  result = run(f.sources, f.reference, f.out);
  ref = loadReference(f.reference, new ProblemList())!;
  registry = SiteRegistry.parse(JSON.parse(readFileSync(join(f.out, "site", "registry.json"), "utf8")));
});
afterAll(() => f.cleanup());

describe("the write stage's input", () => {
  it("gives the same files from an arquero table as from the Figure records", () => {
    const fromArray = join(f.dir, "from-array");
    const fromTable = join(f.dir, "from-table");
    for (const d of [fromArray, fromTable]) mkdirSync(d);
    writeDataFiles(fromArray, result.figures, ref, registry);
    writeDataFiles(fromTable, aq.from(result.figures), ref, registry);
    const a = treeOf(fromArray);
    const b = treeOf(fromTable);
    expect(Object.keys(a).length).toBeGreaterThan(40);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) expect(b[k] === a[k], `${k} differs`).toBe(true);
  });

  it("reads a table in its own row order", () => {
    const reversed = aq.from(result.figures).derive({ i: () => aq.op.row_number() }).orderby(aq.desc("i")).select(aq.not("i"));
    const rows = figureRows(reversed);
    expect(rows.length).toBe(result.figures.length);
    expect(rows.at(0)).toEqual(result.figures.at(-1));
  });

  it("refuses a table without every column of a figure, or with a column of the wrong kind", () => {
    expect(() => figureRows(aq.from(result.figures).select(aq.not("notes", "source_line")))).toThrow("write: the figures table has no column notes, source_line");
    expect(() => figureRows(aq.from(result.figures).derive({ value: () => "a number" }))).toThrow(/^write: row 1 of the figures table is not a Figure: value: /);
  });
});
