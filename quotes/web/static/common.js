// What every page shares: building nodes with textContent only (article text is never parsed
// as HTML), the API reader, French dates, and the quote card with its honest display rules
// (the same as `quotes search`, quotes/cli/display.py).
"use strict";

export const $ = (id) => document.getElementById(id);
export const DEFAULT_MIN_CONFIDENCE = "0.5";  // quotes.store.search.DEFAULT_MIN_CONFIDENCE

export function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined && text !== null) n.textContent = text;
  return n;
}

export function safeUrl(u) {
  try {
    const p = new URL(u, location.href);
    return (p.protocol === "http:" || p.protocol === "https:") ? p.href : null;
  } catch (e) { return null; }
}

export async function getJSON(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const data = await r.json();
  if (!r.ok) throw new Error(data.error + (data.hint ? " (" + data.hint + ")" : ""));
  return data;
}

const MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

// 2018-12-21 → 21 déc. 2018, whatever the browser's locale; anything else is shown as stored.
export function frenchDate(d) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(d || "");
  if (!m || +m[2] < 1 || +m[2] > 12) return d || "";
  return (m[3] ? String(+m[3]) + " " : "") + MONTHS[+m[2] - 1] + " " + m[1];
}

export const TYPES = {
  direct: "Citation directe",
  indirect: "Discours rapporté — paraphrase, pas les mots exacts",
  mixed: "Paraphrase avec des mots cités",
};

// What each attribution rule (the `rule` of a record, `quotes sieves`) recognised.
const RULES = {
  "incise-after": "incise après la citation (« … », a déclaré X)",
  "incise-inside": "incise à l'intérieur de la citation (« …, a ajouté X, … »)",
  "colon-intro": "phrase d'introduction suivie de deux-points (X a déclaré : « … »)",
  "ce-que": "« c'est ce qu'a déclaré X » dans la phrase suivante",
  "parenthetical": "nom entre parenthèses après la citation",
  "attribution-line": "ligne d'attribution (— X, …) sous la citation",
  "selon": "« selon X » ou « d'après X »",
  "cue-subject": "sujet du verbe de parole (X a affirmé que …)",
  "dialogue-turn": "tour de parole dans un dialogue",
  "continuation": "suite de la citation précédente du même orateur",
  "preceding-subject": "personne dont parle la phrase précédente (plus incertain)",
  "heading": "intertitre cité, attribué à la citation qui suit",
  "sentence-subject": "sujet de la phrase (le plus incertain)",
  "nearest-mention": "personne nommée la plus proche (règle de référence)",
};

export function ruleText(rule) {
  if (!rule) return "aucune règle n'a trouvé l'orateur";
  const base = rule.split(":")[0];
  return rule + (RULES[base] ? " — " + RULES[base] : "");
}

// Only a direct quote goes in « »; a paraphrase is plain text; a mixed quote is shown as
// written, so only its own fragments carry marks.
export function quoteText(q) {
  return q.type === "direct" ? "« " + q.text + " »" : q.text;
}

// A cue as it reads mid-sentence (`Selon` at a sentence start is `selon`); acronyms stay.
export function cueText(cue) {
  if (!cue) return "";
  return /^\p{Lu}{2}/u.test(cue) ? cue : cue.charAt(0).toLowerCase() + cue.slice(1);
}

export function confidenceLevel(c) {
  return c >= 0.85 ? "élevée" : c >= 0.6 ? "moyenne" : "faible";
}

export function confidenceNode(c) {
  const level = confidenceLevel(c);
  return el("span", "conf conf-" + (c >= 0.85 ? "high" : c >= 0.6 ? "mid" : "low"),
            "confiance " + level + " (" + c.toFixed(2).replace(".", ",") + ")");
}

// Title (a link when the article has an http(s) url), outlet (or the url's site), date.
export function articleNode(a) {
  const p = el("span", "article");
  const url = a.url && safeUrl(a.url);
  const source = a.outlet || a.site;
  const label = a.title || source || "article " + a.doc_id;
  const head = url ? el("a", null, label) : el("span", "title", label);
  if (url) { head.href = url; head.rel = "noopener noreferrer"; head.target = "_blank"; }
  p.appendChild(head);
  const rest = [label === source ? null : source, frenchDate(a.date)].filter(Boolean);
  if (rest.length) p.appendChild(document.createTextNode(" · " + rest.join(" · ")));
  return p;
}

export function speakerNode(q) {
  const first = q.occurrences[0] || {};
  if (q.speaker) {
    const who = q.speaker_id ? el("a", "who", q.speaker) : el("span", "who", q.speaker);
    if (q.speaker_id) who.href = "/speaker/" + q.speaker_id;
    return who;
  }
  const anon = q.occurrences.find((o) => o.speaker_kind === "anonymous");
  if (q.speaker_kind === "anonymous" || anon) {
    const n = el("span", "who anonymous", "source anonyme");
    const what = (anon || first).speaker_mention;
    if (what) n.appendChild(el("span", "source", " (" + what + ")"));
    return n;
  }
  return el("span", "who unattributed", "orateur non identifié");
}

function contextNode(o) {
  if (o.context_before === null || o.context_after === null) return null;
  const p = el("p", "context");
  const before = o.context_before, after = o.context_after;
  if (before && /^\p{Ll}/u.test(before)) p.appendChild(document.createTextNode("… "));
  p.appendChild(document.createTextNode(before));
  p.appendChild(el("mark", null, o.text));
  p.appendChild(document.createTextNode(after));
  if (after && !/[.!?…»"”)]\s*$/.test(after)) p.appendChild(document.createTextNode(" …"));
  return p;
}

function detailsNode(q) {
  const d = el("details");
  d.appendChild(el("summary", null, "Détails"));
  const dl = el("dl");
  const first = q.occurrences[0] || {};
  const rows = [
    ["Type", q.type + " — " + TYPES[q.type]],
    ["Règle", ruleText(first.rule)],
    ["Confiance", q.confidence.toFixed(2).replace(".", ",") + " (celle de la règle, réduite quand l'orateur est déduit d'un pronom ou non résolu)"],
    ["Citation n°", String(q.id)],
    ["Enregistrements", q.occurrences.map((o) => o.record_id).join(", ")],
  ];
  for (const [k, v] of rows) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); }
  d.appendChild(dl);
  return d;
}

// The card of one quote: type and confidence, the text, who said it, the article with the
// sentence around the quote, the other articles reporting it, and the details.
export function quoteNode(q) {
  const li = el("li", "quote type-" + q.type);
  li.dataset.id = q.id;
  const top = el("p", "labels");
  top.appendChild(el("span", "type", TYPES[q.type] || q.type));
  top.appendChild(confidenceNode(q.confidence));
  li.appendChild(top);
  li.appendChild(el(q.type === "direct" ? "blockquote" : "p", "text", quoteText(q)));
  const p = el("p", "attribution");
  p.appendChild(speakerNode(q));
  if (q.role) { p.appendChild(document.createTextNode(", ")); p.appendChild(el("span", "role", q.role)); }
  if (q.cue) { p.appendChild(document.createTextNode(" — ")); p.appendChild(el("span", "cue", cueText(q.cue))); }
  li.appendChild(p);
  const first = q.occurrences[0];
  if (first) {
    const where = el("div", "where");
    where.appendChild(articleNode(first.article));
    const ctx = contextNode(first);
    if (ctx) where.appendChild(ctx);
    li.appendChild(where);
    const seen = new Set([first.article.doc_id]);
    const others = q.occurrences.filter((o) => !seen.has(o.article.doc_id) && seen.add(o.article.doc_id));
    if (others.length) {
      const also = el("div", "also");
      also.appendChild(el("p", null, "Aussi dans :"));
      const ul = el("ul");
      for (const o of others) {
        const item = el("li");
        item.appendChild(articleNode(o.article));
        if (o.text !== q.text) item.appendChild(el("div", "variant", "autre formulation : " + o.text));
        ul.appendChild(item);
      }
      also.appendChild(ul);
      li.appendChild(also);
    }
  }
  li.appendChild(detailsNode(q));
  return li;
}

// A page of results in #results, the count in #status, the pager's buttons.
export function showPage(data) {
  $("results").replaceChildren(...data.quotes.map(quoteNode));
  const pages = Math.max(1, Math.ceil(data.total / data.per_page));
  $("status").textContent = data.total + " citation" + (data.total > 1 ? "s" : "");
  $("pageinfo").textContent = "page " + data.page + " / " + pages;
  $("prev").disabled = data.page <= 1;
  $("next").disabled = data.page >= pages;
}

// A bar chart drawn by Chart.js (static/vendor), with the figures also in a table for screen
// readers and for copying.
export function barChart(canvas, labels, datasets, { stacked = false, horizontal = false, percent = false } = {}) {
  const colors = ["#2f5d8a", "#c2662d", "#6a8f3b", "#8a8a8a"];
  const value = { stacked, beginAtZero: true, max: percent ? 100 : undefined,
                  ticks: percent ? { callback: (v) => v + " %" } : { precision: 0 } };
  const category = { stacked };
  // Chart is the global of static/vendor/chart.umd.min.js
  return new Chart(canvas, {
    type: "bar",
    data: { labels, datasets: datasets.map((d, i) => ({ ...d, backgroundColor: colors[i % colors.length] })) },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, locale: "fr-FR",
      indexAxis: horizontal ? "y" : "x",
      plugins: { legend: { display: datasets.length > 1 } },
      scales: horizontal ? { x: value, y: category } : { x: category, y: value },
    },
  });
}

// A chart of quotes per week, or a line saying there is no dated article.
export function weeksChart(canvas, weeks) {
  if (!weeks.length) {
    canvas.parentElement.replaceWith(el("p", "note", "Aucun article daté : pas de chiffres par semaine."));
    return;
  }
  barChart(canvas, weeks.map((w) => frenchDate(w.label)), [{ label: "citations", data: weeks.map((w) => w.quotes) }]);
}

export function tableNode(caption, headers, rows) {
  const t = el("table");
  t.appendChild(el("caption", null, caption));
  const head = el("tr");
  for (const h of headers) { const th = el("th", null, h); th.scope = "col"; head.appendChild(th); }
  const thead = el("thead");
  thead.appendChild(head);
  t.appendChild(thead);
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr");
    r.forEach((v, i) => {
      const cell = el(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      if (v instanceof Node) cell.appendChild(v); else cell.textContent = v;
      tr.appendChild(cell);
    });
    body.appendChild(tr);
  }
  t.appendChild(body);
  return t;
}
