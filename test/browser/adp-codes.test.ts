/**
 * An ADP published under two codes has one profile: the page at its other code sends the reader there (a meta
 * refresh and a link, so it works without JavaScript), and only the profile is listed in the sitemap.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { htmlFiles } from "../helpers/files.ts";
import { newPage, sitemapPaths, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const dist = inject("distDir");
const browser = useBrowser();

/** Every built page that only redirects, by its path from the site root, with the path it sends the reader to. */
function redirectPages(): { path: string; to: string }[] {
  return htmlFiles(dist).flatMap((file) => {
    const to = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(readFileSync(file, "utf8"))?.[1];
    return to ? [{ path: `/${file.slice(dist.length + 1).replace(/index\.html$/, "")}`, to }] : [];
  });
}

describe("an ADP under two codes", () => {
  it("has one profile: the other code's page redirects to it, and only the profile is in the sitemap", async () => {
    const redirects = redirectPages();
    // The five ADPs that Public Health Scotland and the Scottish Government publish under different codes.
    expect(redirects.length).toBeGreaterThanOrEqual(5);
    const listed = new Set(sitemapPaths(dist));
    for (const r of redirects) {
      expect(listed.has(r.path), r.path).toBe(false);
      expect(listed.has(r.to), r.to).toBe(true);
    }
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    const first = redirects.find((r) => r.path.startsWith("/areas/adps/"))!;
    await page.goto(`${base}${first.path}`);
    await page.waitForURL(`${base}${first.to}`);
    expect(await page.locator("h1").textContent()).toMatch(/ADP/);
    await context.close();
  });
});
