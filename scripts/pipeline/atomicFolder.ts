/**
 * Output folders that are never half-written and never lose a file, for both builds (the data stage and the site
 * stage) and their tests. The only module that creates, replaces or removes an output folder.
 *
 *   const staging = stageFolder(out, { stage: "build:data", protect: [sources, reference] });
 *   …write everything into staging.dir…
 *   staging.commit();   // or staging.abort() on failure
 *
 * - A build writes into a staging folder beside the output (`.<name>-tmp-<pid>/out`) and swaps it into place only on
 *   success. The previous output is moved aside first (`.<name>-old-<pid>`) and removed only after the new one is in place.
 * - A run killed part-way leaves the previous output untouched; the next run recovers: a previous output moved aside by
 *   a kill between the two renames of the swap is put back, and leftover staging folders of runs that are no longer
 *   alive are removed.
 * - It never writes over a file, never writes inside (or over) a protected folder such as the sources, and never removes
 *   anything it did not write: a folder is replaced only when it is empty or carries the marker `.daw-output` of the
 *   same stage, which lists every file that stage wrote there; a file in it that the list does not name stops the
 *   build. Outputs written before the marker existed are recognised by their own listing (see legacyOutput).
 * - Every failure is an OutputError with a one-line message (no stack trace for an unwritable folder).
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { displayPath } from "./paths.ts";

/** The stages that own output folders. A folder marked by one is never replaced by the other. */
export type OutputStage = "build:data" | "build:site";

/** Name of the marker file in every output folder. It is bookkeeping, not data (SHA256SUMS does not list it). */
export const MARKER = ".daw-output";
/** Name of the marker file in every staging folder (the folder a build writes into before the swap). */
const STAGING_MARKER = ".daw-staging";

export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

export interface StageOptions {
  stage: OutputStage;
  /** Folders the output must never be, be inside, or contain (the inputs). */
  protect?: readonly string[];
}

export interface Staging {
  /** The empty folder to write the new output into. */
  readonly dir: string;
  /** Marks the written output and swaps it into place. */
  commit(): void;
  /** Removes the staging folder; the previous output stays as it was. */
  abort(): void;
}

/** A file-system error as a few words ("permission denied (EACCES)"), for one-line messages. */
export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "read-only file system",
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    ENOTDIR: "a part of the path is a file, not a folder",
    EEXIST: "already exists",
    ENOTEMPTY: "folder is not empty",
    EBUSY: "in use",
  };
  return err?.code ? `${words[err.code] ?? "cannot be written"} (${err.code})` : String((e as Error)?.message ?? e);
}

const within = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/** A path with symbolic links and ".." resolved as far as the path exists (the rest appended as given). */
function realish(path: string): string {
  let head = resolve(path);
  const tail: string[] = [];
  while (!existsSync(head)) {
    const up = dirname(head);
    if (up === head) break;
    tail.unshift(basename(head));
    head = up;
  }
  try {
    head = realpathSync(head);
  } catch {
    // an unreadable ancestor: compare the path as given
  }
  return join(head, ...tail);
}

/** Every file below a folder, as paths relative to it with forward slashes, sorted. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** The marker's text: which stage wrote the folder, then every file it wrote (relative paths, sorted). */
function markerText(stage: OutputStage, files: readonly string[]): string {
  return `written by ${stage}; the folder is replaced whole by the next build. Files:\n${files.join("\n")}\n`;
}

function readMarker(dir: string): { stage: string; files: string[] } | undefined {
  const path = join(dir, MARKER);
  if (!existsSync(path) || !lstatSync(path).isFile()) return undefined;
  const [first = "", ...files] = readFileSync(path, "utf8").split("\n").filter((l) => l !== "");
  const stage = /^written by (build:[a-z]+);/.exec(first)?.[1];
  return stage ? { stage, files } : undefined;
}

/**
 * Outputs of builds from before the marker existed: a data folder whose SHA256SUMS lists every file in it (and nothing
 * else), or a site folder with index.html, sitemap.xml, _astro/ and such a data folder. Returns the files it may remove.
 */
function legacyOutput(dir: string, stage: OutputStage): string[] | undefined {
  const files = filesBelow(dir);
  const listedIn = (sub: string) => {
    const sums = join(dir, sub, "SHA256SUMS");
    if (!existsSync(sums)) return undefined;
    const prefix = sub === "" ? "" : `${sub}/`;
    const listed = readFileSync(sums, "utf8").split("\n").filter((l) => l !== "").map((l) => prefix + l.slice(l.indexOf("  ") + 2));
    return new Set([...listed, `${prefix}SHA256SUMS`]);
  };
  if (stage === "build:data") {
    const listed = listedIn("");
    return listed && existsSync(join(dir, "datapackage.json")) && files.every((f) => listed.has(f)) ? files : undefined;
  }
  const data = listedIn("data");
  const site = ["index.html", "sitemap.xml"].every((f) => files.includes(f)) && files.some((f) => f.startsWith("_astro/"));
  return site && data && files.filter((f) => f.startsWith("data/")).every((f) => data.has(f)) ? files : undefined;
}

/** Refuses an output path that is a file, a protected folder, inside one, or holds one. */
function checkTarget(out: string, opts: StageOptions): void {
  const shown = displayPath(out);
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) throw new OutputError(`${shown} is a symbolic link; give the folder itself as the output (${opts.stage} never writes through a link)`);
  if (stat && !stat.isDirectory()) throw new OutputError(`${shown} is a file, not a folder; ${opts.stage} never writes over a file: choose another output folder`);
  let ancestor = dirname(out);
  while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
  if (existsSync(ancestor) && !lstatSync(realish(ancestor)).isDirectory()) throw new OutputError(`${displayPath(ancestor)} is a file, not a folder, so ${shown} cannot be made in it: choose another output folder`);
  const real = realish(out);
  for (const p of opts.protect ?? []) {
    const guarded = realish(p);
    if (within(real, guarded)) throw new OutputError(`${shown} is ${real === guarded ? "" : "inside "}the input folder ${displayPath(p)}; ${opts.stage} never writes there: choose another output folder`);
    if (within(guarded, real)) throw new OutputError(`${shown} holds the input folder ${displayPath(p)}; ${opts.stage} would replace it: choose another output folder`);
  }
}

/** Refuses to replace a folder this stage did not write, or one that holds files it did not write. */
function checkReplaceable(out: string, stage: OutputStage): void {
  if (!existsSync(out)) return;
  const files = filesBelow(out);
  if (files.length === 0) return;
  const shown = displayPath(out);
  const marker = readMarker(out);
  if (marker && marker.stage !== stage) throw new OutputError(`${shown} is the output of ${marker.stage}, not of ${stage}; choose another output folder`);
  const known = marker ? new Set([MARKER, ...marker.files]) : legacyOutput(out, stage) && new Set(files);
  if (!known) throw new OutputError(`${shown} exists and is not an output of ${stage} (it has no ${MARKER} marker); ${stage} never replaces a folder it did not write: move it or choose another output folder`);
  const foreign = files.filter((f) => !known.has(f));
  if (foreign.length > 0)
    throw new OutputError(`${shown}/${foreign[0]} was not written by ${stage}${foreign.length > 1 ? ` (nor ${foreign.length - 1} other file${foreign.length === 2 ? "" : "s"})` : ""}; the output folder is replaced whole, so move it out first`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Cleans up after a run that was killed part-way: puts back a previous output that a kill between the two renames of
 * the swap left moved aside, and removes staging folders and moved-aside outputs of runs no longer alive. Removes only
 * folders it recognises as its own (marked, or empty).
 */
export function recoverInterrupted(out: string, stage: OutputStage): void {
  const parent = dirname(out);
  const name = basename(out);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(tmp|old)-(\\d+)$`);
  const leftovers = readdirSync(parent)
    .map((entry) => ({ entry, m: pattern.exec(entry) }))
    .filter((x): x is { entry: string; m: RegExpExecArray } => x.m !== null && !isAlive(Number(x.m[2])))
    .sort((a, b) => (a.entry < b.entry ? -1 : 1));
  for (const { entry, m } of leftovers) {
    const p = join(parent, entry);
    if (!lstatSync(p).isDirectory()) continue;
    if (m[1] === "old") {
      const marker = readMarker(p);
      const ours = marker?.stage === stage || (!marker && legacyOutput(p, stage) !== undefined);
      if (!ours) continue;
      if (!existsSync(out)) renameSync(p, out);
      else rmSync(p, { recursive: true, force: true });
    } else {
      const marked = existsSync(join(p, STAGING_MARKER)) && readFileSync(join(p, STAGING_MARKER), "utf8").startsWith(stage);
      if (marked || readdirSync(p).length === 0) rmSync(p, { recursive: true, force: true });
    }
  }
}

/**
 * Prepares to replace the folder `out`: checks it may be replaced, recovers from an interrupted run, and creates an
 * empty staging folder to write into. Throws OutputError (one line) when it may not.
 */
export function stageFolder(outPath: string, opts: StageOptions): Staging {
  const out = resolve(outPath);
  const parent = dirname(out);
  const shown = displayPath(out);
  checkTarget(out, opts);
  try {
    mkdirSync(parent, { recursive: true });
    recoverInterrupted(out, opts.stage);
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw new OutputError(`${displayPath(parent)} cannot be written, ${reason(e)}; ${shown} is unchanged`);
  }
  checkReplaceable(out, opts.stage);
  const staging = join(parent, `.${basename(out)}-tmp-${process.pid}`);
  const dir = join(staging, "out");
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    writeFileSync(join(staging, STAGING_MARKER), `${opts.stage} staging folder for ${out}\n`);
    mkdirSync(dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw new OutputError(`${displayPath(parent)}: cannot create a folder there, ${reason(e)}; ${shown} is unchanged`);
  }
  let done = false;
  return {
    dir,
    commit() {
      if (done) throw new Error("staging folder already committed or aborted");
      done = true;
      const old = join(parent, `.${basename(out)}-old-${process.pid}`);
      let movedAside = false;
      try {
        writeFileSync(join(dir, MARKER), markerText(opts.stage, filesBelow(dir)));
        checkReplaceable(out, opts.stage); // again: nothing may have appeared in it while this build ran
        rmSync(old, { recursive: true, force: true });
        if (existsSync(out)) {
          renameSync(out, old);
          movedAside = true;
        }
        renameSync(dir, out);
      } catch (e) {
        if (movedAside && !existsSync(out)) renameSync(old, out);
        rmSync(staging, { recursive: true, force: true });
        if (e instanceof OutputError) throw e;
        throw new OutputError(`${shown} cannot be replaced, ${reason(e)}; it is unchanged`);
      }
      rmSync(old, { recursive: true, force: true });
      rmSync(staging, { recursive: true, force: true });
    },
    abort() {
      if (done) return;
      done = true;
      rmSync(staging, { recursive: true, force: true });
    },
  };
}

/** Marks a folder as the output of a stage, listing every file in it (for folders built in place, such as test fixtures). */
export function markOutput(dir: string, stage: OutputStage): void {
  writeFileSync(join(dir, MARKER), markerText(stage, filesBelow(dir).filter((f) => f !== MARKER)));
}
