/**
 * Map boundaries for the site build: read once from BOUNDARIES_DIR (default ../shared/geo), never from the
 * repository. When the folder is missing the build carries on without maps and warns once.
 */
import { adpMembersFromRows, boundariesDir, featuresFor, loadBoundaries, missingBoundariesMessage, type AreaFeature, type GeoLevel, type Topologies } from "../lib/geo/boundaries.ts";
import { loadSite } from "./site.ts";

let loaded: { topologies: Topologies | undefined; members: Map<string, string[]> } | undefined;
const featureCache = new Map<string, AreaFeature[]>();

function state() {
  if (loaded) return loaded;
  const dir = boundariesDir();
  const topologies = loadBoundaries(dir);
  if (!topologies) console.warn(`warning: ${missingBoundariesMessage(dir)}`);
  const members = adpMembersFromRows(loadSite().registry.areas.flatMap((a) => (a.level === "adp" ? a.council_areas.map((c) => ({ adp_code: a.code, council_area_code: c })) : [])));
  loaded = { topologies, members };
  return loaded;
}

export function boundariesAvailable(): boolean {
  return state().topologies !== undefined;
}

export function adpMembers(): Map<string, string[]> {
  return state().members;
}

/**
 * The features of a level. ADPs come in two conventions (Scottish Government slugs, Public Health Scotland codes);
 * the one drawn is the one the figures use. The same array is returned for the same level and convention,
 * so map geometry is computed once per build.
 */
export function levelFeatures(level: GeoLevel, dataCodes: string[]): AreaFeature[] | undefined {
  const { topologies, members } = state();
  if (!topologies) return undefined;
  const slugs = level === "adp" && dataCodes.some((c) => c.startsWith("adp-"));
  const key = `${level}|${level === "adp" ? (slugs ? "slugs" : "phs") : ""}`;
  let features = featureCache.get(key);
  if (!features) {
    const codes = level === "adp" ? [...members.keys()].filter((c) => c.startsWith("adp-") === slugs).sort() : undefined;
    features = featuresFor(level, topologies, members, codes);
    featureCache.set(key, features);
  }
  return features;
}
