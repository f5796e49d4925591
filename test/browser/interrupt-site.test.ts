import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { treeOf } from "../helpers/files.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { markOutput, recoverInterrupted } from "../../scripts/pipeline/atomicFolder.ts";
import { ROOT } from "./build.ts";

const dist = inject("distDir");
const publicDir = inject("publicDir");
const work = mkdtempSync(join(tmpdir(), "daw-kill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("an interrupted site build", () => {
  it.skipIf(!publicDir)("leaves the previous site in place, and the next run recovers", async () => {
    // The previous site, marked as build-site marks its output (scripts/pipeline/atomicFolder.ts, as the data stage).
    const site = join(work, "site");
    cpSync(dist, site, { recursive: true });
    markOutput(site, "build:site");
    const before = treeOf(site);
    const child = spawn(process.execPath, [join(ROOT, "scripts", "build-site.ts"), "--out", site], { cwd: ROOT, env: { ...process.env, PUBLIC_DIR: publicDir }, stdio: "ignore", detached: true });
    const staging = join(work, `.site-tmp-${child.pid}`);
    await new Promise<void>((ok, fail) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (existsSync(join(staging, "out")) && readdirSync(join(staging, "out")).length > 0) {
          clearInterval(poll);
          // build-site runs astro as a child: kill the whole group so nothing keeps writing.
          process.kill(-child.pid!, "SIGKILL");
          ok();
        } else if (Date.now() - started > 120_000 || child.exitCode !== null) {
          clearInterval(poll);
          fail(new Error("the site build finished before it could be interrupted"));
        }
      }, 20);
    });
    await new Promise((ok) => child.on("exit", ok));
    expect(treeOf(site)).toEqual(before);
    expect(existsSync(staging)).toBe(true);
    // What the next build-site run does first: the dead run's staging folder goes, the site stays.
    recoverInterrupted(site, "build:site");
    expect(existsSync(staging)).toBe(false);
    expect(treeOf(site)).toEqual(before);
  });
});
