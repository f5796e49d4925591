import { describe, expect, it } from "vitest";
import { releaseNotes, replacedIds, type ReleaseEntry } from "../../src/lib/views/releaseNotes.ts";
import { fig } from "../helpers/figures.ts";

// Made-up figures: a waiting-times share revised in a later vintage (a new figure id), and a count revised in place.
const old = fig({ figure_id: "f-00000000000000a1", indicator_id: "waits", measure: "within_3_weeks", measure_label: "Started within 3 weeks (%)", unit: "percent", value: 90.5, value_text: "90.5", source_id: "S10", source_publisher: "An ADP website", source_published_date: "2024-03", preferred: false, preferred_figure_id: "f-00000000000000a2", period: "2023-10-01/2023-12-31", breakdown_type: "service_setting", breakdown_value: "Community-based" });
const now = fig({ ...old, figure_id: "f-00000000000000a2", value: 90.6, value_text: "90.6", source_id: "S47", source_publisher: "The Herald", source_published_date: "2024-06-25", preferred: true, preferred_figure_id: "", marker: "[r]" });
const inPlace = fig({ figure_id: "f-00000000000000b1", indicator_id: "staff", measure_label: "Staff", unit: "wte", value: 100.5, value_text: "100.5", source_id: "P1", source_publisher: "A publisher" });
const replacement = fig({ figure_id: "f-00000000000000c1", indicator_id: "rates", unit: "percent", value: 15.7, value_text: "15.7" });
const entry: ReleaseEntry = {
  id: "2026-12",
  previous: "2026-11",
  added: 229,
  revised: 2,
  removed: 1,
  new_indicators: ["caseloads", "not-an-indicator"],
  updated_indicators: ["waits"],
  revised_figures: [
    { figure_id: now.figure_id, indicator_id: "waits", old_figure_id: old.figure_id, old_value: "90.5", old_status: "published", old_source_id: "S10", new_value: "90.6", new_status: "published", new_source_id: "S47" },
    { figure_id: inPlace.figure_id, indicator_id: "staff", old_figure_id: inPlace.figure_id, old_value: "99.5", old_status: "published", old_source_id: "P1", new_value: "100.5", new_status: "published", new_source_id: "P1" },
  ],
  removed_figures: [{ figure_id: "d-00000000000000d1", indicator_id: "rates", old_value: "15.71", old_status: "derived", replaced_by: replacement.figure_id, reason: "A published figure now exists for the same role." }],
};
const figures = new Map([old, now, inPlace, replacement].map((f) => [f.figure_id, f]));
const indicators = new Map([
  ["waits", { id: "waits", title: "Waiting times", precision: 1 }],
  ["staff", { id: "staff", title: "Staff", precision: 1 }],
  ["caseloads", { id: "caseloads", title: "Caseloads", precision: 0 }],
  ["rates", { id: "rates", title: "Vacancy rates", precision: 1 }],
]);

describe("releaseNotes", () => {
  const notes = releaseNotes(entry, figures, indicators);

  it("says in words what the release changed", () => {
    expect(notes.counts).toBe("229 figures added, 2 revised and 1 removed, compared with release 2026-11.");
    expect(notes.newIndicators.map((i) => i.title)).toEqual(["Caseloads"]);
    expect(notes.updatedIndicators.map((i) => i.id)).toEqual(["waits"]);
    expect(releaseNotes({ ...entry, id: "2026-11", previous: "", added: 1 }, figures, indicators).counts).toBe("The first release, with 1 figure.");
  });

  it("shows both values and both sources of a revision that arrived as a new figure, each linked to its figure", () => {
    const r = notes.revisions[0]!;
    expect([r.before.value, r.before.sourceId, r.before.source, r.before.figure?.figure_id]).toEqual(["90.5%", "S10", "An ADP website, March 2024", old.figure_id]);
    expect([r.now.value, r.now.sourceId, r.now.source, r.now.figure?.figure_id]).toEqual(["90.6%", "S47", "The Herald, 25 June 2024", now.figure_id]);
    expect(r.sentence).toBe("Was 90.5% (S10), now 90.6% (S47).");
    expect(r.what).toBe("Started within 3 weeks (%), Community-based, Scotland, 1 October to 31 December 2023");
  });

  it("shows the old value of a figure revised in place from the changelog, in the figure's unit", () => {
    const r = notes.revisions[1]!;
    expect([r.before.value, r.before.figure, r.now.value]).toEqual(["99.5 WTE", undefined, "100.5 WTE"]);
  });

  it("gives each removed figure its reason and the figure shown in its place, whose row carries the old id", () => {
    expect(notes.removals.map((r) => [r.figureId, r.was, r.reason, r.replacement?.figure_id])).toEqual([["d-00000000000000d1", "15.71%", "A published figure now exists for the same role.", replacement.figure_id]]);
    expect(replacedIds([entry])).toEqual(new Map([[replacement.figure_id, ["d-00000000000000d1"]]]));
  });
});
