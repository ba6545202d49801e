"""The quote database: FTS, cross-article merge, idempotence, crash safety, CLI doors.

Articles and quotes are built by hand (our own French sentences), so no parser model is needed
except in the tests marked `model`, which run the extractor on the seed corpus.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.errors import QuotesError
from quotes.model import Article, Cue, Quote, Speaker
from quotes.store import QuoteDB
from quotes.store.fts import escape
from quotes.store.merge import first_names_agree, norm_text, parse_name, roles_agree, similar

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from quotes.cli import main; main()"]


def article(doc_id: str, parts: list[tuple[str, str, str | None, str | None]], **meta) -> tuple[Article, list[Quote]]:
    """An article made of paragraphs `open + quote + close, cue speaker.`, with exact offsets.

    parts: (quote text, marks "«»" or '""', speaker name, role).
    """
    text, quotes = "", []
    for n, (said, marks, who, role) in enumerate(parts):
        o, c = ("« ", " »") if marks == "«»" else ('"', '"')
        text += o
        start = len(text)
        text += said
        end = len(text)
        text += c + ", a déclaré "
        cue_start = len(text) - len("a déclaré ")
        text += f"{who or 'un responsable'}" + (f", {role}" if role else "") + ".\n"
        quotes.append(Quote(doc_id=doc_id, id=f"{doc_id}:{n}", type="direct", text=said, start=start, end=end,
                            speaker=Speaker(name=who, mention=who, kind="person" if who else "anonymous"),
                            role=role, cue=Cue(text="a déclaré", lemma="déclarer", start=cue_start,
                                               end=cue_start + 9),
                            rule="incise-after", confidence=0.9))
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return Article(doc_id=doc_id, text=text, **meta), quotes


# Two outlets telling one story: « » vs " ", one word changed, M. Durand vs Claire Durand.
LE_JOUR = article("le-jour-1", [
    ("La réforme des retraites est une étape importante pour le pays et nous irons jusqu'au bout",
     "«»", "Claire Durand", "ministre française du Travail"),
    ("Nous ne céderons rien", "«»", "Paul Martin", "secrétaire général du syndicat"),
], outlet="Le Jour", date="2024-03-01", url="https://lejour.example/reforme", title="Retraites : le bras de fer")
LA_VEILLE = article("la-veille-7", [
    ("La réforme des retraites est une étape essentielle pour le pays et nous irons jusqu'au bout",
     '""', "M. Durand", "ministre du Travail"),
    ("Le dialogue reste ouvert avec les partenaires sociaux", '""', "Durand", None),
], outlet="La Veille", date="2024-03-02")


@pytest.fixture
def db(tmp_path):
    with QuoteDB(tmp_path / "q.db") as store:
        yield store


def test_norm_text_folds_marks_case_accents_and_apostrophes():
    assert norm_text("« L’État,  c’est NOUS ! »") == norm_text('"l\'etat c\'est nous"') == "l etat c est nous"


def test_similar_needs_exact_text_when_short():
    assert similar(norm_text("Non"), norm_text("Non !")) == 100
    assert similar(norm_text("Nous céderons"), norm_text("Nous cédons")) == 0
    assert similar(norm_text("Le bilan est de 3 morts et de nombreux blessés"),
                   norm_text("Le bilan est de 5 morts et de nombreux blessés")) == 0


@pytest.mark.parametrize("name, kind, first, surname", [
    ("M. John Kerry", "person", "john", "kerry"),
    ("Kerry", "person", None, "kerry"),
    ("Dominique de Villepin", "person", "dominique", "villepin"),
    ("Mme Élise Lucet", "unknown", "elise", "lucet"),
])
def test_parse_name(name, kind, first, surname):
    got = parse_name(name, kind)
    assert (got.first, got.surname) == (first, surname)


def test_first_names_and_roles_agreement():
    assert first_names_agree("john", None) and first_names_agree("j.", "john")
    assert not first_names_agree("john", "jane")
    assert not first_names_agree("jean", "jean-marc")
    assert roles_agree(["secrétaire d'État américain"], ["chef de la diplomatie américaine"])
    assert not roles_agree(["ministre russe des Affaires étrangères"], ["ministre syrien"])
    assert roles_agree(["porte-parole"], ["ministre syrien"])


def test_fts_ignores_accents_both_ways(db):
    db.add_article(*LE_JOUR)
    assert [q.text[:12] for q in db.search("etape importante").quotes] == ["La réforme d"]
    assert db.search("ÉTAPE IMPORTANTE").total == 1
    assert db.search("étape absente").total == 0


def test_fts_matches_speaker_names(db):
    db.add_article(*LE_JOUR)
    assert {q.speaker for q in db.search("durand").quotes} == {"Claire Durand"}


@pytest.mark.parametrize("query", ['"', "OR", "NEAR(", "étape AND", "*", "l'étape\"", "a:b", "(((", "-x", "^"])
def test_any_user_text_is_a_valid_query(db, query):
    db.add_article(*LE_JOUR)
    db.search(query)  # must not raise
    assert escape(query).startswith('"')


@pytest.mark.parametrize("speaker", ["1" * 30, "9" * 19])
def test_a_speaker_filter_of_digits_too_long_or_not_ascii_is_a_name(db, speaker):
    db.add_article(*LE_JOUR)
    assert db.search("", speaker=speaker).total == 0  # no such speaker, and no error


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_fuzz_any_text_searches_without_error(db, query):
    if not db.counts()["articles"]:
        db.add_article(*LE_JOUR)
    try:
        page = db.search(query, speaker=query, outlet=query)
    except QuotesError as e:  # a name of symbols only (issue 12: an error, not a match-all)
        assert "has no letters or digits" in e.message and not norm_text(query)
        return
    assert page.total >= 0


def test_cross_article_merge_one_quote_two_occurrences(db):
    db.add_article(*LE_JOUR)
    db.add_article(*LA_VEILLE)
    hits = db.search("retraites").quotes
    assert len(hits) == 1
    q = hits[0]
    assert {o.article.outlet for o in q.occurrences} == {"Le Jour", "La Veille"}
    assert {o.text.split()[7] for o in q.occurrences} == {"importante", "essentielle"}
    assert q.speaker == "Claire Durand"
    assert "importante" in q.text  # the earliest wording is the canonical one
    assert db.search("etape essentielle").total == 1  # every wording is searchable
    assert q.first_date == "2024-03-01" and q.last_date == "2024-03-02"
    # each occurrence keeps its own offsets into its own article
    texts = {LE_JOUR[0].doc_id: LE_JOUR[0].text, LA_VEILLE[0].doc_id: LA_VEILLE[0].text}
    for o in q.occurrences:
        assert texts[o.article.doc_id][o.start:o.end] == o.text


def test_cross_article_merge_one_speaker(db):
    db.add_article(*LE_JOUR)
    db.add_article(*LA_VEILLE)
    durand = [s for s in db.speakers() if "Durand" in s.name]
    assert len(durand) == 1
    s = durand[0]
    assert (s.name, s.quotes, s.articles) == ("Claire Durand", 2, 2)
    assert set(s.roles) == {"ministre française du Travail", "ministre du Travail"}
    assert (s.first_date, s.last_date) == ("2024-03-01", "2024-03-02")


def test_different_quotes_stay_apart(db):
    db.add_article(*LE_JOUR)
    db.add_article(*LA_VEILLE)
    assert db.counts()["quotes"] == 3  # the retraites quote merged; the other two are different
    assert db.counts()["occurrences"] == 4


def test_contradicting_first_name_makes_another_speaker(db):
    db.add_article(*LE_JOUR)
    db.add_article(*article("autre-1", [("Les comptes publics sont dans le rouge depuis longtemps", "«»",
                                         "Marc Durand", "économiste")]))
    assert sorted(s.name for s in db.speakers() if "Durand" in s.name) == ["Claire Durand", "Marc Durand"]


def test_roles_of_another_country_make_another_speaker(db):
    db.add_article(*LE_JOUR)
    db.add_article(*article("autre-2", [("Nous avons signé l'accord avec nos voisins du sud", "«»",
                                         "Durand", "ministre russe de l'Économie")]))
    # the surname-only Durand is russe, Claire Durand is française: nothing merges them
    assert sorted(s.name for s in db.speakers() if "Durand" in s.name) == ["Claire Durand", "Durand"]


def test_same_text_different_speakers_are_two_quotes(db):
    db.add_article(*article("x-1", [("Nous irons jusqu'au bout de cette réforme", "«»", "Claire Durand", None)]))
    db.add_article(*article("x-2", [("Nous irons jusqu'au bout de cette réforme", "«»", "Paul Martin", None)]))
    assert db.counts()["quotes"] == 2


def _snapshot(store: QuoteDB) -> tuple:
    return ([s.model_dump() for s in store.speakers()], store.search().model_dump(), store.counts())


def test_reingest_is_idempotent(db):
    db.add_article(*LE_JOUR)
    db.add_article(*LA_VEILLE)
    before = _snapshot(db)
    db.add_article(*LE_JOUR)
    db.add_article(*LA_VEILLE)
    db.add_article(*LE_JOUR)
    assert _snapshot(db) == before


def test_same_text_under_another_id_replaces_it(db):
    art, quotes = LE_JOUR
    db.add_article(art, quotes)
    renamed = art.model_copy(update={"doc_id": "le-jour-copie"})
    db.add_article(renamed, [q.model_copy(update={"doc_id": "le-jour-copie"}) for q in quotes])
    assert db.counts()["articles"] == 1
    assert db.counts()["occurrences"] == 2
    assert {o.article.doc_id for q in db.search().quotes for o in q.occurrences} == {"le-jour-copie"}


def test_reingest_without_metadata_keeps_the_stored_metadata(db):
    art, quotes = LE_JOUR
    db.add_article(art, quotes)
    db.add_article(Article(doc_id=art.doc_id, text=""), quotes)  # as from a quotes-only JSONL
    ref = db.search("retraites").quotes[0].article
    assert (ref.outlet, ref.url, ref.date) == ("Le Jour", "https://lejour.example/reforme", "2024-03-01")
    assert db.conn.execute("SELECT text_hash FROM articles").fetchone()[0] is not None


def test_reingest_with_fewer_quotes_drops_the_old_ones(db):
    db.add_article(*LE_JOUR)
    art, quotes = LE_JOUR
    db.add_article(art, quotes[:1])
    assert db.search("céderons").total == 0
    assert not [s for s in db.speakers() if s.name == "Paul Martin"]
    assert db.counts() == {"articles": 1, "quotes": 1, "occurrences": 1, "speakers": 1}


def test_filters_speaker_outlet_since(db):
    db.add_article(*LE_JOUR)
    db.add_article(*LA_VEILLE)
    assert db.search(speaker="martin").total == 1
    assert db.search(speaker="durand").total == 2
    assert db.search(outlet="la veille").total == 2
    assert db.search(outlet="le jour").total == 2
    assert db.search(since="2024-03-02").total == 2
    assert db.search(since="2025").total == 0
    page = db.search(per_page=2, page=2)
    assert (page.total, len(page.quotes)) == (3, 1)


def test_bad_date_is_a_quotes_error(db):
    from quotes.errors import QuotesError

    with pytest.raises(QuotesError, match="not a date"):
        db.search(since="hier")


def test_readers_query_while_a_batch_writes(tmp_path):
    path = tmp_path / "q.db"
    with QuoteDB(path) as writer:
        writer.add_article(*LE_JOUR)
        writer.conn.execute("BEGIN IMMEDIATE")
        writer.conn.execute("DELETE FROM occurrences")  # uncommitted
        with QuoteDB(path, readonly=True) as reader:
            assert reader.search("retraites").total == 1
        writer.conn.execute("ROLLBACK")


def test_article_in_flight_rolls_back_whole(db):
    art, quotes = LE_JOUR
    bad = quotes + [None]  # the third "quote" fails half-way through the article
    with pytest.raises(AttributeError):
        db.add_article(art, bad)
    assert db.counts() == {"articles": 0, "quotes": 0, "occurrences": 0, "speakers": 0}


def test_schema_is_wal_and_fts_is_detectable(db):
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    sql = db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'").fetchone()[0]
    assert "content=\"quotes\"" in sql and "remove_diacritics 2" in sql


CHILD = textwrap.dedent("""
    import random, sys
    from quotes.model import Article, Quote, Speaker
    from quotes.store import QuoteDB
    words = ("réforme budget école hôpital route impôt emploi climat énergie loyer salaire train "
             "police justice santé retraite culture sport forêt rivière").split()
    rnd = random.Random(5)
    db = QuoteDB(sys.argv[1])
    for i in range(100000):
        text, quotes = "", []
        for k in range(6):
            said = "Nous voulons " + " ".join(rnd.choice(words) for _ in range(12))
            start = len(text) + 2
            text += "« " + said + " », a dit Jean Dupont" + str(i % 9) + ".\\n"
            quotes.append(Quote(doc_id=f"a{i}", id=f"a{i}:{k}", type="direct", text=said, start=start,
                                end=start + len(said), speaker=Speaker(name=f"Jean Dupont{i % 9}", kind="person")))
        db.add_article(Article(doc_id=f"a{i}", text=text, outlet="Le Test"), quotes)
        print(i, flush=True)
""")


def test_kill_mid_batch_keeps_a_consistent_database(tmp_path):
    path = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT)
    committed = -1
    for line in proc.stdout:
        committed = int(line)
        if committed >= 40:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")  # raises if the index drifted
    per_article = dict(conn.execute("SELECT a.doc_id, count(o.id) FROM articles a "
                                    "LEFT JOIN occurrences o ON o.article_id = a.id GROUP BY a.id"))
    assert len(per_article) >= committed + 1
    assert set(per_article.values()) == {6}, "an article is present without all its quotes"
    assert conn.execute("SELECT count(*) FROM occurrences o LEFT JOIN quotes q ON q.id = o.quote_id "
                        "WHERE q.id IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM quotes q WHERE occurrences != "
                        "(SELECT count(*) FROM occurrences o WHERE o.quote_id = q.id)").fetchone()[0] == 0
    conn.close()
    with QuoteDB(path) as store:  # opens and accepts more work
        store.add_article(*LE_JOUR)


# ---- the CLI doors -------------------------------------------------------------------------


def _jsonl(path: Path, *articles) -> Path:
    lines = []
    for art, quotes in articles:
        for q in quotes:
            rec = json.loads(q.to_json())
            rec.update(outlet=art.outlet, date=art.date, url=art.url, title=art.title)
            lines.append(json.dumps(rec, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(*args, cwd=None):
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd)


def test_cli_db_add_twice_gives_identical_speakers(tmp_path):
    src = _jsonl(tmp_path / "q.jsonl", LE_JOUR, LA_VEILLE)
    db = str(tmp_path / "cli.db")
    assert _run("db", "add", str(src), "--db", db).returncode == 0
    once = _run("speakers", "--format", "jsonl", "--db", db).stdout
    assert _run("db", "add", str(src), "--db", db).returncode == 0
    twice = _run("speakers", "--format", "jsonl", "--db", db).stdout
    assert once == twice
    rows = [json.loads(line) for line in once.splitlines()]
    assert {"name", "quotes", "articles", "roles"} <= set(rows[0])
    assert rows[0]["name"] == "Claire Durand" and rows[0]["articles"] == 2


def test_cli_search_jsonl_has_speaker_role_cue_article_occurrences(tmp_path):
    db = str(tmp_path / "cli.db")
    _run("db", "add", str(_jsonl(tmp_path / "q.jsonl", LE_JOUR, LA_VEILLE)), "--db", db)
    out = _run("search", "etape importante", "--format", "jsonl", "--db", db)
    assert out.returncode == 0, out.stderr
    (rec,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert rec["speaker"] == "Claire Durand" and rec["cue"] == "a déclaré"
    assert rec["role"] in ("ministre française du Travail", "ministre du Travail")
    assert rec["article"]["outlet"] == "Le Jour" and len(rec["occurrences"]) == 2
    table = _run("search", "retraites", "--db", db)
    assert "Claire Durand" in table.stdout and "La Veille" in table.stdout


@pytest.mark.parametrize("args, message", [
    (("search", "x", "--db", "missing.db"), "no such database"),
    (("search", "x", "--since", "hier", "--db", "DB"), "not a date"),
    (("db", "add", "nope.jsonl", "--db", "DB"), "nope.jsonl"),
    (("db", "add", "BAD", "--db", "DB"), "not a quote record"),
    (("speakers", "--db", "NOTDB"), "not a"),
])
def test_cli_bad_input_is_one_line_and_nonzero(tmp_path, args, message):
    db = tmp_path / "ok.db"
    QuoteDB(db).close()
    (tmp_path / "bad.jsonl").write_text('{"doc_id": "x"}\n', encoding="utf-8")
    (tmp_path / "notdb").write_text("bonjour\n" * 100, encoding="utf-8")
    subst = {"DB": str(db), "BAD": str(tmp_path / "bad.jsonl"), "NOTDB": str(tmp_path / "notdb")}
    out = _run(*[subst.get(a, a) for a in args], cwd=tmp_path)
    assert out.returncode != 0
    assert message in out.stderr
    assert "Traceback" not in out.stderr


# ---- the seed corpus, end to end (needs the spaCy model) -----------------------------------


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    out = _run("extract", str(ROOT / "corpus"), "--db", str(db))
    assert out.returncode == 0, out.stderr
    return db


@pytest.mark.model
def test_seeds_one_kerry_in_three_articles(seeds_db):
    with QuoteDB(seeds_db, readonly=True) as store:
        kerry = [s for s in store.speakers() if "Kerry" in s.name]
    assert len(kerry) == 1
    assert kerry[0].name == "John Kerry" and kerry[0].articles >= 3


@pytest.mark.model
def test_seeds_search_etape_importante_finds_kerry_in_seed_004(seeds_db):
    out = _run("search", "etape importante", "--format", "jsonl", "--db", str(seeds_db))
    recs = [json.loads(line) for line in out.stdout.splitlines()]
    assert any(r["speaker"] == "John Kerry" and r["article"]["doc_id"] == "seed-004" for r in recs)


@pytest.mark.model
def test_seeds_speakers_identical_after_second_ingest(seeds_db, tmp_path):
    import shutil

    db = tmp_path / "again.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(str(seeds_db) + suffix).exists():
            shutil.copy(str(seeds_db) + suffix, str(db) + suffix)
    once = _run("speakers", "--format", "jsonl", "--db", str(db)).stdout
    assert _run("extract", str(ROOT / "corpus"), "--db", str(db)).returncode == 0
    assert _run("speakers", "--format", "jsonl", "--db", str(db)).stdout == once


def _body_article(doc_id: str, body: str) -> tuple[Article, list[Quote]]:
    art, quotes = article(doc_id, [(f"La circulation reste difficile sur la rocade {doc_id}", "«»", body, None),
                                   (f"Des déviations sont en place autour de {doc_id}", "«»", body, None)])
    return art, [q.model_copy(update={"speaker": q.speaker.model_copy(update={"kind": "organization"})})
                 for q in quotes]


def test_a_generic_body_is_one_speaker_per_article_not_across_articles(db):
    """Issue 13: « la préfecture » of one article is not « la préfecture » of another."""
    db.add_article(*_body_article("nord-1", "préfecture"))
    db.add_article(*_body_article("sud-2", "préfecture"))
    generic = [s for s in db.speakers() if s.name == "préfecture"]
    assert sorted((s.quotes, s.articles) for s in generic) == [(2, 1), (2, 1)]
    db.add_article(*_body_article("nord-3", "préfecture du Finistère"))
    db.add_article(*_body_article("nord-4", "préfecture du Finistère"))
    specific = [s for s in db.speakers() if s.name == "préfecture du Finistère"]
    assert [(s.quotes, s.articles) for s in specific] == [(4, 2)]


def test_the_same_full_name_is_one_speaker_whatever_the_roles(db):
    db.add_article(*LE_JOUR)
    db.add_article(*article("autre-3", [("Nous avons signé l'accord avec nos voisins du sud", "«»",
                                         "Claire Durand", "ministre russe de l'Économie")]))
    assert [s.name for s in db.speakers() if "Durand" in s.name] == ["Claire Durand"]


def test_a_bare_surname_goes_to_the_person_of_that_name_the_archive_quotes_far_more(db):
    claire = [(f"Nous tiendrons bon sur la réforme, point numéro {n}", "«»", "Claire Durand", None) for n in range(10)]
    db.add_article(*article("claire-1", claire))
    db.add_article(*article("marc-1", [("Les comptes publics sont dans le rouge", "«»", "Marc Durand", None)]))
    db.add_article(*article("bare-1", [("Le dialogue reste ouvert avec les partenaires", "«»", "Durand", None)]))
    assert sorted((s.name, s.quotes) for s in db.speakers() if "Durand" in s.name) == [
        ("Claire Durand", 11), ("Marc Durand", 1)]
    # eleven to two is not ten times more: the bare surname stays a record of its own
    db.add_article(*article("marc-2", [("Le budget sera voté en décembre prochain", "«»", "Marc Durand", None)]))
    db.add_article(*article("bare-2", [("Nous verrons bien au printemps prochain", "«»", "Durand", None)]))
    assert ("Durand", 1) in [(s.name, s.quotes) for s in db.speakers()]


def test_a_name_the_archive_knows_as_a_body_is_that_body_whatever_the_order(db):
    def one(doc_id: str, said: str, kind: str):
        art, quotes = article(doc_id, [(said, "«»", "Vinci Routes", None)])
        q = quotes[0]
        return art, [q.model_copy(update={"speaker": q.speaker.model_copy(update={"kind": kind})})]
    db.add_article(*one("a-1", "Le trafic reste perturbé sur le réseau du sud", "person"))
    db.add_article(*one("b-2", "Les péages ont été dégradés cette nuit encore", "organization"))
    db.add_article(*one("c-3", "Deux échangeurs restent fermés jusqu'à lundi", "person"))
    assert [(s.name, s.kind, s.quotes) for s in db.speakers() if "Vinci" in s.name] == [
        ("Vinci Routes", "organization", 3)]


def test_a_person_named_by_first_name_alone_is_one_record_per_article(db):
    db.add_article(*article("vox-1", [("On ne lâchera rien cette fois-ci", "«»", "Thierry", None),
                                      ("Nous reviendrons samedi prochain", "«»", "Thierry", None)]))
    db.add_article(*article("vox-2", [("Je travaille depuis mes seize ans", "«»", "Thierry", None)]))
    db.add_article(*article("vox-3", [("Le budget sera voté en décembre", "«»", "Paul Thierry", None)]))
    assert sorted((s.name, s.quotes, s.articles) for s in db.speakers() if "Thierry" in s.name) == [
        ("Paul Thierry", 1, 1), ("Thierry", 1, 1), ("Thierry", 2, 1)]
    # once the archive has a Thierry by surname, the bare word is that surname again
    db.add_article(*article("vox-4", [("Le vote aura lieu en janvier prochain", "«»", "Thierry", None)]))
    assert ("Paul Thierry", 2, 2) in [(s.name, s.quotes, s.articles) for s in db.speakers()]


def test_a_person_s_name_that_opens_on_a_known_body_is_a_branch_of_it(db):
    def one(doc_id: str, said: str, who: str, kind: str):
        art, quotes = article(doc_id, [(said, "«»", who, None)])
        q = quotes[0]
        return art, [q.model_copy(update={"speaker": q.speaker.model_copy(update={"kind": kind})})]
    db.add_article(*one("a-1", "Le trafic reste perturbé sur le réseau du sud", "Vinci Routes", "person"))
    db.add_article(*one("b-2", "Les péages ont été dégradés cette nuit encore", "Vinci", "organization"))
    db.add_article(*one("c-3", "Deux échangeurs restent fermés jusqu'à lundi", "Vinci Routes", "person"))
    kinds = sorted((s.name, s.kind, s.quotes) for s in db.speakers() if "Vinci" in s.name)
    assert kinds == [("Vinci", "organization", 1), ("Vinci Routes", "organization", 2)]
