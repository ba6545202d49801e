"""Counts for the charts: a speaker's page, the figures page and `quotes stats`. Read-only.

A quote is counted once per outlet and once per week however many articles of it report it.
Weeks start on Monday and are labelled by that day (`2018-12-17`); articles whose date is not
a full ISO date (`YYYY-MM-DD`) count in the totals but in no week. The source of an occurrence
is its speaker's kind (an outlet of None: articles with neither outlet nor url): a person (or a name of unknown kind), an organisation, an anonymous source
(*un haut responsable*), or nobody (unattributed).
"""
from __future__ import annotations

import sqlite3

from ..errors import QuotesError
from .records import Count, Figures, OutletFigures, SpeakerDetail
from .search import OUTLET, counts, speaker_record, speakers

WEEK = "date(a.date, '-6 days', 'weekday 1')"  # the Monday on or before the article's date


def _weeks(conn: sqlite3.Connection, where: str = "", args: tuple = ()) -> list[Count]:
    sql = (f"SELECT {WEEK} AS week, count(DISTINCT o.quote_id) FROM occurrences o JOIN articles a "
           f"ON a.id = o.article_id WHERE {WEEK} IS NOT NULL {where} GROUP BY week ORDER BY week")
    return [Count(label=w, quotes=n) for w, n in conn.execute(sql, args)]


def speaker_detail(conn: sqlite3.Connection, speaker_id: int) -> SpeakerDetail:
    """A speaker's record, the outlets quoting them (most first) and their quotes week by week."""
    row = conn.execute("SELECT * FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
    if row is None:
        raise QuotesError(f"no speaker with id {speaker_id}", "find one with `quotes speakers`")
    outlets = conn.execute(f"SELECT {OUTLET} AS outlet, count(DISTINCT o.quote_id) AS n "
                           "FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE o.speaker_id = ? "
                           "GROUP BY 1 ORDER BY n DESC, outlet IS NULL, outlet", (speaker_id,)).fetchall()
    return SpeakerDetail(speaker=speaker_record(row), outlets=[Count(label=o, quotes=n) for o, n in outlets],
                         weeks=_weeks(conn, "AND o.speaker_id = ?", (speaker_id,)))


def figures(conn: sqlite3.Connection, top: int = 10) -> Figures:
    """Who is quoted most, each outlet's quotes by kind of source, quotes per week."""
    rows = conn.execute(
        f"SELECT {OUTLET} AS outlet, count(DISTINCT o.quote_id) AS n, "
        "count(DISTINCT CASE WHEN o.speaker_kind = 'organization' THEN o.quote_id END) AS org, "
        "count(DISTINCT CASE WHEN o.speaker_kind = 'anonymous' THEN o.quote_id END) AS anon, "
        "count(DISTINCT CASE WHEN o.speaker_name IS NOT NULL AND o.speaker_kind IN ('person', 'unknown') "
        "THEN o.quote_id END) AS person "
        "FROM occurrences o JOIN articles a ON a.id = o.article_id GROUP BY 1 ORDER BY n DESC, outlet IS NULL, outlet"
        ).fetchall()
    outlets = [OutletFigures(outlet=r["outlet"], quotes=r["n"], person=r["person"], organization=r["org"],
                             anonymous=r["anon"], unattributed=max(0, r["n"] - r["person"] - r["org"] - r["anon"]))
               for r in rows]
    c = counts(conn)
    return Figures(articles=c["articles"], quotes=c["quotes"], speakers=c["speakers"],
                   top_speakers=speakers(conn, top), outlets=outlets, weeks=_weeks(conn))
