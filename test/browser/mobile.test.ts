import { describe, expect, inject, it } from "vitest";
import { newPage, onePerTemplate, sitemapPaths, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const dist = inject("distDir");
const browser = useBrowser();

/** One page of each page type (every template), plus the largest tables and maps. */
function samplePaths(): string[] {
  return [...new Set([...onePerTemplate(sitemapPaths(dist)), "/indicators/uk-alcohol-specific-death-rate/", "/maps/local-authorities/", "/indicators/scotland-ongoing-waits/adps/S11000015/"])];
}

describe("at 320 px wide", () => {
  it("no page scrolls sideways", async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 320, height: 640 } });
    const overflowing: string[] = [];
    for (const path of samplePaths()) {
      await page.goto(`${base}${path}`);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) overflowing.push(`${path} (${scroll}px)`);
    }
    expect(overflowing).toEqual([]);
    await context.close();
  });
});
