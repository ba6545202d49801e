"""Full-text search: an FTS5 index over quote text and speaker names, kept in sync by triggers.

Modelled on sqlite-utils' `enable_fts`: an external-content table `<table>_fts` (so Datasette
detects it and offers a search box), `unicode61 remove_diacritics 2` so `etape importante` finds
`étape importante`, triggers so no writer can forget the index, and safe to call twice.
`escape()` turns any user text into a valid FTS5 query (sqlite-utils' `quote=True`).
"""
from __future__ import annotations

import sqlite3

TOKENIZE = "unicode61 remove_diacritics 2"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def fts_table(table: str) -> str:
    return f"{table}_fts"


def enable_fts(conn: sqlite3.Connection, table: str, columns: list[str], *, tokenize: str = TOKENIZE,
               create_triggers: bool = True, replace: bool = False) -> str:
    """Create `<table>_fts` over `columns` (content=`table`) and fill it; a no-op when it exists."""
    fts = fts_table(table)
    exists = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (fts,)).fetchone()
    if exists and not replace:
        return fts
    cols = ", ".join(_ident(c) for c in columns)
    new = ", ".join(f"new.{_ident(c)}" for c in columns)
    old = ", ".join(f"old.{_ident(c)}" for c in columns)
    tokenize_sql = tokenize.replace("'", "''")
    script = [
        f"DROP TABLE IF EXISTS {_ident(fts)}",
        f"CREATE VIRTUAL TABLE {_ident(fts)} USING fts5({cols}, content={_ident(table)}, "
        f"content_rowid='id', tokenize='{tokenize_sql}')",
        f"INSERT INTO {_ident(fts)}(rowid, {cols}) SELECT id, {cols} FROM {_ident(table)}",
    ]
    if create_triggers:
        script += [
            f"CREATE TRIGGER IF NOT EXISTS {_ident(table + '_ai')} AFTER INSERT ON {_ident(table)} BEGIN "
            f"INSERT INTO {_ident(fts)}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER IF NOT EXISTS {_ident(table + '_ad')} AFTER DELETE ON {_ident(table)} BEGIN "
            f"INSERT INTO {_ident(fts)}({_ident(fts)}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER IF NOT EXISTS {_ident(table + '_au')} AFTER UPDATE ON {_ident(table)} BEGIN "
            f"INSERT INTO {_ident(fts)}({_ident(fts)}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {_ident(fts)}(rowid, {cols}) VALUES (new.id, {new}); END",
        ]
    conn.execute("BEGIN IMMEDIATE")
    try:
        for stmt in script:
            conn.execute(stmt)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return fts


def escape(query: str) -> str:
    """Any user text as an FTS5 query: each word a quoted phrase, all of them required.

    `étape OR NEAR(` becomes `"étape" "OR" "NEAR("`: operators, brackets and stray double
    quotes (doubled inside the phrase) lose their meaning, so no input is a syntax error.
    """
    words = query.replace("\x00", " ").split()  # a NUL would end the query string inside FTS5
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)
