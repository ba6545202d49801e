"""What a vox pop says a person is, when no role list holds the word: « Jean-Luc, cariste retraité »,
« Léo, 17 ans, lycéen en grève », « Jean-Claude, un retraité de 62 ans ».

French news introduces the people it meets by a first name, an age and a bare description set off by
commas. That description, with no determiner (or « un », « une »), is the person's role in the
article. An age alone is none (« Thérèse, 61 ans. »), nor is a look (« Pierre, l'air hagard »,
« cheveux ras »), a day (« lundi »), an adjective (« Kevin, présent sur le rond-point ») or a past
participle, which says what happened to the person more often than what they are (« interrogé sur
BFMTV », « accusé d'être sourd », « arrivé de Lille »): the description opens on a noun. A clause
(« demande à être reçu ») and a list (« Emmanuel Macron, shutdown, Gilets jaunes… ») are none. Its age
(« de 55 ans ») and its time (« depuis une semaine ») are left out.
"""
from __future__ import annotations

from .. import lexicon
from ..lexicon import fold
from ..nlp import Doc
from .phrases import _low

MAX_WORDS = 7
ENDS = {",", ".", ";", ":", ")", "(", "»", "«", "!", "?", "\"", "“", "”"}
LEADS = {"un", "une", "également", "aussi", "lui-même", "elle-même"}
# A look is no description (« Pierre, cheveux ras », « Marie, nez rouge »), nor a posture (« debout le
# long du trajet »), « propos recueillis par… », or a book's publisher (« de Paul Roy, éditions X »).
LOOKS = {"cheveux", "yeux", "nez", "visage", "barbe", "moustache", "regard", "air", "mains", "lunettes",
         "sourire", "voix", "teint", "crane", "bras", "tete", "front", "allure", "debout", "propos", "editions"}
TAILS = {"depuis", "pendant", "venu", "venue", "venus", "qui", "dont"}


def _age(doc: Doc, k: int, limit: int) -> bool:
    """« 17 ans » at token k."""
    toks = doc.tokens
    return k + 1 < limit and toks[k].text.isdigit() and _low(toks[k + 1]) == "ans"


def description_after(doc: Doc, end: int, limit: int) -> tuple[int, int] | None:
    """The bare description [a, b) set off by a comma right after a name ending at `end`."""
    toks = doc.tokens
    if end + 1 >= limit or toks[end].text != ",":
        return None
    k = end + 1
    if _age(doc, k, limit):
        if k + 2 >= limit or toks[k + 2].text != ",":
            return None  # « Thérèse, 61 ans. »: an age, no description
        k += 3
    while k < limit and _low(toks[k]) in LEADS and not toks[k].text[:1].isupper():
        k += 1  # (not: « Jean Viard, Une société si vivante », a book's title)
    if k >= limit:
        return None
    head = toks[k]
    aged = k + 3 < limit and _low(toks[k + 1]) in ("de", "d'") and _age(doc, k + 2, limit)
    if head.text[:1].isupper() or not (head.pos == "NOUN" or head.pos == "ADJ" and aged) \
            or fold(head.text) in LOOKS or fold(head.text) in lexicon.time_words():
        return None  # (an adjective only with an age: « cégétiste de 61 ans », which the tagger calls one)
    stop = k
    while stop < limit and toks[stop].text not in ENDS and _low(toks[stop]) not in TAILS and stop - k < MAX_WORDS:
        if toks[stop].pos == "AUX" or toks[stop].pos == "VERB" and toks[stop].feat("VerbForm") in ("Fin", "Inf"):
            return None  # a clause, not a description (« demande à être reçu par… »)
        stop += 1
    if stop - k >= MAX_WORDS and stop < limit and toks[stop].text not in ENDS:
        return None  # too long to be a description
    if stop >= limit or toks[stop].text not in (",", ".", ";", ")", ":") and _low(toks[stop]) not in TAILS:
        return None  # « Macron, démission ! »: a slogan; « Marlène Roux, couteau suisse⏎ »: a headline's jab
    if stop + 1 < limit and toks[stop].text == "," and toks[stop + 1].text[:1].isupper():
        return None  # « Emmanuel Macron, shutdown, Gilets jaunes… »: a list, not a description
    while stop > k + 1 and toks[stop - 1].pos == "CCONJ":
        stop -= 1  # employé à la SNCF et [père de trois enfants]
    if toks[stop - 1].pos in ("ADP", "SCONJ", "DET", "VERB", "AUX"):
        return None  # « ajoutant qu' », « dites-vous »: a clause, not what the person is
    if stop > k + 2 and _low(toks[stop - 3]) in ("de", "d'") and _age(doc, stop - 2, limit):
        stop -= 3  # cégétiste de 61 ans
    return (k, stop) if stop > k else None


# After these, a name is still the phrase's own person (selon Paul Roy, sondeur…; d'après, pour, par)
SOURCE_PREPOSITIONS = {"selon", "après", "pour", "par"}


def described_role(doc: Doc, a: int, b: int, title: str | None) -> str | None:
    """The description after the named person [a, b), as their role. None after a title that says
    the role better (Me Paul Roy, conseil d'une partie civile, is an avocat), or when a preposition
    governs the name (rallié à Anne Morel, brocanteur…: the description is not hers)."""
    toks = doc.tokens
    if title and lexicon.titles()[title][3] or a > 0 and toks[a - 1].pos == "ADP" \
            and _low(toks[a - 1]) not in SOURCE_PREPOSITIONS:
        return None
    found = description_after(doc, b, doc.sent_of(b - 1).last)
    return doc.text[toks[found[0]].start:toks[found[1] - 1].end] if found else None


__all__ = ["described_role", "description_after"]
