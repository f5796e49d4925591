import { describe, expect, it } from "vitest";
import {
  DARK,
  DEFAULT_CLASSES,
  MAX_CLASSES,
  WHITE,
  classBreaks,
  classCountFor,
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

describe("classCountFor", () => {
  // About three areas a class, at most five: [areas with a figure, classes].
  it.each<[number, number]>([
    [0, 0],
    [1, 1],
    [3, 1],
    [4, 2],
    [6, 2],
    [7, 3],
    [9, 3], // England's regions
    [12, 4],
    [13, 5],
    [14, 5], // Scotland's health boards
    [32, 5], // council areas
    [153, 5], // England's upper-tier authorities
  ])("%i areas → %i classes", (n, k) => {
    expect(classCountFor(n)).toBe(k);
  });
  it("never gives more than asked", () => {
    expect(classCountFor(32, 3)).toBe(3);
    expect(classCountFor(32, 6)).toBe(6);
  });
});

describe("classBreaks: edge cases", () => {
  // [case, values, precision, expected thresholds, expected [lower, upper] per class]
  it.each<[string, (number | null)[], number, number[], [number, number][]]>([
    ["all missing: no classes", [null, null, Number.NaN], 1, [], []],
    ["no values at all", [], 1, [], []],
    ["a single value", [8.8], 1, [], [[8.8, 8.8]]],
    ["all values equal", [5, 5, 5, 5], 1, [], [[5, 5]]],
    ["three areas: one class", [1, 2, 3], 0, [], [[1, 3]]],
    ["two distinct values among five areas: two classes", [5, 10, 5, 10, 10], 1, [10], [[5, 10], [10, 10]]],
    ["four areas: two classes of two", [4, 1, 3, 2], 0, [3], [[1, 3], [3, 4]]],
    ["nine areas: tertiles split 3/3/3", [1, 2, 3, 4, 5, 6, 7, 8, 9], 0, [4, 7], [[1, 4], [4, 7], [7, 9]]],
    ["missing values are ignored", [null, 1, 2, null, 3, 4, 5, 6, 7], 0, [3, 5], [[1, 3], [3, 5], [5, 7]]],
    ["negative values", [-9, -8, -7, -6, -5, -4], 0, [-6], [[-9, -6], [-6, -4]]],
    ["values crossing zero", [-3, -2, -1, 0, 1, 2, 3, 4, 5], 0, [0, 3], [[-3, 0], [0, 3], [3, 5]]],
    ["ties do not swallow classes", [1, 1, 1, 1, 1, 1, 2, 3, 4], 0, [2, 3], [[1, 2], [2, 3], [3, 4]]],
    ["ties at the top leave fewer classes", [1, 2, 3, 9, 9, 9, 9, 9, 9], 0, [9], [[1, 9], [9, 9]]],
    ["fifteen areas: quintiles split 3/3/3/3/3", [15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0, [4, 7, 10, 13], [[1, 4], [4, 7], [7, 10], [10, 13], [13, 15]]],
    ["values equal once rounded count as one", [5.01, 5.04, 4.96], 1, [], [[5, 5]]],
    ["breaks rounded to the display precision", [8.04, 9.31, 10.66, 12.49, 13.02, 15.55, 18.1], 1, [10.7, 13], [[8, 10.7], [10.7, 13], [13, 18.1]]],
  ])("%s", (_name, values, precision, thresholds, ranges) => {
    const b = assertConsistent(values, precision);
    expect(b.thresholds).toEqual(thresholds);
    expect(b.classes.map((c) => [c.lower, c.upper])).toEqual(ranges);
    expect(b.classes.map((c) => c.upperInclusive)).toEqual(ranges.map((_, i) => i === ranges.length - 1));
  });

  // The age-standardised drug misuse death rates of Scotland's 31 council areas with a figure,
  // 2019-2023 (National Records of Scotland), as published. With three classes Glasgow City's 44.6
  // shared a class with 25.6; with five it shares one only with the other five highest.
  const drugDeathRates = [
    8.3, 10.8, 10.9, 11.5, 13.6, 15.2, 15.5, 16.4, 16.4, 16.5, 16.5, 17.6, 18.3, 18.8, 20.2, 20.9, 22.3, 22.4, 22.9, 23.7, 23.7,
    25.6, 26, 26.2, 27.5, 31.4, 32.4, 32.8, 37.6, 40.2, 44.6,
  ];
  it("puts Scotland's council areas in five classes, the highest holding only the highest rates", () => {
    const b = assertConsistent(drugDeathRates, 1);
    expect(b.classes).toHaveLength(5);
    expect(classOf(44.6, b)).toBe(4);
    expect(classOf(25.6, b)).toBeLessThan(4);
    expect(b.classes.map((c) => c.count)).toEqual([6, 6, 6, 6, 7]);
    // R-7 quantiles of the 31 rates at 0.2, 0.4, 0.6 and 0.8 fall exactly on the 7th, 13th, 19th and 25th values.
    expect(b.thresholds).toEqual([15.5, 18.3, 22.9, 27.5]);
  });

  it("makes five classes by default, never more than MAX_CLASSES, nor more than asked", () => {
    const many = Array.from({ length: 100 }, (_, i) => i * 1.37);
    expect(classBreaks(many, { precision: 1 }).classes).toHaveLength(DEFAULT_CLASSES);
    expect(classBreaks(many, { precision: 1, maxClasses: 2 }).classes).toHaveLength(2);
    expect(classBreaks(many, { precision: 1, maxClasses: 6 }).classes).toHaveLength(6);
    expect(classBreaks(many, { precision: 1, maxClasses: 20 }).classes).toHaveLength(MAX_CLASSES);
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
  const b = classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9], { precision: 0 }); // thresholds 4 and 7
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

  it("gives k distinct fills, lightest first, for every number of classes", () => {
    expect(fillsFor(0)).toEqual([]);
    for (let k = 1; k <= MAX_CLASSES; k++) {
      const fills = fillsFor(k);
      expect(fills).toHaveLength(k);
      expect(new Set(fills).size).toBe(k);
      for (let i = 1; i < k; i++) expect(relativeLuminance(fills[i - 1] as string)).toBeGreaterThan(relativeLuminance(fills[i] as string));
    }
    expect(() => fillsFor(MAX_CLASSES + 1)).toThrow(/number of classes/);
  });

  // The lightest class must not read as "empty": white background, and the white-based hatch of
  // "no published figure". YlGnBu's near-white first step (1.03:1 against white) is never used.
  it("keeps the lightest fill visibly tinted against white for every number of classes", () => {
    for (let k = 1; k <= MAX_CLASSES; k++) {
      const lightest = fillsFor(k)[0] as string;
      expect(contrastRatio(lightest, WHITE), `${k} classes: ${lightest}`).toBeGreaterThanOrEqual(1.3);
    }
  });

  // Borders: near-black on light fills, white on the dark ones. Either way the border is at least 3:1
  // against the fill it surrounds, so two neighbours in the same class stay apart.
  it("draws area borders visible (at least 3:1) against every fill and against white", () => {
    for (let k = 1; k <= MAX_CLASSES; k++) {
      for (const fill of fillsFor(k)) expect(contrastRatio(strokeFor(fill), fill), fill).toBeGreaterThanOrEqual(3);
    }
    expect(strokeFor("#ffffff")).toBe(DARK);
    expect(strokeFor(fillsFor(5)[4] as string)).toBe(WHITE);
    for (const c of classBreaks([1, 2, 3, 4, 5, 6], { precision: 0 }).classes) expect(c.stroke).toBe(strokeFor(c.fill));
  });
});
