import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvFormatRows, csvParse, csvParseRows } from "d3-dsv";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture } from "../helpers/fixtures.ts";
import { launch, newPage, sitemapPaths } from "./browser.ts";
import { buildSite, serve } from "./build.ts";

// The site built from sources whose titles, notes and area names are hostile: script tags, attribute
// break-outs, javascript: text, formulas and very long words. Nothing may execute, nothing may break the
// layout, and the text must be shown as written.
const SCRIPT = "<script>window.__pwned='script'</script>";
const BREAKOUT = `"><img src=x onerror="window.__pwned='img'">`;
const JS_URL = "javascript:window.__pwned='url'";
const LONG = `Supercalifragilistic${"x".repeat(300)}`;
const FORMULA = '=HYPERLINK("javascript:alert(1)","click")';

function editCsv(path: string, change: (row: Record<string, string>) => void): void {
  const [header] = csvParseRows(readFileSync(path, "utf8"));
  const rows = csvParse(readFileSync(path, "utf8"));
  rows.forEach((r) => change(r as Record<string, string>));
  writeFileSync(path, `${csvFormatRows([header!, ...rows.map((r) => header!.map((c) => r[c] ?? ""))])}\n`);
}

let work: string;
let site: { url: string; close: () => Promise<void> };
let dist: string;
let browser: Browser;
const AREA = `Clackmannanshire ${BREAKOUT}`;

beforeAll(async () => {
  const f = copyFixture();
  work = mkdtempSync(join(tmpdir(), "daw-hostile-"));
  editCsv(join(f.reference, "indicators.csv"), (r) => {
    if (r.id === "test-deaths") {
      r.title = `Deaths ${SCRIPT} ${BREAKOUT}`;
      r.description = `${LONG} ${JS_URL}`;
    }
  });
  editCsv(join(f.reference, "areas.csv"), (r) => {
    if (r.code === "S12000005") r.name = AREA;
  });
  editCsv(join(f.sources, "nation", "sources.csv"), (r) => {
    if (r.source_id === "P1") {
      r.title = `Report ${SCRIPT}`;
      r.publisher = `Office ${BREAKOUT}`;
      r.notes = JS_URL;
    }
  });
  editCsv(join(f.sources, "nation", "figures.csv"), (r) => {
    if (r.area_code === "S12000005") r.area_name = AREA;
    if (r.measure === "deaths") {
      r.notes = FORMULA;
      r.source_location = `${LONG} ${SCRIPT}`;
    }
  });
  ({ dist } = buildSite(work, { sources: f.sources, reference: f.reference }));
  f.cleanup();
  site = await serve(dist);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("data strings are text, never markup", () => {
  it("nothing executes, the text is shown as written, and no page scrolls sideways", async () => {
    const problems: string[] = [];
    for (const width of [1280, 320]) {
      const { context, page } = await newPage(browser, { viewport: { width, height: 800 } });
      page.on("dialog", (d) => {
        problems.push(`dialog opened: ${d.message()}`);
        void d.dismiss();
      });
      for (const path of sitemapPaths(dist)) {
        await page.goto(`${site.url}${path}`);
        const state = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: string }).__pwned,
          injected: document.querySelectorAll('img[src="x"], [onerror], [onload], a[href^="javascript:"]').length,
          text: document.body.innerText,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        }));
        if (state.pwned) problems.push(`${path}: script ran (${state.pwned})`);
        if (state.injected > 0) problems.push(`${path}: ${state.injected} injected elements`);
        if (state.overflow > 0) problems.push(`${path} at ${width}px: scrolls sideways by ${state.overflow}px`);
        if (path.startsWith("/indicators/test-deaths/") && !state.text.includes(SCRIPT)) problems.push(`${path}: the title is not shown as written`);
        if (path.startsWith("/areas/council-areas/S12000005/") && !state.text.includes(AREA)) problems.push(`${path}: the area name is not shown as written`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it("text cells that look like formulas are neutralised in CSV downloads, and kept as written in JSON", () => {
    const csv = csvParse(readFileSync(join(dist, "data", "indicators", "test-deaths.csv"), "utf8"));
    const notes = csv.filter((r) => r.measure === "deaths").map((r) => r.notes);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n).toBe(`'${FORMULA}`);
    const json = JSON.parse(readFileSync(join(dist, "data", "figures.json"), "utf8")) as { figures: { measure: string; notes: string }[] };
    expect(json.figures.filter((f) => f.measure === "deaths").map((f) => f.notes)).toEqual(notes.map(() => FORMULA));
  });
});
