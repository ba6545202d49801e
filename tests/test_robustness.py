"""No input crashes extraction: hypothesis fuzzes `extract()`; pathological texts stay bounded."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import ingest, marks
from quotes.model import Article

PIECES = ["« ", " »", "«", "»", "“", "”", "„", '"', "‘", "’", "‹", "›", "\u00a0", "\u202f", "\n", "\n\n", " ",
          ", a-t-il dit", ", a déclaré le ministre", " selon M. Dupont", "Le maire a affirmé que ", ": ",
          "Il pleut", "c’est la fin", ". ", "?", "!", "— ", "- ", "Mme Roy", "Lire aussi ", "Articles similaires\n",
          "\x00", "\x07", "\ufeff", "\u200b", "é", "Œ", "🙂", "(", ")", "…"]

texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join),
)


@pytest.fixture(scope="module")
def extractor():
    from quotes import Extractor

    return Extractor()


def _check(extractor, text: str) -> None:
    for q in extractor.extract(text, "fuzz"):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert isinstance(q.boilerplate, bool)
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.mention
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text


@pytest.mark.model
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(text=texts)
def test_fuzz_extract_never_raises_and_offsets_hold(extractor, text):
    _check(extractor, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Le ministre a dit « " * 2000,                              # unbalanced, one paragraph
    "« " * 1500 + "oui" + " »" * 1500,                          # deep nesting
    "» " * 3000 + "« " * 3000,                                  # closers first
    "Le maire\x01 a déclaré\x07 : « Nous\x1b agirons », a-t-il dit.\x02\n" * 100,  # control characters
    "\n" * 5000 + "« Bon », dit-il." + " " * 5000,
])
def test_pathological_texts(extractor, text):
    _check(extractor, text)


def test_marks_bounded_drops_what_no_text_has():
    text = "Le ministre a dit « " * 10_000
    spans = marks.bounded(marks.scan(text), len(text))
    assert sum(s.end - s.start for s in spans if not s.closed) <= marks.UNCLOSED_BUDGET * len(text)
    nested = "« " * 500 + "oui" + " »" * 500
    kept = marks.bounded(marks.scan(nested), len(nested))
    assert kept and max(s.depth for s in kept) <= marks.MAX_DEPTH


def test_marks_bounded_leaves_ordinary_text_alone():
    text = "« Oui », a-t-il dit. Il a qualifié le projet de « très “politique” ». « Non"
    spans = marks.scan(text)
    assert marks.bounded(spans, len(text)) is spans


def test_a_20_mb_text_is_refused_quickly(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.write(("Le maire a déclaré « oui ». " * 40_000).encode() * 20)
    [got] = list(ingest.iter_read(str(big)))
    assert isinstance(got, ingest.InputError) and got.message.startswith("too large")


@pytest.mark.model
def test_workers_keep_order_and_isolate_a_failing_article(monkeypatch):
    from quotes import pipeline, workers

    real = pipeline.Extractor.extract

    def boom(self, text, doc_id="doc", parsed=None, date=None):
        if doc_id == "boom":
            raise RuntimeError("kaboom")
        return real(self, text, doc_id, parsed, date)

    monkeypatch.setattr(pipeline.Extractor, "extract", boom)  # forked workers inherit it
    items = [(i, Article(doc_id=f"a{i}", text=f"« Phrase numéro {i} », a dit le maire.")) for i in range(7)]
    items.insert(3, ("bad", ingest.InputError("x.txt", "empty file")))
    items.insert(5, ("boom", Article(doc_id="boom", text="« Non », a dit le préfet.")))
    for n in (1, 2):
        got = list(workers.run(items, {}, workers=n))
        assert [tag for tag, _, _ in got] == [tag for tag, _ in items]
        results = {tag: r for tag, _, r in got}
        assert isinstance(results["bad"], ingest.InputError)
        assert isinstance(results["boom"], ingest.InputError) and "kaboom" in results["boom"].message
        assert [q.text for q in results[6]] == ["Phrase numéro 6"]
