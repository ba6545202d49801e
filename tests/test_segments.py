"""Paragraphs the parser sees: line breaks, and the ones a scrape lost (glued paragraphs)."""
from __future__ import annotations

import pytest

from quotes.segments import glued_breaks, paragraphs


@pytest.mark.parametrize("text, after", [
    ("Les manifestants se sont dispersés place Bellecour.Des heurts ont suivi.", "Des heurts"),
    ("Le cortège est arrivé vers midi, a constaté l'AFP.David Martin, 48 ans, est venu de Lille.", "David"),
    ("« Nous resterons », a-t-il promis.« Rien ne nous arrêtera », a ajouté sa voisine.", "« Rien"),
    ("Le maire a-t-il répondu aux attentes?Oui, en partie.", "Oui"),
    ("Un débat à Annecy sur les impôtsL’augmentation du salaire minimum est-elle la réponse ?", "L’augmentation"),
])
def test_glued_paragraphs_are_cut(text, after):
    cuts = glued_breaks(text, 0, len(text))
    assert cuts and text[cuts[0]:].lstrip().startswith(after)
    assert [text[a:b] for a, b in paragraphs(text, [])][-1].lstrip().startswith(after)


@pytest.mark.parametrize("text", [
    "Le taux est passé de 1.5 à 2.3 points, selon M.Dupont.",
    "Le site lepoint.fr et l'appli WhatsApp ont relayé la vidéo de LinkedIn.",
    "Les États-Unis (U.S.A.) ont réagi.",
    "Il pleut depuis mardi. Le match est reporté à dimanche. « Rien ne presse. » Après la pluie.",
])
def test_no_cut_inside_numbers_initials_addresses_or_brands(text):
    assert glued_breaks(text, 0, len(text)) == []


def test_a_quote_across_a_glued_boundary_stays_one_paragraph():
    text = "« Je suis venu.Je reste », dit-il."
    guards = [(0, text.index("»") + 1)]
    assert paragraphs(text, guards) == [(0, len(text))]


def test_glued_paragraph_after_a_spaced_question_mark():
    text = "Que va-t-il se passer à Paris ?Emmanuel Macron doit parler ce soir."
    assert text[glued_breaks(text, 0, len(text))[0]:].startswith("Emmanuel")
