/**
 * The Content-Security-Policy of every page: only this site's own files, no inline scripts or styles, no
 * plugins, no other origins. The same policy (plus what a meta tag cannot carry) is in public/_headers for
 * hosts that read it; test/browser/security.test.ts checks both and that pages request nothing elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
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
