"""Quote or term: words in marks decided by a learned logistic regression (issue 10).

Marks also enclose terms (les « gilets jaunes »), labels and names (l'opération « Sentinelle »),
titles of works, slogans on placards, embedded tweets. The evidence: what the sieves found (a cue,
a speaker), length and capitals, whether the words come back elsewhere in the article (a term
does, quoted or not), the words around the marks (dite, baptisée, le mouvement des…), the place
(headline, a line of its own, a tweet), and what the words look like (a verb, a « je »).
The rule filter of `direct.is_quote` is one piece of evidence among them.
"""
from __future__ import annotations

from math import log

import regex

from ..candidate import Candidate
from ..cues import cue_at
from ..direct import NAMING, is_quote, line_around
from ..lexicon import fold
from ..nlp import Doc
from .speakers import family

SPEECH_WORDS = {"je", "j'", "nous", "on", "vous", "me", "m'", "moi", "mon", "ma", "mes", "notre", "nos", "votre",
                "vos", "il faut", "c'est"}
DETERMINERS = {"le", "la", "les", "l'", "un", "une", "des", "du", "ce", "cette", "ces", "leur", "son", "sa", "ses"}
TWEET = regex.compile(r"pic\.twitter\.com|t\.co/|https?://|@\w")
WORD = regex.compile(r"[\w'’-]+")


def features(q: Candidate, doc: Doc, ctx: "ArticleWords") -> dict[str, float]:
    text = doc.text
    content = text[q.start:q.end]
    words = WORD.findall(content)
    n = len(words)
    f: dict[str, float] = {"rules_say_quote": float(is_quote(q, text))}
    f[f"rule:{family(q.rule)}"] = 1.0
    f[f"found_by:{q.found_by.split(':')[0]}"] = 1.0
    f["log_words"] = log(1 + n)
    f["words:1" if n <= 1 else "words:2" if n == 2 else "words:3-4" if n <= 4 else "words:5+"] = 1.0
    if words and all(w[:1].isupper() for w in words):
        f["all_capitalised"] = 1.0
    if content[:1].isupper():
        f["capital_start"] = 1.0
    if content.rstrip()[-1:] in ("?", "!", "…", "."):
        f["sentence_end_inside"] = 1.0
    low = {fold(w) for w in words}
    if low & SPEECH_WORDS or "il faut" in fold(content) or "c'est" in fold(content):
        f["first_person_or_speech"] = 1.0
    toks = [doc.tokens[k] for k in doc.tokens_between(q.start, q.end)]
    if any(t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin" for t in toks):
        f["finite_verb"] = 1.0
    elif not any(t.pos in ("VERB", "AUX") for t in toks):
        f["no_verb"] = 1.0
    caps = sum(1 for w in words if w[:1].isupper())
    if n >= 2 and caps / n >= 0.5:
        f["mostly_capitalised"] = 1.0
    _cue_features(f, q, doc)
    before = text[max(0, q.outer_start - 30):q.outer_start]
    prev = [fold(w) for w in WORD.findall(before)[-2:]]
    if prev and prev[-1] in DETERMINERS:
        f["determiner_before"] = 1.0
    if prev and (prev[-1] in NAMING or len(prev) > 1 and prev[-2] in NAMING):
        f["naming_word_before"] = 1.0
    if before.rstrip()[-1:] == ":":
        f["colon_before"] = 1.0
    elif content[:1].isupper() and before.rstrip()[-1:].isalpha() and before.rstrip()[-1:].islower():
        f["capital_mid_sentence"] = 1.0  # …une « Marche contre Marrakech »: a name or a title
    key = fold(content)
    if ctx.unquoted.get(key, 0) > 0:
        f["recurs_unquoted"] = 1.0
    if ctx.quoted.get(key, 0) > 1:
        f["quoted_again"] = 1.0
    line_start, line_end = line_around(text, q.outer_start, q.outer_end)
    line = text[line_start:line_end]
    if q.outer_start < ctx.headline_end:
        f["headline"] = 1.0
    if not any(c.isalnum() for c in text[line_start:q.outer_start] + text[q.outer_end:line_end]):
        f["own_line"] = 1.0
    if TWEET.search(line):
        f["tweet_or_link_line"] = 1.0
    return f


def _cue_features(f: dict[str, float], q: Candidate, doc: Doc) -> None:
    """A speech verb just before the marks (a « déploré », ont scandé « … »), or in the sentence."""
    first = doc.token_at(q.outer_start)
    if first is None:
        return
    sent = doc.sent_of(first)
    inside = doc.tokens_between(q.outer_start, q.outer_end)
    near = False
    for k in range(sent.first, sent.last):
        if k in inside:
            continue
        cue = cue_at(doc, k)
        if cue is None or cue.negated:
            continue
        f["cue_in_sentence"] = 1.0
        if 0 < first - cue.last <= 3 or 0 < first - k <= 3:
            near = True
    if near:
        f["cue_just_before"] = 1.0


class ArticleWords:
    """What words in marks come back as elsewhere in the article: quoted again, or unquoted."""

    def __init__(self, doc: Doc, quotes: list[Candidate]):
        text = doc.text
        self.quoted: dict[str, int] = {}
        self.unquoted: dict[str, int] = {}
        first = text.find("\n")
        self.headline_end = first if 0 < first <= 250 else 0
        spans = [(q.outer_start, q.outer_end) for q in quotes if q.type == "direct"]
        folded = fold(text)
        same_length = len(folded) == len(text)
        for q in quotes:
            if q.type != "direct" or q.end - q.start > 60:
                continue
            key = fold(text[q.start:q.end])
            self.quoted[key] = self.quoted.get(key, 0) + 1
            if not key or not same_length or key in self.unquoted:
                continue
            count = 0
            for m in regex.finditer(r"(?<!\w)" + regex.escape(key) + r"(?!\w)", folded):
                if not any(a <= m.start() < b for a, b in spans):
                    count += 1
            self.unquoted[key] = count
