import { describe, expect, inject, it } from "vitest";
import { newPage, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const browser = useBrowser();

// Pages that together hold every kind of chart, map and table.
const PAGES: { path: string; charts: number; maps: number; tables: number }[] = [
  { path: "/", charts: 0, maps: 0, tables: 0 },
  { path: "/indicators/scotland-drug-misuse-death-rate/", charts: 1, maps: 1, tables: 2 },
  { path: "/indicators/scotland-workforce-vacancy-rate/", charts: 1, maps: 1, tables: 2 },
  { path: "/maps/adps/scotland-ongoing-waits-over-3-weeks/", charts: 0, maps: 1, tables: 1 },
  { path: "/maps/local-authorities/", charts: 0, maps: 1, tables: 1 },
  { path: "/areas/council-areas/S12000049/", charts: 0, maps: 0, tables: 1 },
  { path: "/service-provision/waiting-times/", charts: 3, maps: 0, tables: 3 },
  { path: "/compare/", charts: 1, maps: 0, tables: 1 },
];

describe("with JavaScript switched off", () => {
  it("every chart, map and table is in the page", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    for (const p of PAGES) {
      const response = await page.goto(`${base}${p.path}`);
      expect(response?.status(), p.path).toBe(200);
      // Charts and maps are inline SVG drawn at build time: visible without any script.
      expect(await page.locator("figure.chart svg[role=img]:visible").count(), `${p.path} charts`).toBeGreaterThanOrEqual(p.charts);
      expect(await page.locator("figure.map svg[role=group]:visible").count(), `${p.path} maps`).toBeGreaterThanOrEqual(p.maps);
      expect(await page.locator("table").count(), `${p.path} tables`).toBeGreaterThanOrEqual(p.tables);
      // Each map area is reachable and named with its value.
      if (p.maps > 0) {
        const names = await page.locator("figure.map:visible .areas > a, figure.map:visible .areas > path").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
        expect(names.length).toBeGreaterThan(5);
        for (const n of names) expect(n).toMatch(/^.+: (no published figure|.*\d.*|\[[cx]\].*)/);
      }
    }
    await context.close();
  });
});
