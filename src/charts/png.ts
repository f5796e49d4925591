/**
 * Writes the chart files registered during the build (files.ts): each SVG as it is, and a PNG rendered from it by
 * resvg (@resvg/resvg-js, pinned) with the Inter font shipped in an npm package (@expo-google-fonts/inter, pinned),
 * never the machine's fonts, so the same SVG gives the same PNG bytes on any machine.
 *
 * A PNG is started as soon as its chart is registered and drawn on libuv's worker threads (resvg's renderAsync)
 * while Astro renders the next pages on the main thread; the files are written when the build is done. PNGs are kept
 * in a cache keyed by the SHA-256 of the SVG, the scale, the renderer's version and the fonts: a chart that has not
 * changed is copied, not drawn again. The cache changes only the time a build takes, never its output.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ChartFile } from "./files.ts";
import { PNG_SCALE } from "./files.ts";

const require = createRequire(import.meta.url);

/** The font files every PNG is drawn with: Inter regular and bold. */
export function fontFiles(): string[] {
  return ["@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf", "@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf"].map((f) => require.resolve(f));
}

function resvgVersion(): string {
  return (JSON.parse(readFileSync(require.resolve("@resvg/resvg-js/package.json"), "utf8")) as { version: string }).version;
}

/** One PNG from one SVG, at PNG_SCALE, on a white background. */
export async function renderPng(svg: string): Promise<Buffer> {
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: PNG_SCALE },
    background: "#ffffff",
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: "Inter", sansSerifFamily: "Inter" },
  });
  return image.asPng();
}

/** The default cache folder, beside Astro's own (node_modules/.astro). */
export function defaultCacheDir(root: string): string {
  return join(root, "node_modules", ".cache", "chart-png");
}

export interface WriteResult {
  svgs: number;
  pngs: number;
  /** PNGs copied from the cache. */
  cached: number;
}

/** Draws PNGs as files are registered (`start`), then writes every file under the build's folder (`finish`). */
export function pngWriter(opts: { cacheDir?: string | undefined; parallel?: number } = {}) {
  const salt = createHash("sha256");
  salt.update(`resvg ${resvgVersion()} scale ${PNG_SCALE}\n`);
  for (const f of fontFiles()) salt.update(readFileSync(f));
  const saltHex = salt.digest("hex");
  const pending = new Map<string, Promise<{ png: Buffer; cached: boolean }>>();
  // One PNG at a time while pages render, so Astro's own file writes (also on libuv's threads) are not held up.
  let running = 0;
  const waiting: (() => void)[] = [];
  const limit = opts.parallel ?? 1;
  const slot = async <T>(job: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((ok) => waiting.push(ok));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
  const draw = async (f: ChartFile) => {
    const key = createHash("sha256").update(saltHex).update(f.svg).digest("hex");
    const cached = opts.cacheDir ? join(opts.cacheDir, `${key}.png`) : undefined;
    if (cached && existsSync(cached)) return { png: readFileSync(cached), cached: true };
    const png = await slot(() => renderPng(f.svg));
    if (cached) {
      mkdirSync(opts.cacheDir!, { recursive: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      writeFileSync(tmp, png);
      renameSync(tmp, cached);
    }
    return { png, cached: false };
  };
  return {
    start(f: ChartFile): void {
      if (f.png && !pending.has(f.path)) pending.set(f.path, draw(f));
    },
    async finish(outDir: string, files: Iterable<ChartFile>): Promise<WriteResult> {
      const result: WriteResult = { svgs: 0, pngs: 0, cached: 0 };
      for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        const target = join(outDir, `${f.path}.svg`);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, f.svg);
        result.svgs++;
        if (!f.png) continue;
        this.start(f);
        const { png, cached } = await pending.get(f.path)!;
        writeFileSync(join(outDir, `${f.path}.png`), png);
        result.pngs++;
        if (cached) result.cached++;
      }
      return result;
    },
  };
}
