/**
 * Renders a chart spec to an SVG string in the browser, with the same post-processing as the build (finish.ts),
 * so a chart redrawn by the planning form is the same kind of SVG as the one in the page.
 *
 * Plot draws into a separate, inert document: its <style> element and style attribute are removed before the SVG
 * reaches the page, so they are never applied there and never meet the page's Content-Security-Policy.
 * This module imports Plot, so the page loads it only when a chart has to be redrawn (dynamic import).
 */
import * as Plot from "@observablehq/plot";
import { finishChart } from "./finish.ts";
import type { ChartSpec } from "./render.ts";

let inert: Document | undefined;

export function renderPlotInBrowser(spec: ChartSpec): string {
  inert ??= document.implementation.createHTMLDocument("");
  const node = Plot.plot({ ...spec.plot, document: inert });
  return finishChart(node, inert, spec);
}
