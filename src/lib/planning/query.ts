/**
 * A plan in the address bar: the place is the page's path (planning/<level>/<code>/), and the scenarios are short,
 * readable query keys (?turnover=15&growth=2&b-change=caseload&b-caseload=30). Scenario A's keys have no prefix,
 * B's start with "b-" and C's with "c-", so a shared or bookmarked address restores every scenario compared.
 * Pure: text in, text out; values stay as typed.
 */
import { fieldsOfMode, type NumberField, type PeopleFrom, type RawInputs } from "./model.ts";
import { SCENARIO_IDS, type ScenarioId } from "./ids.ts";

/** The query key of each number field (also the `name` of its form input, without the scenario prefix). */
export const QUERY_KEY: Record<NumberField, string> = {
  staffInPost: "staff",
  vacancyRate: "vacancy",
  turnoverRate: "turnover",
  growthRate: "growth",
  targetPosts: "target",
  people: "people",
  nonFrontline: "non-frontline",
  caseloadNow: "caseload-now",
  caseload: "caseload",
  peopleGrowth: "people-growth",
  fillShare: "fill",
};
export const MODE_KEY = "change";
export const PEOPLE_FROM_KEY = "people-from";
export const NAME_KEY = "name";
/** The scenario being edited, when it is not A. */
export const EDIT_KEY = "edit";
/** The default scenario of the old single-page tool (england or scotland), still read so old links keep working. */
export const FROM_KEY = "from";

/** The prefix of a scenario's keys: "" for A, "b-" for B, "c-" for C. */
export const prefixOf = (id: ScenarioId): string => (id === "a" ? "" : `${id}-`);

export interface QueryScenario {
  id: ScenarioId;
  /** The reader's name for it, when given ("" for none). */
  name?: string;
  raw: RawInputs;
}

export interface QueryPlan {
  scenarios: QueryScenario[];
  /** The scenario the form edits. */
  edit: ScenarioId;
  /** The old tool's starting scenario, when the address names one. */
  from?: string;
}

const NUMBER_FIELDS = Object.keys(QUERY_KEY) as NumberField[];

/** The query string (without "?") for a plan: for each scenario its name, mode and the fields that mode reads. */
export function toQuery(plan: Pick<QueryPlan, "scenarios"> & { edit?: ScenarioId }): string {
  const q = new URLSearchParams();
  for (const s of plan.scenarios) {
    const p = prefixOf(s.id);
    const mode = s.raw.growthMode === "target" || s.raw.growthMode === "caseload" ? s.raw.growthMode : "rate";
    const peopleFrom: PeopleFrom = s.raw.peopleFrom === "count" ? "count" : "posts";
    if (s.name !== undefined) q.set(`${p}${NAME_KEY}`, s.name);
    const wanted = new Set(fieldsOfMode(mode, peopleFrom));
    for (const field of NUMBER_FIELDS) {
      const v = s.raw[field];
      if (wanted.has(field) && v !== undefined && String(v) !== "") q.set(`${p}${QUERY_KEY[field]}`, String(v));
    }
    q.set(`${p}${MODE_KEY}`, mode);
    if (mode === "caseload") q.set(`${p}${PEOPLE_FROM_KEY}`, peopleFrom);
  }
  if (plan.edit && plan.edit !== "a") q.set(EDIT_KEY, plan.edit);
  return q.toString();
}

/**
 * The plan in a query string, or undefined when it names none of the planning keys. Scenario A is always there when
 * any key is; B and C only when one of their keys is.
 */
export function fromQuery(search: string): QueryPlan | undefined {
  const q = new URLSearchParams(search);
  const scenarios: QueryScenario[] = [];
  for (const id of SCENARIO_IDS) {
    const p = prefixOf(id);
    const raw: RawInputs = {};
    let found = false;
    for (const field of NUMBER_FIELDS) {
      const v = q.get(`${p}${QUERY_KEY[field]}`);
      if (v !== null) {
        raw[field] = v;
        found = true;
      }
    }
    const mode = q.get(`${p}${MODE_KEY}`);
    if (mode !== null) {
      raw.growthMode = mode;
      found = true;
    }
    const peopleFrom = q.get(`${p}${PEOPLE_FROM_KEY}`);
    if (peopleFrom !== null) {
      raw.peopleFrom = peopleFrom;
      found = true;
    }
    const name = q.get(`${p}${NAME_KEY}`);
    if (name !== null) found = true;
    if (found) scenarios.push({ id, ...(name !== null ? { name } : {}), raw });
  }
  const from = q.get(FROM_KEY) ?? undefined;
  if (scenarios.length === 0 && from === undefined) return undefined;
  if (!scenarios.some((s) => s.id === "a") && scenarios.length > 0) scenarios.unshift({ id: "a", raw: {} });
  const edit = q.get(EDIT_KEY);
  const editId = scenarios.find((s) => s.id === edit)?.id ?? "a";
  return { scenarios, edit: editId, ...(from !== undefined ? { from } : {}) };
}
