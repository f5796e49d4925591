import { describe, expect, it } from "vitest";
import {
  CLASS_FILLS,
  DARK,
  MAX_CLASSES,
  WHITE,
  classBreaks,
  classOf,
  contrastRatio,
  fillsFor,
  relativeLuminance,
  roundTo,
  strokeFor,
} from "../../src/lib/scales/classes.ts";

/** Every class of `values` must hold exactly the values classOf puts there. */
function assertConsistent(values: (number | null)[], precision: number) {
  const b = classBreaks(values, { precision });
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  for (const c of b.classes) {
    const members = present.filter((v) => classOf(v, b) === c.index);
    expect(members.length, `class ${c.index} count`).toBe(c.count);
    expect(c.count, `class ${c.index} is empty`).toBeGreaterThan(0);
    for (const v of members) {
      const shown = roundTo(v, precision);
      expect(shown).toBeGreaterThanOrEqual(c.lower);
      if (c.upperInclusive) expect(shown).toBeLessThanOrEqual(c.upper);
      else expect(shown).toBeLessThan(c.upper);
    }
  }
  expect(b.classes.reduce((n, c) => n + c.count, 0)).toBe(present.length);
  return b;
}

describe("classBreaks: edge cases", () => {
  // [case, values, precision, expected thresholds, expected [lower, upper] per class]
  it.each<[string, (number | null)[], number, number[], [number, number][]]>([
    ["all missing: no classes", [null, null, Number.NaN], 1, [], []],
    ["no values at all", [], 1, [], []],
    ["a single value", [8.8], 1, [], [[8.8, 8.8]]],
    ["all values equal", [5, 5, 5, 5], 1, [], [[5, 5]]],
    ["two distinct values: two classes", [5, 10, 5, 10, 10], 1, [10], [[5, 10], [10, 10]]],
    ["three distinct values: one class each", [1, 2, 3], 0, [2, 3], [[1, 2], [2, 3], [3, 3]]],
    ["tertiles of nine values split 3/3/3", [1, 2, 3, 4, 5, 6, 7, 8, 9], 0, [4, 7], [[1, 4], [4, 7], [7, 9]]],
    ["missing values are ignored", [null, 1, 2, null, 3], 0, [2, 3], [[1, 2], [2, 3], [3, 3]]],
    ["negative values", [-9, -8, -7, -6, -5, -4], 0, [-7, -5], [[-9, -7], [-7, -5], [-5, -4]]],
    ["values crossing zero", [-3, -2, -1, 0, 1, 2, 3, 4, 5], 0, [0, 3], [[-3, 0], [0, 3], [3, 5]]],
    ["ties do not swallow classes", [1, 1, 1, 1, 1, 1, 2, 3, 4], 0, [2, 3], [[1, 2], [2, 3], [3, 4]]],
    ["ten values split 3/4/3", [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0, [4, 8], [[1, 4], [4, 8], [8, 10]]],
    ["values equal once rounded count as one", [5.01, 5.04, 4.96], 1, [], [[5, 5]]],
    ["breaks rounded to the display precision", [8.04, 9.31, 10.66, 12.49, 13.02, 15.55, 18.1], 1, [10.7, 15.6], [[8, 10.7], [10.7, 15.6], [15.6, 18.1]]],
  ])("%s", (_name, values, precision, thresholds, ranges) => {
    const b = assertConsistent(values, precision);
    expect(b.thresholds).toEqual(thresholds);
    expect(b.classes.map((c) => [c.lower, c.upper])).toEqual(ranges);
    expect(b.classes.map((c) => c.upperInclusive)).toEqual(ranges.map((_, i) => i === ranges.length - 1));
  });

  it("never makes more than 3 classes, nor more than asked", () => {
    const many = Array.from({ length: 100 }, (_, i) => i * 1.37);
    expect(classBreaks(many, { precision: 1 }).classes).toHaveLength(MAX_CLASSES);
    expect(classBreaks(many, { precision: 1, maxClasses: 2 }).classes).toHaveLength(2);
    expect(classBreaks(many, { precision: 1, maxClasses: 7 }).classes).toHaveLength(3);
    assertConsistent(many, 1);
  });

  it("gives thresholds at the display precision", () => {
    const values = Array.from({ length: 40 }, (_, i) => Math.sin(i) * 17.123456);
    for (const precision of [0, 1, 2]) {
      const b = assertConsistent(values, precision);
      for (const t of b.thresholds) expect(roundTo(t, precision)).toBe(t);
    }
  });

  it("rejects a precision that is not a small whole number", () => {
    expect(() => classBreaks([1, 2], { precision: 1.5 })).toThrow(/precision/);
    expect(() => classBreaks([1, 2], { precision: -1 })).toThrow(/precision/);
  });
});

describe("classOf", () => {
  const b = classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9], { precision: 0 });
  it.each<[number | null | undefined, number | undefined]>([
    [null, undefined],
    [undefined, undefined],
    [Number.NaN, undefined],
    [1, 0],
    [3.6, 1], // shown as 4, so classed with 4
    [3.4, 0],
    [7, 2],
    [-100, 0],
    [100, 2],
  ])("classOf(%s) = %s", (v, expected) => {
    expect(classOf(v, b)).toBe(expected);
  });
  it("has no class when there are no classes", () => {
    expect(classOf(3, classBreaks([], { precision: 0 }))).toBeUndefined();
  });
});

describe("roundTo", () => {
  it.each([
    [1.25, 1, 1.3],
    [-1.25, 1, -1.3],
    [-0.04, 1, 0],
    [1234.5, 0, 1235],
    [1.005, 2, 1], // the double is just below 1.005, as Intl.NumberFormat also rounds it
  ])("roundTo(%f, %i) = %f", (x, p, expected) => {
    expect(roundTo(x, p)).toBe(expected);
    expect(Object.is(roundTo(x, p), -0)).toBe(false);
  });
});

describe("colours", () => {
  it.each([
    ["#ffffff", "#000000", 21],
    ["#000000", "#ffffff", 21],
    ["#777777", "#777777", 1],
    ["#767676", "#ffffff", 4.54],
  ])("contrastRatio(%s, %s) = %f", (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });

  it("rejects colours that are not #rrggbb", () => {
    expect(() => relativeLuminance("blue")).toThrow(/#rrggbb/);
  });

  it("has 3 fills, lightest first, each adjacent pair at least 3:1 apart", () => {
    expect(CLASS_FILLS).toHaveLength(3);
    for (let i = 1; i < CLASS_FILLS.length; i++) {
      const lighter = CLASS_FILLS[i - 1] as string;
      const darker = CLASS_FILLS[i] as string;
      expect(relativeLuminance(lighter)).toBeGreaterThan(relativeLuminance(darker));
      expect(contrastRatio(lighter, darker), `${lighter} / ${darker}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("uses fills that are adjacent on the map at least 3:1 apart for every number of classes", () => {
    for (const k of [1, 2, 3]) {
      const fills = fillsFor(k);
      expect(fills).toHaveLength(k);
      for (let i = 1; i < fills.length; i++) expect(contrastRatio(fills[i - 1] as string, fills[i] as string)).toBeGreaterThanOrEqual(3);
    }
  });

  // Borders: near-black on the light and middle fills, white on the darkest. Either way the border
  // is at least 3:1 against the fill it surrounds, so two neighbours in the same class stay apart.
  it("draws area borders visible (at least 3:1) against every fill and against white", () => {
    for (const fill of CLASS_FILLS) expect(contrastRatio(strokeFor(fill), fill), fill).toBeGreaterThanOrEqual(3);
    expect(strokeFor("#ffffff")).toBe(DARK);
    expect(strokeFor(CLASS_FILLS[2])).toBe(WHITE);
    for (const c of classBreaks([1, 2, 3], { precision: 0 }).classes) expect(c.stroke).toBe(strokeFor(c.fill));
  });
});
