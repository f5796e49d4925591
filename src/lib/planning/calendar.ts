/**
 * When a plan runs: five financial years (1 April to 31 March) from the one the data release falls in, with calendar
 * labels ("2026/27"), and how old the starting figures are on the release date. Pure: dates in, words out.
 */
import { HORIZON } from "./model.ts";

/** The financial year (its first calendar year) an ISO date falls in: 2026-12-01 is in 2026/27, 2027-02-01 too. */
export function financialYearOf(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`planning calendar: "${isoDate}" is not an ISO date (YYYY-MM-DD)`);
  const year = Number(m[1]);
  return Number(m[2]) >= 4 ? year : year - 1;
}

/** "2026/27" for the financial year starting 1 April 2026. */
export const financialYearLabel = (first: number): string => `${first}/${String((first + 1) % 100).padStart(2, "0")}`;

export interface PlanYears {
  /** The labels of years 1 to HORIZON: "2026/27" … "2030/31". */
  labels: string[];
  /** "2026/27 to 2030/31". */
  span: string;
  /** First and last day of the plan, ISO. */
  start: string;
  end: string;
}

/** The plan's years: HORIZON financial years from the one the release date falls in. */
export function planYears(releaseDate: string): PlanYears {
  const first = financialYearOf(releaseDate);
  const labels = Array.from({ length: HORIZON }, (_, i) => financialYearLabel(first + i));
  return { labels, span: `${labels[0]} to ${labels[labels.length - 1]}`, start: `${first}-04-01`, end: `${first + HORIZON}-03-31` };
}

/** Whole months from one ISO date to a later one (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * How old a figure is on the release date, in words, from the last day of its period: "less than a year",
 * "about 1 year", "about 5 years". Rounded to the nearest year (a figure for 2024 is about 2 years old in December 2026).
 */
export function ageInWords(periodEnd: string, releaseDate: string): string {
  const months = monthsBetween(periodEnd, releaseDate);
  if (months < 6) return "less than a year";
  const years = Math.round(months / 12);
  return `about ${years} year${years === 1 ? "" : "s"}`;
}
