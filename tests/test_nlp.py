"""Our document model and its backends: spaCy (with the model) and the stanza adapter (without one)."""
from __future__ import annotations

import importlib.util
import textwrap

import pytest

from quotes.errors import ModelMissing
from quotes.nlp.doc import Doc, Token, build_sentences, forbid_breaks

HAS_STANZA = importlib.util.find_spec("stanza") is not None


def _tokens(text: str) -> list[Token]:
    out, pos = [], 0
    for i, word in enumerate(text.split()):
        start = text.index(word, pos)
        pos = start + len(word)
        out.append(Token(i, word, start, pos, word.lower(), "X", "", i, "dep"))
    return out


def test_forbid_breaks_clears_starts_inside_a_guard_only():
    text = "« Un . Deux » , dit-il . Trois ."
    toks = _tokens(text)
    starts = [True] * len(toks)
    guarded = forbid_breaks(toks, starts, [(0, text.index("dit") + 1)])
    kept = [t.text for t, s in zip(toks, guarded) if s]
    assert kept == ["«", ".", "Trois", "."]  # nothing starts between « and the incise


def test_doc_lookups_by_offset():
    text = "Le maire a parlé ."
    doc = Doc(text, _tokens(text))
    doc.sents = build_sentences(doc.tokens, [True] + [False] * 4)
    assert doc.token_at(text.index("maire") + 2) == 1
    assert list(doc.tokens_between(3, 11)) == [1, 2]
    assert doc.sent_of(3).first == 0 and doc.sent_of(3).last == 5


@pytest.mark.model
def test_spacy_backend_offsets_index_the_raw_text(backend):
    text = "Titre\n\nLe ministre\u00a0a dit\u202f: « Non\u00a0! »\nFin."
    doc = backend.parse(text, [(0, len(text))], [])
    assert all(text[t.start:t.end] == t.text for t in doc.tokens)
    assert not any(t.text.isspace() for t in doc.tokens)


@pytest.mark.model
def test_spacy_sentences_never_split_inside_a_quote(parse):
    text = ("« Le moment est venu. Ils doivent décider. Nous verrons bien », a déclaré la porte-parole. "
            "Elle est partie ensuite.")
    doc = parse(text)
    first = doc.sents[0]
    assert text[first.start:first.end].endswith("a déclaré la porte-parole.")
    assert len(doc.sents) == 2


@pytest.mark.model
def test_spacy_opening_guillemet_is_not_cut_off(parse):
    text = "Il a conclu. « Nous reviendrons », a-t-il promis."
    doc = parse(text)
    assert [text[s.start:s.end] for s in doc.sents] == ["Il a conclu.", "« Nous reviendrons », a-t-il promis."]


@pytest.mark.model
def test_spacy_paragraphs_start_sentences(parse):
    text = "Un titre sans point\nLe maire a parlé hier."
    doc = parse(text)
    assert [text[s.start:s.end] for s in doc.sents] == ["Un titre sans point", "Le maire a parlé hier."]


def test_missing_spacy_model_gives_a_hint():
    from quotes.nlp.spacy_backend import load_spacy

    with pytest.raises(ModelMissing) as info:
        load_spacy("fr_core_news_xx_absent")
    assert "pip install fr-core-news-xx-absent" in str(info.value)


CONLLU = textwrap.dedent("""\
    # text = « Non », a-t-il dit du bout des lèvres à Paris.
    1\t«\t«\tPUNCT\t_\t_\t2\tpunct\t_\tstart_char=0|end_char=1
    2\tNon\tnon\tADV\t_\t_\t7\tccomp\t_\tstart_char=2|end_char=5
    3\t»\t»\tPUNCT\t_\t_\t2\tpunct\t_\tstart_char=6|end_char=7|SpaceAfter=No
    4\t,\t,\tPUNCT\t_\t_\t7\tpunct\t_\tstart_char=7|end_char=8
    5\ta\tavoir\tAUX\t_\tMood=Ind|Tense=Pres\t7\taux:tense\t_\tstart_char=9|end_char=10|SpaceAfter=No
    6\t-t-il\til\tPRON\t_\tGender=Masc|Number=Sing|Person=3\t7\tnsubj\t_\tstart_char=10|end_char=15
    7\tdit\tdire\tVERB\t_\tVerbForm=Part\t0\troot\t_\tstart_char=16|end_char=19
    8-9\tdu\t_\t_\t_\t_\t_\t_\t_\tstart_char=20|end_char=22
    8\tde\tde\tADP\t_\t_\t10\tcase\t_\t_
    9\tle\tle\tDET\t_\t_\t10\tdet\t_\t_
    10\tbout\tbout\tNOUN\t_\t_\t7\tobl\t_\tstart_char=23|end_char=27
    11\tdes\tde\tADP\t_\t_\t12\tcase\t_\tstart_char=28|end_char=31
    12\tlèvres\tlèvre\tNOUN\t_\t_\t10\tnmod\t_\tstart_char=32|end_char=38
    13\tà\tà\tADP\t_\t_\t14\tcase\t_\tstart_char=39|end_char=40
    14\tParis\tParis\tPROPN\t_\t_\t7\tobl\t_\tstart_char=41|end_char=46|ner=S-LOC|SpaceAfter=No
    15\t.\t.\tPUNCT\t_\t_\t7\tpunct\t_\tstart_char=46|end_char=47

    """)
TEXT = "« Non », a-t-il dit du bout des lèvres à Paris."


@pytest.mark.stanza
@pytest.mark.skipif(not HAS_STANZA, reason="stanza is not installed")
def test_stanza_adapter_from_conllu():
    from stanza.utils.conll import CoNLL

    from quotes.nlp.stanza_backend import from_stanza

    sdoc = CoNLL.conll2doc(input_str=CONLLU)
    sdoc.build_ents()
    doc = from_stanza(sdoc, TEXT)
    words = [t.text for t in doc.tokens]
    assert words[7:9] == ["de", "le"]  # UD splits du into two words…
    assert all(doc.tokens[k].mwt and TEXT[doc.tokens[k].start:doc.tokens[k].end] == "du" for k in (7, 8))  # …on one span
    assert all(TEXT[t.start:t.end] == t.text for t in doc.tokens if not t.mwt)
    dit = words.index("dit")
    assert doc.tokens[dit].head == dit and doc.tokens[dit].dep == "root"
    assert doc.tokens[words.index("-t-il")].head == dit
    assert doc.tokens[words.index("bout")].head == dit
    assert [(TEXT[e.start:e.end], e.label) for e in doc.ents] == [("Paris", "LOC")]
    assert len(doc.sents) == 1


@pytest.mark.stanza
@pytest.mark.skipif(not HAS_STANZA, reason="stanza is not installed")
def test_stanza_adapter_aligns_tokens_without_offsets_and_merges_split_quotes():
    from stanza.utils.conll import CoNLL

    from quotes.nlp.stanza_backend import from_stanza

    text = "« Oui. Non », dit Léa."
    rows = ["«", "Oui", ".", "Non", "»", ",", "dit", "Léa", "."]
    conllu = "# text = « Oui.\n" + "".join(
        f"{i}\t{w}\t{w.lower()}\tX\t_\t_\t0\troot\t_\t_\n" if i == 1 else f"{i}\t{w}\t{w.lower()}\tX\t_\t_\t1\tdep\t_\t_\n"
        for i, w in enumerate(rows[:3], 1)) + "\n# text = Non », dit Léa.\n" + "".join(
        f"{i}\t{w}\t{w.lower()}\tX\t_\t_\t0\troot\t_\t_\n" if i == 1 else f"{i}\t{w}\t{w.lower()}\tX\t_\t_\t1\tdep\t_\t_\n"
        for i, w in enumerate(rows[3:], 1)) + "\n"
    sdoc = CoNLL.conll2doc(input_str=conllu)
    doc = from_stanza(sdoc, text, guards=[(0, text.index("dit"))])
    assert all(text[t.start:t.end] == t.text for t in doc.tokens)
    assert len(doc.sents) == 1  # stanza split inside the quote; the guard merged it back


def test_stanza_backend_without_models_gives_a_hint(monkeypatch):
    from quotes.nlp.stanza_backend import StanzaBackend

    if not HAS_STANZA:
        with pytest.raises(ModelMissing):
            StanzaBackend("fr")
        return
    import stanza

    def no_model(*args, **kwargs):
        raise FileNotFoundError("resources.json")

    monkeypatch.setattr(stanza, "Pipeline", no_model)
    with pytest.raises(ModelMissing) as info:
        StanzaBackend("fr")
    assert "stanza.download" in str(info.value)


def test_an_opening_mark_after_a_full_stop_starts_a_sentence_straight_or_glued():
    text = 'Il est parti . " Non " , dit-il . Bel-RTL. " Oui " , dit-elle .'
    toks = _tokens(text)
    starts = [False] * len(toks)
    opening = [text.index('" Non'), text.index('" Oui')]
    guarded = forbid_breaks(toks, starts, [(a, a + 5) for a in opening])
    assert [t.start for t, s in zip(toks, guarded) if s] == opening  # after « . » and after « Bel-RTL. »
    initial = 'Signé J. " Non " .'
    toks = _tokens(initial)
    assert not any(forbid_breaks(toks, [False] * len(toks), [(initial.index('"'), len(initial))]))


@pytest.mark.model
def test_a_mark_glued_after_a_full_stop_is_its_own_token(parse):
    text = '"Nous resterons fermes", a-t-il dit sur Radio-Nord."Chacun peut manifester", a-t-il ajouté.'
    doc = parse(text)
    assert any(t.text == '"' and t.start == text.index('."') + 1 for t in doc.tokens)
    assert len(doc.sents) == 2


@pytest.mark.model
def test_no_sentence_starts_right_after_a_word(parse):
    text = "Selon Marine Le Pen, la réforme des retraites est une erreur grave pour le pays."
    assert len(parse(text).sents) == 1
    # nor inside a hyphenated first name the tokenizer split (Anne - Marie)
    assert len(parse("Anne-Marie Idrac a reçu les élus mardi.").sents) == 1


def test_a_name_the_tagger_cut_at_its_hyphen_runs_on(quotes_of):
    qs = quotes_of("Anne-Marie Idrac a reçu les élus mardi. « Nous avancerons », a-t-elle dit.")
    assert qs["Nous avancerons"].speaker.name == "Anne-Marie Idrac"
