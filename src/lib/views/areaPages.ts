/** The pages "every figure of an indicator for one area" (pure). */
import type { Figure } from "../../schemas/figure.ts";
import { GEOGRAPHY_LEVELS, type GeographyLevel } from "../../schemas/vocabulary.ts";
import { compareText } from "../text.ts";

export interface AreaPageRef {
  level: GeographyLevel;
  code: string;
  label: string;
  count: number;
}

const levelIndex = (l: string) => (GEOGRAPHY_LEVELS as readonly string[]).indexOf(l);

export function areaPagesOf(figures: Figure[]): AreaPageRef[] {
  const m = new Map<string, AreaPageRef>();
  for (const f of figures) {
    const k = `${f.geography_level}|${f.area_code}`;
    const e = m.get(k);
    if (e) e.count++;
    else m.set(k, { level: f.geography_level, code: f.area_code, label: f.area_label, count: 1 });
  }
  return [...m.values()].sort((a, b) => levelIndex(a.level) - levelIndex(b.level) || compareText(a.label, b.label));
}
