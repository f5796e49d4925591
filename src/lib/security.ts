/**
 * The Content-Security-Policy of every page: only this site's own files, no inline scripts or styles, no
 * plugins, no other origins. The same policy (plus what a meta tag cannot carry) is in public/_headers for
 * hosts that read it; test/browser/security.test.ts checks both and that pages request nothing elsewhere.
 * 'wasm-unsafe-eval' lets the site search (Pagefind) compile its own WebAssembly file, served from this site; it
 * allows no eval() of JavaScript and no inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/**
 * Directives only an HTTP header can carry (browsers ignore frame-ancestors in a meta tag, so only public/_headers
 * governs framing): no page may be framed by another site…
 */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** …except the embed pages (/embed/…), which exist to be framed anywhere. */
export const EMBED_HEADER_ONLY_DIRECTIVES = ["frame-ancestors *"];

/** The folder of the pages other sites may frame. */
export const EMBED_PREFIX = "/embed/";

/** The other headers every address gets. */
export const OTHER_HEADERS: [string, string][] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()"],
];

/**
 * The `_headers` file (Netlify, Cloudflare Pages and other static hosts), written into the build by the site's
 * integration (astro.config.mjs) from the names at the top of the built site, so every folder is covered and the
 * base path is respected.
 *
 * Framing: no page may be framed by another site (frame-ancestors 'none', X-Frame-Options: DENY) except the embed
 * pages (EMBED_PREFIX), which any site may frame. Hosts differ when two rules match one address: Netlify sends the
 * later rule's value of a header, Cloudflare Pages sends both, and a browser enforces every Content-Security-Policy
 * it gets. So no rule that matches an embed page refuses framing: `<base>*` carries only what every address shares,
 * and the refusal is given for the base itself and for each top-level folder and file but the embed folder.
 */
export function headersFile(base: string, entries: { name: string; dir: boolean }[]): string {
  const b = base.endsWith("/") ? base : `${base}/`;
  const embed = EMBED_PREFIX.replace(/^\/|\/$/g, "");
  const block = (path: string, headers: [string, string][]) => `${path}\n${headers.map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`;
  const deny: [string, string][] = [
    ["Content-Security-Policy", [CONTENT_SECURITY_POLICY, ...HEADER_ONLY_DIRECTIVES].join("; ")],
    ["X-Frame-Options", "DENY"],
  ];
  const names = entries.filter((e) => e.name !== embed && e.name !== "_headers").sort((x, y) => (x.name < y.name ? -1 : 1));
  return [
    "# Written by the build from src/lib/security.ts (headersFile): edit that, not this file.\n",
    block(`${b}*`, [["Content-Security-Policy", CONTENT_SECURITY_POLICY], ...OTHER_HEADERS]),
    block(b, deny),
    ...names.map((e) => block(e.dir ? `${b}${e.name}/*` : `${b}${e.name}`, deny)),
    block(`${b}${embed}/*`, [["Content-Security-Policy", [CONTENT_SECURITY_POLICY, ...EMBED_HEADER_ONLY_DIRECTIVES].join("; ")]]),
  ].join("");
}
