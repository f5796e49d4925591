import { Resvg } from "@resvg/resvg-js";
import { readFileSync, writeFileSync } from "node:fs";
const s = readFileSync("dist/indicators/scotland-drug-misuse-deaths/index.html", "utf8");
const svgs = [...s.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).filter((x) => x.length > 2000);
const fonts = ["400Regular/Inter_400Regular.ttf", "700Bold/Inter_700Bold.ttf"].map((f) => "node_modules/@expo-google-fonts/inter/" + f);
for (const [i, raw] of svgs.entries()) {
  let svg = raw.includes("xmlns=") ? raw : raw.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"');
  const t0 = performance.now();
  let png;
  for (let k = 0; k < 5; k++) {
    const r = new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "Inter", sansSerifFamily: "Inter" }, background: "#ffffff" });
    png = r.render().asPng();
  }
  const ms = (performance.now() - t0) / 5;
  writeFileSync(`/tmp/png-${i}.png`, png);
  console.log(i, raw.length, png.length, ms.toFixed(1) + " ms");
}
