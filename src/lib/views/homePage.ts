/**
 * The page model of the home page: for each nation, a card per headline (data/reference/headlines.csv) showing the
 * indicator's headline figure by its headline rule, the change since the previous comparable figure, or that it is a
 * snapshot with no trend; cards with no published figure go to a short list below, with their reasons. Pure.
 */
import type { Figure } from "../../schemas/figure.ts";
import { NATION_CODE, NATION_LABEL, type HomeNation } from "../../schemas/vocabulary.ts";
import { headlineAt, trendNote, type Headline } from "./headline.ts";
export { trendNote };
import type { IndicatorLike } from "./indicatorPage.ts";

export interface HomeCard {
  label: string;
  indicator: IndicatorLike & { short_title: string };
  headline: Headline;
  /** "Snapshot on 1 November 2021: no trend published", when the figure has no earlier or later comparable figure. */
  trendNote: string;
}

export interface HomeNationModel {
  id: HomeNation;
  name: string;
  cards: HomeCard[];
  /** Headlines with no published figure, and why. */
  missing: { label: string; reason: string }[];
}

export interface HeadlineEntry {
  nation: HomeNation;
  order: number;
  label: string;
  indicator_id: string;
  missing_reason: string;
}

export function homePage(
  headlines: HeadlineEntry[],
  indicatorById: Map<string, IndicatorLike & { short_title: string }>,
  shownAt: (indicatorId: string, level: string, code: string) => Figure[],
  /** True when the figure comes from a one-off collection (datasets.csv frequency). */
  isOneOff: (f: Figure) => boolean = () => false,
): HomeNationModel[] {
  return (["scotland", "england"] as const).map((nation) => {
    const cards: HomeCard[] = [];
    const missing: HomeNationModel["missing"] = [];
    for (const h of headlines.filter((x) => x.nation === nation).sort((a, b) => a.order - b.order)) {
      const ind = h.indicator_id ? indicatorById.get(h.indicator_id) : undefined;
      const headline = ind ? headlineAt(ind.headline_rules, shownAt(ind.id, "country", NATION_CODE[nation]), ind.unit) : undefined;
      if (!ind || !headline || headline.figure.value === null) {
        missing.push({ label: h.label, reason: h.missing_reason || (headline ? `Not published as a number: ${headline.figure.notes}` : "No published figure.") });
        continue;
      }
      cards.push({ label: h.label, indicator: ind, headline, trendNote: trendNote(headline, isOneOff(headline.figure)) });
    }
    return { id: nation, name: NATION_LABEL[nation], cards, missing };
  });
}
