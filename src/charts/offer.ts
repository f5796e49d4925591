/**
 * One call for a component: draws a chart's download image (download.ts) with the words it must carry (its
 * sources, licences and the page it comes from, lib/views/imageText.ts), registers it (files.ts) and returns the
 * links to print beside the chart.
 */
import type { Figure } from "../schemas/figure.ts";
import { absoluteUrl, withBase } from "../lib/routes.ts";
import { imageLicence, imageLink, imageSources } from "../lib/views/imageText.ts";
import { downloadImage, type DownloadInput, type DownloadPanel } from "./download.ts";
import { offerChart, type ChartLinks } from "./files.ts";
import { legendSwatchSvg, type ChoroplethMap } from "./choropleth.ts";
import { BOUNDARY_ATTRIBUTION } from "../lib/geo/boundaries.ts";
import { countOf } from "../schemas/vocabulary.ts";
import { loadSite } from "../data/site.ts";

export interface OfferInput {
  /** The site's base path (import.meta.env.BASE_URL). */
  base: string;
  /** The site's address when known (Astro.site). */
  site: URL | string | undefined;
  /** The page that owns the files, from the site root ("indicators/x/"). */
  pagePath: string;
  /** The chart's id on that page: the file is <page>/<id>.svg. */
  id: string;
  title: string;
  subtitle: string;
  panels: DownloadPanel[];
  /** The figures drawn: their sources and licences are printed in the image. */
  figures: readonly Figure[];
  legend?: DownloadInput["legend"];
  notes?: string[];
  /** Attribution beyond the figures' licences (a map's boundaries). */
  attribution?: string[];
  siteTitle: string;
  releaseId: string;
}

export function offerChartImage(o: OfferInput): ChartLinks {
  const address = absoluteUrl(o.site, o.base, o.pagePath) ?? withBase(o.base, o.pagePath);
  const image = downloadImage({
    title: o.title,
    subtitle: o.subtitle,
    panels: o.panels,
    ...(o.legend ? { legend: o.legend } : {}),
    ...(o.notes?.length ? { notes: o.notes } : {}),
    sources: imageSources(o.figures),
    licence: imageLicence(o.figures, o.attribution),
    link: imageLink(o.siteTitle, address, o.releaseId),
  });
  return offerChart(o.base, o.pagePath, o.id, image);
}

export interface MapOfferInput {
  base: string;
  site: URL | string | undefined;
  pagePath: string;
  id: string;
  title: string;
  subtitle: string;
  map: ChoroplethMap;
  figures: readonly Figure[];
  /** The enlarged panel's label ("Central Belt, enlarged (the dashed box on the map)"). */
  zoomLabel: string;
}

/** A choropleth's download: its key drawn in the image, the map and its enlarged panel side by side, the boundaries' attribution. */
export function mapDownload(o: MapOfferInput): ChartLinks {
  const { release } = loadSite().registry;
  return offerChartImage({
    base: o.base,
    site: o.site,
    pagePath: o.pagePath,
    id: o.id,
    title: o.title,
    subtitle: o.subtitle,
    legend: {
      heading: o.map.legend.heading,
      items: o.map.legend.items.map((item) => ({ swatch: legendSwatchSvg(item, `${o.id}-dl`), label: `${item.label} (${countOf(item.count, "area")})` })),
    },
    panels: [{ svg: o.map.svg }, ...(o.map.zoom ? [{ svg: o.map.zoom.svg, label: o.zoomLabel }] : [])],
    figures: o.figures,
    attribution: [BOUNDARY_ATTRIBUTION],
    siteTitle: release.site_title,
    releaseId: release.id,
  });
}
