import { describe, expect, it } from "vitest";
import { decimalsIn, formatCell, formatFigure, shownDecimals } from "../../src/lib/format.ts";

describe("shownDecimals(valueText, precision)", () => {
  it.each([
    ["8", 1, 0],
    ["8.8", 1, 1],
    ["94.0", 1, 1],
    ["52.2739696075216", 1, 1],
    ["1725.0", 0, 0],
  ])("%s at precision %i shows %i decimals", (text, precision, expected) => {
    expect(shownDecimals(text, precision)).toBe(expected);
  });
  it("counts decimals as written", () => {
    expect(decimalsIn("12.50")).toBe(2);
  });
});

describe("formatFigure", () => {
  const base = { status: "published", marker: "", qualifier: "" };
  it("adds thousands separators and the unit", () => {
    expect(formatFigure({ ...base, value: 1572.8, value_text: "1572.8", unit: "wte" }, 1)).toBe("1,572.8 WTE");
    expect(formatFigure({ ...base, value: 106.8, value_text: "106.8", unit: "gbp_million" }, 2)).toBe("£106.8 million");
    expect(formatFigure({ ...base, value: 8.8, value_text: "8.8", unit: "percent" }, 1)).toBe("8.8%");
  });
  it("keeps the published precision and rounds stored extra decimals", () => {
    expect(formatFigure({ ...base, value: 52.2739696075216, value_text: "52.2739696075216", unit: "percent" }, 1)).toBe("52.3%");
    expect(formatFigure({ ...base, value: 94, value_text: "94.0", unit: "percent" }, 1)).toBe("94.0%");
  });
  it("shows derived figures at the indicator's precision", () => {
    expect(formatFigure({ ...base, status: "derived", value: 50, value_text: "50", unit: "percent" }, 1)).toBe("50.0%");
    expect(formatCell({ ...base, status: "derived", value: 36.71, value_text: "36.71", unit: "percent" }, 1)).toBe("36.7");
  });
  it("puts the published qualifier before the number", () => {
    expect(formatFigure({ ...base, qualifier: "more than", value: 1200, value_text: "1200", unit: "count" }, 0)).toBe("more than 1,200");
  });
  it("shows the GSS marker when there is no number", () => {
    expect(formatFigure({ ...base, status: "suppressed", marker: "[c]", value: null, value_text: "", unit: "count" }, 0)).toBe("[c]");
    expect(formatCell({ ...base, status: "not_available", marker: "[x]", value: null, value_text: "", unit: "percent" }, 0)).toBe("[x]");
  });
});
