import { describe, expect, it } from "vitest";
import { areaDocument, asSearchPage, indicatorDocument, isSearchedPage, searchDocuments, topicDocument, type SearchIndicator } from "../../src/lib/search.ts";
import { matchRank, rankResults } from "../../src/lib/searchRank.ts";
import { areaDirectory, areasAz, byInitial, figuresSummary, indicatorPhrase, initialOf, type DirectoryArea } from "../../src/lib/views/az.ts";
import { fig } from "../helpers/figures.ts";

// Made-up areas and figures (never real data): a council area with an alias, its NHS Board, an ADP under two codes.
const areas: DirectoryArea[] = [
  { level: "country", code: "S92000003", name: "Scotland", aliases: [], parent_level: "", parent_code: "", council_areas: [] },
  { level: "health_board", code: "S08000029", name: "NHS Fife", aliases: ["Fife"], parent_level: "country", parent_code: "S92000003", council_areas: [] },
  { level: "council_area", code: "S12000047", name: "Fife", aliases: ["Fife Council"], parent_level: "health_board", parent_code: "S08000029", council_areas: [] },
  { level: "adp", code: "S11000014", name: "Fife ADP", aliases: [], parent_level: "health_board", parent_code: "S08000029", council_areas: ["S12000047"] },
  { level: "adp", code: "adp-fife", name: "Fife Alcohol and Drug Partnership", aliases: [], parent_level: "health_board", parent_code: "S08000029", council_areas: ["S12000047"] },
];
const indicators: SearchIndicator[] = [
  { id: "deaths", title: "Drug misuse deaths, Scotland", short_title: "Drug misuse deaths (Scotland)", topic: "need", description: "Deaths from drug misuse & poisoning <registered>.", nation: "scotland" },
  { id: "waits", title: "Ongoing waits, Scotland", short_title: "Ongoing waits (Scotland)", topic: "service_provision", description: "People waiting for treatment.", nation: "scotland" },
  { id: "staff", title: "Staff in post, Scotland", short_title: "Staff in post (Scotland 2021)", topic: "workforce_size", description: "Staff.", nation: "scotland" },
];
const figures = [
  fig({ indicator_id: "deaths", geography_level: "council_area", area_code: "S12000047", area_name: "Fife Council Area", area_label: "Fife" }),
  fig({ indicator_id: "waits", geography_level: "council_area", area_code: "S12000047", area_name: "FIFE", area_label: "Fife" }),
  fig({ indicator_id: "waits", geography_level: "adp", area_code: "S11000014", area_name: "Fife ADP", area_label: "Fife ADP" }),
  fig({ indicator_id: "waits", geography_level: "adp", area_code: "adp-fife", area_name: "Fife", area_label: "Fife Alcohol and Drug Partnership" }),
  // Not shown: it does not make the indicator one the board has figures for.
  fig({ indicator_id: "staff", geography_level: "health_board", area_code: "S08000029", area_name: "NHS Fife", area_label: "NHS Fife", preferred: false }),
  fig({ indicator_id: "deaths", geography_level: "health_board", area_code: "S08000029", area_name: "NHS Fife", area_label: "NHS Fife" }),
];

describe("area directory", () => {
  const dir = areaDirectory(areas, indicators, figures);
  const byCode = new Map(dir.map((e) => [e.code, e]));

  it("lists each area with figures once, an ADP under both its codes at its official one", () => {
    expect(dir.map((e) => e.code)).toEqual(["S08000029", "S11000014", "S12000047"]);
    expect(byCode.get("S11000014")!.codes).toEqual(["S11000014", "adp-fife"]);
    expect(byCode.get("S11000014")!.figureCount).toBe(2);
  });

  it("gives every other name: aliases, the twin code's name and spellings sources published, never the name itself or its capitals", () => {
    expect(byCode.get("S12000047")!.otherNames).toEqual(["Fife Council", "Fife Council Area"]);
    expect(byCode.get("S11000014")!.otherNames).toEqual(["Fife", "Fife Alcohol and Drug Partnership"]);
    expect(byCode.get("S08000029")!.otherNames).toEqual(["Fife"]);
  });

  it("says what an area has shown figures for, in topic order, and names its parent", () => {
    expect(byCode.get("S12000047")!.indicatorIds).toEqual(["waits", "deaths"]);
    expect(byCode.get("S08000029")!.indicatorIds).toEqual(["deaths"]);
    expect(byCode.get("S12000047")!.parent).toEqual({ level: "health_board", code: "S08000029", name: "NHS Fife" });
    const ind = new Map(indicators.map((i) => [i.id, i]));
    expect(figuresSummary(byCode.get("S12000047")!, ind)).toBe("Figures for 2 indicators: ongoing waits and drug misuse deaths");
    expect(figuresSummary(byCode.get("S12000047")!, ind, 1)).toBe("Figures for 2 indicators: ongoing waits and 1 more");
  });

  it("files areas A to Z by level, NHS Boards under their place", () => {
    const az = areasAz(dir);
    expect(az.map((g) => [g.level, g.count])).toEqual([["health_board", 1], ["adp", 1], ["council_area", 1]]);
    expect(az[0]!.letters.map((l) => l.letter)).toEqual(["F"]);
  });
});

describe("A to Z helpers", () => {
  it("groups by initial letter in order, and files accented letters, digits and others", () => {
    expect(byInitial(["beta", "Alpha", "apple", "Énna", "2024 survey", "(x)"], (s) => s).map((l) => [l.letter, l.items])).toEqual([
      ["0–9", ["2024 survey"]],
      ["A", ["Alpha", "apple"]],
      ["B", ["beta"]],
      ["E", ["Énna"]],
      ["Other", ["(x)"]],
    ]);
    expect(initialOf("Ōban")).toBe("O");
  });

  it("turns a short title into a phrase for a sentence, keeping acronyms", () => {
    expect(indicatorPhrase("Drug misuse deaths (Scotland)")).toBe("drug misuse deaths");
    expect(indicatorPhrase("MAT standards counts (Scotland)")).toBe("MAT standards counts");
    expect(indicatorPhrase("ADP support teams (Scotland)")).toBe("ADP support teams");
  });
});

describe("search documents", () => {
  const dir = areaDirectory(areas, indicators, figures);
  const ind = new Map(indicators.map((i) => [i.id, i]));

  it("gives an area its name as title, codes and other names weighted, and what it has figures for as meta only", () => {
    const d = areaDocument(dir.find((e) => e.code === "S11000014")!, ind);
    expect(d.url).toBe("/areas/adps/S11000014/");
    expect(d.group).toBe("area");
    expect(d.html).toContain('<main data-pagefind-body data-pagefind-filter="group:area" data-pagefind-meta="group:area">');
    expect(d.html).toContain('<h1 data-pagefind-meta="title">Fife ADP</h1>');
    expect(d.html).toContain('<p data-pagefind-weight="6" data-pagefind-meta="codes">S11000014, adp-fife</p>');
    expect(d.html).toContain('<span data-pagefind-meta="names">Fife; Fife Alcohol and Drug Partnership</span>');
    expect(d.html).toContain('<p data-pagefind-ignore data-pagefind-meta="figures">Figures for 1 indicator: ongoing waits</p>');
    expect(d.html).toContain("Alcohol and Drug Partnership in NHS Fife.");
  });

  it("indexes an indicator's description and escapes what it quotes", () => {
    const d = indicatorDocument(indicators[0]!);
    expect(d.url).toBe("/indicators/deaths/");
    expect(d.html).toContain("Deaths from drug misuse &amp; poisoning &lt;registered&gt;.");
    expect(d.html).not.toContain("<registered>");
    expect(d.html).toContain('data-pagefind-meta="nation:Scotland"');
  });

  it("makes a topic a result in the indicators group, linking to its section", () => {
    const d = topicDocument("need", indicators);
    expect(d.url).toBe("/indicators/#topic-need");
    expect(d.group).toBe("indicator");
    expect(d.html).toContain("1 indicator: drug misuse deaths.");
  });

  it("lists areas, then indicators, then topics that have indicators", () => {
    const docs = searchDocuments(dir, indicators);
    expect(docs.map((d) => d.url)).toEqual([
      "/areas/health-boards/S08000029/",
      "/areas/adps/S11000014/",
      "/areas/council-areas/S12000047/",
      "/indicators/deaths/",
      "/indicators/waits/",
      "/indicators/staff/",
      "/indicators/#topic-workforce_size",
      "/indicators/#topic-service_provision",
      "/indicators/#topic-need",
    ]);
  });

  it("indexes the site's own pages and level maps, not the per-area, per-map and A to Z pages", () => {
    for (const p of ["", "about", "data/", "maps", "maps/council-areas", "indicators", "areas/"]) expect(isSearchedPage(p), p).toBe(true);
    for (const p of ["areas-a-z", "indicators-a-z/", "areas/council-areas/S12000047", "indicators/deaths", "maps/council-areas/deaths", "indicators/deaths/council-areas/S12000047"]) expect(isSearchedPage(p), p).toBe(false);
  });

  it("tags a built page's main element as a page", () => {
    expect(asSearchPage('<body><main id="main" class="wrap"><h1>About</h1></main><footer><main-ish></main-ish></footer>')).toBe(
      '<body><main data-pagefind-body data-pagefind-filter="group:page" data-pagefind-meta="group:page" id="main" class="wrap"><h1>About</h1></main><footer><main-ish></main-ish></footer>',
    );
  });
});

describe("result order", () => {
  it("puts an exact name first, then an exact other name or code, then names and words that start with the search", () => {
    const results = [
      { meta: { title: "Fife ADP", codes: "S11000014, adp-fife" } },
      { meta: { title: "NHS Fife", names: "Fife", codes: "S08000029" } },
      { meta: { title: "Fife", codes: "S12000047" } },
      { meta: { title: "Dunfermline" } },
    ];
    expect(rankResults("fife", results).map((r) => r.meta.title)).toEqual(["Fife", "NHS Fife", "Fife ADP", "Dunfermline"]);
    expect(matchRank("S12000047", results[2]!.meta)).toBe(1);
    expect(matchRank("adp-fife", results[0]!.meta)).toBe(1);
    expect(matchRank("lothian", { title: "West Lothian ADP" })).toBe(3);
    expect(matchRank("", { title: "x" })).toBe(4);
  });
});
