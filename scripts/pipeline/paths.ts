import { relative, sep } from "node:path";

/** A path as shown in messages: relative to the working directory, with forward slashes. */
export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return (rel.startsWith("..") ? absolute : rel).split(sep).join("/");
}
