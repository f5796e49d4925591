import { describe, expect, it } from "vitest";
import { ratiosOf, selectSide, workforceNeedEntry, workforceNeedPage, type SideSpec } from "../../src/lib/views/workforceNeed.ts";
import type { Figure } from "../../src/schemas/figure.ts";
import { fig } from "../helpers/figures.ts";

// Made-up figures: a workforce indicator and a need indicator for England, in two periods each.
const ENG = "E92000001";
const wf = (period: string, value: number, over: Partial<Figure> = {}) =>
  fig({ indicator_id: "wf", measure: "staff_wte", unit: "wte", area_code: ENG, breakdown_type: "group", breakdown_value: "all", period, value, value_text: String(value), ...over });
const need = (period: string, value: number, over: Partial<Figure> = {}) =>
  fig({ indicator_id: "need", measure: "people_in_treatment", area_code: ENG, breakdown_type: "age", breakdown_value: "18+", period, value, value_text: String(value), ...over });
const spec = (indicator_id: string, measure: string, breakdown_type: string, breakdown_value: string, period = ""): SideSpec => ({ indicator_id, measure, breakdown_type, breakdown_value, period });
const WF = spec("wf", "staff_wte", "group", "all");
const NEED = spec("need", "people_in_treatment", "age", "18+");

describe("selectSide", () => {
  it("takes the latest period of the nation's shown values unless the row names a period", () => {
    const a = wf("2023", 10);
    const b = wf("2024", 12);
    const scottish = wf("2025", 99, { area_code: "S92000003" });
    const setAside = wf("2025", 50, { preferred: false });
    expect(selectSide(WF, "england", [a, b, scottish, setAside])).toEqual([b]);
    expect(selectSide({ ...WF, period: "2023" }, "england", [a, b])).toEqual([a]);
  });

  it("with no breakdown value, returns every value of the breakdown type for that period, largest first", () => {
    const hscp = fig({ indicator_id: "c", measure: "median", breakdown_type: "org", breakdown_value: "HSCP", value: 46 });
    const nhs = fig({ indicator_id: "c", measure: "median", breakdown_type: "org", breakdown_value: "NHS", value: 28 });
    expect(selectSide(spec("c", "median", "org", ""), "scotland", [nhs, hscp]).map((f) => f.value)).toEqual([46, 28]);
  });
});

describe("workforce beside need", () => {
  const row = (over: Partial<Parameters<typeof workforceNeedEntry>[0]> = {}) => ({
    id: "p",
    order: 1,
    nation: "england" as const,
    kind: "pair" as const,
    title: "Workforce beside adults in treatment",
    explanation: "The census counts staff in a calendar year; treatment is counted over a financial year.",
    derivation_id: "",
    workforce: WF,
    need: NEED,
    ...over,
  });

  it("sets the two side by side with their periods and says why there is no ratio when the periods differ", () => {
    const w = wf("2024", 14121);
    const n = need("2024/25", 329646);
    const entry = workforceNeedEntry(row(), [w, n]);
    expect([entry.workforce.figure_ids, entry.need!.figure_ids, entry.ratio_figure_ids]).toEqual([[w.figure_id], [n.figure_id], []]);
    const page = workforceNeedPage([entry], new Map([w, n].map((f) => [f.figure_id, f])), new Map());
    const p = page.nations[0]!.pairs[0]!;
    expect(p.samePeriod).toBe(false);
    expect(p.ratios).toEqual([]);
    expect(p.noRatio).toBe("The workforce figure is for 2024 and the need figure for 2024/25: different periods. The census counts staff in a calendar year; treatment is counted over a financial year.");
  });

  it("shows a ratio only when a derived figure was made from exactly these two figures", () => {
    const w = wf("2024/25", 100);
    const n = need("2024/25", 2500);
    const other = need("2023/24", 2400);
    const ratio = fig({ indicator_id: "need", measure: "per_wte", status: "derived", period: "2024/25", area_code: ENG, value: 25, value_text: "25", derived_from: [n.figure_id, w.figure_id], formula: "people ÷ WTE" });
    const unrelated = fig({ indicator_id: "need", measure: "per_wte", status: "derived", period: "2023/24", area_code: ENG, value: 24, value_text: "24", derived_from: [other.figure_id, w.figure_id], formula: "people ÷ WTE" });
    expect(ratiosOf([n], [w], [w, n, other, ratio, unrelated])).toEqual([ratio]);
    const all = [w, n, other, ratio, unrelated];
    const entry = workforceNeedEntry(row({ derivation_id: "people-per-wte" }), all);
    expect(entry.ratio_figure_ids).toEqual([ratio.figure_id]);
    const p = workforceNeedPage([entry], new Map(all.map((f) => [f.figure_id, f])), new Map()).nations[0]!.pairs[0]!;
    expect([p.samePeriod, p.noRatio, p.ratios.map((r) => r.value)]).toEqual([true, "", [25]]);
    // Without a derivation named, no ratio is looked for, even for the same period: the row must say why.
    const plain = workforceNeedPage([workforceNeedEntry(row(), all)], new Map(all.map((f) => [f.figure_id, f])), new Map()).nations[0]!.pairs[0]!;
    expect([plain.samePeriod, plain.ratios, plain.noRatio]).toEqual([true, [], "The census counts staff in a calendar year; treatment is counted over a financial year."]);
  });

  it("leads with the published workforce-to-demand figures and groups pairs by nation, Scotland first", () => {
    const hscp = fig({ indicator_id: "c", measure: "median", breakdown_type: "org", breakdown_value: "HSCP", value: 46 });
    const w = wf("2024", 1);
    const n = need("2024/25", 2);
    const s1 = fig({ indicator_id: "s", measure: "wte", breakdown_type: "total", breakdown_value: "all", value: 3 });
    const s2 = fig({ indicator_id: "sn", measure: "people", breakdown_type: "total", breakdown_value: "all", period: "2021/22", value: 4 });
    const all = [hscp, w, n, s1, s2];
    const entries = [
      workforceNeedEntry(row({ id: "eng", order: 3 }), all),
      workforceNeedEntry(row({ id: "caseloads", order: 1, nation: "scotland", kind: "published_ratio", workforce: spec("c", "median", "org", ""), need: null }), all),
      workforceNeedEntry(row({ id: "sco", order: 2, nation: "scotland", workforce: spec("s", "wte", "total", "all"), need: spec("sn", "people", "total", "all") }), all),
    ];
    const page = workforceNeedPage(entries, new Map(all.map((f) => [f.figure_id, f])), new Map());
    expect(page.lead.map((p) => [p.id, p.workforce.figures.map((f) => f.value), p.noRatio])).toEqual([["caseloads", [46], ""]]);
    expect(page.nations.map((x) => [x.nation, x.pairs.map((p) => p.id)])).toEqual([
      ["scotland", ["sco"]],
      ["england", ["eng"]],
    ]);
  });
});
