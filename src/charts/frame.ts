/** What every chart spec shares. No dependencies, so builders used in the browser stay small. */

/** Font size of all chart text in px: Plot's default 10 px is too small on a phone. */
export const FONT_SIZE = 12;

/** The size, margins and font size of a chart's Plot options (the font size becomes an SVG attribute when rendered). */
export function chartFrame(width: number, height: number, margin: { top: number; right: number; bottom: number; left: number }) {
  return { width, height, marginTop: margin.top, marginRight: margin.right, marginBottom: margin.bottom, marginLeft: margin.left, style: `font-size:${FONT_SIZE}px` };
}
