// Input validation of the planning model: every message is pinned, one per field, and nothing is ever thrown.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELDS, plan, validateInputs, type RawInputs } from "../../src/lib/planning/model.ts";

const ok: RawInputs = { staffInPost: "100", vacancyRate: "20", turnoverRate: "10", growthMode: "rate", growthRate: "0", fillShare: "100" };
const errorsOf = (raw: RawInputs) => {
  const r = validateInputs(raw);
  return r.ok ? {} : r.errors;
};

describe("validateInputs", () => {
  it("accepts valid text and numbers, and reads them as numbers", () => {
    expect(validateInputs(ok)).toEqual({
      ok: true,
      inputs: { staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthMode: "rate", growthRate: 0, targetPosts: NaN, fillShare: 100 },
    });
    expect(validateInputs({ staffInPost: 1572.8, vacancyRate: 8.8, turnoverRate: 19, growthRate: -1.5 }).ok).toBe(true);
    // Spaces around a number, a leading plus, a Unicode minus and an exponent are all numbers.
    expect(validateInputs({ ...ok, staffInPost: " 1572.8 ", growthRate: "\u22122", turnoverRate: "+19", fillShare: "1e2" }).ok).toBe(true);
  });

  it("uses a 100% fill share when none is given", () => {
    const r = validateInputs({ staffInPost: "100", vacancyRate: "20", turnoverRate: "10", growthRate: "0" });
    expect(r.ok && r.inputs.fillShare).toBe(100);
  });

  it("asks for every empty field", () => {
    expect(errorsOf({ staffInPost: "", vacancyRate: "", turnoverRate: "", growthMode: "rate", growthRate: "", fillShare: "" })).toEqual({
      staffInPost: "Enter the staff in post at the start, in WTE",
      vacancyRate: "Enter the vacancy rate at the start, in per cent",
      turnoverRate: "Enter the annual turnover, in per cent",
      growthRate: "Enter the annual growth in posts required, in per cent (0 for no change)",
      fillShare: "Enter the share of recruits needed who are recruited, in per cent",
    });
  });

  it("says when a value is not a number (thousands separators, units, words)", () => {
    expect(errorsOf({ staffInPost: "14,121", vacancyRate: "8%", turnoverRate: "abc", growthMode: "rate", growthRate: "2 %", fillShare: "?" })).toEqual({
      staffInPost: "Staff in post must be a number, like 1572.8 (no commas or units)",
      vacancyRate: "Vacancy rate must be a number, like 8.8 (no % sign)",
      turnoverRate: "Turnover must be a number, like 19 (no % sign)",
      growthRate: "Growth must be a number, like 2 or -1.5 (no % sign)",
      fillShare: "Share recruited must be a number, like 80 (no % sign)",
    });
    expect(errorsOf({ ...ok, staffInPost: NaN, vacancyRate: Infinity })).toEqual({
      staffInPost: "Staff in post must be a number, like 1572.8 (no commas or units)",
      vacancyRate: "Vacancy rate must be a number, like 8.8 (no % sign)",
    });
  });

  it("refuses values at or past the lower bounds", () => {
    expect(errorsOf({ staffInPost: "0", vacancyRate: "-0.1", turnoverRate: "-1", growthMode: "rate", growthRate: "-51", fillShare: "-1" })).toEqual({
      staffInPost: "Staff in post must be more than 0 WTE: with no staff the number of posts cannot be worked out",
      vacancyRate: "Vacancy rate must be 0% or more",
      turnoverRate: "Turnover must be between 0% and 100%",
      growthRate: "Growth must be between −50% and 50% a year",
      fillShare: "Share recruited must be between 0% and 100%",
    });
    expect(errorsOf({ ...ok, staffInPost: "-3" }).staffInPost).toBe("Staff in post must be more than 0 WTE: with no staff the number of posts cannot be worked out");
  });

  it("refuses values past the upper bounds; 100% vacancy says why", () => {
    expect(errorsOf({ staffInPost: "1000001", vacancyRate: "100", turnoverRate: "100.1", growthMode: "rate", growthRate: "50.1", fillShare: "101" })).toEqual({
      staffInPost: "Staff in post must be 1,000,000 WTE or less",
      vacancyRate: "Vacancy rate must be less than 100%: with every post vacant there are no staff to work out the posts from",
      turnoverRate: "Turnover must be between 0% and 100%",
      growthRate: "Growth must be between −50% and 50% a year",
      fillShare: "Share recruited must be between 0% and 100%",
    });
  });

  it("accepts the bounds themselves", () => {
    for (const raw of [
      { ...ok, vacancyRate: "0", turnoverRate: "0", growthRate: "-50", fillShare: "0" },
      { ...ok, staffInPost: "1000000", vacancyRate: "99.99", turnoverRate: "100", growthRate: "50", fillShare: "100" },
    ]) {
      expect(errorsOf(raw)).toEqual({});
    }
  });

  it("checks only the growth field of the chosen mode", () => {
    expect(errorsOf({ ...ok, growthRate: "junk", growthMode: "target", targetPosts: "150" })).toEqual({});
    expect(errorsOf({ ...ok, targetPosts: "junk" })).toEqual({});
  });

  it("pins the target messages, with bounds worked out from the starting workforce", () => {
    const target = (targetPosts: string) => errorsOf({ ...ok, growthMode: "target", targetPosts });
    expect(target("")).toEqual({ targetPosts: "Enter the posts required in the last year of the plan, in WTE" });
    expect(target("1,800")).toEqual({ targetPosts: "Posts required in the last year must be a number, like 1800 (no commas or units)" });
    expect(target("0")).toEqual({ targetPosts: "Posts required in the last year must be more than 0 WTE" });
    // P0 = 100 ÷ 0.8 = 125. Lowest: 125 × 0.5^5 = 3.90625, shown rounded up to 4; highest: 125 × 1.5^5 = 949.21875,
    // shown rounded down to 949.2, so a number copied from the message is accepted.
    const message = "Posts required in the last year must be between 4 WTE and 949.2 WTE for this starting workforce (a change of −50% to 50% a year)";
    expect(target("3.9")).toEqual({ targetPosts: message });
    expect(target("949.3")).toEqual({ targetPosts: message });
    expect(target("4")).toEqual({});
    expect(target("949.2")).toEqual({});
  });

  it("does not check the target against bounds it cannot work out (invalid staff or vacancy rate)", () => {
    expect(errorsOf({ ...ok, staffInPost: "", growthMode: "target", targetPosts: "999999" })).toEqual({ staffInPost: "Enter the staff in post at the start, in WTE" });
  });

  it("refuses an unknown growth mode", () => {
    expect(errorsOf({ ...ok, growthMode: "sideways" })).toEqual({ growthMode: "Choose whether posts required change by a growth rate, reach a target, or follow need" });
  });

  it("reads only the caseload fields of the chosen way of counting people, and pins their messages", () => {
    const counted: RawInputs = { ...ok, growthMode: "caseload", peopleFrom: "count", people: "1200", nonFrontline: "20", caseload: "30", peopleGrowth: "2" };
    expect(validateInputs(counted)).toEqual({
      ok: true,
      inputs: { staffInPost: 100, vacancyRate: 20, turnoverRate: 10, growthMode: "caseload", growthRate: NaN, targetPosts: NaN, fillShare: 100, peopleFrom: "count", people: 1200, nonFrontline: 20, caseload: 30, peopleGrowth: 2 },
    });
    // Today's caseload is not read when people are counted; people and the share are not read when worked out from posts.
    expect(errorsOf({ ...counted, caseloadNow: "junk" })).toEqual({});
    expect(errorsOf({ ...counted, peopleFrom: "posts", people: "junk", nonFrontline: "junk", caseloadNow: "46" })).toEqual({});
    expect(errorsOf({ ...counted, caseload: "0", people: "0", nonFrontline: "100", peopleGrowth: "51" })).toEqual({
      caseload: "Caseload per frontline WTE in the plan must be more than 0: with no one on each worker's caseload, no number of posts can be worked out",
      people: "People on caseloads must be more than 0: a plan from need needs someone to plan for",
      nonFrontline: "Non-frontline share must be less than 100%: some posts must carry the caseloads",
      peopleGrowth: "Change in people on caseloads must be between −50% and 50% a year",
    });
    expect(errorsOf({ ...counted, peopleFrom: "posts", caseloadNow: "", caseload: "-3" })).toEqual({
      caseloadNow: "Enter today's caseload per frontline WTE",
      caseload: "Caseload per frontline WTE in the plan must be more than 0: with no one on each worker's caseload, no number of posts can be worked out",
    });
    expect(errorsOf({ ...counted, people: "1,200", nonFrontline: "-1" })).toEqual({ people: "People on caseloads must be a number, like 1200 (no commas)", nonFrontline: "Non-frontline share must be 0% or more" });
    expect(errorsOf({ ...counted, peopleFrom: "guess" })).toEqual({ peopleFrom: "Choose whether the people on caseloads are counted or worked out from the posts at the start" });
  });

  it("never throws, and gives a message only for fields it knows", () => {
    const value = fc.oneof(fc.string(), fc.double(), fc.constant(undefined), fc.constantFrom("", "1e400", "-0", ".", "1.", ".5", "NaN", "Infinity"));
    fc.assert(
      fc.property(
        fc.record({
          staffInPost: value,
          vacancyRate: value,
          turnoverRate: value,
          growthRate: value,
          targetPosts: value,
          fillShare: value,
          people: value,
          nonFrontline: value,
          caseloadNow: value,
          caseload: value,
          peopleGrowth: value,
          growthMode: fc.oneof(fc.constantFrom("rate", "target", "caseload"), fc.string()),
          peopleFrom: fc.oneof(fc.constantFrom("count", "posts"), fc.string()),
        }),
        (raw) => {
          const r = plan(raw as RawInputs);
          if (r.ok) return r.projection.years.every((y) => Object.values(y).every(Number.isFinite));
          return Object.entries(r.errors).every(([k, m]) => FIELDS.includes(k as never) && typeof m === "string" && m.length > 0);
        },
      ),
    );
  });
});
