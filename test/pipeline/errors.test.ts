import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { edit, problemsAfter } from "../helpers/fixtures.ts";

const FIG = (f: { sources: string }) => join(f.sources, "nation", "figures.csv");
const REF = (f: { reference: string }, name: string) => join(f.reference, name);

describe("the pipeline stops on bad input with file, line, column, value and rule", () => {
  it("accepts the clean fixture", () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });

  it("a value that is not a number", () => {
    expect(problemsAfter((f) => edit(FIG(f), ",100.5,published", ",100,5,published"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:2: row has 15 fields, expected 14 (check for an unquoted comma or a missing field)",
      ]
    `);
  });

  it("a value with a thousands separator inside quotes", () => {
    expect(problemsAfter((f) => edit(FIG(f), ",51000,published", ',"51,000",published'))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:16: column value: "51,000" is not a number",
      ]
    `);
  });

  it("a published figure with no value", () => {
    expect(problemsAfter((f) => edit(FIG(f), ",100.5,published", ",,published"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:2: column value: "" is empty but status is published; give the number or use status not_available or suppressed",
      ]
    `);
  });

  it("a suppressed figure with a value", () => {
    expect(problemsAfter((f) => edit(FIG(f), "NHS Borders,total,all,,suppressed,P1,\"Table 2, row 2\",Fewer", "NHS Borders,total,all,3,suppressed,P1,\"Table 2, row 2\",Fewer"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:6: column value: "3" must be empty when status is suppressed",
      ]
    `);
  });

  it("an unknown status and an unknown unit", () => {
    expect(problemsAfter((f) => edit(FIG(f), "wte,2023-11-01,country,S92000003,Scotland,total,all,100.5,published", "kg,2023-11-01,country,S92000003,Scotland,total,all,100.5,provisional"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:2: column unit: "kg" is not a known unit (count, wte, percent, rate_per_100000, rate_per_1000000, days, gbp, gbp_million)",
        "sources/nation/figures.csv:2: column status: "provisional" is not a known status (published, suppressed, not_available, derived)",
      ]
    `);
  });

  it("a percentage outside 0–100 and a negative count", () => {
    expect(
      problemsAfter((f) => {
        edit(FIG(f), ",9.4,published,P1", ",109.4,published,P1");
        edit(FIG(f), ",477,published", ",-477,published");
      }),
    ).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:8: column value: "109.4" is outside 0–100 for unit percent",
        "sources/nation/figures.csv:10: column value: "-477" is negative; unit count cannot be negative",
      ]
    `);
  });

  it("a missing, a misspelt and an extra column", () => {
    expect(problemsAfter((f) => edit(FIG(f), "dataset_id,measure,unit,period", "datasetid,measure,units,period"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:1: "datasetid" is not a known column; did you mean "dataset_id"?",
        "sources/nation/figures.csv:1: "units" is not a known column; did you mean "unit"?",
        "sources/nation/figures.csv:1: column "dataset_id" is missing from the header",
        "sources/nation/figures.csv:1: column "unit" is missing from the header",
      ]
    `);
    expect(problemsAfter((f) => edit(FIG(f), ",notes\n", ",notes,comment\n"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:1: "comment" is not a known column (expected dataset_id, measure, unit, period, geography_level, area_code, area_name, breakdown_type, breakdown_value, value, status, source_id, source_location, notes)",
      ]
    `);
  });

  it("a row with too many fields", () => {
    expect(problemsAfter((f) => edit(FIG(f), "Table 1, row 2", "Table 1\", \"row 2"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:2: row has 15 fields, expected 14 (check for an unquoted comma or a missing field)",
      ]
    `);
  });

  it("an empty file and a file that is not UTF-8", () => {
    expect(problemsAfter((f) => writeFileSync(FIG(f), ""))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv: file is empty",
      ]
    `);
    expect(problemsAfter((f) => writeFileSync(FIG(f), Buffer.from([0x64, 0x61, 0xff, 0xfe, 0x0a])))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:1: byte 3 of the line (0xFF) is not UTF-8 text; save the file as UTF-8 CSV",
      ]
    `);
    expect(problemsAfter((f) => writeFileSync(FIG(f), Buffer.from("\ufeffdataset_id", "utf16le")))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv: file is UTF-16 text; save it as UTF-8 CSV",
      ]
    `);
  });

  it("an unknown source_id", () => {
    expect(problemsAfter((f) => edit(FIG(f), "published,P1,\"Table 1, row 2\"", "published,P9,\"Table 1, row 2\""))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:2: column source_id: "P9" is not in nation/sources.csv",
      ]
    `);
  });

  it("an unknown area code, a name that contradicts its code, and a level that contradicts the code", () => {
    expect(problemsAfter((f) => edit(FIG(f), "health_board,S08000015,NHS Ayrshire & Arran", "health_board,S08000099,NHS Ayrshire & Arran"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:4: column area_code: "S08000099" is not a known health_board code (reference/areas.csv)",
      ]
    `);
    expect(problemsAfter((f) => edit(FIG(f), "health_board,S08000015,NHS Ayrshire & Arran", "health_board,S08000015,NHS Fife"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:4: column area_name: "NHS Fife" contradicts area code S08000015 (NHS Ayrshire and Arran)",
      ]
    `);
    expect(problemsAfter((f) => edit(FIG(f), "health_board,S08000015,NHS Ayrshire & Arran", "council_area,S08000015,NHS Ayrshire & Arran"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:4: column geography_level: "council_area" contradicts area code S08000015, which is a health_board",
      ]
    `);
  });

  it("the same figure twice with different values and no rule to choose", () => {
    expect(problemsAfter((f) => edit(FIG(f), ",9.4,published,N1", ",9.6,published,N1"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:9: column value: "9.6" conflicts with "9.4" on sources/nation/figures.csv:8 (source P1) for the same dataset, measure, period, area and breakdown; neither a revision nor the notes say which to prefer (see the README's rule for conflicting figures)",
      ]
    `);
  });

  it("the same figure from the same source twice", () => {
    expect(
      problemsAfter((f) => edit(FIG(f), "test_survey,vacancies_wte,wte,2023-11-01,country", "test_survey,staff_wte,wte,2023-11-01,country,S92000003,Scotland,total,all,100.5,published,P1,\"Table 1, row 2\",Snapshot date\ntest_survey,vacancies_wte,wte,2023-11-01,country")),
    ).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:3: repeats line 2 of sources/nation/figures.csv (same figure, same source)",
      ]
    `);
  });

  it("an indicator with no figures, and a measure no indicator uses", () => {
    expect(
      problemsAfter((f) => {
        edit(REF(f, "indicators.csv"), "test-population,Population,", "test-empty,Empty,Empty,Nothing.,count,0,neutral,need,scotland,None.,None.\ntest-population,Population,");
        edit(REF(f, "indicator_measures.csv"), "test-population,", "test-empty,test_survey,empty_count,value,Empty,\ntest-population,");
        edit(REF(f, "headline_rules.csv"), "test-population,", "test-empty,1,total,empty_count,total,all,,,,nothing,\ntest-population,");
      }),
    ).toMatchInlineSnapshot(`
      [
        "reference/indicator_measures.csv:9: column measure: "empty_count" has no figures in dataset test_survey",
        "reference/indicators.csv:9: column id: "test-empty" is an indicator with no figures",
        "reference/headline_rules.csv:9: column measure: "empty_count" matches no shown figure of indicator test-empty with breakdown total = all",
      ]
    `);
    expect(problemsAfter((f) => edit(FIG(f), "test_survey,turnover_rate,", "test_survey,leavers_rate,"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:12: column measure: "leavers_rate" of dataset test_survey is used by no indicator (add it to reference/indicator_measures.csv)",
      ]
    `);
  });

  it("an indicator without a headline rule, and rules that cannot lead a page", () => {
    expect(problemsAfter((f) => edit(REF(f, "headline_rules.csv"), "test-turnover,1,total,turnover_rate,total,all,,,,turnover rate,\n", ""))).toMatchInlineSnapshot(`
      [
        "reference/indicators.csv:5: column id: "test-turnover" has no headline rule: add a row to headline_rules.csv saying which figure a reader should see first",
      ]
    `);
    expect(problemsAfter((f) => edit(REF(f, "headline_rules.csv"), "test-staff,1,total,staff_wte,", "test-staff,1,total,vacancies_wte,"))).toMatchInlineSnapshot(`
      [
        "reference/headline_rules.csv:2: column measure: "vacancies_wte" is not a value measure of indicator test-staff in indicator_measures.csv",
      ]
    `);
    expect(problemsAfter((f) => edit(REF(f, "headline_rules.csv"), "test-staff,1,total,staff_wte,total,all,", "test-staff,1,total,staff_wte,sex,Persons,"))).toMatchInlineSnapshot(`
      [
        "reference/headline_rules.csv:2: column measure: "staff_wte" matches no shown figure of indicator test-staff with breakdown sex = Persons",
      ]
    `);
    expect(problemsAfter((f) => edit(REF(f, "headline_rules.csv"), "test-deaths,1,total,deaths,sex,Persons,,,,deaths registered,", "test-deaths,2,total,deaths,sex,Persons,,,,deaths registered,Changed."))).toMatchInlineSnapshot(`
      [
        "reference/headline_rules.csv:7: column series: "2" should be 1: the series of indicator test-deaths are numbered 1, 2, … in time order, once each",
      ]
    `);
    expect(problemsAfter((f) => edit(REF(f, "headline_rules.csv"), "test-deaths,1,total,deaths,sex,Persons,,,,deaths registered,", "test-deaths,1,total,deaths,sex,Persons,,,,deaths registered,\ntest-deaths,2,total,deaths,sex,Persons,,,,deaths again,"))).toMatchInlineSnapshot(`
      [
        "reference/headline_rules.csv:8: column break_reason: "" must say what changed: this row starts a new series after a break",
      ]
    `);
    expect(problemsAfter((f) => edit(REF(f, "headline_rules.csv"), "test-staff,1,total,", "test-staff,1,range,"))).toMatchInlineSnapshot(`
      [
        "reference/headline_rules.csv:2: column upper_measure: "" a range needs upper_measure, upper_breakdown_type and upper_breakdown_value",
      ]
    `);
    expect(problemsAfter((f) => edit(REF(f, "headline_rules.csv"), "test-staff,1,total,staff_wte,total,all,,,,staff in post,", "test-staff,1,total,staff_wte,total,all,,,,staff in post,Changed."))).toMatchInlineSnapshot(`
      [
        "reference/headline_rules.csv:2: column break_reason: "Changed." must be empty for series 1 (a break comes before a later series)",
      ]
    `);
  });

  it("a role label the taxonomy does not map, two labels of one role that disagree, and a stale conflict record", () => {
    const roles = (f: { sources: string; reference: string }, extra = "") => {
      edit(REF(f, "breakdown_taxonomy.csv"), "group\n", "group\nrole,Band 5 nurses,\"Nurses, Band 5\",Nursing\nrole,Nursing: Nurses - Band 5,\"Nurses, Band 5\",Nursing\n" + extra);
    };
    const row = (label: string, value: string, source = "P1") => `test_survey,vacancy_rate,percent,2023-11-01,country,S92000003,Scotland,role,${label},${value},published,${source},"Table 4",\n`;
    expect(problemsAfter((f) => { roles(f); edit(FIG(f), "test_survey,placements,", row("Band 6 nurses", "8") + "test_survey,placements,"); })).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:10: column breakdown_value: "Band 6 nurses" is not in reference/breakdown_taxonomy.csv: give every role label one canonical name and group there",
      ]
    `);
    expect(problemsAfter((f) => { roles(f); edit(FIG(f), "test_survey,placements,", row("Band 5 nurses", "15.7") + row("Nursing: Nurses - Band 5", "15.71") + "test_survey,placements,"); })).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:11: column value: "15.71" conflicts with "15.7" on sources/nation/figures.csv:10 (source P1) for the same dataset, measure, period, area and breakdown; neither a revision nor the notes say which to prefer (see the README's rule for conflicting figures)",
      ]
    `);
    expect(problemsAfter((f) => { roles(f); edit(FIG(f), "test_survey,placements,", row("Band 5 nurses", "15.7") + row("Nursing: Nurses - Band 5", "15.7", "N1") + "test_survey,placements,"); })).toEqual([]);
    expect(problemsAfter((f) => { roles(f, "role,Band 5 nurses,Nurses (Band 5),Nursing\n"); })).toMatchInlineSnapshot(`
      [
        "reference/breakdown_taxonomy.csv:4: column published_value: "Band 5 nurses" is listed twice for role (first on line 2)",
      ]
    `);
    expect(problemsAfter((f) => edit(REF(f, "figure_conflicts.csv"), "reason\n", "reason\ntest_survey,vacancy_rate,2020-11-01,country,S92000003,total,all,derived,The text is wrong.\n"))).toMatchInlineSnapshot(`
      [
        "reference/figure_conflicts.csv:2: column breakdown_value: "all" matches no shown published figure of test_survey vacancy_rate 2020-11-01 S92000003 (total); the conflict it records no longer exists",
      ]
    `);
    // A recorded conflict that holds: the derived rate is shown and the published one kept with the reason.
    expect(problemsAfter((f) => edit(REF(f, "figure_conflicts.csv"), "reason\n", "reason\ntest_survey,vacancy_rate,2023-11-01,country,S92000003,total,all,derived,The text is wrong.\n"))).toEqual([]);
  });

  it("a unit that differs from its indicator's unit", () => {
    expect(problemsAfter((f) => edit(FIG(f), "test_deaths,deaths,count,2021", "test_deaths,deaths,wte,2021"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:15: column unit: "wte" differs from the unit of indicator test-deaths (count)",
      ]
    `);
  });

  it("a source without a primary/secondary classification and an unknown dataset", () => {
    expect(problemsAfter((f) => edit(REF(f, "source_types.csv"), "N1,secondary,A newspaper report.\n", ""))).toMatchInlineSnapshot(`
      [
        "sources/nation/sources.csv:4: column source_id: "N1" has no row in reference/source_types.csv saying whether it is a primary or secondary source",
      ]
    `);
    expect(problemsAfter((f) => edit(REF(f, "datasets.csv"), "test_population,Test population,,,Made-up population.\n", ""))).toMatchInlineSnapshot(`
      [
        "reference/indicator_measures.csv:9: column dataset_id: "test_population" is not a dataset in datasets.csv",
        "reference/derivations.csv:3: column dataset_b: "test_population" is not a dataset in datasets.csv",
      ]
    `);
  });

  it("lists every problem, not only the first", () => {
    const problems = problemsAfter((f) => {
      edit(FIG(f), ",100.5,published", ",x,published");
      edit(FIG(f), ",51000,published", ",y,published");
    });
    expect(problems).toHaveLength(2);
  });
});

describe("hostile inputs a contributor might produce get one clear message", () => {
  // Lines 8 and 9 give the same figure (9.4) from sources P1 and N1; changing line 9's value makes them conflict.
  const LINE9 = "test_survey,vacancy_rate,percent,2023-11-01,country,S92000003,Scotland,total,all,9.4,published,N1,\"Paragraph 3\",Same figure quoted by a newspaper";

  it("a trailing space in a period does not make a conflicting duplicate a new figure", () => {
    expect(problemsAfter((f) => edit(FIG(f), LINE9, LINE9.replace("2023-11-01,", "2023-11-01 ,").replace(",9.4,", ",9.6,")))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:9: column value: "9.6" conflicts with "9.4" on sources/nation/figures.csv:8 (source P1) for the same dataset, measure, period, area and breakdown; neither a revision nor the notes say which to prefer (see the README's rule for conflicting figures)",
      ]
    `);
  });

  it("a note saying 'Not revised' on a conflicting duplicate is not a revision", () => {
    expect(problemsAfter((f) => edit(FIG(f), LINE9, LINE9.replace(",9.4,", ",9.6,").replace("Same figure quoted by a newspaper", "Not revised")))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:9: column value: "9.6" conflicts with "9.4" on sources/nation/figures.csv:8 (source P1) for the same dataset, measure, period, area and breakdown; neither a revision (the notes of sources/nation/figures.csv:9 say "Not revised", which is no revision) nor the notes say which to prefer (see the README's rule for conflicting figures)",
      ]
    `);
  });

  it("periods that are not real dates or periods", () => {
    const period = (p: string) => problemsAfter((f) => edit(FIG(f), "test_survey,staff_wte,wte,2023-11-01,country", `test_survey,staff_wte,wte,${p},country`));
    expect(period("2021-02-30")).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:2: column period: "2021-02-30" is not a period: 2021-02-30 is not a real date",
      ]
    `);
    expect(period("Q5 2024/2025")).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:2: column period: "Q5 2024/2025" is not a period: quarters are Q1 to Q4 of a financial year (Q1 2025/2026 is April to June 2025)",
      ]
    `);
    expect(period("2024/26")).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:2: column period: "2024/26" is not a period: the second year of a financial year must follow the first (2024/25 or 2024/2025)",
      ]
    `);
  });

  it("bidirectional control characters in a note and in a title, shown escaped", () => {
    expect(problemsAfter((f) => edit(FIG(f), ",Snapshot date\n", ",Snapshot \u202Edate\n"))).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv:2: column notes: "Snapshot \\u{202E}date" contains a bidirectional control character, U+202E (right-to-left override), which makes the text read differently from how it is stored; remove it",
      ]
    `);
    expect(problemsAfter((f) => edit(REF(f, "indicators.csv"), "test-staff,Staff in post,", "test-staff,Staff \u2067in post\u2069,"))).toMatchInlineSnapshot(`
      [
        "reference/indicators.csv:2: column title: "Staff \\u{2067}in post\\u{2069}" contains a bidirectional control character, U+2067 (right-to-left isolate), which makes the text read differently from how it is stored; remove it",
      ]
    `);
    expect(problemsAfter((f) => edit(join(f.sources, "nation", "sources.csv"), "P1,Test survey report,", "P1,Test \u202Bsurvey report,"))).toMatchInlineSnapshot(`
      [
        "sources/nation/sources.csv:2: column title: "Test \\u{202B}survey report" contains a bidirectional control character, U+202B (right-to-left embedding), which makes the text read differently from how it is stored; remove it",
      ]
    `);
  });

  it("a javascript: licence address in release.json", () => {
    expect(problemsAfter((f) => edit(REF(f, "release.json"), "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", "javascript:alert(document.cookie)"))).toMatchInlineSnapshot(`
      [
        "reference/release.json: column licence_url: "javascript:alert(document.cookie)" must be an http(s) address",
      ]
    `);
  });

  it("a cycle of parents in areas.csv", () => {
    expect(problemsAfter((f) => edit(REF(f, "areas.csv"), "country,K02000001,United Kingdom,,,,", "country,K02000001,United Kingdom,,country,S92000003,"))).toMatchInlineSnapshot(`
      [
        "reference/areas.csv:2: column parent_code: "S92000003" makes a cycle of parents (country K02000001 → country S92000003 → country K02000001); an area cannot be its own ancestor",
      ]
    `);
  });

  it("an empty precision in indicators.csv is refused, not read as 0", () => {
    expect(problemsAfter((f) => edit(REF(f, "indicators.csv"), "test-staff,Staff in post,Staff,Test staff in post.,wte,1,", "test-staff,Staff in post,Staff,Test staff in post.,wte,,"))).toMatchInlineSnapshot(`
      [
        "reference/indicators.csv:2: column precision: "" must be a whole number from 0 to 4 (the decimal places shown); it may not be empty",
      ]
    `);
  });

  it("a row naming an indicator that is in no row of indicators.csv is still reported (only refused rows are not blamed twice)", () => {
    expect(problemsAfter((f) => edit(REF(f, "indicator_measures.csv"), "test-staff,test_survey,staff_wte,", "test-staf,test_survey,staff_wte,"))[0]).toMatchInlineSnapshot(`"reference/indicator_measures.csv:2: column indicator_id: "test-staf" is not an indicator in indicators.csv"`);
  });

  it("a 50 MB notes cell in a sources.csv catalogue", () => {
    expect(problemsAfter((f) => edit(join(f.sources, "nation", "sources.csv"), ",Primary test source\n", `,${"x".repeat(50 * 1024 * 1024)}\n`))).toMatchInlineSnapshot(`
      [
        "sources/nation/sources.csv:2: column notes: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is longer than 4,000 characters",
      ]
    `);
  });
});

describe("a published release is never changed silently", () => {
  it("refuses figures that differ from the snapshot recorded for this release id", async () => {
    const { copyFixture } = await import("../helpers/fixtures.ts");
    const { runPipeline } = await import("../../scripts/pipeline/run.ts");
    const { InputError } = await import("../../scripts/pipeline/problems.ts");
    const { mkdirSync } = await import("node:fs");
    const f = copyFixture();
    try {
      mkdirSync(join(f.dir, "releases2"));
      writeFileSync(join(f.dir, "releases2", "2000-01-test.csv"), "figure_id,indicator_id,value,status\nf-ff932f30232b0404,test-staff,100.5,published\n");
      let error: unknown;
      try {
        runPipeline({ sourcesDir: f.sources, referenceDir: f.reference, outDir: f.out, releasesDir: join(f.dir, "releases2") });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/releases2\/2000-01-test\.csv: records release 2000-01-test as published, but 18 figures now differ; give this build a new release id and date in .*reference\/release\.json$/);
    } finally {
      f.cleanup();
    }
  });
});

/** Whether this system lets a test make symbolic links (some Windows accounts may not). */
function canSymlink(): boolean {
  const dir = mkdtempSync(join(tmpdir(), "daw-link-"));
  try {
    symlinkSync("nowhere", join(dir, "link"));
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!canSymlink())("symbolic links in the sources and reference folders", () => {
  // A file outside both folders whose first line must never reach a message.
  const SECRET = "SECRET-FIRST-LINE,do-not-echo\n";
  const outside = (f: { dir: string }) => {
    writeFileSync(join(f.dir, "secret.csv"), SECRET);
    return join(f.dir, "secret.csv");
  };

  it("a link to a file outside the sources folder is named and refused, and its content never shown", () => {
    const problems = problemsAfter((f) => symlinkSync(outside(f), join(f.sources, "nation", "extra.csv")));
    expect(problems).toMatchInlineSnapshot(`
      [
        "sources/nation/extra.csv: is a symbolic link to a place outside sources; copy the file into the folder instead (the link is not followed)",
      ]
    `);
    expect(problems.join("\n")).not.toContain("SECRET");
  });

  it("a figure file replaced by a relative link that leaves the folder", () => {
    const problems = problemsAfter((f) => {
      outside(f);
      rmSync(FIG(f));
      symlinkSync(join("..", "..", "secret.csv"), FIG(f));
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "sources/nation/figures.csv: is a symbolic link to a place outside sources; copy the file into the folder instead (the link is not followed)",
      ]
    `);
    expect(problems.join("\n")).not.toContain("SECRET");
  });

  it("a link that dangles, and a link that loops", () => {
    expect(problemsAfter((f) => symlinkSync("gone.csv", join(f.sources, "nation", "old.csv")))).toMatchInlineSnapshot(`
      [
        "sources/nation/old.csv: is a symbolic link to nothing (its target does not exist); put the file itself here",
      ]
    `);
    expect(problemsAfter((f) => symlinkSync("loop.csv", join(f.sources, "nation", "loop.csv")))).toMatchInlineSnapshot(`
      [
        "sources/nation/loop.csv: is a symbolic link that leads round in a loop to itself; put the file itself here",
      ]
    `);
  });

  it("a link to a folder outside is refused, whatever its name, so the files in it are not lost without a word", () => {
    const problems = problemsAfter((f) => {
      mkdirSync(join(f.dir, "elsewhere"));
      writeFileSync(join(f.dir, "elsewhere", "figures.csv"), SECRET);
      symlinkSync(join(f.dir, "elsewhere"), join(f.sources, "more.d"));
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "sources/more.d: is a symbolic link to a place outside sources; copy the file into the folder instead (the link is not followed)",
      ]
    `);
    expect(problems.join("\n")).not.toContain("SECRET");
  });

  it("a reference table that is a link outside the reference folder, or to nothing", () => {
    const problems = problemsAfter((f) => {
      outside(f);
      rmSync(REF(f, "areas.csv"));
      symlinkSync(join(f.dir, "secret.csv"), REF(f, "areas.csv"));
    });
    // The first problem is the build's one message; the rest follow from areas.csv being unread.
    expect(problems[0]).toMatchInlineSnapshot(`"reference/areas.csv: is a symbolic link to a place outside reference; copy the file into the folder instead (the link is not followed)"`);
    expect(problems.join("\n")).not.toContain("SECRET");
    expect(
      problemsAfter((f) => {
        rmSync(REF(f, "release.json"));
        symlinkSync("release-old.json", REF(f, "release.json"));
      }),
    ).toMatchInlineSnapshot(`
      [
        "reference/release.json: is a symbolic link to nothing (its target does not exist); put the file itself here",
      ]
    `);
  });

  it("a link inside a folder to a file inside it is followed: the same figures as the clean fixture", () => {
    expect(
      problemsAfter((f) => {
        mkdirSync(join(f.sources, "nation", "files"));
        renameSync(FIG(f), join(f.sources, "nation", "files", "figures.txt"));
        symlinkSync(join("files", "figures.txt"), FIG(f));
        renameSync(REF(f, "areas.csv"), REF(f, "areas.txt"));
        symlinkSync(REF(f, "areas.txt"), REF(f, "areas.csv"));
      }),
    ).toEqual([]);
  });
});
