/**
 * Chart and map downloads: every link to a chart file resolves; every PNG is a PNG whose size (from its header) is
 * the one its link states and twice its SVG's; every SVG is a standalone image that carries its title, its sources
 * and its licence; every Open Graph image exists. Embed pages show one chart and link back.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { JSDOM } from "jsdom";
import { htmlFiles, listFiles } from "../helpers/files.ts";
import { PNG_SCALE } from "../../src/charts/files.ts";
import { frameableElsewhere, headersFor, parseHeadersFile } from "../../src/lib/headersRules.ts";
import { ROOT } from "./build.ts";

const dist = inject("distDir");

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(buf: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  if (buf.subarray(12, 16).toString("latin1") !== "IHDR") throw new Error("PNG without IHDR first");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const fileOf = (href: string) => join(dist, decodeURI(href).replace(/^\/+/, ""));
const pages = htmlFiles(dist);
const chartLinks: { page: string; href: string; text: string; download: string }[] = [];
for (const file of pages) {
  const html = readFileSync(file, "utf8");
  if (!html.includes('class="chart-files"')) continue;
  for (const m of html.matchAll(/<a href="([^"]+\.(?:png|svg))" download="([^"]+)"[^>]*>([^<]+)<\/a>/g)) {
    chartLinks.push({ page: file.slice(dist.length), href: m[1]!, download: m[2]!, text: m[3]! });
  }
}

describe("chart and map downloads", () => {
  it("are offered on indicator, map, service provision and area-indicator pages, PNG on indicator and map pages", () => {
    const on = (prefix: RegExp, ext: string) => chartLinks.filter((l) => prefix.test(l.page) && l.href.endsWith(ext)).length;
    expect(on(/^\/indicators\/[^/]+\/index\.html$/, ".png")).toBeGreaterThan(80);
    expect(on(/^\/indicators\/[^/]+\/index\.html$/, ".svg")).toBeGreaterThan(80);
    expect(on(/^\/maps\//, ".png")).toBeGreaterThan(30);
    expect(on(/^\/service-provision\//, ".svg")).toBeGreaterThan(20);
    expect(on(/^\/service-provision\//, ".png") + on(/^\/indicators\/[^/]+\/[^/]+\/[^/]+\/index\.html$/, ".png")).toBe(0);
    expect(on(/^\/indicators\/[^/]+\/[^/]+\/[^/]+\/index\.html$/, ".svg")).toBeGreaterThan(500);
  });

  it("every link resolves, says its format and size, and is saved under a descriptive name", () => {
    const problems: string[] = [];
    for (const l of chartLinks) {
      if (!existsSync(fileOf(l.href))) problems.push(`${l.page}: ${l.href} is missing`);
      if (l.href.endsWith(".png") && !/^PNG image \([\d,]+ × [\d,]+ pixels\)$/.test(l.text)) problems.push(`${l.page}: "${l.text}"`);
      if (l.href.endsWith(".svg") && !/^SVG image \([\d.]+ (KB|bytes)\)$/.test(l.text)) problems.push(`${l.page}: "${l.text}"`);
      if (l.download !== `${l.href.replace(/^\/+/, "").replace(/\.(png|svg)$/, "").split("/").join("-")}.${l.href.split(".").at(-1)}`) problems.push(`${l.page}: saved as ${l.download}`);
    }
    expect(chartLinks.length).toBeGreaterThan(1000);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("every PNG is a PNG of the size its link states, twice its SVG's", () => {
    const problems: string[] = [];
    const pngs = chartLinks.filter((l) => l.href.endsWith(".png"));
    for (const l of pngs) {
      const size = pngSize(readFileSync(fileOf(l.href)));
      const stated = /\(([\d,]+) × ([\d,]+) pixels\)/.exec(l.text)!.slice(1).map((n) => Number(n.replace(/,/g, "")));
      if (size.width !== stated[0] || size.height !== stated[1]) problems.push(`${l.href}: ${size.width}×${size.height}, link says ${stated.join("×")}`);
      const svg = readFileSync(fileOf(l.href.replace(/\.png$/, ".svg")), "utf8");
      const [w, h] = [/ width="(\d+)"/.exec(svg)![1], / height="(\d+)"/.exec(svg)![1]].map(Number);
      if (size.width !== w! * PNG_SCALE || size.height !== h! * PNG_SCALE) problems.push(`${l.href}: ${size.width}×${size.height} for an SVG of ${w}×${h}`);
    }
    expect(pngs.length).toBeGreaterThan(150);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("every SVG stands alone and carries its title, sources, licence and the page it comes from", () => {
    const svgs = [...new Set(chartLinks.filter((l) => l.href.endsWith(".svg")).map((l) => l.href))];
    const problems: string[] = [];
    for (const href of svgs) {
      const text = readFileSync(fileOf(href), "utf8");
      const doc = new JSDOM(text, { contentType: "image/svg+xml" }).window.document;
      const root = doc.documentElement;
      if (root.tagName !== "svg" || root.getAttribute("xmlns") !== "http://www.w3.org/2000/svg") {
        problems.push(`${href}: not a standalone SVG`);
        continue;
      }
      const title = doc.querySelector("svg > title")?.textContent ?? "";
      const printed = [...doc.querySelectorAll("svg > text")].map((t) => t.textContent).join(" ");
      if (!title || !printed.includes(title.split(" ").slice(0, 3).join(" "))) problems.push(`${href}: title "${title}" not printed`);
      if (!/Source( \d+ of \d+)?: .+, .+\[[A-Z0-9_]+/.test(printed)) problems.push(`${href}: no source`);
      if (!/Figures reused under the |Licences?: /.test(printed)) problems.push(`${href}: no licence`);
      const page = href.replace(/[^/]+\.svg$/, "");
      if (!printed.includes(page)) problems.push(`${href}: does not name ${page}`);
      if (/<a\b|<script|\son[a-z]+=/.test(text)) problems.push(`${href}: has a link or script`);
    }
    expect(svgs.length).toBeGreaterThan(900);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("a map's SVG carries its legend and the boundaries' attribution", () => {
    const text = readFileSync(join(dist, "maps/council-areas/scotland-drug-misuse-deaths/map.svg"), "utf8");
    expect(text).toMatch(/No published figure \(\d+ areas?\)/);
    expect(text).toContain("Boundaries: ONS, OGL v3.0");
  });

  it("every Open Graph image is there", () => {
    const problems: string[] = [];
    for (const file of pages) {
      const m = /<meta property="og:image" content="([^"]+)"/.exec(readFileSync(file, "utf8"));
      if (m && !existsSync(fileOf(new URL(m[1]!, "http://x/").pathname))) problems.push(`${file.slice(dist.length)}: ${m[1]}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("embed pages", () => {
  const embeds = htmlFiles(join(dist, "embed"));
  it("one for every chart and map of an indicator page and of every map page", () => {
    const indicatorCharts = chartLinks.filter((l) => /^\/indicators\/[^/]+\/index\.html$/.test(l.page) && l.href.endsWith(".svg")).length;
    const mapPages = listFiles(join(dist, "maps")).filter((p) => /maps\/[^/]+\/[^/]+\/index\.html$/.test(p)).length;
    expect(embeds.length).toBe(indicatorCharts + mapPages);
  });

  it("show one chart or map, its source and downloads, a link back and the embed code as text", () => {
    const problems: string[] = [];
    for (const file of embeds) {
      const doc = new JSDOM(readFileSync(file, "utf8")).window.document;
      const page = file.slice(dist.length);
      const figures = doc.querySelectorAll("figure.chart, figure.map");
      if (figures.length !== 1) problems.push(`${page}: ${figures.length} charts`);
      if (!doc.querySelector(".source-line")?.textContent?.includes("Source")) problems.push(`${page}: no source`);
      if (doc.querySelectorAll(".chart-files a[download]").length < 1) problems.push(`${page}: no download`);
      if (doc.querySelector("base")?.getAttribute("target") !== "_top") problems.push(`${page}: links would open inside the frame`);
      const back = doc.querySelector<HTMLAnchorElement>(".embed-back a")?.getAttribute("href") ?? "";
      if (!existsSync(join(dist, back.replace(/^\/+/, ""), "index.html"))) problems.push(`${page}: link back to ${back} goes nowhere`);
      const code = doc.querySelector("#embed-code")?.textContent ?? "";
      const src = /^<iframe src="([^"]+)" title="[^"]+" width="100%" height="\d+" loading="lazy"><\/iframe>$/.exec(code)?.[1];
      if (src !== page.replace(/index\.html$/, "")) problems.push(`${page}: embed code ${code}`);
      if (doc.querySelector("button[data-copy-embed]")?.hasAttribute("hidden") !== true) problems.push(`${page}: copy button shown without JavaScript`);
    }
    expect(embeds.length).toBeGreaterThan(100);
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe("with SITE_URL and a base path", () => {
  const work = mkdtempSync(join(tmpdir(), "daw-share-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("links, images, embed code and metadata name the site's full address, and _headers covers the folder", () => {
    // The same site built for https://example.org/dash/ from the same data (no second data build).
    const publicDir = join(work, "public");
    cpSync(join(ROOT, "public"), publicDir, { recursive: true, filter: (src) => !src.startsWith(join(ROOT, "public", "data")) });
    cpSync(join(dist, "data"), join(publicDir, "data"), { recursive: true });
    const out = join(work, "dist");
    const env: NodeJS.ProcessEnv = { ...process.env, PUBLIC_DIR: publicDir, SITE_URL: "https://example.org/dash/" };
    delete env.DATA_DIR;
    delete env.BASE_PATH;
    execFileSync(process.execPath, [join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build", "--outDir", out, "--silent"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    const html = readFileSync(join(out, "indicators/scotland-drug-misuse-deaths/index.html"), "utf8");
    const site = "https://example.org/dash/";
    expect(html).toContain(`<link rel="canonical" href="${site}indicators/scotland-drug-misuse-deaths/">`);
    expect(html).toContain(`<meta property="og:url" content="${site}indicators/scotland-drug-misuse-deaths/">`);
    expect(html).toContain(`<meta property="og:image" content="${site}indicators/scotland-drug-misuse-deaths/trend.png">`);
    expect(html).toContain('<a href="/dash/indicators/scotland-drug-misuse-deaths/trend.png" download="indicators-scotland-drug-misuse-deaths-trend.png"');
    expect(html).toContain('<a href="/dash/embed/indicators/scotland-drug-misuse-deaths/trend/">');
    expect(existsSync(join(out, "indicators/scotland-drug-misuse-deaths/trend.png"))).toBe(true);
    expect(readFileSync(join(out, "indicators/scotland-drug-misuse-deaths/trend.svg"), "utf8")).toContain(`${site}indicators/scotland-drug-misuse-deaths/ (data release`);
    const embed = new JSDOM(readFileSync(join(out, "embed/indicators/scotland-drug-misuse-deaths/trend/index.html"), "utf8")).window.document;
    expect(embed.querySelector("#embed-code")!.textContent).toMatch(new RegExp(`^<iframe src="${site}embed/indicators/scotland-drug-misuse-deaths/trend/"`));
    expect(embed.querySelector("[data-embed-code]")!.hasAttribute("data-embed-path")).toBe(false);
    expect(embed.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(`${site}indicators/scotland-drug-misuse-deaths/`);
    const rules = parseHeadersFile(readFileSync(join(out, "_headers"), "utf8"));
    for (const host of ["netlify", "cloudflare"] as const) {
      expect(frameableElsewhere(headersFor(rules, "/dash/indicators/scotland-drug-misuse-deaths/", host))).toBe(false);
      expect(frameableElsewhere(headersFor(rules, "/dash/", host))).toBe(false);
      expect(frameableElsewhere(headersFor(rules, "/dash/embed/indicators/scotland-drug-misuse-deaths/trend/", host))).toBe(true);
    }
  });
});
