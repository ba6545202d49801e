"""What the page shows around a quote, computed once at ingest so it never needs the article file.

`around()` picks the paragraph that holds the quote; a long paragraph (scraped pages glue
several together) is cut to the sentences around the quote, and at most `WINDOW` characters on
each side. The stored context is a slice of the raw text, so the quote sits at the same offsets
in it (`context_start`). `site()` is the host of an article's url (`www.lesoleil.com` →
`lesoleil.com`), shown as its outlet when the input names none.

    >>> text = "Le conseil a voté.\\nLe maire a dit : « Le pont rouvrira en mai. » Puis il est parti."
    >>> cs, ce = around(text, 38, 62)
    >>> text[cs:ce]
    'Le maire a dit : « Le pont rouvrira en mai. » Puis il est parti.'
"""
from __future__ import annotations

from urllib.parse import urlsplit

import regex

PARAGRAPH = 600   # a paragraph up to this long is shown whole
WINDOW = 300      # otherwise at most this much on each side of the quote
# A sentence ends at . ! ? … (and a closing mark after it) before a space or a capital; scraped
# text glues sentences ("Bruxelles.Emmanuel"). M. / Mme. / single initials are not ends.
END = regex.compile(r"(?<!\b(?:M|MM|Mme|Mlle|Dr|Pr|Me|St|\p{Lu}))[.!?…]+[»”\"’)]?(?=\s|\p{Lu}|$)")


def around(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the context of text[start:end]: its paragraph or its sentences."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    if para_end - para_start > PARAGRAPH:
        lo = max(para_start, start - WINDOW)
        ends = [m.end() for m in END.finditer(text, lo, start)]
        para_start = ends[-1] if ends else min(start, _word_after(text, lo, para_start))
        hi = min(para_end, end + WINDOW)
        m = END.search(text, end, hi)
        para_end = m.end() if m else max(end, _word_before(text, hi, para_end))
    while para_start < start and text[para_start].isspace():
        para_start += 1
    while para_end > end and text[para_end - 1].isspace():
        para_end -= 1
    return para_start, para_end


def _word_after(text: str, pos: int, floor: int) -> int:
    """Where the word at or after `pos` starts (no half word at the cut)."""
    if pos == floor:
        return pos
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def _word_before(text: str, pos: int, ceiling: int) -> int:
    if pos == ceiling:
        return pos
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def site(url: str | None) -> str | None:
    """The host of an http(s) url without `www.`; None for anything else."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname
    return host[4:] if host.startswith("www.") else host
