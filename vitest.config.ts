import { defineConfig } from "vitest/config";

// Two projects: "unit" (pure functions, pipeline, SVG snapshots) and "browser" (builds the site once in a
// temporary folder, serves it on 127.0.0.1 and drives Debian's Chromium through playwright-core).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    env: { TZ: "UTC" },
    projects: [
      { test: { name: "unit", include: ["test/{unit,pipeline,charts}/**/*.test.ts"], environment: "node", env: { TZ: "UTC" } } },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/browser/global-setup.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          env: { TZ: "UTC" },
        },
      },
    ],
  },
});
