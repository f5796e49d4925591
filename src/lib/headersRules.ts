/**
 * Reads a `_headers` file (src/lib/security.ts writes it) and says which headers an address gets, as the two common
 * static hosts apply it: Netlify (of two rules that set one header, the later rule's value is sent) and Cloudflare
 * Pages (every matching rule's value is sent, joined by a comma). For tests and for serving a built site locally
 * (scripts/lighthouse.ts) as a host would.
 */
export interface HeaderRule {
  /** The path pattern: an exact path, or ending in "*" for everything under it. */
  path: string;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const m = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
    if (!rule || !m) throw new Error(`_headers: cannot read the line "${line}"`);
    rule.headers.push([m[1]!, m[2]!.trim()]);
  }
  return rules;
}

/** Whether a rule's path matches an address path ("/a/*" matches "/a/" and everything under it). */
export function ruleMatches(rule: string, path: string): boolean {
  if (rule.endsWith("*")) return path.startsWith(rule.slice(0, -1));
  return rule === path;
}

/** The headers sent for an address, by name in lower case. */
export function headersFor(rules: HeaderRule[], path: string, host: "netlify" | "cloudflare"): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    if (!ruleMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const had = out.get(key);
      out.set(key, host === "cloudflare" && had !== undefined ? `${had}, ${value}` : value);
    }
  }
  return out;
}

/**
 * Whether a page with these headers may be shown in a frame on another site: every Content-Security-Policy sent (a
 * comma separates policies) must allow it by its frame-ancestors (none, or one that allows any origin), and
 * X-Frame-Options must not say DENY or SAMEORIGIN (browsers ignore it when a policy has frame-ancestors).
 */
export function frameableElsewhere(headers: Map<string, string>): boolean {
  const policies = (headers.get("content-security-policy") ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  let anyFrameAncestors = false;
  for (const p of policies) {
    const fa = p.split(";").map((d) => d.trim()).find((d) => d.startsWith("frame-ancestors"));
    if (!fa) continue;
    anyFrameAncestors = true;
    const sources = fa.split(/\s+/).slice(1);
    if (!sources.includes("*")) return false;
  }
  if (!anyFrameAncestors && /deny|sameorigin/i.test(headers.get("x-frame-options") ?? "")) return false;
  return true;
}
