/**
 * The order of search results within a group (pure, no imports: it runs in the reader's browser). Pagefind ranks by
 * how often and where the words occur; a reader who types a place's name or code expects that place first, so
 * results whose name is exactly the search come first, then those with another name or code that is, then those
 * one of whose names starts with it, then those with a word starting with it, each in Pagefind's order.
 */
export interface RankedMeta {
  title?: string;
  /** Other names, separated by "; ". */
  names?: string;
  /** Codes, separated by ", ". */
  codes?: string;
}

const norm = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/** 0 the title is the term, 1 another name or code is, 2 a name starts with it, 3 a word of a name does, 4 otherwise. */
export function matchRank(term: string, meta: RankedMeta): number {
  const t = norm(term);
  if (t === "") return 4;
  const title = norm(meta.title ?? "");
  const names = [title, ...(meta.names ?? "").split("; "), ...(meta.codes ?? "").split(", ")].map(norm).filter((n) => n !== "");
  if (title === t) return 0;
  if (names.some((n) => n === t)) return 1;
  if (names.some((n) => n.startsWith(t))) return 2;
  if (names.some((n) => n.split(" ").some((w) => w.startsWith(t)))) return 3;
  return 4;
}

/** The results in the order above (a stable sort, so Pagefind's order breaks ties). */
export function rankResults<T extends { meta: RankedMeta }>(term: string, results: T[]): T[] {
  return results.map((r, i) => ({ r, i, k: matchRank(term, r.meta) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.r);
}
