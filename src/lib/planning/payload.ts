/**
 * The data the planning form hands to the browser script, packed: every citation once, in a list, and each place it
 * was used replaced by its index ({"$c": 3}). A plan's inputs cite the same few figures many times (each choice of a
 * field, the same median as today's caseload and the plan's), so this keeps the page small. Pure; unpack restores it.
 */
import type { Citation } from "./citation.ts";

const isCitation = (v: unknown): v is Citation => typeof v === "object" && v !== null && "figureId" in v && "path" in v && "publisher" in v;

export function pack<T>(value: T): { cites: Citation[]; data: unknown } {
  const cites: Citation[] = [];
  const index = new Map<string, number>();
  const walk = (v: unknown): unknown => {
    if (isCitation(v)) {
      const key = JSON.stringify(v);
      let i = index.get(key);
      if (i === undefined) {
        i = cites.push(v) - 1;
        index.set(key, i);
      }
      return { $c: i };
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { cites, data: walk(value) };
}

export function unpack<T>(packed: { cites: Citation[]; data: unknown }): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === "object" && v !== null) {
      const c = (v as { $c?: unknown }).$c;
      if (typeof c === "number" && Object.keys(v).length === 1) return packed.cites[c];
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(packed.data) as T;
}
