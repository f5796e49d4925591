import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, onePerTemplate, sitemapPaths } from "./browser.ts";

const base = inject("baseUrl");
const dist = inject("distDir");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

describe("axe-core, WCAG 2.2 A and AA, on every page in the sitemap", () => {
  it("finds no violations", async () => {
    const all = sitemapPaths(dist);
    expect(all.length).toBeGreaterThan(100);
    // AXE_SAMPLE=1 checks one page per template while developing; the default (and CI) checks every page.
    const paths = process.env.AXE_SAMPLE === "1" ? [...onePerTemplate(all), "/indicators/uk-alcohol-specific-death-rate/", "/service-provision/", "/compare/"] : all;
    // Two pages at a time (the machines have two cores).
    const contexts = await Promise.all([0, 1].map(() => browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })));
    const failures: string[] = [];
    let next = 0;
    await Promise.all(
      contexts.map(async (context) => {
        const page = await context.newPage();
        while (next < paths.length) {
          const path = paths[next++]!;
          await page.goto(`${base}${path}`);
          await page.evaluate(AXE);
          const violations = (await page.evaluate(
            (tags) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }).then((r) => r.violations),
            TAGS,
          )) as Violation[];
          for (const v of violations) failures.push(`${path}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        }
      }),
    );
    await Promise.all(contexts.map((c) => c.close()));
    expect(failures).toEqual([]);
  });
});
