/** Builds the site (data, then Astro) into a work folder, never touching the repository's public/ or dist/. */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import sirv from "sirv";

export const ROOT = resolve(import.meta.dirname, "..", "..");

export interface BuildOptions {
  sources?: string;
  reference?: string;
  releases?: string;
  /** Where the site is built; defaults to <work>/dist. */
  outDir?: string;
}

export function buildSite(work: string, opts: BuildOptions = {}): { dist: string; publicDir: string } {
  const dist = opts.outDir ?? join(work, "dist");
  const publicDir = join(work, "public");
  cpSync(join(ROOT, "public"), publicDir, { recursive: true, filter: (src) => !src.startsWith(join(ROOT, "public", "data")) });
  const env: NodeJS.ProcessEnv = { ...process.env, PUBLIC_DIR: publicDir };
  delete env.DATA_DIR;
  const args = ["--quiet", "--out", join(publicDir, "data")];
  if (opts.sources) args.push("--sources", opts.sources);
  if (opts.reference) args.push("--reference", opts.reference);
  if (opts.releases) args.push("--releases", opts.releases);
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-data.ts"), ...args], { cwd: ROOT, env, stdio: "inherit" });
  execFileSync(process.execPath, [join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build", "--outDir", dist, "--silent"], { cwd: ROOT, env, stdio: "inherit" });
  if (!existsSync(join(dist, "index.html"))) throw new Error(`no built site in ${dist}`);
  // The search index, as scripts/build-site.ts adds it before the swap.
  execFileSync(process.execPath, [join(ROOT, "scripts", "search-index.ts"), dist], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  return { dist, publicDir };
}

export async function serve(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  const handler = sirv(dist, { dev: false, etag: false });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    }),
  );
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
