// The quote list: the search form (its state in the address, so a link can be shared), the
// speaker type-ahead over /api/speakers, the results and the export links.
import { $, DEFAULT_MIN_CONFIDENCE, el, getJSON, showPage } from "./common.js";

const FIELDS = ["q", "speaker", "outlet", "since", "min_confidence", "known", "order"];
const state = { q: "", speaker: "", outlet: "", since: "", min_confidence: DEFAULT_MIN_CONFIDENCE, known: "", order: "", page: 1 };

function params(withPage) {
  const p = new URLSearchParams();
  for (const k of FIELDS) {
    const v = state[k];
    if (v && !(k === "min_confidence" && v === DEFAULT_MIN_CONFIDENCE)) p.set(k, v);
  }
  if (withPage && state.page > 1) p.set("page", String(state.page));
  return p;
}

async function run() {
  const shown = params(true);
  history.replaceState(null, "", shown.toString() ? "?" + shown : location.pathname);
  const api = params(true);
  if (!api.has("min_confidence")) api.set("min_confidence", state.min_confidence);
  const exp = params(false);
  exp.set("min_confidence", state.min_confidence);
  $("export-csv").href = "/api/quotes.csv?" + exp;
  $("export-jsonl").href = "/api/quotes.jsonl?" + exp;
  $("status").textContent = "Recherche…";
  try {
    showPage(await getJSON("/api/quotes?" + api));
  } catch (e) {
    $("status").textContent = "Erreur : " + e.message;
  }
}

function readForm() {
  for (const k of ["q", "outlet", "since", "min_confidence", "order"]) state[k] = $(k).value.trim();
  state.known = $("known").checked ? "1" : "";
  state.page = 1;
}

// --- the speaker type-ahead (an ARIA 1.2 combobox with a listbox popup) ---
const combo = { timer: null, active: -1, items: [] };

function closeList() {
  $("speaker-list").hidden = true;
  $("speaker-input").setAttribute("aria-expanded", "false");
  $("speaker-input").removeAttribute("aria-activedescendant");
  combo.active = -1;
}

function choose(speaker) {
  state.speaker = speaker ? String(speaker.id) : "";
  $("speaker-input").value = speaker ? speaker.name : "";
  closeList();
  readForm();
  run();
}

function highlight(k) {
  const opts = $("speaker-list").querySelectorAll("[role=option]");
  combo.active = Math.max(0, Math.min(k, combo.items.length - 1));
  opts.forEach((o, i) => o.setAttribute("aria-selected", i === combo.active ? "true" : "false"));
  if (opts[combo.active]) $("speaker-input").setAttribute("aria-activedescendant", opts[combo.active].id);
}

async function suggest() {
  const text = $("speaker-input").value.trim();
  const data = await getJSON("/api/speakers?per_page=8&q=" + encodeURIComponent(text)).catch(() => null);
  if (!data || $("speaker-input").value.trim() !== text) return;
  combo.items = data.speakers;
  const list = $("speaker-list");
  list.replaceChildren(...data.speakers.map((s, i) => {
    const li = el("li", null, s.name);
    li.appendChild(el("span", "count", " " + s.quotes + " citation" + (s.quotes > 1 ? "s" : "")));
    li.id = "speaker-opt-" + i;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.addEventListener("mousedown", (ev) => { ev.preventDefault(); choose(s); });
    return li;
  }));
  if (data.total > data.speakers.length) {
    list.appendChild(el("li", "more", (data.total - data.speakers.length) + " autres : précisez le nom"));
  }
  if (!data.speakers.length) list.appendChild(el("li", "more", "aucun orateur de ce nom"));
  list.hidden = false;
  $("speaker-input").setAttribute("aria-expanded", "true");
  combo.active = -1;
}

function setupCombo() {
  const input = $("speaker-input");
  input.addEventListener("input", () => {
    clearTimeout(combo.timer);
    combo.timer = setTimeout(suggest, 150);
  });
  input.addEventListener("focus", () => { if (!input.value) suggest(); });
  input.addEventListener("blur", () => setTimeout(closeList, 100));
  input.addEventListener("keydown", (ev) => {
    const open = !$("speaker-list").hidden;
    if (ev.key === "ArrowDown") { ev.preventDefault(); if (!open) suggest(); else highlight(combo.active + 1); }
    else if (ev.key === "ArrowUp" && open) { ev.preventDefault(); highlight(combo.active - 1); }
    else if (ev.key === "Escape") closeList();
    else if (ev.key === "Enter") {
      ev.preventDefault();
      if (open && combo.active >= 0) choose(combo.items[combo.active]);
      else {  // a name typed without choosing: every speaker whose name holds it
        state.speaker = input.value.trim();
        closeList();
        readForm();
        run();
      }
    }
  });
  input.addEventListener("change", () => {
    if (!input.value.trim() && state.speaker) choose(null);
  });
}

async function restore() {
  const url = new URLSearchParams(location.search);
  for (const k of FIELDS) if (url.has(k)) state[k] = url.get(k);
  state.page = Number(url.get("page")) || 1;
  const conf = $("min_confidence");
  if (![...conf.options].some((o) => o.value === state.min_confidence)) {
    conf.appendChild(el("option", null, state.min_confidence.replace(".", ",") + " et plus")).value = state.min_confidence;
  }
  for (const k of ["q", "outlet", "since", "min_confidence", "order"]) $(k).value = state[k];
  $("known").checked = !!state.known;
  if (/^\d+$/.test(state.speaker)) {
    const s = await getJSON("/api/speakers/" + state.speaker).catch(() => null);
    $("speaker-input").value = s ? s.speaker.name : state.speaker;
  } else {
    $("speaker-input").value = state.speaker;
  }
}

async function fillOutlets() {
  const outlets = await getJSON("/api/outlets").catch(() => []);
  for (const name of outlets) {
    const o = el("option", null, name);
    o.value = name;
    $("outlet").appendChild(o);
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  await fillOutlets();
  await restore();
  setupCombo();
  $("search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    readForm();
    run();
  });
  for (const k of ["outlet", "min_confidence", "known", "order"]) $(k).addEventListener("change", () => $("search").requestSubmit());
  $("since").addEventListener("change", () => { if ($("since").checkValidity()) $("search").requestSubmit(); });
  $("prev").addEventListener("click", () => { state.page -= 1; run(); });
  $("next").addEventListener("click", () => { state.page += 1; run(); });
  run();
});
