import { join } from "node:path";
import * as z from "zod";
import {
  AdpCouncilAreaRow,
  AreaRow,
  BreakdownTaxonomyRow,
  ComparisonRow,
  DatasetRow,
  DerivationRow,
  FigureConflictRow,
  HeadlineRow,
  HeadlineRuleRow,
  IndicatorMeasureRow,
  IndicatorRow,
  Release,
  RemovedFigureRow,
  ServiceSectionRow,
  SimilarityRow,
  SourceTypeRow,
  WorkforceNeedRow,
} from "../../src/schemas/reference.ts";
import { parsePeriod } from "../../src/lib/periods.ts";
import { normaliseKey } from "../../src/schemas/text.ts";
import { displayPath } from "./paths.ts";
import type { ProblemList } from "./problems.ts";
import { readCsvFile, readInputFile, validateRows, type Located } from "./tables.ts";

/** Everything in data/reference, validated and indexed. */
export interface Reference {
  dir: string;
  areas: Located<AreaRow>[];
  /** `${level}|${code}` → area */
  areaByKey: Map<string, Located<AreaRow>>;
  /** code → levels it exists at (one code can be a council area and an ADP, e.g. S12000050). */
  levelsByCode: Map<string, string[]>;
  adpCouncilAreas: Located<AdpCouncilAreaRow>[];
  indicators: Located<IndicatorRow>[];
  indicatorById: Map<string, Located<IndicatorRow>>;
  indicatorMeasures: Located<IndicatorMeasureRow>[];
  /** `${dataset_id}|${measure}` → its indicator measure rows (several only when they take different kinds of period). */
  measureByKey: Map<string, Located<IndicatorMeasureRow>[]>;
  datasets: Map<string, Located<DatasetRow>>;
  sourceTypes: Map<string, Located<SourceTypeRow>>;
  derivations: Located<DerivationRow>[];
  headlines: Located<HeadlineRow>[];
  /** indicator id → its headline rule rows, in series order. */
  headlineRules: Map<string, Located<HeadlineRuleRow>[]>;
  comparisons: Located<ComparisonRow>[];
  /** breakdown type → published label → its canonical label and group (types not listed keep their labels). */
  taxonomy: Map<string, Map<string, Located<BreakdownTaxonomyRow>>>;
  /** Group names in the order they first appear in the taxonomy. */
  groupOrder: string[];
  conflicts: Located<FigureConflictRow>[];
  serviceSections: Located<ServiceSectionRow>[];
  /** Figures of earlier releases that later releases removed, with the reason (removed_figures.csv). */
  removedFigures: Located<RemovedFigureRow>[];
  /** The workforce set beside need, per nation (workforce_need.csv). */
  workforceNeed: Located<WorkforceNeedRow>[];
  similarity: Located<SimilarityRow>[];
  release: Release;
}

type ObjectSchema = z.ZodObject | z.ZodPipe | z.ZodType;

/**
 * Reads and validates one reference table. `everyKey`, when given, receives the value of that column in every row,
 * refused rows included (so a row that names a refused row is not also told that what it names does not exist).
 */
function loadTable<S extends ObjectSchema>(dir: string, name: string, schema: S, problems: ProblemList, everyKey?: { column: string; into: Set<string> }): Located<z.output<S>>[] {
  const path = join(dir, name);
  const file = displayPath(path);
  const table = readCsvFile(path, dir, file, problems);
  if (!table) return [];
  const k = everyKey ? table.header.indexOf(everyKey.column) : -1;
  if (everyKey && k >= 0) for (let r = 0; r < table.rows; r++) everyKey.into.add(normaliseKey(table.dicts[k]!.values[table.codes[k]![r]!]!));
  const columns = Object.keys(shapeOf(schema));
  return validateRows(table, file, columns, schema, problems) as Located<z.output<S>>[];
}

/** The object shape behind a schema, even when wrapped in a refinement. */
function shapeOf(schema: ObjectSchema): Record<string, unknown> {
  const def = (schema as z.ZodObject).shape;
  if (def) return def;
  throw new Error("reference schema must be a zod object");
}

function indexUnique<T>(rows: Located<T>[], key: (r: T) => string, column: string, problems: ProblemList): Map<string, Located<T>> {
  const map = new Map<string, Located<T>>();
  for (const r of rows) {
    const k = key(r.row);
    if (map.has(k)) problems.add({ file: r.file, line: r.line, column, value: k, rule: `is listed twice (first on line ${map.get(k)!.line})` });
    else map.set(k, r);
  }
  return map;
}

/**
 * indicator_measures.csv by dataset and measure. A dataset measure has one row, or (when the dataset publishes it for
 * single years and for multi-year windows, which belong to different indicators) one row per kind of period.
 */
function indexMeasures(rows: Located<IndicatorMeasureRow>[], problems: ProblemList): Map<string, Located<IndicatorMeasureRow>[]> {
  const map = new Map<string, Located<IndicatorMeasureRow>[]>();
  for (const r of rows) {
    const k = `${r.row.dataset_id}|${r.row.measure}`;
    const list = map.get(k) ?? [];
    const clash = list.find((o) => o.row.periods === r.row.periods || o.row.periods === "" || r.row.periods === "");
    if (clash) {
      problems.add({
        file: r.file,
        line: r.line,
        column: "measure",
        value: k,
        rule: clash.row.periods === r.row.periods ? `is listed twice (first on line ${clash.line})` : `is also on line ${clash.line}; rows of one dataset measure must each name a different kind of period in the periods column`,
      });
      continue;
    }
    map.set(k, [...list, r]);
  }
  return map;
}

/** The indicator measure row a figure belongs to: by dataset and measure, and by the kind of its period when rows differ by it. */
export function measureOf(ref: Pick<Reference, "measureByKey">, f: { dataset_id: string; measure: string; period: string }): Located<IndicatorMeasureRow> | undefined {
  const rows = ref.measureByKey.get(`${f.dataset_id}|${f.measure}`);
  if (!rows) return undefined;
  if (rows.length === 1 && rows[0]!.row.periods === "") return rows[0];
  const kind = parsePeriod(f.period)?.kind;
  return rows.find((r) => r.row.periods === kind);
}

function loadRelease(dir: string, problems: ProblemList): Release | undefined {
  const path = join(dir, "release.json");
  const file = displayPath(path);
  const bytes = readInputFile(path, dir, file, problems);
  if (!bytes) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (e) {
    problems.add({ file, rule: `is not readable JSON (${(e as Error).message})` });
    return undefined;
  }
  const parsed = Release.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // The value as given, when it is text or a number (so the message shows what is there, escaped and shortened).
      const given = issue.path.reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), json);
      const value = typeof given === "string" || typeof given === "number" ? { value: String(given) } : {};
      problems.add({ file, column: issue.path.join("."), ...value, rule: issue.message });
    }
    return undefined;
  }
  return parsed.data;
}

/** Loads and cross-checks data/reference. */
export function loadReference(dir: string, problems: ProblemList): Reference | undefined {
  const areas = loadTable(dir, "areas.csv", AreaRow, problems);
  const adpCouncilAreas = loadTable(dir, "adp_council_areas.csv", AdpCouncilAreaRow, problems);
  const everyIndicatorId = new Set<string>();
  const indicators = loadTable(dir, "indicators.csv", IndicatorRow, problems, { column: "id", into: everyIndicatorId });
  const indicatorMeasures = loadTable(dir, "indicator_measures.csv", IndicatorMeasureRow, problems);
  const datasetRows = loadTable(dir, "datasets.csv", DatasetRow, problems);
  const sourceTypeRows = loadTable(dir, "source_types.csv", SourceTypeRow, problems);
  const derivations = loadTable(dir, "derivations.csv", DerivationRow, problems);
  const headlines = loadTable(dir, "headlines.csv", HeadlineRow, problems);
  const beforeRules = problems.total;
  const headlineRuleRows = loadTable(dir, "headline_rules.csv", HeadlineRuleRow, problems);
  const rulesReadCleanly = problems.total === beforeRules;
  const comparisons = loadTable(dir, "comparisons.csv", ComparisonRow, problems) as Located<ComparisonRow>[];
  const taxonomyRows = loadTable(dir, "breakdown_taxonomy.csv", BreakdownTaxonomyRow, problems);
  const conflicts = loadTable(dir, "figure_conflicts.csv", FigureConflictRow, problems);
  const serviceSections = loadTable(dir, "service_sections.csv", ServiceSectionRow, problems);
  const similarity = loadTable(dir, "similarity.csv", SimilarityRow, problems);
  const removedFigures = loadTable(dir, "removed_figures.csv", RemovedFigureRow, problems);
  const workforceNeed = loadTable(dir, "workforce_need.csv", WorkforceNeedRow, problems) as Located<WorkforceNeedRow>[];
  const release = loadRelease(dir, problems);

  const areaByKey = indexUnique(areas, (a) => `${a.level}|${a.code}`, "code", problems);
  const levelsByCode = new Map<string, string[]>();
  for (const a of areas) levelsByCode.set(a.row.code, [...(levelsByCode.get(a.row.code) ?? []), a.row.level]);
  for (const a of areas) {
    if (a.row.parent_code === "" && a.row.parent_level === "") continue;
    if (!areaByKey.has(`${a.row.parent_level}|${a.row.parent_code}`))
      problems.add({ file: a.file, line: a.line, column: "parent_code", value: a.row.parent_code, rule: `is not a ${a.row.parent_level || "known"} area in areas.csv` });
  }
  // Parents must lead up to an area with none: a cycle (an area its own ancestor) would never end. Each cycle is
  // reported once, at the first of its rows in the file, not again for every area in it.
  const inReportedCycle = new Set<string>();
  for (const a of areas) {
    if (inReportedCycle.has(`${a.row.level} ${a.row.code}`)) continue;
    const path = [`${a.row.level} ${a.row.code}`];
    const seen = new Set(path);
    let at = a.row;
    while (at.parent_code !== "" || at.parent_level !== "") {
      const up = areaByKey.get(`${at.parent_level}|${at.parent_code}`)?.row;
      if (!up) break;
      const k = `${up.level} ${up.code}`;
      if (seen.has(k)) {
        if (k === path[0]) {
          problems.add({ file: a.file, line: a.line, column: "parent_code", value: a.row.parent_code, rule: `makes a cycle of parents (${[...path, k].join(" → ")}); an area cannot be its own ancestor` });
          for (const p of path) inReportedCycle.add(p);
        }
        break;
      }
      seen.add(k);
      path.push(k);
      at = up;
    }
  }
  for (const m of adpCouncilAreas) {
    if (!areaByKey.has(`adp|${m.row.adp_code}`)) problems.add({ file: m.file, line: m.line, column: "adp_code", value: m.row.adp_code, rule: "is not an ADP in areas.csv" });
    if (!areaByKey.has(`council_area|${m.row.council_area_code}`))
      problems.add({ file: m.file, line: m.line, column: "council_area_code", value: m.row.council_area_code, rule: "is not a council area in areas.csv" });
  }
  for (const a of areas) {
    if (a.row.level === "adp" && !adpCouncilAreas.some((m) => m.row.adp_code === a.row.code))
      problems.add({ file: a.file, line: a.line, column: "code", value: a.row.code, rule: "is an ADP with no council areas in adp_council_areas.csv" });
  }

  const indicatorById = indexUnique(indicators, (i) => i.id, "id", problems);
  // An id whose row of indicators.csv was refused has its problem there; the rows naming it are not blamed again.
  const refusedIndicators = new Set([...everyIndicatorId].filter((id) => !indicatorById.has(id)));
  const unknownIndicator = (id: string) => !indicatorById.has(id) && !refusedIndicators.has(id);
  const measureByKey = indexMeasures(indicatorMeasures, problems);
  for (const m of indicatorMeasures) {
    if (unknownIndicator(m.row.indicator_id))
      problems.add({ file: m.file, line: m.line, column: "indicator_id", value: m.row.indicator_id, rule: "is not an indicator in indicators.csv" });
  }
  const datasets = indexUnique(datasetRows, (d) => d.dataset_id, "dataset_id", problems);
  for (const d of datasetRows) {
    if (d.row.supersedes !== "" && !datasets.has(d.row.supersedes))
      problems.add({ file: d.file, line: d.line, column: "supersedes", value: d.row.supersedes, rule: "is not a dataset in datasets.csv" });
  }
  for (const m of indicatorMeasures) {
    if (!datasets.has(m.row.dataset_id))
      problems.add({ file: m.file, line: m.line, column: "dataset_id", value: m.row.dataset_id, rule: "is not a dataset in datasets.csv" });
  }
  const sourceTypes = indexUnique(sourceTypeRows, (s) => s.source_id, "source_id", problems);
  indexUnique(derivations, (d) => d.id, "id", problems);
  for (const d of derivations) {
    for (const column of ["dataset_id", "dataset_b"] as const) {
      const id = d.row[column];
      if (id !== "" && !datasets.has(id)) problems.add({ file: d.file, line: d.line, column, value: id, rule: "is not a dataset in datasets.csv" });
    }
  }
  for (const h of headlines) {
    if (h.row.indicator_id !== "" && unknownIndicator(h.row.indicator_id))
      problems.add({ file: h.file, line: h.line, column: "indicator_id", value: h.row.indicator_id, rule: "is not an indicator in indicators.csv" });
  }
  const headlineRules = checkHeadlineRuleRows(headlineRuleRows, indicators, indicatorMeasures, indicatorById, refusedIndicators, problems, rulesReadCleanly);
  indexUnique(comparisons, (c) => c.id, "id", problems);
  for (const c of comparisons) {
    for (const nation of ["scotland", "england"] as const) {
      const id = c.row[`${nation}_indicator`];
      if (id !== "" && unknownIndicator(id)) problems.add({ file: c.file, line: c.line, column: `${nation}_indicator`, value: id, rule: "is not an indicator in indicators.csv" });
      if ((id === "") === (c.row[`${nation}_missing`] === ""))
        problems.add({ file: c.file, line: c.line, column: `${nation}_indicator`, value: id, rule: `give either ${nation}_indicator or ${nation}_missing, not both` });
    }
  }
  indexUnique(serviceSections, (r) => r.id, "id", problems);
  indexUnique(removedFigures, (r) => `${r.release_id} ${r.figure_id}`, "figure_id", problems);
  indexUnique(workforceNeed, (r) => r.id, "id", problems);
  for (const r of workforceNeed) {
    for (const side of ["workforce", "need"] as const) {
      const id = r.row[`${side}_indicator`];
      if (id === "") continue;
      if (refusedIndicators.has(id)) continue;
      if (!indicatorById.has(id)) problems.add({ file: r.file, line: r.line, column: `${side}_indicator`, value: id, rule: "is not an indicator in indicators.csv" });
      else if (!indicatorMeasures.some((m) => m.row.indicator_id === id && m.row.measure === r.row[`${side}_measure`] && m.row.role === "value"))
        problems.add({ file: r.file, line: r.line, column: `${side}_measure`, value: r.row[`${side}_measure`], rule: `is not a value measure of indicator ${id} in indicator_measures.csv` });
    }
    const d = r.row.derivation_id === "" ? undefined : derivations.find((x) => x.row.id === r.row.derivation_id);
    if (r.row.derivation_id !== "" && d?.row.kind !== "ratio")
      problems.add({ file: r.file, line: r.line, column: "derivation_id", value: r.row.derivation_id, rule: d ? `is a ${d.row.kind} derivation; a workforce–need ratio must be of kind ratio` : "is not a derivation in derivations.csv" });
  }
  for (const r of serviceSections) {
    for (const id of [...r.row.indicators, r.row.area_table_indicator].filter((x) => x !== ""))
      if (unknownIndicator(id)) problems.add({ file: r.file, line: r.line, column: id === r.row.area_table_indicator ? "area_table_indicator" : "indicators", value: id, rule: "is not an indicator in indicators.csv" });
    const table = [r.row.area_table_indicator, r.row.area_table_level, r.row.area_table_periods];
    if (table.some((x) => x === "") && table.some((x) => x !== ""))
      problems.add({ file: r.file, line: r.line, column: "area_table_indicator", value: r.row.area_table_indicator, rule: "give area_table_indicator, area_table_level and area_table_periods together, or none of them" });
  }
  for (const r of similarity)
    if (unknownIndicator(r.row.indicator_id)) problems.add({ file: r.file, line: r.line, column: "indicator_id", value: r.row.indicator_id, rule: "is not an indicator in indicators.csv" });
  indexUnique(similarity, (r) => `${r.level}|${r.indicator_id}`, "indicator_id", problems);
  const taxonomy = new Map<string, Map<string, Located<BreakdownTaxonomyRow>>>();
  const groupOrder: string[] = [];
  for (const t of taxonomyRows) {
    const byValue = taxonomy.get(t.row.breakdown_type) ?? taxonomy.set(t.row.breakdown_type, new Map()).get(t.row.breakdown_type)!;
    const prior = byValue.get(t.row.published_value);
    if (prior) problems.add({ file: t.file, line: t.line, column: "published_value", value: t.row.published_value, rule: `is listed twice for ${t.row.breakdown_type} (first on line ${prior.line})` });
    else byValue.set(t.row.published_value, t);
    if (t.row.group !== "" && !groupOrder.includes(t.row.group)) groupOrder.push(t.row.group);
  }
  for (const byValue of taxonomy.values()) {
    const groupOf = new Map<string, Located<BreakdownTaxonomyRow>>();
    for (const t of byValue.values()) {
      const other = groupOf.get(t.row.canonical_value);
      if (other && other.row.group !== t.row.group)
        problems.add({ file: t.file, line: t.line, column: "group", value: t.row.group, rule: `differs from line ${other.line}, which puts ${t.row.canonical_value} in ${other.row.group || "no group"}` });
      else groupOf.set(t.row.canonical_value, t);
    }
  }
  if (!release) return undefined;
  return {
    dir,
    areas,
    areaByKey,
    levelsByCode,
    adpCouncilAreas,
    indicators,
    indicatorById,
    indicatorMeasures,
    measureByKey,
    datasets,
    sourceTypes,
    derivations,
    headlines,
    headlineRules,
    comparisons,
    taxonomy,
    groupOrder,
    conflicts,
    serviceSections,
    removedFigures,
    workforceNeed,
    similarity,
    release,
  };
}

/**
 * The headline rules, grouped by indicator and checked against the registry: every indicator has a rule, each rule
 * names a measure of its own indicator, and its series are numbered 1, 2, … without gaps or repeats.
 */
function checkHeadlineRuleRows(
  rows: Located<HeadlineRuleRow>[],
  indicators: Located<IndicatorRow>[],
  measures: Located<IndicatorMeasureRow>[],
  indicatorById: Map<string, Located<IndicatorRow>>,
  /** Ids whose rows of indicators.csv were refused (their problem is reported there). */
  refusedIndicators: ReadonlySet<string>,
  problems: ProblemList,
  /** False when rows of the file were refused: an indicator then seems to lack a rule only because its row was. */
  complete: boolean,
): Map<string, Located<HeadlineRuleRow>[]> {
  const byIndicator = new Map<string, Located<HeadlineRuleRow>[]>();
  const measuresOf = new Map<string, Set<string>>();
  for (const m of measures) if (m.row.role === "value") (measuresOf.get(m.row.indicator_id) ?? measuresOf.set(m.row.indicator_id, new Set()).get(m.row.indicator_id)!).add(m.row.measure);
  for (const r of rows) {
    if (!indicatorById.has(r.row.indicator_id)) {
      if (!refusedIndicators.has(r.row.indicator_id)) problems.add({ file: r.file, line: r.line, column: "indicator_id", value: r.row.indicator_id, rule: "is not an indicator in indicators.csv" });
      continue;
    }
    const own = measuresOf.get(r.row.indicator_id) ?? new Set<string>();
    for (const column of ["measure", "upper_measure"] as const) {
      const m = r.row[column];
      if (m !== "" && !own.has(m))
        problems.add({ file: r.file, line: r.line, column, value: m, rule: `is not a value measure of indicator ${r.row.indicator_id} in indicator_measures.csv` });
    }
    const list = byIndicator.get(r.row.indicator_id);
    if (list) list.push(r);
    else byIndicator.set(r.row.indicator_id, [r]);
  }
  for (const list of byIndicator.values()) {
    list.sort((a, b) => a.row.series - b.row.series);
    list.forEach((r, i) => {
      if (r.row.series !== i + 1)
        problems.add({ file: r.file, line: r.line, column: "series", value: String(r.row.series), rule: `should be ${i + 1}: the series of indicator ${r.row.indicator_id} are numbered 1, 2, … in time order, once each` });
    });
  }
  for (const i of indicators) {
    if (complete && !byIndicator.has(i.row.id))
      problems.add({ file: i.file, line: i.line, column: "id", value: i.row.id, rule: "has no headline rule: add a row to headline_rules.csv saying which figure a reader should see first" });
  }
  return byIndicator;
}
