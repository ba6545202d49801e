"""Issue 12: nothing a user or a page visitor sends can stall, crash or silently corrupt.

Each test pins one reproduction of the reliability review. Work is asserted as counts (lines of
`quotes` code executed, lengths handed to the tokenizer, threads), never as wall time: timings
are printed by `tests/load_burst.py` and `quotes bench`.
"""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import quotes
from quotes import budget, ingest, pipeline, workers
from quotes.errors import QuotesError
from quotes.model import Article
from quotes.store import QuoteDB, validate
from quotes.store.schema import DDL_V1

from test_store import LE_JOUR, article

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from quotes.cli import main; main()"]
PACKAGE = str(Path(quotes.__file__).parent)


def lines_run(fn) -> int:
    """How many lines of the `quotes` package `fn()` executes: a measure of work that does not
    depend on the machine's load (the parser's own C code is not counted)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    sys.settrace(lambda frame, event, arg: local if frame.f_code.co_filename.startswith(PACKAGE) else None)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


# Texts heavy with quotes in one paragraph: before issue 12 each one made some stage walk all the
# quotes (or the whole sentence) for every quote, so doubling the text quadrupled the work.
HEAVY = {
    "short-quotes": lambda n: "a « b » " * n,
    "incises": lambda n: "« Oui », a dit M. Dupont. " * (n // 3),
    "selon": lambda n: "selon M. Roy « oui » " * (n // 3),
    "dialogue": lambda n: "- Oui, c’est ça. »\n" * (n // 2),
    "commas": lambda n: "« a », b " * n,
}


@pytest.mark.model
@pytest.mark.parametrize("make", HEAVY.values(), ids=HEAVY.keys())
def test_extraction_work_grows_linearly_on_texts_heavy_with_quotes(extractor, make):
    n = 400
    small = lines_run(lambda: extractor.extract(make(n)))
    double = lines_run(lambda: extractor.extract(make(2 * n)))
    assert double / small < 2.4, (small, double)  # linear: 2.0; the quadratic stages gave 2.6 to 3.9


@pytest.mark.model
def test_a_run_of_forty_thousand_marks_is_not_parsed(extractor):
    text = "«" * 40_000
    doc, spans = extractor.parse(text)
    assert doc.tokens == [] and extractor.extract(text) == []
    mixed = "Le maire a dit : « Nous partirons demain. » " + "»" * 500 + " Fin."
    run = mixed.index("»" * 500)
    doc, _ = extractor.parse(mixed)
    assert {t.text for t in doc.tokens} >= {"maire", "partirons", "Fin"}
    assert not any(run <= t.start < run + 500 for t in doc.tokens)


@pytest.mark.model
def test_long_runs_reach_the_tokenizer_in_pieces(backend):
    from quotes.nlp.spacy_backend import MAX_RUN, make_doc

    pieces = []
    real = backend.nlp.make_doc

    class Spy:
        def make_doc(self, text):
            pieces.append(max((len(w) for w in text.split()), default=0))
            return real(text)

    text = "Il a écrit " + "«»" * 3000 + " et rien d'autre."
    doc = make_doc(Spy(), text)
    assert max(pieces) <= MAX_RUN and len(pieces) > 1
    assert doc.text == text and [t.text for t in doc] == [t.text for t in real(text)]
    assert [t.is_sent_start for t in doc][1:] == [t.is_sent_start for t in real(text)][1:]


def _runaway(monkeypatch):
    """A sieve that never returns on an article holding the word `lent` (as a quadratic stage would)."""
    from quotes.sieves import context

    real = context.SentenceSubject.attribute

    def forever(self, q, ctx):
        while "lent" in ctx.text:
            pass
        return real(self, q, ctx)

    monkeypatch.setattr(context.SentenceSubject, "attribute", forever)


@pytest.mark.model
@pytest.mark.parametrize("n", [1, 2])
def test_a_runaway_article_trips_its_budget_and_the_batch_goes_on(monkeypatch, n):
    _runaway(monkeypatch)  # forked workers inherit it
    texts = ["« Nous partirons », a dit le maire.", "Il a parlé d'une « voie lente » hier.",
             "« Nous resterons », a dit le préfet."]
    items = [(i, Article(doc_id=f"a{i}", text=t)) for i, t in enumerate(texts)]
    got = {tag: r for tag, _, r in workers.run(items, {"time_limit": 1}, workers=n)}
    assert [q.text for q in got[0]] == ["Nous partirons"] and [q.text for q in got[2]] == ["Nous resterons"]
    assert isinstance(got[1], ingest.InputError) and "1 s time budget" in got[1].message


@pytest.mark.model
def test_the_budget_holds_in_a_thread_between_stages(backend, monkeypatch):
    from quotes import entities

    class Slow(entities.EntityModel):
        def __init__(self, doc, quoted=(), year=None):
            time.sleep(1.5)
            super().__init__(doc, quoted, year)

    monkeypatch.setattr(pipeline, "EntityModel", Slow)
    ex = pipeline.Extractor(backend=backend, time_limit=0.5)
    errors = []

    def run():
        try:
            ex.extract("« Nous partirons », a dit le maire.")
        except budget.ArticleTimeout as e:
            errors.append(e)

    t = threading.Thread(target=run)
    t.start()
    t.join(30)
    assert len(errors) == 1


def test_the_budget_is_restored_after_a_block():
    with budget.limit(30):
        with budget.limit(60):  # the earlier deadline stands
            budget.check()
        budget.check()
    budget.check()  # no budget left behind
    with pytest.raises(budget.ArticleTimeout):
        with budget.limit(0.2):
            time.sleep(2)


def test_the_default_extractor_is_built_once_by_many_threads(monkeypatch):
    built = []

    class Counting:
        def __init__(self):
            time.sleep(0.2)  # the window in which a second thread used to start its own model
            built.append(self)

        def extract(self, text, doc_id):
            return []

    monkeypatch.setattr(pipeline, "Extractor", Counting)
    monkeypatch.setattr(pipeline, "_default", None)
    threads = [threading.Thread(target=pipeline.extract, args=("« Oui », dit-il.",)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1


@pytest.mark.model
def test_one_extractor_shared_by_threads_gives_the_sequential_results(extractor):
    texts = [f"« Le chantier numéro {i} avance », a déclaré le maire Paul Roy." for i in range(8)]
    expected = [[q.model_dump() for q in extractor.extract(t, f"d{i}")] for i, t in enumerate(texts)]
    got: dict[int, list] = {}

    def run(i):
        got[i] = [q.model_dump() for q in extractor.extract(texts[i], f"d{i}")]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[i] for i in range(8)] == expected


# -- search --------------------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path):
    with QuoteDB(tmp_path / "q.db") as store:
        store.add_article(*LE_JOUR)
        store.add_article(*article("dated", [("Le pont rouvrira avant l'hiver prochain", "«»", "Paul Roy", None)],
                                   date="7-12-2018"))
        store.add_article(*article("undated", [("Rien ne sera fait avant les élections", "«»", "Léa Roux", None)],
                                   date="2019-13-45"))
        yield store


@pytest.mark.parametrize("text, why", [(" ".join(["mot"] * 5000), "words"), ("x" * 2000, "too long"),
                                       ("caf\udce9", "UTF-8")])
def test_long_or_broken_search_text_is_refused(db, text, why):
    with pytest.raises(QuotesError, match=why):
        db.search(text)


def test_search_work_is_capped_by_the_word_limit(db):
    """The FTS query grows with the words allowed, never with what a visitor sends."""
    assert db.search(" ".join(["étape"] * validate.MAX_QUERY_WORDS)).total == 1


@pytest.mark.parametrize("value", ["%", "\\", "« »", "--", "’"])
def test_a_speaker_of_symbols_only_is_an_error_not_a_match_all(db, value):
    with pytest.raises(QuotesError, match="no letters or digits"):
        db.search(speaker=value)


def test_only_ascii_digits_are_a_speaker_id(db):
    one = db.search(speaker="1")
    assert one.total > 0 and all(q.speaker_id == 1 for q in one.quotes)
    assert db.search(speaker="-1").total == 0 and db.search(speaker="１").total == 0


@pytest.mark.parametrize("field", ["speaker", "outlet"])
def test_a_50001_char_filter_is_an_error(db, field):
    with pytest.raises(QuotesError, match="too long"):
        db.search(**{field: "a" * 50_001})


def test_integers_are_clamped_to_what_sqlite_counts(db):
    page = db.search(page=99999999999999999999)
    assert page.quotes == [] and page.page == validate.MAX_PAGE
    assert len(db.speakers(99999999999999999999)) == db.counts()["speakers"]
    assert db.search(per_page="99999999999999999999").per_page == 500


@pytest.mark.parametrize("raw, iso", [("7-12-2018", "2018-12-07"), ("07/12/2018", "2018-12-07"),
                                      ("2018-12-07T10:00:00Z", "2018-12-07"), ("7 décembre 2018", "2018-12-07"),
                                      ("Fri, 07 Dec 2018 10:00:00 +0000", "2018-12-07"), ("2018-12", "2018-12"),
                                      ("2019-13-45", None), ("31-02-2019", None), ("hier", None), ("", None)])
def test_dates_are_parsed_as_dates(raw, iso):
    assert validate.iso_date(raw) == iso


def test_since_compares_dates_not_text(db):
    assert db.search(since="2099-01-01").total == 0  # 7-12-2018 used to sort after 2099 as text
    assert "Le pont rouvrira avant l'hiver prochain" not in {q.text for q in db.search(since="2019-01-01").quotes}
    assert db.search(since="2019-01-01").total == 2 and db.search(since="1-12-2018").total == 3
    with pytest.raises(QuotesError, match="not a date"):
        db.search(since="2019-13-45")


def test_article_dates_are_stored_iso_with_the_given_value_kept(db):
    rows = dict(db.conn.execute("SELECT doc_id, date FROM articles").fetchall())
    raw = dict(db.conn.execute("SELECT doc_id, date_raw FROM articles").fetchall())
    assert rows["dated"] == "2018-12-07" and raw["dated"] == "7-12-2018"
    assert rows["undated"] is None and raw["undated"] == "2019-13-45"


def test_a_v1_database_is_migrated_to_iso_dates(tmp_path):
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(DDL_V1 + "INSERT INTO articles (doc_id, date, added_at) VALUES ('a', '7-12-2018', 'x');"
                       "PRAGMA user_version = 1;")
    conn.close()
    with QuoteDB(path) as store:
        assert store.conn.execute("SELECT date, date_raw FROM articles").fetchone()[:] == ("2018-12-07", "7-12-2018")


# -- the web server --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from quotes.web.server import serve_in_thread

    path = tmp_path_factory.mktemp("hostile") / "web.db"
    with QuoteDB(path) as store:
        store.add_article(*LE_JOUR)
    srv, url = serve_in_thread(path, allowed_hosts=["quotes.example.org"])
    yield srv, url
    srv.shutdown()


def _raw(port: int, request: bytes) -> tuple[int, dict, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def _get(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, dict, bytes]:
    return _raw(port, f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())


def _secure(headers: dict) -> bool:
    return headers.get("x-content-type-options") == "nosniff" and "default-src 'none'" in headers.get(
        "content-security-policy", "") and headers.get("content-type", "").startswith("application/json")


@pytest.mark.parametrize("path, status", [
    ("/api/quotes?q=" + "+".join(["mot"] * 5000), 400), ("/api/quotes?page=99999999999999999999", 200),
    ("/api/speakers?top=99999999999999999999", 200), ("/api/quotes?speaker=" + "a" * 50_001, 400),
    ("/api/quotes?outlet=" + "a" * 50_001, 400), ("/api/quotes?speaker=%25", 400), ("/api/quotes?since=7-12-2018", 200),
    ("/nowhere", 404)])
def test_hostile_queries_get_json_and_the_headers(server, path, status):
    got, headers, body = _get(server[0].server_port, path)
    assert got == status and _secure(headers)
    assert "Traceback" not in body.decode() and (status == 200 or "error" in json.loads(body))


@pytest.mark.parametrize("host, status", [("127.0.0.1", 200), ("localhost:1234", 200), ("[::1]", 200),
                                          ("quotes.example.org", 200), ("evil.example", 400),
                                          ("127.0.0.1.evil.example", 400)])
def test_only_allowed_host_names_are_answered(server, host, status):
    got, headers, body = _get(server[0].server_port, "/api/outlets", host)
    assert got == status and _secure(headers)
    if status == 400:
        assert "host not allowed" in json.loads(body)["error"]


def test_a_malformed_request_gets_json_and_the_headers(server):
    got, headers, body = _raw(server[0].server_port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\n\r\n")
    assert got == 400 and _secure(headers) and json.loads(body) == {"error": "bad request"}


def test_an_exception_in_the_app_is_a_json_500_without_traceback():
    from quotes.web.server import Guard

    def broken(environ, start_response):
        raise RuntimeError("secret internals")

    seen = {}
    body = b"".join(Guard(broken)({"HTTP_HOST": "localhost", "PATH_INFO": "/"},
                                  lambda status, headers, exc_info=None: seen.update(status=status,
                                                                                     headers=dict(headers))))
    assert seen["status"].startswith("500") and json.loads(body) == {"error": "internal error"}
    assert seen["headers"]["X-Content-Type-Options"] == "nosniff" and b"secret" not in body


def test_idle_half_sent_connections_hold_no_thread(server):
    srv, _ = server
    before = threading.active_count()
    idle = []
    for _ in range(60):
        s = socket.create_connection(("127.0.0.1", srv.server_port), timeout=10)
        s.sendall(b"GET /api/outlets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        idle.append(s)
    try:
        got, _, body = _get(srv.server_port, "/api/outlets")
        assert got == 200 and json.loads(body) == ["Le Jour"]
        assert threading.active_count() <= before + 1  # a thread per connection would add 60
    finally:
        for s in idle:
            s.close()


# -- names are data ---------------------------------------------------------------------------------

@pytest.mark.model
def test_a_batch_with_odd_names_writes_every_good_record(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text("« Nous partirons demain », a déclaré le maire Paul Roy.\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as f:
        f.write("« Le projet avance bien », a affirmé la ministre Claire Dubois.\n")
    (folder / "m.jsonl").write_text("\n".join([
        json.dumps({"id": "dup", "text": "« Premier texte ici », a dit le préfet Jean Martin."}),
        '{"id": "bad\\ud800", "text": "« Oui », a dit le maire."}',
        '{"id": "t1", "title": "Titre \\udc80", "text": "« Oui », a dit le maire."}',
        json.dumps({"id": "dup", "text": "« Second texte ici », a dit le préfet Jean Martin."}),
        json.dumps({"id": "last", "text": "« Encore un texte », a dit le juge Marc Roy."})]) + "\n", encoding="utf-8")
    (folder / "z-good.txt").write_text("« Dernier bon texte », a dit la mairesse Anne Roy.\n", encoding="utf-8")
    out, db = tmp_path / "out.jsonl", tmp_path / "out.db"
    r = subprocess.run([*CLI, "extract", str(folder), "-o", str(out), "--db", str(db), "--with-text"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "Traceback" not in r.stderr and "internal error" not in r.stderr
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a-good", "caf\\xe9", "dup", "last", "z-good"]
    assert "`id` holds a lone surrogate" in r.stderr and "`title` holds a lone surrogate" in r.stderr
    assert "duplicate id 'dup'" in r.stderr and "3 failed" in r.stderr
    with QuoteDB(db, readonly=True) as store:
        texts = {q.occurrences[0].article.doc_id: q.text for q in store.search(per_page=50).quotes}
    assert texts["dup"] == "Premier texte ici" and len(texts) == 5  # the first `dup` is kept, not overwritten


def test_a_search_argument_that_is_not_utf8_is_one_line(tmp_path):
    with QuoteDB(tmp_path / "q.db") as store:
        store.add_article(*LE_JOUR)
    r = subprocess.run([*CLI, "search", os.fsdecode(b"caf\xe9"), "--db", str(tmp_path / "q.db")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "not valid UTF-8" in r.stderr


def test_surrogates_in_a_quotes_jsonl_are_a_clear_error(tmp_path):
    path = tmp_path / "q.jsonl"
    rec = LE_JOUR[1][0].model_dump()
    path.write_text(json.dumps(rec).replace('"le-jour-1"', '"le-jour\\ud800"', 1) + "\n", encoding="utf-8")
    with QuoteDB(tmp_path / "q.db") as store, pytest.raises(QuotesError, match="lone surrogate"):
        store.add_jsonl(path)
