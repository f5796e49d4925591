/**
 * The chart and map files of the build (SVG and PNG downloads). Components register the download version of each
 * chart while the pages are rendered; when the build is done the site's integration (astro.config.mjs) writes them
 * beside the pages (png.ts). The list lives on globalThis because Astro renders pages from its own bundle of this
 * module while the integration imports it directly: both run in the one build process and must share one list.
 * No file is written from a page, so a failed build leaves nothing behind.
 */
import { paths, withBase } from "../lib/routes.ts";

export interface ChartFile {
  /** Path from the site root without extension, e.g. "indicators/scotland-drug-misuse-deaths/trend". */
  path: string;
  /** The standalone SVG (download.ts). */
  svg: string;
  /** Whether a PNG is rendered too. */
  png: boolean;
  width: number;
  height: number;
}

const KEY = Symbol.for("drugs-alcohol-workforce.chart-files");
interface Store {
  files: Map<string, ChartFile>;
  /** Called with each new file: the build starts drawing its PNG at once, while later pages are rendered (png.ts). */
  listener?: ((file: ChartFile) => void) | undefined;
}

function store(): Store {
  const g = globalThis as unknown as Record<symbol, Store | undefined>;
  return (g[KEY] ??= { files: new Map() });
}

/** Every file registered so far in this process. */
export function chartFiles(): Map<string, ChartFile> {
  return store().files;
}

/** Sets (or with undefined, clears) the function told of each new file. */
export function onChartFile(listener: ((file: ChartFile) => void) | undefined): void {
  store().listener = listener;
}

const VALID_PATH = /^[a-z0-9][a-z0-9/_-]*$/i;

/**
 * Adds a file to write. A page and its embed page register the same file: that is allowed only when the content is
 * the same, so an embed can never show a chart that differs from its page's.
 */
export function registerChartFile(file: ChartFile): void {
  if (!VALID_PATH.test(file.path) || file.path.includes("//") || file.path.endsWith("/")) throw new Error(`chart file: invalid path "${file.path}"`);
  const s = store();
  const had = s.files.get(file.path);
  if (had && (had.svg !== file.svg || had.png !== file.png)) {
    throw new Error(`chart file ${file.path}.svg is drawn twice with different content (a page and its embed must draw the same chart)`);
  }
  if (had) return;
  s.files.set(file.path, file);
  s.listener?.(file);
}

/** The scale of a PNG against its SVG: 2 pixels per SVG unit, sharp on a high-density screen and in print. */
export const PNG_SCALE = 2;

/**
 * Whether the charts of a page (path from the site root, e.g. "indicators/x/") get a PNG as well as an SVG: indicator
 * pages and map pages (the map's own page; its other periods' pages offer the SVG). The other charts are SVG only: an indicator's charts for one area (about 750) would cost half
 * a minute of every build as PNGs, and the service provision pages repeat indicator pages' charts, whose PNGs are there.
 */
export function pngForPage(pagePath: string): boolean {
  const parts = pagePath.split("/").filter(Boolean);
  if (parts[0] === "indicators") return parts.length === 2;
  // A map's own page (maps/<level>/<indicator>/), not its pages for other periods: those offer the SVG.
  return parts[0] === "maps" && parts.length === 3;
}

/** What a page links to for one chart: its SVG and, where rendered, its PNG, with their sizes. */
export interface ChartLinks {
  svg: { href: string; name: string; bytes: number };
  png?: { href: string; name: string; width: number; height: number };
}

/** The file name a download is saved as: the page's path and the chart's id, e.g. "indicators-x-trend.png". */
export function downloadName(path: string, ext: "svg" | "png"): string {
  return `${path.split("/").filter(Boolean).join("-")}.${ext}`;
}

/**
 * Registers a chart's download (its standalone image, download.ts) under the page that shows it and returns the
 * links to print. `pagePath` is the page's path from the site root ("indicators/x/"); `base` the site's base path.
 */
export function offerChart(base: string, pagePath: string, chartId: string, image: { svg: string; width: number; height: number }): ChartLinks {
  const page = pagePath.replace(/^\/+/, "");
  const path = `${page}${chartId}`;
  const png = pngForPage(page);
  registerChartFile({ path, svg: image.svg, png, width: image.width, height: image.height });
  return {
    svg: { href: withBase(base, paths.chartFile(page, chartId, "svg")), name: downloadName(path, "svg"), bytes: Buffer.byteLength(image.svg) },
    ...(png ? { png: { href: withBase(base, paths.chartFile(page, chartId, "png")), name: downloadName(path, "png"), width: image.width * PNG_SCALE, height: image.height * PNG_SCALE } } : {}),
  };
}

/** The page's path from the site root, from its address: ("/dash/indicators/x/", "/dash/") → "indicators/x/". */
export function pagePathOf(pathname: string, base: string): string {
  const b = base.endsWith("/") ? base : `${base}/`;
  const p = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, "");
  return p === "" || p.endsWith("/") ? p : `${p}/`;
}
