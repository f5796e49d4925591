/**
 * What the site search indexes (pure). Pagefind indexes HTML; this module writes, for every area profile, indicator
 * and topic, a short document that says what it is and every name and code it goes by, with the Pagefind
 * attributes that give it its group and its result text. Built pages (home, maps, data, about…) are indexed as
 * built, minus their tables and charts (scripts/search-index.ts).
 *
 * Groups (the `group` filter and meta): area, indicator (topics too), page. Meta keys the result list reads:
 * title, group, kind (what it is: "Council area", "Indicator", "Topic"), codes, figures (what an area has figures
 * for), nation.
 */
import { LEVEL_LABEL, NATION_LABEL, TOPIC_LABEL, TOPICS, countOf, type Nation, type Topic } from "../schemas/vocabulary.ts";
import { paths } from "./routes.ts";
import { type AreaEntry, type DirectoryIndicator, figuresSummary, indicatorPhrase, listText } from "./views/az.ts";

export const SEARCH_GROUPS = ["area", "indicator", "page"] as const;
export type SearchGroup = (typeof SEARCH_GROUPS)[number];

export interface SearchIndicator extends DirectoryIndicator {
  description: string;
  nation: Nation;
}

export interface SearchDocument {
  /** The page the result links to, from the site root with a leading slash (Pagefind adds the base path). */
  url: string;
  group: SearchGroup;
  html: string;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One element whose text is both indexed and returned as a meta value. */
const meta = (key: string, text: string, tag = "p") => `<${tag} data-pagefind-meta="${key}">${escape(text)}</${tag}>`;
/** A meta value that is returned with the result but not searched. */
const metaOnly = (key: string, text: string) => `<p data-pagefind-ignore data-pagefind-meta="${key}">${escape(text)}</p>`;

function document(group: SearchGroup, title: string, kind: string, body: string[]): string {
  return [
    `<!doctype html><html lang="en-GB"><head><title>${escape(title)}</title></head><body>`,
    `<main data-pagefind-body data-pagefind-filter="group:${group}" data-pagefind-meta="group:${group}">`,
    `<h1 data-pagefind-meta="title">${escape(title)}</h1>`,
    metaOnly("kind", kind),
    ...body,
    "</main></body></html>",
  ].join("\n");
}

/**
 * An area: its name (weighted like a title), its codes and other names (weighted just below), its level and parent.
 * What it has figures for is returned with the result but not searched, so a search for a topic lists indicators,
 * not every area that has a figure for one.
 */
export function areaDocument(entry: AreaEntry, indicators: Map<string, DirectoryIndicator>): SearchDocument {
  const body = [
    `<p data-pagefind-weight="6" data-pagefind-meta="codes">${escape(entry.codes.join(", "))}</p>`,
    entry.otherNames.length > 0 ? `<p data-pagefind-weight="6">Also published as <span data-pagefind-meta="names">${escape(entry.otherNames.join("; "))}</span>.</p>` : "",
    `<p>${escape(LEVEL_LABEL[entry.level])}${entry.parent ? ` in ${escape(entry.parent.name)}` : ""}.</p>`,
    metaOnly("figures", figuresSummary(entry, indicators)),
  ];
  return { url: `/${paths.area(entry.level, entry.code)}`, group: "area", html: document("area", entry.name, LEVEL_LABEL[entry.level], body.filter((b) => b !== "")) };
}

/** An indicator: title, short title, plain-English description, topic and nation. */
export function indicatorDocument(ind: SearchIndicator): SearchDocument {
  const body = [
    `<p data-pagefind-weight="5">${escape(ind.short_title)}</p>`,
    meta("description", ind.description),
    `<p data-pagefind-meta="nation:${escape(NATION_LABEL[ind.nation])}">${escape(TOPIC_LABEL[ind.topic])}. ${escape(NATION_LABEL[ind.nation])}.</p>`,
  ];
  return { url: `/${paths.indicator(ind.id)}`, group: "indicator", html: document("indicator", ind.title, "Indicator", body) };
}

/** A topic: its name and the indicators in it; the result links to the topic's section of the indicators page. */
export function topicDocument(topic: Topic, indicators: SearchIndicator[]): SearchDocument {
  const list = indicators.filter((i) => i.topic === topic);
  const body = [meta("description", `${countOf(list.length, "indicator")}: ${listText(list.map((i) => indicatorPhrase(i.short_title)).filter((t, k, all) => all.indexOf(t) === k))}.`)];
  return { url: `/${paths.indicators()}#topic-${topic}`, group: "indicator", html: document("indicator", TOPIC_LABEL[topic], "Topic", body) };
}

/** Every area, indicator and topic document, in a fixed order. */
export function searchDocuments(areas: AreaEntry[], indicators: SearchIndicator[]): SearchDocument[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return [
    ...areas.map((a) => areaDocument(a, byId)),
    ...indicators.map(indicatorDocument),
    ...TOPICS.filter((t) => indicators.some((i) => i.topic === t)).map((t) => topicDocument(t, indicators)),
  ];
}

/**
 * Whether a built page (path from the site root, e.g. "about/") is indexed as it is: the site's own pages and the
 * maps of each level. Area profiles, indicators and topics have their own documents above. Left out: the pages of
 * one indicator for one area and each indicator's map at a level (their indicator's and area's results lead to
 * them), and the A to Z lists (they list every area and indicator, which the search covers itself).
 */
export function isSearchedPage(path: string): boolean {
  const clean = path.replace(/^\/+/, "");
  const page = clean === "" || clean.endsWith("/") ? clean : `${clean}/`;
  if (page === paths.areasAz() || page === paths.indicatorsAz()) return false;
  const parts = page.split("/").filter((p) => p !== "");
  if (parts[0] === "maps") return parts.length <= 2;
  return parts.length <= 1;
}

/** Lists on built pages that only enumerate areas or indicators (the search has its own results for those). */
export const SEARCH_EXCLUDED_SELECTORS = ["table", "svg", "figure", ".area-page-list", ".indicator-list"];

/** A built page ready to index as a page: its <main> tagged with the page group. */
export function asSearchPage(html: string): string {
  return html.replace(/<main(?=[\s>])/, `<main data-pagefind-body data-pagefind-filter="group:page" data-pagefind-meta="group:page"`);
}
