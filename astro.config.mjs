// Site configuration only: static output, served from any folder.
// BASE_PATH lets the same build live in a subfolder (for example /dashboard/).
import { defineConfig } from "astro/config";

const base = process.env.BASE_PATH ?? "/";

export default defineConfig({
  output: "static",
  base,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  compressHTML: true,
  devToolbar: { enabled: false },
  telemetry: false,
});
