"""Role nouns inside a span of tokens (le [porte-parole] du Kremlin, la [Première ministre]), with the
adjectives before them. Asked of whole sentences by the entity model and of every phrase by the
mentions, so each span's answer is kept with its document (`Doc.memo`)."""
from __future__ import annotations

from .. import lexicon
from ..lexicon import fold
from ..nlp import Doc
from .phrases import DETS, _capitalised, _low, glued_tokens


def role_span(doc: Doc, a: int, b: int) -> tuple[int, int, str] | None:
    """The role noun inside [a, b) with the adjectives before it: (first, end of noun, gender).
    Memoised per document: the entity model asks it of whole sentences, the mentions of phrases."""
    key = ("role", a, b)
    if key not in doc.memo:
        doc.memo[key] = _find_role_span(doc, a, b)
    return doc.memo[key]


def _find_role_span(doc: Doc, a: int, b: int) -> tuple[int, int, str] | None:
    # words with their token ranges, hyphenated words glued back (quart-arrière, entraîneur-chef)
    folds, hyphens = doc.folded, glued_tokens(doc)
    spans: list[tuple[str, int, int]] = []
    k = a
    while k < b:
        end = k + 1
        while end + 1 < b and end in hyphens:
            end += 2
        spans.append((folds[k] if end == k + 1 else "".join(folds[k:end]), k, end))
        k = end
    words = [w for w, _, _ in spans]
    index = lexicon.roles()
    opens = index.lengths  # (most words open no role: skip them before `match`)
    for k in range(len(words)):
        if words[k] not in opens and not _former(words[k], opens):
            continue
        hit = index.match(words, k)
        if not hit:
            continue
        _, gender, n = hit
        first = spans[k][1]
        before = doc.tokens[first - 1] if first > a else None
        if n == 1 and before is not None and _capitalised(doc.tokens[first]) and _capitalised(before) \
                and before.i != doc.sent_of(before.i).first:
            continue  # Bruno Le Maire, M. Le Maire: one capitalised role word after a capitalised word is a
            # name's (not: … Edouard Philippe Le Premier ministre, a heading glued to the lead)
        if before is not None and before.pos == "NOUN" and not before.text[:1].isupper() \
                and not index.match([fold(before.text)], 0):
            continue  # le mouvement lycéen, la grève enseignante: an adjective of another noun, no role
        while first > a and doc.tokens[first - 1].pos == "ADJ" and _low(doc.tokens[first - 1]) not in DETS:
            first -= 1
        return first, spans[k + n - 1][2], gender
    return None


def _former(word: str, opens) -> bool:
    return word.startswith("ex-") and word[3:] in opens  # l'ex-député (RoleIndex.match reads it)


def last_role_opener(doc: Doc, a: int, b: int) -> int:
    """The last token of [a, b) where a role word can start (a word that opens a role, or the first
    part of a hyphenated word), else a - 1: past it, `role_span` finds no role up to `b`."""
    opens, folds, hyphens = lexicon.roles().lengths, doc.folded, glued_tokens(doc)
    for k in range(b - 1, a - 1, -1):
        if folds[k] in opens or k + 1 in hyphens or _former(folds[k], opens):
            return k
    return a - 1
