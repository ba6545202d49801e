"""The pipeline end to end on composed French texts: offsets always index the raw input."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.model

PIECES = [
    "« Nous partirons demain », a déclaré la ministre Claire Dubois.",
    "Selon la police, trois personnes ont été arrêtées.",
    "Le maire Paul Roy a affirmé que la route restera fermée.",
    "« Oui, dit-elle. Non ! »",
    "La situation, a-t-il estimé, est grave.",
    "Il a ajouté qu’il était « très inquiet » pour la suite.",
    "“Rien n’est joué”, a lancé l’entraîneur.",
    "- Vous êtes en retard ! s’exclame le juge.",
    "Aujourd’hui, l’élu n’a rien dit.",
    "« Un paragraphe sans fin",
    "»",
    "\"",
]
SEPARATORS = [" ", "\n", "\n\n", "\u00a0", "\u202f", "", "  "]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=7))
def test_offsets_index_the_raw_text(extractor, parts):
    text = "".join(p + sep for p, sep in parts)
    for q in extractor.extract(text, "p"):
        assert text[q.start:q.end] == q.text and q.text.strip()
        if q.speaker and q.speaker.start is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.mention
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        assert 0 <= q.confidence <= 1


def test_extract_library_call_and_extractor_reuse(extractor):
    from quotes import Quote, extract

    quotes = extract("« C’est fini », a lancé Marc Dion.")
    assert isinstance(quotes[0], Quote) and quotes[0].speaker.name == "Marc Dion"
    assert extractor.extract("", "vide") == []
    assert extractor.extract("Aucune citation ici.", "rien") == []


def test_explain_adds_a_trace(backend):
    from quotes import Extractor

    q = Extractor(backend=backend, explain=True).extract("Le juge Paul Roy se lève. « Silence dans la salle ! »")[0]
    assert q.trace and any("declined" in step for step in q.trace)


def test_min_confidence_drops_the_less_sure(backend):
    from quotes import Extractor

    text = "« Le club ira loin », a lancé Marc Giroux.\n\n« Nous avons les joueurs. »"
    cued, continued = Extractor(backend=backend).extract(text)
    assert continued.rule == "continuation" and continued.confidence < cued.confidence  # an incise is surer
    floor = (cued.confidence + continued.confidence) / 2
    sure = Extractor(backend=backend, min_confidence=floor).extract(text)
    assert [q.text for q in sure] == ["Le club ira loin"]


def test_pipe_keep_going_gives_the_failing_article_an_error(backend):
    from quotes import Extractor
    from quotes.ingest import InputError
    from quotes.model import Article

    class Flaky:
        """The real backend, except that it breaks on any text holding PANNE."""

        def parse(self, text, *rest):
            if "PANNE" in text:
                raise RuntimeError("panne du parseur")
            return backend.parse(text, *rest)

        def parse_many(self, jobs):
            return [self.parse(*job) for job in jobs]

    ex = Extractor(backend=Flaky())
    articles = [Article(doc_id=f"a{k}", text=t) for k, t in enumerate(
        ["« Nous partirons », a dit Paul Roy.", "PANNE « Non », a dit Léa Roy.", "« Oui », a dit Marc Dion."])]
    got = list(ex.pipe(articles, batch_size=3, keep_going=True))
    assert [a.doc_id for a, _ in got] == ["a0", "a1", "a2"]
    assert got[1][1] == InputError("a1", "extraction failed (RuntimeError: panne du parseur)")
    assert got[0][1][0].speaker.name == "Paul Roy" and got[2][1][0].speaker.name == "Marc Dion"
    with pytest.raises(RuntimeError):
        list(ex.pipe(articles, batch_size=3))
