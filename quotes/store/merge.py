"""Cross-article merge: one quote and one speaker however many outlets report them.

Quotes: the text is folded (case, accents, apostrophes and quotation marks, punctuation) and
compared with rapidfuzz against the quotes the same speaker already has, plus those the FTS index
finds on the longest words, so « » vs " ", an elided word or a typo still meet.
Speakers: `John Kerry`, `M. Kerry` and `Kerry` are one record when nothing contradicts it: same
surname, compatible first names (equal, an initial, or one missing), and roles that do not name
different countries (le ministre russe ≠ le ministre syrien). The same first name and surname are
one record whatever the roles say. A bare surname goes to the full name the archive quotes far more;
a first name alone stays in its article; a name the archive knows as a body is that body.
Pure functions on plain dataclasses plus look-ups in the speakers table; `ingest.py` owns the
transaction.
"""
from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from ..lexicon import first_names, fold, load
from .fts import escape, fts_table

MIN_FUZZY_LEN = 20      # shorter quotes must match exactly once folded ("Non", "jamais")
DOMINANT = 10          # a bare surname goes to the full name quoted ten times more than the others
MIN_RATIO = 88.0        # rapidfuzz ratio (0-100) on folded text for a near-identical quote
PARTICLES = {"de", "du", "des", "d'", "le", "la", "van", "von", "der", "den", "da", "di", "del", "ben", "al", "el"}
PERSONS = ("person", "unknown")
NUMBER = re.compile(r"\d+")


def norm_text(text: str) -> str:
    """The text a quote is compared on: folded, words only, single spaces."""
    s = fold(unicodedata.normalize("NFKC", text))
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def similar(a: str, b: str) -> float:
    """0-100: how alike two folded quote texts are (100 = same words; 0 = short, or other numbers)."""
    if a == b:
        return 100.0
    if min(len(a), len(b)) < MIN_FUZZY_LEN or NUMBER.findall(a) != NUMBER.findall(b):
        return 0.0  # "3 morts" and "5 morts" are two statements, however alike
    return fuzz.ratio(a, b)


@cache
def _titles() -> frozenset[str]:
    return frozenset(fold(e["title"]) for e in load("titles").entries)


def title_keys() -> frozenset[str]:
    """Titles (M., Mme, Dr…) as norm_text folds them."""
    return frozenset(norm_text(t) for t in _titles())


@cache
def _nationalities() -> dict[str, str]:
    out: dict[str, str] = {}
    for e in load("nationalities").entries:
        for col in ("masculine", "feminine"):
            for form in (fold(e[col]), fold(e[col]) + "s"):
                out[form] = e["country"]
    return out


@dataclass(frozen=True, slots=True)
class Name:
    """A speaker name split for matching; `display` is the name without its title."""

    display: str
    kind: str
    surname: str
    first: str | None
    key: str


def parse_name(name: str, kind: str | None) -> Name | None:
    """`M. John Kerry` → first `john`, surname `kerry`; organisations keep their whole name."""
    words = name.split()
    while words and fold(words[0]) in _titles():
        words = words[1:]
    if not words:
        return None
    display = " ".join(words)
    key = norm_text(display)
    kind = kind or "unknown"
    if kind not in PERSONS:
        return Name(display, kind, key, None, key)
    folded = [fold(w) for w in words]
    surname = folded[-1]
    rest = folded[:-1]
    while rest and rest[-1] in PARTICLES:
        rest = rest[:-1]
    first = rest[0] if rest else None
    return Name(display, "person", surname, first, key)


def generic_body(name: Name) -> bool:
    """A body the article leaves generic (la préfecture, le gouvernement, le syndicat, l'étude): one
    word, a body noun. Which préfecture it is, only that article knows: it is never merged with the
    same word in other articles (la préfecture du Finistère is specific, and is)."""
    words = name.display.split()
    return name.kind not in PERSONS and len(words) == 1 and fold(words[0]) in _bodies()


def _record(conn: sqlite3.Connection, kind: str, key: str) -> int | None:
    """The id of the record of that kind and folded name, if the archive has one."""
    row = conn.execute("SELECT id FROM speakers WHERE kind = ? AND name_key = ?", (kind, key)).fetchone()
    return row["id"] if row else None


def body_led(conn: sqlite3.Connection, name: Name) -> bool:
    """A person's name that opens on a body the archive knows, and on no known first name, is a
    branch of that body (Vinci Autoroutes, once le groupe Vinci is a body)."""
    return name.kind in PERSONS and name.first is not None and not first_name_known(name.first) and \
        _record(conn, "organization", norm_text(name.display.split()[0])) is not None


def surname_held(conn: sqlite3.Connection, surname: str) -> bool:
    """Whether someone in the archive has that surname with a first name (Paul Thierry)."""
    return conn.execute("SELECT 1 FROM speakers WHERE kind = 'person' AND surname = ? AND first_name IS NOT NULL",
                        (surname,)).fetchone() is not None


def first_name_known(first: str | None) -> bool:
    return first is not None and first in first_names()


def first_names_only(name: Name) -> bool:
    """A person the article names by first name alone (Thierry, 58 ans): which Thierry, only that
    article knows, so the record is never merged across articles (ingest.py: unless a title says it
    is a surname, M. Thierry, or the archive has someone of that surname)."""
    parts = norm_text(name.display).split(" et ")
    return name.kind in PERSONS and all(len(p.split()) == 1 and first_name_known(p) for p in parts)


@cache
def _bodies() -> frozenset[str]:
    from ..lexicon import bodies

    return frozenset(bodies())


def first_names_agree(a: str | None, b: str | None) -> bool:
    """Equal, or one missing, or an initial of the other (J. ~ John); Jean ≠ Jean-Marc."""
    if a is None or b is None or a == b:
        return True
    a, b = a.rstrip("."), b.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


def countries(roles: list[str]) -> set[str]:
    nat = _nationalities()
    return {nat[w] for r in roles for w in norm_text(r).split() if w in nat}


def roles_agree(a: list[str], b: list[str]) -> bool:
    """Roles contradict only when both name a country and they name different ones."""
    ca, cb = countries(a), countries(b)
    return not (ca and cb and not ca & cb)


def find_speaker(conn: sqlite3.Connection, name: Name, role: str | None) -> int | None:
    """The id of the speaker record this name joins, or None for a new one."""
    if name.kind not in PERSONS:
        return _record(conn, name.kind, name.key)
    if not first_name_known(name.first) and (body := _record(conn, "organization", name.key)) is not None:
        # Vinci, Vinci Autoroutes: a name with no first name, that the archive knows as a body (le
        # groupe Vinci), is that body, though the tagger took it for a person (Léonard de Vinci)
        return body
    rows = conn.execute("SELECT id, name, first_name, roles, quotes FROM speakers WHERE kind = 'person' "
                        "AND surname = ? ORDER BY id", (name.surname,)).fetchall()
    if "@" not in name.surname:  # Paul Thierry, M. Thierry are not one article's Thierry (ingest._speaker)
        rows = [r for r in rows if not first_names_only(Name(r["name"], "person", "", None, ""))]
    if name.first:  # the same first name and surname: one person, whatever a role says (roles are noisier)
        same = [r for r in rows if r["first_name"] == name.first]
        if same:
            return same[0]["id"]
    roles = [role] if role else []
    fits = [r for r in rows if first_names_agree(name.first, r["first_name"])
            and roles_agree(roles, json.loads(r["roles"]))]
    if len(fits) == 1:
        return fits[0]["id"]
    if not name.first:
        full = sorted((r for r in fits if r["first_name"] is not None), key=lambda r: -r["quotes"])
        if full and full[0]["quotes"] >= DOMINANT * max(1, sum(r["quotes"] for r in full[1:])):
            # « Macron » in an archive that quotes Emmanuel Macron hundreds of times and Brigitte a few
            return full[0]["id"]
    bare = [r for r in fits if r["first_name"] is None]  # ambiguous: keep to the surname-only record
    return bare[0]["id"] if bare and not name.first else None


def find_quote(conn: sqlite3.Connection, norm: str, text: str, speaker_id: int | None) -> int | None:
    """The id of the stored quote this text repeats (same or unknown speaker), or None."""
    cands: dict[int, sqlite3.Row] = {}
    for r in conn.execute("SELECT id, norm, speaker_id FROM quotes WHERE norm = ?", (norm,)):
        cands[r["id"]] = r
    if speaker_id is not None:
        for r in conn.execute("SELECT id, norm, speaker_id FROM quotes WHERE speaker_id = ?", (speaker_id,)):
            cands[r["id"]] = r
    words = sorted(set(norm.split()), key=lambda w: (-len(w), w))[:6]
    if words and len(norm) >= MIN_FUZZY_LEN:
        query = " OR ".join(escape(w) for w in words)
        sql = (f"SELECT q.id, q.norm, q.speaker_id FROM {fts_table('quotes')} f JOIN quotes q ON q.id = f.rowid "
               f"WHERE {fts_table('quotes')} MATCH ? ORDER BY rank LIMIT 50")
        for r in conn.execute(sql, (query,)):
            cands[r["id"]] = r
    best, best_score = None, 0.0
    for qid, r in sorted(cands.items()):
        if speaker_id is not None and r["speaker_id"] is not None and r["speaker_id"] != speaker_id:
            continue
        score = similar(norm, r["norm"])
        if score >= MIN_RATIO and score > best_score:
            best, best_score = qid, score
    return best
