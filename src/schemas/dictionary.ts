/**
 * The data dictionary: every table of the data package (dist/data), its columns with their types and meanings, its
 * primary key and its foreign keys. datapackage.json and its Table Schemas are generated from it, and the Data page
 * prints it. Columns shared with a figure take their descriptions from the zod schema of a figure (figure.ts).
 */
import * as z from "zod";
import { Figure, FIGURE_TABLE_COLUMNS, INDICATOR_CSV_COLUMNS, NOTE_ID_DESCRIPTION } from "./figure.ts";
import { GEOGRAPHY_LEVELS, HEADLINE_KINDS, MEASURE_ROLES, NATIONS, PERIOD_KINDS, POLARITIES, SOURCE_TYPES, TOPICS, UNITS } from "./vocabulary.ts";

type JsonSchemaProperty = { type?: string | string[]; description?: string; enum?: string[]; anyOf?: JsonSchemaProperty[] };

/** A Frictionless Table Schema field. */
export interface FieldDescriptor {
  name: string;
  type: "string" | "number" | "integer" | "boolean" | "date";
  description: string;
  constraints?: { required?: true; enum?: string[] };
}

export interface ForeignKey {
  fields: string[];
  /** resource "" is the table itself. */
  reference: { resource: string; fields: string[] };
}

/** A table of the package: a CSV file with its Table Schema. */
export interface TableDescriptor {
  /** The resource name in datapackage.json (lower case, digits and -). */
  name: string;
  /** Path of the CSV file in the package. */
  path: string;
  /** Path of its Table Schema file in the package (several tables may share one). */
  schemaPath: string;
  title: string;
  description: string;
  fields: FieldDescriptor[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

const figureProps = () => (z.toJSONSchema(Figure) as { properties: Record<string, JsonSchemaProperty> }).properties;

/** Field types where the CSV text has a Frictionless type other than the JSON one (ISO dates). */
const DATE_FIELDS = new Set(["period_start", "period_end"]);
/** Fields every row has (the key and what the figure is); other fields may be empty. */
const REQUIRED_FIGURE_FIELDS = new Set(["figure_id", "indicator_id", "dataset_id", "measure", "role", "unit", "period", "geography_level", "area_code", "breakdown_type", "breakdown_value", "status", "preferred", "source_id"]);

/** Frictionless field descriptors for columns of a figure, from the zod schema's JSON Schema. */
export function tableSchemaFields(columns: readonly (keyof Figure | "note_id")[]): FieldDescriptor[] {
  const props = figureProps();
  return columns.map((name) => {
    if (name === "note_id") return { name, type: "string", description: NOTE_ID_DESCRIPTION };
    const p = props[name]!;
    const types = p.anyOf ? p.anyOf.map((a) => a.type) : [p.type];
    const type = DATE_FIELDS.has(name) ? "date" : types.includes("integer") ? "integer" : types.includes("number") ? "number" : types.includes("boolean") ? "boolean" : "string";
    const constraints = { ...(REQUIRED_FIGURE_FIELDS.has(name) ? { required: true as const } : {}), ...(p.enum ? { enum: p.enum } : {}) };
    const description = name === "value" ? `${p.description ?? ""} Written with the decimals it was published with (94.0 stays 94.0).` : (p.description ?? "");
    return { name, type, description, ...(Object.keys(constraints).length > 0 ? { constraints } : {}) };
  });
}

const text = (name: string, description: string, required = false): FieldDescriptor => ({ name, type: "string", description, ...(required ? { constraints: { required: true } } : {}) });
const oneOf = (name: string, values: readonly string[], description: string, required = true): FieldDescriptor => ({
  name,
  type: "string",
  description,
  constraints: { ...(required ? { required: true as const } : {}), enum: [...values] },
});
const fk = (fields: string[], resource: string, refFields: string[] = fields): ForeignKey => ({ fields, reference: { resource, fields: refFields } });

/** The areas of one crosswalk: each area, and the area it lies in. The four crosswalks share this schema. */
const CROSSWALK_FIELDS: FieldDescriptor[] = [
  oneOf("area_level", GEOGRAPHY_LEVELS, "Geography level of the area (the same on every row of a crosswalk)."),
  text("area_code", "Code of the area (GSS code, or the project's adp- slug for a Scottish Government ADP).", true),
  text("area_label", "Official name of the area (areas.csv).", true),
  oneOf("parent_level", GEOGRAPHY_LEVELS, "Geography level of the area it lies in."),
  text("parent_code", "Code of the area it lies in.", true),
  text("parent_label", "Official name of the area it lies in.", true),
];
const CROSSWALK_KEYS = { primaryKey: ["area_code"], foreignKeys: [fk(["area_level", "area_code"], "areas", ["geography_level", "area_code"]), fk(["parent_level", "parent_code"], "areas", ["geography_level", "area_code"])] };

/** The crosswalks, each a file of crosswalks/ with CROSSWALK_FIELDS. */
export const CROSSWALKS = [
  {
    name: "council-area-to-health-board",
    file: "council_area_to_health_board.csv",
    title: "Crosswalk: Scottish council area to NHS Board",
    description: "The NHS Board (health board) each of the 32 Scottish council areas lies in.",
    area_level: "council_area",
    parent_level: "health_board",
  },
  {
    name: "council-area-to-adp-phs",
    file: "council_area_to_adp_phs.csv",
    title: "Crosswalk: Scottish council area to Alcohol and Drug Partnership (Public Health Scotland convention)",
    description:
      "The Alcohol and Drug Partnership each council area belongs to, in Public Health Scotland's convention: 31 ADP areas with S11 codes from the ScotPHO lookup (North Lanarkshire is reported under its council-area code, S12000050, and Glasgow City as its own ADP).",
    area_level: "council_area",
    parent_level: "adp",
    convention: "phs",
  },
  {
    name: "council-area-to-adp-sg",
    file: "council_area_to_adp_sg.csv",
    title: "Crosswalk: Scottish council area to Alcohol and Drug Partnership (Scottish Government convention)",
    description:
      "The Alcohol and Drug Partnership each council area belongs to, in the Scottish Government's convention: 30 ADPs, which have no official codes, so this project gives each an adp- slug. Join it with council_area_to_adp_phs.csv on area_code to move between the two conventions.",
    area_level: "council_area",
    parent_level: "adp",
    convention: "sg",
  },
  {
    name: "utla-to-region",
    file: "utla_to_region.csv",
    title: "Crosswalk: English upper-tier local authority to region",
    description: "The English region each upper-tier local authority (county or unitary authority) lies in.",
    area_level: "utla",
    parent_level: "region",
  },
] as const;

/** The tables of the package, in the order datapackage.json lists them. */
export function packageTables(): TableDescriptor[] {
  return [
    {
      name: "figures",
      path: "figures.csv",
      schemaPath: "schemas/figures.schema.json",
      title: "Every figure, published and derived",
      description:
        "One row per figure: its stable id, indicator, dataset and measure, period and its dates, area codes, breakdown, value, status and GSS shorthand, whether it is the figure shown, the formula and inputs of a derived figure, and its source with the place in it. Join sources.csv for the citation, areas.csv for area names, indicator_measures.csv for measure labels and notes.csv for the transcriber's notes.",
      fields: tableSchemaFields(FIGURE_TABLE_COLUMNS),
      primaryKey: ["figure_id"],
      // Each column is in one foreign key at most: the reference library replaces a resolved column by the row it
      // refers to, so a second key over the same column (indicator_id, dataset_id, measure → indicator_measures) can
      // never resolve there. That one is checked by the pipeline and the package test instead.
      foreignKeys: [
        fk(["indicator_id"], "indicators"),
        fk(["dataset_id"], "datasets"),
        fk(["geography_level", "area_code"], "areas"),
        fk(["source_id"], "sources"),
        fk(["note_id"], "notes"),
      ],
    },
    {
      name: "notes",
      path: "notes.csv",
      schemaPath: "schemas/notes.schema.json",
      title: "Notes of the figures, as transcribed",
      description: "Each distinct text of the notes column of the sources once, with the id figures.csv refers to it by.",
      fields: [text("note_id", NOTE_ID_DESCRIPTION.replace(" in notes.csv", "").replace("; empty when the row has no notes", ""), true), text("notes", "Qualifiers, definitions, breaks in series, revisions and doubts, as transcribed from the publication.", true)],
      primaryKey: ["note_id"],
      foreignKeys: [],
    },
    {
      name: "sources",
      path: "sources.csv",
      schemaPath: "schemas/sources.schema.json",
      title: "Sources: the publications the figures come from",
      description: "The sources catalogue: every publication a figure cites, with its publisher, date, address and licence, and whether it is the publisher's own release (primary) or a report or copy of it (secondary), and why.",
      fields: [
        text("source_id", "Id of the publication; figures.csv cites it in source_id.", true),
        text("title", "Title of the publication.", true),
        text("publisher", "Publisher of the publication.", true),
        text("published_date", "Publication date as the catalogue gives it (an ISO date, or words where the publisher gives no day)."),
        text("url", "Address of the publication; empty when it has none."),
        text("licence", "Licence of the publication as recorded in the catalogue."),
        text("notes", "The catalogue's notes on the publication."),
        oneOf("source_type", SOURCE_TYPES, "primary (the publisher's own release or file) or secondary (a report or copy of it by someone else)."),
        text("source_type_reason", "Why the source is primary or secondary.", true),
      ],
      primaryKey: ["source_id"],
      foreignKeys: [],
    },
    {
      name: "areas",
      path: "areas.csv",
      schemaPath: "schemas/areas.schema.json",
      title: "Areas: codes, names, levels and parents",
      description:
        "Every area a figure can be for: countries, English regions and upper-tier local authorities, Scottish NHS Boards, council areas and Alcohol and Drug Partnerships (in both conventions), with the official name, the other names publications use and the area each lies in. One code can be two areas (S12000050 is North Lanarkshire council area and, for Public Health Scotland, its ADP), so an area is its level and code together.",
      fields: [
        oneOf("geography_level", GEOGRAPHY_LEVELS, "Geography level: country, region, health_board, adp, council_area or utla (upper-tier local authority)."),
        text("area_code", "GSS code of the area, or the project's adp- slug for a Scottish Government ADP.", true),
        text("area_label", "Official name of the area, as the pages show it.", true),
        text("aliases", "Other names publications use for the area, separated by ;."),
        oneOf("parent_level", GEOGRAPHY_LEVELS, "Geography level of the area it lies in; empty for the United Kingdom.", false),
        text("parent_code", "Code of the area it lies in; empty for the United Kingdom."),
        text("notes", "Where the code comes from, and how the area is reported."),
      ],
      primaryKey: ["geography_level", "area_code"],
      foreignKeys: [fk(["parent_level", "parent_code"], "", ["geography_level", "area_code"])],
    },
    ...CROSSWALKS.map((c) => ({ name: c.name, path: `crosswalks/${c.file}`, schemaPath: "schemas/crosswalk.schema.json", title: c.title, description: c.description, fields: CROSSWALK_FIELDS, ...CROSSWALK_KEYS })),
    {
      name: "indicators",
      path: "indicators.csv",
      schemaPath: "schemas/indicators.schema.json",
      title: "Indicators: the registry",
      description: "Every indicator the site has a page for, with its plain-English description, unit, display precision, polarity, topic, nation, comparability and caveats.",
      fields: [
        text("indicator_id", "Permanent id of the indicator; also its page address and the name of its files under indicators/ and api/indicators/.", true),
        text("title", "Title of the indicator.", true),
        text("short_title", "Short title, for charts and lists.", true),
        text("description", "What the indicator measures, in plain English.", true),
        oneOf("unit", UNITS, "Unit of its values."),
        { name: "precision", type: "integer", description: "Decimal places the pages show (the published precision).", constraints: { required: true } },
        oneOf("polarity", POLARITIES, "Whether a higher value is better, worse, or neither."),
        oneOf("topic", TOPICS, "The topic the indicator belongs to."),
        oneOf("nation", NATIONS, "The nation the indicator covers."),
        text("comparability", "How far the figures can be compared over time, between areas and between nations.", true),
        text("caveats", "What a reader must know before using the figures.", true),
      ],
      primaryKey: ["indicator_id"],
      foreignKeys: [],
    },
    {
      name: "indicator-measures",
      path: "indicator_measures.csv",
      schemaPath: "schemas/indicator_measures.schema.json",
      title: "Indicator measures: which dataset measures each indicator draws on",
      description: "The map from each indicator to the dataset measures its figures come from, with the plain-English label of each measure; periods names the kind of period a row takes when one dataset measure goes to two indicators by the kind of its period.",
      fields: [
        text("indicator_id", "The indicator.", true),
        text("dataset_id", "The dataset (datasets.csv).", true),
        text("measure", "The measure as the dataset names it (snake_case).", true),
        oneOf("role", MEASURE_ROLES, "value, or lower_95ci / upper_95ci for the bounds of a published 95% confidence interval."),
        text("label", "Plain-English label of the measure, as tables show it.", true),
        oneOf("periods", PERIOD_KINDS, "The kind of period this row takes (e.g. year or years) when one dataset measure goes to two indicators; empty for every period.", false),
      ],
      primaryKey: ["indicator_id", "dataset_id", "measure"],
      foreignKeys: [fk(["indicator_id"], "indicators"), fk(["dataset_id"], "datasets")],
    },
    {
      name: "headline-rules",
      path: "headline_rules.csv",
      schemaPath: "schemas/headline_rules.schema.json",
      title: "Headline rules: the figure a reader should see first for each indicator",
      description:
        "For each indicator, the figure its page, home card and area profiles lead with (the latest figure matching a row), and the series of its trend: a new series after a break in coverage or definition, whose reason is in break_reason. kind is total, category, median, mean or range (a lower and upper pair: measure and breakdown are the lower end, upper_* the upper end).",
      fields: [
        text("indicator_id", "The indicator.", true),
        { name: "series", type: "integer", description: "1 for the first (or only) segment of the trend; 2, 3, … for each segment after a break.", constraints: { required: true } },
        oneOf("kind", HEADLINE_KINDS, "total, category, median, mean or range."),
        text("measure", "The measure the figure is of (the lower end of a range).", true),
        text("breakdown_type", "Its breakdown type.", true),
        text("breakdown_value", "Its breakdown value.", true),
        text("upper_measure", "For a range: the measure of the upper end; empty otherwise."),
        text("upper_breakdown_type", "For a range: the breakdown type of the upper end."),
        text("upper_breakdown_value", "For a range: the breakdown value of the upper end."),
        text("label", "What the figure covers, in a few words printed beside it.", true),
        text("break_reason", "What changed at the break before this series; empty for series 1."),
      ],
      primaryKey: ["indicator_id", "series"],
      foreignKeys: [fk(["indicator_id"], "indicators")],
    },
    {
      name: "datasets",
      path: "datasets.csv",
      schemaPath: "schemas/datasets.schema.json",
      title: "Datasets: the publications' tables and their vintages",
      description: "Every dataset a figure belongs to, the earlier vintage it supersedes (its overlapping figures are then set aside, with preferred false), and whether it is a one-off collection with no trend.",
      fields: [
        text("dataset_id", "Id of the dataset; figures.csv names it in dataset_id.", true),
        text("title", "Title of the dataset.", true),
        text("supersedes", "The dataset_id of an earlier vintage this one revises; empty if none."),
        oneOf("collection", ["one-off"], "one-off for a collection that was never repeated (its figures are snapshots with no trend); empty otherwise.", false),
        text("description", "What the dataset is.", true),
      ],
      primaryKey: ["dataset_id"],
      foreignKeys: [fk(["supersedes"], "", ["dataset_id"])],
    },
    {
      name: "breakdown-taxonomy",
      path: "breakdown_taxonomy.csv",
      schemaPath: "schemas/breakdown_taxonomy.schema.json",
      title: "Breakdown taxonomy: one name per role",
      description: "Every published label of a breakdown type the taxonomy lists (today role), the one name the site uses for it (breakdown_label in figures.csv) and its group (breakdown_group).",
      fields: [
        text("breakdown_type", "The breakdown type (e.g. role).", true),
        text("published_value", "The label exactly as publications give it (breakdown_value in figures.csv).", true),
        text("canonical_value", "The one name the site uses for it.", true),
        text("group", "The group it belongs to (e.g. Nursing); empty when it has none."),
      ],
      primaryKey: ["breakdown_type", "published_value"],
      foreignKeys: [],
    },
    {
      name: "changelog",
      path: "CHANGELOG.csv",
      schemaPath: "schemas/changelog.schema.json",
      title: "Changelog: figures added, revised or removed in each release",
      description:
        "One row per change, compared with the snapshot of the release before: added, revised (old and new value, status and source, and the figure it revises, which is the same figure when the value changed in place) or removed (with the reason). CHANGELOG.md summarises it. A removed figure is not in figures.csv.",
      fields: [
        text("release_id", "The release the change belongs to.", true),
        oneOf("change", ["added", "revised", "removed"], "added, revised or removed."),
        text("figure_id", "The figure as it is now (for a removal, the figure removed).", true),
        text("indicator_id", "Its indicator.", true),
        text("old_figure_id", "For a revision: the figure of the previous release it revises."),
        text("old_value", "The value before (as published), for a revision or removal."),
        text("old_status", "The status before."),
        text("old_source_id", "The source before."),
        text("new_value", "The value now (as published), for an addition or revision."),
        text("new_status", "The status now."),
        text("new_source_id", "The source now."),
        text("reason", "For a removal: why; for a revision that replaced another figure, which one."),
      ],
      primaryKey: ["release_id", "figure_id"],
      foreignKeys: [],
    },
  ];
}

/** The Table Schema of every indicator's CSV (indicators/<id>.csv): the figures of one indicator with their citations. */
export function indicatorCsvFields(): FieldDescriptor[] {
  return tableSchemaFields(INDICATOR_CSV_COLUMNS);
}
