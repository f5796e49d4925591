/** Which indicators can be mapped at which geography level (pure). */
import type { Figure } from "../../schemas/figure.ts";
import { indicatorView, type IndicatorLike } from "./indicator.ts";
import type { Breakdown } from "./select.ts";
import type { GeographyLevel } from "../../schemas/vocabulary.ts";

export interface Mappable {
  indicatorId: string;
  level: GeographyLevel;
  areas: number;
  measure: string;
  breakdown: Breakdown;
}

/** Every (indicator, level) pair with shown figures of the indicator's main measure below country level. */
export function mappables(indicators: IndicatorLike[], figuresByIndicator: Map<string, Figure[]>): Mappable[] {
  const out: Mappable[] = [];
  for (const ind of indicators) {
    const v = indicatorView(ind, figuresByIndicator.get(ind.id) ?? []);
    if (!v.measure || !v.breakdown) continue;
    for (const l of v.mapLevels) out.push({ indicatorId: ind.id, level: l.level, areas: l.areas, measure: v.measure, breakdown: v.breakdown });
  }
  return out;
}
