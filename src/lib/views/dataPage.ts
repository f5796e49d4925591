/**
 * Page model of the Data page: the files of the data package grouped for readers, how its tables join, and the
 * short examples that read the JSON API in Python, R and JavaScript.
 */
import type { ForeignKey, TableDescriptor } from "../../schemas/dictionary.ts";

export interface DataFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface ListedFile extends DataFile {
  title: string;
}

/** The package's tables (in dictionary order), with their sizes and checksums. Throws if a table's file is missing. */
export function tableFiles(tables: readonly TableDescriptor[], files: ReadonlyMap<string, DataFile>): (ListedFile & { name: string })[] {
  return tables.map((t) => {
    const f = files.get(t.path);
    if (!f) throw new Error(`Data page: ${t.path} is not in SHA256SUMS; rebuild the data with "npm run build:data"`);
    return { ...f, name: t.name, title: t.title };
  });
}

/**
 * Every foreign key of the package in words, "figures.source_id → sources.source_id", once per schema: tables that
 * share one (the crosswalks) are named together, "crosswalks/*.(area_level, area_code) → areas.(…)".
 */
export function joins(tables: readonly TableDescriptor[]): string[] {
  const bySchema = new Map<string, TableDescriptor[]>();
  for (const t of tables) bySchema.set(t.schemaPath, [...(bySchema.get(t.schemaPath) ?? []), t]);
  const label = (group: TableDescriptor[]) => {
    if (group.length === 1) return group[0]!.path.replace(/\.csv$/, "");
    const dirs = new Set(group.map((t) => t.path.replace(/[^/]*$/, "")));
    return dirs.size === 1 ? `${[...dirs][0]}*` : group.map((t) => t.path.replace(/\.csv$/, "")).join(", ");
  };
  const cols = (name: string, fields: string[]) => (fields.length === 1 ? `${name}.${fields[0]}` : `${name}.(${fields.join(", ")})`);
  return [...bySchema.values()].flatMap((group) =>
    group[0]!.foreignKeys.map((key: ForeignKey) => {
      const target = key.reference.resource === "" ? label(group) : tables.find((t) => t.name === key.reference.resource);
      if (target === undefined) throw new Error(`Data page: ${group[0]!.name} refers to an unknown table ${key.reference.resource}`);
      return `${cols(label(group), key.fields)} → ${cols(typeof target === "string" ? target : label([target]), key.reference.fields)}`;
    }),
  );
}

export interface CodeExample {
  language: string;
  code: string;
}

/**
 * Three lines each that read one indicator's file of the JSON API into a table with its area names. `url` is the
 * file's full address when the site's address is known, or its path from the site root.
 */
export function apiExamples(url: string): CodeExample[] {
  const u = JSON.stringify(url);
  return [
    {
      language: "Python (pandas)",
      code: [`import json, urllib.request, pandas as pd`, `j = json.load(urllib.request.urlopen(${u}))`, `figures = pd.DataFrame(j["figures"]).merge(pd.DataFrame(j["areas"]), on=["geography_level", "area_code"])`].join("\n"),
    },
    {
      language: "R",
      code: [`library(jsonlite)`, `j <- fromJSON(${u})`, `figures <- merge(j$figures, j$areas, by = c("geography_level", "area_code"))`].join("\n"),
    },
    {
      language: "JavaScript",
      code: [`const j = await (await fetch(${u})).json();`, `const names = new Map(j.areas.map((a) => [a.geography_level + "/" + a.area_code, a.area_label]));`, `const shown = j.figures.filter((f) => f.preferred).map((f) => ({ ...f, area_label: names.get(f.geography_level + "/" + f.area_code) }));`].join("\n"),
    },
  ];
}
