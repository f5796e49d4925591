/**
 * The scenarios of a plan: their ids and letters, and a scenario as the model reads it. A small module of its own,
 * so the browser script can use it without the build-time modules that read the site's data.
 */
import type { NumberField, RawInputs } from "./model.ts";
import type { PlanBase } from "./scenarios.ts";

export type ScenarioId = "a" | "b" | "c";
export const SCENARIO_IDS: readonly ScenarioId[] = ["a", "b", "c"];
export const SCENARIO_LETTER: Record<ScenarioId, string> = { a: "A", b: "B", c: "C" };

/** One scenario of a plan: a name and its inputs as the model reads them. */
export interface ScenarioSpec {
  id: ScenarioId;
  name: string;
  raw: RawInputs;
}

/** The inputs of a base as the model reads them: every default, the base's way of counting people, and the overrides. */
export function rawFrom(base: Pick<PlanBase, "defaults" | "peopleFrom"> | undefined, over: RawInputs = {}): RawInputs {
  const raw: RawInputs = { growthMode: "rate", peopleFrom: base?.peopleFrom ?? "posts" };
  for (const [field, i] of Object.entries(base?.defaults ?? {}) as [NumberField, { value: number } | undefined][]) if (i) raw[field] = i.value;
  return { ...raw, ...over };
}
