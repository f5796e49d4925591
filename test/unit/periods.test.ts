import { describe, expect, it } from "vitest";
import { formatPeriod, isDateLabel, parsePeriod, periodMidpoint, periodProblem } from "../../src/lib/periods.ts";

describe("parsePeriod", () => {
  it.each([
    ["2022", "year", "2022-01-01", "2022-12-31"],
    ["2022/23", "financial_year", "2022-04-01", "2023-03-31"],
    ["Q1 2025/2026", "quarter", "2025-04-01", "2025-06-30"],
    ["Q3 2011/2012", "quarter", "2011-10-01", "2011-12-31"],
    ["Q4 2024/2025", "quarter", "2025-01-01", "2025-03-31"],
    ["2019-2023", "years", "2019-01-01", "2023-12-31"],
    ["2021-11-01", "date", "2021-11-01", "2021-11-01"],
    ["mid-2022", "date", "2022-06-30", "2022-06-30"],
    ["2021-02", "month", "2021-02-01", "2021-02-28"],
    ["2020-01-01/2020-03-31", "range", "2020-01-01", "2020-03-31"],
    ["2022/23-2024/25", "financial_years", "2022-04-01", "2025-03-31"],
    ["2021-02/2021-10", "range", "2021-02-01", "2021-10-31"],
    ["2023-11/2024-02", "range", "2023-11-01", "2024-02-29"],
  ])("%s is a %s from %s to %s", (label, kind, start, end) => {
    expect(parsePeriod(label)).toEqual({ kind, start, end, qualified: false });
  });
  it("keeps a qualified date as qualified", () => {
    expect(parsePeriod("2021 (autumn)")).toEqual({ kind: "year", start: "2021-01-01", end: "2021-12-31", qualified: true });
  });
  it.each(["unknown", "by March 2025", "to May 2024 (cumulative)", "2023/25", "2021-13", "2021-02-30", "2023-2021", "AY2019-20"])("%s is not a date", (label) => {
    expect(parsePeriod(label)).toBeUndefined();
  });
  it("finds the middle of a range", () => {
    expect(periodMidpoint("2022-01-01", "2022-12-31")).toBe("2022-07-02");
  });
});

describe("periodProblem: a date label must give real dates; a label in words is kept undated", () => {
  it.each([
    ["2021-02-30", "is not a period: 2021-02-30 is not a real date"],
    ["2021-02-30 (provisional)", "is not a period: 2021-02-30 is not a real date"],
    ["2021-13", "is not a period: 2021-13 is not a real month"],
    ["Q5 2024/2025", "is not a period: quarters are Q1 to Q4 of a financial year (Q1 2025/2026 is April to June 2025)"],
    ["Q1 2025", "is not a period: quarters are written Q1 to Q4 and a financial year, e.g. Q1 2025/2026"],
    ["2024/26", "is not a period: the second year of a financial year must follow the first (2024/25 or 2024/2025)"],
    ["2021-10/2021-02", "is not a period: its end comes before its start"],
    ["2023-2021", "is not a period: its last year must come after its first, and each financial year's second year must follow its first"],
    ["mid-22", expect.stringMatching(/^looks like a date but is not one of the period forms \(2022, 2022\/23, /)],
  ])("%s is refused: %s", (label, rule) => {
    expect(isDateLabel(label)).toBe(true);
    expect(periodProblem(label)).toEqual(rule);
  });
  it.each(["unknown", "by March 2025", "by 2024/25", "to May 2024 (cumulative)", "not stated (reported October 2025)", "AY2019-20", "AY2017-18/AY2019-20"])("%s is a label in words: allowed, undated", (label) => {
    expect(isDateLabel(label)).toBe(false);
    expect(periodProblem(label)).toBeUndefined();
    expect(parsePeriod(label)).toBeUndefined();
  });
  it.each(["2022", "2021 (autumn)", "2021/22 (9 months)", "Q4 2024/2025", "mid-2022", "2021-02/2021-10", "2020-01-01/2020-03-31"])("%s is a date label with real dates", (label) => {
    expect(periodProblem(label)).toBeUndefined();
    expect(parsePeriod(label)).toBeDefined();
  });
});

describe("formatPeriod", () => {
  it.each([
    ["2021-11-01", "1 November 2021"],
    ["2021-02", "February 2021"],
    ["2025-07-01/2025-09-30", "1 July to 30 September 2025"],
    ["2021-04-01/2024-09-30", "1 April 2021 to 30 September 2024"],
    ["2021-02/2021-10", "February to October 2021"],
    ["2023-11/2024-02", "November 2023 to February 2024"],
    ["2022/23", "2022/23"],
    ["Q1 2025/2026", "Q1 2025/2026"],
    ["mid-2022", "mid-2022"],
  ])("%s reads as %s", (label, text) => {
    expect(formatPeriod(label)).toBe(text);
  });
});
