/** What every chart spec shares. No dependencies, so builders used in the browser stay small. */

/** Font size of all chart text in px: Plot's default 10 px is too small on a phone. */
export const FONT_SIZE = 12;

/** The size, margins and font size of a chart's Plot options (the font size becomes an SVG attribute when rendered). */
export function chartFrame(width: number, height: number, margin: { top: number; right: number; bottom: number; left: number }) {
  return { width, height, marginTop: margin.top, marginRight: margin.right, marginBottom: margin.bottom, marginLeft: margin.left, style: `font-size:${FONT_SIZE}px` };
}

/**
 * The two renderings of a chart that fills the content column. Plot cannot reflow text, so a phone gets its own
 * layout (320 px, shown at its own size up to 30rem); wider screens get one 800 px layout scaled to the column:
 * on a 1,280 px screen the column is 1,056 px, so 12 px text shows at about 16 px, and at the smallest width the
 * wide layout is shown for (50rem, a 768 px column) at about 11.5 px.
 */
export const WIDE_CHART_WIDTH = 800;
export const NARROW_CHART_WIDTH = 320;
