/**
 * Builds the site once for the browser tests (data, then Astro) into a temporary folder and serves it on
 * 127.0.0.1 with an OS-assigned port. Tests read the address and folders through vitest's `inject`.
 * TEST_DIST_DIR=<folder> reuses an existing build instead (quicker while developing).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite, serve } from "./build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
    publicDir: string;
  }
}

let close: (() => Promise<void>) | undefined;
let work: string | undefined;

export async function setup(project: TestProject) {
  let dist = process.env.TEST_DIST_DIR;
  let publicDir = "";
  if (!dist) {
    work = mkdtempSync(join(tmpdir(), "daw-site-"));
    ({ dist, publicDir } = buildSite(work));
  }
  const server = await serve(dist);
  close = server.close;
  project.provide("baseUrl", server.url);
  project.provide("distDir", dist);
  project.provide("publicDir", publicDir);
}

export async function teardown() {
  await close?.();
  if (work) rmSync(work, { recursive: true, force: true });
}
