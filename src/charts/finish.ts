/**
 * What every chart gets after Plot has drawn it, whichever document drew it (jsdom at build time, the browser's own
 * document in the planning form): a <title> and <desc>, role="img", no inner ARIA labels, no inline styles, and ids
 * that do not depend on how many charts were drawn before. No jsdom and no Plot here, so the browser bundle can use it.
 */
import type { ChartSpec } from "./render.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/** The chart as an `<svg>` string with role="img" and aria-labelledby pointing at its <title> and <desc>. */
export function finishChart(node: Element, doc: Document, spec: Pick<ChartSpec, "id" | "title" | "description">): string {
  if (node.tagName.toLowerCase() !== "svg") {
    throw new Error(`chart "${spec.id}" rendered a <${node.tagName.toLowerCase()}>, not an <svg>: remove title, subtitle, caption and legend from its Plot options`);
  }
  const title = doc.createElementNS(SVG_NS, "title");
  title.id = `${spec.id}-title`;
  title.textContent = spec.title;
  const desc = doc.createElementNS(SVG_NS, "desc");
  desc.id = `${spec.id}-desc`;
  desc.textContent = spec.description;
  // The chart is one image (role="img"): Plot's aria-label on inner groups ("line", "dot") would be prohibited ARIA
  // and meaningless to a screen reader; the <title> and <desc> say what the chart shows. The mark names stay
  // as data-mark, for tests and for reading the markup.
  for (const el of node.querySelectorAll("[aria-label], [aria-description]")) {
    const label = el.getAttribute("aria-label");
    if (label !== null) el.setAttribute("data-mark", label);
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  moveStylesOut(node);
  node.prepend(title, desc);
  node.setAttribute("role", "img");
  node.setAttribute("aria-labelledby", `${title.id} ${desc.id}`);
  return renumberIds(node.outerHTML, spec.id);
}

/** SVG presentation attributes that an inline style declaration may be turned into. */
const PRESENTATION = new Set(["font-size", "font-family", "font-weight", "fill", "stroke", "stroke-width", "opacity", "text-anchor", "paint-order"]);

/**
 * Pages allow no inline styles (Content-Security-Policy without 'unsafe-inline'). Plot writes a <style> element
 * (its defaults are in the site's stylesheet under .chart-svg) and turns the `style` option into a style attribute;
 * declarations become presentation attributes, and anything else is an error rather than silently dropped.
 */
export function moveStylesOut(svg: Element): void {
  for (const style of svg.querySelectorAll("style")) style.remove();
  for (const el of [svg, ...svg.querySelectorAll("[style]")]) {
    const css = el.getAttribute("style");
    if (css === null) continue;
    for (const decl of css.split(";").map((d) => d.trim()).filter(Boolean)) {
      const [prop, value] = decl.split(":").map((x) => x.trim()) as [string, string];
      if (!PRESENTATION.has(prop)) throw new Error(`chart: inline style "${decl}" cannot become an SVG attribute`);
      el.setAttribute(prop, value.replace(/px$/, ""));
    }
    el.removeAttribute("style");
  }
  svg.classList.add("chart-svg");
}

/**
 * Plot numbers clip paths and markers from a counter that lives as long as the process (or page); those ids are
 * rewritten to `<id>-clip-1`, … so the output does not depend on what was rendered before, and cannot clash on the page.
 */
export function renumberIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bplot-(clip|marker|pattern)-\d+\b/g, (old, kind: string) => {
    let id = ids.get(old);
    if (!id) {
      id = `${prefix}-${kind}-${ids.size + 1}`;
      ids.set(old, id);
    }
    return id;
  });
}
