// The workforce planning page in Chromium: the default scenarios without JavaScript, the form recomputing, invalid
// input, a shared address, downloads, 320 px, and axe-core before and after interaction.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, newPage, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const dist = inject("distDir");
const URL_ = `${base}/planning/`;

const browser = useBrowser();

/** The text of every cell of a table row, row header first. */
async function rowCells(page: Page, table: string, row: string): Promise<string[]> {
  const r = page.getByRole("table", { name: table }).getByRole("row", { name: row, exact: false }).first();
  return (await r.locator("th, td").allInnerTexts()).map((t) => t.trim());
}

describe("planning page without JavaScript", () => {
  it("shows both default scenarios as tables and charts, with sources, and hides the form", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    const response = await page.goto(URL_);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Workforce planning: a five-year projection");
    // England: P0 = 14,121 ÷ (1 − 0.08) = 15,348.91 → 15,348.9; V0 = 1,227.91 → 1,227.9.
    expect(await rowCells(page, "England default: projection year by year, whole-time equivalent (WTE)", "Start")).toEqual(["Start", "15,348.9", "14,121.0", "[z]", "[z]", "1,227.9", "0.0"]);
    // Year 1: leavers 0.19 × 14,121 = 2,682.99 → 2,683.0; recruits needed 15,348.91 − (14,121 − 2,682.99) = 3,910.90 → 3,910.9.
    expect((await rowCells(page, "England default: projection year by year, whole-time equivalent (WTE)", "Year 1")).slice(3, 5)).toEqual(["2,683.0", "3,910.9"]);
    // Scotland: P0 = 1,572.8 ÷ (1 − 0.088) = 1,724.56 → 1,724.6; year 1 leavers (borrowed 19%) 0.19 × 1,572.8 = 298.832 → 298.8.
    expect((await rowCells(page, "Scotland default: projection year by year, whole-time equivalent (WTE)", "Start"))[1]).toBe("1,724.6");
    expect((await rowCells(page, "Scotland default: projection year by year, whole-time equivalent (WTE)", "Year 1"))[3]).toBe("298.8");
    // Charts drawn at build time, one visible per scenario at this width.
    expect(await page.locator("#scenario-england figure.chart svg[role=img]:visible").count()).toBe(1);
    expect(await page.locator("#scenario-scotland figure.chart svg[role=img]:visible").count()).toBe(1);
    // Published inputs link to their figure; Scotland's turnover is an assumption, said plainly.
    expect(await page.locator('#scenario-england a[href$="#f-cda45993dfe2e50a"]').count()).toBe(1);
    const scotland = await page.locator("#scenario-scotland").innerText();
    expect(scotland).toMatch(/ASSUMPTION\s+Annual turnover: 19%/i);
    expect(scotland).toContain("it is not a Scottish figure");
    // The form needs JavaScript: hidden, with a note saying so.
    expect(await page.getByRole("textbox").count() + (await page.getByRole("spinbutton").count())).toBe(0);
    expect(await page.getByText("Changing the assumptions needs JavaScript").isVisible()).toBe(true);
    // Downloads of the defaults are static files.
    for (const file of ["england.csv", "scotland.csv", "england.json", "scotland.json"]) {
      expect((await page.request.get(`${base}/planning/${file}`)).status(), file).toBe(200);
    }
    await context.close();
  });

  it("has no inline script or style in the built HTML", () => {
    const html = readFileSync(join(dist, "planning", "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe("");
    }
    expect(html).not.toMatch(/<style|\sstyle=/);
  });
});

describe("planning page with JavaScript", () => {
  it("recomputes the table on input, labels changed values 'Your assumption', and keeps them in the address", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(URL_);
    const table = "Your scenario: projection year by year, whole-time equivalent (WTE)";
    expect((await rowCells(page, table, "Year 1"))[3]).toBe("2,683.0");
    await page.getByRole("spinbutton", { name: "Annual turnover" }).fill("25");
    // Leavers in year 1: 0.25 × 14,121 = 3,530.25 → 3,530.3
    expect((await rowCells(page, table, "Year 1"))[3]).toBe("3,530.3");
    expect(await page.locator("#turnoverRate-basis").innerText()).toMatch(/your assumption/i);
    expect(await page.locator("#vacancyRate-basis").innerText()).toMatch(/published figure/i);
    expect(new URL(page.url()).searchParams.get("turnover")).toBe("25");
    // The chart is redrawn in the browser (Plot loaded on first change).
    await page.waitForFunction(() => (document.querySelector<HTMLElement>('[data-projection="yours"]')?.dataset.chartDrawn ?? "") !== "");
    expect(await page.locator('[data-projection="yours"] figure.chart svg[role=img]:visible').count()).toBe(1);
    expect(await page.locator('[data-projection="yours"] svg[style], [data-projection="yours"] svg style').count()).toBe(0);
    await context.close();
  });

  it("shows a message next to an invalid field, an error summary, and no result", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(URL_);
    const vacancy = page.getByRole("spinbutton", { name: "Vacancy rate at the start" });
    await vacancy.fill("100");
    const message = "Vacancy rate must be less than 100%: with every post vacant there are no staff to work out the posts from";
    expect(await vacancy.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await vacancy.getAttribute("aria-describedby"))!.split(" ");
    expect(describedBy).toContain("vacancyRate-error");
    expect(await page.locator("#vacancyRate-error").textContent()).toBe(`Error: ${message}`);
    expect(await page.locator("#vacancyRate-error").isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: message }).isVisible()).toBe(true);
    expect(await page.getByRole("table", { name: /Your scenario/ }).count()).toBe(0);
    expect(await page.locator('[data-projection="yours"]').isVisible()).toBe(false);
    expect(await page.getByText("No projection", { exact: true }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Correcting it brings the result back and clears the message.
    await vacancy.fill("8");
    expect(await vacancy.getAttribute("aria-invalid")).toBeNull();
    expect(await page.getByRole("table", { name: /Your scenario/ }).count()).toBe(1);
    await context.close();
  });

  it("restores a shared address, and downloads that scenario", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(`${URL_}?from=scotland&turnover=12&fill=80&change=rate`);
    expect(await page.getByRole("radio", { name: "Scotland" }).isChecked()).toBe(true);
    expect(await page.getByRole("spinbutton", { name: "Staff in post at the start" }).inputValue()).toBe("1572.8");
    expect(await page.getByRole("spinbutton", { name: "Annual turnover" }).inputValue()).toBe("12");
    const table = "Your scenario: projection year by year, whole-time equivalent (WTE)";
    // Year 1: leavers 0.12 × 1,572.8 = 188.736 → 188.7; needed 1,724.56 − (1,572.8 − 188.736) = 340.50 → 340.5;
    // made 0.8 × 340.50 = 272.40 → 272.4 (a recruits-made column appears below a 100% fill share).
    expect((await rowCells(page, table, "Year 1")).slice(3, 6)).toEqual(["188.7", "340.5", "272.4"]);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download your scenario (CSV)" }).click();
    const file = await download;
    const csv = readFileSync((await file.path())!, "utf8");
    expect(csv.split("\n")[0]).toBe("scenario,part,year,name,label,value,unit,basis,figure_id,source,equation,note");
    expect(csv).toContain("custom,input,,turnoverRate,Annual turnover,12,percent,your assumption,");
    expect(csv).toContain("custom,input,,staffInPost,Staff in post at the start,1572.8,wte,published,f-41566c71c8247ebb,");
    const json = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download your scenario (JSON)" }).click();
    const doc = JSON.parse(readFileSync((await (await json).path())!, "utf8")) as { years: { recruits_made: number }[] };
    expect(doc.years[0]!.recruits_made).toBe(272.4);
    await context.close();
  });

  it("switching the starting scenario and the growth mode recomputes", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(URL_);
    await page.getByRole("radio", { name: "Scotland" }).check();
    expect(await page.getByRole("spinbutton", { name: "Staff in post at the start" }).inputValue()).toBe("1572.8");
    await page.getByRole("radio", { name: "To a target number of posts in year 5" }).check();
    const table = "Your scenario: projection year by year, whole-time equivalent (WTE)";
    // The target starts at what 0% growth reached: P5 = P0 = 1,572.8 ÷ 0.912 = 1,724.56, typed in as 1724.6.
    expect(await page.getByRole("spinbutton", { name: "Posts required in year 5" }).inputValue()).toBe("1724.6");
    expect((await rowCells(page, table, "Year 5"))[1]).toBe("1,724.6");
    await page.getByRole("spinbutton", { name: "Posts required in year 5" }).fill("2000");
    expect((await rowCells(page, table, "Year 5"))[1]).toBe("2,000.0");
    expect(new URL(page.url()).searchParams.get("change")).toBe("target");
    await context.close();
  });
});

describe("planning page accessibility and layout", () => {
  it("has no axe-core WCAG 2.2 A/AA violations before and after interaction", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(URL_);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("spinbutton", { name: "Share of recruits needed who are recruited" }).fill("60");
    await page.getByRole("spinbutton", { name: "Annual growth in posts required" }).fill("-10");
    await page.waitForFunction(() => (document.querySelector<HTMLElement>('[data-projection="yours"]')?.dataset.chartDrawn ?? "") !== "");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("does not scroll sideways at 320 px, before or after interaction", async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 320, height: 640 } });
    await page.goto(URL_);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await page.getByRole("spinbutton", { name: "Share of recruits needed who are recruited" }).fill("50");
    await page.waitForFunction(() => (document.querySelector<HTMLElement>('[data-projection="yours"]')?.dataset.chartDrawn ?? "") !== "");
    expect(await overflow()).toBe(0);
    await context.close();
  });
});
