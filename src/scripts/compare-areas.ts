/**
 * The area comparison tool, with JavaScript: choose a level and up to five of its areas; they are set side by side
 * for every indicator they share in one period (the same page model as the static comparison pages,
 * src/lib/views/compareAreas.ts), with the nation as benchmark, in a table and a chart. The address keeps the choice
 * (?level=council-areas&areas=S12000049,S12000042), so a comparison can be shared. Data for a level is loaded only when
 * it is chosen; the chart library only when a chart is drawn.
 */
import { compareAreas, type CompareRow } from "../lib/views/compareAreas.ts";
import type { CompareData } from "../lib/views/compareData.ts";
import type { Figure } from "../schemas/figure.ts";
import { formatFigure, UNIT_LABEL } from "../lib/format.ts";
import { formatPeriod } from "../lib/periods.ts";
import { csvText } from "../lib/csv.ts";
import { routes } from "../lib/routes.ts";

export const MAX_AREAS = 5;

const app = document.querySelector<HTMLElement>("[data-compare-app]");
if (app) start(app);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function start(root: HTMLElement): void {
  const base = root.dataset.base ?? "/";
  const href = routes(base);
  const levels = JSON.parse(root.dataset.levels ?? "[]") as { slug: string; label: string; plural: string }[];
  const cache = new Map<string, Promise<CompareData>>();
  const load = (slug: string) => {
    let p = cache.get(slug);
    if (!p) cache.set(slug, (p = fetch(`${base.replace(/\/?$/, "/")}compare-areas/${slug}.json`).then((r) => (r.ok ? (r.json() as Promise<CompareData>) : Promise.reject(new Error(String(r.status)))))));
    return p;
  };

  root.querySelector("[data-needs-js]")?.setAttribute("hidden", "");
  const form = el("form", { class: "compare-form", novalidate: "" });
  const levelSelect = el("select", { id: "compare-level", name: "level" });
  for (const l of levels) levelSelect.add(new Option(l.label, l.slug));
  form.append(el("div", { class: "field" }, el("label", { for: "compare-level" }, "Geography level"), levelSelect));
  const fieldset = el("fieldset", {}, el("legend", {}, `Areas (up to ${MAX_AREAS})`));
  const areaSelects: HTMLSelectElement[] = [];
  for (let i = 0; i < MAX_AREAS; i++) {
    const s = el("select", { id: `compare-area-${i + 1}`, name: "area" });
    areaSelects.push(s);
    fieldset.append(el("div", { class: "field" }, el("label", { for: s.id }, `Area ${i + 1}`), s));
  }
  form.append(fieldset, el("button", { type: "submit", class: "button" }, "Compare"));
  const message = el("p", { class: "compare-message", role: "status" });
  const results = el("div", { class: "compare-results" });
  root.append(form, message, results);

  const fillAreas = async (slug: string, chosen: string[]) => {
    const data = await load(slug);
    areaSelects.forEach((s, i) => {
      s.replaceChildren(new Option("None", ""));
      for (const a of data.areas) s.add(new Option(a.name, a.code, false, chosen[i] === a.code));
    });
  };

  const show = async (slug: string, codes: string[], push: boolean) => {
    const data = await load(slug);
    const known = new Map(data.areas.map((a) => [a.code, a.name]));
    const chosen = [...new Set(codes)].filter((c) => known.has(c)).slice(0, MAX_AREAS);
    if (push) {
      const url = new URL(location.href);
      url.searchParams.set("level", slug);
      url.searchParams.set("areas", chosen.join(","));
      history.replaceState(null, "", url);
    }
    results.replaceChildren();
    if (chosen.length < 2) {
      message.textContent = "Choose at least two areas to compare.";
      return;
    }
    const byArea = new Map<string, Figure[]>();
    for (const f of data.figures) {
      const k = `${f.indicator_id}|${f.geography_level}|${f.area_code}`;
      byArea.set(k, [...(byArea.get(k) ?? []), f as Figure]);
    }
    const shownAt = (id: string, level: string, code: string) => byArea.get(`${id}|${level}|${code}`) ?? [];
    const rows = compareAreas(data.level, chosen, data.indicators, shownAt, data.nation?.code);
    const names = chosen.map((c) => known.get(c)!);
    message.textContent = `${names.join(", ")}: ${rows.length} indicator${rows.length === 1 ? "" : "s"} compared.`;
    results.append(table(rows, names, data, href), ...chartControl(rows, names, data), download(rows, names));
  };

  levelSelect.addEventListener("change", () => void fillAreas(levelSelect.value, []));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void show(levelSelect.value, areaSelects.map((s) => s.value).filter(Boolean), true);
  });

  const params = new URLSearchParams(location.search);
  const wanted = levels.find((l) => l.slug === params.get("level")) ?? levels[0];
  if (!wanted) return;
  levelSelect.value = wanted.slug;
  const codes = (params.get("areas") ?? "").split(",").filter(Boolean);
  void fillAreas(wanted.slug, codes).then(() => (codes.length > 0 ? show(wanted.slug, codes, false) : undefined));
}

function table(rows: CompareRow[], names: string[], data: CompareData, href: ReturnType<typeof routes>): HTMLElement {
  const wrap = el("section", { class: "table-wrap reflow", tabindex: "0", "aria-label": `Comparison: ${names.join(", ")}` });
  const t = el("table", { class: "compare-table" }, el("caption", {}, `${names.join(", ")}: every indicator they share`));
  const head = el("tr", {}, el("th", { scope: "col" }, "Indicator and period"), ...names.map((n) => el("th", { scope: "col", class: "num" }, n)));
  if (data.nation) head.append(el("th", { scope: "col", class: "num" }, `${data.nation.name} (national figure)`));
  t.append(el("thead", {}, head));
  const body = el("tbody");
  for (const r of rows) {
    const link = (f: Figure | undefined, missing: string) => (f ? el("a", { href: href.figure(f) }, formatFigure(f, r.indicator.precision)) : missing);
    const tr = el("tr", {}, el("th", { scope: "row" }, el("a", { href: href.indicator(r.indicator.id) }, r.indicator.short_title), el("span", { class: "cell-note" }, formatPeriod(r.period))));
    r.cells.forEach((f, i) => tr.append(el("td", { class: "num", "data-label": names[i]! }, link(f, `no figure for ${formatPeriod(r.period)}`))));
    if (data.nation) tr.append(el("td", { class: "num", "data-label": `${data.nation.name} (national)` }, link(r.benchmark, "not published")));
    body.append(tr);
  }
  t.append(body);
  wrap.append(t);
  return wrap;
}

function chartControl(rows: CompareRow[], names: string[], data: CompareData): HTMLElement[] {
  const complete = rows.filter((r) => r.cells.some((c) => c && c.value !== null));
  if (complete.length === 0) return [];
  const select = el("select", { id: "compare-chart-indicator" });
  const isRate = (r: CompareRow) => !["count", "wte", "gbp", "gbp_million"].includes(r.indicator.unit);
  // The first rate or share is charted first: counts of areas of different sizes say little side by side.
  const first = Math.max(0, complete.findIndex(isRate));
  complete.forEach((r, i) => select.add(new Option(`${r.indicator.short_title} (${formatPeriod(r.period)})`, String(i), i === first, i === first)));
  const figure = el("figure", { class: "chart chart-fill" });
  const draw = async () => {
    const r = complete[Number(select.value)]!;
    const [{ barChartSpec }, { renderPlotInBrowser }, { NARROW_CHART_WIDTH, WIDE_CHART_WIDTH }] = await Promise.all([import("../charts/bars.ts"), import("../charts/render-browser.ts"), import("../charts/frame.ts")]);
    const bars = r.cells.flatMap((f, i) => (f ? [{ label: names[i]!, value: f.value, valueText: formatFigure(f, r.indicator.precision), status: f.status }] : []));
    if (r.benchmark && isRate(r)) bars.push({ label: `${data.nation?.name ?? "National"} (national figure)`, value: r.benchmark.value, valueText: formatFigure(r.benchmark, r.indicator.precision), status: r.benchmark.status });
    const wide = window.matchMedia("(min-width: 50rem)").matches;
    const svg = renderPlotInBrowser(barChartSpec({ id: "compare-chart", title: r.indicator.short_title, yLabel: "Area", xLabel: UNIT_LABEL[r.indicator.unit], unit: r.indicator.unit, precision: r.indicator.precision, bars, width: wide ? WIDE_CHART_WIDTH : NARROW_CHART_WIDTH, sort: "given" }));
    figure.replaceChildren(el("figcaption", {}, el("span", { class: "chart-title" }, r.indicator.title), el("span", { class: "chart-subtitle" }, `${formatPeriod(r.period)} (${UNIT_LABEL[r.indicator.unit]})`)));
    const holder = el("div", { class: "compare-chart" });
    holder.innerHTML = svg;
    const sources = [...new Set([...r.cells, r.benchmark].filter((f): f is Figure => !!f).map((f) => `${f.source_publisher} (${f.source_id})`))];
    figure.append(holder, el("p", { class: "source-line" }, `Source: ${sources.join("; ")}.`));
  };
  select.addEventListener("change", () => void draw());
  void draw();
  return [el("div", { class: "field" }, el("label", { for: select.id }, "Chart of"), select), figure];
}

function download(rows: CompareRow[], names: string[]): HTMLElement {
  const header = ["indicator_id", "indicator", "period", "area_code", "area", "value", "status", "marker", "figure_id", "source_id"];
  const lines: string[][] = [header];
  for (const r of rows)
    for (const f of [...r.cells, r.benchmark]) if (f) lines.push([r.indicator.id, r.indicator.title, r.period, f.area_code, f.area_label, f.value_text, f.status, f.marker, f.figure_id, f.source_id]);
  const url = URL.createObjectURL(new Blob([csvText(lines)], { type: "text/csv" }));
  return el("p", {}, el("a", { href: url, download: "comparison.csv" }, "Download this view (CSV)"), `: every figure in the table, with its figure id and source, for ${names.join(", ")}.`);
}
