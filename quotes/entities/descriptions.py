"""What a vox pop says a person is, when no role list holds the word: « Jean-Luc, cariste retraité »,
« Léo, 17 ans, mobilisé contre Parcoursup », « Jean-Claude, un retraité de 62 ans ».

French news introduces the people it meets by a first name, an age and a bare description set off by
commas. That description, with no determiner (or « un », « une »), is the person's role in the
article. An age alone is none (« Thérèse, 61 ans. »), nor is a look (« Pierre, l'air hagard »: it
has a determiner) or an adjective (« Kevin, présent sur le rond-point »): the description must open
on a noun or a past participle. Its age (« de 55 ans ») and its time (« depuis une semaine ») are
left out.
"""
from __future__ import annotations

from ..nlp import Doc
from .phrases import _low

MAX_WORDS = 7
ENDS = {",", ".", ";", ":", ")", "(", "»", "«", "!", "?", "\"", "“", "”"}
LEADS = {"un", "une", "également", "aussi", "lui-même", "elle-même"}
# « David, 48 ans, arrivé de Maroilles par le train »: where a person came from is no description
MOTION = {"arriver", "venir", "revenir", "partir", "repartir", "rentrer", "descendre", "monter", "passer", "sortir"}
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
    participle = head.feat("VerbForm") == "Part" and head.feat("Tense") == "Past" and head.lemma not in MOTION
    if head.text[:1].isupper() or not (head.pos == "NOUN" or participle or head.pos == "ADJ" and aged):
        return None  # (an adjective only with an age: « cégétiste de 61 ans », which the tagger calls one)
    stop = k
    while stop < limit and toks[stop].text not in ENDS and _low(toks[stop]) not in TAILS and stop - k < MAX_WORDS:
        if toks[stop].pos in ("VERB", "AUX") and toks[stop].feat("VerbForm") == "Fin":
            return None  # a clause, not a description
        stop += 1
    if stop - k >= MAX_WORDS and stop < limit and toks[stop].text not in ENDS:
        return None  # too long to be a description
    if participle and any(_low(t) == "par" for t in toks[k:stop]) or toks[stop - 1].pos in ("ADP", "SCONJ", "DET"):
        return None  # « accusé par Moscou de… », « ajoutant qu' »: a clause, not what the person is
    if stop > k + 2 and _low(toks[stop - 3]) in ("de", "d'") and _age(doc, stop - 2, limit):
        stop -= 3  # cégétiste de 61 ans
    return (k, stop) if stop > k else None


__all__ = ["description_after"]
