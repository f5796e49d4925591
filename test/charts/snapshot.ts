/**
 * SVG snapshot helper for chart and map tests, after Plot's own test/plot-snapshot.js:
 * the SVG is normalised (numbers to 2 decimals, generated ids and class hashes renumbered, one tag per line)
 * and compared with test/charts/output/<name>.svg.
 *
 * Accepting an intended change: delete the snapshot (or run vitest with -u), re-run, review `git diff`, commit.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const OUTPUT_DIR = fileURLToPath(new URL("./output/", import.meta.url));

/** Ids Plot numbers from a module-level counter (plot-clip-3), and ids our renderers prefix with the chart id. */
const GENERATED_ID = /\b(?:[A-Za-z][\w-]*-)?(?:plot-)?(clip|marker|pattern)-(\d+)\b/g;

/**
 * Makes an SVG string stable and readable for review:
 * - numbers with more than 2 decimals are rounded to 2, so tiny floating-point differences between platforms do not fail;
 * - Plot's class hash (plot-d6a7b5) becomes "plot", since it changes with Plot's default styles, not with our chart;
 * - generated clip/marker/pattern ids are renumbered in order of appearance;
 * - every tag starts a new line, except inside <text> where a newline would become visible whitespace;
 * - the SVG namespace is added, so the file opens as an image.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  return svg
    .replace(/-?\d+\.\d{3,}/g, (d) => String(Number(Number(d).toFixed(2))))
    .replace(/\bplot-[0-9a-f]{6}\b/g, "plot")
    .replace(GENERATED_ID, (whole, kind: string) => {
      let id = ids.get(whole);
      if (!id) {
        id = `${kind}-${ids.size + 1}`;
        ids.set(whole, id);
      }
      return id;
    })
    .replace(/>(?=<(?!\/?tspan\b|\/text\b))/g, ">\n")
    .replace(/(<(\w+)\b[^>]*>)\n(<\/\2>)/g, "$1$3")
    // Plot serialises as HTML; the namespace lets the snapshot open on its own in a browser or image viewer.
    .replace(/^<svg\b(?![^>]*\bxmlns=)/, '<svg xmlns="http://www.w3.org/2000/svg"')
    .trimEnd()
    .concat("\n");
}

/**
 * Compares `svg` (normalised) with test/charts/output/<name>.svg.
 * A missing snapshot is written locally, but fails under CI=true: snapshots must be reviewed and committed.
 * On a mismatch the new SVG is also written to <name>-changed.svg (ignored by git) to open beside the old one.
 */
export async function expectSvgSnapshot(name: string, svg: string): Promise<void> {
  if (!/^[A-Za-z0-9][\w-]*$/.test(name) || name.endsWith("-changed")) {
    throw new Error(`invalid snapshot name "${name}": use letters, digits, - and _ (and not -changed)`);
  }
  const expectedPath = `${OUTPUT_DIR}${name}.svg`;
  const changedPath = `${OUTPUT_DIR}${name}-changed.svg`;
  const actual = normaliseSvg(svg);
  if (!existsSync(expectedPath) && process.env.CI === "true") {
    throw new Error(
      `missing SVG snapshot ${relative(process.cwd(), expectedPath)}: run the tests locally (npx vitest run test/charts), review the new file and commit it`,
    );
  }
  try {
    await expect(actual).toMatchFileSnapshot(expectedPath);
  } catch (error) {
    mkdirSync(dirname(changedPath), { recursive: true });
    writeFileSync(changedPath, actual);
    throw error;
  }
  rmSync(changedPath, { force: true });
}
