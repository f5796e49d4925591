/**
 * The site search from the header: areas by name and by code, an indicator by a word of its description, under a
 * base path too; the index loads only once someone focuses the box; axe passes before and after typing; without
 * JavaScript the header links to the A to Z lists, and they list every area and indicator.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import sirv from "sirv";
import { afterAll, describe, expect, inject, it } from "vitest";
import { SiteRegistry } from "../../src/schemas/site.ts";
import { axeViolations, newPage, useBrowser } from "./browser.ts";
import { ROOT } from "./build.ts";

const base = inject("baseUrl");
const dist = inject("distDir");
const browser = useBrowser();
const registry = SiteRegistry.parse(JSON.parse(readFileSync(join(dist, "data", "site", "registry.json"), "utf8")));

/** Types into the header's search box and waits for the results of exactly that search. */
async function search(page: Page, term: string) {
  await page.getByRole("searchbox", { name: "Search" }).fill(term);
  await expect.poll(() => page.getByRole("status").textContent()).toContain(`“${term}”`);
  return page.locator("#site-search-results");
}

/** A word of some indicator's description that no title uses and as few other descriptions as possible do. */
function descriptionWord(): { word: string; id: string } {
  const words = (s: string) => s.toLowerCase().match(/[a-z]{6,}/g) ?? [];
  const inTitles = new Set(registry.indicators.flatMap((i) => [...words(i.title), ...words(i.short_title)]));
  const uses = new Map<string, string[]>();
  for (const i of registry.indicators) for (const w of new Set(words(i.description))) if (!inTitles.has(w)) uses.set(w, [...(uses.get(w) ?? []), i.id]);
  const [word, ids] = [...uses].sort((a, b) => a[1].length - b[1].length || (a[0] < b[0] ? -1 : 1))[0]!;
  return { word, id: ids[0]! };
}

describe("site search", () => {
  it("loads nothing of the index until the box is focused, then finds an area by name and by code", async () => {
    const { context, page } = await newPage(browser(), { bypassCSP: true });
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${base}/`, { waitUntil: "networkidle" });
    expect(fetched.filter((p) => p.includes("/pagefind/"))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    const fife = registry.areas.find((a) => a.code === "S12000047")!;
    let results = await search(page, fife.name);
    expect(fetched.some((p) => p.endsWith("/pagefind/pagefind.js"))).toBe(true);
    const areas = results.getByRole("region", { name: "Areas" });
    const first = areas.getByRole("listitem").first();
    await expect.poll(() => first.getByRole("link").textContent()).toBe(fife.name);
    expect(await first.textContent()).toContain("Council area · S12000047");
    expect(await first.textContent()).toMatch(/Figures for \d+ indicators?: /);
    expect(await first.getByRole("link").getAttribute("href")).toBe("/areas/council-areas/S12000047/");
    // Results are grouped, and the area's other names (NHS Fife is also published as Fife) find it too.
    expect(await areas.getByRole("link", { name: "NHS Fife" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    results = await search(page, "S12000047");
    expect(await results.getByRole("region", { name: "Areas" }).getByRole("link").first().textContent()).toBe(fife.name);

    // Escape clears the search and returns to the box.
    await page.keyboard.press("Escape");
    expect(await page.locator("#site-search-results").isHidden()).toBe(true);
    await context.close();
  });

  it("finds an indicator by a word of its description, and moves into the results with the arrow keys", async () => {
    const { context, page } = await newPage(browser(), { bypassCSP: true });
    await page.goto(`${base}/about/`, { waitUntil: "networkidle" });
    const { word, id } = descriptionWord();
    const ind = registry.indicators.find((i) => i.id === id)!;
    const results = await search(page, word);
    const link = results.getByRole("region", { name: "Indicators and topics" }).getByRole("link", { name: ind.title });
    expect(await link.getAttribute("href")).toBe(`/indicators/${id}/`);
    expect(await results.locator("mark").first().textContent()).toMatch(new RegExp(`^${word}`, "i"));
    await page.getByRole("searchbox", { name: "Search" }).press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.closest("#site-search-results") !== null)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/indicators\//);
    await context.close();
  });

  it("says so when nothing matches, and offers the A to Z lists", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(`${base}/`, { waitUntil: "networkidle" });
    const results = await search(page, "qwxyzzy");
    expect(await page.getByRole("status").textContent()).toBe("Nothing matches “qwxyzzy”.");
    expect(await results.getByRole("link", { name: "areas" }).getAttribute("href")).toBe("/areas-a-z/");
    await context.close();
  });

  it("runs under the site's Content-Security-Policy without breaking it", async () => {
    const { context, page } = await newPage(browser());
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${base}/`, { waitUntil: "networkidle" });
    await search(page, "Glasgow");
    expect(await page.locator("#site-search-results a").count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("the header has no search box but links to the A to Z lists, which list every area and indicator", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${base}/maps/`);
    expect(await page.getByRole("searchbox").count()).toBe(0);
    await page.getByRole("banner").getByRole("link", { name: "areas", exact: true }).click();
    await page.waitForURL(/\/areas-a-z\/$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Areas A to Z");
    // Every area profile linked from the Areas page is in the A to Z list, under its level and initial.
    const profiles = new Set(
      (await (await context.newPage()).goto(`${base}/areas/`).then((r) => r!.text())).match(/href="\/areas\/[a-z-]+\/[A-Za-z0-9-]+\/"/g),
    );
    const listed = new Set(await page.locator("main .az-list a").evaluateAll((as) => as.map((a) => `href="${a.getAttribute("href")}"`)));
    expect([...profiles].filter((p) => !listed.has(p))).toEqual([]);
    expect(await page.locator("main").textContent()).toContain("S12000047");
    expect(await page.getByRole("heading", { level: 3, name: "F" }).count()).toBeGreaterThan(0);

    await page.goto(`${base}/`);
    await page.getByRole("banner").getByRole("link", { name: "indicators", exact: true }).click();
    await page.waitForURL(/\/indicators-a-z\/$/);
    expect(await page.locator("main .az-list a").count()).toBe(registry.indicators.length);
    await context.close();
  });
});

describe("under a base path", () => {
  const work = mkdtempSync(join(tmpdir(), "daw-base-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("loads the index and links results under the base path", async () => {
    // The same site built under /dash/ from the same data (no second data build), with its search index.
    const publicDir = join(work, "public");
    cpSync(join(ROOT, "public"), publicDir, { recursive: true, filter: (src) => !src.startsWith(join(ROOT, "public", "data")) });
    cpSync(join(dist, "data"), join(publicDir, "data"), { recursive: true });
    const out = join(work, "dist");
    const env: NodeJS.ProcessEnv = { ...process.env, PUBLIC_DIR: publicDir, BASE_PATH: "/dash/" };
    delete env.DATA_DIR;
    execFileSync(process.execPath, [join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build", "--outDir", out, "--silent"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    execFileSync(process.execPath, [join(ROOT, "scripts", "search-index.ts"), out], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    const files = sirv(out, { dev: false, etag: false });
    const server: Server = createServer((req, res) => {
      const url = req.url ?? "/";
      if (!url.startsWith("/dash/")) {
        res.statusCode = 404;
        res.end("not under the base path");
        return;
      }
      req.url = url.slice("/dash".length);
      files(req, res, () => {
        res.statusCode = 404;
        res.end("not found");
      });
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { context, page } = await newPage(browser());
      const failed: string[] = [];
      const index: string[] = [];
      page.on("response", (r) => {
        const path = new URL(r.url()).pathname;
        if (path.includes("pagefind")) index.push(path);
        if (r.status() >= 400 && path.startsWith("/dash/")) failed.push(path);
      });
      await page.goto(`${origin}/dash/`, { waitUntil: "networkidle" });
      const results = await search(page, "Fife");
      const link = results.getByRole("region", { name: "Areas" }).getByRole("link", { name: "Fife", exact: true });
      expect(await link.getAttribute("href")).toBe("/dash/areas/council-areas/S12000047/");
      await link.click();
      await page.waitForURL(`${origin}/dash/areas/council-areas/S12000047/`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Fife");
      expect(index.length).toBeGreaterThan(3);
      expect(index.filter((p) => !p.startsWith("/dash/pagefind/"))).toEqual([]);
      expect(failed).toEqual([]);
      await context.close();
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
