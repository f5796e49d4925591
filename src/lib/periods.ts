/**
 * Reads publishers' period labels as date ranges, so figures can be ordered and charted.
 *
 * The rule for period labels (checked for every source row by periodProblem):
 * - A label whose first character is a digit, or that starts with "Q" and a digit or with "mid-" and a digit, is a
 *   date label. It must be one of the forms below and its dates must exist: "2021-02-30", "Q5 2024/2025" and "2024/26"
 *   are refused. Words may follow in brackets ("2021 (autumn)", "2021/22 (9 months)"); the dates are read from the part
 *   before them.
 *     2022 (a year) · 2022/23 or 2022/2023 (a financial year, 1 April to 31 March) · Q1 2025/2026 (a quarter of a
 *     financial year; Q1 is April to June) · 2019-2023 (calendar years) · 2022/23-2024/25 (financial years) ·
 *     2021-11-01 (a date) · mid-2022 (30 June) · 2021-02 (a month) · 2021-02/2021-10 (months) ·
 *     2020-01-01/2020-03-31 (a range of dates)
 * - Any other label starts with a letter and is a label in words ("unknown", "by March 2025", "to May 2024
 *   (cumulative)", "not stated (reported October 2025)", and academic years such as "AY2019-20", whose dates the
 *   publications do not give): it is kept as published, listed, and never charted.
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
  if ((m = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(label))) {
    const [y1, m1, y2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    const ok = m1 >= 1 && m1 <= 12 && m2 >= 1 && m2 <= 12 && y2 * 12 + m2 >= y1 * 12 + m1;
    return ok ? { kind: "range", start: iso(y1, m1, 1), end: iso(y2, m2, lastDay(y2, m2)) } : undefined;
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

/** True when a label is a date label (see the rule above): it starts with a digit, "Q" and a digit, or "mid-" and a digit. */
export function isDateLabel(label: string): boolean {
  return /^(?:\d|Q\d|mid-\d)/.test(label);
}

/** Why a date label does not give real dates, for the message; undefined when it does (or when it is a label in words). */
export function periodProblem(label: string): string | undefined {
  if (!isDateLabel(label) || parsePeriod(label)) return undefined;
  const core = /^(.+?) \((.+)\)$/.exec(label)?.[1] ?? label;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})\/(\d{2}|\d{4})$/.exec(core)) || (m = /^Q\d (\d{4})\/(\d{2}|\d{4})$/.exec(core))) {
    if (/^Q/.test(core) && !/^Q[1-4] /.test(core)) return "is not a period: quarters are Q1 to Q4 of a financial year (Q1 2025/2026 is April to June 2025)";
    const y = Number(m[1]);
    return `is not a period: the second year of a financial year must follow the first (${y}/${String((y + 1) % 100).padStart(2, "0")} or ${y}/${y + 1})`;
  }
  if (/^Q\d/.test(core)) return "is not a period: quarters are written Q1 to Q4 and a financial year, e.g. Q1 2025/2026";
  if (/^\d{4}-\d{2}(?:-\d{2})?(?:\/\d{4}-\d{2}(?:-\d{2})?)?$/.test(core) || /^mid-\d{4}$/.test(core)) {
    const parts = core.split("/");
    const bad = parts.find((p) => !parseCore(p));
    if (bad) return `is not a period: ${bad} is not a real ${bad.length === 7 ? "month" : "date"}`;
    return "is not a period: its end comes before its start";
  }
  if (/^\d{4}-\d{4}$/.test(core) || /^\d{4}\/\d{2,4}-\d{4}\/\d{2,4}$/.test(core)) return "is not a period: its last year must come after its first, and each financial year's second year must follow its first";
  return "looks like a date but is not one of the period forms (2022, 2022/23, Q1 2022/23, 2019-2023, 2022/23-2024/25, 2021-11-01, mid-2022, 2021-02, 2021-02/2021-10, 2020-01-01/2020-03-31, each optionally followed by words in brackets); write a period that is not a date in words, starting with a letter";
}

const midpoints = new Map<string, string>();

/** Midpoint of a range as an ISO date, for placing a period on a time axis. */
export function periodMidpoint(start: string, end: string): string {
  // Pages ask for the same few hundred periods millions of times: each is worked out once.
  const key = `${start}/${end}`;
  let mid = midpoints.get(key);
  if (mid === undefined) {
    const a = Date.parse(`${start}T00:00:00Z`);
    const b = Date.parse(`${end}T00:00:00Z`);
    mid = new Date(a + Math.floor((b - a) / 2 / 86400000) * 86400000).toISOString().slice(0, 10);
    midpoints.set(key, mid);
  }
  return mid;
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
  if ((m = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(label))) {
    const [a, b] = [`${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`, `${MONTHS[Number(m[4]) - 1] ?? m[4]} ${m[3]}`];
    return `${m[1] === m[3] ? a.replace(/ \d{4}$/, "") : a} to ${b}`;
  }
  return label;
}
