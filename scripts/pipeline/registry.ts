import type { Figure } from "../../src/schemas/figure.ts";
import { compareText } from "../../src/lib/text.ts";
import { periodMidpoint } from "../../src/lib/periods.ts";
import type { SiteRegistry } from "../../src/schemas/site.ts";
import { GEOGRAPHY_LEVELS, NATION_CODE, type GeographyLevel } from "../../src/schemas/vocabulary.ts";
import type { ProblemList } from "./problems.ts";
import type { Reference } from "./reference.ts";
import type { SourceEntry } from "./validate.ts";
import type { ReleaseLog } from "./changelog.ts";
import { workforceNeedRegistry } from "./workforceNeed.ts";
import { headlineAt, type HeadlineRule } from "../../src/lib/views/headline.ts";

/** Latest shown national figure matching a comparison side, or undefined (`figures`: the shown national values). */
function headlineFigure(figures: Figure[], nation: "scotland" | "england", indicatorId: string, measure: string, bt: string, bv: string): Figure | undefined {
  const candidates = figures.filter(
    (f) =>
      f.indicator_id === indicatorId &&
      f.area_code === NATION_CODE[nation] &&
      (measure === "" || f.measure === measure) &&
      (bt === "" ? f.breakdown_type === "total" : f.breakdown_type === bt) &&
      (bv === "" || f.breakdown_value === bv),
  );
  // Latest by the middle of the period, so a snapshot on 1 November 2021 counts as later than "2021".
  const when = (f: Figure) => (f.period_start ? periodMidpoint(f.period_start, f.period_end) : "");
  return candidates.sort((a, b) => compareText(when(a), when(b)) || compareText(a.period, b.period)).at(-1);
}

/** Builds site/registry.json from the reference tables, the figures and the sources catalogue. */
export function buildRegistry(figures: Figure[], ref: Reference, sources: ReadonlyMap<string, SourceEntry>, problems: ProblemList, history: ReleaseLog[] = []): SiteRegistry {
  const nationCodes = new Set<string>(Object.values(NATION_CODE));
  // The national figures (each selection below looks only at these), and the shown values among them.
  const national = figures.filter((f) => nationCodes.has(f.area_code));
  const nationalShown = national.filter((f) => f.preferred && f.role === "value");
  const byIndicator = new Map<string, Figure[]>();
  const perSource = new Map<string, number>();
  for (const f of figures) {
    (byIndicator.get(f.indicator_id) ?? byIndicator.set(f.indicator_id, []).get(f.indicator_id)!).push(f);
    perSource.set(f.source_id, (perSource.get(f.source_id) ?? 0) + 1);
  }
  const members = new Map<string, string[]>();
  for (const m of ref.adpCouncilAreas) members.set(m.row.adp_code, [...(members.get(m.row.adp_code) ?? []), m.row.council_area_code]);
  const rulesOf = (id: string): HeadlineRule[] => (ref.headlineRules.get(id) ?? []).map(({ row: { indicator_id: _, ...rule } }) => rule);
  const headlines = ref.headlines.map(({ row: h, file, line }) => {
    let figureId = "";
    if (h.indicator_id !== "") {
      const unit = ref.indicatorById.get(h.indicator_id)!.row.unit;
      const nationalShownHere = (byIndicator.get(h.indicator_id) ?? []).filter((f) => f.preferred && f.role === "value" && f.area_code === NATION_CODE[h.nation]);
      const headline = headlineAt(rulesOf(h.indicator_id), nationalShownHere, unit);
      if (headline) figureId = headline.figure.figure_id;
      else problems.add({ file, line, column: "indicator_id", value: h.indicator_id, rule: `has no shown figure for ${h.nation} matching the indicator's headline rule (headline_rules.csv)` });
    }
    return { nation: h.nation, order: h.order, label: h.label, indicator_id: h.indicator_id, figure_id: figureId, missing_reason: h.missing_reason };
  });
  headlines.sort((a, b) => compareText(a.nation, b.nation) || a.order - b.order);
  const comparisons = ref.comparisons
    .map(({ row: c, file, line }) => ({
      id: c.id,
      order: c.order,
      title: c.title,
      comparable: c.comparable,
      notes: c.notes,
      sides: (["scotland", "england"] as const).map((nation) => {
        const indicatorId = c[`${nation}_indicator`];
        let figureId = "";
        if (indicatorId !== "") {
          const f = headlineFigure(nationalShown, nation, indicatorId, c[`${nation}_measure`], c[`${nation}_breakdown_type`], c[`${nation}_breakdown_value`]);
          if (f) figureId = f.figure_id;
          else problems.add({ file, line, column: `${nation}_indicator`, value: indicatorId, rule: `has no shown national figure for ${nation} matching this comparison` });
        }
        return { nation, indicator_id: indicatorId, figure_id: figureId, missing_reason: c[`${nation}_missing`] };
      }),
    }))
    .sort((a, b) => a.order - b.order);
  return {
    release: ref.release,
    indicators: ref.indicators.map(({ row: ind }) => {
      const fs = byIndicator.get(ind.id) ?? [];
      const levels = new Set(fs.filter((f) => f.preferred).map((f) => f.geography_level));
      return {
        ...ind,
        measures: ref.indicatorMeasures
          .filter((m) => m.row.indicator_id === ind.id)
          .map(({ row: m }) => ({ dataset_id: m.dataset_id, measure: m.measure, role: m.role, label: m.label })),
        headline_rules: rulesOf(ind.id),
        figure_count: fs.length,
        geography_levels: GEOGRAPHY_LEVELS.filter((l): l is GeographyLevel => levels.has(l)),
        derived_formulas: [...new Set(fs.map((f) => f.formula).filter((x) => x !== ""))].sort(),
      };
    }),
    sources: [...sources.values()]
      .map(({ row: s }) => ({
        ...s,
        source_type: ref.sourceTypes.get(s.source_id)!.row.source_type,
        source_type_reason: ref.sourceTypes.get(s.source_id)!.row.reason,
        figure_count: perSource.get(s.source_id) ?? 0,
      }))
      .sort((a, b) => compareText(a.source_id, b.source_id)),
    breakdown_groups: ref.groupOrder,
    similarity: ref.similarity.map(({ row }) => row).sort((a, b) => compareText(a.level, b.level) || a.order - b.order),
    service_sections: ref.serviceSections
      .map(({ row: r }) => ({ id: r.id, order: r.order, title: r.title, intro: r.intro, indicators: r.indicators, area_table: r.area_table_indicator ? { indicator_id: r.area_table_indicator, level: r.area_table_level || "adp", periods: Number(r.area_table_periods) } : null }))
      .sort((a, b) => a.order - b.order),
    derivations: ref.derivations.map(({ row: d }) => ({ id: d.id, kind: d.kind, dataset_id: d.dataset_id, measure_a: d.measure_a, measure_b: d.measure_b, dataset_b: d.dataset_b, output_measure: d.output_measure, formula: d.formula })),
    datasets: [...ref.datasets.values()].map(({ row }) => row).sort((a, b) => compareText(a.dataset_id, b.dataset_id)),
    areas: ref.areas.map(({ row: a }) => ({
      level: a.level,
      code: a.code,
      name: a.name,
      aliases: a.aliases,
      parent_level: a.parent_level,
      parent_code: a.parent_code,
      council_areas: members.get(a.code) && a.level === "adp" ? members.get(a.code)! : [],
      notes: a.notes,
    })),
    headlines,
    comparisons,
    workforce_need: workforceNeedRegistry(national, ref, problems),
    releases: history.map((h) => ({
      id: h.id,
      previous: h.previous,
      ...h.counts,
      new_indicators: h.indicators.new,
      updated_indicators: h.indicators.updated,
      revised_figures: h.changes.filter((c) => c.change === "revised").map((c) => ({ figure_id: c.figure_id, indicator_id: c.indicator_id, old_figure_id: c.old_figure_id, old_value: c.old_value, old_status: c.old_status, old_source_id: c.old_source_id, new_value: c.new_value, new_status: c.new_status, new_source_id: c.new_source_id })),
      removed_figures: h.changes
        .filter((c) => c.change === "removed")
        .map((c) => {
          const recorded = ref.removedFigures.find((r) => r.row.release_id === h.id && r.row.figure_id === c.figure_id)?.row;
          return { figure_id: c.figure_id, indicator_id: c.indicator_id, old_value: c.old_value, old_status: c.old_status, replaced_by: recorded?.replaced_by ?? "", reason: recorded?.reason ?? c.reason };
        }),
    })),
  };
}
