import { relative, sep } from "node:path";
import { escapeInvisible } from "../../src/schemas/text.ts";

/**
 * A path as shown in messages: relative to the working directory, with forward slashes, and with control and other
 * invisible characters in file names escaped (\u{…}), so a file name never writes raw control codes to the terminal.
 */
export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return escapeInvisible((rel === "" ? "." : rel.startsWith("..") ? absolute : rel).split(sep).join("/"));
}
