/**
 * The planning form: the reader changes up to three scenarios of a place's plan, and every change recomputes them
 * with the same pure model as the build, shows one message per invalid field (and no result while any is invalid),
 * redraws the comparison, the tables and the inputs with the same markup as the build (html.ts), keeps every
 * scenario in the address, and offers the plan as CSV and JSON and as a link. Plot is loaded only when a chart must
 * be redrawn, so reading the default plan never needs it.
 */
import { FIELDS, FIELD_LABEL, NUMBER_FIELDS, fieldsOfMode, plan, type FieldErrors, type NumberField, type Projection, type RawInputs } from "../lib/planning/model.ts";
import { SCENARIO_IDS, SCENARIO_LETTER, rawFrom, type ScenarioId, type ScenarioSpec } from "../lib/planning/ids.ts";
import type { OwnBase } from "../lib/planning/scenarios.ts";
import { basisClass, basisText, choicesOf, describeInputs, type DescribedInput } from "../lib/planning/view.ts";
import { planResult } from "../lib/planning/result.ts";
import { comparisonTableHtml, esc, inputListHtml, scenarioTablesHtml } from "../lib/planning/html.ts";
import { toCsv, toJson, type DocumentScenario, type PlanDocumentMeta } from "../lib/planning/export.ts";
import { MODE_KEY, PEOPLE_FROM_KEY, fromQuery, toQuery } from "../lib/planning/query.ts";
import { unpack } from "../lib/planning/payload.ts";
import type { NeedRow } from "../lib/planning/need.ts";

interface Meta {
  siteTitle: string;
  releaseId: string;
  releaseDate: string;
  plan: string;
  placeName: string;
  years: string[];
  start: PlanDocumentMeta["start"];
  notes: string[];
}

interface Scenario {
  id: ScenarioId;
  name: string;
  raw: RawInputs;
}

interface Page {
  form: HTMLFormElement;
  base: OwnBase | undefined;
  defaults: ScenarioSpec[];
  basePath: string;
  meta: Meta;
  scenarios: Scenario[];
  edit: ScenarioId;
  /** Fields the reader has typed in or left (their messages show); every field once the form is submitted. */
  touched: Set<NumberField>;
  submitted: boolean;
  /** The place's need, for the downloads. */
  need: NeedRow[];
}

function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`planning: ${selector} is missing from the page`);
  return el;
}
const maybe = (selector: string, root: ParentNode = document) => root.querySelector<HTMLElement>(selector);

const inputOf = (p: Page, field: NumberField) => p.form.querySelector<HTMLInputElement>(`#${field}`)!;
const checked = (p: Page, name: string) => p.form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? "";
const current = (p: Page) => p.scenarios.find((s) => s.id === p.edit)!;

/** The form's values into the scenario being changed. Text a number field cannot hold (badInput) becomes "?", which the model refuses. */
function readForm(p: Page): void {
  const s = current(p);
  const raw: RawInputs = { ...s.raw, growthMode: checked(p, MODE_KEY) || "rate", peopleFrom: checked(p, PEOPLE_FROM_KEY) || "posts" };
  for (const field of NUMBER_FIELDS) {
    const input = inputOf(p, field);
    raw[field] = input.validity.badInput ? "?" : input.value;
  }
  s.raw = raw;
  s.name = (p.form.querySelector<HTMLInputElement>(`#scenarioName`)!.value ?? "").trim();
}

/** Shows the fields the chosen way of setting posts reads, and hides the others. */
function showMode(p: Page): void {
  const mode = checked(p, MODE_KEY) || "rate";
  const peopleFrom = checked(p, PEOPLE_FROM_KEY) || "posts";
  $("#caseload-fields", p.form).hidden = mode !== "caseload";
  const wanted = new Set<string>(fieldsOfMode(mode as "rate", peopleFrom as "posts"));
  for (const el of p.form.querySelectorAll<HTMLElement>("[data-field]")) el.hidden = !wanted.has(el.dataset.field!);
}

/** The scenario being changed into the form. */
function loadForm(p: Page): void {
  const s = current(p);
  for (const r of p.form.querySelectorAll<HTMLInputElement>('input[name="edit"]')) r.checked = r.value === s.id;
  for (const field of NUMBER_FIELDS) inputOf(p, field).value = s.raw[field] === undefined ? "" : String(s.raw[field]);
  const mode = s.raw.growthMode === "target" || s.raw.growthMode === "caseload" ? s.raw.growthMode : "rate";
  for (const r of p.form.querySelectorAll<HTMLInputElement>(`input[name="${MODE_KEY}"]`)) r.checked = r.value === mode;
  const from = s.raw.peopleFrom === "count" ? "count" : "posts";
  for (const r of p.form.querySelectorAll<HTMLInputElement>(`input[name="${PEOPLE_FROM_KEY}"]`)) r.checked = r.value === from;
  p.form.querySelector<HTMLInputElement>("#scenarioName")!.value = s.name;
  showMode(p);
  for (const el of p.form.querySelectorAll<HTMLElement>("[data-edit-option]")) el.hidden = !p.scenarios.some((x) => x.id === el.dataset.editOption);
  $("[data-add-scenario]", p.form).hidden = p.scenarios.length >= SCENARIO_IDS.length;
  $("[data-remove-scenario]", p.form).hidden = s.id === "a";
}

/** Published figure, worked out, borrowed, assumption or your assumption, beside each field, as the reader types. */
function updateBasisTags(p: Page): void {
  const s = current(p);
  for (const field of NUMBER_FIELDS) {
    const text = String(s.raw[field] ?? "").trim();
    const choice = text === "" ? undefined : choicesOf(p.base, field).find((c) => c.value === Number(text));
    const tag = $(`#${field}-basis`, p.form);
    tag.textContent = choice ? basisText(choice) : text === "" ? "Your figure needed" : basisText({ basis: "your assumption" });
    tag.className = `tag basis-tag ${basisClass(choice ? choice.basis : "your assumption")}`;
  }
}

function showErrors(p: Page, errors: FieldErrors): void {
  const list = $("#error-summary-list", p.form);
  list.replaceChildren();
  const shown = (field: NumberField) => p.submitted || p.touched.has(field);
  for (const field of NUMBER_FIELDS) {
    const message = shown(field) ? errors[field] : undefined;
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
    if (!message || (field !== "growthMode" && field !== "peopleFrom" && !shown(field as NumberField))) continue;
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `#${field === "growthMode" || field === "peopleFrom" ? "growthRate" : field}`;
    a.textContent = message;
    li.append(a);
    list.append(li);
  }
  $("#error-summary", p.form).hidden = list.childElementCount === 0;
}

type ChartModules = [typeof import("../charts/projection.ts"), typeof import("../charts/render-browser.ts")];
let chartModules: Promise<ChartModules> | undefined;
let drawn = 0;
let drawnInput = "";

/** Redraws the two chart widths when the chart's data changed; only the latest request is drawn when several overlap. */
async function drawChart(root: HTMLElement, result: ReturnType<typeof planResult>): Promise<void> {
  const key = JSON.stringify(result.chart("x", 640));
  if (key === drawnInput) return;
  const ticket = ++drawn;
  chartModules ??= Promise.all([import("../charts/projection.ts"), import("../charts/render-browser.ts")]);
  const [{ projectionChartSpec }, { renderPlotInBrowser }] = await chartModules;
  if (ticket !== drawn) return;
  $(".chart-title", root).textContent = result.chartTitle;
  $(".chart-subtitle", root).textContent = result.chartSubtitle;
  $(".chart-wide", root).innerHTML = renderPlotInBrowser(projectionChartSpec(result.chart("plan-w", 640)));
  $(".chart-narrow", root).innerHTML = renderPlotInBrowser(projectionChartSpec(result.chart("plan-n", 320)));
  drawnInput = key;
  root.dataset.chartDrawn = String(ticket);
}

let computed: { scenario: Scenario; projection: Projection; inputs: DescribedInput[] }[] = [];
let statusTimer: ReturnType<typeof setTimeout> | undefined;

function announce(text: string): void {
  clearTimeout(statusTimer);
  // Announced once typing pauses, not on every keystroke.
  statusTimer = setTimeout(() => ($("#planner-status").textContent = text), 700);
}

const queryOf = (scenarios: readonly Pick<Scenario, "id" | "name" | "raw">[], edit?: ScenarioId) =>
  toQuery({ scenarios: scenarios.map((s) => ({ id: s.id, name: s.name, raw: s.raw })), ...(edit ? { edit } : {}) });

/** True when every required field of every scenario is still empty (a plan for your own service before any figure). */
const untouched = (p: Page) => p.touched.size === 0 && !p.submitted && p.scenarios.every((s) => ["staffInPost", "vacancyRate", "turnoverRate"].every((f) => String(s.raw[f as NumberField] ?? "") === ""));

function update(p: Page, options: { writeAddress?: boolean } = {}): void {
  updateBasisTags(p);
  const results = p.scenarios.map((x) => ({ scenario: x, result: plan(x.raw) }));
  const mine = results.find((r) => r.scenario.id === p.edit)!.result;
  const isDefault = queryOf(p.scenarios) === queryOf(p.defaults);
  if (options.writeAddress !== false) history.replaceState(null, "", `${location.pathname}${isDefault && p.edit === "a" ? "" : `?${queryOf(p.scenarios, p.edit)}`}${location.hash}`);
  $("[data-plan-heading]").textContent = isDefault && p.defaults.length ? "Default plan" : "Your plan";
  const share = maybe("#share-link") as HTMLInputElement | null;
  if (share) share.value = location.href;
  showErrors(p, mine.ok ? {} : mine.errors);
  const startHere = maybe("[data-start-here]");
  const bad = results.filter((r) => !r.result.ok);
  const resultRoot = $("[data-plan-result]");
  if (bad.length) {
    computed = [];
    resultRoot.hidden = true;
    $("[data-inputs]").hidden = true;
    maybe("[data-notes-panel]")?.setAttribute("hidden", "");
    maybe("[data-no-default]")?.setAttribute("hidden", "");
    const fresh = untouched(p);
    if (startHere) startHere.hidden = !fresh;
    const others = bad.filter((r) => r.scenario.id !== p.edit).map((r) => `Scenario ${SCENARIO_LETTER[r.scenario.id]}`);
    // Fields still empty that the reader has not reached yet: named, not marked as errors.
    const pending = mine.ok ? [] : NUMBER_FIELDS.filter((f) => mine.errors[f] && !p.submitted && !p.touched.has(f)).map((f) => FIELD_LABEL[f].toLowerCase());
    const marked = !mine.ok && NUMBER_FIELDS.some((f) => mine.errors[f] && (p.submitted || p.touched.has(f)));
    const parts = [marked ? "correct the values marked in the form" : "", pending.length ? `enter ${pending.join(", ")}` : "", others.length ? `correct the values of ${others.join(" and ")} (choose it under “Scenario to change”)` : ""].filter(Boolean);
    $("#no-result").hidden = fresh;
    $("#no-result").innerHTML = `<p><strong>No projection</strong>: ${esc(parts.join("; ") || "correct the values marked in the form")}.</p>`;
    if (!fresh) announce(`No projection: ${mine.ok ? `${others.join(" and ")} has values to correct.` : `${Object.keys(mine.errors).length} value${Object.keys(mine.errors).length === 1 ? " needs" : "s need"} correcting.`}`);
    return;
  }
  if (startHere) startHere.hidden = true;
  $("#no-result").hidden = true;
  maybe("[data-no-default]")?.setAttribute("hidden", "");
  computed = results.map((r) => {
    const projection = (r.result as { ok: true; projection: Projection }).projection;
    return { scenario: r.scenario, projection, inputs: describeInputs(projection.inputs, p.base) };
  });
  const result = planResult(p.meta.placeName, computed.map((c) => ({ letter: SCENARIO_LETTER[c.scenario.id], name: c.scenario.name, projection: c.projection })), { labels: p.meta.years });
  resultRoot.hidden = false;
  $("[data-compared-heading]").textContent = result.comparison ? "Scenarios compared" : "Projection";
  $("[data-summary]").textContent = result.summary;
  $("[data-comparison]").innerHTML = result.comparison ? comparisonTableHtml(result.comparison.caption, result.comparison.table) : "";
  $("[data-scenario-tables]").innerHTML = scenarioTablesHtml(result.scenarios);
  $("[data-input-list]").innerHTML = inputListHtml(computed.map((c) => ({ letter: SCENARIO_LETTER[c.scenario.id], inputs: c.inputs })), p.basePath);
  $("[data-inputs]").hidden = false;
  maybe("[data-notes-panel]")?.removeAttribute("hidden");
  void drawChart($("[data-plan-chart]"), result);
  announce(`Plan updated. ${result.summary}`);
}

function documentMeta(p: Page): PlanDocumentMeta {
  const mine = queryOf(p.scenarios) !== queryOf(p.defaults);
  const place = p.base && p.base.place.code !== "own" ? { level: p.base.place.level, code: p.base.place.code, name: p.base.place.name } : null;
  const span = `${p.meta.years[0]} to ${p.meta.years[p.meta.years.length - 1]}`;
  return {
    plan: mine ? "custom" : p.meta.plan,
    title: `Workforce plan for ${p.meta.placeName === "Your service" ? "your own service" : p.meta.placeName}, ${span}: ${mine ? "your plan" : "the default plan"}`,
    place,
    siteTitle: p.meta.siteTitle,
    releaseId: p.meta.releaseId,
    releaseDate: p.meta.releaseDate,
    pageUrl: location.href,
    years: p.meta.years,
    start: p.meta.start,
    notes: [...(mine ? ["Inputs marked 'your assumption' were chosen by the reader; they are not published figures."] : []), ...p.meta.notes],
  };
}

function download(p: Page, kind: "csv" | "json"): void {
  if (!computed.length) return;
  const scenarios: DocumentScenario[] = computed.map((c) => ({ letter: SCENARIO_LETTER[c.scenario.id], name: c.scenario.name, inputs: c.inputs, projection: c.projection }));
  const meta = documentMeta(p);
  const text = kind === "csv" ? toCsv(meta, scenarios, p.need) : toJson(meta, scenarios, p.need);
  const blob = new Blob([text], { type: kind === "csv" ? "text/csv;charset=utf-8" : "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `workforce-plan-${meta.plan === "custom" ? "custom" : meta.plan.replace(/\//g, "-")}.${kind}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function init(): void {
  const form = document.querySelector<HTMLFormElement>("#planning-form");
  if (!form) return;
  const data = unpack<{ base: OwnBase | null; specs: ScenarioSpec[]; need: NeedRow[] }>(JSON.parse(form.dataset.plan ?? "{}"));
  const p: Page = {
    form,
    base: data.base ?? undefined,
    defaults: data.specs,
    basePath: form.dataset.base ?? "/",
    meta: JSON.parse(form.dataset.meta ?? "{}") as Meta,
    scenarios: [],
    edit: "a",
    touched: new Set(),
    submitted: false,
    need: data.need,
  };
  const fresh = (): Scenario[] => (p.defaults.length ? p.defaults.map((s) => ({ id: s.id, name: s.name, raw: { ...s.raw } })) : [{ id: "a", name: "", raw: rawFrom(p.base) }]);
  for (const el of document.querySelectorAll<HTMLElement>("[data-no-js]")) el.hidden = true;
  $("[data-planner-form]").hidden = false;
  $("[data-planner]").classList.add("is-live");
  maybe("[data-custom-downloads]")?.removeAttribute("hidden");

  const shared = fromQuery(location.search);
  if (shared && shared.scenarios.length) {
    // A shared address: each scenario it names, from the place's defaults with the address's values on top.
    const defaults = fresh();
    p.scenarios = shared.scenarios.map((q) => {
      const start = defaults.find((d) => d.id === q.id)?.raw ?? rawFrom(p.base);
      return { id: q.id, name: q.name ?? defaults.find((d) => d.id === q.id)?.name ?? "", raw: { ...rawFrom(p.base), ...start, ...q.raw } };
    });
    p.edit = shared.edit;
    for (const s of p.scenarios) for (const f of NUMBER_FIELDS) if (q(s.raw, f)) p.touched.add(f);
  } else p.scenarios = fresh();
  loadForm(p);
  update(p, { writeAddress: Boolean(shared) });

  form.addEventListener("input", (e) => {
    const t = e.target as HTMLInputElement;
    if (t.name === "edit") {
      p.edit = t.value as ScenarioId;
      loadForm(p);
      update(p);
      return;
    }
    if (t.name === MODE_KEY) {
      // A target starts at the posts the current projection reaches in the last year, so switching shows a result at once.
      const target = inputOf(p, "targetPosts");
      const mine = computed.find((c) => c.scenario.id === p.edit);
      if (t.value === "target" && target.value === "" && mine) target.value = mine.projection.years[mine.projection.years.length - 1]!.postsRequired.toFixed(1);
    }
    const field = NUMBER_FIELDS.find((f) => inputOf(p, f) === t);
    if (field) p.touched.add(field);
    readForm(p);
    showMode(p);
    update(p);
  });
  form.addEventListener("focusout", (e) => {
    const field = NUMBER_FIELDS.find((f) => inputOf(p, f) === e.target);
    if (field && !p.touched.has(field) && (e.target as HTMLInputElement).value !== "") {
      p.touched.add(field);
      update(p, { writeAddress: false });
    }
  });
  form.addEventListener("click", (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-choice]");
    if (!b) return;
    const field = b.dataset.choice as NumberField;
    inputOf(p, field).value = b.dataset.value ?? "";
    p.touched.add(field);
    readForm(p);
    update(p);
    announce(`${b.textContent ?? ""} put in the field. ${$("[data-summary]").textContent ?? ""}`);
  });
  $("[data-add-scenario]", form).addEventListener("click", () => {
    const id = SCENARIO_IDS.find((x) => !p.scenarios.some((s) => s.id === x));
    if (!id) return;
    const from = current(p);
    p.scenarios.push({ id, name: "", raw: { ...from.raw } });
    p.scenarios.sort((a, b) => SCENARIO_IDS.indexOf(a.id) - SCENARIO_IDS.indexOf(b.id));
    p.edit = id;
    loadForm(p);
    update(p);
    announce(`Scenario ${SCENARIO_LETTER[id]} added, a copy of scenario ${SCENARIO_LETTER[from.id]}: change its values to compare.`);
    p.form.querySelector<HTMLInputElement>(`input[name="edit"][value="${id}"]`)?.focus();
  });
  $("[data-remove-scenario]", form).addEventListener("click", () => {
    if (p.edit === "a") return;
    const gone = p.edit;
    p.scenarios = p.scenarios.filter((s) => s.id !== gone);
    p.edit = "a";
    loadForm(p);
    update(p);
    announce(`Scenario ${SCENARIO_LETTER[gone]} removed.`);
    p.form.querySelector<HTMLInputElement>('input[name="edit"][value="a"]')?.focus();
  });
  $("[data-reset]", form).addEventListener("click", () => {
    p.scenarios = fresh();
    p.edit = "a";
    p.touched.clear();
    p.submitted = false;
    loadForm(p);
    update(p);
    announce("Back to the default plan.");
  });
  // Submitting (the button, or Enter in a field) must not reload the page: it recomputes, and moves focus to the
  // error summary when something needs correcting, as the GOV.UK error summary pattern does.
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    p.submitted = true;
    readForm(p);
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
  maybe("[data-copy-link]")?.addEventListener("click", async () => {
    const status = $("[data-copy-status]");
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = "Link copied.";
    } catch {
      (maybe("#share-link") as HTMLInputElement | null)?.select();
      status.textContent = "Select the link and copy it.";
    }
  });
}

/** True when a shared scenario gives a value for the field. */
const q = (raw: RawInputs, f: NumberField) => raw[f] !== undefined && String(raw[f]) !== "";

init();
