/**
 * A five-year projection of the posts a workforce needs, the staff who leave and the recruits needed to fill them.
 *
 * Pure: numbers in, numbers out, no DOM and no rounding (rounding happens only where a number is displayed).
 * The same module runs at build time (the default plans on the pages and their downloads) and in the browser
 * (the form), so what the page says the model does (FORMULAS, EDGE_CASES) is exported as data from here.
 *
 * Posts required change in one of three ways: by a growth rate, to a target in year 5, or from need (the caseload
 * model: people on caseloads ÷ caseload per frontline WTE, plus non-frontline posts as a share of all posts).
 *
 * Rates are taken in per cent, as published and as typed (8.8 means 8.8%), and used as fractions inside.
 * Invalid input never throws: `validateInputs` and `project` return one message per field instead.
 */
import { formatNumber } from "../format.ts";

/** Years projected. */
export const HORIZON = 5;

/** How posts required change: a growth rate, a target in year 5, or from need (the caseload model). */
export type GrowthMode = "rate" | "target" | "caseload";
export const GROWTH_MODES: readonly GrowthMode[] = ["rate", "target", "caseload"];

/** How the caseload model knows the people on caseloads at the start: counted, or worked out from the posts at the start. */
export type PeopleFrom = "count" | "posts";

/** The model's inputs, as numbers. Rates in per cent. */
export interface PlanningInputs {
  /** S(0): staff in post at the start, whole-time equivalent (WTE). */
  staffInPost: number;
  /** v: share of posts vacant at the start, per cent of all posts (vacancies ÷ (staff in post + vacancies)). */
  vacancyRate: number;
  /** r: share of the staff in post at the start of a year who leave during it, per cent. */
  turnoverRate: number;
  /** Whether posts required grow at `growthRate`, reach `targetPosts` in the last year (year 5), or follow need (caseload). */
  growthMode: GrowthMode;
  /** g: annual change in posts required, per cent (negative for a fall). Used when growthMode is "rate". */
  growthRate: number;
  /** T: posts required in year 5, WTE. Used when growthMode is "target". */
  targetPosts: number;
  /** f: share of the recruits needed who are actually recruited each year, per cent. */
  fillShare: number;
  /** Caseload mode: whether C(0) is given (`people`) or worked out from the posts at the start at `caseloadNow`. */
  peopleFrom?: PeopleFrom;
  /** C(0): people on caseloads at the start. Caseload mode, people counted. */
  people?: number;
  /** n: non-frontline posts as a share of all posts, per cent. Caseload mode, people counted. */
  nonFrontline?: number;
  /** k₀: caseload per frontline WTE today. Caseload mode, people worked out from the posts at the start. */
  caseloadNow?: number;
  /** k: caseload per frontline WTE in the plan (today's, or a target). Caseload mode. */
  caseload?: number;
  /** c: annual change in people on caseloads, per cent. Caseload mode. */
  peopleGrowth?: number;
}

/** The inputs a user can get wrong, each with its own message. */
export type Field =
  | "staffInPost"
  | "vacancyRate"
  | "turnoverRate"
  | "growthMode"
  | "growthRate"
  | "targetPosts"
  | "peopleFrom"
  | "people"
  | "nonFrontline"
  | "caseloadNow"
  | "caseload"
  | "peopleGrowth"
  | "fillShare";
export const FIELDS: readonly Field[] = ["staffInPost", "vacancyRate", "turnoverRate", "growthMode", "growthRate", "targetPosts", "peopleFrom", "people", "nonFrontline", "caseloadNow", "caseload", "peopleGrowth", "fillShare"];
/** The fields that hold a number (the others are choices). */
export type NumberField = Exclude<Field, "growthMode" | "peopleFrom">;
export const NUMBER_FIELDS: readonly NumberField[] = FIELDS.filter((f): f is NumberField => f !== "growthMode" && f !== "peopleFrom");

/** One message per invalid field; empty when every field is valid. */
export type FieldErrors = Partial<Record<Field, string>>;

/** What validation returns: the inputs as numbers, or the messages. Never throws. */
export type Validation = { ok: true; inputs: PlanningInputs } | { ok: false; errors: FieldErrors };

/** Inputs as they arrive from a form or a URL (text) or from code (numbers); missing means empty. */
export type RawInputs = Partial<Record<NumberField, string | number>> & { growthMode?: string; peopleFrom?: string };

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
  people: { min: 0, minExclusive: true, max: 100_000_000 },
  nonFrontline: { min: 0, max: 100, maxExclusive: true },
  caseload: { min: 0, minExclusive: true, max: 10_000 },
  peopleGrowth: { min: -50, max: 50 },
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

/** What the caseload model worked out, for the table and the downloads. */
export interface NeedResult {
  /** Posts that need requires at the start: what P(t) gives for t = 0 (compare with P(0), the posts there are). */
  postsAtStart: number;
  /** C(t) and F(t) for t = 0 to 5, when people on caseloads are counted; absent when worked out from staff. */
  people?: number[];
  frontline?: number[];
}

export interface Projection {
  inputs: PlanningInputs;
  /** Annual growth in posts required, per cent: as given, implied by the target, or (from need) the steady rate from P(0) to P(5). */
  growthRate: number;
  /** Year 0: posts, staff and vacancies at the start. */
  start: { posts: number; staff: number; vacancies: number };
  years: YearRow[];
  /** Flows added up over the five years, and the change in the stocks from the start to the end of year 5. */
  totals: { leavers: number; recruitsNeeded: number; recruitsMade: number; postsChange: number; staffChange: number };
  /** Caseload mode only. */
  need?: NeedResult;
}

export type ProjectionResult = { ok: true; projection: Projection } | { ok: false; errors: FieldErrors };

/** The symbols of the equations, in words. */
export const SYMBOLS: readonly { symbol: string; meaning: string }[] = [
  { symbol: "t", meaning: "the year: 0 is the start (the position the latest published figures describe), then 1 to 5, the five financial years of the plan" },
  { symbol: "S(0)", meaning: "staff in post at the start, in whole-time equivalent (WTE)" },
  { symbol: "v", meaning: "vacancy rate at the start: vacant posts as a share of all posts, as a fraction (8.8% is 0.088)" },
  { symbol: "r", meaning: "annual turnover: the share of the staff in post at the start of a year who leave during it" },
  { symbol: "g", meaning: "annual growth in posts required (negative for a fall)" },
  { symbol: "T", meaning: "the target: posts required in year 5, the last year of the plan, when given instead of g" },
  { symbol: "C(t)", meaning: "people on caseloads in year t (from need)" },
  { symbol: "c", meaning: "annual change in people on caseloads: your rate, or the published trend of a need series" },
  { symbol: "k", meaning: "caseload per frontline WTE in the plan: people case-managed by each whole-time frontline worker (today's, or a target)" },
  { symbol: "k₀", meaning: "caseload per frontline WTE today, used when the people on caseloads are worked out from the posts at the start" },
  { symbol: "n", meaning: "non-frontline posts (management, administration and support) as a share of all posts" },
  { symbol: "F(t)", meaning: "frontline posts required in year t" },
  { symbol: "X(a), X(b)", meaning: "two published figures of a need series (people in treatment, deaths, population), for periods a and b, b − a years apart" },
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

/** Every step of `project` (and the need trend a default may use), in the order it runs. The page, the CSV and the JSON print exactly these. */
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
    quantity: "Growth implied by a target (only when you give posts required in the last year of the plan)",
    words: "The steady annual growth that takes the posts at the start to the target in five years.",
    equation: "g = (T ÷ P(0))^(1/5) − 1",
  },
  {
    id: "posts_required",
    quantity: "Posts required in year t, by a growth rate or a target",
    words: "The posts at the start, growing (or falling) by g every year.",
    equation: "P(t) = P(0) × (1 + g)^t",
  },
  {
    id: "need_trend",
    quantity: "The published trend of a need series (when people on caseloads follow one)",
    words: "The steady annual change between two published figures of the same series for the place, b − a years apart: for example drug misuse deaths in 2019 and in 2024.",
    equation: "c = (X(b) ÷ X(a))^(1 ÷ (b − a)) − 1",
  },
  {
    id: "people_on_caseloads",
    quantity: "People on caseloads in year t (from need)",
    words: "The people on caseloads at the start, changing by c every year.",
    equation: "C(t) = C(0) × (1 + c)^t",
  },
  {
    id: "frontline_posts",
    quantity: "Frontline posts required in year t (from need)",
    words: "Enough whole-time frontline workers for every person on a caseload at the caseload k each.",
    equation: "F(t) = C(t) ÷ k",
  },
  {
    id: "posts_from_need",
    quantity: "Posts required in year t (from need, people on caseloads counted)",
    words: "The frontline posts, plus non-frontline posts (management, administration and support) making up the share n of all posts.",
    equation: "P(t) = F(t) ÷ (1 − n)",
  },
  {
    id: "posts_from_need_posts",
    quantity: "Posts required in year t (from need, people on caseloads worked out from the posts at the start)",
    words: "When nobody has published how many people are on caseloads, the posts at the start (filled and vacant) are taken to be what today's caseload k₀ needs, so C(0) = P(0) × (1 − n) × k₀; then P(t) = C(t) ÷ k ÷ (1 − n), in which the share n cancels out. At today's caseload (k = k₀) posts required change with need alone; a caseload below today's needs more posts, in proportion.",
    equation: "P(t) = P(0) × (k₀ ÷ k) × (1 + c)^t",
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
  "From need: a caseload per frontline WTE of 0 is refused (no number of posts carries it), and so are 0 people on caseloads. Fewer people on caseloads, or a higher caseload per worker, give fewer posts required, never fewer than none; staff above them are a surplus.",
  "From need: a non-frontline share of 100% is refused, because then no post would carry a caseload.",
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
  targetPosts: "Posts required in the last year of the plan",
  peopleFrom: "People on caseloads at the start",
  people: "Number of people on caseloads at the start",
  nonFrontline: "Non-frontline share of posts",
  caseloadNow: "Caseload per frontline WTE today",
  caseload: "Caseload per frontline WTE in the plan",
  peopleGrowth: "Annual change in people on caseloads",
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
const PARSE_MESSAGE: Record<NumberField, Record<"empty" | "not_a_number", string>> = {
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
    empty: "Enter the posts required in the last year of the plan, in WTE",
    not_a_number: "Posts required in the last year must be a number, like 1800 (no commas or units)",
  },
  people: {
    empty: "Enter the number of people on caseloads at the start",
    not_a_number: "People on caseloads must be a number, like 1200 (no commas)",
  },
  nonFrontline: {
    empty: "Enter the non-frontline share of posts, in per cent",
    not_a_number: "Non-frontline share must be a number, like 23 (no % sign)",
  },
  caseloadNow: {
    empty: "Enter today's caseload per frontline WTE",
    not_a_number: "Today's caseload must be a number, like 46",
  },
  caseload: {
    empty: "Enter the caseload per frontline WTE in the plan",
    not_a_number: "Caseload in the plan must be a number, like 30",
  },
  peopleGrowth: {
    empty: "Enter the annual change in people on caseloads, in per cent (0 for no change)",
    not_a_number: "Change in people on caseloads must be a number, like 2 or -1.5 (no % sign)",
  },
  fillShare: {
    empty: "Enter the share of recruits needed who are recruited, in per cent",
    not_a_number: "Share recruited must be a number, like 80 (no % sign)",
  },
};

/** The number fields a mode reads: growth rate, target, or the caseload fields of the chosen way of counting people. */
export function fieldsOfMode(mode: GrowthMode, peopleFrom: PeopleFrom = "posts"): NumberField[] {
  const common: NumberField[] = ["staffInPost", "vacancyRate", "turnoverRate"];
  const growth: NumberField[] =
    mode === "rate" ? ["growthRate"] : mode === "target" ? ["targetPosts"] : peopleFrom === "count" ? ["people", "nonFrontline", "caseload", "peopleGrowth"] : ["caseloadNow", "caseload", "peopleGrowth"];
  return [...common, ...growth, "fillShare"];
}

/** Checks numeric inputs against their bounds: one message per invalid field, empty when all are valid. */
export function checkInputs(inputs: PlanningInputs): FieldErrors {
  const errors: FieldErrors = {};
  const finite = (field: NumberField, n: number | undefined): n is number => {
    if (n !== undefined && Number.isFinite(n)) return true;
    errors[field] = PARSE_MESSAGE[field][n === undefined ? "empty" : "not_a_number"];
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
      if (t <= 0) errors.targetPosts = "Posts required in the last year must be more than 0 WTE";
      else if (!errors.staffInPost && !errors.vacancyRate) {
        // The target is refused when the steady growth it implies is outside the growth bounds.
        const p0 = postsAtStart(s, v);
        const lo = p0 * (1 + BOUNDS.growthRate.min / 100) ** HORIZON;
        const hi = p0 * (1 + BOUNDS.growthRate.max / 100) ** HORIZON;
        const g = impliedGrowth(p0, t);
        if (g < BOUNDS.growthRate.min - 1e-9 || g > BOUNDS.growthRate.max + 1e-9) {
          errors.targetPosts = `Posts required in the last year must be between ${wteBound(lo, "lower")} and ${wteBound(hi, "upper")} for this starting workforce (a change of ${pct(BOUNDS.growthRate.min)} to ${pct(BOUNDS.growthRate.max)} a year)`;
        }
      }
    }
  } else if (inputs.growthMode === "caseload") {
    const caseloadMessage = (field: "caseload" | "caseloadNow", n: number) => {
      const which = field === "caseload" ? "Caseload per frontline WTE in the plan" : "Today's caseload per frontline WTE";
      if (n <= BOUNDS.caseload.min) errors[field] = `${which} must be more than 0: with no one on each worker's caseload, no number of posts can be worked out`;
      else if (n > BOUNDS.caseload.max) errors[field] = `${which} must be ${formatNumber(BOUNDS.caseload.max, 0)} or less`;
    };
    if (finite("caseload", inputs.caseload)) caseloadMessage("caseload", inputs.caseload);
    if (finite("peopleGrowth", inputs.peopleGrowth) && (inputs.peopleGrowth < BOUNDS.peopleGrowth.min || inputs.peopleGrowth > BOUNDS.peopleGrowth.max)) {
      errors.peopleGrowth = `Change in people on caseloads must be between ${pct(BOUNDS.peopleGrowth.min)} and ${pct(BOUNDS.peopleGrowth.max)} a year`;
    }
    if (inputs.peopleFrom === "count") {
      if (finite("people", inputs.people)) {
        if (inputs.people <= BOUNDS.people.min) errors.people = "People on caseloads must be more than 0: a plan from need needs someone to plan for";
        else if (inputs.people > BOUNDS.people.max) errors.people = `People on caseloads must be ${formatNumber(BOUNDS.people.max, 0)} or fewer`;
      }
      if (finite("nonFrontline", inputs.nonFrontline)) {
        if (inputs.nonFrontline < BOUNDS.nonFrontline.min) errors.nonFrontline = "Non-frontline share must be 0% or more";
        else if (inputs.nonFrontline >= BOUNDS.nonFrontline.max) errors.nonFrontline = "Non-frontline share must be less than 100%: some posts must carry the caseloads";
      }
    } else if (inputs.peopleFrom === "posts") {
      if (finite("caseloadNow", inputs.caseloadNow)) caseloadMessage("caseloadNow", inputs.caseloadNow);
    } else {
      errors.peopleFrom = "Choose whether the people on caseloads are counted or worked out from the posts at the start";
    }
  } else {
    errors.growthMode = "Choose whether posts required change by a growth rate, reach a target, or follow need";
  }
  return errors;
}

/**
 * Reads inputs typed in a form or a URL (text) or given by code (numbers). Only the fields of the chosen mode are
 * read (fieldsOfMode); a missing fill share is DEFAULT_FILL_SHARE. Returns the inputs, or one message per invalid field.
 */
export function validateInputs(raw: RawInputs): Validation {
  const errors: FieldErrors = {};
  const mode = raw.growthMode === undefined || raw.growthMode === "" ? "rate" : (GROWTH_MODES as readonly string[]).includes(raw.growthMode) ? (raw.growthMode as GrowthMode) : undefined;
  if (mode === undefined) errors.growthMode = "Choose whether posts required change by a growth rate, reach a target, or follow need";
  const peopleFrom: PeopleFrom | undefined = raw.peopleFrom === "count" ? "count" : raw.peopleFrom === "posts" || raw.peopleFrom === undefined || raw.peopleFrom === "" ? "posts" : undefined;
  if (mode === "caseload" && peopleFrom === undefined) errors.peopleFrom = "Choose whether the people on caseloads are counted or worked out from the posts at the start";
  // With no valid way of counting people, neither way's own fields are read (so they get no message of their own).
  const wanted = new Set(fieldsOfMode(mode ?? "rate", peopleFrom ?? "posts").filter((f) => peopleFrom !== undefined || (f !== "caseloadNow" && f !== "people" && f !== "nonFrontline")));
  const read = (field: NumberField, fallback?: number): number => {
    if (!wanted.has(field)) return NaN;
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
    growthMode: mode ?? "rate",
    growthRate: read("growthRate"),
    targetPosts: read("targetPosts"),
    fillShare: read("fillShare", DEFAULT_FILL_SHARE),
  };
  if (mode === "caseload") {
    inputs.peopleFrom = peopleFrom ?? "posts";
    if (inputs.peopleFrom === "count") {
      inputs.people = read("people");
      inputs.nonFrontline = read("nonFrontline");
    } else inputs.caseloadNow = read("caseloadNow");
    inputs.caseload = read("caseload");
    inputs.peopleGrowth = read("peopleGrowth");
  }
  if (mode === undefined || errors.peopleFrom) return { ok: false, errors };
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

/**
 * c = (X(b) ÷ X(a))^(1 ÷ (b − a)) − 1, in per cent: the steady annual change between two figures of a need series
 * `years` apart. Undefined when it cannot be worked out (a figure of 0 or less, or no time between them).
 */
export function needTrend(earlier: number, later: number, years: number): number | undefined {
  if (!(earlier > 0) || !(later > 0) || !(years > 0) || !Number.isFinite(earlier) || !Number.isFinite(later) || !Number.isFinite(years)) return undefined;
  return ((later / earlier) ** (1 / years) - 1) * 100;
}

/**
 * Posts required in year t from need (caseload mode): P(t) = C(t) ÷ k ÷ (1 − n) when people are counted,
 * P(0) × (k₀ ÷ k) × (1 + c)^t when they are worked out from the posts at the start. Inputs must be valid.
 */
export function postsFromNeed(inputs: PlanningInputs, t: number): number {
  const growth = (1 + inputs.peopleGrowth! / 100) ** t;
  if (inputs.peopleFrom === "count") return (inputs.people! * growth) / inputs.caseload! / (1 - inputs.nonFrontline! / 100);
  return postsAtStart(inputs.staffInPost, inputs.vacancyRate) * (inputs.caseloadNow! / inputs.caseload!) * growth;
}

/** Runs the five-year projection (FORMULAS, in order). Returns the messages instead when an input is invalid. */
export function project(inputs: PlanningInputs): ProjectionResult {
  const errors = checkInputs(inputs);
  if (Object.keys(errors).length) return { ok: false, errors };
  const r = inputs.turnoverRate / 100;
  const f = inputs.fillShare / 100;
  const s0 = inputs.staffInPost;
  const p0 = postsAtStart(s0, inputs.vacancyRate);
  const mode = inputs.growthMode;
  // With a target, P(t) = P(0) × (T ÷ P(0))^(t/5): the same as (1 + g)^t, but year 5 lands on the target itself.
  const postsIn = (t: number) =>
    mode === "target" ? p0 * (inputs.targetPosts / p0) ** (t / HORIZON) : mode === "caseload" ? postsFromNeed(inputs, t) : p0 * (1 + inputs.growthRate / 100) ** t;
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
  const growthRate = mode === "target" ? impliedGrowth(p0, inputs.targetPosts) : mode === "caseload" ? impliedGrowth(p0, last.postsRequired) : inputs.growthRate;
  let need: NeedResult | undefined;
  if (mode === "caseload") {
    need = { postsAtStart: postsIn(0) };
    if (inputs.peopleFrom === "count") {
      const ts = Array.from({ length: HORIZON + 1 }, (_, t) => t);
      need.people = ts.map((t) => inputs.people! * (1 + inputs.peopleGrowth! / 100) ** t);
      need.frontline = need.people.map((c) => c / inputs.caseload!);
    }
  }
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
      ...(need ? { need } : {}),
    },
  };
}

/** validateInputs, then project: text or numbers in, a projection or one message per field out. */
export function plan(raw: RawInputs): ProjectionResult {
  const checked = validateInputs(raw);
  return checked.ok ? project(checked.inputs) : checked;
}
