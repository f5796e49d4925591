import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { listFiles } from "../helpers/files.ts";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MARKER } from "../../scripts/pipeline/atomicFolder.ts";
import { buildSite } from "./build.ts";

const dist = inject("distDir");
const work = mkdtempSync(join(tmpdir(), "daw-again-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("reproducible releases", () => {
  it("two builds from the same commit give byte-identical sites", () => {
    const { dist: again } = buildSite(work);
    // The output marker (.daw-output) is written by scripts/build-site.ts, not by the site build itself: a dist/ from
    // `npm run build` (TEST_DIST_DIR) has it, the test's own build does not.
    const site = (root: string) => listFiles(root).map((p) => relative(root, p)).filter((p) => p !== MARKER).sort();
    const a = site(dist);
    const b = site(again);
    expect(b).toEqual(a);
    const differ = a.filter((p) => !readFileSync(join(dist, p)).equals(readFileSync(join(again, p))));
    expect(differ).toEqual([]);
  });
});
