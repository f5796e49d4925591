// Choropleth maps rendered to SVG from the hand-made fixtures in test/fixtures/geo (made-up codes
// and values), plus size checks on the real ONS boundaries when BOUNDARIES_DIR holds them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { choroplethMap, largestClearScale, legendSwatchSvg } from "../../src/charts/choropleth.ts";
import type { ChoroplethDatum, ChoroplethInput } from "../../src/charts/choropleth.ts";
import { markerPoint, pathData, simplifyPolygons, simplifyRing } from "../../src/lib/geo/pxgeometry.ts";
import type { PxPolygon } from "../../src/lib/geo/pxgeometry.ts";
import {
  adpMembersFromRows,
  boundariesDir,
  featuresFor,
  loadBoundaries,
  missingBoundariesMessage,
  shetlandInsetCodes,
  centralBeltZoomCodes,
  CENTRAL_BELT_COUNCIL_AREAS,
  londonZoomCodes,
} from "../../src/lib/geo/boundaries.ts";
import type { AreaFeature, GeoLevel, Topologies } from "../../src/lib/geo/boundaries.ts";
import { classBreaks } from "../../src/lib/scales/classes.ts";
import { expectSvgSnapshot } from "./snapshot.ts";

const fixtures = loadBoundaries(fileURLToPath(new URL("../fixtures/geo/", import.meta.url))) as Topologies;
const pct = (n: number) => `${n.toFixed(1)}%`;

// ---------------------------------------------------------------------------------------------
// Reading the SVG back: an XML parser (so malformed markup fails) and a path-data reader.

const { DOMParser } = new JSDOM("").window;
function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const error = doc.querySelector("parsererror");
  if (error) throw new Error(`SVG is not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Absolute points of every subpath of path data using M/m/L/l/z (implicit repeats included). */
function readPath(d: string): [number, number][][] {
  const tokens = d.match(/[MmLlZz]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const rings: [number, number][][] = [];
  let ring: [number, number][] = [];
  let cmd = "";
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i] as string;
    if (/[A-Za-z]/.test(t)) {
      cmd = t;
      i++;
      if (cmd === "z" || cmd === "Z") {
        if (ring.length > 0) rings.push(ring);
        ring = [];
        x = startX;
        y = startY;
      }
      continue;
    }
    const a = Number(tokens[i]);
    const b = Number(tokens[i + 1]);
    i += 2;
    if (cmd === "M" || cmd === "L") [x, y] = [a, b];
    else if (cmd === "m" || cmd === "l") [x, y] = [x + a, y + b];
    else throw new Error(`unexpected path command ${cmd}`);
    if (cmd === "M" || cmd === "m") {
      if (ring.length > 0) rings.push(ring);
      ring = [];
      startX = x;
      startY = y;
      cmd = cmd === "M" ? "L" : "l"; // pairs after a move are lines
    }
    ring.push([x, y]);
  }
  if (ring.length > 0) rings.push(ring);
  return rings;
}

function bbox(points: readonly [number, number][]) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Each selectable area: its focusable element, accessible name, tooltip and shape. */
function areasOf(doc: Document) {
  const group = doc.querySelector("g.areas:not([aria-hidden])");
  if (!group) throw new Error("no g.areas");
  return [...group.children].map((el) => {
    const path = el.tagName === "a" ? el.querySelector("path") : el;
    return {
      el,
      name: el.getAttribute("aria-label") ?? "",
      tooltip: el.querySelector(":scope > title")?.textContent ?? "",
      fill: path?.getAttribute("fill") ?? "",
      points: readPath(path?.getAttribute("d") ?? "").flat(),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Fixture maps

const councils = featuresFor("council_area", fixtures);
const councilData: ChoroplethDatum[] = [
  { code: "X01000001", name: "Northwest", value: 8.8, valueText: "8.8%", status: "published", href: "/areas/x01000001/" },
  { code: "X01000002", name: "Northeast", value: 12.46, valueText: "12.5%", status: "derived", lowReliability: true },
  { code: "X01000003", name: "Southwest", value: null, valueText: "[c]", status: "suppressed" },
  { code: "X01000004", name: "Southeast", value: 3.1, valueText: "3.1%", status: "published" },
  // X01000005 "Far Isles" has no data item at all: a boundary without data.
  { code: "X99000001", name: "Nowhere", value: 50, valueText: "50.0%", status: "published" }, // data without a boundary
];

function councilInput(overrides: Partial<ChoroplethInput> = {}): ChoroplethInput {
  const data = overrides.data ?? councilData;
  return {
    id: "map-ca",
    title: "Made-up vacancy rate by council area",
    unitLabel: "vacancy rate",
    periodLabel: "1 November 2021",
    features: councils,
    data,
    classes: classBreaks(data.filter((d) => councils.some((f) => f.properties.code === d.code)).map((d) => d.value), { precision: 1 }),
    format: pct,
    width: 400,
    inset: { codes: ["X01000005"], label: "Far Isles" },
    ...overrides,
  };
}

/** The main SVG of a map. */
const mainSvg = (input: ChoroplethInput) => choroplethMap(input).svg;

describe("choroplethMap on fixtures", () => {
  const map = choroplethMap(councilInput());
  const svg = map.svg;
  const doc = parse(svg);
  const root = doc.documentElement;
  const areas = areasOf(doc);

  it("matches the reviewed snapshot (council areas with an inset, every status)", async () => {
    await expectSvgSnapshot("map-council-areas-inset-400", svg);
  });

  it("is a labelled group whose aria-labelledby points at its own <title> and <desc>", () => {
    expect(root.tagName).toBe("svg");
    expect(root.getAttribute("role")).toBe("group");
    const ids = (root.getAttribute("aria-labelledby") ?? "").split(" ");
    expect(ids.map((i) => doc.getElementById(i)?.tagName)).toEqual(["title", "desc"]);
    expect(doc.getElementById(ids[0] as string)?.textContent).toBe("Made-up vacancy rate by council area");
    expect(doc.getElementById(ids[1] as string)?.textContent).toMatch(/Far Isles is shown in a box at the top right/);
  });

  it("scales with the page: a viewBox whose size is also the intrinsic size, and no text to shrink", () => {
    const [, , vw, vh] = (root.getAttribute("viewBox") ?? "").split(" ").map(Number) as [number, number, number, number];
    expect([vw, vh]).toEqual([Number(root.getAttribute("width")), Number(root.getAttribute("height"))]);
    expect(doc.querySelectorAll("text")).toHaveLength(0);
    expect(svg).not.toMatch(/style=|<style/);
  });

  it("draws every boundary once, and nothing for data without a boundary", () => {
    expect(areas).toHaveLength(councils.length);
    expect(svg).not.toContain("Nowhere");
  });

  it("gives every area a keyboard-focusable element whose accessible name states area, value, unit and period", () => {
    expect(areas.map((a) => a.name)).toEqual([
      "Far Isles: no published figure",
      "Northeast: 12.5% [u] low reliability (vacancy rate, 1 November 2021)",
      "Northwest: 8.8% (vacancy rate, 1 November 2021)",
      "Southeast: 3.1% (vacancy rate, 1 November 2021)",
      "Southwest: [c] suppressed (vacancy rate, 1 November 2021)",
    ]);
    for (const a of areas) {
      expect(a.tooltip, "hover tooltip").toBe(a.name);
      if (a.el.tagName === "a") {
        expect(a.el.getAttribute("href")).toBe("/areas/x01000001/");
      } else {
        expect(a.el.tagName).toBe("path");
        expect(a.el.getAttribute("tabindex")).toBe("0");
        expect(a.el.getAttribute("role")).toBe("img");
      }
    }
    expect(areas.filter((a) => a.el.tagName === "a").map((a) => a.name)).toEqual(["Northwest: 8.8% (vacancy rate, 1 November 2021)"]);
  });

  it("hatches exactly the areas without a figure and cross-hatches exactly the suppressed ones", () => {
    const hatched = areas.filter((a) => a.fill === "url(#map-ca-hatch)").map((a) => a.name.split(":")[0]);
    const crossed = areas.filter((a) => a.fill === "url(#map-ca-crosshatch)").map((a) => a.name.split(":")[0]);
    expect(hatched).toEqual(["Far Isles"]);
    expect(crossed).toEqual(["Southwest"]);
    const input = councilInput();
    // Three figures: one class.
    expect(input.classes.classes).toHaveLength(1);
    const fillOf = (name: string) => areas.find((a) => a.name.startsWith(name))?.fill;
    expect([fillOf("Southeast"), fillOf("Northwest"), fillOf("Northeast")]).toEqual(Array(3).fill(input.classes.classes[0]?.fill));
  });

  it("gives the page a legend: heading with the unit, class ranges with counts, 'No published figure', then the markers", () => {
    const five = councilInput({ classes: classBreaks([3.1, 8.8, 12.46, 1, 2, 4, 5, 6, 7], { precision: 1 }) });
    const { legend } = choroplethMap(five);
    expect(legend.heading).toBe("Vacancy rate, 1 November 2021");
    expect(legend.items.map((i) => [i.label, i.count])).toEqual([
      ["1.0% to under 4.0%", 1],
      ["4.0% to under 7.0%", 0],
      ["7.0% to 12.5%", 2],
      ["No published figure", 1],
      ["[c] suppressed", 1],
      ["[u] low reliability", 1],
    ]);
    expect(choroplethMap(councilInput({ format: (n) => n.toFixed(1), formatSuffix: " per 100,000" })).legend.items[0]?.label).toBe("3.1 to 12.5 per 100,000");
  });

  it("draws legend swatches as small decorative SVGs, the hatches with their own patterns", () => {
    const swatches = map.legend.items.map((i) => parse(legendSwatchSvg(i, "map-ca")));
    for (const sw of swatches) expect(sw.documentElement.getAttribute("aria-hidden")).toBe("true");
    const fills = swatches.map((sw) => sw.querySelector(":scope > rect")?.getAttribute("fill"));
    expect(fills).toEqual([input0Fill(), "url(#map-ca-key-hatch)", "url(#map-ca-key-crosshatch)", "#ffffff"]);
    expect(swatches[1]?.getElementById("map-ca-key-hatch")?.tagName).toBe("pattern");
    expect(swatches[2]?.getElementById("map-ca-key-crosshatch")?.tagName).toBe("pattern");
    expect(swatches[3]?.querySelector("circle")).not.toBeNull();
  });
  function input0Fill() {
    return councilInput().classes.classes[0]?.fill;
  }

  it("draws the inset area inside its frame, and the main areas outside it, all inside the viewBox", () => {
    const frame = doc.querySelector(".inset-frame");
    const f = { x0: Number(frame?.getAttribute("x")), y0: Number(frame?.getAttribute("y")) };
    const box = { ...f, x1: f.x0 + Number(frame?.getAttribute("width")), y1: f.y0 + Number(frame?.getAttribute("height")) };
    const [, , vw, vh] = (root.getAttribute("viewBox") ?? "").split(" ").map(Number) as [number, number, number, number];
    expect(vw).toBe(400);
    for (const a of areas) {
      const b = bbox(a.points);
      const inside = b.x0 >= box.x0 && b.x1 <= box.x1 && b.y0 >= box.y0 && b.y1 <= box.y1;
      const apart = b.x1 < box.x0 || b.y0 > box.y1;
      if (a.name.startsWith("Far Isles")) expect(inside, a.name).toBe(true);
      else expect(apart, a.name).toBe(true);
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(vw);
      expect(b.y1).toBeLessThanOrEqual(vh);
    }
    // The inset is not drawn larger than the main map: the triangle is 0.5° wide, a square 1°.
    const isles = bbox(areas.find((a) => a.name.startsWith("Far Isles"))?.points ?? []);
    const nw = bbox(areas.find((a) => a.name.startsWith("Northwest"))?.points ?? []);
    expect(isles.x1 - isles.x0).toBeLessThan(nw.x1 - nw.x0);
  });

  it("never draws the inset at a larger scale than the main map, even in a wide box", () => {
    const wide = areasOf(parse(mainSvg(councilInput({ inset: { codes: ["X01000005"], label: "Far Isles", widthFraction: 0.45 } }))));
    const isles = bbox(wide.find((a) => a.name.startsWith("Far Isles"))?.points ?? []);
    const nw = bbox(wide.find((a) => a.name.startsWith("Northwest"))?.points ?? []);
    // Triangle 0.5° wide near 60°N, square 1° wide near 57.5°N: px per degree of longitude scales with cos(latitude).
    const perDegreeIsles = (isles.x1 - isles.x0) / 0.5 / Math.cos((59.5 * Math.PI) / 180);
    const perDegreeSquare = (nw.x1 - nw.x0) / 1 / Math.cos((57.5 * Math.PI) / 180);
    expect(perDegreeIsles).toBeLessThanOrEqual(perDegreeSquare * 1.05);
    expect(perDegreeIsles).toBeGreaterThan(perDegreeSquare * 0.9);
  });

  it("marks the low-reliability area with a dot inside it", () => {
    const dots = [...doc.querySelectorAll("g.markers circle")];
    expect(dots).toHaveLength(1);
    expect(doc.querySelector("g.markers")?.getAttribute("aria-hidden")).toBe("true");
    const ne = bbox(areas.find((a) => a.name.startsWith("Northeast"))?.points ?? []);
    const [cx, cy] = [Number(dots[0]?.getAttribute("cx")), Number(dots[0]?.getAttribute("cy"))];
    expect(cx).toBeGreaterThan(ne.x0);
    expect(cx).toBeLessThan(ne.x1);
    expect(cy).toBeGreaterThan(ne.y0);
    expect(cy).toBeLessThan(ne.y1);
  });

  it("keeps the islet of a multi-part area as its own ring", () => {
    const se = areas.find((a) => a.name.startsWith("Southeast"));
    const d = se?.el.getAttribute("d") ?? "";
    expect(readPath(d)).toHaveLength(2);
  });

  it("writes coordinates in whole viewBox units", () => {
    for (const a of areas) {
      const d = (a.el.tagName === "a" ? a.el.querySelector("path") : a.el)?.getAttribute("d") ?? "";
      expect(d).not.toMatch(/\./);
    }
  });

  it("has no duplicate ids, every id starts with the map id, and every reference resolves", () => {
    const ids = [...doc.querySelectorAll("[id]")].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of ids) expect(i.startsWith("map-ca")).toBe(true);
    const refs = [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(ids).toContain(r);
  });

  it("gives two maps on one page disjoint ids", () => {
    const other = parse(mainSvg(councilInput({ id: "map-other" })));
    const a = [...doc.querySelectorAll("[id]")].map((el) => el.id);
    const b = [...other.querySelectorAll("[id]")].map((el) => el.id);
    expect(a.filter((x) => b.includes(x))).toEqual([]);
  });

  it("is deterministic", () => {
    expect(mainSvg(councilInput())).toBe(svg);
  });

  it("has no zoom panel unless asked for, nor when none of its codes is on the map", () => {
    expect(map.zoom).toBeUndefined();
    expect(choroplethMap(councilInput({ zoom: { codes: ["X77777777"], label: "Nowhere" } })).zoom).toBeUndefined();
  });
});

describe("choroplethMap zoom panel on fixtures", () => {
  // Northwest and Northeast (the two northern squares) enlarged; the southern squares reach in as context.
  const input = councilInput({ id: "map-z", zoom: { codes: ["X01000001", "X01000002"], label: "North", width: 300 } });
  const map = choroplethMap(input);
  const main = parse(map.svg);
  const zoom = parse(map.zoom?.svg ?? "");

  it("matches the reviewed snapshot (the zoom panel)", async () => {
    await expectSvgSnapshot("map-council-areas-zoom-300", map.zoom?.svg ?? "");
  });

  it("makes every area selectable exactly once: zoom areas in the panel, the others on the main map", () => {
    const selectable = [...areasOf(main), ...areasOf(zoom)].map((a) => a.name.split(":")[0]);
    expect(selectable.sort()).toEqual(["Far Isles", "Northeast", "Northwest", "Southeast", "Southwest"]);
    expect(areasOf(zoom).map((a) => a.name.split(":")[0])).toEqual(["Northeast", "Northwest"]);
    expect(map.zoom?.codes).toEqual(["X01000001", "X01000002"]);
  });

  it("keeps the zoom areas in place on the main map, hidden from assistive technology and out of the tab order", () => {
    const inPlace = main.querySelector("g.in-place");
    expect(inPlace?.getAttribute("aria-hidden")).toBe("true");
    expect(inPlace?.querySelectorAll("path")).toHaveLength(2);
    expect(inPlace?.querySelectorAll("a, [tabindex]")).toHaveLength(0);
    const context = zoom.querySelector("g.context");
    expect(context?.getAttribute("aria-hidden")).toBe("true");
    expect(context?.querySelectorAll("a, [tabindex]")).toHaveLength(0);
  });

  it("labels the panel with its own title and description naming its areas", () => {
    const root = zoom.documentElement;
    expect(root.getAttribute("role")).toBe("group");
    const [t, d] = (root.getAttribute("aria-labelledby") ?? "").split(" ");
    expect(zoom.getElementById(t as string)?.textContent).toBe("North, enlarged: Made-up vacancy rate by council area");
    expect(zoom.getElementById(d as string)?.textContent).toMatch(/^The North enlarged, shaded as on the main map: Northeast, Northwest\./);
    expect(main.querySelector("desc")?.textContent).toMatch(/2 small areas of the North are outlined by a dashed box and drawn enlarged in the next panel/);
  });

  it("enlarges the zoom areas to the panel width, at the main map's proportions, and clips the context to the panel", () => {
    const [, , vw, vh] = (zoom.documentElement.getAttribute("viewBox") ?? "").split(" ").map(Number) as [number, number, number, number];
    expect(vw).toBe(300);
    const frame = main.querySelector(".zoom-frame");
    const fw = Number(frame?.getAttribute("width"));
    const fh = Number(frame?.getAttribute("height"));
    expect(vh / vw).toBeCloseTo(fh / fw, 1);
    const inMain = [...(main.querySelector("g.in-place")?.querySelectorAll("path") ?? [])].map((p) => bbox(readPath(p.getAttribute("d") ?? "").flat()));
    const inZoom = areasOf(zoom).map((a) => bbox(a.points));
    // Northeast then Northwest in both; the panel magnifies each by panel width / frame width.
    const scale = vw / fw;
    for (const [i, z] of inZoom.entries()) {
      const m = inMain[i] as ReturnType<typeof bbox>;
      expect(z.x1 - z.x0).toBeCloseTo((m.x1 - m.x0) * scale, -0.5);
      expect(z.y1 - z.y0).toBeCloseTo((m.y1 - m.y0) * scale, -0.5);
    }
    for (const p of zoom.querySelectorAll("path")) {
      if (p.closest("pattern")) continue;
      const b = bbox(readPath(p.getAttribute("d") ?? "").flat());
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.y0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(vw);
      expect(b.y1).toBeLessThanOrEqual(vh);
    }
    // The southern squares reach into the panel's margin, cut at its edge.
    expect(zoom.querySelectorAll("g.context path").length).toBeGreaterThan(0);
  });

  it("has ids of its own, disjoint from the main map's", () => {
    const a = [...main.querySelectorAll("[id]")].map((el) => el.id);
    const b = [...zoom.querySelectorAll("[id]")].map((el) => el.id);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((x) => b.includes(x))).toEqual([]);
    for (const r of [...(map.zoom?.svg ?? "").matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1] as string)) expect(b).toContain(r);
  });
});

describe("choroplethMap edge cases", () => {
  const utlas = featuresFor("utla", fixtures);

  it("draws a map with no figures at all: every area hatched, legend with only 'No published figure'", async () => {
    const data: ChoroplethDatum[] = utlas.map((f) => ({ code: f.properties.code, name: f.properties.name, value: null, valueText: "[x]", status: "not_available" }));
    const map = choroplethMap({
      id: "map-empty",
      title: "Made-up measure with no area figures",
      unitLabel: "rate per 100,000 people",
      periodLabel: "2023/24",
      features: utlas,
      data,
      classes: classBreaks([], { precision: 1 }),
      format: pct,
      width: 320,
    });
    await expectSvgSnapshot("map-utlas-no-figures-320", map.svg);
    const doc = parse(map.svg);
    expect(areasOf(doc).map((a) => a.fill)).toEqual(["url(#map-empty-hatch)", "url(#map-empty-hatch)"]);
    expect(map.legend.items.map((i) => [i.label, i.count])).toEqual([["No published figure", 2]]);
    expect(doc.querySelector(".inset-frame")).toBeNull();
    // The name with "&" and "<" arrives intact through escaping.
    expect(areasOf(doc).map((a) => a.name)).toContain("Eastshire & <Town>: no published figure");
  });

  it("uses the data item's name over the boundary's, and the boundary's when there is no item", () => {
    const svg = mainSvg(
      councilInput({ data: [{ code: "X01000001", name: "North West Council", value: 1, valueText: "1.0%", status: "published" }], inset: undefined }),
    );
    const names = areasOf(parse(svg)).map((a) => a.name);
    expect(names).toContain("North West Council: 1.0% (vacancy rate, 1 November 2021)");
    expect(names).toContain("Southeast: no published figure");
  });

  it("rejects inputs it cannot draw honestly", () => {
    expect(() => choroplethMap(councilInput({ features: [] }))).toThrow(/no boundaries to draw/);
    expect(() => choroplethMap(councilInput({ id: "1 bad id" }))).toThrow(/id "1 bad id"/);
    expect(() => choroplethMap(councilInput({ zoom: { codes: ["X01000001"], label: "x", width: 50 } }))).toThrow(/zoom width/);
    const twice = [...councilData, { ...councilData[0] } as ChoroplethDatum];
    expect(() => choroplethMap(councilInput({ data: twice }))).toThrow(/area X01000001 has two figures/);
    expect(() => choroplethMap(councilInput({ features: [...councils, councils[0] as AreaFeature] }))).toThrow(/boundary X01000001 appears twice/);
    const [good] = councils as [AreaFeature];
    const ring = (good.geometry as GeoJSON.Polygon).coordinates[0] as GeoJSON.Position[];
    const inverted: AreaFeature = { ...good, geometry: { type: "Polygon", coordinates: [[...ring].reverse()] } };
    expect(() => choroplethMap(councilInput({ features: [inverted] }))).toThrow(/X01000001 .*more than a hemisphere/);
  });
});

// ---------------------------------------------------------------------------------------------
// The geometry helpers

describe("simplifyRing", () => {
  /** Distance from p to segment ab. */
  const segDist = (p: [number, number], a: [number, number], b: [number, number]) => {
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
  };

  it("drops points on straight edges and keeps the corners", () => {
    const square: [number, number][] = [[0, 0], [5, 0], [10, 0], [10, 5], [10, 10], [5, 10], [0, 10], [0, 5]];
    expect(simplifyRing(square, 0.5)).toEqual([[0, 0], [10, 0], [10, 10], [0, 10]]);
  });

  it("keeps every dropped point within the tolerance of the simplified ring", () => {
    const wiggly: [number, number][] = Array.from({ length: 200 }, (_, i) => {
      const a = (i / 200) * 2 * Math.PI;
      const r = 50 + 3 * Math.sin(a * 17) + 0.2 * Math.cos(a * 91);
      return [r * Math.cos(a), r * Math.sin(a)];
    });
    for (const tol of [0.25, 0.75, 2]) {
      const s = simplifyRing(wiggly, tol);
      expect(s.length).toBeLessThan(wiggly.length);
      const closed = [...s, s[0] as [number, number]];
      for (const p of wiggly) {
        const d = Math.min(...closed.slice(1).map((b, i) => segDist(p, closed[i] as [number, number], b)));
        expect(d).toBeLessThanOrEqual(tol + 1e-9);
      }
    }
  });

  it("leaves triangles alone", () => {
    expect(simplifyRing([[0, 0], [1, 0], [0, 1]], 5)).toEqual([[0, 0], [1, 0], [0, 1]]);
  });
});

describe("simplifyPolygons", () => {
  const square = (x: number, y: number, s: number): [number, number][] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];
  it("drops islets under the minimum area with their holes, but never an area's largest ring", () => {
    const polys: PxPolygon[] = [[square(0, 0, 10), square(2, 2, 0.5)], [square(20, 20, 0.5)]];
    expect(simplifyPolygons(polys, 0.5, 1)).toEqual([[square(0, 0, 10)]]);
    const tiny: PxPolygon[] = [[square(0, 0, 0.4)], [square(5, 5, 0.3)]];
    expect(simplifyPolygons(tiny, 0.5, 1)).toEqual([[square(0, 0, 0.4)]]);
  });
});

describe("markerPoint", () => {
  it("is the centroid of the largest exterior ring, ignoring islets", () => {
    const l: PxPolygon = [[[0, 0], [30, 0], [30, 10], [10, 10], [10, 30], [0, 30]]]; // an L shape
    const islet: PxPolygon = [[[100, 100], [101, 100], [101, 101]]];
    const [x, y] = markerPoint([islet, l]);
    expect(x).toBeCloseTo(11, 6); // (300 × 15 + 200 × 5) / 500
    expect(y).toBeCloseTo(11, 6);
  });
});

describe("pathData", () => {
  const polys: PxPolygon[] = [
    [[[10.04, 20.06], [30.5, 20], [30.5, 40.26], [10, 40]], [[15, 25], [15, 30], [20, 30]]],
    [[[100, 0.04], [105.55, 0], [100, -5]]],
  ];
  const onGrid = (grid: number) => polys.flat().map((ring) => ring.map(([x, y]) => [Math.round(x * grid) / grid, Math.round(y * grid) / grid]));

  it("writes relative path data that reads back to the points on a whole-unit grid", () => {
    const d = pathData(polys);
    expect(d.startsWith("M10,20l")).toBe(true);
    expect(d).not.toContain(".");
    expect(readPath(d)).toEqual(onGrid(1));
  });

  it("writes a finer grid when asked: tenths", () => {
    const d = pathData(polys, 1);
    expect(d.startsWith("M10,20.1l")).toBe(true);
    const back = readPath(d).map((r) => r.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]));
    expect(back).toEqual(onGrid(10));
    expect(() => pathData(polys, 4)).toThrow(/decimals/);
  });

  it("never writes a command without coordinates, even for a ring that rounds to one point", () => {
    const d = pathData([[[[1.01, 1.01], [1.02, 1.02], [1.03, 1.01]]], [[[5, 5], [6, 5], [6, 6]]]]);
    expect(d).not.toMatch(/[lm]z|[lm]$/);
    expect(readPath(d)).toEqual([[[1, 1]], [[5, 5], [6, 5], [6, 6]]]);
  });
});

describe("largestClearScale", () => {
  const box = { x: 80, y: 0, w: 20, h: 30 };
  it.each<[string, [number, number][], number]>([
    ["nothing near the box: full size", [[10, 10], [50, 90]], 1],
    ["a point under the box at full size shrinks the map just enough", [[90, 10]], 78 / 90],
    ["a point at the box's right edge shrinks the map until it passes the box's left edge", [[100, 0]], 78 / 100],
    ["a row of points too long to clear stops at the smallest scale", Array.from({ length: 61 }, (_, i) => [80 + i, 0] as [number, number]), 0.75],
    ["a point below the box never collides", [[95, 60]], 1],
  ])("%s", (_name, points, expected) => {
    expect(largestClearScale(points, box, 2, 0.75)).toBeCloseTo(expected, 4);
  });
});

// ---------------------------------------------------------------------------------------------
// The real boundaries: size budget and inset, when BOUNDARIES_DIR has them (never in the repository).

const realDir = boundariesDir();
const real = loadBoundaries(realDir);
if (!real) console.warn(`choropleth.test.ts: skipping real-boundary map tests: ${missingBoundariesMessage(realDir)}`);

describe.skipIf(!real)("real boundaries", () => {
  const topo = real as Topologies;
  const csv = readFileSync(fileURLToPath(new URL("../../data/reference/adp_council_areas.csv", import.meta.url)), "utf8");
  const members = adpMembersFromRows(
    csv.trim().split(/\r?\n/).slice(1).map((l) => {
      const [adp_code = "", council_area_code = ""] = l.split(",");
      return { adp_code, council_area_code };
    }),
  );
  const slugs = [...members.keys()].filter((c) => c.startsWith("adp-"));

  /** Made-up values with every status, long enough labels to be realistic, drawn as the site draws them. */
  function render(level: GeoLevel, codes?: string[]) {
    const features = featuresFor(level, topo, members, codes);
    const data: ChoroplethDatum[] = features.map((f, i) =>
      i % 7 === 3
        ? { code: f.properties.code, name: f.properties.name, value: null, valueText: "[x]", status: "not_available" }
        : { code: f.properties.code, name: f.properties.name, value: (i * 37) % 23, valueText: `${(i * 37) % 23}.0%`, status: "published", lowReliability: i % 9 === 2, href: `/areas/${f.properties.code.toLowerCase()}/` },
    );
    const scotland = level === "council_area" || level === "health_board" || level === "adp";
    const zoomCodes = level === "utla" ? londonZoomCodes(features.map((f) => f.properties.code)) : level === "council_area" || level === "adp" ? centralBeltZoomCodes(members) : [];
    return choroplethMap({
      id: `map-${level}`,
      title: `Made-up vacancy rate by ${level}`,
      unitLabel: "vacancy rate",
      periodLabel: "1 November 2021",
      features,
      data,
      classes: classBreaks(data.map((d) => d.value), { precision: 1 }),
      format: pct,
      width: 600,
      ...(scotland ? { inset: { codes: shetlandInsetCodes(members), label: "Shetland" } } : {}),
      ...(zoomCodes.length > 0 ? { zoom: { codes: zoomCodes, label: "Zoom", width: 400 } } : {}),
    });
  }

  // Budgets for main map plus panel, raw and gzip: the whole drug misuse deaths page must stay near 28 KB gzip.
  it.each<[GeoLevel, number, number, string[] | undefined]>([
    ["council_area", 48, 16, undefined],
    ["utla", 80, 22, undefined],
    ["health_board", 30, 10, undefined],
    ["adp", 48, 16, slugs],
    ["region", 30, 10, undefined],
  ])("%s map (and its panel) at 600 px is at most %i KB raw and %i KB gzip, and every area keeps a shape", (level, kb, gzKb, codes) => {
    const map = render(level, codes);
    const svg = map.svg + (map.zoom?.svg ?? "");
    expect(svg.length).toBeLessThanOrEqual(kb * 1024);
    expect(gzipSync(svg).length).toBeLessThanOrEqual(gzKb * 1024);
    for (const doc of [parse(map.svg), ...(map.zoom ? [parse(map.zoom.svg)] : [])]) {
      for (const a of areasOf(doc)) expect(a.points.length, a.name).toBeGreaterThanOrEqual(3);
    }
  });

  it("puts Shetland alone in the inset, clear of Orkney and the mainland", () => {
    const doc = parse(render("council_area").svg);
    const frame = doc.querySelector(".inset-frame");
    expect(frame).not.toBeNull();
    const x0 = Number(frame?.getAttribute("x"));
    const y1 = Number(frame?.getAttribute("y")) + Number(frame?.getAttribute("height"));
    for (const a of areasOf(doc)) {
      const b = bbox(a.points);
      if (a.name.startsWith("Shetland Islands")) expect(b.x0).toBeGreaterThanOrEqual(x0);
      else for (const [x, y] of a.points) expect(x < x0 || y > y1, `${a.name} at ${x},${y}`).toBe(true);
    }
  });

  /**
   * Readable: on a 360 px phone (328 px column) each selectable council area, wherever it is selectable,
   * covers at least 80 px² and is at least 8 px across. Without the panel Glasgow City would be about 110 px²
   * and Dundee City, a strip along the Tay, 4 px across; in the panel each Central Belt area is about 600 px²
   * (Dundee 10 px across). Aberdeen City, the smallest left on the main map, is about 90 px² (12 by 9 px).
   */
  it("makes every council area readable on a phone: the Central Belt enlarged in its panel", () => {
    const map = render("council_area");
    const column = 328;
    const sizes = new Map<string, { area: number; minSide: number }>();
    for (const [svg, width] of [[map.svg, 600], [map.zoom?.svg ?? "", 400]] as const) {
      const k = column / width;
      for (const a of areasOf(parse(svg))) {
        const path = (a.el.tagName === "a" ? a.el.querySelector("path") : a.el)?.getAttribute("d") ?? "";
        const area = readPath(path).reduce((sum, ring) => sum + Math.abs(ringArea(ring)), 0) * k * k;
        const b = bbox(a.points);
        sizes.set(a.name.split(":")[0] as string, { area, minSide: Math.min(b.x1 - b.x0, b.y1 - b.y0) * k });
      }
    }
    expect(sizes.size).toBe(32);
    for (const [name, { area, minSide }] of sizes) {
      expect(area, `${name}: ${area.toFixed(0)} px²`).toBeGreaterThanOrEqual(80);
      expect(minSide, `${name}: ${minSide.toFixed(1)} px across`).toBeGreaterThanOrEqual(8);
    }
    // The panel holds exactly the Central Belt council areas, each selectable there and only there.
    const zoomNames = areasOf(parse(map.zoom?.svg ?? "")).map((a) => a.name.split(":")[0]);
    expect(zoomNames).toHaveLength(CENTRAL_BELT_COUNCIL_AREAS.length);
    expect(zoomNames).toContain("Glasgow City");
    expect(zoomNames).toContain("Dundee City");
    expect(areasOf(parse(map.svg)).map((a) => a.name.split(":")[0])).not.toContain("Glasgow City");
    for (const name of ["Glasgow City", "Inverclyde", "Clackmannanshire", "East Renfrewshire", "West Dunbartonshire"]) {
      expect(sizes.get(name)?.area, name).toBeGreaterThanOrEqual(500);
    }
  });
});

/** Signed area of a ring (shoelace), in square units. */
function ringArea(ring: readonly [number, number][]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as [number, number];
    const q = ring[(i + 1) % ring.length] as [number, number];
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}
