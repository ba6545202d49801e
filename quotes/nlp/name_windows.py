"""Where a named entity can be: the stretches of a parsed piece worth running NER on.

spaCy's French NER has its own token-to-vector network and costs as much as the rest of the
pipeline put together. Its entities start with a capital (Kerry, l'ONU, ministère des Affaires
étrangères), so it only needs to see the tokens near a capitalised word. Each such word opens a
window of WIDTH tokens on either side; touching windows merge. The NER network sees 4 tokens
either side of a token, and an entity runs on after its capital (Association québécoise des
avocats de la défense), hence 6: on the dev set the output is the same as with NER over every
parsed token; on 300 bench articles 2 of 3,287 quotes changed. With 4, some entities were cut
short.

A capitalised word at the start of a sentence, a line or a quote is only a name when it is not a
common word (Les, Il, Mais, Selon): spaCy's French stop-word list decides.
"""
from __future__ import annotations

from functools import cache
from typing import Sequence

WIDTH = 6
# After these, a capital is the start of a sentence, a quote or a dialogue reply.
_OPENERS = frozenset(".!?…«“\"‹:;—–-")


@cache
def _common() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def windows(words: Sequence[str], width: int = WIDTH) -> list[tuple[int, int]]:
    """Token ranges `[a, b)` of `words` (a piece's tokens, blanks included) that may hold a name."""
    common = _common()
    n = len(words)
    out: list[tuple[int, int]] = []
    at_start = True
    for i, word in enumerate(words):
        if not word.strip():
            at_start = at_start or "\n" in word
            continue
        if word[0].isupper() and not (at_start and word.lower() in common):
            a, b = max(0, i - width), min(n, i + width + 1)
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        at_start = word in _OPENERS
    return out


__all__ = ["WIDTH", "windows"]
