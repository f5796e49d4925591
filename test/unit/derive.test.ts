import { describe, expect, it } from "vitest";
import { FORMULAS, roundDerived } from "../../scripts/pipeline/derive.ts";

describe("derivation formulas", () => {
  it("percent_of_sum is 100 × a / (a + b)", () => {
    // 152.2 vacancies, 1572.8 in post: 100 × 152.2 / 1725 = 8.8231…
    expect(roundDerived(FORMULAS.percent_of_sum(152.2, 1572.8)!)).toBe("8.82");
  });
  it("percent_of_total is 100 × part / total", () => {
    // 577.3 ÷ 1572.8 × 100 = 36.705…
    expect(roundDerived(FORMULAS.percent_of_total(577.3, 1572.8)!)).toBe("36.71");
  });
  it("rate_per_100000 is 100000 × a / b", () => {
    // 12 ÷ 51000 × 100000 = 23.529…
    expect(roundDerived(FORMULAS.rate_per_100000(12, 51000)!)).toBe("23.53");
  });
  it("gives no figure for a zero denominator instead of zero or infinity", () => {
    expect(FORMULAS.percent_of_sum(0, 0)).toBeUndefined();
    expect(FORMULAS.percent_of_total(5, 0)).toBeUndefined();
    expect(FORMULAS.rate_per_100000(5, 0)).toBeUndefined();
  });
  it("rounds to at most 2 decimals without trailing zeros", () => {
    expect(roundDerived(12.5)).toBe("12.5");
    expect(roundDerived(1 / 3)).toBe("0.33");
    expect(roundDerived(-0.001)).toBe("0");
  });
});
