/**
 * On every page, a few hundred bytes: shows the header's search box (hidden without JavaScript, where the A to Z
 * links stand in for it) and loads the search itself (search.ts, then Pagefind and its index) only when someone
 * focuses or types in the box. Nothing of the index is fetched before that.
 */
const form = document.querySelector<HTMLFormElement>("form[data-site-search]");
const input = form?.querySelector<HTMLInputElement>("input[type=search]");
if (form && input) {
  form.hidden = false;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import("./search.ts").then((m) => m.startSearch(form, input));
  };
  input.addEventListener("focus", start);
  input.addEventListener("input", start);
}
