import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate, FileSystemConfigLoader } from "html-validate";
import { htmlFiles } from "../helpers/files.ts";
import { describe, expect, inject, it } from "vitest";

const dist = inject("distDir");
const ROOT = join(import.meta.dirname, "..", "..");


// Rules: html-validate:recommended (see .htmlvalidate.json; long-title is off because page titles name the
// full indicator, which WCAG 2.4.2 asks for, and that is often longer than 70 characters).
describe("html-validate", () => {
  it("every built page has zero errors", async () => {
    const hv = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const file of htmlFiles(dist)) {
      const report = await hv.validateString(readFileSync(file, "utf8"), join(ROOT, "page.html"));
      for (const r of report.results) for (const m of r.messages) errors.push(`${file.slice(dist.length)}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
    }
    expect(errors.slice(0, 30)).toEqual([]);
  });
});
