/**
 * The site's public address, from the environment: SITE_URL (where the site is served, e.g.
 * https://example.org or https://example.org/dashboard/) and BASE_PATH (the folder, e.g. /dashboard/).
 * Citations and the sitemap use it to print absolute permalinks (routes.ts `absoluteUrl`).
 *
 * - SITE_URL with a folder and no BASE_PATH: the folder is the base path.
 * - SITE_URL's folder and BASE_PATH must agree when both are given.
 * - Without SITE_URL, permalinks are paths from the site root, and the build says so once.
 */
export interface SiteAddress {
  /** The origin (scheme, host and port) for Astro's `site`, or undefined when SITE_URL is not set. */
  site: string | undefined;
  /** The base path, starting and ending with "/". */
  base: string;
  /** What the build prints when SITE_URL is not set; "" otherwise. */
  notice: string;
}

/** "/dash" → "/dash/", "dash/" → "/dash/", "" → "/". */
export function normaliseBase(path: string): string {
  const inner = path.trim().replace(/^\/+|\/+$/g, "");
  return inner === "" ? "/" : `/${inner}/`;
}

export const NO_SITE_URL_NOTICE =
  "SITE_URL is not set: citations give each permalink as a path from the site root (for example /indicators/…/). Set SITE_URL to the address the site is served from (for example SITE_URL=https://example.org) to make them absolute; with JavaScript on, the copy button adds the address the reader is on.";

export function siteAddress(env: { SITE_URL?: string | undefined; BASE_PATH?: string | undefined }): SiteAddress {
  const basePath = env.BASE_PATH === undefined || env.BASE_PATH === "" ? undefined : normaliseBase(env.BASE_PATH);
  const raw = (env.SITE_URL ?? "").trim();
  if (raw === "") return { site: undefined, base: basePath ?? "/", notice: NO_SITE_URL_NOTICE };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not an address: give the full address the site is served from, such as https://example.org`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`SITE_URL "${raw}" must start with https:// or http://`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`SITE_URL "${raw}" must be a plain address, without a query, fragment or user name`);
  const folder = normaliseBase(url.pathname);
  if (basePath !== undefined && folder !== "/" && folder !== basePath) {
    throw new Error(`SITE_URL "${raw}" ends in the folder ${folder} but BASE_PATH is ${basePath}: give the folder in one of them, or the same in both`);
  }
  return { site: url.origin, base: basePath ?? folder, notice: "" };
}
