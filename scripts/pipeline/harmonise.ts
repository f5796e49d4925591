import type { AreaRow } from "../../src/schemas/reference.ts";
import { displayPath } from "./paths.ts";
import type { ProblemList } from "./problems.ts";
import type { Reference } from "./reference.ts";
import type { SourceFigure, ValidSources } from "./validate.ts";

/** A figure whose area, dataset and source are all known. */
export interface HarmonisedFigure extends SourceFigure {
  area: AreaRow;
  /** The breakdown's one name (breakdown_taxonomy.csv), or the published label for types the taxonomy does not list. */
  breakdown_canonical: string;
  breakdown_group: string;
}

/**
 * Reduces an area name to a comparable form: case, spacing, "&" and the prefixes and suffixes
 * publishers add ("NHS ", " ADP") are ignored, so "NHS Ayrshire & Arran" matches "Ayrshire and Arran".
 */
export function normaliseAreaName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^nhs /, "")
    .replace(/ adp$/, "");
}

/** True when a published name is the area's name or one of its aliases. */
export function nameMatches(area: AreaRow, published: string): boolean {
  const n = normaliseAreaName(published);
  return normaliseAreaName(area.name) === n || area.aliases.some((a) => normaliseAreaName(a) === n);
}

/** Stage 3, harmonise: codes against the reference tables; names against codes; sources and datasets known. */
export function harmonise(valid: ValidSources, ref: Reference, problems: ProblemList): HarmonisedFigure[] {
  for (const s of valid.sources.values()) {
    if (!ref.sourceTypes.has(s.row.source_id))
      problems.add({
        file: s.file,
        line: s.line,
        column: "source_id",
        value: s.row.source_id,
        rule: `has no row in ${displayPath(`${ref.dir}/source_types.csv`)} saying whether it is a primary or secondary source`,
      });
  }
  const out: HarmonisedFigure[] = [];
  for (const f of valid.figures) {
    const at = { file: f.file, line: f.line };
    const source = valid.sources.get(f.source_id);
    if (!source || source.folder !== f.folder) {
      problems.add({ ...at, column: "source_id", value: f.source_id, rule: `is not in ${f.folder ? `${f.folder}/` : ""}sources.csv` });
      continue;
    }
    if (!ref.datasets.has(f.dataset_id)) {
      problems.add({ ...at, column: "dataset_id", value: f.dataset_id, rule: `is not in ${displayPath(`${ref.dir}/datasets.csv`)}` });
      continue;
    }
    const area = ref.areaByKey.get(`${f.geography_level}|${f.area_code}`)?.row;
    if (!area) {
      const levels = ref.levelsByCode.get(f.area_code);
      if (levels)
        problems.add({ ...at, column: "geography_level", value: f.geography_level, rule: `contradicts area code ${f.area_code}, which is a ${levels.join(" or ")}` });
      else problems.add({ ...at, column: "area_code", value: f.area_code, rule: `is not a known ${f.geography_level} code (${displayPath(`${ref.dir}/areas.csv`)})` });
      continue;
    }
    if (!nameMatches(area, f.area_name)) {
      problems.add({ ...at, column: "area_name", value: f.area_name, rule: `contradicts area code ${f.area_code} (${area.name})` });
      continue;
    }
    const labels = ref.taxonomy.get(f.breakdown_type);
    const mapped = labels?.get(f.breakdown_value)?.row;
    if (labels && !mapped) {
      problems.add({
        ...at,
        column: "breakdown_value",
        value: f.breakdown_value,
        rule: `is not in ${displayPath(`${ref.dir}/breakdown_taxonomy.csv`)}: give every ${f.breakdown_type} label one canonical name and group there`,
      });
      continue;
    }
    const h = f as HarmonisedFigure;
    h.area = area;
    h.breakdown_canonical = mapped?.canonical_value ?? f.breakdown_value;
    h.breakdown_group = mapped?.group ?? "";
    out.push(h);
  }
  return out;
}
