/**
 * Text rules shared by every input file (data/sources and data/reference): which characters a code, key or number may
 * hold, which no text may hold, how keys are compared, and how a value is shown in a message.
 *
 * - Keys (codes, ids, periods, breakdowns, statuses …) are compared after Unicode normalisation (NFC, so a letter
 *   typed as one code point or as a letter and a combining accent is the same letter) and trimming of spaces at
 *   either end. Invisible characters are refused in them, never ignored: a key with a zero-width space is neither
 *   the same key nor a new one.
 * - Invisible means: control characters (tab, carriage return, line feed …), format characters (zero-width space,
 *   joiner and non-joiner, word joiner, byte-order mark, soft hyphen, the bidirectional controls …), every space
 *   other than the plain space (no-break, narrow no-break, figure, thin, ideographic …), line and paragraph
 *   separators, and the other code points Unicode says to ignore by default (variation selectors, Hangul fillers …).
 * - Bidirectional controls (which reorder the text around them, so what is shown is not what is stored) are refused
 *   in every text, notes and titles included.
 */

import * as z from "zod";

/** Any invisible character (see above). The plain space U+0020 is not one of them. */
export const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|(?! )\p{Zs}/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");

/** The bidirectional controls: embeddings, overrides, isolates and the marks (LRM, RLM, ALM). */
export const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Line breaks and tabs, which free text (notes, descriptions) may hold; every other control character is refused. */
const TEXT_CONTROLS_ALLOWED = /[\t\n\r]/g;
const CONTROL = /\p{Cc}/u;

const NAMES: Record<number, string> = {
  0x09: "tab",
  0x0a: "line feed",
  0x0d: "carriage return",
  0xa0: "no-break space",
  0xad: "soft hyphen",
  0x061c: "Arabic letter mark",
  0x180e: "Mongolian vowel separator",
  0x2007: "figure space",
  0x2009: "thin space",
  0x200a: "hair space",
  0x200b: "zero-width space",
  0x200c: "zero-width non-joiner",
  0x200d: "zero-width joiner",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x2028: "line separator",
  0x2029: "paragraph separator",
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x202f: "narrow no-break space",
  0x2060: "word joiner",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
  0x3000: "ideographic space",
  0xfeff: "zero-width no-break space (byte-order mark)",
};

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/** "U+200B (zero-width space)" */
export function describeCodePoint(cp: number): string {
  const name = NAMES[cp];
  return name ? `${hex(cp)} (${name})` : hex(cp);
}

/** A text with every invisible character written as \u{…}, so a message shows what is there. */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** The first invisible character of a text, described, or undefined. */
export function firstInvisible(text: string): string | undefined {
  const m = INVISIBLE.exec(text);
  return m ? describeCodePoint(m[0].codePointAt(0)!) : undefined;
}

/** A key as compared: NFC, without spaces at either end. Call only on text with no invisible character. */
export function normaliseKey(text: string): string {
  const t = text.includes(" ") ? text.replace(/^ +| +$/g, "") : text;
  return t.normalize("NFC");
}

/** Why a key (code, id, period, label) is refused, or undefined when it may be used. */
export function keyProblem(text: string): string | undefined {
  const bad = firstInvisible(text);
  return bad ? `contains an invisible character, ${bad}; retype the value without it` : undefined;
}

/** Why a free text (notes, titles, descriptions) is refused, or undefined: bidirectional controls and control characters other than tab and line breaks. */
export function textProblem(text: string): string | undefined {
  const bidi = BIDI.exec(text);
  if (bidi) return `contains a bidirectional control character, ${describeCodePoint(bidi[0].codePointAt(0)!)}, which makes the text read differently from how it is stored; remove it`;
  const control = CONTROL.exec(text.replace(TEXT_CONTROLS_ALLOWED, ""));
  if (control) return `contains a control character, ${describeCodePoint(control[0].codePointAt(0)!)}; remove it`;
  return undefined;
}

/*
 * The same limits for every text of every input file (figures, the sources catalogues, the reference tables), generous
 * (the longest real notes are under 1,000 characters) but finite, so a runaway paste or a binary file read as text
 * fails clearly instead of bloating every page and download.
 */

/** Codes, ids, keys, names and short labels. */
export const MAX_SHORT = 200;
/** Titles, places in a source, addresses and lists. */
export const MAX_MEDIUM = 1000;
/** Notes, descriptions, reasons and explanations. */
export const MAX_LONG = 4000;

const longer = (n: number) => `is longer than ${String(n).replace(/\B(?=(\d{3})+$)/g, ",")} characters`;

/**
 * A key (code, id, period, label matched against others): invisible characters refused, then compared (and kept) in
 * its normal form (NFC, no spaces at either end), then checked by `inner`.
 */
export function key<T extends z.ZodType<unknown, string>>(inner: T) {
  return z
    .string()
    .superRefine((s, ctx) => {
      const problem = keyProblem(s);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform(normaliseKey)
    .pipe(inner);
}

/** A key of up to MAX_SHORT characters; `empty` says whether it may be empty. */
export const shortKey = (empty: "required" | "optional") =>
  key(empty === "required" ? z.string().min(1, "must not be empty").max(MAX_SHORT, longer(MAX_SHORT)) : z.string().max(MAX_SHORT, longer(MAX_SHORT)));

/** Free text of up to `max` characters (no bidirectional or stray control characters). */
export function freeText(max: number, empty: "required" | "optional" = "optional") {
  const base = empty === "required" ? z.string().min(1, "must not be empty").max(max, longer(max)) : z.string().max(max, longer(max));
  return base.superRefine((s, ctx) => {
    const problem = textProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

export { longer as longerThan };
