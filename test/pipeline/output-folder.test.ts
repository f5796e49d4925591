/**
 * The output folder of the data stage through the real command line: it never writes over a file, never writes in or
 * over an input folder, never removes a folder or file it did not write, and says so in one line (status 1).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeOf } from "../helpers/files.ts";
import { MINIMAL } from "../helpers/fixtures.ts";
import { MARKER, OutputError, reason, stageFolder } from "../../scripts/pipeline/atomicFolder.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "daw-out-"));
const sources = join(work, "sources");
const reference = join(work, "reference");
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => cpSync(MINIMAL, work, { recursive: true }));

/** Runs build:data on the minimal fixture from inside the work folder, so messages name short relative paths. */
function buildData(out: string) {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "build-data.ts"), "--quiet", "--sources", sources, "--reference", reference, "--releases", join(work, "releases"), "--out", out], { cwd: work, encoding: "utf8" });
  return { status: r.status, stderr: r.stderr.trim(), stdout: r.stdout.trim() };
}

describe("the data stage's output folder", () => {
  it("refuses an output that is a file, and leaves the file as it was", () => {
    writeFileSync(join(work, "notes.txt"), "my notes");
    expect(buildData(join(work, "notes.txt"))).toEqual({
      status: 1,
      stdout: "",
      stderr: "build:data failed: notes.txt is a file, not a folder; build:data never writes over a file: choose another output folder",
    });
    expect(readFileSync(join(work, "notes.txt"), "utf8")).toBe("my notes");
  });

  it("refuses the sources folder itself, a folder inside it, and a folder that holds it", () => {
    const before = treeOf(work);
    expect(buildData(sources).stderr).toBe("build:data failed: sources is the input folder sources; build:data never writes there: choose another output folder");
    expect(buildData(join(sources, "nation", "out")).stderr).toBe("build:data failed: sources/nation/out is inside the input folder sources; build:data never writes there: choose another output folder");
    expect(buildData(join(reference, "..")).stderr).toBe(`build:data failed: . holds the input folder sources; build:data would replace it: choose another output folder`);
    expect(treeOf(work)).toEqual(before);
  });

  it("refuses to replace a folder it did not write, or one holding a file it did not write", () => {
    mkdirSync(join(work, "mine"));
    writeFileSync(join(work, "mine", "thesis.docx"), "three years of work");
    expect(buildData(join(work, "mine")).stderr).toBe(`build:data failed: mine exists and is not an output of build:data (it has no ${MARKER} marker); build:data never replaces a folder it did not write: move it or choose another output folder`);
    expect(readFileSync(join(work, "mine", "thesis.docx"), "utf8")).toBe("three years of work");

    const out = join(work, "out");
    expect(buildData(out).status).toBe(0);
    writeFileSync(join(out, "added-by-hand.txt"), "keep me");
    expect(buildData(out).stderr).toBe("build:data failed: out/added-by-hand.txt was not written by build:data; the output folder is replaced whole, so move it out first");
    expect(readFileSync(join(out, "added-by-hand.txt"), "utf8")).toBe("keep me");
    rmSync(join(out, "added-by-hand.txt"));
    expect(buildData(out).status).toBe(0);
  });

  it("gives one line, not a stack trace, when the output cannot be written", () => {
    expect(buildData(join(work, "notes.txt", "data"))).toEqual({ status: 1, stdout: "", stderr: "build:data failed: notes.txt is a file, not a folder, so notes.txt/data cannot be made in it: choose another output folder" });
    expect(buildData("/dev/null/data").stderr).toBe("build:data failed: /dev/null is a file, not a folder, so /dev/null/data cannot be made in it: choose another output folder");
  });

  it.skipIf(process.getuid?.() === 0)("names a folder it may not write in (not checkable as root, who may write anywhere)", () => {
    const locked = join(work, "locked");
    mkdirSync(locked, { mode: 0o555 });
    expect(buildData(join(locked, "data")).stderr).toBe("build:data failed: locked cannot be written, permission denied (EACCES); locked/data is unchanged");
  });

  it("writes the problems report only over an earlier report", () => {
    const out = join(work, "bad");
    writeFileSync(`${out}-problems.txt`, "not a report");
    const edited = join(work, "sources-bad");
    cpSync(sources, edited, { recursive: true });
    const fig = join(edited, "nation", "figures.csv");
    writeFileSync(fig, readFileSync(fig, "utf8").replace(",100.5,published", ",x,published"));
    const r = spawnSync(process.execPath, [join(ROOT, "scripts", "build-data.ts"), "--quiet", "--sources", edited, "--reference", reference, "--out", out], { cwd: work, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("the full list could not be written: bad-problems.txt exists and is not a problems report");
    expect(readFileSync(`${out}-problems.txt`, "utf8")).toBe("not a report");
  });
});

describe("stageFolder", () => {
  it("names a file-system failure in a few words", () => {
    expect(reason(Object.assign(new Error("x"), { code: "EACCES" }))).toBe("permission denied (EACCES)");
    expect(reason(Object.assign(new Error("x"), { code: "ENOSPC" }))).toBe("no space left on the device (ENOSPC)");
  });

  it("refuses a folder written by the other stage", () => {
    const out = join(work, "site-out");
    const s = stageFolder(out, { stage: "build:site" });
    writeFileSync(join(s.dir, "index.html"), "site");
    s.commit();
    expect(() => stageFolder(out, { stage: "build:data" })).toThrow(new OutputError(`${out} is the output of build:site, not of build:data; choose another output folder`));
  });
});
