/**
 * The download version of a chart or map: one standalone SVG that carries its own words (title, subtitle, legend,
 * source, licence and the address it came from), because a downloaded image is read away from the page and its
 * HTML captions. The on-page SVG is reused unchanged inside it (a nested <svg>), so the image shows exactly the
 * figures the page shows. Pure: the same input gives the same bytes (the PNG is rendered from these bytes, png.ts).
 */
import { escapeXml } from "./choropleth.ts";
import { textWidth, wrapText } from "./trend.ts";

/** One drawing of the image: an SVG string as rendered for the page, with an optional label above it. */
export interface DownloadPanel {
  svg: string;
  /** Printed above the panel, e.g. "Central Belt, enlarged (the dashed box on the map)". */
  label?: string;
}

export interface DownloadLegendItem {
  /** The swatch as a small SVG (its width and height attributes give its size). */
  swatch: string;
  label: string;
}

export interface DownloadInput {
  title: string;
  subtitle: string;
  panels: DownloadPanel[];
  /** A map's key, drawn between the subtitle and the map. */
  legend?: { heading: string; items: DownloadLegendItem[] };
  /** Lines printed under the drawing before the source, e.g. a bar chart's numbered notes. */
  notes?: string[];
  /** The sources, one entry each ("Source: …"); wrapped to the image's width. */
  sources: string[];
  /** The licence and attribution lines. */
  licence: string[];
  /** Where the image comes from: "From <site>: <address>, data release …". */
  link: string;
}

export interface DownloadImage {
  svg: string;
  width: number;
  height: number;
}

const PAD = 24;
const GAP = 24;
const INK = "#0b0c0c";
const MUTED = "#505a5f";
const TITLE = 20;
const SUBTITLE = 15;
const BODY = 13;
const SMALL = 12;
const LINE = 1.35;

/** The width, height and viewBox of an SVG's outer element. */
export function svgSize(svg: string): { width: number; height: number; viewBox: string } {
  const open = /^<svg\b[^>]*>/.exec(svg)?.[0];
  if (!open) throw new Error("download: a panel is not an <svg> element");
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(open)?.[1];
  const viewBox = attr("viewBox");
  const vb = viewBox?.split(/[\s,]+/).map(Number);
  const width = Number(attr("width") ?? vb?.[2]);
  const height = Number(attr("height") ?? vb?.[3]);
  if (!(width > 0) || !(height > 0)) throw new Error("download: a panel has no width and height");
  return { width, height, viewBox: viewBox ?? `0 0 ${width} ${height}` };
}

/**
 * A page SVG placed at (x, y) inside the image: its outer element keeps its viewBox and presentation attributes
 * (fill, font) but loses its id, class, role and ARIA (the image has one title); links become plain groups (an
 * image opened from a disk has nowhere to link to), keeping each area's <title>.
 */
export function nestSvg(svg: string, x: number, y: number): string {
  const { width, height, viewBox } = svgSize(svg);
  const body = svg.replace(/^<svg\b[^>]*>/, "").replace(/<\/svg>\s*$/, "");
  const open = /^<svg\b[^>]*>/.exec(svg)![0];
  const keep = [...open.matchAll(/\s(fill|font-family|font-size|font-weight|text-anchor|stroke|stroke-width)="([^"]*)"/g)].map((m) => ` ${m[1]}="${m[2]}"`).join("");
  const inner = body.replace(/<a\b[^>]*>/g, "<g>").replace(/<\/a>/g, "</g>").replace(/\s(role|aria-labelledby|aria-label|tabindex|focusable)="[^"]*"/g, "");
  return `<svg x="${x}" y="${y}" width="${width}" height="${height}" viewBox="${viewBox}"${keep}>${inner}</svg>`;
}

/** Lines of text, each a <text> element, starting at baseline y; returns the markup and the y under the last line. */
function textBlock(lines: string[], x: number, y: number, size: number, attrs: string): { markup: string; bottom: number } {
  const step = Math.round(size * LINE);
  const markup = lines.map((l, i) => `<text x="${x}" y="${y + size + i * step}" font-size="${size}"${attrs}>${escapeXml(l)}</text>`).join("");
  return { markup, bottom: y + lines.length * step + Math.round(size * (LINE - 1)) };
}

/** The legend as rows of swatch and label, wrapped to the width. */
function legendBlock(legend: NonNullable<DownloadInput["legend"]>, x: number, y: number, width: number): { markup: string; bottom: number } {
  const heading = textBlock(wrapText(legend.heading, width, BODY), x, y, BODY, ` font-weight="700" fill="${INK}"`);
  let markup = heading.markup;
  let cx = x;
  let cy = heading.bottom + 4;
  const rowHeight = 24;
  for (const item of legend.items) {
    const { width: sw, height: sh } = svgSize(item.swatch);
    const w = sw + 6 + textWidth(item.label, BODY) + 20;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += rowHeight;
    }
    markup += nestSvg(item.swatch.replace(/\s(class|aria-hidden)="[^"]*"/g, ""), cx, cy + (rowHeight - sh) / 2 - 2);
    markup += `<text x="${cx + sw + 6}" y="${cy + rowHeight / 2 + BODY * 0.35 - 2}" font-size="${BODY}" fill="${INK}">${escapeXml(item.label)}</text>`;
    cx += w;
  }
  return { markup, bottom: cy + rowHeight + 4 };
}

/** The standalone image: title, subtitle, legend, the panels side by side, then notes, sources, licence and link. */
export function downloadImage(input: DownloadInput): DownloadImage {
  if (input.panels.length === 0) throw new Error("download: no panel to draw");
  const sizes = input.panels.map((p) => svgSize(p.svg));
  const drawingWidth = sizes.reduce((s, p) => s + p.width, 0) + GAP * (sizes.length - 1);
  const width = Math.ceil(drawingWidth + 2 * PAD);
  const textWidthMax = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD - 4;
  const title = textBlock(wrapText(input.title, textWidthMax, TITLE), PAD, y, TITLE, ` font-weight="700" fill="${INK}"`);
  parts.push(title.markup);
  y = title.bottom;
  if (input.subtitle) {
    const sub = textBlock(wrapText(input.subtitle, textWidthMax, SUBTITLE), PAD, y, SUBTITLE, ` fill="${MUTED}"`);
    parts.push(sub.markup);
    y = sub.bottom;
  }
  y += 8;
  if (input.legend) {
    const legend = legendBlock(input.legend, PAD, y, textWidthMax);
    parts.push(legend.markup);
    y = legend.bottom + 4;
  }
  const labelled = input.panels.some((p) => p.label);
  const labelLines = input.panels.map((p, i) => (p.label ? wrapText(p.label, sizes[i]!.width, BODY) : []));
  const labelHeight = labelled ? Math.max(...labelLines.map((l) => l.length)) * Math.round(BODY * LINE) + 6 : 0;
  let x = PAD;
  let drawingBottom = y;
  input.panels.forEach((p, i) => {
    const size = sizes[i]!;
    if (labelLines[i]!.length) parts.push(textBlock(labelLines[i]!, x, y, BODY, ` fill="${INK}"`).markup);
    const top = y + labelHeight;
    parts.push(nestSvg(p.svg, x, top));
    // A panel after the first is an enlargement: framed, as on the page.
    if (i > 0) parts.push(`<rect x="${x - 0.5}" y="${top - 0.5}" width="${size.width + 1}" height="${size.height + 1}" fill="none" stroke="${MUTED}" stroke-width="1"/>`);
    drawingBottom = Math.max(drawingBottom, top + size.height);
    x += size.width + GAP;
  });
  y = drawingBottom + 12;
  const footer = [
    ...(input.notes ?? []).flatMap((n) => wrapText(n, textWidthMax, SMALL)),
    ...input.sources.flatMap((s) => wrapText(s, textWidthMax, SMALL)),
    ...input.licence.flatMap((s) => wrapText(s, textWidthMax, SMALL)),
  ];
  const foot = textBlock(footer, PAD, y, SMALL, ` fill="${INK}"`);
  parts.push(foot.markup);
  const link = textBlock(wrapText(input.link, textWidthMax, SMALL), PAD, foot.bottom + 2, SMALL, ` fill="${MUTED}"`);
  parts.push(link.markup);
  const height = Math.ceil(link.bottom + PAD - 8);
  const desc = [input.subtitle, ...(input.notes ?? []), ...input.sources, ...input.licence, input.link].filter(Boolean).join(" ");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter, system-ui, sans-serif" role="img" aria-labelledby="download-title download-desc">` +
    `<title id="download-title">${escapeXml(input.title)}</title><desc id="download-desc">${escapeXml(desc)}</desc>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    parts.join("") +
    `</svg>\n`;
  return { svg, width, height };
}
