"""Queries: full-text search with filters, the speaker list, the outlets. Read-only.

The CLI (`quotes search`, `quotes speakers`) and the web API call these same functions, so the
three doors give the same answers.
"""
from __future__ import annotations

import json
import sqlite3

from ..errors import QuotesError
from . import validate
from .fts import escape, fts_table
from .merge import norm_text
from .records import ArticleRef, Occurrence, SearchPage, SpeakerRecord, StoredQuote

def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(conn: sqlite3.Connection, text: str | None = None, *, speaker: str | None = None,
           outlet: str | None = None, since: str | None = None, page: int | str | None = 1,
           per_page: int | str | None = 20) -> SearchPage:
    """Quotes matching `text` (any words, accents ignored), best first, with their occurrences."""
    since, speaker, outlet = validate.since(since), validate.name(speaker, "speaker"), validate.name(outlet, "outlet")
    page, per_page = validate.clamp(page, 1, high=validate.MAX_PAGE), validate.clamp(per_page, 20, high=500)
    where, args, join, order = [], [], "", "coalesce(q.last_date, '') DESC, q.occurrences DESC, q.id"
    query = escape(validate.query(text))
    if query:
        fts = fts_table("quotes")
        join = f"JOIN {fts} ON {fts}.rowid = q.id"
        where.append(f"{fts} MATCH ?")
        args.append(query)
        order = "rank, q.id"
    if speaker:
        key, sid = norm_text(speaker), validate.speaker_id(speaker)
        if sid is not None:
            where.append("q.speaker_id = ?")
            args.append(sid)
        elif not key:
            raise QuotesError(f"speaker {speaker!r} has no letters or digits", "give part of a name, or an id")
        else:
            where.append("q.speaker_id IN (SELECT id FROM speakers WHERE name_key LIKE ? ESCAPE '\\')")
            args.append(_like(key))
    if outlet:
        where.append("EXISTS (SELECT 1 FROM occurrences o JOIN articles a ON a.id = o.article_id "
                     "WHERE o.quote_id = q.id AND a.outlet LIKE ? ESCAPE '\\')")
        args.append(_like(outlet))
    if since:
        where.append("EXISTS (SELECT 1 FROM occurrences o JOIN articles a ON a.id = o.article_id "
                     "WHERE o.quote_id = q.id AND a.date >= ?)")
        args.append(since)
    cond = ("WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) FROM quotes q {join} {cond}", args).fetchone()[0]
    rows = conn.execute(f"SELECT q.* FROM quotes q {join} {cond} ORDER BY {order} LIMIT ? OFFSET ?",
                        [*args, per_page, (page - 1) * per_page]).fetchall()
    return SearchPage(total=total, page=page, per_page=per_page, quotes=[_quote(conn, r) for r in rows])


def _quote(conn: sqlite3.Connection, r: sqlite3.Row) -> StoredQuote:
    occ = conn.execute('SELECT o.*, a.doc_id, a.title, a.url, a.outlet, a.date FROM occurrences o '
                       "JOIN articles a ON a.id = o.article_id WHERE o.quote_id = ? "
                       "ORDER BY coalesce(a.date, ''), a.doc_id, o.start", (r["id"],)).fetchall()
    occurrences = [Occurrence(
        article=ArticleRef(doc_id=o["doc_id"], title=o["title"], url=o["url"], outlet=o["outlet"], date=o["date"]),
        record_id=o["record_id"], text=o["text"], start=o["start"], end=o["end"], type=o["type"],
        speaker_mention=o["speaker_mention"], role=o["role"], cue=o["cue_text"], rule=o["rule"],
        confidence=o["confidence"]) for o in occ]
    return StoredQuote(id=r["id"], text=r["text"], type=r["type"], speaker=r["speaker_name"],
                       speaker_id=r["speaker_id"], role=r["role"], cue=r["cue"],
                       article=occurrences[0].article if occurrences else None,
                       first_date=r["first_date"], last_date=r["last_date"], occurrences=occurrences)


def speakers(conn: sqlite3.Connection, top: int | str | None = None, kind: str | None = None) -> list[SpeakerRecord]:
    """Speakers, most quoted first (then most articles, then name)."""
    top = validate.clamp(top, 0, low=0) or None
    sql = "SELECT * FROM speakers" + (" WHERE kind = ?" if kind else "") + \
        " ORDER BY quotes DESC, articles DESC, name, id" + (" LIMIT ?" if top else "")
    args = [a for a in (kind, top) if a]
    return [SpeakerRecord(id=r["id"], name=r["name"], kind=r["kind"], roles=json.loads(r["roles"]),
                          quotes=r["quotes"], articles=r["articles"], first_date=r["first_date"],
                          last_date=r["last_date"]) for r in conn.execute(sql, args)]


def outlets(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1")]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "quotes", "occurrences", "speakers")}
