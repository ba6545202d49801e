// A speaker's page (/speaker/ID): who they are, where and when they are quoted, and all their
// quotes, searchable and a page at a time.
import { $, DEFAULT_MIN_CONFIDENCE, el, frenchDate, getJSON, showPage, tableNode, weeksChart } from "./common.js";

const id = location.pathname.split("/").pop();
const state = { q: "", min_confidence: DEFAULT_MIN_CONFIDENCE, page: 1 };
const KINDS = { person: "personne", organization: "organisation", unknown: "nom (nature inconnue)" };

function facts(s, detail) {
  const dl = $("facts");
  const add = (k, v) => { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); };
  add("Rôles vus", s.roles.length ? s.roles.join(" ; ") : "aucun");
  add("Citations", String(s.quotes));
  add("Articles", String(s.articles));
  add("Médias", detail.outlets.map((o) => (o.label || "(sans média)") + " (" + o.quotes + ")").join(", ") || "aucun");
  add("Première date", frenchDate(s.first_date) || "inconnue");
  add("Dernière date", frenchDate(s.last_date) || "inconnue");
}

async function run() {
  const p = new URLSearchParams({ speaker: id, min_confidence: state.min_confidence, page: String(state.page) });
  if (state.q) p.set("q", state.q);
  const shown = new URLSearchParams();
  if (state.q) shown.set("q", state.q);
  if (state.min_confidence !== DEFAULT_MIN_CONFIDENCE) shown.set("min_confidence", state.min_confidence);
  if (state.page > 1) shown.set("page", String(state.page));
  history.replaceState(null, "", shown.toString() ? "?" + shown : location.pathname);
  $("status").textContent = "Recherche…";
  try {
    showPage(await getJSON("/api/quotes?" + p));
  } catch (e) {
    $("status").textContent = "Erreur : " + e.message;
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  let detail;
  try {
    detail = await getJSON("/api/speakers/" + id);
  } catch (e) {
    $("name").textContent = "Orateur introuvable";
    $("summary").textContent = e.message;
    return;
  }
  const s = detail.speaker;
  document.title = s.name + " — quotes";
  $("name").textContent = s.name;
  $("summary").textContent = (KINDS[s.kind] || s.kind) + (s.roles.length ? " — " + s.roles[0] : "");
  facts(s, detail);
  weeksChart($("weeks-chart"), detail.weeks);
  $("weeks-table").appendChild(tableNode("Citations par semaine (semaine du lundi)", ["Semaine du", "Citations"],
    detail.weeks.map((w) => [frenchDate(w.label), String(w.quotes)])));
  const url = new URLSearchParams(location.search);
  state.q = url.get("q") || "";
  state.min_confidence = url.get("min_confidence") || DEFAULT_MIN_CONFIDENCE;
  state.page = Number(url.get("page")) || 1;
  $("q").value = state.q;
  $("min_confidence").value = state.min_confidence;
  $("search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.q = $("q").value.trim();
    state.min_confidence = $("min_confidence").value;
    state.page = 1;
    run();
  });
  $("min_confidence").addEventListener("change", () => $("search").requestSubmit());
  $("prev").addEventListener("click", () => { state.page -= 1; run(); });
  $("next").addEventListener("click", () => { state.page += 1; run(); });
  run();
});
