import type { Topic } from "../../schemas/vocabulary.ts";

export const TOPIC_LABEL: Record<Topic, string> = {
  workforce_size: "Workforce size",
  vacancies: "Vacancies",
  turnover: "Turnover and retention",
  diversity_contracts: "Diversity and contracts",
  service_provision: "Service provision",
  need: "Need: deaths and population",
};

export const NATION_LABEL: Record<string, string> = { scotland: "Scotland", england: "England", uk: "UK" };
