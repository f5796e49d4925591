/** Site-internal links that work under any base path (BASE_PATH), always with a trailing slash for pages. */
export function pageHref(base: string, path: string): string {
  const b = base.endsWith("/") ? base : `${base}/`;
  const p = path.replace(/^\/+/, "");
  return `${b}${p}`;
}

export const indicatorPath = (id: string) => `indicators/${id}/`;
export const figureAnchor = (figureId: string) => figureId;
