import { Resvg, renderAsync } from "@resvg/resvg-js";
import { readFileSync } from "node:fs";
const s = readFileSync("dist/indicators/scotland-drug-misuse-deaths/index.html", "utf8");
const svgs = [...s.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).filter((x) => x.length > 2000).map(raw => raw.includes("xmlns=") ? raw : raw.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"'));
const fonts = ["400Regular/Inter_400Regular.ttf", "700Bold/Inter_700Bold.ttf"].map((f) => "node_modules/@expo-google-fonts/inter/" + f);
const fontBufs = fonts.map(f => readFileSync(f));
function t(label, fn, n=10){ fn(); const t0=performance.now(); for(let i=0;i<n;i++) fn(); console.log(label, ((performance.now()-t0)/n).toFixed(1),'ms'); }
for (const i of [0,1,6]) {
  const svg = svgs[i];
  t(`#${i} 2x fonts`, () => new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "Inter" } }).render().asPng());
  t(`#${i} 2x fontBuffers`, () => new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { fontBuffers: fontBufs, loadSystemFonts: false, defaultFontFamily: "Inter" } }).render().asPng());
  t(`#${i} 2x nofont`, () => new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { loadSystemFonts: false } }).render().asPng());
  t(`#${i} 1x fonts`, () => new Resvg(svg, { font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "Inter" } }).render().asPng());
  t(`#${i} 2x render only`, () => new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "Inter" } }).render());
}
const t0=performance.now();
await Promise.all(Array.from({length:20},()=>renderAsync(svgs[0], { fitTo: { mode: "zoom", value: 2 }, font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: "Inter" } })));
console.log('20 async', (performance.now()-t0).toFixed(0));
