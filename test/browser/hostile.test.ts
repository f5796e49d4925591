import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvFormatRows, csvParse, csvParseRows } from "d3-dsv";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, newPage } from "./browser.ts";
import { buildSite, ROOT, serve } from "./build.ts";

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

/** Pages whose HTML holds any of the hostile strings (escaped), plus the home page. */
function pagesWithHostileText(): string[] {
  const out = ["/"];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n === "index.html" && /window\.__pwned|Supercalifragilistic/.test(readFileSync(p, "utf8"))) out.push(`/${p.slice(dist.length + 1, -"index.html".length)}`);
    }
  };
  walk(dist);
  return [...new Set(out)];
}

beforeAll(async () => {
  // A copy of the real sources and reference with hostile text in an indicator, a source, an area and a figure.
  work = mkdtempSync(join(tmpdir(), "daw-hostile-"));
  const sources = join(work, "sources");
  const reference = join(work, "reference");
  cpSync(join(ROOT, "data", "sources"), sources, { recursive: true });
  cpSync(join(ROOT, "data", "reference"), reference, { recursive: true });
  editCsv(join(reference, "indicators.csv"), (r) => {
    if (r.id === "scotland-drug-misuse-deaths") {
      r.title = `Drug misuse deaths ${SCRIPT} ${BREAKOUT}`;
      r.description = `${LONG} ${JS_URL}`;
    }
  });
  editCsv(join(reference, "areas.csv"), (r) => {
    if (r.level === "council_area" && r.code === "S12000005") {
      r.name = AREA;
      r.aliases = "Clackmannanshire"; // other tables still publish the plain name
    }
  });
  editCsv(join(sources, "areas", "sources.csv"), (r) => {
    if (r.source_id === "A02") {
      r.title = `Drug-related deaths ${SCRIPT}`;
      r.publisher = `National Records of Scotland ${BREAKOUT}`;
      r.notes = JS_URL;
    }
  });
  editCsv(join(sources, "areas", "scotland_drug_misuse_deaths_nrs.csv"), (r) => {
    if (r.area_code === "S12000005") {
      r.area_name = AREA;
      r.notes = FORMULA;
      r.source_location = `${LONG} ${SCRIPT}`;
    }
  });
  ({ dist } = buildSite(work, { sources, reference }));
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
      const paths = pagesWithHostileText();
      expect(paths.length).toBeGreaterThan(10);
      for (const path of paths) {
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
        if (path === "/indicators/scotland-drug-misuse-deaths/" && !state.text.includes(SCRIPT)) problems.push(`${path}: the title is not shown as written`);
        if (path.startsWith("/areas/council-areas/S12000005/") && !state.text.includes(AREA)) problems.push(`${path}: the area name is not shown as written`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it("text cells that look like formulas are neutralised in CSV downloads, and kept as written in JSON", () => {
    const csv = csvParse(readFileSync(join(dist, "data", "indicators", "scotland-drug-misuse-deaths.csv"), "utf8"));
    const notes = csv.filter((r) => r.area_code === "S12000005").map((r) => r.notes);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n).toBe(`'${FORMULA}`);
    const json = JSON.parse(readFileSync(join(dist, "data", "api", "indicators", "scotland-drug-misuse-deaths.json"), "utf8")) as { figures: { area_code: string; note_id: string }[]; notes: { note_id: string; notes: string }[] };
    const noteText = new Map(json.notes.map((n) => [n.note_id, n.notes]));
    const jsonNotes = json.figures.filter((f) => f.area_code === "S12000005").map((f) => noteText.get(f.note_id));
    expect(jsonNotes).toEqual(notes.map(() => FORMULA));
  });
});
