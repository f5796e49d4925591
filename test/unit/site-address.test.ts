import { describe, expect, it } from "vitest";
import { absoluteUrl, paths } from "../../src/lib/routes.ts";
import { normaliseBase, siteAddress } from "../../src/lib/siteAddress.ts";

describe("siteAddress (SITE_URL and BASE_PATH)", () => {
  it("without SITE_URL gives no site, the base path, and the one notice the build prints", () => {
    const a = siteAddress({ BASE_PATH: "/dash" });
    expect(a.site).toBeUndefined();
    expect(a.base).toBe("/dash/");
    expect(a.notice).toMatch(/^SITE_URL is not set: citations give each permalink as a path from the site root/);
    expect(siteAddress({}).base).toBe("/");
  });

  it("takes the origin of SITE_URL, and its folder as the base path when BASE_PATH is not set", () => {
    expect(siteAddress({ SITE_URL: "https://example.org" })).toEqual({ site: "https://example.org", base: "/", notice: "" });
    expect(siteAddress({ SITE_URL: "https://example.org/dashboard" })).toEqual({ site: "https://example.org", base: "/dashboard/", notice: "" });
    expect(siteAddress({ SITE_URL: "http://127.0.0.1:8080/a/b/", BASE_PATH: "a/b" })).toEqual({ site: "http://127.0.0.1:8080", base: "/a/b/", notice: "" });
    expect(siteAddress({ SITE_URL: "https://example.org/", BASE_PATH: "/dash/" }).base).toBe("/dash/");
  });

  it("refuses an address that is not one, and a folder that contradicts BASE_PATH, naming both", () => {
    expect(() => siteAddress({ SITE_URL: "example.org" })).toThrow('SITE_URL "example.org" is not an address');
    expect(() => siteAddress({ SITE_URL: "ftp://example.org" })).toThrow("must start with https:// or http://");
    expect(() => siteAddress({ SITE_URL: "https://example.org/?q=1" })).toThrow("without a query");
    expect(() => siteAddress({ SITE_URL: "https://example.org/a/", BASE_PATH: "/b/" })).toThrow("ends in the folder /a/ but BASE_PATH is /b/");
  });

  it("gives absolute permalinks with the base path through routes.absoluteUrl", () => {
    const { site, base } = siteAddress({ SITE_URL: "https://example.org/dash/" });
    expect(absoluteUrl(site, base, paths.indicator("scotland-workforce-vacancy-rate"))).toBe("https://example.org/dash/indicators/scotland-workforce-vacancy-rate/");
    expect(absoluteUrl(site, base, paths.area("council_area", "S12000049"))).toBe("https://example.org/dash/areas/council-areas/S12000049/");
    expect(absoluteUrl(undefined, base, paths.planning())).toBeUndefined();
  });

  it("normalises a base path", () => {
    expect([normaliseBase(""), normaliseBase("/"), normaliseBase("dash"), normaliseBase("/dash/"), normaliseBase("//a/b//")]).toEqual(["/", "/", "/dash/", "/dash/", "/a/b/"]);
  });
});
