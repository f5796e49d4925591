/**
 * Maps over time, with JavaScript: the list of period links above a map becomes a period control that switches the
 * map, its legend and its ranked table in place. Each period is a static page (the links work without JavaScript);
 * the control fetches that page and swaps in its map block, so both always show the same figures. The address
 * follows the period shown, so it can be shared.
 */
const LIVE_ID = "map-period-status";

function status(): HTMLElement {
  let el = document.getElementById(LIVE_ID);
  if (!el) {
    el = document.createElement("p");
    el.id = LIVE_ID;
    el.className = "visually-hidden";
    el.setAttribute("role", "status");
    document.body.append(el);
  }
  return el;
}

async function show(block: HTMLElement, url: string, label: string, push: boolean): Promise<void> {
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  const doc = new DOMParser().parseFromString(await res.text(), "text/html");
  const next = doc.querySelector<HTMLElement>(`[data-map-block="${block.dataset.mapBlock}"]`);
  if (!next) throw new Error(`${url}: no map`);
  block.replaceWith(next);
  const h1 = doc.querySelector("h1");
  const here = document.querySelector("h1");
  if (h1 && here) here.textContent = h1.textContent;
  document.title = doc.title;
  if (push) history.pushState({ mapPeriod: url }, "", url);
  enhance(next, true);
  status().textContent = `The map now shows ${label}.`;
}

function enhance(block: HTMLElement, focus = false): void {
  const nav = block.querySelector<HTMLElement>("[data-map-periods]");
  if (!nav || nav.dataset.enhanced) return;
  const links = [...nav.querySelectorAll<HTMLAnchorElement>("a[data-period]")];
  const id = `${block.dataset.mapBlock}-period`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = "Period shown on the map";
  const select = document.createElement("select");
  select.id = id;
  for (const a of links) {
    const option = new Option(a.textContent ?? "", a.href, false, a.getAttribute("aria-current") === "page");
    select.add(option);
  }
  const control = document.createElement("div");
  control.className = "map-period-control";
  control.append(label, select);
  nav.dataset.enhanced = "true";
  nav.classList.add("enhanced");
  nav.prepend(control);
  select.addEventListener("change", () => {
    const option = select.selectedOptions[0];
    if (!option) return;
    select.disabled = true;
    show(block, option.value, option.text, true).catch(() => {
      location.href = option.value;
    });
  });
  if (focus) select.focus();
}

for (const block of document.querySelectorAll<HTMLElement>("[data-map-block]")) enhance(block);
window.addEventListener("popstate", () => location.reload());
export {};
