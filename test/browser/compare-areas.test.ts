/** Comparing areas: the tool restores a comparison from its address, and every profile lists similar areas without JavaScript. */
import { describe, expect, inject, it } from "vitest";
import { axeViolations, newPage, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const browser = useBrowser();

describe("compare areas", () => {
  it("restores a comparison of three council areas from its address, with the national benchmark, a chart and a download", async () => {
    const { context, page } = await newPage(browser(), { bypassCSP: false });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${base}/compare-areas/?level=council-areas&areas=S12000049,S12000042,S12000047`);
    const table = page.locator("table.compare-table");
    await table.waitFor();
    const heads = await table.locator("thead th").allTextContents();
    expect(heads.slice(1)).toEqual(["Glasgow City", "Dundee City", "Fife", "Scotland (national figure)"]);
    expect(await page.getByLabel("Area 1").inputValue()).toBe("S12000049");
    expect(await page.getByLabel("Area 3").inputValue()).toBe("S12000047");
    // Each row is one indicator in one period, with links to the figures.
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(5);
    expect(await table.locator("tbody tr").first().locator("a[href*='#f-'], a[href*='#d-']").count()).toBeGreaterThan(0);
    await page.locator(".compare-chart svg").waitFor();
    expect(await page.getByRole("link", { name: "Download this view (CSV)" }).count()).toBe(1);
    // Choosing again updates the address.
    await page.getByLabel("Area 3").selectOption({ label: "None" });
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("areas") === "S12000049,S12000042");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("passes axe before and after comparing", async () => {
    const { context, page } = await newPage(browser(), { bypassCSP: true });
    await page.goto(`${base}/compare-areas/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/compare-areas/?level=health-boards&areas=S08000031,S08000030`);
    await page.locator("table.compare-table").waitFor();
    await page.locator(".compare-chart svg").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("without JavaScript, each profile lists the areas most like it and links to a comparison page with them", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${base}/areas/council-areas/S12000049/`);
    const similar = page.getByRole("region", { name: "Areas like Glasgow City" });
    expect(await similar.getByRole("listitem").count()).toBe(4);
    expect(await similar.getByText(/Distance = √/).count()).toBe(1);
    await similar.getByRole("link", { name: /Glasgow City beside these 4 council areas/ }).click();
    expect(await page.locator("h1").textContent()).toBe("Glasgow City and the council areas most like it");
    expect(await page.locator("table.compare-table thead th").count()).toBe(1 + 5 + 1);
    await page.goto(`${base}/compare-areas/`);
    expect(await page.getByText("Choosing your own areas needs JavaScript").isVisible()).toBe(true);
    await context.close();
  });
});
