/**
 * A five-year projection of the posts a workforce needs, the staff who leave and the recruits needed to fill them.
 *
 * Pure: numbers in, numbers out, no DOM and no rounding (rounding happens only where a number is displayed).
 * The same module runs at build time (the default scenarios on the page and their downloads) and in the browser
 * (the form), so what the page says the model does (FORMULAS, EDGE_CASES) is exported as data from here.
 *
 * Rates are taken in per cent, as published and as typed (8.8 means 8.8%), and used as fractions inside.
 * Invalid input never throws: `validateInputs` and `project` return one message per field instead.
 */
import { formatNumber } from "../format.ts";

/** Years projected. */
export const HORIZON = 5;

export type GrowthMode = "rate" | "target";

/** The model's inputs, as numbers. Rates in per cent. */
export interface PlanningInputs {
  /** S(0): staff in post at the start, whole-time equivalent (WTE). */
  staffInPost: number;
  /** v: share of posts vacant at the start, per cent of all posts (vacancies ÷ (staff in post + vacancies)). */
  vacancyRate: number;
  /** r: share of the staff in post at the start of a year who leave during it, per cent. */
  turnoverRate: number;
  /** Whether posts required grow at `growthRate` or reach `targetPosts` in year 5. */
  growthMode: GrowthMode;
  /** g: annual change in posts required, per cent (negative for a fall). Used when growthMode is "rate". */
  growthRate: number;
  /** T: posts required in year 5, WTE. Used when growthMode is "target". */
  targetPosts: number;
  /** f: share of the recruits needed who are actually recruited each year, per cent. */
  fillShare: number;
}

/** The inputs a user can get wrong, each with its own message. */
export type Field = "staffInPost" | "vacancyRate" | "turnoverRate" | "growthMode" | "growthRate" | "targetPosts" | "fillShare";
export const FIELDS: readonly Field[] = ["staffInPost", "vacancyRate", "turnoverRate", "growthMode", "growthRate", "targetPosts", "fillShare"];

/** One message per invalid field; empty when every field is valid. */
export type FieldErrors = Partial<Record<Field, string>>;

/** What validation returns: the inputs as numbers, or the messages. Never throws. */
export type Validation = { ok: true; inputs: PlanningInputs } | { ok: false; errors: FieldErrors };

/** Inputs as they arrive from a form or a URL (text) or from code (numbers); missing means empty. */
export type RawInputs = Partial<Record<Exclude<Field, "growthMode">, string | number>> & { growthMode?: string };

/** Fill share when none is given: every recruit needed is found. An assumption, labelled as such on the page. */
export const DEFAULT_FILL_SHARE = 100;

/**
 * The bounds of each input (the form uses the same numbers for min and max). A rate of change outside ±50% a year,
 * or a workforce above a million WTE, is beyond what this simple model can describe sensibly.
 */
export const BOUNDS = {
  staffInPost: { min: 0, minExclusive: true, max: 1_000_000 },
  vacancyRate: { min: 0, max: 100, maxExclusive: true },
  turnoverRate: { min: 0, max: 100 },
  growthRate: { min: -50, max: 50 },
  fillShare: { min: 0, max: 100 },
} as const;

/** One year of the projection, in WTE. Posts and staff are at the end of the year; flows are during it. */
export interface YearRow {
  /** 1 to HORIZON. */
  year: number;
  /** P(t): posts required at the end of the year. */
  postsRequired: number;
  /** S(t − 1): staff in post at the start of the year. */
  staffStart: number;
  /** L(t): staff who leave during the year. */
  leavers: number;
  /** N(t): recruits needed to fill every post required at the end of the year. */
  recruitsNeeded: number;
  /** M(t): recruits actually made (fill share × recruits needed). */
  recruitsMade: number;
  /** S(t): staff in post at the end of the year. */
  staffEnd: number;
  /** V(t): posts required but not filled at the end of the year. */
  vacancies: number;
  /** U(t): staff above the posts required at the end of the year (nobody is made redundant). */
  surplus: number;
}

export interface Projection {
  inputs: PlanningInputs;
  /** Annual growth in posts required, per cent: as given, or implied by the target. */
  growthRate: number;
  /** Year 0: posts, staff and vacancies at the start. */
  start: { posts: number; staff: number; vacancies: number };
  years: YearRow[];
  /** Flows added up over the five years, and the change in the stocks from the start to the end of year 5. */
  totals: { leavers: number; recruitsNeeded: number; recruitsMade: number; postsChange: number; staffChange: number };
}

export type ProjectionResult = { ok: true; projection: Projection } | { ok: false; errors: FieldErrors };

/** The symbols of the equations, in words. */
export const SYMBOLS: readonly { symbol: string; meaning: string }[] = [
  { symbol: "t", meaning: "the year: 0 is the start (the date of the starting figures), then 1 to 5" },
  { symbol: "S(0)", meaning: "staff in post at the start, in whole-time equivalent (WTE)" },
  { symbol: "v", meaning: "vacancy rate at the start: vacant posts as a share of all posts, as a fraction (8.8% is 0.088)" },
  { symbol: "r", meaning: "annual turnover: the share of the staff in post at the start of a year who leave during it" },
  { symbol: "g", meaning: "annual growth in posts required (negative for a fall)" },
  { symbol: "T", meaning: "the target: posts required in year 5, when given instead of g" },
  { symbol: "f", meaning: "fill share: the share of the recruits needed who are actually recruited each year" },
];

export interface Formula {
  id: string;
  /** What is calculated. */
  quantity: string;
  /** The rule in plain words. */
  words: string;
  /** The rule as an equation in plain text ("^" is "to the power of"). */
  equation: string;
}

/** Every step of `project`, in the order it runs. The page, the CSV and the JSON print exactly these. */
export const FORMULAS: readonly Formula[] = [
  {
    id: "posts_start",
    quantity: "Posts at the start",
    words: "Staff in post fill the posts that are not vacant, so all posts are the staff in post divided by the share of posts that are filled.",
    equation: "P(0) = S(0) ÷ (1 − v)",
  },
  {
    id: "vacancies_start",
    quantity: "Vacancies at the start",
    words: "The posts that are not filled.",
    equation: "V(0) = P(0) − S(0)",
  },
  {
    id: "growth_from_target",
    quantity: "Growth implied by a target (only when you give posts required in year 5)",
    words: "The steady annual growth that takes the posts at the start to the target in five years.",
    equation: "g = (T ÷ P(0))^(1/5) − 1",
  },
  {
    id: "posts_required",
    quantity: "Posts required in year t",
    words: "The posts at the start, growing (or falling) by g every year.",
    equation: "P(t) = P(0) × (1 + g)^t",
  },
  {
    id: "leavers",
    quantity: "Leavers in year t",
    words: "Turnover applies to the staff in post at the start of the year; people recruited during a year are assumed not to leave in that same year.",
    equation: "L(t) = r × S(t − 1)",
  },
  {
    id: "recruits_needed",
    quantity: "Recruits needed in year t",
    words: "Enough recruits to fill every post required at the end of the year once the leavers have gone, including posts left vacant in earlier years; none when the staff who stay already fill them.",
    equation: "N(t) = max(0, P(t) − (S(t − 1) − L(t)))",
  },
  {
    id: "recruits_made",
    quantity: "Recruits made in year t",
    words: "The share f of the recruits needed who are actually recruited.",
    equation: "M(t) = f × N(t)",
  },
  {
    id: "staff_end",
    quantity: "Staff in post at the end of year t",
    words: "The staff at the start of the year, less the leavers, plus the recruits made.",
    equation: "S(t) = S(t − 1) − L(t) + M(t)",
  },
  {
    id: "vacancies",
    quantity: "Vacancies at the end of year t",
    words: "Posts required that are not filled.",
    equation: "V(t) = max(0, P(t) − S(t))",
  },
  {
    id: "surplus",
    quantity: "Surplus at the end of year t",
    words: "Staff in post above the posts required. Nobody is made redundant: a surplus only falls as people leave.",
    equation: "U(t) = max(0, S(t) − P(t))",
  },
  {
    id: "totals",
    quantity: "Totals",
    words: "Leavers, recruits needed and recruits made are added up over the five years. Posts, staff, vacancies and surplus are counts at a moment, so they are not added up.",
    equation: "total L = L(1) + L(2) + L(3) + L(4) + L(5); likewise N and M",
  },
];

/** How the model treats the cases at its edges, in plain words (printed on the page and in the downloads). */
export const EDGE_CASES: readonly string[] = [
  "No rounding inside the model: staff are whole-time equivalents, so fractions are kept; numbers are rounded to one decimal place only when shown, and totals are added before rounding.",
  "A vacancy rate of 0% means every post is filled at the start. A vacancy rate of 100% is refused: with no staff in post the number of posts cannot be worked out from them.",
  "Staff in post must be more than 0 WTE, for the same reason.",
  "Turnover of 0% means nobody leaves; 100% means every member of staff at the start of a year leaves during it, so every post must be filled again.",
  "Negative growth: posts required fall. When the staff who stay already exceed the posts required, no recruits are needed and the extra staff are shown as a surplus, which shrinks only through turnover.",
  "A fill share below 100% leaves posts vacant; those vacancies are added to the next year's recruits needed. A fill share of 0% means nobody is recruited.",
  "Inputs outside their bounds, or that are not numbers, are refused with one message per field, and no projection is shown.",
];

/** Plain-English labels of the fields (used in messages and on the page). */
export const FIELD_LABEL: Record<Field, string> = {
  staffInPost: "Staff in post at the start",
  vacancyRate: "Vacancy rate at the start",
  turnoverRate: "Annual turnover",
  growthMode: "How posts required change",
  growthRate: "Annual growth in posts required",
  targetPosts: "Posts required in year 5",
  fillShare: "Share of recruits needed who are recruited",
};

// A decimal number as typed: optional sign, digits, optional decimals, optional exponent (a number field accepts
// "1e3"). No thousands separators or units, so "14,121" or "8%" get a message rather than a silently different number.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

type Parsed = { ok: true; value: number } | { ok: false; reason: "empty" | "not_a_number" };

function parseNumber(raw: string | number | undefined): Parsed {
  if (raw === undefined) return { ok: false, reason: "empty" };
  if (typeof raw === "number") return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, reason: "not_a_number" };
  const text = raw.trim().replace(/^\u2212/, "-");
  if (text === "") return { ok: false, reason: "empty" };
  if (!PLAIN_NUMBER.test(text)) return { ok: false, reason: "not_a_number" };
  const value = Number(text);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: "not_a_number" };
}

const wte = (n: number) => `${formatNumber(n, n >= 1000 || Number.isInteger(n) ? 0 : 1)} WTE`;
/** A bound as shown in a message, rounded inwards so that typing the number shown is accepted. */
function wteBound(n: number, side: "lower" | "upper"): string {
  const scale = n >= 1000 ? 1 : 10;
  const round = side === "lower" ? Math.ceil : Math.floor;
  return wte(round(n * scale - (side === "lower" ? 1e-9 : -1e-9)) / scale);
}
const pct = (n: number) => `${n < 0 ? "−" : ""}${formatNumber(Math.abs(n), 0)}%`;

/** The message for an empty or non-numeric field. */
const PARSE_MESSAGE: Record<Exclude<Field, "growthMode">, Record<"empty" | "not_a_number", string>> = {
  staffInPost: {
    empty: "Enter the staff in post at the start, in WTE",
    not_a_number: "Staff in post must be a number, like 1572.8 (no commas or units)",
  },
  vacancyRate: {
    empty: "Enter the vacancy rate at the start, in per cent",
    not_a_number: "Vacancy rate must be a number, like 8.8 (no % sign)",
  },
  turnoverRate: {
    empty: "Enter the annual turnover, in per cent",
    not_a_number: "Turnover must be a number, like 19 (no % sign)",
  },
  growthRate: {
    empty: "Enter the annual growth in posts required, in per cent (0 for no change)",
    not_a_number: "Growth must be a number, like 2 or -1.5 (no % sign)",
  },
  targetPosts: {
    empty: "Enter the posts required in year 5, in WTE",
    not_a_number: "Posts required in year 5 must be a number, like 1800 (no commas or units)",
  },
  fillShare: {
    empty: "Enter the share of recruits needed who are recruited, in per cent",
    not_a_number: "Share recruited must be a number, like 80 (no % sign)",
  },
};

/** Checks numeric inputs against their bounds: one message per invalid field, empty when all are valid. */
export function checkInputs(inputs: PlanningInputs): FieldErrors {
  const errors: FieldErrors = {};
  const finite = (field: Exclude<Field, "growthMode">, n: number) => {
    if (Number.isFinite(n)) return true;
    errors[field] = PARSE_MESSAGE[field].not_a_number;
    return false;
  };
  const { staffInPost: s, vacancyRate: v, turnoverRate: r, growthRate: g, targetPosts: t, fillShare: f } = inputs;
  if (finite("staffInPost", s)) {
    if (s <= BOUNDS.staffInPost.min) errors.staffInPost = "Staff in post must be more than 0 WTE: with no staff the number of posts cannot be worked out";
    else if (s > BOUNDS.staffInPost.max) errors.staffInPost = `Staff in post must be ${wte(BOUNDS.staffInPost.max)} or less`;
  }
  if (finite("vacancyRate", v)) {
    if (v < BOUNDS.vacancyRate.min) errors.vacancyRate = "Vacancy rate must be 0% or more";
    else if (v >= BOUNDS.vacancyRate.max) errors.vacancyRate = "Vacancy rate must be less than 100%: with every post vacant there are no staff to work out the posts from";
  }
  if (finite("turnoverRate", r) && (r < BOUNDS.turnoverRate.min || r > BOUNDS.turnoverRate.max)) {
    errors.turnoverRate = "Turnover must be between 0% and 100%";
  }
  if (finite("fillShare", f) && (f < BOUNDS.fillShare.min || f > BOUNDS.fillShare.max)) {
    errors.fillShare = "Share recruited must be between 0% and 100%";
  }
  if (inputs.growthMode === "rate") {
    if (finite("growthRate", g) && (g < BOUNDS.growthRate.min || g > BOUNDS.growthRate.max)) {
      errors.growthRate = `Growth must be between ${pct(BOUNDS.growthRate.min)} and ${pct(BOUNDS.growthRate.max)} a year`;
    }
  } else if (inputs.growthMode === "target") {
    if (finite("targetPosts", t)) {
      if (t <= 0) errors.targetPosts = "Posts required in year 5 must be more than 0 WTE";
      else if (!errors.staffInPost && !errors.vacancyRate) {
        // The target is refused when the steady growth it implies is outside the growth bounds.
        const p0 = postsAtStart(s, v);
        const lo = p0 * (1 + BOUNDS.growthRate.min / 100) ** HORIZON;
        const hi = p0 * (1 + BOUNDS.growthRate.max / 100) ** HORIZON;
        const g = impliedGrowth(p0, t);
        if (g < BOUNDS.growthRate.min - 1e-9 || g > BOUNDS.growthRate.max + 1e-9) {
          errors.targetPosts = `Posts required in year 5 must be between ${wteBound(lo, "lower")} and ${wteBound(hi, "upper")} for this starting workforce (a change of ${pct(BOUNDS.growthRate.min)} to ${pct(BOUNDS.growthRate.max)} a year)`;
        }
      }
    }
  } else {
    errors.growthMode = "Choose whether posts required change by a growth rate or reach a target";
  }
  return errors;
}

/**
 * Reads inputs typed in a form or a URL (text) or given by code (numbers). Only the growth field of the chosen mode
 * is read; a missing fill share is DEFAULT_FILL_SHARE. Returns the inputs, or one message per invalid field.
 */
export function validateInputs(raw: RawInputs): Validation {
  const errors: FieldErrors = {};
  const growthMode = raw.growthMode === "target" ? "target" : raw.growthMode === "rate" || raw.growthMode === undefined || raw.growthMode === "" ? "rate" : undefined;
  if (growthMode === undefined) errors.growthMode = "Choose whether posts required change by a growth rate or reach a target";
  const read = (field: Exclude<Field, "growthMode">, fallback?: number): number => {
    const raw1 = raw[field];
    const parsed = raw1 === undefined && fallback !== undefined ? ({ ok: true, value: fallback } as const) : parseNumber(raw1);
    if (parsed.ok) return parsed.value;
    errors[field] = PARSE_MESSAGE[field][parsed.reason];
    return NaN;
  };
  const inputs: PlanningInputs = {
    staffInPost: read("staffInPost"),
    vacancyRate: read("vacancyRate"),
    turnoverRate: read("turnoverRate"),
    growthMode: growthMode ?? "rate",
    growthRate: growthMode === "rate" ? read("growthRate") : NaN,
    targetPosts: growthMode === "target" ? read("targetPosts") : NaN,
    fillShare: read("fillShare", DEFAULT_FILL_SHARE),
  };
  if (growthMode === undefined) return { ok: false, errors };
  // Bounds are checked only for fields that parsed, so each field has one message.
  const bounds = checkInputs(inputs);
  for (const field of FIELDS) if (!errors[field] && bounds[field]) errors[field] = bounds[field];
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, inputs };
}

/** P(0) = S(0) ÷ (1 − v), v in per cent. */
export function postsAtStart(staffInPost: number, vacancyRate: number): number {
  return staffInPost / (1 - vacancyRate / 100);
}

/** g = (T ÷ P(0))^(1/5) − 1, in per cent. */
export function impliedGrowth(postsStart: number, targetPosts: number): number {
  return ((targetPosts / postsStart) ** (1 / HORIZON) - 1) * 100;
}

/** Runs the five-year projection (FORMULAS, in order). Returns the messages instead when an input is invalid. */
export function project(inputs: PlanningInputs): ProjectionResult {
  const errors = checkInputs(inputs);
  if (Object.keys(errors).length) return { ok: false, errors };
  const v = inputs.vacancyRate / 100;
  const r = inputs.turnoverRate / 100;
  const f = inputs.fillShare / 100;
  const s0 = inputs.staffInPost;
  const p0 = postsAtStart(s0, inputs.vacancyRate);
  const growthRate = inputs.growthMode === "target" ? impliedGrowth(p0, inputs.targetPosts) : inputs.growthRate;
  // With a target, P(t) = P(0) × (T ÷ P(0))^(t/5): the same as (1 + g)^t, but year 5 lands on the target itself.
  const postsIn = (t: number) => (inputs.growthMode === "target" ? p0 * (inputs.targetPosts / p0) ** (t / HORIZON) : p0 * (1 + growthRate / 100) ** t);
  const years: YearRow[] = [];
  let staff = s0;
  for (let t = 1; t <= HORIZON; t++) {
    const postsRequired = postsIn(t);
    const leavers = r * staff;
    const stayers = staff - leavers;
    const recruitsNeeded = Math.max(0, postsRequired - stayers);
    const recruitsMade = f * recruitsNeeded;
    const staffEnd = stayers + recruitsMade;
    years.push({
      year: t,
      postsRequired,
      staffStart: staff,
      leavers,
      recruitsNeeded,
      recruitsMade,
      staffEnd,
      vacancies: Math.max(0, postsRequired - staffEnd),
      surplus: Math.max(0, staffEnd - postsRequired),
    });
    staff = staffEnd;
  }
  const sum = (key: "leavers" | "recruitsNeeded" | "recruitsMade") => years.reduce((n, y) => n + y[key], 0);
  const last = years[years.length - 1]!;
  return {
    ok: true,
    projection: {
      inputs,
      growthRate,
      start: { posts: p0, staff: s0, vacancies: p0 - s0 },
      years,
      totals: {
        leavers: sum("leavers"),
        recruitsNeeded: sum("recruitsNeeded"),
        recruitsMade: sum("recruitsMade"),
        postsChange: last.postsRequired - p0,
        staffChange: last.staffEnd - s0,
      },
    },
  };
}

/** validateInputs, then project: text or numbers in, a projection or one message per field out. */
export function plan(raw: RawInputs): ProjectionResult {
  const checked = validateInputs(raw);
  return checked.ok ? project(checked.inputs) : checked;
}
