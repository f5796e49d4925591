import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { newPage, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const browser = useBrowser();

// One page of each kind that has tables, with the fewest tables each must have (so a page that lost its
// tables, or a test that measures nothing, fails). The home page has none today; it is measured in case it gains one.
const PAGES: { path: string; tables: number }[] = [
  { path: "/", tables: 0 },
  { path: "/indicators/scotland-workforce-vacancy-rate/", tables: 2 },
  { path: "/indicators/uk-alcohol-specific-death-rate/", tables: 2 },
  { path: "/indicators/scotland-ongoing-waits/adps/S11000015/", tables: 2 },
  { path: "/areas/council-areas/S12000049/", tables: 1 },
  { path: "/areas/adps/S11000015/", tables: 1 },
  { path: "/maps/council-areas/scotland-drug-misuse-deaths/", tables: 1 },
  { path: "/service-provision/waiting-times/", tables: 3 },
  { path: "/compare/", tables: 1 },
  { path: "/data/", tables: 3 },
  { path: "/data/dictionary/", tables: 3 },
  { path: "/planning/", tables: 1 },
  // Need, the scenarios compared, and each scenario year by year.
  { path: "/planning/health-boards/S08000022/", tables: 4 },
];
const WIDTHS = [320, 360, 1280];

interface Measured {
  cells: number;
  words: number;
  problems: string[];
}

/**
 * Measures every word of every table cell on the page as it is laid out now.
 *
 * A "word" is a run of letters and digits, with any . , ' or ’ between them ("1,234", "2.5", "don't"): the
 * places a browser may break a line (spaces, and after a hyphen or a slash) are between words, never inside.
 * A word is broken when a Range over it has boxes on more than one line (what `overflow-wrap: anywhere`
 * does to "Eng|la|nd" in a squeezed column), and sticks out when its box passes the edge of its cell.
 * A checksum (`code.hash`) is not a word and may wrap anywhere. Text hidden from view is skipped.
 */
async function measureCells(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const problems: string[] = [];
    let cells = 0;
    let words = 0;
    const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;
    for (const cell of document.querySelectorAll<HTMLTableCellElement>("main th, main td")) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      cells++;
      const table = cell.closest("table")!;
      const where = `"${(table.caption?.textContent ?? "").trim().slice(0, 60)}", row ${(cell.parentElement as HTMLTableRowElement).rowIndex + 1}, cell ${cell.cellIndex + 1}`;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        if (parent.closest(".hash, .visually-hidden")) continue;
        const text = node.textContent ?? "";
        for (const m of text.matchAll(WORD)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          if (rects.length === 0) continue;
          words++;
          const lines = new Set<number>();
          for (const r of rects) if (![...lines].some((t) => Math.abs(t - r.top) < 2)) lines.add(r.top);
          if (lines.size > 1) problems.push(`"${m[0]}" is broken across ${lines.size} lines (${where})`);
          const left = Math.min(...rects.map((r) => r.left));
          const right = Math.max(...rects.map((r) => r.right));
          if (left < box.left - 1 || right > box.right + 1) problems.push(`"${m[0]}" (${Math.round(right - left)} px) sticks out of its cell (${Math.round(box.width)} px) (${where})`);
        }
      }
    }
    return { cells, words, problems };
  });
}

/**
 * Opens every <details> (chart tables, long lists), so the tables inside are laid out and measured too, then
 * waits two frames: scroll-state container queries (the "Scroll sideways" words) are updated after a frame.
 */
async function openAll(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

describe("tables read at 320, 360 and 1,280 px", () => {
  it("no table cell breaks a word or lets one stick out", async () => {
    const problems: string[] = [];
    let words = 0;
    for (const width of WIDTHS) {
      const { context, page } = await newPage(browser(), { viewport: { width, height: 900 } });
      for (const p of PAGES) {
        await page.goto(`${base}${p.path}`);
        await openAll(page);
        expect(await page.locator("main table").count(), `${p.path} tables`).toBeGreaterThanOrEqual(p.tables);
        const m = await measureCells(page);
        words += m.words;
        // The first few of each page are enough to see what is wrong.
        problems.push(...m.problems.slice(0, 5).map((x) => `${p.path} at ${width} px: ${x}${m.problems.length > 5 ? ` (and ${m.problems.length - 5} more on this page)` : ""}`));
      }
      await context.close();
    }
    expect(words).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
  });

  it("at 360 px a wide table reflows with each value beside its column name, or scrolls in its own box with the first column fixed and a visible cue", async () => {
    const problems: string[] = [];
    let reflowed = 0;
    let scrolling = 0;
    const { context, page } = await newPage(browser(), { viewport: { width: 360, height: 900 } });
    for (const p of PAGES) {
      await page.goto(`${base}${p.path}`);
      await openAll(page);
      const r = await page.evaluate(() => {
        const out = { problems: [] as string[], reflowed: 0, scrolling: 0 };
        for (const wrap of document.querySelectorAll<HTMLElement>("main .table-wrap")) {
          const table = wrap.querySelector("table");
          if (!table || wrap.getBoundingClientRect().width === 0) continue;
          const name = `"${(table.caption?.textContent ?? "").trim().slice(0, 60)}"`;
          if (getComputedStyle(table).display !== "table") {
            // Reflowed: every data cell with a value shows its column's name before it.
            out.reflowed++;
            const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
            for (const row of table.tBodies[0]?.rows ?? []) {
              for (const cell of row.cells) {
                if (cell.tagName !== "TD" || (cell.textContent ?? "").trim() === "") continue;
                const label = getComputedStyle(cell, "::before").content;
                const expected = headers[cell.cellIndex];
                if (!expected || label !== JSON.stringify(expected)) out.problems.push(`${name}: cell ${cell.cellIndex + 1} of row ${row.rowIndex + 1} shows ${label}, not its column name ${JSON.stringify(expected)}`);
              }
            }
          } else if (wrap.scrollWidth > wrap.clientWidth + 1) {
            out.scrolling++;
            if (!["auto", "scroll"].includes(getComputedStyle(wrap).overflowX)) out.problems.push(`${name}: wider than the screen but its box does not scroll`);
            const first = table.rows[table.rows.length - 1]?.cells[0];
            if (first && getComputedStyle(first).position !== "sticky") out.problems.push(`${name}: scrolls but its first column is not fixed`);
            // The words under the caption, and a shade at the edge with more columns.
            const cue = table.caption ? getComputedStyle(table.caption, "::after").content : "none";
            if (!/Scroll sideways/.test(cue)) out.problems.push(`${name}: scrolls with no words saying so under its caption (${cue})`);
            if (!getComputedStyle(wrap).backgroundImage.includes("radial-gradient")) out.problems.push(`${name}: scrolls with no shade at its edge`);
          }
        }
        return out;
      });
      reflowed += r.reflowed;
      scrolling += r.scrolling;
      problems.push(...r.problems.slice(0, 5).map((x) => `${p.path}: ${x}`));
    }
    await context.close();
    expect(problems).toEqual([]);
    // The every-figure tables and area profiles reflow; at least one wide table (areas by quarter) scrolls.
    expect(reflowed).toBeGreaterThan(3);
    expect(scrolling).toBeGreaterThan(0);
  });

  it("numbers are right-aligned in tabular figures on a wide screen", async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    let numbers = 0;
    for (const p of PAGES.filter((x) => x.tables > 0)) {
      await page.goto(`${base}${p.path}`);
      const r = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("main td.num")].map((td) => {
          const s = getComputedStyle(td);
          return { align: s.textAlign, nums: s.fontVariantNumeric };
        }),
      );
      numbers += r.length;
      for (const x of r) if (x.align !== "right" || !x.nums.includes("tabular-nums")) problems.push(`${p.path}: a number is aligned ${x.align} in ${x.nums}`);
    }
    await context.close();
    expect(numbers).toBeGreaterThan(100);
    expect([...new Set(problems)]).toEqual([]);
  });
});
