"""The SQLite schema, its migrations, and the pragmas every connection gets.

One file holds everything (articles, speakers, quotes, their occurrences) so a newsroom can copy
it, open it in Datasette, or query it with plain `sqlite3`. WAL lets readers (the web page, a
search) run while a batch writes; `PRAGMA user_version` numbers the schema for migrations.

Derived columns (a quote's canonical text, a speaker's name and counts) are recomputed from
the occurrences after each article, so re-ingesting the same files gives the same rows.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import QuotesError

SCHEMA_VERSION = 3

DDL_V1 = """
CREATE TABLE IF NOT EXISTS articles (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL UNIQUE,
    text_hash   TEXT,
    title       TEXT,
    url         TEXT,
    outlet      TEXT,
    date        TEXT,
    length      INTEGER,
    added_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_text_hash ON articles(text_hash) WHERE text_hash IS NOT NULL;

CREATE TABLE IF NOT EXISTS speakers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    surname     TEXT NOT NULL,
    first_name  TEXT,
    name_key    TEXT NOT NULL,
    roles       TEXT NOT NULL DEFAULT '[]',
    quotes      INTEGER NOT NULL DEFAULT 0,
    articles    INTEGER NOT NULL DEFAULT 0,
    first_date  TEXT,
    last_date   TEXT
);
CREATE INDEX IF NOT EXISTS speakers_surname ON speakers(kind, surname);

CREATE TABLE IF NOT EXISTS quotes (
    id           INTEGER PRIMARY KEY,
    text         TEXT NOT NULL,
    norm         TEXT NOT NULL,
    type         TEXT NOT NULL,
    speaker_id   INTEGER REFERENCES speakers(id),
    speaker_name TEXT,
    role         TEXT,
    cue          TEXT,
    variants     TEXT NOT NULL DEFAULT '',
    occurrences  INTEGER NOT NULL DEFAULT 0,
    first_date   TEXT,
    last_date    TEXT
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id);
CREATE INDEX IF NOT EXISTS quotes_norm ON quotes(norm);

CREATE TABLE IF NOT EXISTS occurrences (
    id              INTEGER PRIMARY KEY,
    quote_id        INTEGER NOT NULL REFERENCES quotes(id),
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    record_id       TEXT NOT NULL,
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    type            TEXT NOT NULL,
    speaker_id      INTEGER REFERENCES speakers(id),
    speaker_name    TEXT,
    speaker_mention TEXT,
    speaker_kind    TEXT,
    role            TEXT,
    cue_text        TEXT,
    cue_lemma       TEXT,
    cue_start       INTEGER,
    cue_end         INTEGER,
    rule            TEXT,
    confidence      REAL NOT NULL DEFAULT 0,
    boilerplate     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, record_id)
);
CREATE INDEX IF NOT EXISTS occurrences_quote ON occurrences(quote_id);
CREATE INDEX IF NOT EXISTS occurrences_speaker ON occurrences(speaker_id);
"""

# v2: what the page shows without the article file. The sentence or paragraph around each
# occurrence (`context`, from `context_start` in the article), the site of an article's url (its
# outlet when the input names none), and per quote the speaker's kind and the best confidence.
DDL_V2 = """
ALTER TABLE articles ADD COLUMN site TEXT;
ALTER TABLE occurrences ADD COLUMN context TEXT;
ALTER TABLE occurrences ADD COLUMN context_start INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_kind TEXT;
ALTER TABLE quotes ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
UPDATE quotes SET confidence = coalesce((SELECT max(o.confidence) FROM occurrences o WHERE o.quote_id = quotes.id), 0),
    speaker_kind = (SELECT o.speaker_kind FROM occurrences o WHERE o.quote_id = quotes.id
                    GROUP BY o.speaker_kind ORDER BY count(*) DESC, o.speaker_kind LIMIT 1);
CREATE INDEX IF NOT EXISTS quotes_last_date ON quotes(last_date);
CREATE INDEX IF NOT EXISTS occurrences_article ON occurrences(article_id)
"""


def _fill_sites(conn: sqlite3.Connection) -> None:
    from .context import site

    for row in conn.execute("SELECT id, url FROM articles WHERE url IS NOT NULL").fetchall():
        conn.execute("UPDATE articles SET site = ? WHERE id = ?", (site(row[1]), row[0]))


def _iso_dates(conn: sqlite3.Connection) -> None:
    """v3: `articles.date` is ISO (YYYY-MM-DD) so dates compare as text; the value the input gave is
    kept in `date_raw`. Quote and speaker first/last dates follow."""
    from .validate import iso_date

    conn.execute("ALTER TABLE articles ADD COLUMN date_raw TEXT")
    for row in conn.execute("SELECT id, date FROM articles WHERE date IS NOT NULL").fetchall():
        conn.execute("UPDATE articles SET date = ?, date_raw = ? WHERE id = ?", (iso_date(row[1]), row[1], row[0]))
    for table, key in (("quotes", "quote_id"), ("speakers", "speaker_id")):
        conn.execute(f"UPDATE {table} SET first_date = (SELECT min(a.date) FROM occurrences o JOIN articles a "
                     f"ON a.id = o.article_id WHERE o.{key} = {table}.id), last_date = (SELECT max(a.date) FROM "
                     f"occurrences o JOIN articles a ON a.id = o.article_id WHERE o.{key} = {table}.id)")


MIGRATIONS = {1: [DDL_V1], 2: [DDL_V2, _fill_sites], 3: [_iso_dates]}


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (we BEGIN ourselves), WAL, foreign keys on."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and str(path) != ":memory:":
                raise QuotesError(f"{path}: cannot switch the database to WAL mode", "is it on a network drive?")
            conn.execute("PRAGMA synchronous = NORMAL")
        else:
            conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as e:
        raise QuotesError(f"{path}: not a usable SQLite database ({e})", "give a quotes database file") from None
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema to SCHEMA_VERSION, one transaction a step; refuse a newer file."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise QuotesError(f"database schema v{version} is newer than this quotes (v{SCHEMA_VERSION})",
                          "upgrade quotes")
    for v in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for step in MIGRATIONS[v]:
                if callable(step):
                    step(conn)
                    continue
                for stmt in step.split(";"):
                    if stmt.strip():
                        conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {v}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
