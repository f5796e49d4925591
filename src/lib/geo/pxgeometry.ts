import { geoStream } from "d3-geo";
import type { GeoPermissibleObjects, GeoProjection, GeoStream } from "d3-geo";

/*
 * Geometry in screen pixels for inline SVG maps: project through d3 (keeping its clipping and
 * resampling), simplify to what a pixel can show, and write the shortest path data browsers read.
 * Pure functions on plain arrays, so each step is tested on its own.
 */

/** Projected rings of one polygon, in px; exterior ring first. */
export type PxPolygon = [number, number][][];

/**
 * Projects a feature into polygons of px rings through d3's stream (so clipping and resampling
 * apply), keeping the ring structure the simplifier and path writer need. Closing points dropped.
 */
export function projectPolygons(f: GeoPermissibleObjects, projection: GeoProjection): PxPolygon[] {
  const polygons: PxPolygon[] = [];
  let polygon: PxPolygon | undefined;
  let ring: [number, number][] | undefined;
  const sink: GeoStream = {
    point(x, y) {
      ring?.push([x, y]);
    },
    lineStart() {
      ring = [];
    },
    lineEnd() {
      if (ring && polygon) {
        const first = ring[0];
        const last = ring[ring.length - 1];
        if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) ring.pop();
        if (ring.length > 0) polygon.push(ring);
      }
      ring = undefined;
    },
    polygonStart() {
      polygon = [];
    },
    polygonEnd() {
      if (polygon && polygon.length > 0) polygons.push(polygon);
      polygon = undefined;
    },
    sphere() {},
  };
  // Streaming through the projection (not projecting coordinates one by one) keeps d3's clipping
  // and adaptive resampling.
  geoStream(f, projection.stream(sink));
  return polygons;
}

/** Twice the signed planar area of a ring (shoelace). */
function ringArea2(ring: readonly [number, number][]): number {
  let a = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i] as [number, number];
    const q = ring[(i + 1) % n] as [number, number];
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a;
}

/**
 * Douglas–Peucker on a closed ring: keeps the points that stand more than `tol` px off the
 * simplified outline. Anchored at the first point and the point farthest from it, so the result
 * does not depend on where the ring happens to start being a corner or not.
 */
export function simplifyRing(ring: readonly [number, number][], tol: number): [number, number][] {
  const n = ring.length;
  if (n <= 3) return [...ring];
  const pts = [...ring, ring[0] as [number, number]];
  const keep = new Uint8Array(n + 1);
  const [x0, y0] = pts[0] as [number, number];
  let far = 0;
  let farD = -1;
  for (let i = 1; i < n; i++) {
    const [x, y] = pts[i] as [number, number];
    const d = (x - x0) ** 2 + (y - y0) ** 2;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  keep[0] = keep[far] = keep[n] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, n],
  ];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    const [ax, ay] = pts[a] as [number, number];
    const [bx, by] = pts[b] as [number, number];
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let maxD = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i] as [number, number];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * (px - ax) - dx * (py - ay)) / len;
      if (d > maxD) {
        maxD = d;
        at = i;
      }
    }
    if (at > 0 && maxD > tol) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(pts[i] as [number, number]);
  return out;
}

/**
 * Simplifies a projected feature for drawing: Douglas–Peucker at `tol` px and rings under `minArea`
 * px² dropped (islets too small to see). The feature's largest ring is always kept whole enough to
 * draw, so no area ever disappears from the map or from the keyboard order.
 */
export function simplifyPolygons(polygons: readonly PxPolygon[], tol: number, minArea: number): PxPolygon[] {
  let largest: [number, number][] | undefined;
  let largestArea = -1;
  for (const poly of polygons) {
    for (const ring of poly) {
      const a = Math.abs(ringArea2(ring)) / 2;
      if (a > largestArea) {
        largestArea = a;
        largest = ring;
      }
    }
  }
  const out: PxPolygon[] = [];
  for (const poly of polygons) {
    const rings: [number, number][][] = [];
    for (const [i, ring] of poly.entries()) {
      const keepAlways = ring === largest;
      if (!keepAlways && Math.abs(ringArea2(ring)) / 2 < minArea) {
        if (i === 0) break; // an exterior ring too small to see takes its holes with it
        continue;
      }
      const s = simplifyRing(ring, tol);
      if (s.length >= 3) rings.push(s);
      else if (keepAlways) rings.push([...ring]);
      else if (i === 0) break;
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

/**
 * SVG path data in relative coordinates on a grid of 10^-decimals units (default whole units: maps are
 * drawn in a viewBox about as many units wide as the page shows pixels, so a unit is about a pixel), the
 * shortest form browsers read: "M" then "l" for the first ring, "m" for later ones (implicit relative
 * lines follow a move), separators only where a sign does not already separate numbers. Deltas are
 * taken between rounded absolute points, so rounding never accumulates along a ring; a point that
 * rounds onto the previous one is dropped.
 */
export function pathData(polygons: readonly PxPolygon[], decimals = 0): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 3) throw new Error(`pathData: decimals must be 0 to 3, not ${decimals}`);
  const grid = 10 ** decimals;
  const text = (steps: number) => {
    const s = String(steps / grid);
    return s.startsWith("0.") ? s.slice(1) : s.startsWith("-0.") ? `-${s.slice(2)}` : s;
  };
  const pair = (dx: number, dy: number) => {
    const y = text(dy);
    return `${text(dx)}${y.startsWith("-") ? "" : ","}${y}`;
  };
  let out = "";
  let px = 0;
  let py = 0;
  // Whether the next pair directly follows a command letter (no separator needed), and whether an
  // "l" must come first (after the absolute "M", implicit pairs would be absolute lines).
  let afterCommand = false;
  let needL = false;
  const emit = (dx: number, dy: number) => {
    const p = pair(dx, dy);
    if (needL) {
      out += `l${p}`;
      needL = false;
    } else out += afterCommand || p.startsWith("-") ? p : ` ${p}`;
    afterCommand = false;
  };
  for (const poly of polygons) {
    for (const ring of poly) {
      if (ring.length === 0) continue;
      let sx = 0;
      let sy = 0;
      for (const [i, [x, y]] of ring.entries()) {
        const rx = Math.round(x * grid);
        const ry = Math.round(y * grid);
        if (i === 0) {
          if (out === "") {
            out = `M${pair(rx, ry)}`;
            needL = true;
          } else {
            out += "m";
            afterCommand = true;
            emit(rx - px, ry - py);
          }
          sx = rx;
          sy = ry;
        } else if (rx !== px || ry !== py) {
          emit(rx - px, ry - py);
        } else continue;
        px = rx;
        py = ry;
      }
      out += "z";
      needL = false;
      // After "z" the current point is the ring's start, not its last point.
      px = sx;
      py = sy;
    }
  }
  return out;
}

/** Centroid (px) of the largest ring: where a marker sits inside the main part of an area. */
export function markerPoint(polygons: readonly PxPolygon[]): [number, number] {
  let best: [number, number][] | undefined;
  let bestA = 0;
  for (const poly of polygons) {
    const ring = poly[0];
    if (!ring) continue;
    const a = Math.abs(ringArea2(ring));
    if (a > bestA) {
      bestA = a;
      best = ring;
    }
  }
  if (!best) return polygons[0]?.[0]?.[0] ?? [0, 0];
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  for (let i = 0, n = best.length; i < n; i++) {
    const [x1, y1] = best[i] as [number, number];
    const [x2, y2] = best[(i + 1) % n] as [number, number];
    const c = x1 * y2 - x2 * y1;
    a2 += c;
    cx += (x1 + x2) * c;
    cy += (y1 + y2) * c;
  }
  return [cx / (3 * a2), cy / (3 * a2)];
}
