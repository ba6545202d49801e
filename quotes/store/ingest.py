"""One article and its quotes → rows, in one transaction.

Re-ingesting an article (same `doc_id`, or the same text under another id) replaces its
occurrences: the old ones are removed, the new ones are matched against what is stored (so a
quote or speaker keeps its id), then every quote and speaker touched is recomputed from its
occurrences and dropped when none is left. A batch killed half-way keeps the articles it
committed; the one in flight rolls back whole.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from dataclasses import replace
from datetime import datetime, timezone
from typing import Iterable

from ..model import Article, Quote
from ..ingest.text import surrogate_in
from . import merge, validate
from .context import around, site


def text_hash(text: str) -> str | None:
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else None


def _most(values: Iterable, default=None):
    """The most frequent value, ties broken by the longest then the smallest: order-independent."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return default
    return min(counts, key=lambda v: (-counts[v], -len(str(v)), str(v)))


def add_article(conn: sqlite3.Connection, article: Article, quotes: Iterable[Quote]) -> int:
    """Store `article` and its quotes, replacing any earlier version; returns the article row id."""
    quotes = list(quotes)
    digest = text_hash(article.text)
    conn.execute("BEGIN IMMEDIATE")
    try:
        touched_q: set[int] = set()
        touched_s: set[int] = set()
        kept: dict[tuple, tuple[str, int]] = {}  # contexts stored before, for an input without the text
        rows = conn.execute("SELECT id, doc_id FROM articles WHERE doc_id = ? OR (? IS NOT NULL AND text_hash = ?) "
                            "ORDER BY doc_id = ? DESC, id", (article.doc_id, digest, digest, article.doc_id)).fetchall()
        for r in rows:
            for o in conn.execute("SELECT quote_id, speaker_id FROM occurrences WHERE article_id = ?", (r["id"],)):
                touched_q.add(o["quote_id"])
                if o["speaker_id"] is not None:
                    touched_s.add(o["speaker_id"])
            for o in conn.execute('SELECT record_id, start, "end", text, context, context_start FROM occurrences '
                                  "WHERE article_id = ? AND context IS NOT NULL", (r["id"],)):
                kept[o["record_id"], o["start"], o["end"], o["text"]] = (o["context"], o["context_start"])
            conn.execute("DELETE FROM occurrences WHERE article_id = ?", (r["id"],))
        for r in rows[1:]:
            conn.execute("DELETE FROM articles WHERE id = ?", (r["id"],))
        meta = (article.doc_id, digest, article.title, article.url, article.outlet, validate.iso_date(article.date),
                len(article.text) if article.text else None, datetime.now(timezone.utc).isoformat(timespec="seconds"),
                site(article.url), article.date)
        if rows:
            article_id = rows[0]["id"]
            # what this input lacks (a quotes-only JSONL has no text nor url) keeps its stored value
            conn.execute("UPDATE articles SET doc_id=?, text_hash=coalesce(?, text_hash), title=coalesce(?, title), "
                         "url=coalesce(?, url), outlet=coalesce(?, outlet), date=coalesce(?, date), "
                         "length=coalesce(?, length), added_at=?, site=coalesce(?, site), date_raw=coalesce(?, date_raw) "
                         "WHERE id=?", (*meta, article_id))
        else:
            article_id = conn.execute("INSERT INTO articles (doc_id, text_hash, title, url, outlet, date, length, "
                                      "added_at, site, date_raw) VALUES (?,?,?,?,?,?,?,?,?,?)", meta).lastrowid
        for q in quotes:
            sid = _speaker(conn, q)
            qid = _quote(conn, q, sid)
            touched_q.add(qid)
            if sid is not None:
                touched_s.add(sid)
            sp, cue = q.speaker, q.cue
            context, context_start = _context(article.text, q, kept)
            conn.execute(
                'INSERT OR REPLACE INTO occurrences (quote_id, article_id, record_id, text, start, "end", type, '
                "speaker_id, speaker_name, speaker_mention, speaker_kind, role, cue_text, cue_lemma, cue_start, "
                "cue_end, rule, confidence, boilerplate, context, context_start) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (qid, article_id, q.id, q.text, q.start, q.end, q.type, sid, sp.name if sp else None,
                 sp.mention if sp else None, sp.kind if sp else None, q.role, cue.text if cue else None,
                 cue.lemma if cue else None, cue.start if cue else None, cue.end if cue else None, q.rule,
                 q.confidence, int(q.boilerplate), context, context_start))
        for qid in sorted(touched_q):
            refresh_quote(conn, qid)
        for sid in sorted(touched_s):
            refresh_speaker(conn, sid)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return article_id


def _context(text: str, q: Quote, kept: dict) -> tuple[str | None, int | None]:
    """The raw slice around the quote, or what was stored for it when this input has no text."""
    if text and text[q.start:q.end] == q.text:
        a, b = around(text, q.start, q.end)
        return text[a:b], a
    return kept.get((q.id, q.start, q.end, q.text), (None, None))


def _speaker(conn: sqlite3.Connection, q: Quote) -> int | None:
    if q.speaker is None or not q.speaker.name or q.speaker.kind == "anonymous":
        return None
    name = merge.parse_name(q.speaker.name, q.speaker.kind)
    if name is None:
        return None
    if merge.body_led(conn, name):
        name = merge.parse_name(name.display, "organization")  # Vinci Autoroutes, after the body Vinci
    if merge.generic_body(name):
        name = replace(name, key=f"{name.key}@{q.doc_id}")  # one record per article (merge.generic_body)
    elif merge.first_names_only(name) and not _titled(q.speaker.mention) and not merge.surname_held(conn, name.surname):
        name = replace(name, surname=f"{name.surname}@{q.doc_id}")  # Thierry, 58 ans: one article's
    sid = merge.find_speaker(conn, name, q.role)
    if sid is None:
        sid = conn.execute("INSERT INTO speakers (name, kind, surname, first_name, name_key, roles) "
                           "VALUES (?,?,?,?,?,?)", (name.display, name.kind, name.surname, name.first, name.key,
                                                   json.dumps([q.role] if q.role else [], ensure_ascii=False))
                           ).lastrowid
        if name.kind == "organization":
            _absorb(conn, name, sid)
    elif name.first or q.role:  # what this mention adds is seen by the next match in this article
        row = conn.execute("SELECT first_name, roles FROM speakers WHERE id = ?", (sid,)).fetchone()
        roles = json.loads(row["roles"])
        roles += [q.role] if q.role and q.role not in roles else []
        conn.execute("UPDATE speakers SET first_name = coalesce(first_name, ?), roles = ? WHERE id = ?",
                     (name.first, json.dumps(roles, ensure_ascii=False), sid))
    return sid


def _titled(mention: str | None) -> bool:
    words = (mention or "").split()
    return bool(words) and merge.norm_text(words[0]) in merge.title_keys()


def _absorb(conn: sqlite3.Connection, name: merge.Name, sid: int) -> None:
    """A new body takes over the person records of its very name with no first name (merge.find_speaker
    sends the later ones to it; these are the earlier ones), whatever order the articles came in."""
    for r in conn.execute("SELECT id, first_name FROM speakers WHERE kind = 'person' AND name_key = ?",
                          (name.key,)).fetchall():
        if not merge.first_name_known(r["first_name"]):
            conn.execute("UPDATE occurrences SET speaker_id = ? WHERE speaker_id = ?", (sid, r["id"]))
            conn.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", (sid, r["id"]))
            refresh_speaker(conn, r["id"])


def _quote(conn: sqlite3.Connection, q: Quote, speaker_id: int | None) -> int:
    norm = merge.norm_text(q.text)
    qid = merge.find_quote(conn, norm, q.text, speaker_id)
    if qid is None:
        qid = conn.execute("INSERT INTO quotes (text, norm, type, speaker_id) VALUES (?,?,?,?)",
                           (q.text, norm, q.type, speaker_id)).lastrowid
    elif speaker_id is not None:
        conn.execute("UPDATE quotes SET speaker_id = coalesce(speaker_id, ?) WHERE id = ?", (speaker_id, qid))
    return qid


def refresh_quote(conn: sqlite3.Connection, qid: int) -> None:
    """Recompute a quote's canonical fields from its occurrences; delete it when it has none."""
    occ = conn.execute("SELECT o.*, a.date FROM occurrences o JOIN articles a ON a.id = o.article_id "
                       "WHERE o.quote_id = ?", (qid,)).fetchall()
    if not occ:
        conn.execute("DELETE FROM quotes WHERE id = ?", (qid,))
        return
    seen = Counter(o["text"] for o in occ)
    first = {}
    for o in occ:
        first[o["text"]] = min(first.get(o["text"], "9999"), o["date"] or "9999")
    # the commonest wording, then the earliest reported, then the longest: independent of ingest order
    text = min(seen, key=lambda t: (-seen[t], first[t], -len(t), t))
    variants = "\n".join(sorted(set(seen) - {text}))
    sid = _most(o["speaker_id"] for o in occ)
    name = conn.execute("SELECT name FROM speakers WHERE id = ?", (sid,)).fetchone() if sid else None
    dates = [o["date"] for o in occ if o["date"]]
    kind = _most(o["speaker_kind"] for o in occ if o["speaker_id"] == sid) if sid else _most(o["speaker_kind"] for o in occ)
    conn.execute("UPDATE quotes SET text=?, norm=?, type=?, speaker_id=?, speaker_name=?, role=?, cue=?, "
                 "variants=?, occurrences=?, first_date=?, last_date=?, speaker_kind=?, confidence=? WHERE id=?",
                 (text, merge.norm_text(text), _most(o["type"] for o in occ), sid,
                  name["name"] if name else _most(o["speaker_name"] for o in occ), _most(o["role"] for o in occ),
                  _most(o["cue_text"] for o in occ), variants, len(occ), min(dates, default=None),
                  max(dates, default=None), kind, max(o["confidence"] for o in occ), qid))


def refresh_speaker(conn: sqlite3.Connection, sid: int) -> None:
    """Recompute a speaker's name, roles and counts from the occurrences; delete it when unused."""
    occ = conn.execute("SELECT o.speaker_name, o.speaker_kind, o.role, o.quote_id, o.article_id, a.date "
                       "FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE o.speaker_id = ?",
                       (sid,)).fetchall()
    if not occ:
        conn.execute("UPDATE quotes SET speaker_id = NULL, speaker_name = NULL WHERE speaker_id = ?", (sid,))
        conn.execute("DELETE FROM speakers WHERE id = ?", (sid,))
        return
    names = [merge.parse_name(o["speaker_name"], o["speaker_kind"]) for o in occ if o["speaker_name"]]
    names = [n for n in names if n]
    counts = Counter(n.display for n in names)
    best = min(names, key=lambda n: (-len(n.display.split()), -counts[n.display], n.display))
    firsts = sorted({n.first for n in names if n.first})
    role_counts = Counter(o["role"] for o in occ if o["role"])
    roles: dict[str, str] = {}
    for role in sorted(role_counts, key=lambda r: (-role_counts[r], r)):
        roles.setdefault(merge.norm_text(role), role)   # d'Etat / d'État: one role, its commonest spelling
    dates = [o["date"] for o in occ if o["date"]]
    conn.execute("UPDATE speakers SET name=?, surname=?, first_name=?, name_key=?, roles=?, quotes=?, articles=?, "
                 "first_date=?, last_date=? WHERE id=?",
                 (best.display, best.surname, best.first or (firsts[0] if firsts else None), best.key,
                  json.dumps(list(roles.values()), ensure_ascii=False), len({o["quote_id"] for o in occ}),
                  len({o["article_id"] for o in occ}), min(dates, default=None), max(dates, default=None), sid))
    conn.execute("UPDATE quotes SET speaker_name = ? WHERE speaker_id = ? AND speaker_name IS NOT ?",
                 (best.display, sid, best.display))


META = ("title", "url", "outlet", "date")


def _strings(value, key: str = "") -> list[tuple[str, str]]:
    """Every string of a JSON value, with the key it sits under."""
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _strings(v, str(k))]
    if isinstance(value, list):
        return [p for v in value for p in _strings(v, key)]
    return []


def read_jsonl(path: str) -> list[tuple[Article, list[Quote]]]:
    """Quote records (the output contract), grouped by `doc_id` into articles, in file order.

    Article metadata is taken from the record's `title`/`url`/`outlet`/`date` fields or a nested
    `article` object; a line with `text` but no `start` is an article record (its text is hashed).
    """
    from ..errors import QuotesError

    try:
        fh = open(path, encoding="utf-8")
    except OSError as e:
        raise QuotesError(f"{path}: {e.strerror or e}", "give a JSONL file written by `quotes extract`") from None
    with fh:
        return group(path, ((n, line) for n, line in enumerate(fh, 1) if line.strip()), json.loads)


def group(path: str, records: Iterable[tuple[int, object]], decode=lambda r: r) -> list[tuple[Article, list[Quote]]]:
    """(Article, quotes) for each `doc_id` of numbered records (JSONL lines, Parquet rows), in order;
    a row with `error` set (an article `quotes.spark.extract` could not read) holds no quote."""
    from pydantic import ValidationError

    from ..errors import QuotesError

    groups: dict[str, tuple[dict, list[Quote]]] = {}
    for n, raw in records:
        try:
            rec = decode(raw)
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
            if rec.get("error") is not None:
                continue
            bad = next((k for k, v in _strings(rec) if surrogate_in(v)), None)
            if bad:
                raise ValueError(f"`{bad}` holds a lone surrogate, which is not text")
            if "start" not in rec and "text" in rec and ("doc_id" in rec or "id" in rec):
                doc_id = str(rec.get("doc_id") or rec["id"])
                meta, _ = groups.setdefault(doc_id, ({}, []))
                meta.update({k: rec[k] for k in (*META, "text") if rec.get(k) is not None})
                continue
            quote = Quote.model_validate(rec)
        except (ValueError, ValidationError) as e:
            first = str(e).splitlines()[0] if str(e) else type(e).__name__
            raise QuotesError(f"{path}:{n}: not a quote record ({first})",
                              "each line must be a quote as written by `quotes extract`") from None
        meta, items = groups.setdefault(quote.doc_id, ({}, []))
        nested = rec.get("article") if isinstance(rec.get("article"), dict) else {}
        if isinstance(nested.get("text"), str):  # `quotes extract --with-text`: context can be stored
            meta.setdefault("text", nested["text"])
        for k in META:
            v = rec.get(k) if rec.get(k) is not None else nested.get(k)
            if v is not None:
                meta.setdefault(k, str(v))
        items.append(quote)
    return [(Article(doc_id=d, text=m.get("text", ""), **{k: m.get(k) for k in META}), qs)
            for d, (m, qs) in groups.items()]
