/**
 * Stage 3, harmonise: the figures joined against the reference tables. Each join runs on the distinct keys (arquero
 * joins of a small table of distinct values with the reference table), and its result is spread back to the rows by
 * their keys:
 * - the source of each (folder, source_id) in that folder's sources.csv, and its type (primary or secondary);
 * - each dataset_id in datasets.csv;
 * - each (geography_level, area_code) in areas.csv, and the published area name against the area's names;
 * - each (breakdown_type, breakdown_value) in the taxonomy: its canonical label and group.
 * A row that fails a join is reported (the first join it fails, in that order) and left out.
 */
import type { AreaRow } from "../../src/schemas/reference.ts";
import { leadingDate } from "./check.ts";
import { DictColumn, dictOf, distinct, keptRows, sameKeys, tableOf, takeRows, type Table } from "./frame.ts";
import { displayPath } from "./paths.ts";
import type { ProblemList } from "./problems.ts";
import type { Reference } from "./reference.ts";
import type { SourceEntry, ValidSources } from "./validate.ts";

export interface Harmonised {
  /**
   * The valid figures that pass every join, with what the joins add: `area_label` (the area's name in areas.csv),
   * `breakdown_canonical` and `breakdown_group` (the taxonomy's label and group; the published label and no group for
   * a type it does not list), `source_type` and `source_date` (the leading date of the source's published_date).
   */
  figures: Table;
  sources: Map<string, SourceEntry>;
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

/** A column of the joined table as an array indexed by the distinct key (the join keeps one row per key). */
function byKey<T>(joined: Table, column: string, size: number, fallback: T): T[] {
  const out = new Array<T>(size).fill(fallback);
  const keys = joined.array("key") as ArrayLike<number>;
  const values = joined.array(column) as ArrayLike<T | undefined>;
  for (let i = 0; i < keys.length; i++) if (values[i] !== undefined) out[keys[i]!] = values[i]!;
  return out;
}

/** Stage 3, harmonise: codes against the reference tables; names against codes; sources and datasets known. */
export function harmonise(valid: ValidSources, ref: Reference, problems: ProblemList): Harmonised {
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
  const t = valid.figures;
  const n = t.numRows();

  // Sources: each (folder, source_id) against the catalogues.
  const catalogue = tableOf(
    [...valid.sources.values()].map((s) => ({ folder: s.folder, source_id: s.row.source_id, published_date: s.row.published_date, source_type: ref.sourceTypes.get(s.row.source_id)?.row.source_type ?? "secondary" })),
    ["folder", "source_id", "published_date", "source_type"],
  );
  const src = distinct(t, ["folder", "source_id"]);
  const srcJoined = src.table.join_left(catalogue, sameKeys("folder", "source_id"));
  const sourceKnown = byKey(srcJoined, "published_date", src.key.size, undefined as string | undefined);
  const sourceType = byKey(srcJoined, "source_type", src.key.size, "secondary");

  // Datasets.
  const ds = distinct(t, ["dataset_id"]);
  const dsJoined = ds.table.join_left(tableOf([...ref.datasets.keys()].map((dataset_id) => ({ dataset_id, known: true })), ["dataset_id", "known"]), "dataset_id");
  const datasetKnown = byKey(dsJoined, "known", ds.key.size, false);

  // Areas: each (level, code) in areas.csv, then each (level, code, name) against the area's names.
  const areas = tableOf(ref.areas.map((a, i) => ({ geography_level: a.row.level, area_code: a.row.code, area: i })), ["geography_level", "area_code", "area"]);
  const place = distinct(t, ["geography_level", "area_code"]);
  const areaOf = byKey(place.table.join_left(areas, sameKeys("geography_level", "area_code")), "area", place.key.size, -1);
  const named = distinct(t, ["geography_level", "area_code", "area_name"]);
  const nameOk = new Array<boolean>(named.key.size).fill(false);
  {
    const levels = named.table.array("geography_level") as string[];
    const codes = named.table.array("area_code") as string[];
    const names = named.table.array("area_name") as string[];
    for (let k = 0; k < named.key.size; k++) {
      const area = ref.areaByKey.get(`${levels[k]}|${codes[k]}`)?.row;
      nameOk[k] = area !== undefined && nameMatches(area, names[k]!);
    }
  }

  // Breakdowns: each (type, value) in the taxonomy.
  const taxonomy = tableOf(
    [...ref.taxonomy.values()].flatMap((byValue) => [...byValue.values()].map(({ row }) => ({ breakdown_type: row.breakdown_type, breakdown_value: row.published_value, canonical: row.canonical_value, group: row.group }))),
    ["breakdown_type", "breakdown_value", "canonical", "group"],
  );
  const bd = distinct(t, ["breakdown_type", "breakdown_value"]);
  const bdJoined = bd.table.join_left(taxonomy, sameKeys("breakdown_type", "breakdown_value"));
  const canonicalOf = byKey(bdJoined, "canonical", bd.key.size, undefined as string | undefined);
  const groupOf = byKey(bdJoined, "group", bd.key.size, "");
  const bdTypes = bd.table.array("breakdown_type") as string[];
  const bdValues = bd.table.array("breakdown_value") as string[];
  const mapped = canonicalOf.map((c, k) => c !== undefined || !ref.taxonomy.has(bdTypes[k]!));
  const canonical = canonicalOf.map((c, k) => c ?? bdValues[k]!);

  // Every row: the first join it fails is its problem.
  const file = dictOf(t, "file");
  const line = t.array("line") as Int32Array;
  const col = (name: string) => dictOf(t, name);
  const keep = new Uint8Array(n).fill(1);
  for (let r = 0; r < n; r++) {
    const at = { file: file.at(r), line: line[r]! };
    if (sourceKnown[src.key.keys[r]!] === undefined) {
      const folder = col("folder").at(r);
      problems.add({ ...at, column: "source_id", value: col("source_id").at(r), rule: `is not in ${folder ? `${folder}/` : ""}sources.csv` });
    } else if (!datasetKnown[ds.key.keys[r]!]) {
      problems.add({ ...at, column: "dataset_id", value: col("dataset_id").at(r), rule: `is not in ${displayPath(`${ref.dir}/datasets.csv`)}` });
    } else if (areaOf[place.key.keys[r]!]! < 0) {
      const code = col("area_code").at(r);
      const level = col("geography_level").at(r);
      const levels = ref.levelsByCode.get(code);
      if (levels) problems.add({ ...at, column: "geography_level", value: level, rule: `contradicts area code ${code}, which is a ${levels.join(" or ")}` });
      else problems.add({ ...at, column: "area_code", value: code, rule: `is not a known ${level} code (${displayPath(`${ref.dir}/areas.csv`)})` });
    } else if (!nameOk[named.key.keys[r]!]) {
      const area = ref.areas[areaOf[place.key.keys[r]!]!]!.row;
      problems.add({ ...at, column: "area_name", value: col("area_name").at(r), rule: `contradicts area code ${area.code} (${area.name})` });
    } else if (!mapped[bd.key.keys[r]!]) {
      problems.add({
        ...at,
        column: "breakdown_value",
        value: col("breakdown_value").at(r),
        rule: `is not in ${displayPath(`${ref.dir}/breakdown_taxonomy.csv`)}: give every ${col("breakdown_type").at(r)} label one canonical name and group there`,
      });
    } else continue;
    keep[r] = 0;
  }

  const out = t.assign({
    area_label: new DictColumn(place.key.keys, areaOf.map((a) => (a < 0 ? "" : ref.areas[a]!.row.name))),
    breakdown_canonical: new DictColumn(bd.key.keys, canonical),
    breakdown_group: new DictColumn(bd.key.keys, groupOf),
    source_type: new DictColumn(src.key.keys, sourceType),
    source_date: new DictColumn(src.key.keys, sourceKnown.map((d) => leadingDate(d ?? ""))),
  } as unknown as Record<string, string[]>);
  return { figures: keep.every((k) => k === 1) ? out : takeRows(out, keptRows(keep)), sources: valid.sources };
}
