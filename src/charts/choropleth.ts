/**
 * Choropleth maps as inline SVG, drawn at build time from d3-geo paths.
 *
 * One map is one main SVG (every area; Shetland moved into a box at the top right) and, when a zoom is asked
 * for, one enlarged panel of small areas (the Central Belt's council areas). Each SVG is sent once and scales
 * with the page (viewBox, no fixed size): there is no text inside them, because text in a scaled SVG is too
 * small on a phone. The legend, the panel labels and the notes are HTML, placed by the component from
 * `legend` and `zoom.label`.
 */
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

export interface ChoroplethZoom {
  /**
   * Feature codes too small to read on the main map (e.g. the Central Belt's council areas). They stay in
   * place on the main map, drawn but not selectable there, and are drawn enlarged, and selectable, in the
   * zoom panel. Codes with no boundary on this map are ignored; with none left there is no panel.
   */
  codes: readonly string[];
  /** Names the panel and the box on the main map: "Central Belt". */
  label: string;
  /** viewBox width of the panel (default 2/3 of the main map's width). */
  width?: number;
  /** Margin around the zoom areas' extent, as a share of its larger side (default 0.04). */
  pad?: number;
}

export interface ChoroplethInput {
  /** Unique prefix for every id in the SVG, so two maps on one page do not clash. */
  id: string;
  title: string;
  /** Replaces the generated <desc> text of the main map. */
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
  /** A unit in words written once after each class range in the legend (" per 100,000"). */
  formatSuffix?: string;
  /** viewBox width of the main map; the height follows from the fitted projection. */
  width: number;
  inset?: ChoroplethInset;
  zoom?: ChoroplethZoom;
  /** Douglas–Peucker tolerance in viewBox units (default DEFAULT_TOLERANCE_PX). */
  tolerance?: number;
  /** Rings smaller than this many square units are not drawn (default DEFAULT_MIN_AREA_PX2). */
  minArea?: number;
}

export interface ChoroplethLegend {
  /** "Vacancy rate, 1 November 2021" */
  heading: string;
  items: LegendItem[];
}

export interface ChoroplethMap {
  legend: ChoroplethLegend;
  /** The main map. */
  svg: string;
  /** The enlarged panel, when a zoom was asked for and some of its areas are on the map. */
  zoom?: { label: string; codes: string[]; svg: string };
}

const PAD = 8;
const FOCUS = "#ffdd00";
const HATCH_LINE = "#505a5f";
/**
 * Default simplification: points within 1.25 units of the simplified outline are dropped, and islets
 * under 1 square unit (too small to see) are left out. Maps are drawn in a viewBox about as wide as the
 * column shows them in pixels, so a unit is about a pixel on a desktop and half a pixel on a phone;
 * coordinates are written in whole units. 1.25 rather than 0.75 makes a council-area map and its enlarged
 * panel 2.6 KB (gzip) lighter, so an indicator page with a map keeps to its 28 KB budget, and the outlines
 * are still within about a pixel of the simplified boundaries.
 */
export const DEFAULT_TOLERANCE_PX = 1.25;
export const DEFAULT_MIN_AREA_PX2 = 1;

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

export interface ZoomLayout {
  /** The zoomed area's extent on the main map, in main-map units. */
  frame: Rect;
  /** The main projection magnified onto the panel, clipped to it. */
  projection: GeoProjection;
  width: number;
  height: number;
}

/**
 * The zoom panel: the extent of the zoom areas on the main map, grown by `pad`, magnified to the panel
 * width. The panel's projection is the main projection scaled about the extent's corner, so shapes and
 * positions match the main map exactly; everything outside the panel is clipped away.
 */
export function layoutZoom(zoomFeatures: readonly AreaFeature[], main: GeoProjection, width: number, pad = 0.04): ZoomLayout {
  const [[x0, y0], [x1, y1]] = geoPath(main).bounds(collection(zoomFeatures));
  const margin = pad * Math.max(x1 - x0, y1 - y0);
  const frame: Rect = { x: x0 - margin, y: y0 - margin, w: x1 - x0 + 2 * margin, h: y1 - y0 + 2 * margin };
  const s = width / frame.w;
  const height = Math.ceil(frame.h * s);
  const [tx, ty] = main.translate();
  const projection = geoTransverseMercator()
    .rotate(main.rotate())
    .scale(main.scale() * s)
    .translate([(tx - frame.x) * s, (ty - frame.y) * s])
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  return { frame, projection, width, height };
}

/** A legend swatch as a small SVG for the HTML legend (decorative: the label beside it says what it means). */
export function legendSwatchSvg(item: LegendItem, id: string): string {
  const open = `<svg class="map-key-swatch" viewBox="0 0 30 20" width="30" height="20" aria-hidden="true" focusable="false">`;
  const rect = (fill: string) => `<rect x="0.5" y="0.5" width="29" height="19" fill="${fill}" stroke="${DARK}"/>`;
  switch (item.swatch.kind) {
    case "fill":
      return `${open}${rect(item.swatch.fill)}</svg>`;
    case "hatch":
      return `${open}${patternDefs(`${id}-key`, "hatch")}${rect(`url(#${id}-key-hatch)`)}</svg>`;
    case "crosshatch":
      return `${open}${patternDefs(`${id}-key`, "crosshatch")}${rect(`url(#${id}-key-crosshatch)`)}</svg>`;
    case "dot":
      return `${open}${rect("#ffffff")}${dotSvg(15, 10, 4)}</svg>`;
  }
}

function dotSvg(cx: number, cy: number, r: number): string {
  return `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${DARK}" stroke="#ffffff" stroke-width="1.5"/>`;
}

function patternDefs(id: string, ...which: ("hatch" | "crosshatch")[]): string {
  const tile = (name: string, d: string, stroke: string, w: number) =>
    `<pattern id="${id}-${name}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#ffffff"/><path d="${d}" stroke="${stroke}" stroke-width="${w}"/></pattern>`;
  const tiles = { hatch: tile("hatch", "M3 0V6", HATCH_LINE, 1.5), crosshatch: tile("crosshatch", "M3 0V6M0 3H6", DARK, 1) };
  return `<defs>${which.map((w) => tiles[w]).join("")}</defs>`;
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
interface Geometry {
  layout: MapLayout;
  zoom?: ZoomLayout;
  zoomCodes: string[];
  /** Main-map polygons by code. */
  main: Map<string, PxPolygon[]>;
  /** Zoom-panel polygons by code, for every area that reaches into the panel. */
  panel: Map<string, PxPolygon[]>;
}
const geometryCache = new WeakMap<readonly AreaFeature[], Map<string, Geometry>>();

function geometry(input: ChoroplethInput): Geometry {
  const { features, width } = input;
  const insetCodes = new Set(input.inset?.codes ?? []);
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE_PX;
  const minArea = input.minArea ?? DEFAULT_MIN_AREA_PX2;
  const zoomWidth = input.zoom ? (input.zoom.width ?? Math.round((width * 2) / 3)) : 0;
  const key = JSON.stringify([width, [...insetCodes], input.inset?.widthFraction, input.zoom?.codes, zoomWidth, input.zoom?.pad, tolerance, minArea]);
  let byKey = geometryCache.get(features);
  if (!byKey) geometryCache.set(features, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;

  const layout = layoutMap(features, insetCodes, width, PAD, input.inset?.widthFraction);
  const main = new Map<string, PxPolygon[]>();
  for (const f of features) main.set(f.properties.code, simplifyPolygons(projectPolygons(f, layout.projectionOf(f.properties.code)), tolerance, minArea));

  const wanted = new Set(input.zoom?.codes ?? []);
  const zoomFeatures = features.filter((f) => wanted.has(f.properties.code) && !insetCodes.has(f.properties.code));
  const zoomCodes = zoomFeatures.map((f) => f.properties.code);
  const panel = new Map<string, PxPolygon[]>();
  let zoom: ZoomLayout | undefined;
  if (input.zoom && zoomFeatures.length > 0) {
    zoom = layoutZoom(zoomFeatures, layout.projectionOf(zoomCodes[0] as string), zoomWidth, input.zoom.pad);
    for (const f of features) {
      if (insetCodes.has(f.properties.code)) continue;
      // Clipped to the panel by the projection: areas outside it come back empty.
      const polygons = simplifyPolygons(projectPolygons(f, zoom.projection), tolerance, wanted.has(f.properties.code) ? minArea : minArea * 4);
      if (polygons.length > 0) panel.set(f.properties.code, polygons);
    }
  }
  const g: Geometry = { layout, zoomCodes, main, panel, ...(zoom ? { zoom } : {}) };
  byKey.set(key, g);
  return g;
}

function defaultDescription(input: ChoroplethInput, drawn: readonly AreaFeature[], dataByCode: ReadonlyMap<string, ChoroplethDatum>, zoomCount: number): string {
  const missing = drawn.filter((f) => areaKind(dataByCode.get(f.properties.code), input.classes) !== "class").length;
  const k = input.classes.classes.length;
  const shaded =
    k === 0 ? "No area has a published figure." : `Areas are shaded in ${k} ${k === 1 ? "class" : "classes"} by ${input.unitLabel}, ${input.periodLabel}; darker means higher.`;
  const withoutText = missing > 0 ? ` ${missing} of ${drawn.length} areas have no figure to shade and are hatched.` : "";
  const inset = input.inset && drawn.some((f) => input.inset?.codes.includes(f.properties.code)) ? ` ${input.inset.label} is shown in a box at the top right, not in its true position.` : "";
  const zoom =
    input.zoom && zoomCount > 0
      ? ` ${zoomCount} small areas of the ${input.zoom.label} are outlined by a dashed box and drawn enlarged in the next panel, where they can be selected.`
      : "";
  return `Map of ${drawn.length} areas. ${shaded}${withoutText}${inset}${zoom} The legend is above the map.`;
}

function byName(a: { name: string; code: string }, b: { name: string; code: string }): number {
  const n = a.name.localeCompare(b.name, "en-GB");
  return n !== 0 ? n : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function validate(input: ChoroplethInput): Map<string, ChoroplethDatum> {
  const { id, features, data, width } = input;
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`choroplethSvg: id "${id}" must start with a letter and use only letters, digits, "-" and "_"`);
  if (features.length === 0) throw new Error(`choroplethSvg(${id}): no boundaries to draw`);
  if (!(width >= 200)) throw new Error(`choroplethSvg(${id}): width must be at least 200, not ${width}`);
  if (input.zoom?.width !== undefined && !(input.zoom.width >= 200)) throw new Error(`choroplethSvg(${id}): zoom width must be at least 200, not ${input.zoom.width}`);
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
  return dataByCode;
}

/** How one area is drawn: its fill, the border override for dark fills, its name, link and marker. */
interface AreaStyle {
  code: string;
  name: string;
  label: string;
  fill: string;
  stroke: string;
  href?: string;
  lowReliability: boolean;
}

function styleAreas(input: ChoroplethInput, dataByCode: ReadonlyMap<string, ChoroplethDatum>, fillPrefix: string): AreaStyle[] {
  const { classes } = input;
  return input.features
    .map((f) => {
      const code = f.properties.code;
      const d = dataByCode.get(code);
      const name = d?.name ?? f.properties.name;
      const kind = areaKind(d, classes);
      const cls = kind === "class" ? classes.classes[classOf(d?.value, classes) as number] : undefined;
      return {
        code,
        name,
        label: escapeXml(areaLabel(name, d, classes, input.unitLabel, input.periodLabel)),
        fill: cls ? cls.fill : kind === "suppressed" ? `url(#${fillPrefix}-crosshatch)` : `url(#${fillPrefix}-hatch)`,
        // The areas group strokes in DARK; only fills that need a white edge say so.
        stroke: cls && cls.stroke !== DARK ? ` stroke="${cls.stroke}"` : "",
        ...(d?.href ? { href: d.href } : {}),
        lowReliability: kind === "class" && Boolean(d?.lowReliability),
      };
    })
    .sort(byName);
}

/** A selectable area: a link when it has a page, else a focusable image; its name is its value. */
function selectableArea(a: AreaStyle, d: string): string {
  const shape = `d="${d}" fill="${a.fill}"${a.stroke}`;
  return a.href
    ? `<a href="${escapeXml(a.href)}" aria-label="${a.label}"><title>${a.label}</title><path ${shape}/></a>`
    : `<path tabindex="0" role="img" aria-label="${a.label}" ${shape}><title>${a.label}</title></path>`;
}

const AREAS_GROUP = `stroke="${DARK}" stroke-width="0.75" stroke-linejoin="round"`;

function svgOpen(id: string, width: number, height: number, extraClass = ""): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="choropleth${extraClass}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"` +
    ` role="group" aria-labelledby="${id}-title ${id}-desc">`
  );
}

/**
 * A choropleth: the legend (for the page to print above the map), the main SVG and, when asked, the zoom
 * panel. Areas come in alphabetical order (so keyboard users move through them predictably), hatched
 * where there is no figure, cross-hatched where suppressed, with a dot on low-reliability figures. Every
 * area is selectable exactly once: zoom areas in the panel, all others on the main map. Pure and
 * deterministic: same input, same strings.
 */
export function choroplethMap(input: ChoroplethInput): ChoroplethMap {
  const dataByCode = validate(input);
  const { id, features, classes } = input;
  const drawnData = features.map((f) => dataByCode.get(f.properties.code)).filter((d): d is ChoroplethDatum => d !== undefined);
  const legend: ChoroplethLegend = {
    heading: `${input.unitLabel.charAt(0).toUpperCase()}${input.unitLabel.slice(1)}, ${input.periodLabel}`,
    items: legendItems({
      breaks: classes,
      data: drawnData,
      format: input.format,
      ...(input.formatSuffix ? { suffix: input.formatSuffix } : {}),
      areasWithoutData: features.length - drawnData.length,
    }),
  };

  const g = geometry(input);
  const zoomSet = new Set(g.zoomCodes);
  const areas = styleAreas(input, dataByCode, id);
  const markerR = Math.max(4, input.width / 110);
  const focusable: string[] = [];
  const inPlace: string[] = [];
  const markers: string[] = [];
  for (const a of areas) {
    const polygons = g.main.get(a.code) as PxPolygon[];
    const d = pathData(polygons);
    if (zoomSet.has(a.code)) inPlace.push(`<path d="${d}" fill="${a.fill}"${a.stroke}/>`);
    else focusable.push(selectableArea(a, d));
    if (a.lowReliability) {
      const [cx, cy] = markerPoint(polygons);
      markers.push(dotSvg(cx, cy, markerR));
    }
  }
  const height = Math.ceil(g.layout.bottom + PAD);
  const insetFrame = g.layout.insetBox
    ? `<rect class="inset-frame" x="${num(g.layout.insetBox.x)}" y="${num(g.layout.insetBox.y)}" width="${num(g.layout.insetBox.w)}" height="${num(g.layout.insetBox.h)}" fill="#ffffff" stroke="${HATCH_LINE}" stroke-width="1"/>`
    : "";
  const zoomFrame = g.zoom
    ? `<rect class="zoom-frame" x="${num(g.zoom.frame.x)}" y="${num(g.zoom.frame.y)}" width="${num(g.zoom.frame.w)}" height="${num(g.zoom.frame.h)}" fill="none" stroke="${DARK}" stroke-width="1.5" stroke-dasharray="5 3"/>`
    : "";
  const description = input.description ?? defaultDescription(input, features, dataByCode, g.zoomCodes.length);
  const markerGroup = (m: string[]) => (m.length > 0 ? `<g class="markers" aria-hidden="true" pointer-events="none">${m.join("")}</g>` : "");
  const svg = [
    svgOpen(id, input.width, height),
    `<title id="${id}-title">${escapeXml(input.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    patternDefs(id, "hatch", "crosshatch"),
    insetFrame,
    `<g class="areas" ${AREAS_GROUP}>${focusable.join("")}</g>`,
    inPlace.length > 0 ? `<g class="in-place" aria-hidden="true" ${AREAS_GROUP}>${inPlace.join("")}</g>` : "",
    zoomFrame ? `<g aria-hidden="true" pointer-events="none">${zoomFrame}</g>` : "",
    markerGroup(markers),
    `</svg>`,
  ].join("");

  if (!g.zoom || !input.zoom) return { legend, svg };
  const z = g.zoom;
  const zid = `${id}-zoom`;
  const zoomAreas = styleAreas(input, dataByCode, zid);
  const selectable: string[] = [];
  const context: string[] = [];
  const zoomMarkers: string[] = [];
  for (const a of zoomAreas) {
    const polygons = g.panel.get(a.code);
    if (!polygons) continue;
    const d = pathData(polygons);
    if (zoomSet.has(a.code)) selectable.push(selectableArea(a, d));
    else context.push(`<path d="${d}" fill="${a.fill}"${a.stroke}/>`);
    if (a.lowReliability && zoomSet.has(a.code)) {
      const [cx, cy] = markerPoint(polygons);
      zoomMarkers.push(dotSvg(cx, cy, markerR));
    }
  }
  const names = zoomAreas.filter((a) => zoomSet.has(a.code)).map((a) => a.name);
  const zoomSvg = [
    svgOpen(zid, z.width, z.height, " choropleth-zoom"),
    `<title id="${zid}-title">${escapeXml(`${input.zoom.label}, enlarged: ${input.title}`)}</title>`,
    `<desc id="${zid}-desc">${escapeXml(
      `The ${input.zoom.label} enlarged, shaded as on the main map: ${names.join(", ")}. Parts of neighbouring areas are shown for context; they are selected on the main map.`,
    )}</desc>`,
    patternDefs(zid, "hatch", "crosshatch"),
    // Neighbours cut by the panel's edge, for context: thinner grey borders, so the selectable areas stand out.
    context.length > 0 ? `<g class="context" aria-hidden="true" stroke="${HATCH_LINE}" stroke-width="0.5" stroke-linejoin="round">${context.join("")}</g>` : "",
    `<g class="areas" ${AREAS_GROUP}>${selectable.join("")}</g>`,
    markerGroup(zoomMarkers),
    `</svg>`,
  ].join("");
  return { legend, svg, zoom: { label: input.zoom.label, codes: g.zoomCodes, svg: zoomSvg } };
}
