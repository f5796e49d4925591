import { describe, expect, it } from "vitest";
import { leadingDate, resolveGroup, type Candidate } from "../../scripts/pipeline/check.ts";

const row = (over: Partial<Candidate>): Candidate => ({
  value_text: "10",
  number: 10,
  status: "published",
  notes: "",
  source_id: "S1",
  sourceDate: "2024-01-01",
  sourceType: "primary",
  file: "f.csv",
  line: 2,
  ...over,
});

describe("resolveGroup: the rule for figures sharing a key", () => {
  it("treats the same value from two sources as corroboration and shows the primary source", () => {
    const r = resolveGroup([row({ source_id: "NEWS", sourceType: "secondary" }), row({ source_id: "GOV" })]);
    expect(r.ok && r.decisions.map((d) => [d.preferred, d.corroboratedBy])).toEqual([
      [false, [1]],
      [true, [0]],
    ]);
  });

  it("shows the later publication when a note documents a revision, and marks it revised", () => {
    const r = resolveGroup([
      row({ value_text: "477", number: 477, notes: "later revised to 479", sourceDate: "2024-07-18" }),
      row({ value_text: "479", number: 479, source_id: "S2", sourceDate: "2024-12-17" }),
    ]);
    expect(r.ok && r.decisions.map((d) => [d.preferred, d.revised])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it("does not treat a revision note as resolving when the dates cannot be ordered", () => {
    const r = resolveGroup([
      row({ value_text: "477", number: 477, notes: "revised", sourceDate: "2024" }),
      row({ value_text: "479", number: 479, source_id: "S2", sourceDate: "2024-12" }),
    ]);
    expect(r.ok).toBe(false);
  });

  it("follows a note that names the preferred value", () => {
    const r = resolveGroup([row({ value_text: "398", number: 398 }), row({ value_text: "400", number: 400, source_id: "S2", notes: "Consistent with 398; prefer 398." })]);
    expect(r.ok && r.decisions.map((d) => d.preferred)).toEqual([true, false]);
  });

  it("prefers the exact figure over one published as a bound", () => {
    const r = resolveGroup([row({ value_text: "80", number: 80, notes: "Published as 'more than 80 per cent' (lower bound)." }), row({ value_text: "83", number: 83, source_id: "S2" })]);
    expect(r.ok && r.decisions.map((d) => d.preferred)).toEqual([false, true]);
  });

  it("refuses different values that no rule resolves", () => {
    const r = resolveGroup([row({ value_text: "1", number: 1 }), row({ value_text: "2", number: 2, source_id: "S2" })]);
    expect(r).toEqual({ ok: false, rule: expect.stringContaining("neither a revision nor the notes say which to prefer") });
  });

  it("reads the leading date of a catalogue date", () => {
    expect(leadingDate("2024-07-18 (revised 2024-09-17)")).toBe("2024-07-18");
    expect(leadingDate("unknown (2025)")).toBe("");
    expect(leadingDate("2022-03 (compendium)")).toBe("2022-03");
  });
});
