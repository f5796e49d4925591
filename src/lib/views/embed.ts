/** The code another site pastes to show one of our charts: an iframe of its embed page. */
import { escapeXml } from "../../charts/choropleth.ts";

/**
 * `<iframe src="…" title="…" width="100%" height="…" loading="lazy"></iframe>`: the title names the frame for screen
 * readers; no style attribute, so it also fits pages whose own policy forbids inline styles.
 */
export function embedCode(o: { src: string; title: string; height: number }): string {
  return `<iframe src="${escapeXml(o.src)}" title="${escapeXml(o.title)}" width="100%" height="${Math.round(o.height)}" loading="lazy"></iframe>`;
}

/** The iframe's suggested height: the chart's own height as drawn at the frame's likely width, plus its caption, source and links. */
export function embedHeight(kind: "chart" | "map", drawnHeight: number): number {
  const chrome = kind === "map" ? 420 : 300;
  return Math.round(Math.min(drawnHeight, 1200) + chrome);
}
