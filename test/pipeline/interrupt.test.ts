import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { treeOf } from "../helpers/files.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recoverInterrupted } from "../../scripts/pipeline/write.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const tmp = mkdtempSync(join(tmpdir(), "daw-interrupt-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("nothing is lost when a build is interrupted", () => {
  it("killing the data build while it writes leaves the previous output intact, and the next run recovers", async () => {
    const out = join(tmp, "data");
    const first = spawnSync(process.execPath, [join(ROOT, "scripts", "build-data.ts"), "--quiet", "--out", out], { cwd: ROOT, encoding: "utf8" });
    expect(first.status, first.stderr).toBe(0);
    writeFileSync(join(out, "marker-from-previous-build"), "previous");
    const before = treeOf(out);

    const child = spawn(process.execPath, [join(ROOT, "scripts", "build-data.ts"), "--quiet", "--out", out], { cwd: ROOT, stdio: "ignore" });
    const tmpDir = join(tmp, `.data-tmp-${child.pid}`);
    // Wait until the write stage has started writing into its temporary folder, then kill the build.
    await new Promise<void>((ok, fail) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (existsSync(join(tmpDir, "figures.csv"))) {
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
    expect(existsSync(tmpDir)).toBe(true); // killed part-way: its half-written folder is still there
    expect(treeOf(out)).toEqual(before); // … and the previous output is untouched

    const again = spawnSync(process.execPath, [join(ROOT, "scripts", "build-data.ts"), "--quiet", "--out", out], { cwd: ROOT, encoding: "utf8" });
    expect(again.status, again.stderr).toBe(0);
    expect(existsSync(tmpDir)).toBe(false); // the next run cleaned up
    expect(existsSync(join(out, "marker-from-previous-build"))).toBe(false); // and replaced the output whole
  });

  it("a kill between the two renames of the swap is undone by the next run", () => {
    const parent = join(tmp, "swap");
    mkdirSync(join(parent, ".site-old-123"), { recursive: true });
    writeFileSync(join(parent, ".site-old-123", "index.html"), "previous");
    mkdirSync(join(parent, ".site-tmp-456"), { recursive: true });
    recoverInterrupted(join(parent, "site"));
    expect(readFileSync(join(parent, "site", "index.html"), "utf8")).toBe("previous");
    expect(readdirSync(parent)).toEqual(["site"]);
  });
});
