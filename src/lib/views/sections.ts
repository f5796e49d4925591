/**
 * Sections of the service provision page. Indicators are placed by id; any service-provision indicator not
 * named here still appears, under "Other service provision", so a new publication never disappears.
 */
export interface Section {
  id: string;
  title: string;
  intro: string;
  indicators: string[];
}

export const SERVICE_SECTIONS: Section[] = [
  {
    id: "waiting-times",
    title: "Treatment waiting times",
    intro: "How quickly people start drug and alcohol treatment in Scotland, and how many are still waiting at the end of each quarter, for Scotland and each Alcohol and Drug Partnership.",
    indicators: ["scotland-waiting-times-within-3-weeks", "scotland-ongoing-waits-over-3-weeks", "scotland-ongoing-waits", "scotland-ongoing-waits-median", "scotland-waiting-at-quarter-end", "scotland-waiting-at-quarter-end-share", "scotland-waiting-times-activity"],
  },
  {
    id: "assessments",
    title: "Initial assessments",
    intro: "How many people are assessed for specialist drug and alcohol treatment in Scotland each year.",
    indicators: ["scotland-initial-assessments", "scotland-daisy-assessment-completeness", "scotland-sdmd-people-assessed"],
  },
  {
    id: "mat-standards",
    title: "Medication Assisted Treatment (MAT) standards",
    intro: "How far Alcohol and Drug Partnership areas have implemented the ten MAT standards.",
    indicators: ["scotland-mat-standards-implementation", "scotland-mat-standards-counts"],
  },
  {
    id: "residential-rehabilitation",
    title: "Residential rehabilitation",
    intro: "Publicly funded residential rehabilitation placements, the people starting them, and capacity in Scotland; and change in England.",
    indicators: ["scotland-residential-rehab-placements", "scotland-residential-rehab-individuals", "scotland-residential-rehab-shares", "scotland-residential-rehab-cost", "scotland-residential-rehab-capacity", "scotland-residential-rehab-capacity-share", "england-treatment-change", "england-treatment-places-ambition"],
  },
  {
    id: "workforce-sector-role",
    title: "Workforce by sector and role",
    intro: "Where the workforce is employed and in which roles. Scotland and England are measured differently; see the comparability notes on each indicator.",
    indicators: ["scotland-workforce-share-by-sector-and-role", "scotland-workforce-staff-in-post", "england-workforce-share-by-sector", "england-workforce-share-by-role", "england-workforce-share-by-group"],
  },
  {
    id: "funding",
    title: "Funding and partnerships",
    intro: "Funding for drug and alcohol services and the Alcohol and Drug Partnerships that plan them.",
    indicators: ["scotland-drugs-alcohol-funding", "scotland-adp-funding-transferred", "england-drug-strategy-funding", "england-drug-strategy-underspend", "scotland-adp-structures", "scotland-adps-responding"],
  },
];

/** The sections with only indicators that exist, plus "Other service provision" for any not placed. */
export function serviceSections(indicators: { id: string; topic: string }[]): Section[] {
  const known = new Set(indicators.map((i) => i.id));
  const placed = new Set(SERVICE_SECTIONS.flatMap((s) => s.indicators));
  const sections = SERVICE_SECTIONS.map((s) => ({ ...s, indicators: s.indicators.filter((id) => known.has(id)) })).filter((s) => s.indicators.length > 0);
  const other = indicators.filter((i) => i.topic === "service_provision" && !placed.has(i.id)).map((i) => i.id);
  if (other.length > 0) sections.push({ id: "other", title: "Other service provision", intro: "Other service provision indicators.", indicators: other });
  return sections;
}
