import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { listFiles } from "../helpers/files.ts";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { buildSite } from "./build.ts";

const dist = inject("distDir");
const work = mkdtempSync(join(tmpdir(), "daw-again-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("reproducible releases", () => {
  it("two builds from the same commit give byte-identical sites", () => {
    const { dist: again } = buildSite(work);
    const a = listFiles(dist).map((p) => relative(dist, p)).sort();
    const b = listFiles(again).map((p) => relative(again, p)).sort();
    expect(b).toEqual(a);
    const differ = a.filter((p) => !readFileSync(join(dist, p)).equals(readFileSync(join(again, p))));
    expect(differ).toEqual([]);
  });
});
