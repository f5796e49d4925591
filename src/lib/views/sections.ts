/**
 * The page model of the service provision page: its sections come from data/reference/service_sections.csv; any
 * service-provision indicator no section names still appears, under "Other service provision", so a new publication
 * never disappears from the page.
 */
import type { GeographyLevel } from "../../schemas/vocabulary.ts";

export interface Section {
  id: string;
  title: string;
  intro: string;
  indicators: string[];
  areaTable: { indicatorId: string; level: GeographyLevel; periods: number } | undefined;
}

export interface SectionRow {
  id: string;
  title: string;
  intro: string;
  indicators: string[];
  area_table: { indicator_id: string; level: GeographyLevel; periods: number } | null;
}

/** The sections with only indicators that exist, plus "Other service provision" for any not placed. */
export function serviceSections(rows: SectionRow[], indicators: { id: string; topic: string }[]): Section[] {
  const known = new Set(indicators.map((i) => i.id));
  const placed = new Set(rows.flatMap((s) => s.indicators));
  const sections: Section[] = rows
    .map((s) => ({
      id: s.id,
      title: s.title,
      intro: s.intro,
      indicators: s.indicators.filter((id) => known.has(id)),
      areaTable: s.area_table && known.has(s.area_table.indicator_id) ? { indicatorId: s.area_table.indicator_id, level: s.area_table.level, periods: s.area_table.periods } : undefined,
    }))
    .filter((s) => s.indicators.length > 0);
  const other = indicators.filter((i) => i.topic === "service_provision" && !placed.has(i.id)).map((i) => i.id);
  if (other.length > 0) sections.push({ id: "other", title: "Other service provision", intro: "Other service provision indicators.", indicators: other, areaTable: undefined });
  return sections;
}
