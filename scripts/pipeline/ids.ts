/**
 * Stable figure ids: a hash of what identifies a figure, so the same inputs give the same id in every release.
 * Figure ids keep the breakdown as published (links never change when a label is mapped by the taxonomy); matching
 * (duplicates, conflicts, derivations) uses the canonical label instead (check.ts FIGURE_KEY).
 */
import { hash } from "node:crypto";

/** The columns a figure id is made of, in order: what, when, where, which split (as published). */
export const ID_KEY = ["dataset_id", "measure", "period", "geography_level", "area_code", "breakdown_type", "breakdown_value"] as const;

/** The parts that identify a figure. */
export type FigureKeyParts = Record<(typeof ID_KEY)[number], string>;

/** The key text an id hashes: the ID_KEY parts joined with U+001F. */
export const idKeyText = (f: FigureKeyParts) => ID_KEY.map((k) => f[k]).join("\u001f");
const hash16 = (text: string) => hash("sha256", text, "hex").slice(0, 16);

/** Id of a published figure from its key text (idKeyText) and source. */
export const publishedId = (keyText: string, sourceId: string) => `f-${hash16(`${keyText}\u001f${sourceId}`)}`;
/** Id of a derived figure from its derivation and its key text (idKeyText). */
export const derivedId = (derivationId: string, keyText: string) => `d-${hash16(`${derivationId}\u001f${keyText}`)}`;

/** Stable id of a published figure: hash of its key and source. Same inputs, same id, every release. */
export function publishedFigureId(f: FigureKeyParts & { source_id: string }): string {
  return publishedId(idKeyText(f), f.source_id);
}

/** Stable id of a derived figure: hash of the derivation and the output key. */
export function derivedFigureId(derivationId: string, f: FigureKeyParts): string {
  return derivedId(derivationId, idKeyText(f));
}
