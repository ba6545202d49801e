// The quote list: reads /api/*, builds every node with textContent (never parsed as HTML),
// so text taken from articles is always shown as text.
"use strict";
const $ = (id) => document.getElementById(id);
const state = { q: "", speaker: "", outlet: "", since: "", page: 1 };

function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined && text !== null) n.textContent = text;
  return n;
}

function safeUrl(u) {
  try { const p = new URL(u, location.href); return (p.protocol === "http:" || p.protocol === "https:") ? p.href : null; }
  catch (e) { return null; }
}

function articleNode(occ) {
  const a = occ.article;
  const label = [a.outlet || a.doc_id, a.date, a.title].filter(Boolean).join(" · ");
  const url = a.url && safeUrl(a.url);
  const n = url ? el("a", null, label) : el("span", null, label);
  if (url) { n.href = url; n.rel = "noopener noreferrer"; n.target = "_blank"; }
  return n;
}

function quoteNode(q) {
  const li = el("li", "quote");
  li.dataset.id = q.id;
  li.appendChild(el("blockquote", null, "« " + q.text + " »"));
  const p = el("p");
  p.appendChild(el("span", "who", q.speaker || "orateur inconnu"));
  if (q.role) { p.appendChild(document.createTextNode(", ")); p.appendChild(el("span", "role", q.role)); }
  if (q.cue) { p.appendChild(document.createTextNode(" — ")); p.appendChild(el("span", "cue", q.cue)); }
  li.appendChild(p);
  const where = el("div", "where");
  const first = q.occurrences[0];
  if (first) { where.appendChild(document.createTextNode("Article : ")); where.appendChild(articleNode(first)); }
  if (q.occurrences.length > 1) {
    where.appendChild(el("div", null, "Aussi dans :"));
    const ul = el("ul");
    for (const o of q.occurrences.slice(1)) {
      const item = el("li");
      item.appendChild(articleNode(o));
      if (o.text !== q.text) item.appendChild(el("div", "variant", "« " + o.text + " »"));
      ul.appendChild(item);
    }
    where.appendChild(ul);
  }
  li.appendChild(where);
  return li;
}

async function getJSON(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const data = await r.json();
  if (!r.ok) throw new Error(data.error + (data.hint ? " (" + data.hint + ")" : ""));
  return data;
}

async function run() {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v) params.set(k, v);
  history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
  $("status").textContent = "Recherche…";
  try {
    const data = await getJSON("/api/quotes?" + params);
    const list = $("results");
    list.replaceChildren(...data.quotes.map(quoteNode));
    const pages = Math.max(1, Math.ceil(data.total / data.per_page));
    $("status").textContent = data.total + " citation" + (data.total > 1 ? "s" : "");
    $("pageinfo").textContent = "page " + data.page + " / " + pages;
    $("prev").disabled = data.page <= 1;
    $("next").disabled = data.page >= pages;
  } catch (e) {
    $("status").textContent = "Erreur : " + e.message;
  }
}

async function fillFilters() {
  const [speakers, outlets] = await Promise.all([getJSON("/api/speakers"), getJSON("/api/outlets")]);
  for (const s of speakers) {
    const o = el("option", null, s.name + " (" + s.quotes + ")");
    o.value = String(s.id);
    $("speaker").appendChild(o);
  }
  for (const name of outlets) {
    const o = el("option", null, name);
    o.value = name;
    $("outlet").appendChild(o);
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  const url = new URLSearchParams(location.search);
  for (const k of Object.keys(state)) if (url.get(k)) state[k] = k === "page" ? Number(url.get(k)) || 1 : url.get(k);
  await fillFilters().catch(() => {});
  for (const k of ["q", "speaker", "outlet", "since"]) $(k).value = state[k];
  $("search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    for (const k of ["q", "speaker", "outlet", "since"]) state[k] = $(k).value.trim();
    state.page = 1;
    run();
  });
  for (const k of ["speaker", "outlet", "since"]) $(k).addEventListener("change", () => $("search").requestSubmit());
  $("prev").addEventListener("click", () => { state.page -= 1; run(); });
  $("next").addEventListener("click", () => { state.page += 1; run(); });
  run();
});
