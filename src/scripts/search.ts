/**
 * The site search (loaded by search-boot.ts on first focus or input): Pagefind's search API over the index built by
 * scripts/search-index.ts, with this site's own result list. Results are grouped as areas, indicators (and topics)
 * and pages; each area says what it has figures for. The count of results is announced politely; arrow keys move
 * between the box and the results, Escape clears the search.
 */
import { rankResults } from "../lib/searchRank.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  /** Where the words matched in the indexed text; empty when only a meta value matched. */
  words: number[];
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, o?: Record<string, unknown>): Promise<void>;
  search(term: string, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

const GROUPS = [
  { group: "area", title: "Areas", one: "area", many: "areas", shown: 6 },
  { group: "indicator", title: "Indicators and topics", one: "indicator or topic", many: "indicators and topics", shown: 6 },
  { group: "page", title: "Pages", one: "page", many: "pages", shown: 4 },
] as const;

const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Text, shortened to about `max` characters at a word, with the words of the search that start words marked. */
function marked(text: string, term: string, max = 180): HTMLElement {
  const short = text.length <= max ? text : `${text.slice(0, text.lastIndexOf(" ", max))} …`;
  const words = term.split(/\s+/).filter((w) => w.length > 1).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const out = el("span", { class: "search-detail" });
  if (words.length === 0) {
    out.textContent = short;
    return out;
  }
  const re = new RegExp(`\\b(${words.join("|")})\\w*`, "gi");
  let at = 0;
  for (const m of short.matchAll(re)) {
    out.append(short.slice(at, m.index), el("mark", {}, m[0]));
    at = m.index + m[0].length;
  }
  out.append(short.slice(at));
  return out;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

export async function startSearch(form: HTMLFormElement, input: HTMLInputElement): Promise<void> {
  const foundPanel = document.getElementById(form.dataset.results ?? "");
  const foundStatus = document.getElementById(form.dataset.status ?? "");
  if (!foundPanel || !foundStatus) return;
  const panel: HTMLElement = foundPanel;
  const status: HTMLElement = foundStatus;
  const azLinks = [...document.querySelectorAll<HTMLAnchorElement>("[data-az-link]")].map((a) => ({ href: a.getAttribute("href") ?? "", text: a.dataset.azLink ?? a.textContent ?? "" }));

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 16 });
    await pagefind.init();
  } catch {
    status.textContent = "Search could not start. Use the A to Z lists of areas and indicators instead.";
    return;
  }

  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const clear = () => {
    panel.replaceChildren();
    panel.hidden = true;
    status.textContent = "";
  };

  async function run(term: string): Promise<void> {
    const ticket = ++latest;
    if (term.length < 2) {
      clear();
      return;
    }
    // Pagefind also matches meta values (what an area has figures for, a page's group); a result counts only when
    // the words are in its indexed text (names, codes, descriptions), so "drug deaths" lists indicators, not areas.
    const found = (await Promise.all(GROUPS.map((g) => pagefind.search(term, { filters: { group: g.group } })))).map((f) => (f?.results ?? []).filter((r) => r.words.length > 0));
    // The first few of each group, read and put in order (exact names and codes first), then the first shown.
    const data = await Promise.all(found.map((f, i) => Promise.all(f.slice(0, GROUPS[i]!.shown * 2).map((r) => r.data())).then((d) => rankResults(term, d).slice(0, GROUPS[i]!.shown))));
    if (ticket !== latest) return; // a later search has started
    const totals = found.map((f) => f.length);
    const sections: HTMLElement[] = [];
    GROUPS.forEach((g, i) => {
      const total = totals[i]!;
      if (total === 0) return;
      const id = `site-search-${g.group}`;
      const section = el("section", { "aria-labelledby": id, class: "search-group" });
      const h = el("h2", { id }, g.title);
      if (total > g.shown) h.append(" ", el("span", { class: "search-more" }, `(first ${g.shown} of ${total})`));
      const list = el("ul");
      for (const r of data[i]!) {
        const li = el("li");
        const a = el("a", { href: r.url }, r.meta.title ?? r.url);
        li.append(a);
        const kind = [r.meta.kind, g.group === "area" ? r.meta.codes : r.meta.nation].filter(Boolean).join(" · ");
        if (kind) li.append(el("span", { class: "search-kind" }, kind));
        if (g.group === "area" && r.meta.figures) li.append(el("span", { class: "search-detail" }, r.meta.figures));
        else if (g.group === "indicator" && r.meta.description) li.append(marked(r.meta.description, term));
        else if (r.excerpt) {
          const p = el("span", { class: "search-detail" });
          p.innerHTML = r.excerpt; // Pagefind escapes the text and adds only <mark> elements
          li.append(p);
        }
        list.append(li);
      }
      section.append(h, list);
      sections.push(section);
    });
    const parts = GROUPS.map((g, i) => (totals[i]! > 0 ? count(totals[i]!, g.one, g.many) : "")).filter(Boolean);
    const none = parts.length === 0;
    const summary = none ? `Nothing matches “${term}”.` : `${parts.join(", ").replace(/, ([^,]*)$/, " and $1")} match “${term}”.`;
    const foot = el("p", { class: "search-az" }, none ? "Try another word, or browse the A to Z lists: " : "Or browse the A to Z lists: ");
    azLinks.forEach((l, i) => foot.append(i > 0 ? ", " : "", el("a", { href: l.href }, l.text)));
    foot.append(".");
    panel.replaceChildren(el("p", { class: "search-summary" }, summary), ...sections, foot);
    panel.hidden = false;
    status.textContent = summary;
  }

  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>(".search-group a")];
  input.addEventListener("input", () => {
    const term = input.value.trim();
    if (term.length >= 2) void pagefind.preload(term);
    clearTimeout(timer);
    timer = setTimeout(() => void run(term), 150);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run(input.value.trim()).then(() => links()[0]?.focus());
  });
  form.closest(".site-search")?.addEventListener("keydown", (e) => {
    const ev = e as KeyboardEvent;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (ev.key === "Escape" && (input.value !== "" || !panel.hidden)) {
      input.value = "";
      clear();
      input.focus();
    } else if (ev.key === "ArrowDown" && all.length > 0 && (document.activeElement === input || at >= 0)) {
      ev.preventDefault();
      all[Math.min(at + 1, all.length - 1)]!.focus();
    } else if (ev.key === "ArrowUp" && at >= 0) {
      ev.preventDefault();
      (at === 0 ? input : all[at - 1]!).focus();
    }
  });
  if (input.value.trim() !== "") await run(input.value.trim());
}
