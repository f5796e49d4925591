/** The page models: which figure leads, what it is set beside, and what the page says about it (hand-made figures). */
import { describe, expect, it } from "vitest";
import type { Figure } from "../../src/schemas/figure.ts";
import { changeText, headlineAt, headlineValueText, type HeadlineRule } from "../../src/lib/views/headline.ts";
import { indicatorPage, rateBase, type IndicatorLike, type PageContext } from "../../src/lib/views/indicatorPage.ts";
import { homePage, trendNote } from "../../src/lib/views/homePage.ts";
import { adpCodes, profileTopics, shownIndex, type AreaRef } from "../../src/lib/views/profile.ts";
import { fig } from "../helpers/figures.ts";

const rule = (over: Partial<HeadlineRule>): HeadlineRule => ({
  series: 1,
  kind: "total",
  measure: "staff_wte",
  breakdown_type: "total",
  breakdown_value: "all",
  upper_measure: "",
  upper_breakdown_type: "",
  upper_breakdown_value: "",
  label: "staff",
  break_reason: "",
  ...over,
});
const wte = (over: Partial<Figure>) => fig({ measure: "staff_wte", unit: "wte", breakdown_type: "total", breakdown_value: "all", breakdown_label: "all", ...over });
const noContext: PageContext = { figureById: new Map(), groupOrder: [], derivations: [], shownInArea: () => [] };

describe("headlineAt", () => {
  it("leads with the latest figure of the last series, not a sub-group or an older year", () => {
    const rules = [rule({ breakdown_type: "workforce_group", breakdown_value: "all (2022 definition)", label: "old total" }), rule({ series: 2, breakdown_type: "workforce_group", breakdown_value: "all (2024 definition)", label: "new total", break_reason: "Coverage changed." })];
    const figures = [
      wte({ period: "2022", value: 184, breakdown_type: "workforce_group", breakdown_value: "LERO" }),
      wte({ period: "2022", value: 11851, breakdown_type: "workforce_group", breakdown_value: "all (2022 definition)" }),
      wte({ period: "2024", value: 14121, breakdown_type: "workforce_group", breakdown_value: "all (2024 definition)" }),
    ];
    const h = headlineAt(rules, figures, "wte")!;
    expect(h.figure.value).toBe(14121);
    expect(h.label).toBe("new total");
    // Two series with a break between them: no change is computed across the break.
    expect(h.change).toBeUndefined();
    expect(h.breaks).toHaveLength(1);
    expect(h.breaks[0]!.reason).toBe("Coverage changed.");
  });

  it("gives both ends of a range", () => {
    const rules = [rule({ kind: "range", measure: "lower", upper_measure: "upper", upper_breakdown_type: "total", upper_breakdown_value: "all" })];
    const h = headlineAt(rules, [wte({ measure: "lower", value: 3288, value_text: "3288", period: "2021-11-01" }), wte({ measure: "upper", value: 3768, value_text: "3768", period: "2021-11-01" })], "wte")!;
    expect(h.figure.value).toBe(3288);
    expect(h.upper?.value).toBe(3768);
    expect(headlineValueText(h, 0)).toBe("3,288 to 3,768 WTE");
    expect(h.single).toBe(true);
  });

  it("leads with the latest figure that has a number, and computes the change since the previous one of the same kind of period", () => {
    const rules = [rule({ measure: "turnover_rate", breakdown_type: "workforce_group", breakdown_value: "delivery" })];
    const t = (period: string, value: number | null) => fig({ measure: "turnover_rate", unit: "percent", breakdown_type: "workforce_group", breakdown_value: "delivery", period, value, value_text: value === null ? "" : String(value), status: value === null ? "not_available" : "published" });
    const h = headlineAt(rules, [t("2022", null), t("2023", 25), t("2024", 19), t("2024/25", 30), t("2025", null)], "percent")!;
    // 2025 has no number; 2024/25 is a financial year, so the calendar-year change is 2023 → 2024.
    expect(h.figure.period).toBe("2024/25");
    expect(h.change).toBeUndefined();
    const h2 = headlineAt(rules, [t("2022", null), t("2023", 25), t("2024", 19), t("2025", null)], "percent")!;
    expect(h2.figure.period).toBe("2024");
    expect(h2.change?.from.period).toBe("2023");
    expect(h2.change?.difference).toBe(-6);
    expect(changeText(h2.change!, "percent", 0)).toEqual({ summary: "Down 6 percentage points since 2023", arithmetic: "25% in 2023 → 19% in 2024: 19 − 25 = −6 percentage points" });
  });

  it("shows a count's change in its unit and as a percentage of the earlier figure", () => {
    const d = (period: string, value: number) => fig({ period, value, value_text: String(value) });
    const h = headlineAt([rule({ measure: "deaths", breakdown_type: "sex", breakdown_value: "Persons" })], [d("2023", 1172), d("2024", 1017)], "count")!;
    expect(changeText(h.change!, "count", 0)).toEqual({ summary: "Down 155 since 2023", arithmetic: "1,172 in 2023 → 1,017 in 2024: 1,017 − 1,172 = −155 (−13.2%)" });
  });

  it("returns nothing when no figure matches the rule here", () => {
    expect(headlineAt([rule({})], [wte({ measure: "other" })], "wte")).toBeUndefined();
  });
});

describe("indicatorPage", () => {
  const ind: IndicatorLike = { id: "vac", unit: "percent", nation: "scotland", precision: 1, measures: [{ measure: "vacancy_rate", role: "value", label: "Vacancy rate" }], headline_rules: [rule({ measure: "vacancy_rate" })] };
  const rate = (label: string, group: string, value: number, over: Partial<Figure> = {}) =>
    fig({ measure: "vacancy_rate", unit: "percent", period: "2021-11-01", breakdown_type: "role", breakdown_value: label, breakdown_label: label, breakdown_group: group, value, value_text: String(value), ...over });

  it("leads with the national total and sorts role bars by value within their groups, in the taxonomy's group order", () => {
    const figures = [rate("all", "", 8.8, { breakdown_type: "total", breakdown_value: "all", breakdown_label: "all" }), rate("Band 6", "Nursing", 9), rate("GPs", "Medical", 1.2), rate("Band 5", "Nursing", 15.7), rate("Locum", "Medical", 22.9)];
    const page = indicatorPage(ind, figures, { ...noContext, groupOrder: ["Medical", "Nursing"] });
    expect(page.lead?.figure.value).toBe(8.8);
    expect(page.breakdowns).toHaveLength(1);
    expect(page.breakdowns[0]!.bars.map((b) => b.label)).toEqual(["Locum", "GPs", "Band 5", "Band 6"]);
    expect(page.breakdowns[0]!.grouped).toBe(true);
  });

  it("shows the posts behind a derived rate and flags a rate resting on very few posts", () => {
    const vacancies = wte({ figure_id: "f-000000000000000a", measure: "vacancies", value: 3, breakdown_type: "role", breakdown_value: "Advocacy", breakdown_label: "Advocacy" });
    const staff = wte({ figure_id: "f-000000000000000b", measure: "staff", value: 1, breakdown_type: "role", breakdown_value: "Advocacy", breakdown_label: "Advocacy" });
    const derived = rate("Advocacy", "Non-clinical", 75, { status: "derived", derived_from: [vacancies.figure_id, staff.figure_id] });
    const ctx: PageContext = { ...noContext, figureById: new Map([vacancies, staff].map((f) => [f.figure_id, f])), derivations: [{ kind: "percent_of_sum", dataset_id: "d", measure_a: "vacancies", measure_b: "staff", output_measure: "vacancy_rate", formula: "" }] };
    expect(rateBase(derived, ctx)).toEqual({ part: 3, whole: 4, unit: "wte" });
    const page = indicatorPage(ind, [rate("all", "", 8.8, { breakdown_type: "total", breakdown_value: "all", breakdown_label: "all" }), derived, rate("Other", "Non-clinical", 5)], ctx);
    const bar = page.breakdowns[0]!.bars.find((b) => b.label === "Advocacy")!;
    expect(bar.base).toBe("3.0 of 4.0 WTE");
    expect(bar.smallBase).toBe(true);
  });

  it("puts a recorded conflict's reason beside the bar it concerns", () => {
    const shown = rate("Consultant psychologists", "Psychology", 18.18, { status: "derived" });
    const setAside = rate("Consultant psychologists", "Psychology", 22.7, { preferred: false, preferred_figure_id: shown.figure_id, not_preferred_reason: "The text probably mislabelled the role." });
    const page = indicatorPage(ind, [rate("all", "", 8.8, { breakdown_type: "total", breakdown_value: "all", breakdown_label: "all" }), shown, setAside, rate("Clinical", "Psychology", 17.4)], noContext);
    const g = page.breakdowns[0]!;
    expect(g.footnotes).toEqual(["The text probably mislabelled the role."]);
    expect(g.bars.find((b) => b.figure === shown)!.notes).toEqual([1]);
  });
});

describe("homePage", () => {
  const ind = { id: "wte", short_title: "Workforce", unit: "wte" as const, nation: "england" as const, precision: 0, measures: [], headline_rules: [rule({})] };
  it("puts cards with no published figure in a list with their reasons", () => {
    const figures = [wte({ indicator_id: "wte", area_code: "E92000001", period: "2024", value: 14121 })];
    const [scotland, england] = homePage(
      [
        { nation: "england", order: 1, label: "Workforce", indicator_id: "wte", missing_reason: "" },
        { nation: "scotland", order: 1, label: "Turnover", indicator_id: "", missing_reason: "Not published." },
      ],
      new Map([["wte", ind]]),
      shownIndex(figures),
    );
    expect(england!.cards.map((c) => c.headline.figure.value)).toEqual([14121]);
    expect(scotland!.cards).toEqual([]);
    expect(scotland!.missing).toEqual([{ label: "Turnover", reason: "Not published." }]);
  });

  it("says a single snapshot has no trend, and says nothing when there is a change", () => {
    const one = headlineAt([rule({})], [wte({ period: "2021-11-01", value: 1572.8 })], "wte")!;
    expect(trendNote(one, true)).toBe("One-off snapshot, 1 November 2021: no trend published");
    expect(trendNote(one, false)).toBe("Snapshot, 1 November 2021: no trend published");
    const two = headlineAt([rule({})], [wte({ period: "2023", value: 1 }), wte({ period: "2024", value: 2 })], "wte")!;
    expect(trendNote(two, false)).toBe("");
  });
});

describe("profileTopics", () => {
  const areas: AreaRef[] = [
    { level: "country", code: "S92000003", name: "Scotland", parent_level: "", parent_code: "" },
    { level: "health_board", code: "S08000019", name: "NHS Forth Valley", parent_level: "country", parent_code: "S92000003" },
    { level: "council_area", code: "S12000030", name: "Stirling", parent_level: "health_board", parent_code: "S08000019" },
    { level: "adp", code: "S11000029", name: "Stirling ADP", parent_level: "health_board", parent_code: "S08000019" },
    { level: "adp", code: "adp-stirling", name: "Stirling ADP", parent_level: "health_board", parent_code: "S08000019" },
  ];
  const byKey = new Map(areas.map((a) => [`${a.level}|${a.code}`, a]));
  const deaths = { id: "i", topic: "need" as const, unit: "count" as const, nation: "scotland" as const, precision: 0, measures: [], headline_rules: [rule({ measure: "deaths", breakdown_type: "sex", breakdown_value: "Persons" })] };
  const at = (level: Figure["geography_level"], code: string, period: string, value: number, measure = "deaths") => fig({ indicator_id: "i", geography_level: level, area_code: code, period, value, measure });

  it("sets the area's latest figure beside its parent's and country's for the same period only, and says when the country is later", () => {
    const figures = [at("council_area", "S12000030", "2021", 5), at("council_area", "S12000030", "2022", 7), at("health_board", "S08000019", "2022", 20), at("country", "S92000003", "2021", 100), at("country", "S92000003", "2024", 90)];
    const [topic] = profileTopics(areas[2]!, ["S12000030"], byKey, [deaths], shownIndex(figures));
    const row = topic!.rows[0]!;
    expect(row.headline.figure.value).toBe(7);
    expect(row.parent?.figure?.value).toBe(20);
    // Scotland has 2021 and 2024 but not 2022: no figure from another period is set beside it, but the later one is named.
    expect(row.country?.figure).toBeUndefined();
    expect(row.country?.later?.period).toBe("2024");
  });

  it("leads with the indicator's headline measure, never another measure of the indicator", () => {
    const figures = [at("council_area", "S12000030", "2023", 3, "deaths_under_25"), at("council_area", "S12000030", "2022", 7)];
    expect(profileTopics(areas[2]!, ["S12000030"], byKey, [deaths], shownIndex(figures))[0]!.rows[0]!.headline.figure.measure).toBe("deaths");
  });

  it("gathers an ADP's figures from both of its codes", () => {
    const figures = [at("adp", "S11000029", "2022", 4), at("adp", "adp-stirling", "2023", 6)];
    expect(profileTopics(areas[3]!, ["S11000029", "adp-stirling"], byKey, [deaths], shownIndex(figures))[0]!.rows[0]!.headline.figure.value).toBe(6);
  });
});

describe("adpCodes", () => {
  it("treats ADPs made of the same council areas as one partnership, led by the Public Health Scotland code", () => {
    const codes = adpCodes([
      { code: "adp-fife", council_areas: ["S12000047"] },
      { code: "S11000014", council_areas: ["S12000047"] },
      { code: "adp-clackmannanshire-and-stirling", council_areas: ["S12000005", "S12000030"] },
      { code: "S11000005", council_areas: ["S12000005"] },
    ]);
    expect(codes.get("adp-fife")).toEqual(["S11000014", "adp-fife"]);
    expect(codes.get("S11000014")).toEqual(["S11000014", "adp-fife"]);
    expect(codes.get("S11000005")).toEqual(["S11000005"]);
    expect(codes.get("adp-clackmannanshire-and-stirling")).toEqual(["adp-clackmannanshire-and-stirling"]);
  });
});

import { compareAreas, similarAreas, similarityBasis, similarityFormula, type ComparableIndicator } from "../../src/lib/views/compareAreas.ts";
describe("similar areas and area comparison", () => {
  const pop: ComparableIndicator = { id: "pop", title: "Population", short_title: "Population", unit: "count", precision: 0, headline_rules: [rule({ measure: "population", breakdown_type: "sex", breakdown_value: "Persons" })] };
  const rate: ComparableIndicator = { id: "rate", title: "Death rate", short_title: "Death rate", unit: "rate_per_100000", precision: 1, headline_rules: [rule({ measure: "rate", breakdown_type: "sex", breakdown_value: "Persons" })] };
  const at = (ind: string, code: string, period: string, value: number, measure = ind === "pop" ? "population" : "rate") => fig({ indicator_id: ind, geography_level: "council_area", area_code: code, period, value, value_text: String(value), measure });
  // Made-up areas: A and B are alike (similar size and rate); C is large; D has a high rate; E has no rate.
  const figures = [
    at("pop", "A", "mid-2022", 100000), at("pop", "B", "mid-2022", 110000), at("pop", "C", "mid-2022", 600000), at("pop", "D", "mid-2022", 105000), at("pop", "E", "mid-2022", 90000),
    at("rate", "A", "2019-2023", 20), at("rate", "B", "2019-2023", 21), at("rate", "C", "2019-2023", 22), at("rate", "D", "2019-2023", 45),
    at("rate", "A", "2018-2022", 19),
  ];
  const shown = shownIndex(figures);
  const indicators = new Map([pop, rate].map((i) => [i.id, i]));
  const basis = similarityBasis(["A", "B", "C", "D", "E"], "council_area", [{ indicator_id: "pop", scale: "log" }, { indicator_id: "rate", scale: "linear" }], indicators, shown)!;

  it("uses, for each measure, the period most areas have, and leaves out areas missing a measure", () => {
    expect(basis.measures.map((m) => m.period)).toEqual(["mid-2022", "2019-2023"]);
    expect([...basis.values.keys()].sort()).toEqual(["A", "B", "C", "D"]);
    expect(similarAreas(basis, "E")).toEqual([]);
  });

  it("lists the nearest areas by the standardised distance, nearest first", () => {
    const near = similarAreas(basis, "A", 3);
    expect(near.map((s) => s.code)).toEqual(["B", "C", "D"]);
    expect(near[0]!.distance).toBeLessThan(near[1]!.distance);
    // The distance is symmetric and zero only for identical figures.
    expect(similarAreas(basis, "B", 3)[0]).toEqual({ code: "A", distance: near[0]!.distance });
    expect(similarityFormula(basis, (id) => indicators.get(id)!.title)).toMatch(/natural logarithm of Population \(mid-2022\) and Death rate \(2019-2023\).*4 areas/);
  });

  it("sets chosen areas side by side in one period only, with the nation as benchmark", () => {
    const national = fig({ indicator_id: "rate", area_code: "S92000003", period: "2019-2023", value: 23.6, measure: "rate" });
    const rows = compareAreas("council_area", ["A", "D", "E"], [rate], shownIndex([...figures, national]), "S92000003");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.period).toBe("2019-2023");
    // E has no figure for 2019-2023: shown as none, never A's or another period's.
    expect(rows[0]!.cells.map((c) => c?.value ?? null)).toEqual([20, 45, null]);
    expect(rows[0]!.benchmark?.value).toBe(23.6);
  });
});
