import type { Locator } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { newPage, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const browser = useBrowser();

const text = async (l: Locator) => (await l.textContent())?.trim() ?? "";

describe("a reader's journey: home → indicator → map → area → download", () => {
  it("follows links by their names and ends with a CSV download", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(`${base}/`);
    expect(await text(page.getByRole("heading", { level: 1 }))).toBe("Drugs and alcohol workforce: Scotland and England");
    // Home shows the headline figures with their sources: the first Scottish card is the estimated whole workforce.
    const scotland = page.getByRole("region", { name: "Scotland: headline figures" });
    const first = scotland.getByRole("listitem").first();
    expect(await text(first.getByRole("heading"))).toBe("Estimated whole frontline workforce (WTE)");
    expect(await first.getByText("3,288 to 3,768 WTE", { exact: true }).isVisible()).toBe(true);
    expect(await first.getByText(/^Scottish Government/).count()).toBe(1);
    expect(await first.getByRole("link", { name: /^Source and details/ }).count()).toBe(1);
    expect(await scotland.getByText("8.8%", { exact: true }).isVisible()).toBe(true);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Indicators" }).click();
    await page.getByRole("link", { name: "Drug misuse death rate (age-standardised), Scotland, NHS Boards and council areas" }).click();
    expect(await text(page.getByRole("heading", { level: 1 }))).toContain("Drug misuse death rate");
    expect(await page.getByRole("heading", { name: "Cite this" }).isVisible()).toBe(true);

    // The map: each area is a link named with its value; follow one to its figures.
    const map = page.getByRole("group", { name: /by council area/ }).first();
    const glasgow = map.getByRole("link", { name: /^Glasgow City: 44\.6 per 100,000/ });
    expect(await glasgow.count()).toBe(1);
    await glasgow.click();
    expect(await text(page.getByRole("heading", { level: 1 }))).toContain("Glasgow City");
    expect(page.url()).toMatch(/#f-[0-9a-f]{16}$/);

    await page.getByRole("link", { name: "Everything published for Glasgow City" }).click();
    expect(await text(page.getByRole("heading", { level: 1 }))).toBe("Glasgow City");
    expect(await page.getByRole("table").count()).toBeGreaterThan(0);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data" }).click();
    const href = await page.getByRole("link", { name: "figures.csv", exact: true }).getAttribute("href");
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    expect((await response.text()).split("\n")[0]).toMatch(/^figure_id,indicator_id,/);
    await context.close();
  });
});
