/**
 * The place chooser of the planning page: shows the list box (without JavaScript the page lists every place's plan
 * as links instead) and opens the chosen place's plan when the button is pressed, never on a change of the list box
 * alone (WCAG 3.2.2). An address of the old single-page tool (?from=scotland&turnover=12) opens that nation's plan
 * with the same values.
 */
import { FROM_KEY } from "../lib/planning/query.ts";

function init(): void {
  const form = document.querySelector<HTMLFormElement>("[data-place-chooser]");
  if (!form) return;
  const select = form.querySelector<HTMLSelectElement>("select")!;
  const q = new URLSearchParams(location.search);
  const from = q.get(FROM_KEY);
  const nation = from ? form.dataset[`nation${from.charAt(0).toUpperCase()}${from.slice(1)}`] : undefined;
  if (nation) {
    q.delete(FROM_KEY);
    location.replace(`${nation}${q.size ? `?${q}` : ""}`);
    return;
  }
  form.hidden = false;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (select.value) location.assign(select.value);
  });
}

init();
