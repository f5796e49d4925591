import { Resvg } from "@resvg/resvg-js";
import { readFileSync, writeFileSync } from "node:fs";
const d = "/tmp/share-dist1/indicators/scotland-drug-misuse-deaths/";
const fonts = ["400Regular/Inter_400Regular.ttf", "700Bold/Inter_700Bold.ttf"].map((f) => "node_modules/@expo-google-fonts/inter/" + f);
const bufs = fonts.map((f) => readFileSync(f));
const svg = readFileSync(d + "bars-1.svg", "utf8");
for (let i = 0; i < 3; i++) {
  let t0 = performance.now();
  const png = new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, background: "#fff", font: { fontBuffers: bufs, loadSystemFonts: false, defaultFontFamily: "Inter", sansSerifFamily: "Inter" } }).render().asPng();
  console.log("bufs", (performance.now() - t0).toFixed(0), png.length);
  writeFileSync("/tmp/bufs.png", png);
  t0 = performance.now();
  const png2 = new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, background: "#fff", font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "Inter", sansSerifFamily: "Inter" } }).render().asPng();
  console.log("files", (performance.now() - t0).toFixed(0), png2.length);
}
