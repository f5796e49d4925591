/**
 * The planning form: recomputes the reader's scenario on every input with the same pure model as the build,
 * shows one message per invalid field (and no result while any is invalid), keeps the scenario in the address,
 * and offers it as CSV and JSON. Plot is loaded only when a chart must be redrawn, so reading the page needs it never.
 */
import { FIELDS, plan, type FieldErrors, type Projection, type RawInputs } from "../lib/planning/model.ts";
import type { Scenario } from "../lib/planning/scenarios.ts";
import { BASIS_LABEL, describeInputs, inputText, projectionChartInput, projectionSummary, projectionTable, type DescribedInput } from "../lib/planning/view.ts";
import { toCsv, toJson, type ScenarioDocumentMeta } from "../lib/planning/export.ts";
import { FROM_KEY, MODE_KEY, QUERY_KEY, fromQuery, toQuery, type NumberField } from "../lib/planning/query.ts";
import { withBase } from "../lib/routes.ts";

const NUMBER_FIELDS = Object.keys(QUERY_KEY) as NumberField[];

interface Page {
  form: HTMLFormElement;
  scenarios: Scenario[];
  base: string;
  meta: Pick<ScenarioDocumentMeta, "siteTitle" | "releaseId" | "releaseDate">;
  result: HTMLElement;
  noResult: HTMLElement;
  status: HTMLElement;
}

function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`planning: ${selector} is missing from the page`);
  return el;
}

const inputOf = (p: Page, field: NumberField) => p.form.querySelector<HTMLInputElement>(`#${field}`)!;
const checkedValue = (p: Page, name: string) => p.form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? "";
const scenarioOf = (p: Page) => p.scenarios.find((s) => s.id === checkedValue(p, FROM_KEY)) ?? p.scenarios[0]!;

/** The form as the model reads it. Text a number field cannot hold (badInput) becomes "?", which the model refuses. */
function readRaw(p: Page): RawInputs {
  const raw: RawInputs = { growthMode: checkedValue(p, MODE_KEY) };
  for (const field of NUMBER_FIELDS) {
    const input = inputOf(p, field);
    raw[field] = input.validity.badInput ? "?" : input.value;
  }
  return raw;
}

function setMode(p: Page, mode: string): void {
  const target = mode === "target";
  for (const r of p.form.querySelectorAll<HTMLInputElement>(`input[name="${MODE_KEY}"]`)) r.checked = r.value === (target ? "target" : "rate");
  $("#growth-rate-field", p.form).hidden = target;
  $("#target-posts-field", p.form).hidden = !target;
}

function applyScenario(p: Page, s: Scenario): void {
  for (const r of p.form.querySelectorAll<HTMLInputElement>(`input[name="${FROM_KEY}"]`)) r.checked = r.value === s.id;
  for (const i of s.inputs) inputOf(p, i.field).value = String(i.value);
  setMode(p, "rate");
}

/** Published figure, Assumption or Your assumption, beside each field, as the reader types. */
function updateBasisTags(p: Page, raw: RawInputs): void {
  const s = scenarioOf(p);
  for (const field of NUMBER_FIELDS) {
    const preset = s.inputs.find((i) => i.field === field);
    const text = String(raw[field] ?? "").trim();
    const same = preset !== undefined && text !== "" && Number(text) === preset.value;
    const basis = same ? preset.basis : "your assumption";
    const tag = $(`#${field}-basis`, p.form);
    tag.textContent = BASIS_LABEL[basis];
    tag.className = `tag basis-tag tag-${basis.replace(" ", "-")}`;
  }
}

function showErrors(p: Page, errors: FieldErrors): void {
  const list = $("#error-summary-list", p.form);
  list.replaceChildren();
  for (const field of NUMBER_FIELDS) {
    const message = errors[field];
    const input = inputOf(p, field);
    const error = $(`#${field}-error`, p.form);
    const described = [`${field}-basis`, `${field}-hint`];
    if (message) {
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = "Error: ";
      error.replaceChildren(hidden, message);
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      described.push(`${field}-error`);
    } else {
      error.replaceChildren();
      error.hidden = true;
      input.removeAttribute("aria-invalid");
    }
    input.setAttribute("aria-describedby", described.join(" "));
    input.closest(".field")?.classList.toggle("field-invalid", Boolean(message));
  }
  for (const field of FIELDS) {
    const message = errors[field];
    if (!message) continue;
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `#${field === "growthMode" ? "growthRate" : field}`;
    a.textContent = message;
    li.append(a);
    list.append(li);
  }
  $("#error-summary", p.form).hidden = list.childElementCount === 0;
}

function renderTable(root: HTMLElement, projection: Projection): void {
  const table = projectionTable(projection);
  const headRow = document.createElement("tr");
  const th = (text: string, scope: "col" | "row", cls = "") => {
    const cell = document.createElement("th");
    cell.scope = scope;
    if (cls) cell.className = cls;
    cell.textContent = text;
    return cell;
  };
  headRow.append(th("Year", "col"), ...table.columns.map((c) => th(c.label, "col", "num")));
  $("thead", root).replaceChildren(headRow);
  $("tbody", root).replaceChildren(
    ...table.rows.map((r) => {
      const tr = document.createElement("tr");
      tr.className = `row-${r.kind}`;
      tr.append(
        th(r.header, "row"),
        ...r.cells.map((c) => {
          const td = document.createElement("td");
          td.className = "num";
          td.textContent = c;
          return td;
        }),
      );
      return tr;
    }),
  );
  $("[data-fill-note]", root).hidden = table.columns.some((c) => c.key === "recruitsMade");
}

/** The same list as InputList.astro, for the reader's scenario. */
function renderInputs(p: Page, list: HTMLElement, inputs: readonly DescribedInput[]): void {
  list.replaceChildren(
    ...inputs.map((i) => {
      const li = document.createElement("li");
      const tag = document.createElement("span");
      tag.className = `tag tag-${i.basis.replace(" ", "-")}`;
      tag.textContent = BASIS_LABEL[i.basis];
      const strong = document.createElement("strong");
      strong.textContent = `${i.label}: ${inputText(i)}`;
      const note = document.createElement("span");
      note.className = "input-note";
      note.textContent = i.note;
      li.append(tag, " ", strong, note);
      const c = i.citation;
      if (c) {
        const source = document.createElement("span");
        source.className = "input-source";
        const pub = document.createElement("a");
        pub.href = c.url;
        pub.textContent = c.title;
        const fig = document.createElement("a");
        fig.href = withBase(p.base, c.path);
        fig.textContent = `Figure ${c.figureId}: ${c.measureLabel}, ${c.area}, ${c.period}${c.breakdown ? `, ${c.breakdown}` : ""}`;
        source.append(`${i.basis === "published" ? "Source" : "Borrowed figure"}: ${c.publisher}, `, pub, `, ${c.location} (published ${c.publishedDate}). `);
        if (c.secondary) {
          const sec = document.createElement("span");
          sec.className = "tag tag-secondary";
          sec.textContent = "Secondary source";
          source.append(sec, " ");
        }
        source.append(fig);
        li.append(source);
      }
      return li;
    }),
  );
}

type ChartModules = [typeof import("../charts/projection.ts"), typeof import("../charts/render-browser.ts")];
let chartModules: Promise<ChartModules> | undefined;
let drawn = 0;

/** Redraws the two chart widths; only the latest request is drawn when several overlap. */
async function drawChart(root: HTMLElement, projection: Projection): Promise<void> {
  const ticket = ++drawn;
  chartModules ??= Promise.all([import("../charts/projection.ts"), import("../charts/render-browser.ts")]);
  const [{ projectionChartSpec }, { renderPlotInBrowser }] = await chartModules;
  if (ticket !== drawn) return;
  const title = "Your scenario: posts, staff and recruitment over five years";
  $(".chart-wide", root).innerHTML = renderPlotInBrowser(projectionChartSpec(projectionChartInput("yours-w", title, projection, 640)));
  $(".chart-narrow", root).innerHTML = renderPlotInBrowser(projectionChartSpec(projectionChartInput("yours-n", title, projection, 320)));
  root.dataset.chartDrawn = String(ticket);
}

let current: { projection: Projection; inputs: DescribedInput[]; scenario: Scenario } | undefined;
let statusTimer: ReturnType<typeof setTimeout> | undefined;

function announce(p: Page, text: string): void {
  clearTimeout(statusTimer);
  // Announced once typing pauses, not on every keystroke.
  statusTimer = setTimeout(() => (p.status.textContent = text), 700);
}

function update(p: Page): void {
  const raw = readRaw(p);
  const scenario = scenarioOf(p);
  updateBasisTags(p, raw);
  const result = plan(raw);
  history.replaceState(null, "", `${location.pathname}?${toQuery({ from: scenario.id, raw })}#your-scenario`);
  if (!result.ok) {
    showErrors(p, result.errors);
    current = undefined;
    p.result.hidden = true;
    p.noResult.hidden = false;
    const n = Object.keys(result.errors).length;
    announce(p, `No projection: ${n} value${n === 1 ? " needs" : "s need"} correcting.`);
    return;
  }
  showErrors(p, {});
  const { projection } = result;
  const inputs = describeInputs(projection.inputs, scenario);
  current = { projection, inputs, scenario };
  p.noResult.hidden = true;
  p.result.hidden = false;
  const summary = projectionSummary(projection);
  $("[data-summary]", p.result).textContent = summary;
  renderInputs(p, $("[data-input-list]", document), inputs);
  const root = $('[data-projection="yours"]', p.result);
  renderTable(root, projection);
  void drawChart(root, projection);
  announce(p, `Projection updated. ${summary}`);
}

function download(p: Page, kind: "csv" | "json"): void {
  if (!current) return;
  const { projection, inputs, scenario } = current;
  const mine = inputs.some((i) => i.basis === "your assumption");
  const meta: ScenarioDocumentMeta = {
    ...p.meta,
    scenario: mine ? "custom" : scenario.id,
    title: `Workforce planning: a five-year projection. ${mine ? "Your scenario, starting from" : "Default scenario:"} ${scenario.name}${mine ? " defaults" : ""}`,
    pageUrl: location.href,
    notes: [...(mine ? ["Inputs marked 'your assumption' were chosen by the reader; they are not published figures."] : []), ...scenario.notes],
  };
  const text = kind === "csv" ? toCsv(meta, inputs, projection) : toJson(meta, inputs, projection);
  const blob = new Blob([text], { type: kind === "csv" ? "text/csv;charset=utf-8" : "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `workforce-projection-${meta.scenario}.${kind}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function init(): void {
  const form = document.querySelector<HTMLFormElement>("#planning-form");
  if (!form) return;
  const p: Page = {
    form,
    scenarios: JSON.parse(form.dataset.scenarios ?? "[]") as Scenario[],
    base: form.dataset.base ?? "/",
    meta: JSON.parse(form.dataset.meta ?? "{}") as Page["meta"],
    result: $("[data-result]"),
    noResult: $("#no-result"),
    status: $("#planner-status"),
  };
  for (const el of document.querySelectorAll<HTMLElement>("[data-no-js]")) el.hidden = true;
  $("[data-planner]").hidden = false;

  const shared = fromQuery(location.search);
  if (shared) {
    const s = p.scenarios.find((x) => x.id === shared.from) ?? p.scenarios[0]!;
    applyScenario(p, s);
    for (const field of NUMBER_FIELDS) if (shared.raw[field] !== undefined) inputOf(p, field).value = String(shared.raw[field]);
    setMode(p, shared.raw.growthMode === "target" ? "target" : "rate");
    update(p);
  }

  form.addEventListener("input", (e) => {
    const t = e.target as HTMLInputElement;
    if (t.name === FROM_KEY) applyScenario(p, scenarioOf(p));
    if (t.name === MODE_KEY) {
      // A target starts at the posts the current projection reaches in year 5, so switching shows a result at once.
      const target = inputOf(p, "targetPosts");
      if (t.value === "target" && target.value === "" && current) target.value = current.projection.years[current.projection.years.length - 1]!.postsRequired.toFixed(1);
      setMode(p, t.value);
    }
    update(p);
  });
  // Submitting (the button, or Enter in a field) must not reload the page: it recomputes, and moves focus to the
  // error summary when something needs correcting, as the GOV.UK error summary pattern does.
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    update(p);
    const summary = $("#error-summary", form);
    if (!summary.hidden) summary.focus();
  });
  $("#error-summary", form).addEventListener("click", (e) => {
    const a = (e.target as HTMLElement).closest("a");
    if (!a) return;
    e.preventDefault();
    const input = document.getElementById(a.hash.slice(1));
    input?.closest(".field")?.scrollIntoView({ block: "start" });
    input?.focus({ preventScroll: true });
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-download]")) {
    b.addEventListener("click", () => download(p, b.dataset.download === "json" ? "json" : "csv"));
  }
}

init();
