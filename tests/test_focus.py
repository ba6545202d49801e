"""Parse only what needs it: which sentences `focus.regions` keeps (no model needed)."""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes import focus, marks
from quotes.pipeline import guard, paragraphs


@pytest.fixture(autouse=True)
def _short_texts_focused_too(monkeypatch):
    monkeypatch.setattr(focus, "WHOLE_BELOW", 0)  # the tests' texts are short


def _kept(text: str) -> list[str]:
    guards = [guard(text, s) for s in marks.scan(text)]
    return [text[a:b] for a, b in focus.regions(text, paragraphs(text, guards), guards)]


def test_sentences_never_cut_inside_a_quote_or_after_a_title():
    text = "« Il pleut. Il vente. » M. Dupont est parti. Mme Roy aussi."
    guards = [guard(text, s) for s in marks.scan(text)]
    got = [text[a:b] for a, b in focus.sentences(text, 0, len(text), guards)]
    assert got == ["« Il pleut. Il vente. » M. Dupont est parti. ", "Mme Roy aussi."]


def test_quote_cue_and_source_sentences_kept_narrative_dropped():
    text = ("La neige est tombée toute la nuit sur la région. "
            "Les routes étaient glissantes au petit matin. "
            "« Nous avons salé toutes les rues », a-t-il indiqué.\n"
            "Le maire a affirmé que la ville était prête. "
            "Selon la préfecture, trois accidents ont eu lieu. "
            "Les écoles sont restées ouvertes.")
    kept = " ".join(_kept(text))
    assert "« Nous avons salé toutes les rues »" in kept
    assert "Le maire a affirmé que la ville était prête." in kept
    assert "Selon la préfecture" in kept
    assert "La neige est tombée" not in kept and "Les écoles sont restées ouvertes" not in kept


def test_speaker_named_before_a_pronoun_incise_is_kept():
    text = ("Le match a été long. Marc Trestman abondait dans le même sens. "
            "« On doit être plus disciplinés », a-t-il dit.")
    assert _kept(text) == ["Marc Trestman abondait dans le même sens. « On doit être plus disciplinés », a-t-il dit."]


def test_full_name_of_a_speaker_is_kept_from_anywhere_in_the_article():
    text = ("Le secrétaire d'État John Kerry est arrivé jeudi à Moscou.\n"
            "Il fait beau sur la Place Rouge.\n"
            "« C'est une promesse », a martelé M. Kerry.")
    kept = _kept(text)
    assert "Le secrétaire d'État John Kerry est arrivé jeudi à Moscou." in kept
    assert "Il fait beau sur la Place Rouge." not in kept


def test_speech_verb_forms_need_a_report_not_a_noun():
    text = ("La proposition a été rejetée par le conseil. "
            "Les informations manquent encore sur ce dossier.")
    assert _kept(text) == []


def test_a_paragraph_kept_whole_is_one_region_as_before():
    text = "« Oui », a dit le maire. « Non », a répondu la ministre."
    guards = [guard(text, s) for s in marks.scan(text)]
    assert focus.regions(text, paragraphs(text, guards), guards) == paragraphs(text, guards)


def test_boilerplate_zone_kept_only_for_quotes():
    text = "Le maire a affirmé que tout allait bien.\nLire aussi: Le préfet a déclaré que non.\n"
    guards = [guard(text, s) for s in marks.scan(text)]
    zone = (text.index("Lire"), len(text))
    assert focus.regions(text, paragraphs(text, guards), guards, [zone]) == [(0, text.index("\n"))]


def test_ce_que_keeps_the_paragraph_before_it():
    text = ("La ministre devrait présenter des excuses après la controverse.\n\n"
            "C'est ce qu'a réclamé le Parti québécois lundi à la suite d'une erreur.")
    assert _kept(text)[0] == "La ministre devrait présenter des excuses après la controverse."


def test_incise_after_the_content_is_kept():
    text = "Les pêcheurs sont furieux devant la décision du ministère, déclare le président de la fédération."
    assert _kept(text) == [text]


def test_token_at_is_none_in_unparsed_parts():
    from quotes.nlp.doc import Doc, Token

    doc = Doc("Il pleut. Elle dit oui.", parsed=[(10, 23)])
    doc.tokens = [Token(i=0, text="Elle", start=10, end=14, lemma="elle", pos="PRON", morph="", head=1, dep="nsubj")]
    assert doc.token_at(3) is None  # "pleut" was not parsed: no token, not the next one
    assert doc.token_at(10) == 0


def test_short_texts_are_parsed_whole(monkeypatch):
    monkeypatch.setattr(focus, "WHOLE_BELOW", 600)
    text = "Il neige. Les routes sont glissantes."
    assert focus.regions(text, [(0, len(text))], []) == [(0, len(text))]


def test_alternatives_share_the_starts_of_neighbouring_words_only():
    assert focus._alternatives(["abond", "accus", "admis"]) == "a(?:bond|ccus|dmis)"
    assert focus._alternatives(["confi", "confirm", "dis"]) == "confi(?:|rm)|dis"
    assert focus._alternatives([r"sous\-entend", r"sous\-entendu"]) == r"sous\-entend(?:|u)"
    # a pattern that is not plain text (a phrase with \s+) is kept whole, in its place
    assert focus._alternatives(["a", r"a\s+en\s+croire", "ab"]) == r"a|a\s+en\s+croire|ab"


_WORDS = st.lists(st.text("aàb-' ", min_size=1, max_size=5), max_size=12, unique=True)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text("aàb-' x", max_size=40), ordered=st.booleans())
def test_alternatives_match_what_the_plain_alternation_matches(words, text, ordered):
    items = [regex.escape(w) for w in (sorted(words) if ordered else words)] + [r"b\s+a"]
    shape = r"(?<!\w)(?:{})(?:a|à|)(?!\w)"
    plain = regex.compile(shape.format("|".join(items)))
    shared = regex.compile(shape.format(focus._alternatives(items)))
    assert [m.span() for m in shared.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_cue_pattern_finds_verb_forms_and_sources_not_nouns():
    found = [m.group() for m in focus._cue_pattern().finditer(
        "selon le maire, elle a declare et confirme qu'il affirmait tout; la proposition tient")]
    assert found == ["selon", "declare", "confirme", "affirmait"]
