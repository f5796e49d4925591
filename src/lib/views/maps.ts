/** Which indicators can be mapped at which geography level (pure). */
import type { Figure } from "../../schemas/figure.ts";
import type { GeographyLevel } from "../../schemas/vocabulary.ts";
import { leadHeadline, mapChoice, type IndicatorLike } from "./indicatorPage.ts";
import { shownValues, type Breakdown } from "./select.ts";

export interface Mappable {
  indicatorId: string;
  level: GeographyLevel;
  areas: number;
  measure: string;
  breakdown: Breakdown;
}

/** Every (indicator, level) pair with shown figures of the indicator's headline measure and breakdown below country level. */
export function mappables(indicators: IndicatorLike[], figuresByIndicator: Map<string, Figure[]>): Mappable[] {
  const out: Mappable[] = [];
  for (const ind of indicators) {
    const values = shownValues(figuresByIndicator.get(ind.id) ?? []);
    const { mapRule, mapLevels } = mapChoice(ind, values, leadHeadline(ind, values));
    if (!mapRule) continue;
    for (const l of mapLevels) out.push({ indicatorId: ind.id, level: l.level, areas: l.areas, measure: mapRule.measure, breakdown: { type: mapRule.type, value: mapRule.value } });
  }
  return out;
}
