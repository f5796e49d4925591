// Workforce planning in Chromium: a plan for every place with figures without JavaScript; choosing a place pre-fills
// its published figures; the caseload model; scenarios compared and restored from the address; downloads; your own
// service; 320 px; and axe-core before and after interaction.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, newPage, useBrowser } from "./browser.ts";
import { NEED_SERIES } from "../../src/lib/planning/need.ts";
import { LEVEL_SLUG, NATION_CODE, type GeographyLevel } from "../../src/schemas/vocabulary.ts";

const base = inject("baseUrl");
const dist = inject("distDir");
const HUB = `${base}/planning/`;
const HIGHLAND = `${base}/planning/health-boards/S08000022/`;
const FIFE_ADP = `${base}/planning/adps/S11000014/`;
const MANCHESTER = `${base}/planning/local-authorities/E08000003/`;
const SCOTLAND = `${base}/planning/countries/S92000003/`;
const OWN = `${base}/planning/own/`;

const browser = useBrowser();

/** The text of every cell of a table row, row header first. */
async function rowCells(page: Page, table: string | RegExp, row: string): Promise<string[]> {
  const r = page.getByRole("table", { name: table }).getByRole("row", { name: row, exact: false }).first();
  return (await r.locator("th, td").allInnerTexts()).map((t) => t.trim());
}
const field = (page: Page, name: string) => page.getByRole("spinbutton", { name, exact: false });
const tag = (page: Page, id: string) => page.locator(`#${id}-basis`).innerText();

describe("a default plan for every place with a figure, without JavaScript", () => {
  it("exists for every nation and area with a published workforce or need figure, and the hub links to each", () => {
    type ApiFigure = { indicator_id: string; geography_level: GeographyLevel; area_code: string; value: number | null; preferred: boolean; role: string };
    // Every figure, from the JSON API's indicator files (one per indicator, listed in its index).
    const index = JSON.parse(readFileSync(join(dist, "data", "api", "index.json"), "utf8")) as { indicators: { path: string }[] };
    const figures = index.indicators.flatMap((i) => (JSON.parse(readFileSync(join(dist, "data", i.path), "utf8")) as { figures: ApiFigure[] }).figures);
    const registry = JSON.parse(readFileSync(join(dist, "data", "site", "registry.json"), "utf8")) as { indicators: { id: string; topic: string }[]; areas: { level: string; code: string; council_areas: string[] }[] };
    const workforce = new Set(registry.indicators.filter((i) => ["workforce_size", "vacancies", "turnover", "workload"].includes(i.topic)).map((i) => i.id));
    const need = new Set(NEED_SERIES.map((s) => s.indicator));
    const nations = new Set<string>(Object.values(NATION_CODE));
    // An ADP published under two codes has one plan: at whichever of its codes (same council areas) has a page.
    const sameAdp = (code: string) => {
      const mine = registry.areas.find((a) => a.level === "adp" && a.code === code)?.council_areas.slice().sort().join();
      return registry.areas.filter((a) => a.level === "adp" && a.council_areas.slice().sort().join() === mine).map((a) => a.code);
    };
    const places = new Set<string>();
    for (const f of figures) {
      if (!f.preferred || f.role !== "value" || f.value === null || !(workforce.has(f.indicator_id) || need.has(f.indicator_id))) continue;
      if (f.geography_level === "country" && !nations.has(f.area_code)) continue;
      places.add(`${f.geography_level}|${f.area_code}`);
    }
    expect(places.size).toBeGreaterThan(200);
    const hub = readFileSync(join(dist, "planning", "index.html"), "utf8");
    const missing = [...places].filter((k) => {
      const [level, code] = k.split("|") as [GeographyLevel, string];
      const codes = level === "adp" ? sameAdp(code) : [code];
      return !codes.some((c) => existsSync(join(dist, "planning", LEVEL_SLUG[level], c, "index.html")) && hub.includes(`/planning/${LEVEL_SLUG[level]}/${c}/`));
    });
    expect(missing).toEqual([]);
  });

  it("NHS Highland: its published vacancy rate, the borrowed figures named, its need, two scenarios compared, five financial years from 2026/27", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    expect((await page.goto(HIGHLAND))?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Workforce plan for NHS Highland, 2026/27 to 2030/31");
    expect(await page.locator(".notice").innerText()).toMatch(/^A projection is not a forecast/);
    // The start says what it covers and how old it is.
    expect(await page.locator("[data-start]").innerText()).toMatch(/scaled by NHS Highland's share of the population.*1 November 2021, about 5 years old/);
    // Need beside the plan: population mid-2022.
    expect((await rowCells(page, "Need in NHS Highland: the latest published figures", "Population")).slice(1, 3)).toEqual(["mid-2022", "323,630"]);
    // Inputs: the published vacancy rate links to its figure; staff and turnover are borrowed, named, with why.
    const inputs = page.locator("[data-input-list]");
    expect(await inputs.innerText()).toMatch(/PUBLISHED FIGURE\s+Vacancy rate at the start: 13\.2%/i);
    expect(await inputs.locator('a[href$="#f-0501d0b8a1ee37e1"]').count()).toBe(1);
    // Staff: 3,500 × 323,630 ÷ 5,447,700 = 207.92 → 207.9 WTE, borrowed from Scotland, with the arithmetic.
    expect(await inputs.innerText()).toMatch(/BORROWED FROM SCOTLAND\s+Staff in post at the start: 207\.9 WTE/i);
    expect(await inputs.innerText()).toContain("3,500 WTE × 323,630 ÷ 5,447,700 = 207.9 WTE");
    expect(await inputs.innerText()).toMatch(/BORROWED FROM ENGLAND\s+Annual turnover: 19%[\s\S]*did not report a turnover rate/i);
    // P0 = 207.9 ÷ (1 − 0.132) = 239.52 → 239.5. A, posts unchanged: 2026/27 recruits needed 239.52 − (207.9 − 0.19 × 207.9) = 71.12 → 71.1.
    // B, posts follow need at today's caseload, people on caseloads +6.6% a year (drug deaths, 2014-2018 to 2019-2023): P1 = 239.52 × 1.066 = 255.3.
    const compared = "NHS Highland: scenarios compared, posts required and recruits needed, whole-time equivalent (WTE)";
    expect(await rowCells(page, compared, "Start")).toEqual(["Start", "239.5", "[z]", "239.5", "[z]"]);
    expect((await rowCells(page, compared, "2026/27"))).toEqual(["2026/27", "239.5", "71.1", "255.3", expect.any(String)]);
    expect(await page.getByRole("row", { name: /2030\/31/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("row", { name: /^Year 1/ }).count()).toBe(0);
    // The chart is drawn at build time; the form needs JavaScript and says so.
    expect(await page.locator("[data-plan-chart] svg[role=img]:visible").count()).toBe(1);
    expect(await page.getByRole("spinbutton").count()).toBe(0);
    expect(await page.getByText("Changing the values, and links that carry changed values, need JavaScript").isVisible()).toBe(true);
    for (const file of ["plan.csv", "plan.json"]) expect((await page.request.get(`${HIGHLAND}${file}`)).status(), file).toBe(200);
    await context.close();
  });

  it("downloads the default plan as an XLSX workbook that opens and reads back", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(HIGHLAND);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Default plan for NHS Highland (XLSX)" }).click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await (await download).path())!) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Cover", "Contents", "Notes", "Inputs", "Start", "Projection", "Totals", "Need", "Formulas", "Sources"]);
    expect(wb.getWorksheet("Cover")!.getCell("A1").text).toBe("Workforce plan for NHS Highland, 2026/27 to 2030/31: the default plan");
    const projection = wb.getWorksheet("Projection")!;
    const header = (projection.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(["Scenario", "Financial year", "People on caseloads (people) [note 2]", "Frontline posts (WTE) [note 2]", "Posts required (WTE)"]);
    // A, 2026/27: posts 239.52 (207.9 ÷ 0.868, to 2 decimals), recruits needed 71.12; stored as numbers.
    const a1 = (projection.getRow(5).values as unknown[]).slice(1);
    expect(a1.slice(0, 2)).toEqual(["A", "2026/27"]);
    expect(a1[4]).toBe(239.52);
    expect(a1[7]).toBe(71.12);
    const inputs = wb.getWorksheet("Inputs")!;
    const vacancy = inputs.getRows(5, 20)!.map((r) => (r.values as unknown[]).slice(1)).find((v) => v[0] === "A" && v[2] === "Vacancy rate at the start")!;
    expect(vacancy.slice(3, 8)).toEqual([13.2, "percent", "published", undefined, "f-0501d0b8a1ee37e1"]);
    await context.close();
  });

  it("a shared link with custom values says plainly that they need JavaScript, and shows the place's default plan", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${FIFE_ADP}?turnover=25&b-caseload=30`);
    expect(await page.getByText("Changing the values, and links that carry changed values, need JavaScript").isVisible()).toBe(true);
    expect(await page.locator("[data-plan-heading]").innerText()).toBe("Default plan");
    // The default, not the link's 25%: Fife ADP borrows England's 19%.
    expect(await page.locator("[data-input-list]").innerText()).toMatch(/Annual turnover: 19%/);
    await context.close();
  });

  it("Scotland states what its start covers and offers the estimated whole workforce as another start", async () => {
    const { context, page } = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(SCOTLAND);
    expect(await page.locator("[data-start]").innerText()).toMatch(/services that answered the 2021 survey of services \(43% of services responded\)/);
    // A: responding services, 1,572.8 WTE; B: the estimated whole workforce, 3,500 WTE: P0 = 3,500 ÷ 0.912 = 3,837.7.
    const compared = "Scotland: scenarios compared, posts required and recruits needed, whole-time equivalent (WTE)";
    expect((await rowCells(page, compared, "Start")).slice(0, 4)).toEqual(["Start", "1,724.6", "[z]", "3,837.7"]);
    expect(await page.locator("[data-input-list]").innerText()).toMatch(/Staff in post at the start: 3,500 WTE \(scenarios B, C\)/);
    await context.close();
  });

  it("has no inline script or style in the built HTML", () => {
    for (const page of ["planning/index.html", "planning/health-boards/S08000022/index.html", "planning/own/index.html"]) {
      const html = readFileSync(join(dist, page), "utf8");
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/\bsrc=/);
        expect(body!.trim()).toBe("");
      }
      expect(html, page).not.toMatch(/<style|\sstyle=/);
    }
  });
});

describe("planning with JavaScript", () => {
  it("choosing a place pre-fills its published figures, and names the borrowed ones", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(HUB);
    await page.getByLabel("Place", { exact: true }).selectOption({ label: "NHS Highland" });
    await page.getByRole("button", { name: "Show the plan" }).click();
    await page.waitForURL(HIGHLAND);
    expect(await field(page, "Vacancy rate at the start").inputValue()).toBe("13.2");
    expect(await tag(page, "vacancyRate")).toMatch(/published figure/i);
    expect(await field(page, "Staff in post at the start").inputValue()).toBe("207.9");
    expect(await tag(page, "staffInPost")).toMatch(/borrowed from scotland/i);
    expect(await tag(page, "turnoverRate")).toMatch(/borrowed from england/i);
    // Fife ADP borrows Scotland's vacancy rate (no rate for it or NHS Fife); Manchester borrows England's, and its staff:
    // 14,121 × 568,996 ÷ 57,106,398 = 140.70 → 140.7 WTE.
    await page.goto(FIFE_ADP);
    expect(await field(page, "Vacancy rate at the start").inputValue()).toBe("8.8");
    expect(await tag(page, "vacancyRate")).toMatch(/borrowed from scotland/i);
    await page.goto(MANCHESTER);
    expect(await field(page, "Staff in post at the start").inputValue()).toBe("140.7");
    expect(await tag(page, "vacancyRate")).toMatch(/borrowed from england/i);
    // A published alternative, chosen by its button, keeps its basis: NHS Highland could use Scotland's 8.8% instead.
    await page.goto(HIGHLAND);
    await page.getByRole("button", { name: "8.8%, Scotland's rate" }).click();
    expect(await field(page, "Vacancy rate at the start").inputValue()).toBe("8.8");
    expect(await tag(page, "vacancyRate")).toMatch(/borrowed from scotland/i);
    await context.close();
  });

  it("sets posts required from a target caseload, compares it with a second scenario, and restores the comparison from its address", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(HIGHLAND);
    await page.getByRole("radio", { name: "Scenario B" }).check();
    expect(await page.getByRole("radio", { name: /From need/ }).isChecked()).toBe(true);
    await field(page, "Caseload per frontline WTE in the plan").fill("30");
    expect(await tag(page, "caseload")).toMatch(/your assumption/i);
    // B: P1 = P0 × (46 ÷ 30) × 1.066 = 239.516 × 1.5333 × 1.066 = 391.50 → 391.5; A is unchanged (239.5).
    const compared = "NHS Highland: scenarios compared, posts required and recruits needed, whole-time equivalent (WTE)";
    expect((await rowCells(page, compared, "2026/27")).slice(0, 4)).toEqual(["2026/27", "239.5", "71.1", "391.5"]);
    expect(await page.locator("[data-plan-heading]").innerText()).toBe("Your plan");
    const url = new URL(page.url());
    expect(url.searchParams.get("b-caseload")).toBe("30");
    expect(url.searchParams.get("edit")).toBe("b");
    await page.waitForFunction(() => (document.querySelector<HTMLElement>("[data-plan-chart]")?.dataset.chartDrawn ?? "") !== "");
    expect(await page.locator("[data-plan-chart] svg[role=img]:visible").count()).toBe(1);
    expect(await page.locator("[data-plan-chart] svg[style], [data-plan-chart] svg style").count()).toBe(0);
    // The link restores both scenarios, which is being changed, and the result.
    const again = await context.newPage();
    await again.goto(url.href);
    expect(await again.getByRole("radio", { name: "Scenario B" }).isChecked()).toBe(true);
    expect(await field(again, "Caseload per frontline WTE in the plan").inputValue()).toBe("30");
    expect((await rowCells(again, compared, "2026/27")).slice(0, 4)).toEqual(["2026/27", "239.5", "71.1", "391.5"]);
    expect(await again.locator("#share-link").inputValue()).toBe(url.href);
    await context.close();
  });

  it("adds a third scenario at 3% growth, removes it, and goes back to the default plan", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(HIGHLAND);
    await page.getByRole("button", { name: "Add a scenario to compare" }).click();
    expect(await page.getByRole("radio", { name: "Scenario C" }).isChecked()).toBe(true);
    await page.getByRole("radio", { name: "By a growth rate each year" }).check();
    await field(page, "Annual growth in posts required").fill("3");
    await page.getByLabel("Name of this scenario").fill("Growth of 3%");
    // C: P1 = 239.516 × 1.03 = 246.70 → 246.7.
    const compared = "NHS Highland: scenarios compared, posts required and recruits needed, whole-time equivalent (WTE)";
    expect((await rowCells(page, compared, "2026/27"))[5]).toBe("246.7");
    expect(await page.getByRole("columnheader", { name: "Scenario C: Growth of 3%" }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get("c-name")).toBe("Growth of 3%");
    await page.getByRole("button", { name: "Remove this scenario" }).click();
    expect(await page.getByRole("radio", { name: "Scenario C" }).isVisible()).toBe(false);
    expect(new URL(page.url()).searchParams.has("c-growth")).toBe(false);
    await page.getByRole("button", { name: "Back to the default plan" }).click();
    expect(new URL(page.url()).search).toBe("");
    expect(await page.locator("[data-plan-heading]").innerText()).toBe("Default plan");
    await context.close();
  });

  it("shows a message next to an invalid field, an error summary, and no result; a caseload of 0 is refused", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(HIGHLAND);
    const vacancy = field(page, "Vacancy rate at the start");
    await vacancy.fill("100");
    const message = "Vacancy rate must be less than 100%: with every post vacant there are no staff to work out the posts from";
    expect(await vacancy.getAttribute("aria-invalid")).toBe("true");
    expect((await vacancy.getAttribute("aria-describedby"))!.split(" ")).toContain("vacancyRate-error");
    expect(await page.locator("#vacancyRate-error").textContent()).toBe(`Error: ${message}`);
    expect(await page.getByRole("link", { name: message }).isVisible()).toBe(true);
    expect(await page.locator("[data-plan-result]").isVisible()).toBe(false);
    expect(await page.getByText("No projection", { exact: true }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await vacancy.fill("13.2");
    expect(await vacancy.getAttribute("aria-invalid")).toBeNull();
    await page.getByRole("radio", { name: "Scenario B" }).check();
    await field(page, "Caseload per frontline WTE in the plan").fill("0");
    expect(await page.locator("#caseload-error").textContent()).toBe("Error: Caseload per frontline WTE in the plan must be more than 0: with no one on each worker's caseload, no number of posts can be worked out");
    expect(await page.locator("[data-plan-result]").isVisible()).toBe(false);
    await context.close();
  });

  it("downloads the reader's plan as CSV and JSON, every scenario with the basis of every input", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(`${HIGHLAND}?turnover=12&b-caseload=30`);
    expect(await field(page, "Annual turnover").inputValue()).toBe("12");
    const csvDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download your plan (CSV)" }).click();
    const csv = readFileSync((await (await csvDownload).path())!, "utf8");
    expect(csv.split("\n")[0]).toBe("scenario,part,year,financial_year,name,label,value,unit,basis,figure_id,source,equation,note");
    expect(csv).toContain("A,input,,,turnoverRate,Annual turnover,12,percent,your assumption,");
    expect(csv).toContain("A,input,,,vacancyRate,Vacancy rate at the start,13.2,percent,published,f-0501d0b8a1ee37e1,");
    expect(csv).toContain("B,input,,,caseload,Caseload per frontline WTE in the plan,30,people_per_frontline_wte,your assumption,");
    expect(csv).toMatch(/\nA,result,1,2026\/27,leavers,/);
    const jsonDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download your plan (JSON)" }).click();
    const doc = JSON.parse(readFileSync((await (await jsonDownload).path())!, "utf8")) as { plan: string; place: { name: string }; scenarios: { years: { financial_year: string; posts_required: number }[] }[] };
    expect(doc.plan).toBe("custom");
    expect(doc.place.name).toBe("NHS Highland");
    // B at caseload 30 in 2026/27: 391.4972 → 391.5 to 2 decimals.
    expect(doc.scenarios[1]!.years[0]).toMatchObject({ financial_year: "2026/27", posts_required: 391.5 });
    await context.close();
  });

  it("plans your own service from your own figures, with the caseload model counted", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(OWN);
    expect(await page.getByText("Enter your service's staff in post, vacancy rate and turnover to see its plan.").isVisible()).toBe(true);
    expect(await page.locator("#error-summary").isVisible()).toBe(false);
    await field(page, "Staff in post at the start").fill("50");
    await field(page, "Vacancy rate at the start").fill("10");
    await field(page, "Annual turnover").fill("20");
    await page.getByRole("radio", { name: /From need/ }).check();
    await page.getByRole("radio", { name: "I know the number of people on caseloads" }).check();
    await field(page, "Number of people on caseloads at the start").fill("1000");
    await field(page, "Non-frontline share of posts").fill("20");
    await field(page, "Caseload per frontline WTE in the plan").fill("40");
    // P0 = 50 ÷ 0.9 = 55.6; from need: 1,000 ÷ 40 = 25 frontline posts, ÷ (1 − 0.2) = 31.25 → 31.3 posts.
    const table = /Scenario A.*year by year/;
    expect((await rowCells(page, table, "Start")).slice(0, 4)).toEqual(["Start", "1,000", "25.0", "55.6"]);
    expect((await rowCells(page, table, "2026/27")).slice(0, 4)).toEqual(["2026/27", "1,000", "25.0", "31.3"]);
    // Scotland's published median, offered as a borrowed choice.
    await page.getByRole("button", { name: /^46 per frontline WTE, Scotland: median, health and social care partnerships/ }).click();
    expect(await tag(page, "caseload")).toMatch(/borrowed from scotland/i);
    await context.close();
  });

  it("opens the nation's plan from an address of the old single-page tool", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(`${HUB}?from=scotland&turnover=12&fill=80&change=rate`);
    await page.waitForURL(/\/planning\/countries\/S92000003\//);
    expect(await field(page, "Annual turnover").inputValue()).toBe("12");
    expect(await field(page, "Staff in post at the start").inputValue()).toBe("1572.8");
    await context.close();
  });
});

describe("planning accessibility and layout", () => {
  it("has no axe-core WCAG 2.2 A/AA violations before and after interaction", async () => {
    const { context, page } = await newPage(browser());
    for (const url of [HUB, HIGHLAND, OWN]) {
      await page.goto(url);
      expect(await axeViolations(page), url).toEqual([]);
    }
    await page.goto(HIGHLAND);
    await page.getByRole("button", { name: "Add a scenario to compare" }).click();
    await field(page, "Share of recruits needed who are recruited").fill("60");
    await page.getByRole("radio", { name: /From need/ }).check();
    await page.getByRole("radio", { name: "I know the number of people on caseloads" }).check();
    await field(page, "Number of people on caseloads at the start").fill("9000");
    await page.waitForFunction(() => (document.querySelector<HTMLElement>("[data-plan-chart]")?.dataset.chartDrawn ?? "") !== "");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("does not scroll sideways at 320 px, before or after interaction", async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 320, height: 640 } });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const url of [HUB, HIGHLAND, OWN, SCOTLAND]) {
      await page.goto(url);
      expect(await overflow(), url).toBe(0);
    }
    await page.goto(HIGHLAND);
    await page.getByRole("button", { name: "Add a scenario to compare" }).click();
    await field(page, "Share of recruits needed who are recruited").fill("50");
    await page.waitForFunction(() => (document.querySelector<HTMLElement>("[data-plan-chart]")?.dataset.chartDrawn ?? "") !== "");
    expect(await overflow()).toBe(0);
    await context.close();
  });
});
