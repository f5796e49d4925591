import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture, run } from "../helpers/fixtures.ts";

// Golden test: the minimal fixture (test/fixtures/pipeline/minimal) through the whole pipeline.
// Expected files live in test/fixtures/pipeline/minimal/expected and are reviewed like code.
const EXPECTED = join(import.meta.dirname, "..", "fixtures", "pipeline", "minimal", "expected");
let f: ReturnType<typeof copyFixture>;
let rows: Record<string, string>[];

beforeAll(() => {
  f = copyFixture();
  run(f.sources, f.reference, f.out, join(f.dir, "releases"));
  rows = csvParse(readFileSync(join(f.out, "figures.csv"), "utf8"));
});
afterAll(() => f.cleanup());

const read = (p: string) => readFileSync(join(f.out, p), "utf8");

describe("pipeline golden outputs on the minimal fixture", () => {
  it.each([
    "figures.csv",
    "notes.csv",
    "areas.csv",
    "crosswalks/council_area_to_health_board.csv",
    "crosswalks/council_area_to_adp_sg.csv",
    "indicators/test-vacancy-rate.csv",
    "api/index.json",
    "api/indicators/test-vacancy-rate.json",
    "api/areas/council_area/S12000005.json",
    "site/registry.json",
    "schemas/figures.schema.json",
    "schemas/indicator.schema.json",
    "datapackage.json",
  ])("%s matches its reviewed golden file", async (file) => {
    await expect(read(file)).toMatchFileSnapshot(join(EXPECTED, file));
  });

  it("keeps every source row with its value, status and source", () => {
    const published = rows.filter((r) => r.status !== "derived");
    expect(published).toHaveLength(16);
    const suppressed = rows.filter((r) => r.status === "suppressed");
    expect(suppressed.map((r) => [r.value, r.marker])).toEqual([
      ["", "[c]"],
      ["", "[c]"],
    ]);
  });

  it("shows the revised figure and marks it [r]; the earlier one points to it", () => {
    const placements = rows.filter((r) => r.measure === "placements");
    const shown = placements.find((r) => r.preferred === "true")!;
    const old = placements.find((r) => r.preferred === "false")!;
    expect(shown.value).toBe("479");
    expect(shown.marker).toBe("[r]");
    expect(old.preferred_figure_id).toBe(shown.figure_id);
  });

  it("keeps both citations of a corroborated figure and shows the primary source", () => {
    const rates = rows.filter((r) => r.measure === "vacancy_rate" && r.geography_level === "country");
    expect(rates).toHaveLength(2);
    const shown = rates.find((r) => r.preferred === "true")!;
    const sourceType = new Map(csvParse(read("sources.csv")).map((s) => [s.source_id!, s.source_type]));
    expect(sourceType.get(shown.source_id!)).toBe("primary");
    expect(shown.corroborated_by).toBe(rates.find((r) => r.preferred === "false")!.figure_id);
    expect(shown.qualifier).toBe("around");
  });

  it("derives only where inputs are published, with the formula and input ids", () => {
    const derived = rows.filter((r) => r.status === "derived");
    // Vacancy rate for Ayrshire (0 ÷ (40 + 0)); none for Borders (suppressed inputs) or Scotland (published already).
    const rate = derived.filter((r) => r.measure === "vacancy_rate");
    expect(rate.map((r) => [r.area_code, r.value])).toEqual([["S08000015", "0"]]);
    // Crude rates: 2022 deaths with mid-2022 population only (no 2021 population, so no 2021 rate).
    const crude = derived.filter((r) => r.measure === "deaths_crude_rate");
    expect(crude.map((r) => [r.area_code, r.period, r.value])).toEqual([
      ["S12000005", "2022", String(Math.round((12 / 51000) * 100000 * 100) / 100)],
      ["S12000030", "2022", "0"],
    ]);
    for (const d of derived) {
      expect(d.formula).not.toBe("");
      expect(d.derived_from!.split(";")).toHaveLength(2);
      for (const id of d.derived_from!.split(";")) expect(rows.some((r) => r.figure_id === id)).toBe(true);
    }
  });

  it("lists what this release added, revised and removed compared with the previous release's snapshot", () => {
    const all = csvParse(read("CHANGELOG.csv"));
    // The history also lists the snapshot's own release (3 figures added to nothing).
    expect(all.filter((c) => c.release_id === "1999-12").map((c) => c.change)).toEqual(["added", "added", "added"]);
    const changes = all.filter((c) => c.release_id === "2000-01-test");
    const of = (kind: string) => changes.filter((c) => c.change === kind);
    // 99.5 → 100.5 is revised in place (same id). 477 → 479 arrives as a new figure from a later source (a new id): it is
    // listed as revised against 477, with both values and both sources, not as an addition.
    const placements = rows.filter((r) => r.measure === "placements");
    const revisedPlacement = placements.find((r) => r.preferred === "true")!;
    expect(of("revised").map((c) => [c.old_figure_id, c.figure_id, c.old_value, c.new_value])).toEqual([
      ["f-586054d87f3d2c2c", revisedPlacement.figure_id, "477", "479"],
      ["f-ff932f30232b0404", "f-ff932f30232b0404", "99.5", "100.5"],
    ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)));
    const viaNewFigure = of("revised").find((c) => c.old_figure_id === "f-586054d87f3d2c2c")!;
    expect([viaNewFigure.old_source_id, viaNewFigure.new_source_id]).toEqual([placements.find((r) => r.value === "477")!.source_id, revisedPlacement.source_id]);
    expect(of("removed").map((c) => [c.figure_id, c.reason])).toEqual([["f-0000000000000aaa", expect.stringMatching(/needs a reason/)]]);
    // Every other figure of this release not in the snapshot is added (477 itself is still there, unchanged, set aside).
    expect(of("added")).toHaveLength(rows.length - 3);
    expect(read("CHANGELOG.md")).toContain(`Compared with release 1999-12: ${rows.length - 3} figures added, 2 revised, 1 removed.`);
    expect(read("CHANGELOG.md")).toContain(`f-586054d87f3d2c2c → ${revisedPlacement.figure_id} (test-placements): 477 (`);
  });

  it("writes a checksum for every file and a data package describing every data file", () => {
    const sums = read("SHA256SUMS").trim().split("\n").map((l) => l.split("  ")[1]);
    expect(sums).toEqual(expect.arrayContaining(["figures.csv", "figures.parquet", "notes.csv", "sources.csv", "areas.csv", "datapackage.json", "site/registry.json", "api/index.json"]));
    expect(sums).not.toContain("figures.json");
    const pkg = JSON.parse(read("datapackage.json")) as { resources: { path: string; hash: string }[] };
    const paths = pkg.resources.map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining(["figures.csv", "figures.parquet", "sources.csv", "areas.csv", "indicators.csv", "CHANGELOG.csv", ...["staff", "vacancies", "vacancy-rate", "turnover", "placements", "deaths", "death-rate", "population"].map((i) => `indicators/test-${i}.csv`)]));
    for (const r of pkg.resources) expect(r.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
