/**
 * The rules release 2026-12 needed changing because they were wrong for real inputs (no figure was edited):
 * percentage changes, several datasets superseding one, a dataset measure published for single years and for
 * five-year windows, qualifiers, removals that need a reason, and the ratio derivation. Each runs on made-up inputs.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { rowRule } from "../../scripts/pipeline/validate.ts";
import { qualifierFromNotes } from "../../scripts/pipeline/assemble.ts";
import { measureOf } from "../../scripts/pipeline/reference.ts";
import { diffSnapshots, removalProblems, releaseHistory, type SnapshotRow } from "../../scripts/pipeline/changelog.ts";
import { breakdownB, FORMULAS, roundDerived } from "../../scripts/pipeline/derive.ts";
import type { SourceFigureRow } from "../../src/schemas/sourceFigure.ts";
import { copyFixture, edit, problemsAfter, run } from "../helpers/fixtures.ts";

const FIG = (f: { sources: string }) => join(f.sources, "nation", "figures.csv");
const REF = (f: { reference: string }, name: string) => join(f.reference, name);
const row: SourceFigureRow = { dataset_id: "d", measure: "m", unit: "percent", period: "2011-09-30/2021-09-30", geography_level: "country", area_code: "S92000003", area_name: "Scotland", breakdown_type: "total", breakdown_value: "all", value: "10", status: "published", source_id: "S1", source_location: "p", notes: "" };

describe("percentages", () => {
  it("accepts a percentage change below 0 or above 100, but not a fall of more than 100%", () => {
    expect(rowRule({ ...row, measure: "university_qualifiers_fpe_change", value: "-71" })).toBeUndefined();
    expect(rowRule({ ...row, measure: "nhs_workforce_wte_change", value: "171.7" })).toBeUndefined();
    expect(rowRule({ ...row, measure: "nhs_workforce_wte_change", value: "-100.5" })).toEqual({ column: "value", rule: "is below −100 for a percentage change (nothing falls by more than 100%)" });
  });
  it("still refuses a share outside 0–100", () => {
    expect(rowRule({ ...row, measure: "vacancy_rate", value: "-1" })).toEqual({ column: "value", rule: "is outside 0–100 for unit percent" });
    expect(rowRule({ ...row, measure: "change_share", value: "101" })).toEqual({ column: "value", rule: "is outside 0–100 for unit percent" });
  });
});

describe("qualifiers", () => {
  it.each([
    ["published as 'in the region of 3,500 WTEs' (range 3,288 to 3,768)", "3500", "in the region of"],
    ["published as 'averaging nearly 10,000 WTEs' (almost)", "10000", "nearly"],
    ["published as 'the creation of over 50,000 high-quality places'", "50000", "over"],
    // The words qualify a phrase; the exact number follows in brackets, so the number is not qualified.
    ["published as 'over three in four (75.9%)'", "75.9", ""],
    ["published as 'over 15,000' (more than)", "15000", "over"],
  ])("%s → %j", (notes, value, q) => {
    expect(qualifierFromNotes(notes, value)).toBe(q);
  });
});

describe("one dataset measure for single years and for five-year windows", () => {
  const at = (periods: string, indicator_id: string, line: number) => ({ row: { indicator_id, dataset_id: "nrs", measure: "asmr", role: "value" as const, label: "Rate", periods: periods as "" }, file: "indicator_measures.csv", line });
  const ref = { measureByKey: new Map([["nrs|asmr", [at("years", "five-year", 2), at("year", "single-year", 3)]], ["ons|asmr", [at("", "uk", 4)]]]) };
  it("puts each figure under the row for the kind of its period", () => {
    expect(measureOf(ref, { dataset_id: "nrs", measure: "asmr", period: "2018-2022" })?.row.indicator_id).toBe("five-year");
    expect(measureOf(ref, { dataset_id: "nrs", measure: "asmr", period: "2022" })?.row.indicator_id).toBe("single-year");
    expect(measureOf(ref, { dataset_id: "nrs", measure: "asmr", period: "2022/23" })).toBeUndefined();
    expect(measureOf(ref, { dataset_id: "ons", measure: "asmr", period: "anything" })?.row.indicator_id).toBe("uk");
  });
  it("stops the build when rows of one dataset measure do not each name a different kind of period", () => {
    const problems = problemsAfter((f) => appendFileSync(REF(f, "indicator_measures.csv"), "test-population,test_population,population,value,Population again,year\n"));
    expect(problems).toContain('reference/indicator_measures.csv:10: column measure: "test_population|population" is also on line 9; rows of one dataset measure must each name a different kind of period in the periods column');
  });
  it("says which period no row takes", () => {
    const problems = problemsAfter((f) => edit(REF(f, "indicator_measures.csv"), "test-deaths,test_deaths,deaths,value,Deaths,", "test-deaths,test_deaths,deaths,value,Deaths,years"));
    expect(problems.some((p) => /column period: "2022" is a kind of period that no row of reference\/indicator_measures.csv takes for test_deaths deaths/.test(p))).toBe(true);
  });
});

describe("several later vintages of one dataset", () => {
  it("lets each revise its own figures of the earlier one, marking the new figures [r]", () => {
    const f = copyFixture();
    try {
      appendFileSync(REF(f, "datasets.csv"), "test_survey_r1,First later release,test_survey,,Revises one figure.\ntest_survey_r2,Second later release,test_survey,,Revises another.\n");
      appendFileSync(REF(f, "indicator_measures.csv"), "test-staff,test_survey_r1,staff_wte,value,Staff in post (WTE),\ntest-vacancies,test_survey_r2,vacancies_wte,value,Vacancies (WTE),\n");
      appendFileSync(FIG(f), 'test_survey_r1,staff_wte,wte,2023-11-01,country,S92000003,Scotland,total,all,101,published,P2,"Table 1",revised\ntest_survey_r2,vacancies_wte,wte,2023-11-01,country,S92000003,Scotland,total,all,11,published,P2,"Table 1",revised\n');
      run(f.sources, f.reference, f.out);
      const rows = csvParse(readFileSync(join(f.out, "figures.csv"), "utf8")).filter((r) => r.geography_level === "country" && ["staff_wte", "vacancies_wte"].includes(r.measure!));
      const shown = rows.filter((r) => r.preferred === "true").map((r) => [r.measure, r.dataset_id, r.value, r.marker]);
      expect(shown.sort()).toEqual([
        ["staff_wte", "test_survey_r1", "101", "[r]"],
        ["vacancies_wte", "test_survey_r2", "11", "[r]"],
      ]);
      expect(rows.filter((r) => r.preferred === "false").map((r) => r.not_preferred_reason).sort()).toEqual(["revised to 101 in the later vintage test_survey_r1", "revised to 11 in the later vintage test_survey_r2"]);
    } finally {
      f.cleanup();
    }
  });
});

describe("the changelog", () => {
  const snap = (figure_id: string, value: string, preferred_figure_id = "", source_id = "S1"): SnapshotRow => ({ figure_id, indicator_id: "i", value, status: "published", source_id, preferred_figure_id });
  it("lists a revision that arrives as a new figure as revised against the figure it replaces, and a corroboration as an addition", () => {
    const before = [snap("f-old", "90.5"), snap("f-same", "7")];
    const after = [snap("f-old", "90.5", "f-new"), snap("f-new", "90.6", "", "S2"), snap("f-same", "7", "f-corroborating"), snap("f-corroborating", "7", "", "S3")];
    const changes = diffSnapshots("r2", before, after);
    expect(changes.map((c) => [c.change, c.old_figure_id, c.figure_id, c.old_value, c.new_value, c.old_source_id, c.new_source_id])).toEqual([
      ["added", "", "f-corroborating", "", "7", "", "S3"],
      ["revised", "f-old", "f-new", "90.5", "90.6", "S1", "S2"],
    ]);
  });
  it("needs a reason for every removed figure, and refuses a recorded removal of a figure that is still there", () => {
    const [log] = releaseHistory("r2", [snap("f-b", "2")], [{ id: "r1", rows: [snap("f-a", "1"), snap("f-b", "2")] }]);
    expect(log!.counts).toEqual({ added: 0, revised: 0, removed: 1 });
    expect(removalProblems(log!, [], new Set(["f-b"]))).toEqual([{ figure_id: "f-a", rule: "was in release r1 and is not in release r2; say why in removed_figures.csv (its old link must lead somewhere)" }]);
    const recorded = [{ release_id: "r2", figure_id: "f-a", replaced_by: "f-b", reason: "Merged." }, { release_id: "r2", figure_id: "f-b", replaced_by: "f-x", reason: "Wrong." }];
    expect(removalProblems(log!, recorded, new Set(["f-b"])).map((p) => p.rule)).toEqual(["is recorded as removed in release r2, but it is still a figure of this release", "is replaced by f-x, which is not a figure of release r2"]);
    const [withReason] = releaseHistory("r2", [snap("f-b", "2")], [{ id: "r1", rows: [snap("f-a", "1"), snap("f-b", "2")] }], recorded.slice(0, 1));
    expect(withReason!.changes[0]!.reason).toBe("Merged. Now shown instead: f-b.");
  });
  it("stops the build when a figure of the previous release disappears without a recorded reason", () => {
    const f = copyFixture();
    try {
      edit(REF(f, "removed_figures.csv"), "2000-01-test,f-0000000000000aaa", "1999-12,f-0000000000000aaa");
      expect(() => run(f.sources, f.reference, f.out, join(f.dir, "releases"))).toThrow(/removed_figures\.csv: column figure_id: "f-0000000000000aaa" was in release 1999-12 and is not in release 2000-01-test/);
    } finally {
      f.cleanup();
    }
  });
});

describe("ratio derivations (workforce beside need)", () => {
  it("divide the need figure by the workforce figure, and give no figure for a zero workforce", () => {
    // 329,646 ÷ 14,121 = 23.344…
    expect(roundDerived(FORMULAS.ratio(329646, 14121)!)).toBe("23.34");
    expect(FORMULAS.ratio(5, 0)).toBeUndefined();
    expect(breakdownB("workforce_group=all (delivery + commissioning)")).toEqual({ type: "workforce_group", value: "all (delivery + commissioning)" });
    expect(breakdownB("")).toBeUndefined();
  });
  it("are made only for the same area and period, from the figures named", () => {
    const f = copyFixture();
    try {
      // Made-up need figures: people in treatment in the same period as the staff snapshot, and in another period.
      appendFileSync(REF(f, "derivations.csv"), "test-per-wte,ratio,test_survey,people_in_treatment,staff_wte,,,,total=all,people_per_wte,count,People in treatment per WTE = people in treatment ÷ staff in post (WTE)\n");
      appendFileSync(REF(f, "indicator_measures.csv"), "test-placements,test_survey,people_in_treatment,value,People in treatment,\ntest-placements,test_survey,people_per_wte,value,People in treatment per WTE,\n");
      appendFileSync(FIG(f), 'test_survey,people_in_treatment,count,2023-11-01,country,S92000003,Scotland,total,all,2010,published,P1,"Table 9",\ntest_survey,people_in_treatment,count,2024-11-01,country,S92000003,Scotland,total,all,2500,published,P1,"Table 9",\n');
      run(f.sources, f.reference, f.out);
      const rows = csvParse(readFileSync(join(f.out, "figures.csv"), "utf8")).filter((r) => r.measure === "people_per_wte");
      // 2010 ÷ 100.5 = 20; nothing for 2024-11-01 (no staff figure for that date), nothing for the suppressed board.
      expect(rows.map((r) => [r.period, r.area_code, r.value, r.status, r.formula])).toEqual([["2023-11-01", "S92000003", "20", "derived", "People in treatment per WTE = people in treatment ÷ staff in post (WTE)"]]);
    } finally {
      f.cleanup();
    }
  });
  it("refuse a period template, which would divide across years", () => {
    const problems = problemsAfter((f) => appendFileSync(REF(f, "derivations.csv"), "test-per-wte,ratio,test_survey,placements,staff_wte,,{period}-11-01,,,people_per_wte,count,x\n"));
    expect(problems).toContain('reference/derivations.csv:4: column period_b: "{period}-11-01" must be empty for a ratio: both figures must be for the same period');
  });
});
