// The figures page (/figures): the most quoted speakers, each outlet's quotes by kind of source,
// quotes per week. Same counts as `quotes stats` (GET /api/figures).
import { $, barChart, el, frenchDate, getJSON, tableNode, weeksChart } from "./common.js";

const KINDS = [["person", "personne"], ["organization", "organisation"], ["anonymous", "source anonyme"],
               ["unattributed", "non attribuée"]];

const NONE = "(sans média)";
const pct = (part, whole) => whole ? Math.round(1000 * part / whole) / 10 : 0;

function speakerLink(s) {
  const a = el("a", null, s.name);
  a.href = "/speaker/" + s.id;
  return a;
}

document.addEventListener("DOMContentLoaded", async () => {
  let f;
  try {
    f = await getJSON("/api/figures?top=15");
  } catch (e) {
    $("totals").textContent = "Erreur : " + e.message;
    return;
  }
  $("totals").textContent = f.articles + " articles, " + f.quotes + " citations, " + f.speakers + " orateurs";
  barChart($("top-chart"), f.top_speakers.map((s) => s.name),
    [{ label: "citations", data: f.top_speakers.map((s) => s.quotes) }], { horizontal: true });
  $("top-table").appendChild(tableNode("Les plus cités", ["Orateur", "Citations", "Articles"],
    f.top_speakers.map((s) => [speakerLink(s), String(s.quotes), String(s.articles)])));
  barChart($("outlets-chart"), f.outlets.map((o) => o.outlet || NONE),
    KINDS.map(([k, label]) => ({ label, data: f.outlets.map((o) => pct(o[k], o.quotes)) })),
    { stacked: true, horizontal: true, percent: true });
  $("outlets-table").appendChild(tableNode("Citations par média et type de source",
    ["Média", "Citations", ...KINDS.map(([, label]) => label)],
    f.outlets.map((o) => [o.outlet || NONE, String(o.quotes),
      ...KINDS.map(([k]) => o[k] + " (" + String(pct(o[k], o.quotes)).replace(".", ",") + " %)")])));
  weeksChart($("weeks-chart"), f.weeks);
  $("weeks-table").appendChild(tableNode("Citations par semaine (semaine du lundi)", ["Semaine du", "Citations"],
    f.weeks.map((w) => [frenchDate(w.label), String(w.quotes)])));
});
