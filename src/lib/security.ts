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

/** Directives only an HTTP header can carry (browsers ignore them in a meta tag). */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];
