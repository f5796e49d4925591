/** Debian's Chromium through playwright-core, with the launch flags this machine needs (DESIGN.md §7). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContextOptions } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  return { context, page: await context.newPage() };
}

/** One page of each template (first path segment plus depth), for quick development runs. */
export function onePerTemplate(paths: string[]): string[] {
  const seen = new Map<string, string>();
  for (const p of paths) {
    const parts = p.split("/").filter(Boolean);
    const template = parts.map((s, i) => (i === 0 ? s : "*")).join("/");
    if (!seen.has(template)) seen.set(template, p);
  }
  return [...seen.values()];
}

/** Page paths (from the site root, e.g. "/indicators/") listed in the built sitemap.xml. */
export function sitemapPaths(distDir: string): string[] {
  const xml = readFileSync(join(distDir, "sitemap.xml"), "utf8");
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!, "http://x").pathname);
}
