import { describe, expect, it } from "vitest";
import { absoluteUrl, paths, periodSlug, routes, withBase } from "../../src/lib/routes.ts";
import { GEOGRAPHY_LEVELS, LEVEL_SLUG, SLUG_LEVEL, countOf } from "../../src/schemas/vocabulary.ts";

const figure = { figure_id: "f-0123456789abcdef", indicator_id: "scotland-drug-misuse-deaths", geography_level: "council_area", area_code: "S12000049" };

describe("routes", () => {
  it("builds every page address from the site root, ending in a slash", () => {
    expect(paths.home()).toBe("");
    expect(paths.indicator("england-workforce-wte")).toBe("indicators/england-workforce-wte/");
    expect(paths.indicatorArea("scotland-drug-misuse-deaths", "health_board", "S08000031")).toBe("indicators/scotland-drug-misuse-deaths/health-boards/S08000031/");
    expect(paths.area("utla", "E08000003")).toBe("areas/local-authorities/E08000003/");
    expect(paths.map("adp", "scotland-ongoing-waits")).toBe("maps/adps/scotland-ongoing-waits/");
    expect(paths.mapsAt("region")).toBe("maps/regions/");
    expect(paths.workforceNeed()).toBe("workforce-and-need/");
    expect(paths.areasAz()).toBe("areas-a-z/");
    expect(paths.indicatorsAz()).toBe("indicators-a-z/");
    expect(paths.planningPlace("health_board", "S08000022")).toBe("planning/health-boards/S08000022/");
    expect(paths.planningPlace("country", "S92000003")).toBe("planning/countries/S92000003/");
    expect(paths.planningOwn()).toBe("planning/own/");
    for (const name of ["indicators", "indicatorsAz", "areas", "areasAz", "maps", "serviceProvision", "compare", "workforceNeed", "planning", "data", "about"] as const) expect(paths[name]()).toMatch(/^[a-z-]+\/$/);
  });

  it("gives a figure's permalink as its row on the indicator page for its area", () => {
    expect(paths.figure(figure)).toBe("indicators/scotland-drug-misuse-deaths/council-areas/S12000049/#f-0123456789abcdef");
  });

  it("names files without a trailing slash", () => {
    expect(paths.indicatorCsv("england-workforce-wte")).toBe("data/indicators/england-workforce-wte.csv");
    expect(paths.indicatorXlsx("england-workforce-wte")).toBe("data/indicators/england-workforce-wte.xlsx");
    expect(paths.dataFile("/datapackage.json")).toBe("data/datapackage.json");
    expect(paths.figuresShownCsv("x")).toBe("indicators/x/figures-shown.csv");
    expect(paths.planningPlaceDownload("utla", "E08000003", "xlsx")).toBe("planning/local-authorities/E08000003/plan.xlsx");
    expect(paths.planningPlaceDownload("adp", "S11000014", "csv")).toBe("planning/adps/S11000014/plan.csv");
  });

  it("gives every period of a map its own page, named from the period label", () => {
    expect(paths.mapPeriod("council_area", "scotland-drug-misuse-death-rate", "2010-2014")).toBe("maps/council-areas/scotland-drug-misuse-death-rate/2010-2014/");
    expect(periodSlug("Q1 2025/2026")).toBe("q1-2025-2026");
    expect(periodSlug("2022/23")).toBe("2022-23");
    expect(periodSlug("mid-2022")).toBe("mid-2022");
    expect(() => periodSlug("(—)")).toThrow(/no letters or digits/);
  });

  it("refuses a geography level it has no folder for", () => {
    expect(() => paths.area("ward", "X")).toThrow(/unknown geography level "ward"/);
  });

  it("puts the base path in front, with or without its trailing slash", () => {
    expect(withBase("/", "maps/")).toBe("/maps/");
    expect(withBase("/dash", "maps/")).toBe("/dash/maps/");
    expect(withBase("/dash/", "/maps/")).toBe("/dash/maps/");
    const href = routes("/dash/");
    expect(href.home()).toBe("/dash/");
    expect(href.figure(figure)).toBe("/dash/indicators/scotland-drug-misuse-deaths/council-areas/S12000049/#f-0123456789abcdef");
    expect(Object.keys(href).sort()).toEqual(Object.keys(paths).sort());
  });

  it("makes absolute addresses from the site's address and the base path, or says it cannot", () => {
    expect(absoluteUrl("https://example.org", "/dash/", paths.indicator("x"))).toBe("https://example.org/dash/indicators/x/");
    expect(absoluteUrl(new URL("https://example.org/ignored/"), "/", paths.home())).toBe("https://example.org/");
    expect(absoluteUrl(undefined, "/", "x/")).toBeUndefined();
    expect(absoluteUrl("", "/", "x/")).toBeUndefined();
  });

  it("has a distinct folder for every geography level, and reads it back", () => {
    const slugs = GEOGRAPHY_LEVELS.map((l) => LEVEL_SLUG[l]);
    expect(new Set(slugs).size).toBe(GEOGRAPHY_LEVELS.length);
    for (const l of GEOGRAPHY_LEVELS) expect(SLUG_LEVEL[LEVEL_SLUG[l]]).toBe(l);
  });
});

describe("countOf", () => {
  it("puts the noun in the singular only for one", () => {
    expect(countOf(1, "figure")).toBe("1 figure");
    expect(countOf(0, "figure")).toBe("0 figures");
    expect(countOf(1250, "figure")).toBe("1,250 figures");
    expect(countOf(2, "country", "countries")).toBe("2 countries");
  });
});
