import { defineConfig } from "vitest/config";

// Unit, pipeline and SVG snapshot tests run in Node. Browser tests (test/browser) build the site once
// and drive Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 600_000,
    env: { TZ: "UTC" },
  },
});
