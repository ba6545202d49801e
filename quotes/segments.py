"""Paragraphs: the regions the parser sees, each starting a sentence.

A paragraph is a non-blank line, merged with the next where a quote runs across them. Scraped
articles often lose the line break between two paragraphs (`…place Bellecour.Des manifestations`,
`…a constaté l'AFP.David Delbruyère`, `…d'AnnecyL'augmentation`): such a glued boundary starts a
paragraph too, otherwise the tokenizer keeps `AFP.David` as one word and two sentences become one.
"""
from __future__ import annotations

from typing import Sequence

import regex

from . import marks

# A sentence end with no space before a capitalised word: a lowercase word, a closing mark, a
# figure or an acronym before it (`l'AFP.David`); never a decimal point, an initial (M.Dupont) or
# a web address (lepoint.fr: lowercase after the dot).
GLUED_END = regex.compile(
    r"(?:(?<=[\p{Ll}»”\"\)\]0-9%])|(?<=\p{Lu}\p{Lu}))[\u00a0\u202f ]?[.?!…]+"
    r"(?=(?:[«“][\s\u00a0\u202f]?)?(?:\p{Lu}[\p{Ll}'’]|[AÀ]\s))")
# A heading glued to the next paragraph's first word: `d'AnnecyL'augmentation`, `UpdateLe`. Only
# before words that open French sentences, so brand names (WhatsApp, LinkedIn) stay whole.
GLUED_WORD = regex.compile(
    r"(?<=\p{Ll}{3})(?=(?:L['’]|(?:Le|La|Les|On|Il|Elle|Ils|Elles|Un|Une|Des|Dans|En|Au|Aux|Pour|Selon|Mais"
    r"|Ce|Cette|Ces|Lire|Par|Avec)\b))")


def glued_breaks(text: str, start: int, end: int) -> list[int]:
    """Where a paragraph starts inside the line [start, end) that lost its line break."""
    cuts = [m.end() for m in GLUED_END.finditer(text, start, end)]
    cuts += [m.start() for m in GLUED_WORD.finditer(text, start, end)]
    return sorted(c for c in set(cuts) if start < c < end)


def paragraphs(text: str, guards: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-blank lines as regions, merged where a quote runs across them."""
    regions: list[list[int]] = []
    pos = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if line.strip():
            for cut in glued_breaks(text, a, b):
                while cut < b and text[cut] in marks.SPACES:
                    cut += 1
                if text[a:cut].strip():
                    regions.append([a, cut])
                    a = cut
            regions.append([a, b])
    merged: list[list[int]] = []
    bounds = sorted(guards)
    g = 0
    for a, b in regions:
        while g < len(bounds) and bounds[g][1] <= a:
            g += 1
        if merged and any(ga < merged[-1][1] and gb > a for ga, gb in bounds[max(0, g - 3):g + 3]):
            merged[-1][1] = b
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def guard(text: str, span: marks.MarkSpan) -> tuple[int, int]:
    """A quote and the start of what follows it when that continues the sentence (», a-t-il dit)."""
    end = span.close_end
    k = end
    while k < len(text) and text[k] in marks.SPACES:
        k += 1
    if k < len(text) and (text[k] in ",;:)-—–" or text[k].islower()):
        end = k + 1
    return span.open_start, end


