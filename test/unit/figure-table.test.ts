import { describe, expect, it } from "vitest";
import type { Figure } from "../../src/schemas/figure.ts";
import { figureTableModel } from "../../src/lib/views/table.ts";

let n = 0;
const fig = (over: Partial<Figure>): Figure =>
  ({
    figure_id: `f-${(n++).toString(16).padStart(16, "0")}`,
    indicator_id: "i", role: "value", measure_label: "Deaths", dataset_id: "d", measure: "deaths", unit: "count", period: "2022",
    geography_level: "country", area_code: "S92000003", area_name: "Scotland", breakdown_type: "total", breakdown_value: "all",
    value: 1, value_text: "1", status: "published", source_id: "A", source_location: "", notes: "", marker: "", qualifier: "",
    area_label: "Scotland", period_start: "2022-01-01", period_end: "2022-12-31", preferred: true, preferred_figure_id: "",
    not_preferred_reason: "", corroborated_by: [], formula: "", derived_from: [], source_title: "", source_publisher: "",
    source_published_date: "", source_url: "https://example.org/", source_licence: "", source_type: "primary", source_file: "", source_line: 2,
    ...over,
  }) as Figure;

describe("figureTableModel", () => {
  it("moves each place in a source to one numbered note, shared by the rows that cite it, in the order rows first cite them", () => {
    const place = "book.xlsx, sheet 'T1', row 5";
    const figures = [
      fig({ period: "2021", source_location: place }),
      fig({ period: "2020", source_location: "https://example.org/ para 2" }),
      fig({ period: "2022", source_location: place }),
      fig({ period: "2023", source_id: "B", source_location: place }),
      fig({ period: "2024", status: "derived", formula: "Rate = a ÷ b × 100000", source_location: "Derived by this site (x): Rate = a ÷ b × 100000" }),
    ];
    const { rows, notes, showBreakdown } = figureTableModel(figures, 0);
    expect(rows.map((r) => [r.period, r.sourceId, r.sourceNote])).toEqual([
      ["2020", "A", 1],
      ["2021", "A", 2],
      ["2022", "A", 2],
      ["2023", "B", 3],
      ["2024", "A", 4],
    ]);
    expect(notes).toEqual([
      { n: 1, sourceId: "A", text: "paragraph 2" },
      { n: 2, sourceId: "A", text: "sheet 'T1', row 5 of the spreadsheet book.xlsx" },
      { n: 3, sourceId: "B", text: "sheet 'T1', row 5 of the spreadsheet book.xlsx" },
      { n: 4, sourceId: "A", text: "Derived by this site from its figures: Rate = a ÷ b × 100000" },
    ]);
    // Each row keeps its figure's id: the permalink anchor.
    expect(rows.map((r) => r.id)).toEqual([figures[1], figures[0], figures[2], figures[3], figures[4]].map((f) => f!.figure_id));
    expect(showBreakdown).toBe(false);
  });

  it("says when the place was not recorded, and shows the breakdown column only when a row has one", () => {
    const { notes, showBreakdown } = figureTableModel([fig({}), fig({ breakdown_type: "sex", breakdown_value: "Males" })], 0);
    expect(notes).toEqual([{ n: 1, sourceId: "A", text: "Place in the source not recorded" }]);
    expect(showBreakdown).toBe(true);
  });
});
