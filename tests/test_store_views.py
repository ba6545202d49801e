"""What the page and the CLI show from the store: context, filters, speakers, figures, exports.

Articles are written by hand (our own French sentences) with exact offsets; no model needed.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.errors import QuotesError
from quotes.model import Article, Cue, Quote, Speaker
from quotes.store import QuoteDB, StoredQuote, export
from quotes.store.context import PARAGRAPH, WINDOW, around, site
from quotes.store.schema import DDL_V1

from test_store import LE_JOUR, article


def said(doc_id: str, text: str, quoted: str, kind: str = "direct", who: str | None = None,
         speaker_kind: str = "person", confidence: float = 0.9, n: int = 1, **meta) -> tuple[Article, list[Quote]]:
    """An article whose one quote is `quoted`, found in `text` (offsets exact)."""
    start = text.index(quoted)
    mention = who or ("un haut responsable" if speaker_kind == "anonymous" else None)
    speaker = Speaker(name=who, mention=mention, kind=speaker_kind) if mention else None
    q = Quote(doc_id=doc_id, id=f"{doc_id}:{n}", type=kind, text=quoted, start=start, end=start + len(quoted),
              speaker=speaker, cue=Cue(text="a affirmé", lemma="affirmer", start=0, end=9) if who else None,
              rule="cue-subject" if speaker else None, confidence=confidence)
    return Article(doc_id=doc_id, text=text, **meta), [q]


PARAPHRASE = said("para-1", "Le conseil a siégé lundi.\nLa maire Lucie Fortin a affirmé que le pont rouvrirait en mai. "
                  "Les travaux ont pris du retard.\nLa séance a été levée à midi.",
                  "le pont rouvrirait en mai", "indirect", "Lucie Fortin", outlet="Le Courrier", date="2024-05-06",
                  url="https://www.lecourrier.example/pont")
ANONYMOUS = said("anon-1", "Selon un haut responsable, « rien n'est encore décidé sur le tracé ».",
                 "rien n'est encore décidé sur le tracé", speaker_kind="anonymous", confidence=0.85,
                 url="https://journal.example/trace", date="2024-05-08")
NOBODY = said("nobody-1", "Le texte évoque « une étape décisive pour la vallée ».", "une étape décisive pour la vallée",
              confidence=0.2, outlet="Le Courrier", date="2024-05-15")


@pytest.fixture
def store(tmp_path):
    with QuoteDB(tmp_path / "v.db") as db:
        for art in (PARAPHRASE, ANONYMOUS, NOBODY, LE_JOUR):
            db.add_article(*art)
        yield db


# --- the context stored at ingest ---

def test_context_is_the_paragraph_holding_the_quote():
    text = "Titre\nLa maire a dit : « Le pont rouvrira. » Elle est partie.\nFin."
    a, b = around(text, text.index("Le pont"), text.index(". »"))
    assert text[a:b] == "La maire a dit : « Le pont rouvrira. » Elle est partie."


@pytest.mark.parametrize("before, after", [
    ("Il pleuvait sur Bruxelles. ", " Tout le monde est rentré."),     # sentences apart
    ("Il pleuvait sur Bruxelles.", "Emmanuel est rentré."),            # glued: a capital right after the period
])
def test_context_of_a_long_paragraph_is_the_sentences_around(before, after):
    filler = "Une phrase de remplissage sans rapport. " * 20
    middle = "M. Roux a déclaré que « la ligne sera prolongée »."
    text = filler + before + middle + after + " " + filler
    start = text.index("la ligne")
    a, b = around(text, start, start + len("la ligne sera prolongée"))
    assert text[a:b] == middle, "M. is not a sentence end; the sentences before and after are cut off"


def test_context_without_sentence_ends_is_cut_at_words():
    text = "mot " * 400
    a, b = around(text, 800, 812)
    assert 800 - a <= WINDOW and b - 812 <= WINDOW
    assert text[a - 1] == " " and text[b] == " "


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .\n«»É", max_size=PARAGRAPH * 3), st.data())
def test_context_always_holds_the_quote(text, data):
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    a, b = around(text, start, end)
    assert a <= start and end <= b


@pytest.mark.parametrize("url, expected", [("https://www.lesoleil.com/actualite/x", "lesoleil.com"),
                                           ("http://journal.example/a?b=1", "journal.example"),
                                           ("javascript:alert(1)", None), ("pas une adresse", None), (None, None)])
def test_site_is_the_host_of_an_http_url(url, expected):
    assert site(url) == expected


def test_search_gives_the_context_split_at_the_quote(store):
    q = store.search("pont rouvrirait", min_confidence=0).quotes[0]
    o = q.occurrences[0]
    assert o.context_before == "La maire Lucie Fortin a affirmé que "
    assert o.context_after == ". Les travaux ont pris du retard."
    assert o.article.site == "lecourrier.example"


def test_readding_an_article_without_its_text_keeps_the_context(store):
    art, quotes = PARAPHRASE
    store.add_article(Article(doc_id=art.doc_id, text=""), quotes)  # a quotes-only JSONL
    o = store.search("pont rouvrirait").quotes[0].occurrences[0]
    assert o.context_before == "La maire Lucie Fortin a affirmé que "


def test_db_add_stores_the_context_of_with_text_records(tmp_path):
    art, quotes = PARAPHRASE
    path = tmp_path / "in.jsonl"
    path.write_text(quotes[0].to_json()[:-1] + ', "article": ' + art.model_dump_json() + "}\n", encoding="utf-8")
    with QuoteDB(tmp_path / "w.db") as db:
        db.add_jsonl(path)
        assert db.search("pont").quotes[0].occurrences[0].context_after == ". Les travaux ont pris du retard."


def test_a_version_1_database_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(DDL_V1)
    conn.execute("INSERT INTO articles (doc_id, url, added_at) VALUES ('a', 'https://www.journal.example/x', 'now')")
    conn.execute("INSERT INTO quotes (text, norm, type) VALUES ('Nous verrons', 'nous verrons', 'direct')")
    conn.execute("INSERT INTO occurrences (quote_id, article_id, record_id, text, start, \"end\", type, speaker_kind, "
                 "confidence) VALUES (1, 1, 'a:1', 'Nous verrons', 0, 12, 'direct', 'anonymous', 0.85)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with QuoteDB(path, readonly=True) as db:  # what `quotes serve` or `quotes search` opens
        q = db.search().quotes[0]
        assert (q.confidence, q.speaker_kind, q.article.site) == (0.85, "anonymous", "journal.example")
        assert q.occurrences[0].context_before is None


# --- filters and order ---

def test_min_confidence_hides_the_unattributed(store):
    assert store.search("vallee").total == 1
    assert store.search("vallee", min_confidence=0.5).total == 0


def test_known_keeps_only_named_speakers(store):
    every = {q.text for q in store.search(min_confidence=0).quotes}
    known = {q.text for q in store.search(known=True).quotes}
    assert "rien n'est encore décidé sur le tracé" in every - known
    assert "une étape décisive pour la vallée" in every - known
    assert "le pont rouvrirait en mai" in known


def test_order_by_date_either_way_and_by_relevance(store):
    newest = [q.last_date for q in store.search(order="newest").quotes]
    assert newest == sorted(newest, reverse=True)
    oldest = [q.first_date for q in store.search(order="oldest").quotes]
    assert oldest == sorted(oldest)
    assert store.search("pont", order="relevance").quotes[0].text == "le pont rouvrirait en mai"
    with pytest.raises(QuotesError, match="unknown order"):
        store.search(order="alphabetical")


def test_outlet_filter_finds_the_site_of_an_article_without_outlet(store):
    assert [q.text for q in store.search(outlet="journal.example").quotes] == ["rien n'est encore décidé sur le tracé"]
    assert "journal.example" in store.outlets() and "Le Courrier" in store.outlets()


# --- speakers ---

def test_find_speakers_by_part_of_a_name_a_page_at_a_time(store):
    got = store.find_speakers("fortin")
    assert got.total == 1 and got.speakers[0].name == "Lucie Fortin"
    page = store.find_speakers(None, page=2, per_page=2)
    assert page.total == 3 and len(page.speakers) == 1  # Lucie Fortin, Claire Durand, Paul Martin


def test_speaker_detail_counts_outlets_and_weeks(store):
    sid = store.find_speakers("fortin").speakers[0].id
    d = store.speaker(sid)
    assert d.speaker.name == "Lucie Fortin" and d.speaker.quotes == 1
    assert [(c.label, c.quotes) for c in d.outlets] == [("Le Courrier", 1)]
    assert [(c.label, c.quotes) for c in d.weeks] == [("2024-05-06", 1)]  # a Monday
    with pytest.raises(QuotesError, match="no speaker"):
        store.speaker(999)


# --- figures ---

def test_figures_split_each_outlet_by_kind_of_source(store):
    f = store.figures()
    by = {o.outlet: o for o in f.outlets}
    courrier = by["Le Courrier"]
    assert (courrier.quotes, courrier.person, courrier.unattributed) == (2, 1, 1)
    assert by["journal.example"].anonymous == 1
    assert by["Le Jour"].person == 2
    assert f.top_speakers[0].quotes == 1 and f.quotes == 5


def test_weeks_start_on_monday_and_skip_what_is_no_date(tmp_path):
    with QuoteDB(tmp_path / "w.db") as db:
        db.add_article(*said("w1", "« Un » a dit Marc Roy.", "Un", who="Marc Roy", date="2024-05-12"))   # a Sunday
        db.add_article(*said("w2", "« Deux » a dit Marc Roy.", "Deux", who="Marc Roy", date="2024-05-13"))  # Monday
        db.add_article(*said("w3", "« Trois » a dit Marc Roy.", "Trois", who="Marc Roy", date="13-5-2024"))  # ISO at ingest
        db.add_article(*said("w4", "« Quatre » a dit Marc Roy.", "Quatre", who="Marc Roy", date="2024-13-45"))
        assert [(w.label, w.quotes) for w in db.figures().weeks] == [("2024-05-06", 1), ("2024-05-13", 2)]
        assert db.figures().quotes == 4


# --- exports ---

def test_csv_has_one_row_per_quote_and_defuses_formulas(store, tmp_path):
    store.add_article(*said("formula", "Il a écrit « =HYPERLINK(\"http://x\") ».", "=HYPERLINK(\"http://x\")",
                            who="Marc Roy"))
    rows = list(csv.DictReader(io.StringIO("".join(export.csv_lines(store.search_all(min_confidence=0))))))
    assert len(rows) == store.search(min_confidence=0).total == 6
    assert tuple(rows[0]) == export.COLUMNS
    formula = next(r for r in rows if "HYPERLINK" in r["text"])
    assert formula["text"] == "'=HYPERLINK(\"http://x\")"
    anon = next(r for r in rows if r["speaker_kind"] == "anonymous")
    assert anon["source"] == "un haut responsable" and anon["urls"] == "https://journal.example/trace"


def test_jsonl_lines_are_stored_quotes(store):
    lines = list(export.jsonl_lines(store.search_all("pont")))
    assert len(lines) == 1 and StoredQuote.model_validate(json.loads(lines[0])).type == "indirect"


def test_search_all_walks_every_page(tmp_path):
    with QuoteDB(tmp_path / "many.db") as db:
        for i in range(3):
            db.add_article(*article(f"a{i}", [(f"Phrase numéro {i} du long feuilleton municipal de la ville",
                                               "«»", "Hugo Petit", None)]))
        assert len(list(db.search_all())) == 3
        assert [q.id for q in db.search_all()] == [q.id for q in db.search(per_page=10).quotes]


# --- the CLI doors: the same display rules as the page ---

def cli(*args: str, db=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from quotes.cli import main; main()", *args,
                           *(["--db", str(db)] if db else [])], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}, timeout=120)


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "cli.db"
    with QuoteDB(path) as db:
        for art in (PARAPHRASE, ANONYMOUS, NOBODY, LE_JOUR):
            db.add_article(*art)
    return path


def test_cli_search_marks_only_direct_quotes(db_file):
    r = cli("search", "--min-confidence", "0", db=db_file)
    assert r.returncode == 0, r.stderr
    assert "« Nous ne céderons rien »" in r.stdout and "direct quote" in r.stdout
    assert "« le pont" not in r.stdout and "le pont rouvrirait en mai" in r.stdout
    assert "reported speech, not verbatim" in r.stdout
    assert "anonymous source" in r.stdout and "un haut responsable" in r.stdout
    assert "unattributed" in r.stdout and "confidence 0.20" in r.stdout
    assert "journal.example 2024-05-08" in r.stdout  # the url's site stands in for the missing outlet


def test_cli_search_says_what_the_default_confidence_hides(db_file):
    r = cli("search", "vallee", db=db_file)
    assert "0 quote(s)" in r.stdout and "1 quote(s) attributed with a confidence under 0.5 hidden" in r.stderr
    assert "hidden" not in cli("search", "pont", db=db_file).stderr


def test_cli_search_all_is_for_exports(db_file):
    r = cli("search", "--all", db=db_file)
    assert r.returncode == 2 and "--format csv" in r.stderr
    lines = cli("search", "--all", "--format", "jsonl", "--min-confidence", "0", db=db_file).stdout.splitlines()
    assert len(lines) == 5


def test_cli_stats_prints_the_figures_page(db_file):
    r = cli("stats", db=db_file)
    assert r.returncode == 0, r.stderr
    assert "4 articles, 5 quotes, 3 speakers" in r.stdout
    assert re.search(r"Le Courrier\s*│\s*2\s*│\s*1 \(50 %\)\s*│\s*0 \(0 %\)\s*│\s*0 \(0 %\)\s*│\s*1 \(50 %\)", r.stdout)
    weeks = re.findall(r"(\d{4}-\d\d-\d\d)\s*│\s*(\d+)", r.stdout)
    assert weeks == [("2024-02-26", "2"), ("2024-05-06", "2"), ("2024-05-13", "1")]  # Le Jour's 1 March: a Friday
    figures = json.loads(cli("stats", "--format", "jsonl", db=db_file).stdout)
    assert figures["quotes"] == 5 and figures["top_speakers"][0]["kind"] == "person"
