import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_DIRECTIVES } from "../../src/lib/security.ts";
import { htmlFiles } from "../helpers/files.ts";
import { newPage, onePerTemplate, sitemapPaths, useBrowser } from "./browser.ts";

const base = inject("baseUrl");
const dist = inject("distDir");


describe("content security", () => {
  it("every page carries the policy and has no inline script, style element or style attribute", () => {
    const problems: string[] = [];
    const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, "&#39;")}">`;
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, "utf8");
      const page = file.slice(dist.length);
      if (!html.includes(meta) && !html.includes(meta.replace(/&#39;/g, "'"))) problems.push(`${page}: no Content-Security-Policy meta tag`);
      if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) problems.push(`${page}: inline <script>`);
      if (/<style[\s>]/.test(html)) problems.push(`${page}: <style> element`);
      if (/\sstyle="/.test(html)) problems.push(`${page}: style attribute`);
      if (/\son[a-z]+="/.test(html)) problems.push(`${page}: inline event handler`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("_headers sends the same policy, plus nosniff, referrer and permissions policies", () => {
    const headers = readFileSync(join(dist, "_headers"), "utf8");
    expect(headers).toContain(`Content-Security-Policy: ${[CONTENT_SECURITY_POLICY, ...HEADER_ONLY_DIRECTIVES].join("; ")}`);
    for (const h of ["X-Content-Type-Options: nosniff", "Referrer-Policy: strict-origin-when-cross-origin", "Permissions-Policy: "]) expect(headers).toContain(h);
  });
});

describe("in Chromium", () => {
    const browser = useBrowser();

  it("pages request nothing from another origin and break no policy", async () => {
    const { context, page } = await newPage(browser());
    const origin = new URL(base).origin;
    const elsewhere: string[] = [];
    const violations: string[] = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.protocol !== "data:" && u.protocol !== "blob:" && u.origin !== origin) elsewhere.push(`${page.url()} → ${r.url()}`);
    });
    page.on("console", (m) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    for (const path of [...onePerTemplate(sitemapPaths(dist)), "/planning/"]) {
      await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
    }
    expect(elsewhere).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
