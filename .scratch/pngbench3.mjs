import { Resvg, renderAsync } from "@resvg/resvg-js";
import { readFileSync } from "node:fs";
const d = "/tmp/share-dist1/indicators/scotland-drug-misuse-deaths/";
const fonts = ["400Regular/Inter_400Regular.ttf", "700Bold/Inter_700Bold.ttf"].map((f) => "node_modules/@expo-google-fonts/inter/" + f);
const bufs = fonts.map((f) => readFileSync(f));
for (const name of ["trend", "bars-1", "map"]) {
  const svg = readFileSync(d + name + ".svg", "utf8");
  for (const [label, font, scale] of [["files 2x", { fontFiles: fonts }, 2], ["bufs 2x", { fontBuffers: bufs }, 2], ["files 1.5x", { fontFiles: fonts }, 1.5], ["files 1x", { fontFiles: fonts }, 1]]) {
    const opts = { fitTo: { mode: "zoom", value: scale }, background: "#ffffff", font: { ...font, loadSystemFonts: false, defaultFontFamily: "Inter" } };
    let t0 = performance.now(); let r = new Resvg(svg, opts); const t1 = performance.now(); const img = r.render(); const t2 = performance.now(); const png = img.asPng(); const t3 = performance.now();
    console.log(name, label, `parse ${(t1 - t0).toFixed(0)} render ${(t2 - t1).toFixed(0)} png ${(t3 - t2).toFixed(0)} ms`, png.length);
  }
}
