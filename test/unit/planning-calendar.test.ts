// When a plan runs (five financial years from the release), how old its start is, and which published trend of a need
// series people on caseloads may follow. All figures are made up.
import { describe, expect, it } from "vitest";
import { ageInWords, financialYearOf, monthsBetween, planYears } from "../../src/lib/planning/calendar.ts";
import { BOUNDS } from "../../src/lib/planning/model.ts";
import { NEED_SERIES, signedPercent, trendOf, trendOptions, type NeedRow, type NeedValue } from "../../src/lib/planning/need.ts";

describe("the plan's years", () => {
  it("runs five financial years from the one the release date falls in, with calendar labels", () => {
    expect(planYears("2026-12-01")).toEqual({ labels: ["2026/27", "2027/28", "2028/29", "2029/30", "2030/31"], span: "2026/27 to 2030/31", start: "2026-04-01", end: "2031-03-31" });
    // 1 April starts a financial year; 31 March ends one.
    expect(financialYearOf("2027-03-31")).toBe(2026);
    expect(financialYearOf("2027-04-01")).toBe(2027);
    expect(planYears("2099-06-30").labels.at(-1)).toBe("2103/04");
    expect(() => financialYearOf("December 2026")).toThrow('planning calendar: "December 2026" is not an ISO date (YYYY-MM-DD)');
  });

  it("says how old the starting figures are on the release date, to the nearest year", () => {
    // 1 November 2021 to 1 December 2026: 61 months, about 5 years. The end of 2024: 23 months, about 2 years.
    expect(monthsBetween("2021-11-01", "2026-12-01")).toBe(61);
    expect(ageInWords("2021-11-01", "2026-12-01")).toBe("about 5 years");
    expect(monthsBetween("2024-12-31", "2026-12-01")).toBe(23);
    expect(ageInWords("2024-12-31", "2026-12-01")).toBe("about 2 years");
    expect(ageInWords("2026-03-31", "2026-12-01")).toBe("about 1 year");
    expect(ageInWords("2026-09-30", "2026-12-01")).toBe("less than a year");
  });
});

const value = (period: string, start: string, end: string, n: number): NeedValue => ({ value: n, period, periodStart: start, periodEnd: end, citations: [], areaLabel: "Made-up land" });
const year = (y: number, n: number) => value(String(y), `${y}-01-01`, `${y}-12-31`, n);
const deaths = NEED_SERIES.find((s) => s.id === "drug-deaths")!;

describe("the published trend of a need series", () => {
  it("runs from the figure about five years before the latest to the latest", () => {
    const t = trendOf(deaths, [year(2016, 90), year(2018, 100), year(2019, 140), year(2023, 120)], BOUNDS.peopleGrowth)!;
    // 2023 − 5 = 2018 is there: c = (120 ÷ 100)^(1/5) − 1 = 3.7137…%
    expect(t.from.period).toBe("2018");
    expect(t.years).toBe(5);
    expect(t.rate).toBeCloseTo((1.2 ** 0.2 - 1) * 100, 12);
    expect(t.rounded).toBe(3.7);
    expect(t.formula).toBe("(120 ÷ 100)^(1 ÷ 5) − 1 = +3.7% a year");
  });

  it("takes the longer span when two are as close to five years, and a shorter one when that is all there is", () => {
    // From 2024, 2018 (6 years) and 2020 (4 years) are as close to five: the longer span, from 2018, is used.
    expect(trendOf(deaths, [year(2018, 80), year(2020, 90), year(2024, 100)], BOUNDS.peopleGrowth)!.from.period).toBe("2018");
    expect(trendOf(deaths, [year(2021, 80), year(2024, 100)], BOUNDS.peopleGrowth)!.years).toBe(3);
  });

  it("has no trend with fewer than two years between the figures, a figure of 0, other kinds of period, or a trend outside the model's bounds", () => {
    expect(trendOf(deaths, [year(2023, 80), year(2024, 100)], BOUNDS.peopleGrowth)).toBeUndefined();
    expect(trendOf(deaths, [year(2019, 0), year(2024, 100)], BOUNDS.peopleGrowth)).toBeUndefined();
    // A five-year window and a single year are not the same kind of period.
    expect(trendOf(deaths, [value("2015-2019", "2015-01-01", "2019-12-31", 400), year(2024, 100)], BOUNDS.peopleGrowth)).toBeUndefined();
    // 1 to 100 in five years is +151% a year, outside ±50%.
    expect(trendOf(deaths, [year(2019, 1), year(2024, 100)], BOUNDS.peopleGrowth)).toBeUndefined();
    expect(trendOf(deaths, [], BOUNDS.peopleGrowth)).toBeUndefined();
  });

  it("offers people in treatment first, then five-year deaths, then population", () => {
    const row = (id: string): NeedRow => {
      const series = NEED_SERIES.find((s) => s.id === id)!;
      return { series, latest: year(2024, 100), trend: trendOf(series, [year(2019, 90), year(2024, 100)], BOUNDS.peopleGrowth)! };
    };
    expect(trendOptions([row("population-england"), row("drug-deaths"), row("drug-deaths-5yr"), row("adults-in-treatment")]).map((t) => t.series.id)).toEqual(["adults-in-treatment", "drug-deaths-5yr", "population-england", "drug-deaths"]);
    expect(signedPercent(-1.349)).toBe("−1.3%");
    expect(signedPercent(0.04)).toBe("0.0%");
  });
});
