"""The quotation-mark scanner: hard cases and properties (DESIGN principle 2)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.marks import DIALOGUE, SPACES, scan


def contents(text: str) -> list[str]:
    return [text[s.start:s.end] for s in scan(text)]


@pytest.mark.parametrize("text, expected", [
    ("Il a dit « bonjour à tous » hier.", ["bonjour à tous"]),
    ("Il a dit «\u00a0bonjour\u00a0» hier.", ["bonjour"]),              # no-break spaces
    ("Il a dit «\u202fbonjour\u202f» hier.", ["bonjour"]),              # narrow no-break spaces
    ("Il a dit «bonjour» hier.", ["bonjour"]),                          # no spaces
    ("Elle a écrit “nous partons” ce matin.", ["nous partons"]),
    ("Er sagte „wir gehen“ heute.", ["wir gehen"]),
    ("Il a lancé ‹ assez › puis il est parti.", ["assez"]),
    ('Le maire a dit "nous verrons" puis "plus tard".', ["nous verrons", "plus tard"]),
    ("Il a dit ‘oui’ sans hésiter.", ["oui"]),
])
def test_marks_pair_every_kind(text, expected):
    assert contents(text) == expected


def test_marks_apostrophes_never_close():
    text = "Aujourd’hui, l’élu a dit « c’est l’heure » et s’en est allé."
    assert contents(text) == ["c’est l’heure"]
    # a closing single quote is taken only when an opening one is open
    assert contents("L’homme qu’on attendait n’est pas venu.") == []


def test_marks_nesting_inner_quote_is_its_own_span():
    text = "« Il m’a dit “je reviens” avant de partir », raconte Paul."
    spans = scan(text)
    assert [(text[s.start:s.end], s.depth) for s in spans] == [
        ("Il m’a dit “je reviens” avant de partir", 0), ("je reviens", 1)]


def test_marks_straight_quotes_nested_in_guillemets():
    text = "« Le mot \"crise\" est faible », dit-elle."
    assert contents(text) == ["Le mot \"crise\" est faible", "crise"]


def test_marks_paragraph_opening_with_guillemet_continues_the_quote():
    text = "« Nous avons gagné.\n\n« Et nous gagnerons encore », a-t-il conclu.\n\nFin."
    spans = scan(text)
    assert len(spans) == 1
    assert text[spans[0].start:spans[0].end] == "Nous avons gagné.\n\n« Et nous gagnerons encore"


def test_marks_unclosed_quote_ends_with_its_paragraph():
    text = "« Nous partons demain, a dit Paul.\n\nLe lendemain, il pleuvait. « Oui », dit-il."
    spans = scan(text)
    assert contents(text) == ["Nous partons demain, a dit Paul.", "Oui"]
    assert spans[0].closed is False and spans[1].closed is True


def test_marks_guillemet_typed_for_closing_one():
    # a « followed by a comma ends the open quote (a typo newsrooms make)
    text = "« Nous verrons bien « , a-t-il dit."
    assert contents(text) == ["Nous verrons bien"]


def test_marks_stray_closers_are_ignored():
    assert contents("Un » égaré puis « une vraie citation ».") == ["une vraie citation"]
    assert contents('Un écran de 12" et « rien ».') == ["rien"]


def test_marks_dialogue_dashes():
    text = ("« Vous êtes en retard, dit le juge.\n\n- Le bus est tombé en panne ! s’exclame le prévenu.\n\n"
            "- Asseyez-vous. »\n\nLa séance reprend.")
    spans = scan(text)
    assert [text[s.start:s.end] for s in spans] == [
        "Vous êtes en retard, dit le juge.", "Le bus est tombé en panne ! s’exclame le prévenu.", "Asseyez-vous."]
    assert [s.mark for s in spans] == ["«", DIALOGUE, DIALOGUE]


def test_marks_dash_reply_closed_by_guillemet():
    text = "« Je n’ai rien vu », répond le témoin.\n- Vous étiez pourtant sur place, je crois. », insiste l’avocate."
    assert contents(text)[-1] == "Vous étiez pourtant sur place, je crois."


def test_marks_hard_wrapped_line_does_not_end_the_quote():
    text = "« Nous allons continuer à travailler avec\nles syndicats », a dit la ministre."
    assert contents(text) == ["Nous allons continuer à travailler avec\nles syndicats"]


def test_marks_thousands_of_unbalanced_openers_stay_local():
    text = ("« " * 10_000) + "\n\nUn paragraphe normal où « tout va bien »."
    spans = scan(text)
    assert "tout va bien" in [text[s.start:s.end] for s in spans]
    assert all("\n" not in text[s.start:s.end] for s in spans)


MARKS = "«»‹›“”„‘’\"'"
alphabet = st.sampled_from(list(MARKS) + list("ab é,.!?-—:") + [" ", "\n", "\n\n", "\u00a0", "\u202f", "l’"])


@settings(max_examples=400, deadline=None)
@given(st.lists(alphabet, max_size=120).map("".join))
def test_marks_properties_on_any_input(text):
    spans = scan(text)
    for s in spans:
        assert 0 <= s.open_start < s.start <= s.end <= s.close_end <= len(text)
        assert text[s.open_start] in "«‹“„‘\"”" + "-—–"
        assert text[s.start] not in SPACES + "\n" and text[s.end - 1] not in SPACES + "\n"
        # never swallows the next paragraph unless that paragraph continues the quote
        inside = text[s.start:s.end]
        for k, part in enumerate(inside.split("\n")[1:]):
            assert part.strip(SPACES)[:1] in ("«", "‹", "“", '"') or (k == 0 and "\n\n" not in inside) or not part.strip(SPACES)
    # spans are nested or disjoint
    for a in spans:
        for b in spans:
            if a is not b and a.open_start < b.open_start < a.close_end:
                assert b.close_end <= a.close_end


def test_a_line_of_a_lone_mark_is_no_hard_wrapped_sentence():
    """Found by hypothesis: « ««⏎«⏎a » ran into the last paragraph."""
    text = "««\n«\na"
    assert all("a" not in text[s.start:s.end] for s in scan(text))
