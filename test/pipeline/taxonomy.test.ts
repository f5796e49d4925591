/** The breakdown taxonomy against the real sources: one name per role. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { ROOT } from "../browser/build.ts";

const taxonomy = csvParse(readFileSync(join(ROOT, "data", "reference", "breakdown_taxonomy.csv"), "utf8"));
const canonical = new Map(taxonomy.map((t) => [`${t.breakdown_type}|${t.published_value}`, t]));

function figureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? figureFiles(p) : n.endsWith(".csv") && n !== "sources.csv" ? [p] : [];
  });
}
const published = new Set<string>();
for (const file of figureFiles(join(ROOT, "data", "sources"))) for (const r of csvParse(readFileSync(file, "utf8"))) if (r.breakdown_type === "role") published.add(r.breakdown_value!);

describe("breakdown taxonomy", () => {
  it("maps every published role label to one canonical label and group", () => {
    expect(published.size).toBeGreaterThan(30);
    const unmapped = [...published].filter((v) => !canonical.has(`role|${v}`));
    expect(unmapped).toEqual([]);
    for (const v of published) expect(canonical.get(`role|${v}`)!.canonical_value).not.toBe("");
  });

  it("lists no label that no source uses", () => {
    const unused = taxonomy.filter((t) => t.breakdown_type === "role" && !published.has(t.published_value!)).map((t) => t.published_value);
    expect(unused).toEqual([]);
  });

  it("gives the labels the issue found for one role a single name", () => {
    const name = (v: string) => canonical.get(`role|${v}`)?.canonical_value;
    expect(name("Band 5 nurses")).toBe(name("Nursing: Nurses - Band 5"));
    expect(new Set([name("Service manager"), name("Service managers"), name("Non-clinical: Service managers")]).size).toBe(1);
    expect(name("Psychological therapists")).toBe(name("Psychology: Psychological therapist eg CBT, PT nurse"));
    expect(name("Team leaders")).toBe(name("Non-clinical: Team leaders"));
    expect(name("Consultant psychologists")).toBe(name("Psychology: Consultant psychologists"));
    expect(name("Consultant psychologists")).not.toBe(name("Medical: Doctor - Consultant psychiatrists"));
  });
});
