"""Quote or term: words in marks decided by a learned logistic regression (issue 10).

Marks also enclose terms (les « gilets jaunes »), labels and names (l'opération « Sentinelle »),
titles of works, slogans on placards, embedded tweets. The evidence: what the sieves found (a cue,
a speaker), length and capitals, whether the words come back elsewhere in the article (a term
does, quoted or not), the words around the marks (dite, baptisée, le mouvement des…), the place
(headline, a line of its own, a tweet), and what the words look like (a verb, a « je »).
The rule filter of `direct.is_quote` is one piece of evidence among them.
"""
from __future__ import annotations

from bisect import bisect_left
from math import log

import regex

from ..candidate import Candidate
from ..cues import cue_at, verb_tokens
from ..direct import NAMING, is_quote, line_around
from ..lexicon import fold
from ..marks import merge_open, strictly_inside
from ..nlp import Doc
from .speakers import family

SPEECH_WORDS = {"je", "j'", "nous", "on", "vous", "me", "m'", "moi", "mon", "ma", "mes", "notre", "nos", "votre",
                "vos", "il faut", "c'est"}
DETERMINERS = {"le", "la", "les", "l'", "un", "une", "des", "du", "ce", "cette", "ces", "leur", "son", "sa", "ses"}
WORD_KEY = regex.compile(r"\w+")
MAX_KEY_WORDS = 6  # longer words in marks are not terms that recur
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
    _shape_features(f, toks)
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
    if q.outer_start < ctx.headline_end:
        f["headline"] = 1.0
    if not any(c.isalnum() for c in text[line_start:q.outer_start] + text[q.outer_end:line_end]):
        f["own_line"] = 1.0
    tweets = doc.memo.setdefault("tweet-lines", {})  # once per line, not once per quote on it
    if (line_start, line_end) not in tweets:
        tweets[line_start, line_end] = TWEET.search(text[line_start:line_end]) is not None
    if tweets[line_start, line_end]:
        f["tweet_or_link_line"] = 1.0
    return f


def _shape_features(f: dict[str, float], toks: list) -> None:
    """What the words are: a term or a name is nominal; a speaker's words judge (an adjective, an
    adverb, a participle) or come with their own determiner."""
    words = [t for t in toks if t.pos not in ("PUNCT", "SPACE")]
    if not words:
        return
    pos = {t.pos for t in words}
    if words[0].pos == "DET":
        f["determiner_inside"] = 1.0
    if pos <= {"ADJ", "ADV", "CCONJ", "ADP", "PART"} and pos & {"ADJ", "ADV"}:
        f["judgement_only"] = 1.0
    elif "NOUN" in pos and "ADJ" in pos and "PROPN" not in pos:
        f["noun_and_adjective"] = 1.0
    if "PROPN" in pos:
        f["proper_noun"] = 1.0
    if any(t.pos in ("VERB", "AUX") and t.feat("VerbForm") in ("Part", "Inf") for t in words) \
            and not any(t.feat("VerbForm") == "Fin" for t in words):
        f["participle_or_infinitive"] = 1.0


def _cue_features(f: dict[str, float], q: Candidate, doc: Doc) -> None:
    """A speech verb just before the marks (a « déploré », ont scandé « … »), or in the sentence."""
    first = doc.token_at(q.outer_start)
    if first is None:
        return
    sent = doc.sent_of(first)
    inside = doc.tokens_between(q.outer_start, q.outer_end)
    at, cues, longest = _sentence_cues(doc, sent)
    lo, hi = bisect_left(at, inside.start), bisect_left(at, inside.stop)
    if len(at) > (hi - lo if inside.start < inside.stop else 0):  # a cue outside the marks
        f["cue_in_sentence"] = 1.0
    people, pronouns = _sentence_people(doc, sent)
    if _any_outside(people, inside):
        f["person_in_sentence"] = 1.0
    if _any_outside(pronouns, inside):
        f["he_or_she_subject"] = 1.0
    # a cue just before: k or its end within 3 tokens of `first` (k <= first - 1 either way)
    for n in range(bisect_left(at, first - 3 - longest), bisect_left(at, first)):
        k, cue = at[n], cues[n]
        if k not in inside and (0 < first - cue.last <= 3 or 0 < first - k <= 3):
            f["cue_just_before"] = 1.0
            break


def _any_outside(at: list[int], inside: range) -> bool:
    """Whether a sorted list of token indices has one outside `inside`, by bisection."""
    return len(at) > bisect_left(at, inside.stop) - bisect_left(at, inside.start)


def _sentence_people(doc: Doc, sent) -> tuple[list[int], list[int]]:
    """Where a sentence names a person (the tagger's PER) and has il/elle as a subject: once per
    sentence, not once per quote in it."""
    memo = doc.memo.setdefault("fragment-people", {})
    if sent.i not in memo:
        people = sorted(e.first for e in doc.ents_over(sent.first, sent.last) if e.label == "PER")
        pronouns = [k for k in range(sent.first, sent.last) if doc.tokens[k].dep.startswith("nsubj")
                    and doc.tokens[k].pos == "PRON" and fold(doc.tokens[k].text) in ("il", "elle")]
        memo[sent.i] = (people, pronouns)
    return memo[sent.i]


def _sentence_cues(doc: Doc, sent) -> tuple[list[int], list, int]:
    """The tokens of a sentence where a speech cue (not negated) starts, their cues, and the longest
    cue's length: found once per sentence and document, not once per quote in it."""
    memo = doc.memo.setdefault("fragment-cues", {})
    if sent.i not in memo:
        verbs = verb_tokens(doc)  # (no cue elsewhere)
        found = [(k, cue) for k in verbs[bisect_left(verbs, sent.first):bisect_left(verbs, sent.last)]
                 if (cue := cue_at(doc, k)) is not None and not cue.negated]
        memo[sent.i] = ([k for k, _ in found], [c for _, c in found],
                        max((c.last - k for k, c in found if c.last > k), default=0))
    return memo[sent.i]


class ArticleWords:
    """What words in marks come back as elsewhere in the article: quoted again, or unquoted."""

    def __init__(self, doc: Doc, quotes: list[Candidate]):
        text = doc.text
        self.quoted: dict[str, int] = {}
        self.unquoted: dict[str, int] = {}
        first = text.find("\n")
        self.headline_end = first if 0 < first <= 250 else 0
        quoted = merge_open((q.outer_start - 1, q.outer_end) for q in quotes if q.type == "direct")  # [start, end)
        keys: dict[str, tuple[str, ...]] = {}
        for q in quotes:
            if q.type != "direct" or q.end - q.start > 60:
                continue
            key = fold(text[q.start:q.end])
            self.quoted[key] = self.quoted.get(key, 0) + 1
            words = tuple(WORD_KEY.findall(key))
            if 0 < len(words) <= MAX_KEY_WORDS:
                keys[key] = words
        # every key counted in one pass over the article's words (n-grams of the lengths asked for)
        lengths = {len(w) for w in keys.values()}
        wanted = set(keys.values())
        found: dict[tuple[str, ...], int] = {}
        if wanted:
            folded = fold(text)  # folded once when that keeps the offsets (nearly always), else word by word
            words = [(m.group(), m.start()) for m in WORD_KEY.finditer(folded)] if len(folded) == len(text) \
                else [(fold(m.group()), m.start()) for m in WORD_KEY.finditer(text)]
            firsts = {w[0] for w in wanted}
            for i, (word, start) in enumerate(words):
                if word not in firsts:
                    continue  # most words open no key: no n-gram built there
                for n in lengths:
                    gram = tuple(w for w, _ in words[i:i + n])
                    if gram in wanted and not strictly_inside(quoted, start):
                        found[gram] = found.get(gram, 0) + 1
        for key, w in keys.items():
            self.unquoted[key] = found.get(w, 0)
