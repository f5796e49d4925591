/**
 * Framing: only the embed pages (/embed/…) may be shown in a frame on another site. The rules are in _headers
 * (written by the build from src/lib/security.ts), because frame-ancestors in a meta tag is ignored by browsers. Here
 * the built site is served with its _headers applied as Netlify and as Cloudflare Pages apply them, and Chromium
 * loads a page on another origin that frames an embed page and an ordinary page.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import sirv from "sirv";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/lib/security.ts";
import { frameableElsewhere, headersFor, parseHeadersFile, type HeaderRule } from "../../src/lib/headersRules.ts";
import { htmlFiles } from "../helpers/files.ts";
import { axeViolations, newPage, useBrowser } from "./browser.ts";

const dist = inject("distDir");
const rules = parseHeadersFile(readFileSync(join(dist, "_headers"), "utf8"));
const pagePath = (file: string) => file.slice(dist.length).replace(/index\.html$/, "");
const pages = htmlFiles(dist).map(pagePath);
const isEmbed = (p: string) => p.startsWith("/embed/");

describe("_headers", () => {
  for (const host of ["netlify", "cloudflare"] as const) {
    it(`as ${host} applies it, lets only embed pages be framed, and sends every page the policy and the other headers`, () => {
      const problems: string[] = [];
      for (const p of pages) {
        const h = headersFor(rules, p, host);
        if (frameableElsewhere(h) !== isEmbed(p)) problems.push(`${p}: ${isEmbed(p) ? "cannot" : "can"} be framed`);
        if (!(h.get("content-security-policy") ?? "").includes(CONTENT_SECURITY_POLICY)) problems.push(`${p}: no policy`);
        if (h.get("x-content-type-options") !== "nosniff" || !h.get("referrer-policy") || !h.get("permissions-policy")) problems.push(`${p}: missing headers`);
      }
      expect(pages.filter(isEmbed).length).toBeGreaterThan(100);
      expect(problems.slice(0, 10)).toEqual([]);
    });
  }

  it("no page's meta tag tries to set frame-ancestors (a browser ignores it there; the header decides)", () => {
    for (const file of htmlFiles(dist)) expect(readFileSync(file, "utf8"), file).not.toMatch(/http-equiv="Content-Security-Policy" content="[^"]*frame-ancestors/);
  });
});

/** Serves the built site with the headers `_headers` gives each address on the host. */
function serveWithHeaders(host: "netlify" | "cloudflare", r: HeaderRule[]): Promise<{ url: string; server: Server }> {
  const files = sirv(dist, { dev: false, etag: false });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    for (const [name, value] of headersFor(r, path, host)) res.setHeader(name, value);
    files(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

/** Another site: one page that frames the given addresses. */
function serveHost(srcs: string[]): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html><html lang="en"><title>Another site</title>${srcs.map((s, i) => `<iframe id="f${i}" src="${s}" title="frame ${i}" width="800" height="600"></iframe>`).join("")}</html>`;
  const server = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(html);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server })));
}

describe("in Chromium, on another site", () => {
  const browser = useBrowser();
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((ok) => s.close(ok)))));
  const embed = "/embed/indicators/scotland-drug-misuse-deaths/map/";
  const ordinary = "/indicators/scotland-drug-misuse-deaths/";

  for (const host of ["netlify", "cloudflare"] as const) {
    it(`an embed page shows in a frame and an ordinary page does not (headers as ${host} sends them)`, async () => {
      const site = await serveWithHeaders(host, rules);
      const other = await serveHost([`${site.url}${embed}`, `${site.url}${ordinary}`]);
      servers.push(site.server, other.server);
      const { context, page } = await newPage(browser());
      await page.goto(other.url, { waitUntil: "load" });
      const shown = async (i: number) => {
        const frame = await (await page.$(`#f${i}`))!.contentFrame();
        return frame ? await frame.locator("main").count().catch(() => 0) : 0;
      };
      expect(await shown(0)).toBe(1);
      expect(await shown(1)).toBe(0);
      await context.close();
    });
  }

  it("without the header, the meta tag alone does not stop framing (so _headers is what governs it)", async () => {
    const site = await serveWithHeaders("netlify", []);
    const other = await serveHost([`${site.url}${ordinary}`]);
    servers.push(site.server, other.server);
    const { context, page } = await newPage(browser());
    await page.goto(other.url, { waitUntil: "load" });
    const frame = await (await page.$("#f0"))!.contentFrame();
    expect(await frame!.locator("main").count()).toBe(1);
    await context.close();
  });
});

describe("embed pages in Chromium", () => {
  const base = inject("baseUrl");
  const browser = useBrowser();
  let sample: string[] = [];
  beforeAll(() => {
    const embeds = pages.filter(isEmbed);
    // A trend, a bar chart, an indicator map and a map page's map (all embeds with AXE_SAMPLE unset).
    sample = process.env.AXE_SAMPLE === "1" ? [/\/trend\/$/, /\/bars-0\/$/, /^\/embed\/indicators\/.*\/map\/$/, /^\/embed\/maps\//].map((re) => embeds.find((p) => re.test(p))!) : embeds;
  });

  it("pass axe (WCAG 2.2 A and AA), before and after the copy button is used", async () => {
    const { context, page } = await newPage(browser(), { bypassCSP: true, permissions: ["clipboard-read", "clipboard-write"] });
    const problems: string[] = [];
    for (const p of sample) {
      await page.goto(`${base}${p}`, { waitUntil: "load" });
      problems.push(...(await axeViolations(page)).map((v) => `${p}: ${v}`));
    }
    const last = sample[0]!;
    await page.goto(`${base}${last}`, { waitUntil: "load" });
    await page.getByText(/^Embed this (chart|map)$/).click();
    await page.getByRole("button", { name: "Copy embed code" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Embed code copied.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // Built without SITE_URL: the copied code names the embed page by its full address, from the page the reader is on.
    expect(copied.startsWith(`<iframe src="${base}${last}" title="`)).toBe(true);
    expect(copied).toMatch(/" width="100%" height="\d+" loading="lazy"><\/iframe>$/);
    problems.push(...(await axeViolations(page)).map((v) => `${last} after copying: ${v}`));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("without JavaScript the embed code is there to select and the copy button is not shown", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${base}${sample[0]}`);
    await page.getByText(/^Embed this (chart|map)$/).click();
    await expect.poll(() => page.locator("#embed-code").isVisible()).toBe(true);
    expect(await page.locator("#embed-code").textContent()).toMatch(/^<iframe src="\/embed\//);
    expect(await page.getByRole("button", { name: "Copy embed code" }).count()).toBe(0);
    await context.close();
  });
});
