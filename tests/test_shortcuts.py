"""The speed shortcuts of the spaCy backend: each gives what the long way gives, on sentences
written for these tests."""
from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from quotes.bench import Run, median
from quotes.nlp.doc import Doc
from quotes.nlp.name_windows import windows
from quotes.nlp.torchless import needs_torch

PARAGRAPH = (
    "Le premier ministre du Québec, François Legault, a rencontré mardi à Ottawa la ministre "
    "fédérale des Finances, Chrystia Freeland. Selon le cabinet de M. Legault, les deux élus ont "
    "discuté du financement des hôpitaux pendant plus de deux heures sans témoins ni conseillers. "
    "« Nous avons fait des progrès », a déclaré Mme Freeland à la sortie de la rencontre. La "
    "Fédération des médecins spécialistes du Québec a salué l'entente, tout comme l'Association "
    "des infirmières de Montréal. Les syndicats restent prudents et attendent de voir les chiffres."
)


def _words(text: str) -> list[str]:
    """Tokens as spaCy gives them: single spaces are not tokens, a line break is."""
    return text.replace("\n", " \n ").split(" ")


def test_windows_open_around_capitalised_words_only():
    words = _words("les syndicats restent prudents et attendent de voir les chiffres , dit Marie Tremblay .")
    (a, b), = windows(words, width=2)
    assert words[a:b] == [",", "dit", "Marie", "Tremblay", "."]


def test_a_common_word_starting_a_sentence_or_a_quote_opens_no_window():
    assert windows(_words("Les syndicats restent prudents . « Nous verrons bien . »\nSelon eux , non ."), 2) == []
    # not a common word: a name may start the sentence
    assert windows(_words("Legault reste prudent ."), width=2) == [(0, 3)]
    # mid-sentence, a capital is a name even when the word is common elsewhere (Le Devoir)
    assert windows(_words("selon le quotidien Le Devoir"), width=1) == [(2, 5)]


def test_windows_that_touch_merge_and_far_ones_do_not():
    words = _words("Marie et Paul sont partis ; plus tard , bien plus tard , très loin , Julie est arrivée")
    found = windows(words, width=2)
    assert found == [(0, 5), (14, 19)]


@pytest.mark.model
def test_ner_on_windows_finds_the_entities_of_a_full_ner_run(backend):
    from quotes.nlp.spacy_backend import SpacyBackend

    full = SpacyBackend(nlp=backend.nlp, ner_windows=False)
    region = [(0, len(PARAGRAPH))]
    fast, slow = backend.parse(PARAGRAPH, region, []), full.parse(PARAGRAPH, region, [])
    assert [(e.label, e.start, e.end) for e in fast.ents] == [(e.label, e.start, e.end) for e in slow.ents]
    assert {PARAGRAPH[e.start:e.end] for e in fast.ents} >= {"François Legault", "Chrystia Freeland"}
    assert fast.tokens == slow.tokens


@pytest.mark.model
def test_lemmas_of_the_set_indexed_lemmatizer(parse):
    doc = parse("Les ministres ont affirmé que les déclarations étaient fausses.")
    lemmas = {t.text: t.lemma for t in doc.tokens}
    assert lemmas["ministres"] == "ministre" and lemmas["affirmé"] == "affirmer"
    assert lemmas["déclarations"] == "déclaration" and lemmas["ont"] == "avoir"


@pytest.mark.model
def test_a_word_tagged_space_becomes_x_as_the_attribute_ruler_would(backend):
    from spacy.tokens import Doc as SpacyDoc

    sdoc = SpacyDoc(backend.nlp.vocab, words=["Bonjour", "zzz"], spaces=[True, False], pos=["INTJ", "SPACE"])
    out = Doc("Bonjour zzz")
    backend._convert(sdoc, 0, out, [])
    assert [(t.text, t.pos, t.morph) for t in out.tokens] == [("Bonjour", "INTJ", ""), ("zzz", "X", "")]
    assert out.tokens[1].lemma == "zzz"


def test_the_attribute_ruler_is_skipped_only_when_it_does_nothing_we_need():
    spacy = pytest.importorskip("spacy")
    from quotes.nlp.spacy_backend import _ruler_replaceable

    nlp = spacy.blank("fr")
    assert not _ruler_replaceable(nlp)  # no ruler: nothing to skip
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"POS": "NOUN"}]], {"TAG": "NOUN"})
    ruler.add([[{"POS": "SPACE", "IS_SPACE": False}]], {"TAG": "X", "POS": "X", "MORPH": "_"})
    assert _ruler_replaceable(nlp)
    ruler.add([[{"LOWER": "m."}]], {"LEMMA": "monsieur"})  # a rule of its own: it must run
    assert not _ruler_replaceable(nlp)


def test_models_that_name_torch_or_transformers_get_torch(tmp_path):
    plain, trf = tmp_path / "plain", tmp_path / "trf"
    for path, body in ((plain, '[components.tok2vec]\nfactory = "tok2vec"\n'),
                       (trf, '[components.transformer]\nfactory = "transformer"\n')):
        (path / "model-1.0").mkdir(parents=True)
        (path / "model-1.0" / "config.cfg").write_text(body, encoding="utf-8")
    assert not needs_torch(str(plain)) and needs_torch(str(trf))
    assert not needs_torch("no_such_model_anywhere") and not needs_torch(None)


@pytest.mark.model
@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed")
def test_the_spacy_backend_does_not_load_torch():
    code = ("import sys; from quotes.nlp.spacy_backend import SpacyBackend; b = SpacyBackend(); "
            "b.parse('Le maire a parlé.', [(0, 17)], []); print('torch' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "False", done.stderr[-500:]


def test_rounds_report_the_median_time_and_the_highest_memory():
    runs = [Run("extract", 2, 10, 100, s, rss) for s, rss in ((9.0, [5, 7]), (12.0, [6, 4]), (10.0, [5, 5]))]
    one = median(runs)
    assert one.seconds == 10.0 and one.samples == [9.0, 12.0, 10.0]
    assert one.peak_rss == [6, 7]


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
@pytest.mark.parametrize("with_out", [False, True])
def test_matmul_gemm_gives_blis_s_products(trans1, trans2, with_out):
    numpy = pytest.importorskip("numpy")
    from thinc.api import NumpyOps

    from quotes.nlp.matmul_ops import MatmulOps

    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((5, 7) if trans1 else (7, 5), dtype="float32")
    y = rng.standard_normal((3, 5) if trans2 else (5, 3), dtype="float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    out = numpy.full((7, 3), 99.0, dtype="float32") if with_out else None
    got = MatmulOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
    assert got.shape == (7, 3) and got.dtype == numpy.float32
    numpy.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    if with_out:
        assert got is out  # written in place, as callers that pass `out` expect


def test_matmul_gemm_refuses_what_blis_refuses():
    numpy = pytest.importorskip("numpy")
    from quotes.nlp.matmul_ops import MatmulOps

    with pytest.raises(ValueError, match="float32"):
        MatmulOps().gemm(numpy.ones((2, 2)), numpy.ones((2, 2)))


def _blas_threads(controller) -> set[int]:
    return {lib["num_threads"] for lib in controller.info() if lib["user_api"] == "blas"}


def test_one_blas_thread_holds_inside_gemm_and_is_lifted_after():
    numpy = pytest.importorskip("numpy")
    from thinc.api import Linear

    from quotes.nlp.matmul_ops import MatmulOps, blas_controller, one_blas_thread

    controller = blas_controller()
    if not _blas_threads(controller):
        pytest.skip("numpy has no BLAS library that threadpoolctl knows")
    seen = []

    class Spy(MatmulOps):
        def gemm(self, *args, **kwargs):
            seen.append(_blas_threads(controller))
            return super().gemm(*args, **kwargs)

    model = Linear(4, 3).initialize()
    for node in model.walk():
        node.ops = Spy()
    with controller.limit(limits=2, user_api="blas"):  # two threads where the machine has them
        before = _blas_threads(controller)
        with one_blas_thread(controller):
            model.predict(numpy.ones((6, 3), dtype="float32"))
        assert seen == [{1}]
        assert _blas_threads(controller) == before
        with one_blas_thread(None):  # not our pipeline: nothing changes
            assert _blas_threads(controller) == before


def test_a_pipeline_the_caller_passes_keeps_its_ops():
    spacy = pytest.importorskip("spacy")
    from thinc.api import NumpyOps

    from quotes.nlp.matmul_ops import MatmulOps
    from quotes.nlp.spacy_backend import SpacyBackend

    nlp = spacy.blank("fr")
    nlp.add_pipe("tagger").add_label("NOUN")
    nlp.initialize()
    ops = [node.ops for node in nlp.get_pipe("tagger").model.walk()]
    backend = SpacyBackend(nlp=nlp)
    assert [node.ops for node in nlp.get_pipe("tagger").model.walk()] == ops
    assert all(type(o) is NumpyOps for o in ops) and backend._blas is None
    assert [t.text for t in backend.parse("Le maire parle.", [(0, 15)], []).tokens] == ["Le", "maire", "parle", "."]
    assert not any(isinstance(node.ops, MatmulOps) for node in nlp.get_pipe("tagger").model.walk())


@pytest.mark.model
def test_the_backend_s_own_pipeline_multiplies_with_matmul_on_one_thread(backend, monkeypatch):
    from quotes.nlp.matmul_ops import MatmulOps

    layers = [node for _, proc in backend.nlp.components if hasattr(getattr(proc, "model", None), "walk")
              for node in proc.model.walk()]
    assert layers and all(isinstance(node.ops, MatmulOps) for node in layers)
    controller, seen, gemm = backend._blas, [], MatmulOps.gemm

    def spy(self, *args, **kwargs):
        seen.append(_blas_threads(controller))
        return gemm(self, *args, **kwargs)

    before = _blas_threads(controller)
    monkeypatch.setattr(MatmulOps, "gemm", spy)
    doc = backend.parse(PARAGRAPH, [(0, len(PARAGRAPH))], [])
    assert seen and all(threads <= {1} for threads in seen)
    assert _blas_threads(controller) == before
    assert {PARAGRAPH[e.start:e.end] for e in doc.ents} >= {"François Legault", "Chrystia Freeland"}
