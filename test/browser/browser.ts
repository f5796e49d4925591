/** Debian's Chromium through playwright-core, with the launch flags this machine needs (DESIGN.md §7). */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

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

/** Launches Chromium before the file's tests and closes it after; returns a getter for the running browser. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());
  return () => browser!;
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  return { context, page: await context.newPage() };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** The WCAG 2.2 A and AA rules of axe-core. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * Runs axe-core on the page as it is now and returns each violation as "rule (help) at selectors".
 * The page's context should bypass the page's Content-Security-Policy (axe is injected as a script).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe
        .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((r) => r.violations.map((v) => `${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`)),
    AXE_TAGS,
  )) as string[];
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
