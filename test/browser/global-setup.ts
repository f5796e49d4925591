/**
 * Builds the site once for the browser tests (data, then Astro) into a temporary folder and serves it on
 * 127.0.0.1 with an OS-assigned port. Tests read the address and folder through vitest's `inject`.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import sirv from "sirv";
import type { TestProject } from "vitest/node";

const ROOT = resolve(import.meta.dirname, "..", "..");

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

let server: Server | undefined;
let work: string | undefined;

export async function setup(project: TestProject) {
  let dist = process.env.TEST_DIST_DIR;
  if (!dist) {
    // A private copy of public/ with freshly built data, so the test build never touches the working tree.
    work = mkdtempSync(join(tmpdir(), "daw-site-"));
    dist = join(work, "dist");
    const publicDir = join(work, "public");
    cpSync(join(ROOT, "public"), publicDir, { recursive: true, filter: (src) => !src.startsWith(join(ROOT, "public", "data")) });
    const env = { ...process.env, PUBLIC_DIR: publicDir };
    delete env.DATA_DIR;
    const node = process.execPath;
    execFileSync(node, [join(ROOT, "scripts", "build-data.ts"), "--quiet", "--out", join(publicDir, "data")], { cwd: ROOT, env, stdio: "inherit" });
    execFileSync(node, [join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build", "--outDir", dist, "--silent"], { cwd: ROOT, env, stdio: "inherit" });
  }
  if (!existsSync(join(dist, "index.html"))) throw new Error(`no built site in ${dist}`);
  const serve = sirv(dist, { dev: false, etag: false });
  server = createServer((req, res) => serve(req, res, () => ((res.statusCode = 404), res.end("not found"))));
  await new Promise<void>((ok) => server!.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  project.provide("distDir", dist);
}

export async function teardown() {
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  if (work) rmSync(work, { recursive: true, force: true });
}
