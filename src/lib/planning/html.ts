/**
 * The plan's tables and input list as HTML text, from the page models in view.ts and inputs.ts. Pure, and the one
 * place this markup is written: the build places it in the page, and the planning script puts the same markup in
 * place when the reader changes a value. Every piece of text is escaped, since a scenario's name is typed by the reader.
 */
import { withBase } from "../routes.ts";
import type { Citation } from "./citation.ts";
import { inputUnion } from "./inputs.ts";
import { basisClass, basisText, inputText, scenarioTitle, type ComparisonTable, type DescribedInput, type ProjectionTable } from "./view.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A table in its scrolling box, labelled by its caption (README: "Tables that read"). */
const wrap = (caption: string, table: string, attrs = "") => `<section class="table-wrap" tabindex="0" aria-label="${esc(caption)}"${attrs}>${table}</section>`;

/** A projection year by year: start, each financial year, total. */
export function projectionTableHtml(caption: string, t: ProjectionTable): string {
  const head = `<tr><th scope="col">Year</th>${t.columns.map((c) => `<th scope="col" class="num">${esc(c.label)}</th>`).join("")}</tr>`;
  const body = t.rows.map((r) => `<tr class="row-${r.kind}"><th scope="row">${esc(r.header)}</th>${r.cells.map((c) => `<td class="num">${esc(c)}</td>`).join("")}</tr>`).join("");
  return wrap(caption, `<table class="projection-table"><caption><span class="caption-text">${esc(caption)}</span></caption><thead>${head}</thead><tbody>${body}</tbody></table>`);
}

/** Scenarios side by side: for each, posts required and recruits needed, under the scenario's name. */
export function comparisonTableHtml(caption: string, t: ComparisonTable): string {
  const cols = `<colgroup><col></colgroup>${t.groups.map(() => `<colgroup span="2"></colgroup>`).join("")}`;
  const groups = `<tr><th scope="col" rowspan="2">Year</th>${t.groups.map((g) => `<th scope="colgroup" colspan="2" class="group">${esc(scenarioTitle(g.letter, g.name))}</th>`).join("")}</tr>`;
  const head = `<tr>${t.groups.map(() => `<th scope="col" class="num">Posts required</th><th scope="col" class="num">Recruits needed</th>`).join("")}</tr>`;
  const body = t.rows.map((r) => `<tr class="row-${r.kind}"><th scope="row">${esc(r.header)}</th>${r.cells.map((c) => `<td class="num">${esc(c)}</td>`).join("")}</tr>`).join("");
  return wrap(caption, `<table class="projection-table comparison-table">${`<caption><span class="caption-text">${esc(caption)}</span></caption>`}${cols}<thead>${groups}${head}</thead><tbody>${body}</tbody></table>`);
}

const figureLink = (base: string, c: Citation) => `<a href="${esc(withBase(base, c.path))}">${esc(`Figure ${c.figureId}: ${c.measureLabel}, ${c.area}, ${c.period}${c.breakdown ? `, ${c.breakdown}` : ""}`)}</a>`;

/** The inputs of the scenarios, each once, with its basis tag, note, arithmetic, source and figure links. */
export function inputListHtml(scenarios: readonly { letter: string; inputs: readonly DescribedInput[] }[], base: string): string {
  const many = scenarios.length > 1;
  const items = inputUnion(scenarios).map(({ input: i, letters }) => {
    const c = i.citation;
    const source = c
      ? `<span class="input-source">${i.basis === "published" ? "Source" : i.basis === "borrowed" ? "Borrowed figure" : "From"}: ${esc(c.publisher)}, <a href="${esc(c.url)}">${esc(c.title)}</a>, ${esc(c.location)} (published ${esc(c.publishedDate)}). ${c.secondary ? `<span class="tag tag-secondary">Secondary source</span> ` : ""}${figureLink(base, c)}${(i.also ?? []).map((a) => `; ${figureLink(base, a)}`).join("")}</span>`
      : "";
    return [
      `<li><span class="tag ${basisClass(i.basis)}">${esc(basisText(i))}</span> `,
      `<strong>${esc(`${i.label}: ${inputText(i)}`)}</strong>`,
      many ? `<span class="input-scenarios"> (scenario${letters.length > 1 ? "s" : ""} ${esc(letters.join(", "))})</span>` : "",
      `<span class="input-note">${esc(i.note)}</span>`,
      i.formula ? `<span class="input-formula">Worked out: <span class="equation">${esc(i.formula)}</span></span>` : "",
      source,
      `</li>`,
    ].join("");
  });
  return items.join("");
}

/** Each scenario's heading, method, summary and year-by-year table (the results area's "year by year" part). */
export function scenarioTablesHtml(scenarios: readonly { letter: string; name: string; method: string; summary: string; caption: string; table: ProjectionTable }[]): string {
  return scenarios
    .map((s) => `<div class="scenario-result" data-scenario="${esc(s.letter)}"><h4>${esc(scenarioTitle(s.letter, s.name))}</h4><p class="method">${esc(s.method)}</p><p class="summary-line">${esc(s.summary)}</p>${projectionTableHtml(s.caption, s.table)}</div>`)
    .join("");
}
