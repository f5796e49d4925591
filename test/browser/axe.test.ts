import { describe, expect, inject, it } from "vitest";
import { axeViolations, onePerTemplate, sitemapPaths, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const dist = inject("distDir");
const browser = useBrowser();

describe("axe-core, WCAG 2.2 A and AA, on every page in the sitemap", () => {
  // About 1,500 pages at roughly a third of a second each on two cores: allow up to 40 minutes.
  it("finds no violations", { timeout: 2_400_000 }, async () => {
    const all = sitemapPaths(dist);
    expect(all.length).toBeGreaterThan(100);
    // AXE_SAMPLE=1 checks one page per template while developing; the default (and CI) checks every page.
    const paths = process.env.AXE_SAMPLE === "1" ? [...onePerTemplate(all), "/indicators/uk-alcohol-specific-death-rate/", "/service-provision/waiting-times/", "/compare/"] : all;
    // Two pages at a time (the machines have two cores).
    const contexts = await Promise.all([0, 1].map(() => browser().newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })));
    const failures: string[] = [];
    let next = 0;
    await Promise.all(
      contexts.map(async (context) => {
        const page = await context.newPage();
        while (next < paths.length) {
          const path = paths[next++]!;
          await page.goto(`${base}${path}`);
          for (const v of await axeViolations(page)) failures.push(`${path}: ${v}`);
        }
      }),
    );
    await Promise.all(contexts.map((c) => c.close()));
    expect(failures).toEqual([]);
  });
});
