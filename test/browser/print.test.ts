/**
 * The print stylesheet (src/styles/print.css), read through the computed styles of a page in print media: what
 * a reader would see on paper. (The PDFs themselves were looked at by hand; see the branch's report.)
 */
import { describe, expect, inject, it } from "vitest";
import { newPage, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const browser = useBrowser();

describe("printing a page", () => {
  it("drops the navigation, search and footer links, keeps sources, repeats table headers and opens the tables behind charts", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(`${base}/indicators/scotland-drug-misuse-deaths/`, { waitUntil: "networkidle" });
    const chartTable = page.locator("details.chart-table table").first();
    expect(await chartTable.isVisible()).toBe(false); // closed on screen
    await page.emulateMedia({ media: "print" });

    for (const selector of [".site-nav", ".site-search", ".skip-link", ".site-footer p:last-child"]) {
      expect(await page.locator(selector).first().evaluate((e) => getComputedStyle(e).display), selector).toBe("none");
    }
    expect(await page.locator(".site-title").isVisible()).toBe(true);
    expect(await page.locator(".site-footer p").first().isVisible()).toBe(true);
    // Source lines of the lead figure, charts and map stay.
    for (const s of await page.locator("main .source-line").all()) expect(await s.isVisible()).toBe(true);
    // Every table repeats its header row on each printed page; the table behind a chart prints open.
    const heads = await page.locator("main thead").evaluateAll((els) => els.map((e) => getComputedStyle(e).display));
    expect(heads.length).toBeGreaterThan(2);
    expect(new Set(heads)).toEqual(new Set(["table-header-group"]));
    expect(await chartTable.isVisible()).toBe(true);
    // The wide drawing of each chart is the one printed.
    expect(await page.locator("figure.chart .chart-wide").first().isVisible()).toBe(true);
    expect(await page.locator("figure.chart .chart-narrow").first().isVisible()).toBe(false);
    // A link to a publication prints its address after it; links inside the site do not.
    const external = page.locator("main :not(td, th) > a[href^='http']").first();
    const href = await external.getAttribute("href");
    expect(await external.evaluate((a) => getComputedStyle(a, "::after").content)).toBe(`" (${href})"`);
    expect(await page.locator("main .breadcrumbs a").first().evaluate((a) => getComputedStyle(a, "::after").content)).toBe("none");

    // Where in its source each figure is, closed on screen, prints open.
    await page.goto(`${base}/compare/`, { waitUntil: "networkidle" });
    const where = page.locator("details.where p").first();
    expect(await where.isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    expect(await where.isVisible()).toBe(false);
    await context.close();
  });
});
