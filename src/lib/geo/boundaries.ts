import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { geoArea } from "d3-geo";
import { feature, merge } from "topojson-client";
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from "topojson-specification";

/** Short attribution for map footers (from ../shared/geo/LICENCE-AND-SOURCES.md). The page shows it. */
export const BOUNDARY_ATTRIBUTION =
  "Boundaries: ONS, OGL v3.0. Contains OS data © Crown copyright and database right 2024.";

export const BOUNDARY_FILES = { scotland: "scotland.topo.json", england: "england.topo.json" } as const;

export type GeoLevel = "country" | "health_board" | "council_area" | "adp" | "region" | "utla";

export interface AreaProperties {
  code: string;
  name: string;
}
export type AreaFeature = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, AreaProperties>;

export interface Topologies {
  scotland: Topology;
  england: Topology;
}

/** ADP code → its council area codes (both the adp-… slugs and the S11/S12 codes may appear). */
export type AdpMembers = ReadonlyMap<string, readonly string[]>;

/** BOUNDARIES_DIR, or ../shared/geo beside the repository, as an absolute path. */
export function boundariesDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const dir = env["BOUNDARIES_DIR"];
  return path.resolve(cwd, dir !== undefined && dir !== "" ? dir : "../shared/geo");
}

/** The warning to print once when loadBoundaries returns undefined. */
export function missingBoundariesMessage(dir: string): string {
  return (
    `Boundary files not found in ${dir} (set BOUNDARIES_DIR to the folder holding ` +
    `${BOUNDARY_FILES.scotland} and ${BOUNDARY_FILES.england}); maps are replaced by their tables.`
  );
}

/**
 * Reads both topologies. A missing folder or file is normal on a fresh machine, so it returns
 * undefined rather than throwing; a file that exists but is not a usable topology is a real error.
 */
export function loadBoundaries(dir: string): Topologies | undefined {
  const files = { scotland: path.join(dir, BOUNDARY_FILES.scotland), england: path.join(dir, BOUNDARY_FILES.england) };
  if (!existsSync(files.scotland) || !existsSync(files.england)) return undefined;
  const read = (file: string, layers: readonly string[]): Topology => {
    let t: unknown;
    try {
      t = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
    }
    const topo = t as Partial<Topology>;
    if (topo.type !== "Topology" || typeof topo.objects !== "object" || topo.objects === null) {
      throw new Error(`${file}: not a TopoJSON Topology`);
    }
    for (const layer of layers) {
      if (!(layer in topo.objects)) throw new Error(`${file}: has no object "${layer}"`);
    }
    return topo as Topology;
  };
  return {
    scotland: read(files.scotland, ["council_areas", "health_boards", "outline"]),
    england: read(files.england, ["regions", "utlas", "outline"]),
  };
}

/** Turns "S12000033,adp-x" style lookup rows into ADP code → member council codes (in row order). */
export function adpMembersFromRows(rows: readonly { adp_code: string; council_area_code: string }[]): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const r of rows) {
    const list = members.get(r.adp_code) ?? [];
    if (!list.includes(r.council_area_code)) list.push(r.council_area_code);
    members.set(r.adp_code, list);
  }
  return members;
}

export const SHETLAND_COUNCIL_AREA = "S12000027";
export const SHETLAND_HEALTH_BOARD = "S08000026";

/**
 * Codes that Scottish maps draw in the Shetland inset (the convention, so the mainland can be drawn
 * larger): the council area, its health board, and every ADP made of Shetland alone, whichever
 * code convention it uses.
 */
export function shetlandInsetCodes(adpMembers: AdpMembers = new Map()): string[] {
  const adps = [...adpMembers]
    .filter(([, members]) => members.length > 0 && members.every((m) => m === SHETLAND_COUNCIL_AREA))
    .map(([code]) => code);
  return [SHETLAND_COUNCIL_AREA, SHETLAND_HEALTH_BOARD, ...adps];
}

/**
 * The council areas drawn enlarged in the Central Belt panel of Scottish maps: those under about 1,000
 * square pixels on a 600 px wide map of Scotland (Glasgow City is 29 × 24 px there, Dundee City 24 × 8 px),
 * all in the Clyde and Forth valleys except Dundee on the Tay, which the panel takes in (with Fife between)
 * rather than leave unreadable. Aberdeen City, the only other small one, is 28 × 26 px and stays on the main map.
 */
export const CENTRAL_BELT_COUNCIL_AREAS: readonly string[] = [
  "S12000005", // Clackmannanshire
  "S12000010", // East Lothian
  "S12000011", // East Renfrewshire
  "S12000014", // Falkirk
  "S12000018", // Inverclyde
  "S12000019", // Midlothian
  "S12000036", // City of Edinburgh
  "S12000038", // Renfrewshire
  "S12000039", // West Dunbartonshire
  "S12000040", // West Lothian
  "S12000042", // Dundee City
  "S12000045", // East Dunbartonshire
  "S12000049", // Glasgow City
  "S12000050", // North Lanarkshire
];

/** Names the Central Belt panel. */
export const CENTRAL_BELT_LABEL = "Central Belt and Dundee";

/**
 * Codes drawn in the Central Belt panel: its council areas, and every ADP made only of them, whichever code
 * convention it uses (an ADP reaching outside, such as Clackmannanshire and Stirling, is large enough for
 * the main map). Health boards are all large enough; none is listed.
 */
export function centralBeltZoomCodes(adpMembers: AdpMembers = new Map()): string[] {
  const inBelt = new Set(CENTRAL_BELT_COUNCIL_AREAS);
  const adps = [...adpMembers]
    .filter(([, members]) => members.length > 0 && members.every((m) => inBelt.has(m)))
    .map(([code]) => code)
    .sort();
  return [...CENTRAL_BELT_COUNCIL_AREAS, ...adps];
}

/** Names the London panel of England's upper-tier authority maps. */
export const LONDON_LABEL = "London";

/** The London boroughs and the City of London (codes E09…), drawn enlarged in the London panel. */
export function londonZoomCodes(codes: Iterable<string>): string[] {
  return [...codes].filter((c) => c.startsWith("E09")).sort();
}

type AreaGeometry = (Polygon | MultiPolygon) & { properties?: Record<string, unknown> };

function layer(topology: Topology, name: string): AreaGeometry[] {
  const o = topology.objects[name] as GeometryCollection | undefined;
  if (!o || o.type !== "GeometryCollection") throw new Error(`boundaries: the topology has no layer "${name}"`);
  return o.geometries.filter((g: GeometryObject): g is AreaGeometry => g.type === "Polygon" || g.type === "MultiPolygon");
}

function codeOf(g: AreaGeometry): string {
  const code = g.properties?.["code"] ?? g.id;
  if (typeof code !== "string" || code === "") throw new Error("boundaries: a boundary has no code property");
  return code;
}

function toFeature(topology: Topology, g: AreaGeometry): AreaFeature {
  const f = feature(topology, g) as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
  const code = codeOf(g);
  const name = g.properties?.["name"];
  return { type: "Feature", id: code, properties: { code, name: typeof name === "string" ? name : code }, geometry: f.geometry };
}

function layerFeatures(topology: Topology, name: string): AreaFeature[] {
  return layer(topology, name).map((g) => toFeature(topology, g));
}

/**
 * ADP shapes, merged from their council areas so that either code convention can be drawn. Throws
 * when a member has no boundary, or when two requested ADPs share a council area (two conventions
 * mixed on one map would draw overlapping areas).
 */
export function adpFeatures(scotland: Topology, adpMembers: AdpMembers, codes?: readonly string[]): AreaFeature[] {
  const councils = new Map(layer(scotland, "council_areas").map((g) => [codeOf(g), g] as const));
  const wanted = codes ?? [...adpMembers.keys()];
  const owner = new Map<string, string>();
  return wanted.map((code) => {
    const members = adpMembers.get(code);
    if (!members || members.length === 0) throw new Error(`boundaries: ADP ${code} has no council areas in the ADP lookup`);
    const geoms = members.map((m) => {
      const g = councils.get(m);
      if (!g) throw new Error(`boundaries: ADP ${code} includes council area ${m}, which has no boundary`);
      const other = owner.get(m);
      if (other !== undefined) {
        throw new Error(`boundaries: ADPs ${other} and ${code} both include council area ${m}; draw one code convention per map`);
      }
      owner.set(m, code);
      return g;
    });
    const names = geoms.map((g) => g.properties?.["name"]).filter((n): n is string => typeof n === "string");
    return {
      type: "Feature",
      id: code,
      properties: { code, name: `${names.join(" and ")} ADP` },
      geometry: merge(scotland, geoms),
    };
  });
}

/**
 * GeoJSON features for one geography level, each checked to cover less than a hemisphere.
 * For "adp", `codes` picks which ADP codes to draw (default: every code in adpMembers); for other
 * levels it keeps only those codes. Features come in the layer's order.
 */
export function featuresFor(
  level: GeoLevel,
  topologies: Topologies,
  adpMembers: AdpMembers = new Map(),
  codes?: readonly string[],
): AreaFeature[] {
  let features: AreaFeature[];
  switch (level) {
    case "country":
      features = [...layerFeatures(topologies.scotland, "outline"), ...layerFeatures(topologies.england, "outline")];
      break;
    case "health_board":
      features = layerFeatures(topologies.scotland, "health_boards");
      break;
    case "council_area":
      features = layerFeatures(topologies.scotland, "council_areas");
      break;
    case "adp":
      features = adpFeatures(topologies.scotland, adpMembers, codes);
      break;
    case "region":
      features = layerFeatures(topologies.england, "regions");
      break;
    case "utla":
      features = layerFeatures(topologies.england, "utlas");
      break;
    default: {
      const never: never = level;
      throw new Error(`boundaries: unknown geography level ${String(never)}`);
    }
  }
  if (codes && level !== "adp") {
    const keep = new Set(codes);
    features = features.filter((f) => keep.has(f.properties.code));
  }
  assertUnderHemisphere(features);
  return features;
}

const underHemisphere = new WeakSet<AreaFeature>();

/**
 * d3-geo takes exterior rings clockwise; a ring wound the other way means "everything except this
 * shape", which fills the globe and makes a fitted projection collapse. Throws naming the feature.
 */
export function assertUnderHemisphere(features: readonly AreaFeature[]): void {
  for (const f of features) {
    // Each feature is measured once: every map of a level draws the same feature objects.
    if (underHemisphere.has(f)) continue;
    const area = geoArea(f);
    if (!(area < 2 * Math.PI)) {
      throw new Error(
        `boundaries: feature ${f.properties.code} (${f.properties.name}) covers ${area.toFixed(2)} steradians, ` +
          `more than a hemisphere (2π ≈ 6.28): its exterior ring is probably wound anticlockwise; ` +
          `d3-geo needs exterior rings clockwise in longitude/latitude`,
      );
    }
    underHemisphere.add(f);
  }
}

export interface JoinReport {
  /** Codes in the data with no boundary to draw them on (sorted). */
  codesWithoutBoundary: string[];
  /** Boundaries drawn with no figure (sorted); they show as "no published figure". */
  boundariesWithoutData: string[];
}

export function joinReport(dataCodes: Iterable<string>, featureCodes: Iterable<string>): JoinReport {
  const data = new Set(dataCodes);
  const shapes = new Set(featureCodes);
  const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    codesWithoutBoundary: sorted([...data].filter((c) => !shapes.has(c))),
    boundariesWithoutData: sorted([...shapes].filter((c) => !data.has(c))),
  };
}
