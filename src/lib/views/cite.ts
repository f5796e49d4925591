import { longDate } from "../periods.ts";

/**
 * "Cite this": a citation that names the original publisher first, then this site, the release and a permalink.
 */
export interface CitationInput {
  publisher: string;
  title: string;
  publishedDate: string;
  url: string;
  location?: string;
  siteTitle: string;
  releaseId: string;
  releaseDate: string;
  /** Absolute address when the site's address is known, else the path on this site. */
  permalink: string;
}

/** Publisher (date). Title. Location. Address. Reused via Site, data release id (date). Permalink. */
export function citation(c: CitationInput): string {
  const where = c.location ? ` ${c.location}.` : "";
  return `${c.publisher} (${c.publishedDate}). ${c.title}.${where} ${c.url}. Reused via ${c.siteTitle}, data release ${c.releaseId} (${longDate(c.releaseDate)}): ${c.permalink}`;
}
