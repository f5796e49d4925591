import { createHash } from "node:crypto";

/** The parts that identify a figure: what, when, where, which split. */
export interface FigureKeyParts {
  dataset_id: string;
  measure: string;
  period: string;
  geography_level: string;
  area_code: string;
  breakdown_type: string;
  breakdown_value: string;
}

/** A figure after harmonising: its breakdown's canonical label from the taxonomy (the published label when unmapped). */
export interface MatchParts extends FigureKeyParts {
  breakdown_canonical: string;
}

/** The key a figure is identified by, with its breakdown as published (figure ids never change when a label is mapped). */
function idKey(f: FigureKeyParts): string {
  return [f.dataset_id, f.measure, f.period, f.geography_level, f.area_code, f.breakdown_type, f.breakdown_value].join("\u001f");
}

/**
 * Figure key: the same figure in the same dataset (two sources may publish it, under different labels of one role).
 * Duplicates, conflicts and derivations are matched on it.
 */
export function figureKey(f: MatchParts): string {
  return [f.dataset_id, f.measure, f.period, f.geography_level, f.area_code, f.breakdown_type, f.breakdown_canonical].join("\u001f");
}

/** Display key: the same figure across datasets (vintages and editions of one measure). */
export function displayKey(f: MatchParts): string {
  return [f.measure, f.period, f.geography_level, f.area_code, f.breakdown_type, f.breakdown_canonical].join("\u001f");
}

function hash16(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** Stable id of a published figure: hash of its key and source. Same inputs, same id, every release. */
export function publishedFigureId(f: FigureKeyParts & { source_id: string }): string {
  return `f-${hash16(`${idKey(f)}\u001f${f.source_id}`)}`;
}

/** Stable id of a derived figure: hash of the derivation and the output key. */
export function derivedFigureId(derivationId: string, f: FigureKeyParts): string {
  return `d-${hash16(`${derivationId}\u001f${idKey(f)}`)}`;
}
