/**
 * The registry's record of data/reference/workforce_need.csv: each row with the figures its sides show now and the
 * derived ratio, chosen by the page model's own selection (src/lib/views/workforceNeed.ts). A side that matches no
 * shown figure, or a ratio derivation that made no figure for the chosen pair, is a problem: the page would otherwise
 * show an empty side or claim a ratio that does not exist.
 */
import type { Figure } from "../../src/schemas/figure.ts";
import { workforceNeedEntry, type SideSpec, type WorkforceNeedEntry } from "../../src/lib/views/workforceNeed.ts";
import type { ProblemList } from "./problems.ts";
import type { Reference } from "./reference.ts";

export function workforceNeedRegistry(figures: readonly Figure[], ref: Reference, problems: ProblemList): WorkforceNeedEntry[] {
  return ref.workforceNeed
    .map(({ row: r, file, line }) => {
      const side = (s: "workforce" | "need"): SideSpec => ({
        indicator_id: r[`${s}_indicator`],
        measure: r[`${s}_measure`],
        breakdown_type: r[`${s}_breakdown_type`],
        breakdown_value: r[`${s}_breakdown_value`],
        period: r[`${s}_period`],
      });
      const entry = workforceNeedEntry(
        { id: r.id, order: r.order, nation: r.nation, kind: r.kind, title: r.title, explanation: r.explanation, derivation_id: r.derivation_id, workforce: side("workforce"), need: r.kind === "pair" ? side("need") : null },
        figures,
      );
      for (const s of ["workforce", "need"] as const) {
        const chosen = entry[s];
        if (chosen && chosen.figure_ids.length === 0)
          problems.add({ file, line, column: `${s}_measure`, value: chosen.measure, rule: `matches no shown figure for ${r.nation} of indicator ${chosen.indicator_id} with breakdown ${chosen.breakdown_type} = ${chosen.breakdown_value || "(any)"}${chosen.period ? ` in ${chosen.period}` : ""}` });
      }
      if (r.derivation_id !== "" && entry.ratio_figure_ids.length === 0)
        problems.add({ file, line, column: "derivation_id", value: r.derivation_id, rule: "made no ratio from the figures this row shows (a ratio needs both for the same area and period); clear derivation_id and say why in explanation" });
      return entry;
    })
    .sort((a, b) => a.order - b.order);
}
