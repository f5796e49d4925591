/** Maps over time: a static page per period, and with JavaScript a control that switches the map in place. */
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, newPage, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const browser = useBrowser();
const MAP = "/maps/council-areas/scotland-drug-misuse-death-rate/";

/** The ranked table's rows as text (rank, area, value), without the benchmark row. */
const ranked = (page: Page) => page.locator("table.ranked tbody tr:not(.benchmark)").evaluateAll((rows) => rows.map((r) => (r.textContent ?? "").replace(/\s+/g, " ").trim()));

describe("maps over time", () => {
  it("without JavaScript, links every period to its own page, which maps that period", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${base}${MAP}`);
    const nav = page.getByRole("navigation", { name: /Periods of this map/ });
    const links = nav.getByRole("link");
    expect(await links.count()).toBeGreaterThan(10);
    expect(await nav.locator('a[aria-current="page"]').count()).toBe(1);
    await nav.getByRole("link", { name: "2010-2014", exact: true }).click();
    expect(new URL(page.url()).pathname).toBe(`${MAP}2010-2014/`);
    expect(await page.locator("h1").textContent()).toContain("2010-2014");
    expect(await page.locator("table.ranked caption").textContent()).toContain("2010-2014");
    await context.close();
  });

  it("with JavaScript, the period control shows the same map and table as the static page, and keeps the period in the address", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(`${base}${MAP}2010-2014/`);
    const staticRows = await ranked(page);
    const staticLegend = await page.locator(".map-key").textContent();
    await page.goto(`${base}${MAP}`);
    const control = page.getByLabel("Period shown on the map");
    const latestRows = await ranked(page);
    await control.selectOption({ label: "2010-2014" });
    await page.waitForFunction(() => document.querySelector("table.ranked caption")?.textContent?.includes("2010-2014"));
    expect(await ranked(page)).toEqual(staticRows);
    expect(await page.locator(".map-key").textContent()).toBe(staticLegend);
    expect(await ranked(page)).not.toEqual(latestRows);
    expect(new URL(page.url()).pathname).toBe(`${MAP}2010-2014/`);
    expect(await page.locator("#map-period-status").textContent()).toBe("The map now shows 2010-2014.");
    // The control is back, focused, for the next choice.
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/-period$/);
    await context.close();
  });

  it("shows a tooltip with the area's value on hover and focus, and passes axe before and after switching", async () => {
    const { context, page } = await newPage(browser(), { bypassCSP: true });
    await page.goto(`${base}${MAP}`);
    expect(await axeViolations(page)).toEqual([]);
    const glasgow = page.locator('svg.choropleth a[aria-label^="Glasgow City:"]');
    await glasgow.hover();
    const tip = page.locator(".map-tooltip");
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe(await glasgow.getAttribute("aria-label"));
    await glasgow.focus();
    expect(await tip.textContent()).toMatch(/^Glasgow City: /);
    await page.getByLabel("Period shown on the map").selectOption({ label: "2015-2019" });
    await page.waitForFunction(() => document.querySelector("table.ranked caption")?.textContent?.includes("2015-2019"));
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
