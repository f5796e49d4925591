// The five-year workforce projection (src/lib/planning/model.ts): hand-worked examples with the arithmetic written
// out, the documented edge cases, and properties that must hold for every valid input. All inputs are made up.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMULAS, HORIZON, needTrend, plan, project, type PlanningInputs, type Projection } from "../../src/lib/planning/model.ts";

const base: PlanningInputs = { staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthMode: "rate", growthRate: 0, targetPosts: NaN, fillShare: 100 };

function run(over: Partial<PlanningInputs> = {}): Projection {
  const r = project({ ...base, ...over });
  if (!r.ok) throw new Error(`expected a projection, got ${JSON.stringify(r.errors)}`);
  return r.projection;
}
const col = (p: Projection, key: keyof Projection["years"][number]) => p.years.map((y) => y[key]);

describe("hand-worked examples", () => {
  it("no growth: S0 = 100, v = 20%, r = 10%, f = 100%", () => {
    const p = run();
    // P0 = 100 ÷ (1 − 0.2) = 125; V0 = 125 − 100 = 25
    expect(p.start).toEqual({ posts: 125, staff: 100, vacancies: 25 });
    // Posts stay at 125 (g = 0).
    expect(col(p, "postsRequired")).toEqual([125, 125, 125, 125, 125]);
    // Year 1: L1 = 0.1 × 100 = 10; stayers 100 − 10 = 90; N1 = 125 − 90 = 35; M1 = 35; S1 = 90 + 35 = 125.
    // Years 2–5: L = 0.1 × 125 = 12.5; stayers 112.5; N = 125 − 112.5 = 12.5; S = 125.
    expect(col(p, "leavers")).toEqual([10, 12.5, 12.5, 12.5, 12.5]);
    expect(col(p, "recruitsNeeded")).toEqual([35, 12.5, 12.5, 12.5, 12.5]);
    expect(col(p, "recruitsMade")).toEqual([35, 12.5, 12.5, 12.5, 12.5]);
    expect(col(p, "staffStart")).toEqual([100, 125, 125, 125, 125]);
    expect(col(p, "staffEnd")).toEqual([125, 125, 125, 125, 125]);
    expect(col(p, "vacancies")).toEqual([0, 0, 0, 0, 0]);
    expect(col(p, "surplus")).toEqual([0, 0, 0, 0, 0]);
    // Totals: L = 10 + 4 × 12.5 = 60; N = M = 35 + 4 × 12.5 = 85; posts 125 − 125 = 0; staff 125 − 100 = 25.
    expect(p.totals).toEqual({ leavers: 60, recruitsNeeded: 85, recruitsMade: 85, postsChange: 0, staffChange: 25 });
    expect(p.growthRate).toBe(0);
  });

  it("10% growth a year", () => {
    const p = run({ growthRate: 10 });
    // P1 = 125 × 1.1 = 137.5; P2 = 137.5 × 1.1 = 151.25; P3 = 166.375
    expect(p.years[0]!.postsRequired).toBeCloseTo(137.5, 10);
    expect(p.years[1]!.postsRequired).toBeCloseTo(151.25, 10);
    expect(p.years[2]!.postsRequired).toBeCloseTo(166.375, 10);
    // Year 1: L1 = 10; N1 = 137.5 − 90 = 47.5; S1 = 137.5
    expect(p.years[0]!.leavers).toBe(10);
    expect(p.years[0]!.recruitsNeeded).toBeCloseTo(47.5, 10);
    // Year 2: L2 = 0.1 × 137.5 = 13.75; stayers 123.75; N2 = 151.25 − 123.75 = 27.5
    expect(p.years[1]!.leavers).toBeCloseTo(13.75, 10);
    expect(p.years[1]!.recruitsNeeded).toBeCloseTo(27.5, 10);
    // Year 3: L3 = 15.125; stayers 136.125; N3 = 166.375 − 136.125 = 30.25
    expect(p.years[2]!.recruitsNeeded).toBeCloseTo(30.25, 10);
    // P5 = 125 × 1.1^5 = 201.3138…; change 76.3138…
    expect(p.totals.postsChange).toBeCloseTo(125 * 1.1 ** 5 - 125, 10);
  });

  it("half the recruits needed are found (f = 50%): vacancies carry over to the next year", () => {
    const p = run({ fillShare: 50 });
    // Year 1: L1 = 10; stayers 90; N1 = 125 − 90 = 35; M1 = 0.5 × 35 = 17.5; S1 = 90 + 17.5 = 107.5; V1 = 125 − 107.5 = 17.5
    expect(p.years[0]).toMatchObject({ leavers: 10, recruitsNeeded: 35, recruitsMade: 17.5, staffEnd: 107.5, vacancies: 17.5, surplus: 0 });
    // Year 2: L2 = 10.75; stayers 96.75; N2 = 125 − 96.75 = 28.25; M2 = 14.125; S2 = 110.875; V2 = 14.125
    expect(p.years[1]!.leavers).toBeCloseTo(10.75, 10);
    expect(p.years[1]!.recruitsNeeded).toBeCloseTo(28.25, 10);
    expect(p.years[1]!.recruitsMade).toBeCloseTo(14.125, 10);
    expect(p.years[1]!.staffEnd).toBeCloseTo(110.875, 10);
    expect(p.years[1]!.vacancies).toBeCloseTo(14.125, 10);
  });

  it("posts fall faster than turnover: no recruits and a surplus, nobody made redundant", () => {
    const p = run({ vacancyRate: 0, turnoverRate: 5, growthRate: -20 });
    // P0 = 100 ÷ 1 = 100. Year 1: P1 = 80; L1 = 5; stayers 95; N1 = max(0, 80 − 95) = 0; S1 = 95; U1 = 95 − 80 = 15
    expect(p.years[0]!.postsRequired).toBeCloseTo(80, 10);
    expect(p.years[0]).toMatchObject({ leavers: 5, recruitsNeeded: 0, recruitsMade: 0, staffEnd: 95, vacancies: 0 });
    expect(p.years[0]!.surplus).toBeCloseTo(15, 10);
    // Year 2: P2 = 64; L2 = 4.75; S2 = 90.25; U2 = 90.25 − 64 = 26.25
    expect(p.years[1]!.staffEnd).toBeCloseTo(90.25, 10);
    expect(p.years[1]!.surplus).toBeCloseTo(26.25, 10);
  });

  it("a target of 250 posts in year 5 doubles the posts at a steady rate", () => {
    const p = run({ growthMode: "target", targetPosts: 250, growthRate: NaN });
    // P0 = 125; g = (250 ÷ 125)^(1/5) − 1 = 2^0.2 − 1 = 0.148698… = 14.8698…%
    expect(p.growthRate).toBeCloseTo((2 ** 0.2 - 1) * 100, 10);
    // P(t) = 125 × 2^(t/5): P1 = 143.5873…, P5 = 250
    expect(p.years[0]!.postsRequired).toBeCloseTo(125 * 2 ** 0.2, 10);
    expect(p.years[4]!.postsRequired).toBe(250);
  });

  it("keeps fractional WTE: S0 = 1572.8, v = 8.8% gives P0 = 1572.8 ÷ 0.912 = 1724.5614…, unrounded", () => {
    const p = run({ staffInPost: 1572.8, vacancyRate: 8.8 });
    expect(p.start.posts).toBeCloseTo(1724.5614035087719, 9);
    expect(Number.isInteger(p.start.posts * 10)).toBe(false);
    // V0 = 1724.5614… − 1572.8 = 151.7614…
    expect(p.start.vacancies).toBeCloseTo(151.7614035087719, 9);
  });
});

describe("edge cases", () => {
  it("vacancy rate 0%: posts at the start equal staff in post, no vacancies", () => {
    const p = run({ vacancyRate: 0 });
    expect(p.start).toEqual({ posts: 100, staff: 100, vacancies: 0 });
  });

  it("turnover 0% and growth 0%: year 1 recruits only fill the starting vacancies, none after", () => {
    const p = run({ turnoverRate: 0 });
    // N1 = 125 − (100 − 0) = 25 = V0; then S1 = 125 = P and N = 0.
    expect(col(p, "leavers")).toEqual([0, 0, 0, 0, 0]);
    expect(col(p, "recruitsNeeded")).toEqual([25, 0, 0, 0, 0]);
  });

  it("turnover 100%: everyone at the start of a year leaves, every post is filled again", () => {
    const p = run({ turnoverRate: 100 });
    // Year 1: L1 = 100; stayers 0; N1 = 125. Years 2–5: L = 125; N = 125.
    expect(col(p, "leavers")).toEqual([100, 125, 125, 125, 125]);
    expect(col(p, "recruitsNeeded")).toEqual([125, 125, 125, 125, 125]);
  });

  it("fill share 0%: nobody is recruited; staff shrink by turnover and vacancies grow", () => {
    const p = run({ fillShare: 0 });
    // S5 = 100 × 0.9^5 = 59.049; V5 = 125 − 59.049 = 65.951
    expect(col(p, "recruitsMade")).toEqual([0, 0, 0, 0, 0]);
    expect(p.years[4]!.staffEnd).toBeCloseTo(59.049, 10);
    expect(p.years[4]!.vacancies).toBeCloseTo(65.951, 10);
  });

  it("vacancy rate 100% is refused with a message, not a division by zero", () => {
    const r = project({ ...base, vacancyRate: 100 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(["vacancyRate"]);
  });

  it("no staff, negative staff and NaN are refused with one message per field, never thrown", () => {
    for (const staffInPost of [0, -5, NaN, Infinity]) {
      const r = project({ ...base, staffInPost });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(Object.keys(r.errors)).toEqual(["staffInPost"]);
    }
    const r = project({ ...base, staffInPost: NaN, vacancyRate: -1, turnoverRate: 101, growthRate: 60, fillShare: NaN });
    expect(r.ok ? [] : Object.keys(r.errors).sort()).toEqual(["fillShare", "growthRate", "staffInPost", "turnoverRate", "vacancyRate"]);
  });

  it("plan() reads text as typed", () => {
    const r = plan({ staffInPost: "100", vacancyRate: "20", turnoverRate: "10", growthMode: "rate", growthRate: "0" });
    expect(r.ok && r.projection.totals.recruitsNeeded).toBe(85);
  });
});

describe("formulas shown on the page", () => {
  it("list every quantity the model computes, once", () => {
    const ids = FORMULAS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      "posts_start",
      "vacancies_start",
      "growth_from_target",
      "posts_required",
      "need_trend",
      "people_on_caseloads",
      "frontline_posts",
      "posts_from_need",
      "posts_from_need_posts",
      "leavers",
      "recruits_needed",
      "recruits_made",
      "staff_end",
      "vacancies",
      "surplus",
      "totals",
    ]);
  });
});

// Valid inputs: every field inside its bounds. Targets are made from a growth factor inside the growth bounds.
const percent = (max: number) => fc.double({ min: 0, max, noNaN: true });
const validInputs = fc
  .record({
    staffInPost: fc.double({ min: 0.01, max: 1_000_000, noNaN: true }),
    vacancyRate: percent(99.9),
    turnoverRate: percent(100),
    growthRate: fc.double({ min: -50, max: 50, noNaN: true }),
    fillShare: percent(100),
    target: fc.boolean(),
    factor: fc.double({ min: 0.04, max: 7.5, noNaN: true }),
  })
  .map(({ target, factor, ...r }): PlanningInputs => {
    const p0 = r.staffInPost / (1 - r.vacancyRate / 100);
    return target ? { ...r, growthMode: "target", targetPosts: p0 * factor } : { ...r, growthMode: "rate", targetPosts: NaN };
  });

function projected(inputs: PlanningInputs): Projection {
  const r = project(inputs);
  if (!r.ok) throw new Error(`valid inputs refused: ${JSON.stringify(inputs)} → ${JSON.stringify(r.errors)}`);
  return r.projection;
}
const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);

describe("properties, for every valid input", () => {
  it("gives five years of finite, non-negative numbers", () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        const p = projected(inputs);
        expect(p.years).toHaveLength(HORIZON);
        const numbers = [...Object.values(p.start), ...Object.values(p.totals), p.growthRate, ...p.years.flatMap((y) => Object.values(y))];
        expect(numbers.every(Number.isFinite)).toBe(true);
        for (const y of p.years) for (const [k, v] of Object.entries(y)) if (k !== "year") expect(v).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("leavers never exceed the staff in post at the start of the year", () => {
    fc.assert(fc.property(validInputs, (inputs) => projected(inputs).years.every((y) => y.leavers <= y.staffStart)));
  });

  it("recruits made never exceed recruits needed", () => {
    fc.assert(fc.property(validInputs, (inputs) => projected(inputs).years.every((y) => y.recruitsMade <= y.recruitsNeeded)));
  });

  it("staff in post + vacancies − surplus = posts required, every year", () => {
    fc.assert(fc.property(validInputs, (inputs) => projected(inputs).years.every((y) => close(y.staffEnd + y.vacancies - y.surplus, y.postsRequired, y.postsRequired))));
  });

  it("vacancies and surplus are never both positive", () => {
    fc.assert(fc.property(validInputs, (inputs) => projected(inputs).years.every((y) => y.vacancies === 0 || y.surplus === 0)));
  });

  it("each year starts with the staff the previous year ended with", () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        const p = projected(inputs);
        return p.years.every((y, i) => y.staffStart === (i === 0 ? p.start.staff : p.years[i - 1]!.staffEnd));
      }),
    );
  });

  it("with a 100% fill share no post is left vacant", () => {
    fc.assert(fc.property(validInputs, (inputs) => projected({ ...inputs, fillShare: 100 }).years.every((y) => close(y.vacancies, 0, y.postsRequired))));
  });

  it("with zero turnover and zero growth and a 100% fill share, year 1 recruits fill the initial vacancies and none are needed after", () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        const p = projected({ ...inputs, turnoverRate: 0, growthMode: "rate", growthRate: 0, fillShare: 100 });
        return close(p.years[0]!.recruitsNeeded, p.start.vacancies, p.start.posts) && p.years.slice(1).every((y) => close(y.recruitsNeeded, 0, p.start.posts));
      }),
    );
  });

  it("a target is reached in year 5", () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        if (inputs.growthMode !== "target") return true;
        return close(projected(inputs).years[4]!.postsRequired, inputs.targetPosts, inputs.targetPosts);
      }),
    );
  });

  it("totals are the sums of the years", () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        const p = projected(inputs);
        const sum = (k: "leavers" | "recruitsNeeded" | "recruitsMade") => p.years.reduce((n, y) => n + y[k], 0);
        return p.totals.leavers === sum("leavers") && p.totals.recruitsNeeded === sum("recruitsNeeded") && p.totals.recruitsMade === sum("recruitsMade");
      }),
    );
  });
});

// The caseload model: posts required from need. S0 = 100, v = 20% (P0 = 125), r = 10%, f = 100% as above.
const counted = (over: Partial<PlanningInputs> = {}): PlanningInputs => ({ ...base, growthMode: "caseload", peopleFrom: "count", people: 1200, nonFrontline: 20, caseload: 30, peopleGrowth: 0, ...over });
const fromPosts = (over: Partial<PlanningInputs> = {}): PlanningInputs => ({ ...base, growthMode: "caseload", peopleFrom: "posts", caseloadNow: 46, caseload: 46, peopleGrowth: 0, ...over });

describe("hand-worked examples: posts required from need", () => {
  it("people counted: 1,200 people at 30 per frontline WTE, 20% non-frontline", () => {
    const p = projected(counted());
    // F = 1,200 ÷ 30 = 40 frontline posts; P = 40 ÷ (1 − 0.2) = 50 posts, every year (c = 0).
    expect(p.need).toEqual({ postsAtStart: 50, people: [1200, 1200, 1200, 1200, 1200, 1200], frontline: [40, 40, 40, 40, 40, 40] });
    expect(col(p, "postsRequired")).toEqual([50, 50, 50, 50, 50]);
    // Fewer posts than the 125 there are: nobody is recruited and nobody is made redundant.
    // Year 1: L1 = 0.1 × 100 = 10; stayers 90; N1 = max(0, 50 − 90) = 0; S1 = 90; U1 = 90 − 50 = 40.
    // Then S shrinks by 10% a year: 81, 72.9, 65.61, 59.049; U = S − 50.
    expect(col(p, "recruitsNeeded")).toEqual([0, 0, 0, 0, 0]);
    expect(p.years.map((y) => y.staffEnd)).toEqual([90, 81, 72.9, 65.61, 59.049].map((n) => expect.closeTo(n, 10)));
    expect(p.years.map((y) => y.surplus)).toEqual([40, 31, 22.9, 15.61, 9.049].map((n) => expect.closeTo(n, 10)));
  });

  it("people counted, growing 10% a year", () => {
    const p = projected(counted({ peopleGrowth: 10 }));
    // C1 = 1,320, F1 = 44, P1 = 55; C2 = 1,452, F2 = 48.4, P2 = 60.5.
    expect(p.need!.people![1]).toBeCloseTo(1320, 10);
    expect(p.need!.frontline![1]).toBeCloseTo(44, 10);
    expect(p.years[0]!.postsRequired).toBeCloseTo(55, 10);
    expect(p.need!.people![2]).toBeCloseTo(1452, 10);
    expect(p.years[1]!.postsRequired).toBeCloseTo(60.5, 10);
  });

  it("a target caseload of half today's doubles the posts; fewer people on caseloads give fewer posts, never negative", () => {
    // From posts: at today's caseload (k = k0 = 46) posts stay at P0 = 125; at k = 23, P = 125 × 46 ÷ 23 = 250.
    expect(col(projected(fromPosts()), "postsRequired")).toEqual([125, 125, 125, 125, 125]);
    expect(col(projected(fromPosts({ caseload: 23 })), "postsRequired")).toEqual([250, 250, 250, 250, 250]);
    // And with people growing 10% a year: P1 = 250 × 1.1 = 275.
    expect(projected(fromPosts({ caseload: 23, peopleGrowth: 10 })).years[0]!.postsRequired).toBeCloseTo(275, 10);
    // Counted: 600 people instead of 1,200 → F = 20, P = 25, half the 50 of the first example; falling 50% a year
    // for five years leaves 600 × 0.5^5 = 18.75 people, P = 18.75 ÷ 30 ÷ 0.8 = 0.78125, still above zero.
    expect(col(projected(counted({ people: 600 })), "postsRequired")).toEqual([25, 25, 25, 25, 25]);
    const falling = projected(counted({ people: 600, peopleGrowth: -50 }));
    expect(falling.years[4]!.postsRequired).toBeCloseTo(0.78125, 10);
    expect(falling.years.every((y) => y.postsRequired > 0 && y.recruitsNeeded >= 0 && y.staffEnd >= 0)).toBe(true);
  });

  it("a caseload of 0, or no people on caseloads, is refused with a message, never a division by zero", () => {
    for (const bad of [counted({ caseload: 0 }), fromPosts({ caseload: 0 }), fromPosts({ caseloadNow: 0 }), counted({ people: 0 }), counted({ nonFrontline: 100 })]) {
      const r = project(bad);
      expect(r.ok).toBe(false);
    }
    const r = project(counted({ caseload: 0, people: 0 }));
    expect(r.ok ? [] : Object.keys(r.errors).sort()).toEqual(["caseload", "people"]);
  });

  it("the trend of a need series: 166 deaths to 229 five years later is a steady 6.6% a year", () => {
    // (229 ÷ 166)^(1/5) − 1 = 1.3795…^0.2 − 1 = 0.06644…
    expect(needTrend(166, 229, 5)).toBeCloseTo(((229 / 166) ** 0.2 - 1) * 100, 12);
    expect(needTrend(166, 229, 5)!.toFixed(1)).toBe("6.6");
    // A figure of 0, a negative one or no time between them gives no trend.
    expect(needTrend(0, 229, 5)).toBeUndefined();
    expect(needTrend(166, 0, 5)).toBeUndefined();
    expect(needTrend(166, 229, 0)).toBeUndefined();
  });
});

const caseloadInputs = fc
  .record({
    staffInPost: fc.double({ min: 0.01, max: 1_000_000, noNaN: true }),
    vacancyRate: percent(99.9),
    turnoverRate: percent(100),
    fillShare: percent(100),
    counted: fc.boolean(),
    // A tenth of the bounds, so the property that multiplies them by up to 10 stays inside.
    people: fc.double({ min: 1, max: 10_000_000, noNaN: true }),
    nonFrontline: percent(99.9),
    caseloadNow: fc.double({ min: 0.1, max: 1_000, noNaN: true }),
    caseload: fc.double({ min: 0.1, max: 1_000, noNaN: true }),
    peopleGrowth: fc.double({ min: -50, max: 50, noNaN: true }),
  })
  .map(({ counted: c, ...r }): PlanningInputs => ({ ...r, growthMode: "caseload", peopleFrom: c ? "count" : "posts", growthRate: NaN, targetPosts: NaN }));

describe("properties of posts required from need, for every valid input", () => {
  it("gives five years of finite numbers, posts required above zero, nothing negative", () => {
    fc.assert(
      fc.property(caseloadInputs, (inputs) => {
        const p = projected(inputs);
        return p.years.every((y) => y.postsRequired > 0 && Object.values(y).every((v) => Number.isFinite(v) && v >= 0)) && Number.isFinite(p.growthRate);
      }),
    );
  });

  it("people counted: posts × caseload × (1 − non-frontline share) = people on caseloads, every year", () => {
    fc.assert(
      fc.property(caseloadInputs, (inputs) => {
        const i = { ...inputs, peopleFrom: "count" as const };
        const p = projected(i);
        return p.years.every((y) => close(y.postsRequired * i.caseload! * (1 - i.nonFrontline! / 100), p.need!.people![y.year]!, p.need!.people![y.year]!));
      }),
    );
  });

  it("more people on caseloads need more posts, and a higher caseload per worker fewer, in proportion", () => {
    fc.assert(
      fc.property(caseloadInputs, fc.double({ min: 1.01, max: 10, noNaN: true }), (inputs, factor) => {
        const i = { ...inputs, peopleFrom: "count" as const };
        const more = projected({ ...i, people: i.people! * factor });
        const less = projected({ ...i, caseload: i.caseload! * factor });
        const now = projected(i);
        return now.years.every((y, k) => more.years[k]!.postsRequired > y.postsRequired && close(more.years[k]!.postsRequired, y.postsRequired * factor, more.years[k]!.postsRequired) && less.years[k]!.postsRequired < y.postsRequired && close(less.years[k]!.postsRequired * factor, y.postsRequired, y.postsRequired));
      }),
    );
  });

  it("worked out from posts at today's caseload, posts follow need like a growth rate of the same size", () => {
    fc.assert(
      fc.property(caseloadInputs, (inputs) => {
        const need = projected({ ...inputs, peopleFrom: "posts", caseload: inputs.caseloadNow! });
        const rate = projected({ ...inputs, growthMode: "rate", growthRate: inputs.peopleGrowth! });
        return need.years.every((y, k) => close(y.postsRequired, rate.years[k]!.postsRequired, y.postsRequired) && close(y.recruitsNeeded, rate.years[k]!.recruitsNeeded, y.postsRequired));
      }),
    );
  });

  it("a need trend applied for its years leads from the earlier figure to the later one", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e7, noNaN: true }), fc.double({ min: 1, max: 1e7, noNaN: true }), fc.integer({ min: 1, max: 20 }), (a, b, years) => {
        const c = needTrend(a, b, years)!;
        // Relative to b: going through a per cent loses digits when b is far below a (1 + c/100 is then tiny).
        return Math.abs(a * (1 + c / 100) ** years - b) <= 1e-6 * b;
      }),
    );
  });
});
