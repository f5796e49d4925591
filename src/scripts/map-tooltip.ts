/**
 * Tooltips on map areas, with JavaScript: hovering or focusing an area shows its name, value and period at once
 * (the same words as its accessible name, which screen readers already announce, so the tooltip is hidden from them).
 */
let tip: HTMLElement | undefined;

function tooltip(): HTMLElement {
  if (!tip) {
    tip = document.createElement("div");
    tip.className = "map-tooltip";
    tip.setAttribute("aria-hidden", "true");
    tip.hidden = true;
    document.body.append(tip);
  }
  return tip;
}

function areaOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest("svg.choropleth a[aria-label], svg.choropleth path[aria-label]") : null;
}

function place(el: HTMLElement, x: number, y: number): void {
  const pad = 12;
  const w = el.offsetWidth;
  const left = Math.min(Math.max(pad, x + pad), document.documentElement.clientWidth - w - pad);
  el.style.left = `${left + window.scrollX}px`;
  el.style.top = `${y + window.scrollY + pad * 1.5}px`;
}

function showFor(area: Element, x: number, y: number): void {
  const el = tooltip();
  el.textContent = area.getAttribute("aria-label");
  el.hidden = false;
  place(el, x, y);
}

document.addEventListener("pointerover", (e) => {
  const area = areaOf(e.target);
  if (area) showFor(area, e.clientX, e.clientY);
});
document.addEventListener("pointermove", (e) => {
  if (tip && !tip.hidden && areaOf(e.target)) place(tip, e.clientX, e.clientY);
});
document.addEventListener("pointerout", (e) => {
  if (tip && areaOf(e.target) && !areaOf(e.relatedTarget)) tip.hidden = true;
});
document.addEventListener("focusin", (e) => {
  const area = areaOf(e.target);
  if (!area) {
    if (tip) tip.hidden = true;
    return;
  }
  const r = area.getBoundingClientRect();
  showFor(area, r.left + r.width / 2, r.top + r.height / 2);
});
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && tip) tip.hidden = true;
});
export {};
