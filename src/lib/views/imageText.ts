/**
 * The words a downloaded chart or map carries inside the image (charts/download.ts): its sources with publisher,
 * title and publication date, the licence of each, and where the image comes from. A downloaded image travels
 * without its page, so it names everything a reader needs to cite and reuse its figures.
 */
import type { Figure } from "../../schemas/figure.ts";
import { publishedDate } from "./cite.ts";

type SourceFields = Pick<Figure, "source_id" | "source_publisher" | "source_title" | "source_published_date" | "source_licence" | "source_type">;

function unique<T extends SourceFields>(figures: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const f of figures) if (!seen.has(f.source_id)) seen.set(f.source_id, f);
  return [...seen.values()].sort((a, b) => (a.source_id < b.source_id ? -1 : 1));
}

/** "Source: National Records of Scotland (NRS), Drug-related deaths in Scotland in 2023 …, published 20 August 2024 [A02]." — one per source. */
export function imageSources(figures: readonly SourceFields[]): string[] {
  const sources = unique(figures);
  return sources.map((f, i) => {
    const date = publishedDate(f.source_published_date);
    const when = date.text ? `, published ${date.text}` : date.note ? ` (${date.note})` : "";
    const secondary = f.source_type === "secondary" ? "; a secondary source, reporting the publisher's figures" : "";
    const label = sources.length === 1 ? "Source" : `Source ${i + 1} of ${sources.length}`;
    return `${label}: ${f.source_publisher}, ${f.source_title}${when} [${f.source_id}${secondary}].`;
  });
}

/** The licence's name without the catalogue's remarks: "Open Government Licence v3.0 (stated in the workbook)" → "Open Government Licence v3.0". */
export function licenceName(raw: string): string {
  const name = raw.replace(/\s*[(;].*$/, "").trim();
  return name === "" || /^unknown$/i.test(name) ? "not stated by the source" : name;
}

/**
 * "Figures reused under the Open Government Licence v3.0.", "Licence: not stated by the source." or, with several,
 * each licence with its source ids; then any extra attribution (a map's boundaries).
 */
export function imageLicence(figures: readonly SourceFields[], extra: string[] = []): string[] {
  const byLicence = new Map<string, string[]>();
  for (const f of unique(figures)) {
    const name = licenceName(f.source_licence);
    byLicence.set(name, [...(byLicence.get(name) ?? []), f.source_id]);
  }
  const only = byLicence.size === 1 ? [...byLicence.keys()][0]! : undefined;
  const lines =
    only === undefined
      ? [`Licences: ${[...byLicence.entries()].map(([name, ids]) => `${name} (${ids.join(", ")})`).join("; ")}.`]
      : only === licenceName("unknown")
        ? ["Licence: not stated by the source."]
        : [`Figures reused under the ${only}.`];
  return [...lines, ...extra];
}

/** "From Drugs and alcohol workforce: Scotland and England, https://…/indicators/x/ (data release 2026-12)." */
export function imageLink(siteTitle: string, address: string, releaseId: string): string {
  return `From ${siteTitle}, ${address} (data release ${releaseId}), where every figure has its table, notes and source.`;
}
