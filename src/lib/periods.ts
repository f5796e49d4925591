/**
 * Reads publishers' period labels as date ranges, so figures can be ordered and charted.
 * Labels that are not dates ("unknown", "by March 2025") give no range: they are listed, not charted.
 */

import type { PeriodKind } from "../schemas/vocabulary.ts";
export type { PeriodKind };

export interface PeriodRange {
  kind: PeriodKind;
  /** ISO dates, inclusive. */
  start: string;
  end: string;
  /** True when the label carries words beyond the date ("2021 (autumn)", "2024 (inferred)"). */
  qualified: boolean;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Financial year "2022/23" or "2022/2023": 1 April 2022 to 31 March 2023. The second year must follow the first. */
function financialYear(first: string, second: string): number | undefined {
  const y = Number(first);
  const next = second.length === 2 ? (y + 1) % 100 : y + 1;
  return Number(second) === next ? y : undefined;
}

function parseCore(label: string): Omit<PeriodRange, "qualified"> | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(label))) return { kind: "year", start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  if ((m = /^mid-(\d{4})$/.exec(label))) return { kind: "date", start: `${m[1]}-06-30`, end: `${m[1]}-06-30` };
  if ((m = /^(\d{4})\/(\d{2}|\d{4})$/.exec(label))) {
    const y = financialYear(m[1]!, m[2]!);
    return y === undefined ? undefined : { kind: "financial_year", start: `${y}-04-01`, end: `${y + 1}-03-31` };
  }
  if ((m = /^(\d{4})\/(\d{2}|\d{4})-(\d{4})\/(\d{2}|\d{4})$/.exec(label))) {
    const a = financialYear(m[1]!, m[2]!);
    const b = financialYear(m[3]!, m[4]!);
    return a === undefined || b === undefined || b < a ? undefined : { kind: "financial_years", start: `${a}-04-01`, end: `${b + 1}-03-31` };
  }
  if ((m = /^Q([1-4]) (\d{4})\/(\d{2}|\d{4})$/.exec(label))) {
    const y = financialYear(m[2]!, m[3]!);
    if (y === undefined) return undefined;
    const q = Number(m[1]);
    const startMonth = (((q - 1) * 3 + 3) % 12) + 1; // Q1 April, Q2 July, Q3 October, Q4 January
    const year = q === 4 ? y + 1 : y;
    const endMonth = startMonth + 2;
    return { kind: "quarter", start: iso(year, startMonth, 1), end: iso(year, endMonth, lastDay(year, endMonth)) };
  }
  if ((m = /^(\d{4})-(\d{4})$/.exec(label))) {
    return Number(m[2]) > Number(m[1]) ? { kind: "years", start: `${m[1]}-01-01`, end: `${m[2]}-12-31` } : undefined;
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label))) return validDate(label) ? { kind: "date", start: label, end: label } : undefined;
  if ((m = /^(\d{4})-(\d{2})$/.exec(label))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? { kind: "month", start: iso(y, mo, 1), end: iso(y, mo, lastDay(y, mo)) } : undefined;
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(label))) {
    return validDate(m[1]!) && validDate(m[2]!) && m[2]! >= m[1]! ? { kind: "range", start: m[1]!, end: m[2]! } : undefined;
  }
  return undefined;
}

function validDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The date range of a period label, or undefined when the label is not a date. */
export function parsePeriod(label: string): PeriodRange | undefined {
  const core = parseCore(label.trim());
  if (core) return { ...core, qualified: false };
  // "2021 (autumn)", "2021/22 (9 months)": the date part with a qualifier kept in words.
  const m = /^(.+?) \((.+)\)$/.exec(label.trim());
  const inner = m ? parseCore(m[1]!) : undefined;
  return inner ? { ...inner, qualified: true } : undefined;
}

/** Midpoint of a range as an ISO date, for placing a period on a time axis. */
export function periodMidpoint(start: string, end: string): string {
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  return new Date(a + Math.floor((b - a) / 2 / 86400000) * 86400000).toISOString().slice(0, 10);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11-22" → "22 November 2026"; other strings unchanged. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/**
 * A period label for reading: ISO dates and months in words ("1 November 2021", "February 2021",
 * "1 July to 30 September 2025"); publishers' own labels ("2022/23", "Q1 2025/2026") are kept.
 */
export function formatPeriod(label: string): string {
  let m: RegExpExecArray | null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return longDate(label);
  if ((m = /^(\d{4})-(\d{2})$/.exec(label))) return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  if ((m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(label))) {
    const [a, b] = [longDate(m[1]!), longDate(m[2]!)];
    const sameYear = m[1]!.slice(0, 4) === m[2]!.slice(0, 4);
    return `${sameYear ? a.replace(/ \d{4}$/, "") : a} to ${b}`;
  }
  return label;
}
