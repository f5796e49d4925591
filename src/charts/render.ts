/**
 * Renders a chart spec to an inline SVG string at build time, with a server-side DOM (Plot's `document` option).
 * The output needs no client JavaScript and is the same for the same spec.
 */
import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { finishChart } from "./finish.ts";

/** What the chart builders return: Plot options plus what the SVG needs to be accessible. */
export interface ChartSpec {
  /** Unique on the page; prefixes the ids inside the SVG so several charts can share a page. */
  id: string;
  /** Short name of the chart, the SVG's <title>. The caller also prints it in HTML. */
  title: string;
  /** What the chart shows in words, the SVG's <desc>. */
  description: string;
  /** Options for Plot.plot, without `document` and without title, subtitle, caption or legends (they wrap the SVG in a <figure>). */
  plot: PlotOptions;
}

const VALID_ID = /^[A-Za-z][\w-]*$/;

// One DOM for every chart: creating a JSDOM costs milliseconds and the charts never touch its document tree.
let dom: JSDOM | undefined;
function document(): Document {
  dom ??= new JSDOM("");
  return dom.window.document;
}

/**
 * The chart as an `<svg>` string with role="img" and aria-labelledby pointing at its <title> and <desc>, no inline
 * styles, and ids renumbered from the chart's id (finish.ts, shared with the browser renderer of the planning page).
 */
export function renderPlot(spec: ChartSpec): string {
  if (!VALID_ID.test(spec.id)) throw new Error(`invalid chart id "${spec.id}": use a letter, then letters, digits, - or _`);
  const doc = document();
  return finishChart(Plot.plot({ ...spec.plot, document: doc }), doc, spec);
}
