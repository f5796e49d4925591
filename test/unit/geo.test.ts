import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { geoArea } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { afterAll, describe, expect, it } from "vitest";
import {
  CENTRAL_BELT_COUNCIL_AREAS,
  centralBeltZoomCodes,
  londonZoomCodes,
  BOUNDARY_ATTRIBUTION,
  adpMembersFromRows,
  assertUnderHemisphere,
  boundariesDir,
  featuresFor,
  joinReport,
  loadBoundaries,
  missingBoundariesMessage,
  shetlandInsetCodes,
} from "../../src/lib/geo/boundaries.ts";
import type { AreaFeature, Topologies } from "../../src/lib/geo/boundaries.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/geo/", import.meta.url));
const fixtures = loadBoundaries(FIXTURES) as Topologies;
const readTopo = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as Topology;
const codes = (fs: readonly AreaFeature[]) => fs.map((f) => f.properties.code);

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe("boundariesDir", () => {
  it("uses BOUNDARIES_DIR when set, else ../shared/geo, resolved from the working folder", () => {
    expect(boundariesDir({ BOUNDARIES_DIR: "/data/geo" }, "/work/main")).toBe("/data/geo");
    expect(boundariesDir({ BOUNDARIES_DIR: "geo" }, "/work/main")).toBe("/work/main/geo");
    expect(boundariesDir({}, "/work/main")).toBe("/work/shared/geo");
    expect(boundariesDir({ BOUNDARIES_DIR: "" }, "/work/main")).toBe("/work/shared/geo");
  });
});

describe("loadBoundaries", () => {
  it("reads both fixture topologies", () => {
    expect(fixtures.scotland.type).toBe("Topology");
    expect(Object.keys(fixtures.england.objects).sort()).toEqual(["outline", "regions", "utlas"]);
  });

  it("returns undefined, without throwing, when the folder or a file is missing", () => {
    expect(loadBoundaries(path.join(tmpdir(), "no-such-boundaries-folder-6d1f"))).toBeUndefined();
    const half = mkdtempSync(path.join(tmpdir(), "geo-half-"));
    temps.push(half);
    writeFileSync(path.join(half, "scotland.topo.json"), readFileSync(path.join(FIXTURES, "scotland.topo.json")));
    expect(loadBoundaries(half)).toBeUndefined();
    expect(missingBoundariesMessage(half)).toContain("BOUNDARIES_DIR");
    expect(missingBoundariesMessage(half)).toContain(half);
  });

  it("throws naming the file when a file exists but is broken", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "geo-bad-"));
    temps.push(dir);
    writeFileSync(path.join(dir, "scotland.topo.json"), readFileSync(path.join(FIXTURES, "scotland.topo.json")));
    writeFileSync(path.join(dir, "england.topo.json"), "{ not json");
    expect(() => loadBoundaries(dir)).toThrow(/england\.topo\.json: not valid JSON/);
    writeFileSync(path.join(dir, "england.topo.json"), JSON.stringify({ type: "Topology", objects: { regions: {} }, arcs: [] }));
    expect(() => loadBoundaries(dir)).toThrow(/england\.topo\.json: has no object "utlas"/);
  });
});

describe("featuresFor (fixtures)", () => {
  it.each([
    ["council_area", ["X01000001", "X01000002", "X01000003", "X01000004", "X01000005"]],
    ["health_board", ["X02000001", "X02000002", "X02000003"]],
    ["region", ["X12000001", "X12000002"]],
    ["utla", ["X06000001", "X06000002"]],
    ["country", ["X92000001", "X92000002"]],
  ] as const)("%s gives one feature per area, with code and name", (level, expected) => {
    const fs = featuresFor(level, fixtures);
    expect(codes(fs)).toEqual(expected);
    for (const f of fs) {
      expect(f.type).toBe("Feature");
      expect(f.id).toBe(f.properties.code);
      expect(f.properties.name).not.toBe("");
      expect(["Polygon", "MultiPolygon"]).toContain(f.geometry.type);
    }
  });

  it("keeps only the codes asked for", () => {
    expect(codes(featuresFor("utla", fixtures, new Map(), ["X06000002", "X99999999"]))).toEqual(["X06000002"]);
  });

  it("keeps a council area's islet (MultiPolygon)", () => {
    const se = featuresFor("council_area", fixtures).find((f) => f.properties.code === "X01000004");
    expect(se?.geometry.type).toBe("MultiPolygon");
    expect(se?.geometry.coordinates).toHaveLength(2);
  });
});

describe("ADPs merged from council areas", () => {
  const members = adpMembersFromRows([
    { adp_code: "adp-north", council_area_code: "X01000001" },
    { adp_code: "adp-north", council_area_code: "X01000002" },
    { adp_code: "adp-north", council_area_code: "X01000002" }, // a repeated row is harmless
    { adp_code: "adp-far-isles", council_area_code: "X01000005" },
    { adp_code: "X11000001", council_area_code: "X01000001" },
    { adp_code: "X11000099", council_area_code: "X01009999" },
  ]);

  it("groups lookup rows by ADP code", () => {
    expect(members.get("adp-north")).toEqual(["X01000001", "X01000002"]);
  });

  it("dissolves two adjacent council areas into one ring covering both", () => {
    const [north] = featuresFor("adp", fixtures, members, ["adp-north"]);
    const parts = featuresFor("council_area", fixtures).filter((f) => ["X01000001", "X01000002"].includes(f.properties.code));
    expect(north?.properties).toEqual({ code: "adp-north", name: "Northwest and Northeast ADP" });
    // One polygon with one ring: the shared border between the two squares is gone.
    expect(north?.geometry.type).toBe("MultiPolygon");
    expect(north?.geometry.coordinates).toHaveLength(1);
    expect(north?.geometry.coordinates[0]).toHaveLength(1);
    expect(geoArea(north as AreaFeature)).toBeCloseTo(parts.reduce((a, f) => a + geoArea(f), 0), 12);
    // Its ring runs round the outside of both squares (geoBounds would add the great-circle bulge).
    const ring = (north?.geometry as GeoJSON.MultiPolygon).coordinates[0]?.[0] ?? [];
    const xs = ring.map((p) => p[0] as number);
    const ys = ring.map((p) => p[1] as number);
    expect([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]).toEqual([-4, 57, -2, 58]);
    const segments = ring.slice(1).map((p, i) => `${ring[i]?.join(",")} ${p.join(",")}`);
    expect(segments).not.toContain("-3,57 -3,58");
    expect(segments).not.toContain("-3,58 -3,57");
  });

  it("can draw either code convention, but not both on one map", () => {
    expect(codes(featuresFor("adp", fixtures, members, ["X11000001", "adp-far-isles"]))).toEqual(["X11000001", "adp-far-isles"]);
    expect(() => featuresFor("adp", fixtures, members, ["adp-north", "X11000001"])).toThrow(
      /ADPs adp-north and X11000001 both include council area X01000001/,
    );
  });

  it("throws naming the ADP and the council area when a member has no boundary", () => {
    expect(() => featuresFor("adp", fixtures, members, ["X11000099"])).toThrow(/ADP X11000099 includes council area X01009999, which has no boundary/);
    expect(() => featuresFor("adp", fixtures, members, ["adp-unknown"])).toThrow(/ADP adp-unknown has no council areas/);
  });

  it("names the Shetland inset codes: council area, board and Shetland-only ADPs", () => {
    const m = adpMembersFromRows([
      { adp_code: "adp-shetland", council_area_code: "S12000027" },
      { adp_code: "S11000026", council_area_code: "S12000027" },
      { adp_code: "adp-orkney", council_area_code: "S12000023" },
      { adp_code: "adp-isles", council_area_code: "S12000023" },
      { adp_code: "adp-isles", council_area_code: "S12000027" },
    ]);
    expect(shetlandInsetCodes(m)).toEqual(["S12000027", "S08000026", "adp-shetland", "S11000026"]);
  });

  it("names the Central Belt panel codes: its council areas and the ADPs made only of them", () => {
    const m = adpMembersFromRows([
      { adp_code: "adp-glasgow-city", council_area_code: "S12000049" },
      { adp_code: "S11000015", council_area_code: "S12000049" },
      { adp_code: "adp-mid-and-east-lothian", council_area_code: "S12000019" },
      { adp_code: "adp-mid-and-east-lothian", council_area_code: "S12000010" },
      // Reaches outside the Central Belt (Stirling): large enough for the main map.
      { adp_code: "adp-clackmannanshire-and-stirling", council_area_code: "S12000005" },
      { adp_code: "adp-clackmannanshire-and-stirling", council_area_code: "S12000030" },
      { adp_code: "adp-highland", council_area_code: "S12000017" },
    ]);
    const zoom = centralBeltZoomCodes(m);
    expect(zoom.slice(0, CENTRAL_BELT_COUNCIL_AREAS.length)).toEqual([...CENTRAL_BELT_COUNCIL_AREAS]);
    expect(zoom.slice(CENTRAL_BELT_COUNCIL_AREAS.length)).toEqual(["S11000015", "adp-glasgow-city", "adp-mid-and-east-lothian"]);
    expect(CENTRAL_BELT_COUNCIL_AREAS).toContain("S12000049"); // Glasgow City
    expect(CENTRAL_BELT_COUNCIL_AREAS).not.toContain("S12000029"); // South Lanarkshire: large enough
    expect(centralBeltZoomCodes()).toEqual([...CENTRAL_BELT_COUNCIL_AREAS]);
  });

  it("names the London panel codes: the boroughs and the City (E09)", () => {
    expect(londonZoomCodes(["E09000033", "E06000053", "E09000001", "E10000002"])).toEqual(["E09000001", "E09000033"]);
  });
});

describe("hemisphere check", () => {
  it("passes every fixture feature", () => {
    for (const level of ["council_area", "health_board", "region", "utla", "country"] as const) {
      expect(() => assertUnderHemisphere(featuresFor(level, fixtures))).not.toThrow();
    }
  });

  it("catches a ring wound anticlockwise, naming the feature", () => {
    const bad = { scotland: readTopo("wrong-winding.topo.json"), england: fixtures.england };
    expect(() => featuresFor("council_area", bad)).toThrow(/feature X01000009 \(Anticlockwise\) covers 12\.57 steradians, more than a hemisphere/);
  });

  it("catches the same square once its ring is reversed in GeoJSON", () => {
    const [good] = featuresFor("utla", fixtures) as [AreaFeature];
    const ring = (good.geometry as GeoJSON.Polygon).coordinates[0] as GeoJSON.Position[];
    const reversed: AreaFeature = { ...good, geometry: { type: "Polygon", coordinates: [[...ring].reverse()] } };
    expect(() => assertUnderHemisphere([good])).not.toThrow();
    expect(() => assertUnderHemisphere([good, reversed])).toThrow(/X06000001/);
  });
});

describe("joinReport", () => {
  it.each<[string, string[], string[], string[], string[]]>([
    ["perfect join", ["A", "B"], ["B", "A"], [], []],
    ["data with no boundary and boundaries with no data", ["C", "A", "X"], ["A", "B", "D"], ["C", "X"], ["B", "D"]],
    ["no data", [], ["A"], [], ["A"]],
    ["duplicates reported once", ["Z", "Z"], [], ["Z"], []],
  ])("%s", (_name, data, shapes, noBoundary, noData) => {
    expect(joinReport(data, shapes)).toEqual({ codesWithoutBoundary: noBoundary, boundariesWithoutData: noData });
  });
});

it("exports the short attribution from LICENCE-AND-SOURCES.md", () => {
  expect(BOUNDARY_ATTRIBUTION).toBe("Boundaries: ONS, OGL v3.0. Contains OS data © Crown copyright and database right 2024.");
});

// The real ONS boundaries live outside the repository. These tests run where they are present.
const realDir = boundariesDir();
const real = loadBoundaries(realDir);
if (!real) console.warn(`geo.test.ts: skipping real-boundary tests: ${missingBoundariesMessage(realDir)}`);

describe.skipIf(!real)(`real boundaries in ${realDir}`, () => {
  const topo = real as Topologies;
  const csv = readFileSync(fileURLToPath(new URL("../../data/reference/adp_council_areas.csv", import.meta.url)), "utf8");
  const rows = csv.trim().split(/\r?\n/).slice(1).map((line) => {
    const [adp_code = "", council_area_code = ""] = line.split(",");
    return { adp_code, council_area_code };
  });
  const members = adpMembersFromRows(rows);
  const slugs = [...members.keys()].filter((c) => c.startsWith("adp-"));
  const phs = [...members.keys()].filter((c) => !c.startsWith("adp-"));

  it.each([
    ["council_area", 32],
    ["health_board", 14],
    ["region", 9],
    ["utla", 153],
    ["country", 2],
  ] as const)("%s has %i features, all under a hemisphere, with unique codes", (level, n) => {
    const fs = featuresFor(level, topo);
    expect(fs).toHaveLength(n);
    expect(new Set(codes(fs)).size).toBe(n);
  });

  it("merges every ADP of both conventions, and the slugs match the published ADP shapes", () => {
    expect(slugs).toHaveLength(30);
    expect(phs).toHaveLength(31);
    const bySlug = featuresFor("adp", topo, members, slugs);
    featuresFor("adp", topo, members, phs);
    // Cross-check only: the adps layer is not used to draw, but its areas must agree with the merge.
    const layer = topo.scotland.objects["adps"] as GeometryCollection;
    const published = new Map(layer.geometries.map((g) => [(g.properties as { code: string }).code, geoArea(feature(topo.scotland, g))]));
    expect(joinReport(codes(bySlug), published.keys())).toEqual({ codesWithoutBoundary: [], boundariesWithoutData: [] });
    for (const f of bySlug) expect(geoArea(f), f.properties.code).toBeCloseTo(published.get(f.properties.code) as number, 9);
  });

  it("has a Shetland council area and health board for the inset", () => {
    const inset = new Set(shetlandInsetCodes(members));
    expect(featuresFor("council_area", topo).filter((f) => inset.has(f.properties.code))).toHaveLength(1);
    expect(featuresFor("health_board", topo).filter((f) => inset.has(f.properties.code))).toHaveLength(1);
    expect(featuresFor("adp", topo, members, slugs).filter((f) => inset.has(f.properties.code))).toHaveLength(1);
    expect(featuresFor("adp", topo, members, phs).filter((f) => inset.has(f.properties.code))).toHaveLength(1);
  });

  it("has a boundary for every Central Belt council area, and ADPs of both conventions made only of them", () => {
    const councils = new Set(codes(featuresFor("council_area", topo)));
    for (const c of CENTRAL_BELT_COUNCIL_AREAS) expect(councils.has(c), c).toBe(true);
    const zoom = new Set(centralBeltZoomCodes(members));
    expect(featuresFor("adp", topo, members, slugs).filter((f) => zoom.has(f.properties.code)).length).toBeGreaterThanOrEqual(10);
    expect(featuresFor("adp", topo, members, phs).filter((f) => zoom.has(f.properties.code)).length).toBeGreaterThanOrEqual(10);
    expect(londonZoomCodes(codes(featuresFor("utla", topo)))).toHaveLength(33);
  });

  it("reads the files from BOUNDARIES_DIR, never from the repository", () => {
    expect(existsSync(fileURLToPath(new URL("../../data/reference/scotland.topo.json", import.meta.url)))).toBe(false);
  });
});
