import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { treeOf } from "../helpers/files.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MARKER, markOutput, recoverInterrupted } from "../../scripts/pipeline/atomicFolder.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const tmp = mkdtempSync(join(tmpdir(), "daw-interrupt-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const buildData = (out: string) => spawnSync(process.execPath, [join(ROOT, "scripts", "build-data.ts"), "--quiet", "--out", out], { cwd: ROOT, encoding: "utf8" });

/** The id of a process that has ended, for leftovers of a killed run. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

describe("nothing is lost when a build is interrupted", () => {
  it("killing the data build while it writes leaves the previous output intact, and the next run recovers", async () => {
    const out = join(tmp, "data");
    const first = buildData(out);
    expect(first.status, first.stderr).toBe(0);
    appendFileSync(join(out, "CHANGELOG.md"), "edited by hand after the build\n");
    const before = treeOf(out);

    const child = spawn(process.execPath, [join(ROOT, "scripts", "build-data.ts"), "--quiet", "--out", out], { cwd: ROOT, stdio: "ignore" });
    const staging = join(tmp, `.data-tmp-${child.pid}`);
    // Wait until the write stage has started writing into its staging folder, then kill the build.
    await new Promise<void>((ok, fail) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (existsSync(join(staging, "out", "figures.csv"))) {
          clearInterval(poll);
          child.kill("SIGKILL");
          ok();
        } else if (Date.now() - started > 60_000 || child.exitCode !== null) {
          clearInterval(poll);
          fail(new Error("the build finished or never reached the write stage"));
        }
      }, 5);
    });
    await new Promise((ok) => child.on("exit", ok));
    expect(existsSync(staging)).toBe(true); // killed part-way: its half-written folder is still there
    expect(treeOf(out)).toEqual(before); // … and the previous output is untouched

    const again = buildData(out);
    expect(again.status, again.stderr).toBe(0);
    expect(existsSync(staging)).toBe(false); // the next run cleaned up
    expect(readFileSync(join(out, "CHANGELOG.md"), "utf8")).not.toContain("edited by hand"); // and replaced the output whole
    expect(readdirSync(tmp).sort()).toEqual(["data"]);
  });

  it("a kill between the two renames of the swap is undone by the next run", () => {
    const parent = join(tmp, "swap");
    const pid = deadPid();
    mkdirSync(join(parent, `.site-old-${pid}`), { recursive: true });
    writeFileSync(join(parent, `.site-old-${pid}`, "index.html"), "previous");
    markOutput(join(parent, `.site-old-${pid}`), "build:site");
    mkdirSync(join(parent, `.site-tmp-${pid}`, "out"), { recursive: true });
    writeFileSync(join(parent, `.site-tmp-${pid}`, ".daw-staging"), "build:site staging folder\n");
    recoverInterrupted(join(parent, "site"), "build:site");
    expect(readFileSync(join(parent, "site", "index.html"), "utf8")).toBe("previous");
    expect(readdirSync(parent)).toEqual(["site"]);
  });

  it("leaves alone what it did not write: another stage's output, an unmarked folder, a running build's staging folder", () => {
    const parent = join(tmp, "foreign");
    const pid = deadPid();
    mkdirSync(join(parent, `.site-old-${pid}`), { recursive: true });
    writeFileSync(join(parent, `.site-old-${pid}`, "notes.txt"), "someone's notes");
    mkdirSync(join(parent, `.site-tmp-${pid}`), { recursive: true });
    writeFileSync(join(parent, `.site-tmp-${pid}`, "draft.txt"), "someone's draft");
    mkdirSync(join(parent, `.site-tmp-${process.pid}`), { recursive: true });
    recoverInterrupted(join(parent, "site"), "build:site");
    expect(readdirSync(parent).sort()).toEqual([`.site-old-${pid}`, `.site-tmp-${pid}`, `.site-tmp-${process.pid}`].sort());
    expect(existsSync(join(parent, `.site-old-${pid}`, MARKER))).toBe(false);
  });
});
