/** Downloads, embeds and framing: the pure parts (the download image, its words, the file list, the headers file). */
import { describe, expect, it } from "vitest";
import { JSDOM } from "jsdom";
import { downloadImage, nestSvg, svgSize } from "../../src/charts/download.ts";
import { chartFiles, downloadName, onChartFile, pagePathOf, pngForPage, registerChartFile, type ChartFile } from "../../src/charts/files.ts";
import { textWidth } from "../../src/charts/trend.ts";
import { imageLicence, imageSources, licenceName } from "../../src/lib/views/imageText.ts";
import { embedCode } from "../../src/lib/views/embed.ts";
import { CONTENT_SECURITY_POLICY, headersFile } from "../../src/lib/security.ts";
import { frameableElsewhere, headersFor, parseHeadersFile } from "../../src/lib/headersRules.ts";
import { FULL_TABLE_LIMIT, indicatorTable } from "../../src/lib/views/shown.ts";
import { fig } from "../helpers/figures.ts";

const panel = (w: number, h: number, inner = "") => `<svg xmlns="http://www.w3.org/2000/svg" id="p" class="chart-svg" role="img" aria-labelledby="p-title" fill="currentColor" font-size="12" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><title id="p-title">T</title>${inner}</svg>`;
const parse = (svg: string) => new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;

describe("the download image", () => {
  const long = "A title long enough that it cannot fit on one line of an image eight hundred units wide, so it must wrap onto a second line";
  const image = downloadImage({
    title: long,
    subtitle: "number, 2010 to 2024",
    panels: [{ svg: panel(800, 400) }],
    notes: ["Note 1: a note"],
    sources: ["Source: Publisher, Title, published 1 May 2024 [A1]."],
    licence: ["Figures reused under the Open Government Licence v3.0."],
    link: "From Site, /indicators/x/ (data release 2026-12).",
  });
  const doc = parse(image.svg);
  const lines = [...doc.querySelectorAll("svg > text")];

  it("is one standalone SVG, as wide as its panel and its margins, with the panel inside it", () => {
    expect(doc.documentElement.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(image.width).toBe(800 + 2 * 24);
    const nested = doc.querySelector("svg > svg")!;
    expect(Number(nested.getAttribute("y")) + 400).toBeLessThan(image.height);
    expect(nested.getAttribute("viewBox")).toBe("0 0 800 400");
  });

  it("prints its title, subtitle, notes, sources, licence and address, each line within the image", () => {
    const text = lines.map((t) => t.textContent).join(" ");
    for (const part of [long, "number, 2010 to 2024", "Note 1: a note", "[A1].", "Open Government Licence v3.0.", "/indicators/x/"]) expect(text).toContain(part);
    expect(lines.filter((t) => t.getAttribute("font-weight") === "700").length).toBeGreaterThan(1); // the title wrapped
    for (const t of lines) expect(24 + textWidth(t.textContent ?? "", Number(t.getAttribute("font-size")))).toBeLessThanOrEqual(image.width - 24);
    const ys = lines.map((t) => Number(t.getAttribute("y")));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(Math.max(...ys)).toBeLessThan(image.height);
  });

  it("names itself for screen readers and escapes text", () => {
    expect(doc.querySelector("svg > title")!.textContent).toBe(long);
    const escaped = downloadImage({ title: "<b>&", subtitle: "", panels: [{ svg: panel(10, 10) }], sources: [], licence: [], link: "" });
    expect(escaped.svg).toContain("&lt;b&gt;&amp;");
    expect(parse(escaped.svg).querySelector("title")!.textContent).toBe("<b>&");
  });

  it("sets panels side by side, labels the enlargement and frames it", () => {
    const two = downloadImage({ title: "t", subtitle: "", panels: [{ svg: panel(600, 600) }, { svg: panel(400, 200), label: "Central Belt, enlarged" }], sources: [], licence: [], link: "" });
    const d = parse(two.svg);
    const [a, b] = [...d.querySelectorAll("svg > svg")];
    expect(Number(b!.getAttribute("x"))).toBeGreaterThanOrEqual(Number(a!.getAttribute("x")) + 600);
    expect(two.width).toBe(24 + 600 + 24 + 400 + 24);
    expect([...d.querySelectorAll("svg > text")].map((t) => t.textContent)).toContain("Central Belt, enlarged");
    expect(d.querySelectorAll("svg > rect[fill=none]")).toHaveLength(1);
  });

  it("refuses no panel, or a panel that is not an SVG with a size", () => {
    expect(() => downloadImage({ title: "t", subtitle: "", panels: [], sources: [], licence: [], link: "" })).toThrow(/no panel/);
    expect(() => svgSize("<g/>")).toThrow(/not an <svg>/);
    expect(() => svgSize('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toThrow(/no width/);
  });
});

describe("nestSvg", () => {
  it("turns links into groups, keeps titles and presentation, drops ids and ARIA of the outer element", () => {
    const out = nestSvg(panel(100, 50, '<a href="/x/" aria-label="Fife: 3"><title>Fife: 3</title><path d="M0,0"/></a>'), 5, 6);
    expect(out).toMatch(/^<svg x="5" y="6" width="100" height="50" viewBox="0 0 100 50" fill="currentColor" font-size="12">/);
    expect(out).not.toMatch(/<a\b|href=|aria-|role=/);
    expect(out).toContain("<g><title>Fife: 3</title><path");
  });
});

describe("the words in the image", () => {
  const a = fig({ source_id: "A02", source_publisher: "National Records of Scotland", source_title: "Drug deaths 2023", source_published_date: "2024-08-20", source_licence: "Open Government Licence v3.0 (stated in the workbook)" });
  const b = fig({ source_id: "A14", source_publisher: "A journal", source_title: "A report", source_published_date: "unknown (September 2025)", source_licence: "unknown", source_type: "secondary" });
  it("one line per source, with its date in words, and secondary sources said to be so", () => {
    expect(imageSources([a, a])).toEqual(["Source: National Records of Scotland, Drug deaths 2023, published 20 August 2024 [A02]."]);
    const two = imageSources([b, a]);
    expect(two[0]).toMatch(/^Source 1 of 2: National Records of Scotland/);
    expect(two[1]).toMatch(/^Source 2 of 2: A journal, A report \(date not known; September 2025\) \[A14; a secondary source/);
  });
  it("the licence without the catalogue's remarks, each with its sources when they differ", () => {
    expect(licenceName("Open Government Licence v3.0 (stated in the workbook)")).toBe("Open Government Licence v3.0");
    expect(imageLicence([a])).toEqual(["Figures reused under the Open Government Licence v3.0."]);
    expect(imageLicence([b])).toEqual(["Licence: not stated by the source."]);
    expect(imageLicence([a, b], ["Boundaries: ONS."])).toEqual(["Licences: Open Government Licence v3.0 (A02); not stated by the source (A14).", "Boundaries: ONS."]);
  });
});

describe("the chart files of a build", () => {
  const file = (path: string, svg = "<svg/>"): ChartFile => ({ path, svg, png: true, width: 1, height: 1 });
  it("are registered once; the same file drawn differently is refused, and the listener hears each new file once", () => {
    const heard: string[] = [];
    onChartFile((f) => heard.push(f.path));
    try {
      registerChartFile(file("test-only/a/trend"));
      registerChartFile(file("test-only/a/trend"));
      expect(() => registerChartFile(file("test-only/a/trend", "<svg>other</svg>"))).toThrow(/drawn twice with different content/);
      expect(() => registerChartFile(file("../x"))).toThrow(/invalid path/);
      expect(heard).toEqual(["test-only/a/trend"]);
      expect(chartFiles().get("test-only/a/trend")?.svg).toBe("<svg/>");
    } finally {
      onChartFile(undefined);
      chartFiles().delete("test-only/a/trend");
    }
  });
  it("are named after their page and chart, live beside the page, and get a PNG on indicator and map pages", () => {
    expect(downloadName("indicators/x/trend", "png")).toBe("indicators-x-trend.png");
    expect(pagePathOf("/dash/indicators/x/", "/dash/")).toBe("indicators/x/");
    expect(pagePathOf("/", "/")).toBe("");
    expect(pngForPage("indicators/x/")).toBe(true);
    expect(pngForPage("maps/council-areas/x/")).toBe(true);
    expect(pngForPage("service-provision/waiting-times/")).toBe(false);
    expect(pngForPage("indicators/x/council-areas/S12000033/")).toBe(false);
    expect(pngForPage("compare/")).toBe(false);
  });
});

describe("embed code", () => {
  it("is an iframe with a title, escaped", () => {
    expect(embedCode({ src: "https://e.org/embed/a/", title: 'Deaths "2023" & more', height: 600.4 })).toBe('<iframe src="https://e.org/embed/a/" title="Deaths &quot;2023&quot; &amp; more" width="100%" height="600" loading="lazy"></iframe>');
  });
});

describe("the _headers file", () => {
  const entries = [
    { name: "index.html", dir: false },
    { name: "indicators", dir: true },
    { name: "embed", dir: true },
    { name: "_headers", dir: false },
  ];
  for (const base of ["/", "/dash/"]) {
    const rules = parseHeadersFile(headersFile(base, entries));
    for (const host of ["netlify", "cloudflare"] as const) {
      it(`under ${base}, as ${host} applies it, refuses framing everywhere but the embed pages`, () => {
        for (const p of ["", "index.html", "indicators/x/", "unknown-folder/x/"].map((x) => `${base}${x}`)) {
          const h = headersFor(rules, p, host);
          expect(h.get("content-security-policy"), p).toContain(CONTENT_SECURITY_POLICY);
          // A folder the build did not have gets the shared headers only.
          if (!p.includes("unknown-folder")) expect(frameableElsewhere(h), p).toBe(false);
        }
        const embed = headersFor(rules, `${base}embed/indicators/x/trend/`, host);
        expect(frameableElsewhere(embed)).toBe(true);
        expect(embed.get("x-content-type-options")).toBe("nosniff");
      });
    }
  }
  it("frameableElsewhere reads every policy and X-Frame-Options", () => {
    const h = (csp: string, xfo?: string) => new Map([["content-security-policy", csp], ...(xfo ? [["x-frame-options", xfo] as [string, string]] : [])]);
    expect(frameableElsewhere(h("default-src 'self', default-src 'self'; frame-ancestors *"))).toBe(true);
    expect(frameableElsewhere(h("default-src 'self', frame-ancestors 'none'"))).toBe(false);
    expect(frameableElsewhere(h("frame-ancestors 'self'"))).toBe(false);
    expect(frameableElsewhere(h("default-src 'self'", "DENY"))).toBe(false);
    expect(frameableElsewhere(h("frame-ancestors *", "DENY"))).toBe(true);
  });
});

describe("indicatorTable", () => {
  it("lists every figure up to the limit, then the national figures, then the latest of each national series", () => {
    const few = [fig({}), fig({ geography_level: "council_area", area_code: "S12000033" })];
    expect(indicatorTable(few)).toMatchObject({ kind: "every", figures: few });
    const areas = Array.from({ length: FULL_TABLE_LIMIT }, (_, i) => fig({ geography_level: "council_area", area_code: `S12${String(i).padStart(6, "0")}` }));
    const national = [fig({ period: "2021" }), fig({ period: "2022" })];
    expect(indicatorTable([...areas, ...national])).toMatchObject({ kind: "national", figures: national });
    const years = Array.from({ length: FULL_TABLE_LIMIT + 1 }, (_, i) => fig({ period: String(1950 + i) }));
    const males = [fig({ period: "2009", breakdown_value: "Males" }), fig({ period: "2010", breakdown_value: "Males" }), fig({ period: "2011", breakdown_value: "Males", preferred: false })];
    const t = indicatorTable([...years, ...males]);
    expect(t.kind).toBe("latest-national");
    expect(t.figures.map((f) => [f.breakdown_value, f.period])).toEqual([
      ["Persons", "2010"],
      ["Males", "2010"],
    ]);
  });
});
