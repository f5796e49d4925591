import { geoPath, geoTransverseMercator } from "d3-geo";
import type { GeoPermissibleObjects, GeoProjection } from "d3-geo";
import { assertUnderHemisphere } from "../lib/geo/boundaries.ts";
import type { AreaFeature } from "../lib/geo/boundaries.ts";
import { markerPoint, pathData, projectPolygons, simplifyPolygons, type PxPolygon } from "../lib/geo/pxgeometry.ts";
import { DARK, classOf } from "../lib/scales/classes.ts";
import type { ClassBreaks } from "../lib/scales/classes.ts";
import { areaKind, legendItems } from "../lib/scales/legend.ts";
import type { LegendItem } from "../lib/scales/legend.ts";

export type FigureStatus = "published" | "derived" | "suppressed" | "not_available" | "missing";

export interface ChoroplethDatum {
  code: string;
  name: string;
  value: number | null;
  /** The value as printed, e.g. "8.8%", or a marker such as "[c]". */
  valueText: string;
  status: FigureStatus;
  lowReliability?: boolean;
  /** When given the area is a link (e.g. to the area's page). */
  href?: string;
}

export interface ChoroplethInset {
  /** Feature codes drawn in the inset box instead of the main map (e.g. Shetland's codes). */
  codes: readonly string[];
  /** Named in the description: "<label> is shown in a box at the top right, not in its true position." */
  label: string;
  /** Inset box width as a share of the map width (default 0.2). */
  widthFraction?: number;
}

export interface ChoroplethInput {
  /** Unique prefix for every id in the SVG, so two maps on one page do not clash. */
  id: string;
  title: string;
  /** Replaces the generated <desc> text. */
  description?: string;
  /** Measure and unit in words, e.g. "vacancy rate"; used in the legend heading and area names. */
  unitLabel: string;
  /** e.g. "1 November 2021". */
  periodLabel: string;
  features: readonly AreaFeature[];
  data: readonly ChoroplethDatum[];
  classes: ClassBreaks;
  /** Formats class limits for the legend, e.g. n => `${n.toFixed(1)}%`. */
  format: (n: number) => string;
  /** viewBox width in px; the height follows from the fitted projection. */
  width: number;
  inset?: ChoroplethInset;
  /** Douglas–Peucker tolerance in px (default DEFAULT_TOLERANCE_PX). */
  tolerance?: number;
  /** Rings smaller than this many px² are not drawn (default DEFAULT_MIN_AREA_PX2). */
  minArea?: number;
}

const PAD = 8;
const MUTED = "#484949";
const FOCUS = "#ffdd00";
const HATCH_LINE = "#505a5f";
/**
 * Default simplification: points within 0.75 px of the simplified outline are dropped, and islets
 * under 1 px² (too small to see) are left out. The boundaries carry detail far below a pixel at page
 * sizes; at 0.5 px the 153-area England map at 640 px was 95 KB, at 0.75 px it is under 80 KB and
 * looks the same (checked side by side at 2.5× zoom).
 */
export const DEFAULT_TOLERANCE_PX = 0.75;
export const DEFAULT_MIN_AREA_PX2 = 1;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Escapes text for SVG element content and double-quoted attributes. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** A number for attributes: at most 1 decimal, no "-0", no trailing ".0". */
function num(x: number): string {
  const r = Math.round(x * 10) / 10;
  return String(r === 0 ? 0 : r);
}

/** Accessible name of an area: "Fife: 8.8% (vacancy rate, 1 November 2021)". */
export function areaLabel(name: string, d: ChoroplethDatum | undefined, classes: ClassBreaks, unitLabel: string, periodLabel: string): string {
  const kind = areaKind(d, classes);
  const context = `(${unitLabel}, ${periodLabel})`;
  if (kind === "missing" || d === undefined) return `${name}: no published figure`;
  if (kind === "suppressed") return `${name}: [c] suppressed ${context}`;
  const u = d.lowReliability ? (d.valueText.includes("[u]") ? " low reliability" : " [u] low reliability") : "";
  return `${name}: ${d.valueText}${u} ${context}`;
}

function collection(features: readonly AreaFeature[]): GeoPermissibleObjects {
  return { type: "FeatureCollection", features: [...features] } as GeoPermissibleObjects;
}

/** Transverse Mercator on the British National Grid's central meridian (2°W), fitted to a width and placed at (x0, y0). */
function fitProjection(features: readonly AreaFeature[], width: number, x0: number, y0: number): { projection: GeoProjection; height: number } {
  const projection = geoTransverseMercator().rotate([2, 0]).fitWidth(width, collection(features));
  const [[bx, by], [, byMax]] = geoPath(projection).bounds(collection(features));
  const [tx, ty] = projection.translate();
  projection.translate([tx + x0 - bx, ty + y0 - by]);
  return { projection, height: byMax - by };
}

function polygonsOf(f: AreaFeature): GeoJSON.Polygon[] {
  return f.geometry.type === "Polygon"
    ? [f.geometry]
    : f.geometry.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }) as GeoJSON.Polygon);
}

/**
 * The largest scale s in [min, 1] at which no point, scaled by s about the origin, falls inside the
 * rectangle grown by margin. Each point rules out one interval of s; step below whichever interval
 * holds the current s until none does. Exact for the given points (the boundary vertices).
 */
export function largestClearScale(points: readonly [number, number][], r: Rect, margin: number, min: number): number {
  const x0 = r.x - margin;
  const x1 = r.x + r.w + margin;
  const y0 = r.y - margin;
  const y1 = r.y + r.h + margin;
  const range = (lo: number, hi: number, u: number): [number, number] =>
    u > 0 ? [lo / u, hi / u] : u < 0 ? [hi / u, lo / u] : lo <= 0 && hi >= 0 ? [-Infinity, Infinity] : [1, 0];
  const blocked: [number, number][] = [];
  for (const [ux, uy] of points) {
    const [ax, bx] = range(x0, x1, ux);
    const [ay, by] = range(y0, y1, uy);
    const lo = Math.max(ax, ay);
    const hi = Math.min(bx, by);
    if (lo <= hi && hi >= min && lo <= 1) blocked.push([lo, hi]);
  }
  let s = 1;
  for (let moved = true; moved && s >= min; ) {
    moved = false;
    for (const [lo, hi] of blocked) {
      if (s >= lo && s <= hi) {
        s = lo - 1e-6;
        moved = true;
      }
    }
  }
  return Math.max(s, min);
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface MapLayout {
  /** Projection for each feature code. */
  projectionOf: (code: string) => GeoProjection;
  insetBox?: Rect;
  bottom: number;
}

/** The features drawn at a given projection scale with their top-left corner at (x0, y0). */
function placeAtScale(features: readonly AreaFeature[], scale: number, x0: number, y0: number): { projection: GeoProjection; width: number; height: number } {
  const projection = geoTransverseMercator().rotate([2, 0]).scale(scale).translate([0, 0]);
  const [[bx, by], [bxMax, byMax]] = geoPath(projection).bounds(collection(features));
  projection.translate([x0 - bx, y0 - by]);
  return { projection, width: bxMax - bx, height: byMax - by };
}

/**
 * Fits the main features to the full width and puts the inset box in the top-right corner. If the
 * main map would run under the box, the main map shrinks (anchored top-left) just enough to clear
 * it; at the smallest scale the two sit side by side, so there is always an answer. The inset is
 * never drawn at a larger scale than the main map, so it does not exaggerate its areas' size.
 */
export function layoutMap(features: readonly AreaFeature[], insetCodes: ReadonlySet<string>, width: number, top: number, widthFraction = 0.2): MapLayout {
  const main = features.filter((f) => !insetCodes.has(f.properties.code));
  const inset = features.filter((f) => insetCodes.has(f.properties.code));
  const full = width - 2 * PAD;
  if (inset.length === 0 || main.length === 0) {
    const { projection, height } = fitProjection(features, full, PAD, top);
    return { projectionOf: () => projection, bottom: top + height };
  }
  const innerPad = 6;
  const boxW = Math.round(full * widthFraction);
  const fitted = fitProjection(inset, boxW - 2 * innerPad, PAD + full - boxW + innerPad, top + innerPad);
  const box: Rect = { x: PAD + full - boxW, y: top, w: boxW, h: fitted.height + 2 * innerPad };
  const gap = 8;
  const smallest = (full - boxW - gap) / full;
  // Fitted to a width and anchored at (PAD, top), the main map at scale s is the full-width map
  // scaled by s about that corner, so vertices projected once decide every candidate scale.
  const fullWidth = fitProjection(main, full, PAD, top);
  const points: [number, number][] = [];
  for (const f of main) {
    for (const poly of polygonsOf(f)) {
      for (const ring of poly.coordinates) {
        for (const pt of ring) {
          const p = fullWidth.projection(pt as [number, number]);
          if (p) points.push([p[0] - PAD, p[1] - top]);
        }
      }
    }
  }
  const scale = largestClearScale(points, { x: box.x - PAD, y: box.y - top, w: box.w, h: box.h }, gap, smallest);
  const chosen = scale >= 1 ? fullWidth : fitProjection(main, full * scale, PAD, top);
  let insetProjection = fitted.projection;
  if (fitted.projection.scale() > chosen.projection.scale()) {
    // A smaller box in the same corner: the main map only gains clearance.
    const probe = placeAtScale(inset, chosen.projection.scale(), 0, 0);
    box.w = Math.ceil(probe.width + 2 * innerPad);
    box.h = Math.ceil(probe.height + 2 * innerPad);
    box.x = PAD + full - box.w;
    insetProjection = placeAtScale(inset, chosen.projection.scale(), box.x + innerPad, box.y + innerPad).projection;
  }
  const mainProjection = chosen.projection;
  return {
    projectionOf: (code) => (insetCodes.has(code) ? insetProjection : mainProjection),
    insetBox: box,
    bottom: Math.max(top + chosen.height, box.y + box.h),
  };
}

interface LegendLayout {
  svg: string;
  bottom: number;
}

function swatchSvg(item: LegendItem, id: string, x: number, y: number, w: number, h: number, r: number): string {
  const rect = (fill: string) =>
    `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${fill}" stroke="${DARK}" stroke-width="1"/>`;
  switch (item.swatch.kind) {
    case "fill":
      return rect(item.swatch.fill);
    case "hatch":
      return rect(`url(#${id}-hatch)`);
    case "crosshatch":
      return rect(`url(#${id}-crosshatch)`);
    case "dot":
      return rect("#ffffff") + dotSvg(x + w / 2, y + h / 2, r);
  }
}

function dotSvg(cx: number, cy: number, r: number): string {
  return `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${DARK}" stroke="#ffffff" stroke-width="1.5"/>`;
}

/**
 * The legend flows left to right and wraps, so a narrow map gets more rows rather than clipped text.
 * Text widths are estimated (0.56 em a character): deterministic, no font metrics at build time.
 */
function legendSvg(items: readonly LegendItem[], heading: string, id: string, width: number, fs: number): LegendLayout {
  const parts: string[] = [];
  let y = PAD + fs;
  parts.push(`<text x="${PAD}" y="${num(y)}" font-weight="700">${escapeXml(heading)}</text>`);
  const rowH = Math.round(fs * 1.7);
  const sw = Math.round(fs * 1.6);
  const sh = Math.round(fs * 1.1);
  let x = PAD;
  y += Math.round(fs * 0.6);
  for (const item of items) {
    const count = `(${item.count} ${item.count === 1 ? "area" : "areas"})`;
    const textW = (item.label.length + 1 + count.length) * fs * 0.56;
    const itemW = sw + fs * 0.4 + textW;
    if (x > PAD && x + itemW > width - PAD) {
      x = PAD;
      y += rowH;
    }
    const sy = y + (rowH - sh) / 2;
    parts.push(
      `<g class="legend-item">${swatchSvg(item, id, x, sy, sw, sh, fs * 0.3)}` +
        `<text x="${num(x + sw + fs * 0.4)}" y="${num(sy + sh / 2)}" dominant-baseline="central">${escapeXml(item.label)} ` +
        `<tspan fill="${MUTED}">${count}</tspan></text></g>`,
    );
    x += itemW + fs * 1.2;
  }
  return { svg: `<g class="legend">${parts.join("")}</g>`, bottom: y + rowH };
}

function patternDefs(id: string): string {
  const tile = (name: string, d: string, stroke: string, w: number) =>
    `<pattern id="${id}-${name}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#ffffff"/><path d="${d}" stroke="${stroke}" stroke-width="${w}"/></pattern>`;
  return `<defs>${tile("hatch", "M3 0V6", HATCH_LINE, 1.5)}${tile("crosshatch", "M3 0V6M0 3H6", DARK, 1)}</defs>`;
}

/**
 * Keyboard focus turns the area the focus colour with a heavy dark edge (as focused links do on the site).
 * The rule lives in the site's stylesheet, not in the SVG, so pages need no inline styles (Content-Security-Policy).
 */
export const CHOROPLETH_FOCUS_CSS = `.choropleth .areas a:focus-visible path,.choropleth .areas path:focus-visible{fill:${FOCUS};stroke:${DARK};stroke-width:3px}`;

/**
 * Projected, simplified polygons depend only on the features, the layout and the tolerances, not on the
 * figures: many maps of one level share them, so they are computed once per features array and layout.
 */
const layoutCache = new WeakMap<readonly AreaFeature[], Map<string, MapLayout>>();
function cachedLayout(features: readonly AreaFeature[], key: string, compute: () => MapLayout): MapLayout {
  let byKey = layoutCache.get(features);
  if (!byKey) layoutCache.set(features, (byKey = new Map()));
  let l = byKey.get(key);
  if (!l) byKey.set(key, (l = compute()));
  return l;
}
const polygonCache = new WeakMap<readonly AreaFeature[], Map<string, PxPolygon[]>>();
function cachedPolygons(features: readonly AreaFeature[], layoutKey: string, code: string, compute: () => PxPolygon[]): PxPolygon[] {
  let byKey = polygonCache.get(features);
  if (!byKey) polygonCache.set(features, (byKey = new Map()));
  const k = `${layoutKey}|${code}`;
  let p = byKey.get(k);
  if (!p) byKey.set(k, (p = compute()));
  return p;
}

function defaultDescription(input: ChoroplethInput, drawn: readonly AreaFeature[], dataByCode: ReadonlyMap<string, ChoroplethDatum>): string {
  const missing = drawn.filter((f) => areaKind(dataByCode.get(f.properties.code), input.classes) !== "class").length;
  const k = input.classes.classes.length;
  const shaded =
    k === 0 ? "No area has a published figure." : `Areas are shaded in ${k} ${k === 1 ? "class" : "classes"} by ${input.unitLabel}, ${input.periodLabel}; darker means higher.`;
  const withoutText = missing > 0 ? ` ${missing} of ${drawn.length} areas have no figure to shade and are hatched.` : "";
  const inset = input.inset && drawn.some((f) => input.inset?.codes.includes(f.properties.code)) ? ` ${input.inset.label} is shown in a box at the top right, not in its true position.` : "";
  return `Map of ${drawn.length} areas. ${shaded}${withoutText}${inset} The legend is above the map.`;
}

function byName(a: { name: string; code: string }, b: { name: string; code: string }): number {
  const n = a.name.localeCompare(b.name, "en-GB");
  return n !== 0 ? n : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * A choropleth as an SVG string: legend above, areas in alphabetical order (so keyboard users move
 * through them predictably), hatched where there is no figure, cross-hatched where suppressed, a dot
 * on low-reliability figures. Pure and deterministic: same input, same string.
 */
export function choroplethSvg(input: ChoroplethInput): string {
  const { id, features, data, classes, width } = input;
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`choroplethSvg: id "${id}" must start with a letter and use only letters, digits, "-" and "_"`);
  if (features.length === 0) throw new Error(`choroplethSvg(${id}): no boundaries to draw`);
  if (!(width >= 200)) throw new Error(`choroplethSvg(${id}): width must be at least 200, not ${width}`);
  const codes = new Set<string>();
  for (const f of features) {
    if (codes.has(f.properties.code)) throw new Error(`choroplethSvg(${id}): boundary ${f.properties.code} appears twice`);
    codes.add(f.properties.code);
  }
  const dataByCode = new Map<string, ChoroplethDatum>();
  for (const d of data) {
    if (dataByCode.has(d.code)) throw new Error(`choroplethSvg(${id}): area ${d.code} has two figures`);
    dataByCode.set(d.code, d);
  }
  assertUnderHemisphere(features);

  const fs = Math.min(18, Math.max(12, Math.round(width / 46)));
  const drawnData = features.map((f) => dataByCode.get(f.properties.code)).filter((d): d is ChoroplethDatum => d !== undefined);
  const items = legendItems({ breaks: classes, data: drawnData, format: input.format, areasWithoutData: features.length - drawnData.length });
  const heading = `${input.unitLabel.charAt(0).toUpperCase()}${input.unitLabel.slice(1)}, ${input.periodLabel}`;
  const legend = legendSvg(items, heading, id, width, fs);

  const insetCodes = new Set(input.inset?.codes ?? []);
  const top = Math.round(legend.bottom + fs * 0.5);
  const layout = cachedLayout(features, `${width}|${top}|${[...insetCodes].join(",")}|${input.inset?.widthFraction}`, () =>
    layoutMap(features, insetCodes, width, top, input.inset?.widthFraction),
  );
  const height = Math.ceil(layout.bottom + PAD);

  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE_PX;
  const minArea = input.minArea ?? DEFAULT_MIN_AREA_PX2;
  const areas: string[] = [];
  const markers: string[] = [];
  const ordered = features
    .map((f) => ({ f, name: dataByCode.get(f.properties.code)?.name ?? f.properties.name, code: f.properties.code }))
    .sort(byName);
  for (const { f, name, code } of ordered) {
    const d = dataByCode.get(code);
    const projection = layout.projectionOf(code);
    const kind = areaKind(d, classes);
    const cls = kind === "class" ? classes.classes[classOf(d?.value, classes) as number] : undefined;
    const fill = cls ? cls.fill : kind === "suppressed" ? `url(#${id}-crosshatch)` : `url(#${id}-hatch)`;
    // The areas group strokes in DARK; only fills that need a white edge say so.
    const stroke = cls && cls.stroke !== DARK ? ` stroke="${cls.stroke}"` : "";
    const label = escapeXml(areaLabel(name, d, classes, input.unitLabel, input.periodLabel));
    const polygons = cachedPolygons(features, `${width}|${layout.bottom}|${[...insetCodes].join(",")}|${tolerance}|${minArea}`, code, () =>
      simplifyPolygons(projectPolygons(f, projection), tolerance, minArea),
    );
    const dAttr = pathData(polygons);
    const shape = `d="${dAttr}" fill="${fill}"${stroke}`;
    if (d?.href) {
      areas.push(`<a href="${escapeXml(d.href)}" aria-label="${label}"><title>${label}</title><path ${shape}/></a>`);
    } else {
      areas.push(`<path tabindex="0" role="img" aria-label="${label}" ${shape}><title>${label}</title></path>`);
    }
    if (kind === "class" && d?.lowReliability) {
      const [cx, cy] = markerPoint(polygons);
      markers.push(dotSvg(cx, cy, fs * 0.3));
    }
  }

  const frame = layout.insetBox
    ? `<rect class="inset-frame" x="${num(layout.insetBox.x)}" y="${num(layout.insetBox.y)}" width="${num(layout.insetBox.w)}" height="${num(layout.insetBox.h)}" fill="#ffffff" stroke="${HATCH_LINE}" stroke-width="1"/>`
    : "";
  const description = input.description ?? defaultDescription(input, features, dataByCode);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="choropleth" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"`,
    ` role="group" aria-labelledby="${id}-title ${id}-desc" font-family="${FONT}" font-size="${fs}" fill="${DARK}">`,
    `<title id="${id}-title">${escapeXml(input.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    patternDefs(id),
    legend.svg,
    frame,
    `<g class="areas" stroke="${DARK}" stroke-width="0.7" stroke-linejoin="round">${areas.join("")}</g>`,
    markers.length > 0 ? `<g class="markers" aria-hidden="true" pointer-events="none">${markers.join("")}</g>` : "",
    `</svg>`,
  ].join("");
}
