/**
 * The reader's scenario in the address bar: short, readable query keys (?from=scotland&turnover=15&growth=2),
 * so a shared or bookmarked address restores the scenario. Pure: text in, text out; values stay as typed.
 */
import type { Field, RawInputs } from "./model.ts";

export type NumberField = Exclude<Field, "growthMode">;

/** The query key of each field (also the `name` of its form input). */
export const QUERY_KEY: Record<NumberField, string> = {
  staffInPost: "staff",
  vacancyRate: "vacancy",
  turnoverRate: "turnover",
  growthRate: "growth",
  targetPosts: "target",
  fillShare: "fill",
};
export const MODE_KEY = "change";
export const FROM_KEY = "from";

export interface QueryScenario {
  /** The default scenario the reader started from, when named. */
  from?: string;
  raw: RawInputs;
}

/** The query string (without "?") for a scenario: the starting scenario, the mode, and the growth field of that mode. */
export function toQuery(s: QueryScenario): string {
  const q = new URLSearchParams();
  if (s.from) q.set(FROM_KEY, s.from);
  const mode = s.raw.growthMode === "target" ? "target" : "rate";
  for (const field of Object.keys(QUERY_KEY) as NumberField[]) {
    if (field === "growthRate" && mode === "target") continue;
    if (field === "targetPosts" && mode !== "target") continue;
    const v = s.raw[field];
    if (v !== undefined) q.set(QUERY_KEY[field], String(v));
  }
  q.set(MODE_KEY, mode);
  return q.toString();
}

/** The scenario in a query string, or undefined when it names none of the planning keys. */
export function fromQuery(search: string): QueryScenario | undefined {
  const q = new URLSearchParams(search);
  const raw: RawInputs = {};
  let found = false;
  for (const field of Object.keys(QUERY_KEY) as NumberField[]) {
    const v = q.get(QUERY_KEY[field]);
    if (v !== null) {
      raw[field] = v;
      found = true;
    }
  }
  const mode = q.get(MODE_KEY);
  if (mode !== null) {
    raw.growthMode = mode;
    found = true;
  }
  const from = q.get(FROM_KEY) ?? undefined;
  if (!found && from === undefined) return undefined;
  return from === undefined ? { raw } : { from, raw };
}
