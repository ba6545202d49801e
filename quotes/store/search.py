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
from .records import ArticleRef, Occurrence, SearchPage, SpeakerPage, SpeakerRecord, StoredQuote

def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


ORDERS = ("relevance", "newest", "oldest")
DEFAULT_MIN_CONFIDENCE = 0.5  # the page's and `quotes search`'s default: hides quotes no sieve attributed (0.2)
OUTLET = "coalesce(a.outlet, a.site)"  # an article's outlet, else its url's site


def search(conn: sqlite3.Connection, text: str | None = None, *, speaker: str | None = None,
           outlet: str | None = None, since: str | None = None, page: int | str | None = 1,
           per_page: int | str | None = 20, min_confidence: float = 0.0, known: bool = False,
           order: str | None = None) -> SearchPage:
    """Quotes matching `text` (any words, accents ignored), with their occurrences.

    `known`: only quotes with a named speaker. `order`: relevance (the default with text; without
    text it means newest), newest or oldest (by the latest article reporting the quote).
    """
    since, speaker, outlet = validate.since(since), validate.name(speaker, "speaker"), validate.name(outlet, "outlet")
    page, per_page = validate.clamp(page, 1, high=validate.MAX_PAGE), validate.clamp(per_page, 20, high=500)
    if order not in (None, "", *ORDERS):
        raise QuotesError(f"unknown order {order!r}", "use " + ", ".join(ORDERS))
    where, args, join = [], [], ""
    query = escape(validate.query(text))
    if query:
        fts = fts_table("quotes")
        join = f"JOIN {fts} ON {fts}.rowid = q.id"
        where.append(f"{fts} MATCH ?")
        args.append(query)
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
                     f"WHERE o.quote_id = q.id AND {OUTLET} LIKE ? ESCAPE '\\')")
        args.append(_like(outlet))
    if since:
        where.append("EXISTS (SELECT 1 FROM occurrences o JOIN articles a ON a.id = o.article_id "
                     "WHERE o.quote_id = q.id AND a.date >= ?)")
        args.append(since)
    if min_confidence and float(min_confidence) > 0:
        where.append("q.confidence >= ?")
        args.append(float(min_confidence))
    if known:
        where.append("q.speaker_name IS NOT NULL")
    order = order or ("relevance" if query else "newest")
    if order == "relevance" and query:
        sort = "rank, q.id"
    elif order == "oldest":
        sort = "q.first_date IS NULL, q.first_date, q.id"
    else:
        sort = "q.last_date IS NULL, q.last_date DESC, q.occurrences DESC, q.id"
    cond = ("WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) FROM quotes q {join} {cond}", args).fetchone()[0]
    rows = conn.execute(f"SELECT q.* FROM quotes q {join} {cond} ORDER BY {sort} LIMIT ? OFFSET ?",
                        [*args, per_page, (page - 1) * per_page]).fetchall()
    return SearchPage(total=total, page=page, per_page=per_page, quotes=[_quote(conn, r) for r in rows])


def _around(o: sqlite3.Row) -> tuple[str | None, str | None]:
    """The stored context split at the quote (Python offsets, so no client counts UTF-16 units)."""
    ctx, cs = o["context"], o["context_start"]
    if ctx is None or cs is None or ctx[o["start"] - cs:o["end"] - cs] != o["text"]:
        return None, None
    return ctx[:o["start"] - cs], ctx[o["end"] - cs:]


def _quote(conn: sqlite3.Connection, r: sqlite3.Row) -> StoredQuote:
    occ = conn.execute('SELECT o.*, a.doc_id, a.title, a.url, a.outlet, a.date, a.site FROM occurrences o '
                       "JOIN articles a ON a.id = o.article_id WHERE o.quote_id = ? "
                       "ORDER BY coalesce(a.date, ''), a.doc_id, o.start", (r["id"],)).fetchall()
    occurrences = [Occurrence(
        article=ArticleRef(doc_id=o["doc_id"], title=o["title"], url=o["url"], outlet=o["outlet"], date=o["date"],
                           site=o["site"]),
        record_id=o["record_id"], text=o["text"], start=o["start"], end=o["end"], type=o["type"],
        speaker_mention=o["speaker_mention"], speaker_kind=o["speaker_kind"], role=o["role"], cue=o["cue_text"],
        rule=o["rule"], confidence=o["confidence"], **dict(zip(("context_before", "context_after"), _around(o))))
        for o in occ]
    return StoredQuote(id=r["id"], text=r["text"], type=r["type"], speaker=r["speaker_name"],
                       speaker_id=r["speaker_id"], speaker_kind=r["speaker_kind"], role=r["role"], cue=r["cue"],
                       confidence=r["confidence"], article=occurrences[0].article if occurrences else None,
                       first_date=r["first_date"], last_date=r["last_date"], occurrences=occurrences)


def speaker_record(r: sqlite3.Row) -> SpeakerRecord:
    return SpeakerRecord(id=r["id"], name=r["name"], kind=r["kind"], roles=json.loads(r["roles"]), quotes=r["quotes"],
                         articles=r["articles"], first_date=r["first_date"], last_date=r["last_date"])


def speakers(conn: sqlite3.Connection, top: int | str | None = None, kind: str | None = None) -> list[SpeakerRecord]:
    """Speakers, most quoted first (then most articles, then name)."""
    top = validate.clamp(top, 0, low=0) or None
    sql = "SELECT * FROM speakers" + (" WHERE kind = ?" if kind else "") + \
        " ORDER BY quotes DESC, articles DESC, name, id" + (" LIMIT ?" if top else "")
    args = [a for a in (kind, top) if a]
    return [speaker_record(r) for r in conn.execute(sql, args)]


def find_speakers(conn: sqlite3.Connection, name: str | None = None, page: int = 1, per_page: int = 10) -> SpeakerPage:
    """Speakers whose name holds `name` (accents and case ignored), most quoted first, a page at a time."""
    page, per_page = validate.clamp(page, 1, high=validate.MAX_PAGE), validate.clamp(per_page, 10, high=100)
    key = norm_text(validate.name(name, "speaker") or "")
    cond, args = ("WHERE name_key LIKE ? ESCAPE '\\'", [_like(key)]) if key else ("", [])
    total = conn.execute(f"SELECT count(*) FROM speakers {cond}", args).fetchone()[0]
    rows = conn.execute(f"SELECT * FROM speakers {cond} ORDER BY quotes DESC, articles DESC, name, id LIMIT ? OFFSET ?",
                        [*args, per_page, (page - 1) * per_page]).fetchall()
    return SpeakerPage(total=total, page=page, per_page=per_page, speakers=[speaker_record(r) for r in rows])


def outlets(conn: sqlite3.Connection) -> list[str]:
    """Outlet names, and the sites of articles that name none."""
    return [r[0] for r in conn.execute(f"SELECT DISTINCT {OUTLET} FROM articles a WHERE {OUTLET} IS NOT NULL ORDER BY 1")]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "quotes", "occurrences", "speakers")}
