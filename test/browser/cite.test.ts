import { describe, expect, inject, it } from "vitest";
import { newPage, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const browser = useBrowser();

// A page of each kind that cites: an indicator (a figure's source), an area profile and the planning tool (this site's pages).
const PAGES = ["/indicators/scotland-workforce-vacancy-rate/", "/areas/council-areas/S12000049/", "/areas/adps/S11000015/", "/planning/"];

describe("Cite this", () => {
  it("without JavaScript shows the citation and the BibTeX entry, and no copy button", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    for (const path of PAGES) {
      await page.goto(`${base}${path}`);
      const cite = page.getByRole("region", { name: "Cite this" });
      await expect.poll(() => cite.count(), { message: path }).toBe(1);
      const text = (await cite.locator(".citation-text").textContent()) ?? "";
      expect(text, path).toMatch(/data release \S+/i);
      expect(text, path).not.toMatch(/add the site's address/);
      expect(await cite.locator("pre code").textContent(), path).toMatch(/^@misc\{/);
      expect(await cite.getByRole("button").count(), path).toBe(0);
    }
    await context.close();
  });

  it("with JavaScript copies the citation and the BibTeX entry, with an absolute permalink, and says so in a live region", async () => {
    const { context, page } = await newPage(browser(), { permissions: ["clipboard-read", "clipboard-write"] });
    for (const path of PAGES) {
      await page.goto(`${base}${path}`);
      const cite = page.getByRole("region", { name: "Cite this" });
      const permalink = `${base}${path}`;
      const shown = (await cite.locator(".citation-text").textContent()) ?? "";
      expect(shown, path).toContain(permalink);
      await cite.getByRole("button", { name: "Copy citation" }).click();
      await expect.poll(() => cite.getByRole("status").textContent(), { message: path }).toBe("Citation copied to the clipboard.");
      expect(await page.evaluate(() => navigator.clipboard.readText()), path).toBe(shown);
      await cite.getByText("BibTeX entry, for reference managers").click();
      await cite.getByRole("button", { name: "Copy BibTeX" }).click();
      await expect.poll(() => cite.getByRole("status").textContent(), { message: path }).toBe("BibTeX entry copied to the clipboard.");
      const bib = await page.evaluate(() => navigator.clipboard.readText());
      expect(bib, path).toMatch(/^@misc\{[A-Za-z0-9-]+,\n/);
      expect(bib, path).toContain(permalink.replace(/#/g, "\\#"));
    }
    await context.close();
  });
});

describe("the not-found page", () => {
  it("is dist/404.html in the site's style, and each of its links opens a page", async () => {
    const { context, page } = await newPage(browser());
    const response = await page.goto(`${base}/404.html`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(1);
    const hrefs = await page.locator("main a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThanOrEqual(6);
    // Counts in words with the right plural ("74 indicators", never "1 indicators").
    expect(await page.locator("main").textContent()).toMatch(/all \d[\d,]* indicators, by topic/);
    for (const href of hrefs) expect((await page.request.get(href)).status(), href).toBe(200);
    await context.close();
  });
});
