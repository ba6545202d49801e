"""Which parts of an article to parse (DESIGN principle 6: parse only what needs it).

Most sentences of an article carry no quote and no cue. Before parsing, each paragraph is cut
into sentences (a cheap regex cut that never falls inside a quote), and a sentence is kept when
it can matter:

  1. it overlaps a pair of quotation marks (a direct or mixed quote, or a quoted fragment);
  2. it holds a speech-verb form (from `lexicon/speech_verbs.tsv`, matched on stems) or a source
     phrase (`lexicon/sources.tsv`: selon, d'après…; `pour` only as `Pour X,`);
  3. it names someone the sentences of 1-2 name too, or names someone with a title (the entity
     model needs the fullest name and the roles: John Kerry for M. Kerry);
  4. it comes right before a sentence of 1-2 that names nobody outside its quotes (« … », a-t-il
     dit: the speaker was named before), or it introduces one with a colon (Julie Boulet, ministre:).

Kept sentences that touch are merged, so a paragraph whose sentences are all kept is parsed
exactly as before. Sentences in a boilerplate zone are kept only for a quote in marks. The pieces are ordinary
regions for `Backend.parse`, which puts a sentence start at each.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cache
from itertools import accumulate
from typing import Sequence

import regex

from . import lexicon
from .lexicon import fold
from .marks import merge_open, strictly_inside

WHOLE_BELOW = 600  # chars: shorter texts are parsed whole
CONTEXT_BEFORE = False  # keep the sentence before a kept one (no gain on dev: names cover it)
CONTEXT_NAMES = True  # keep the sentences that name someone with a title or role (entity context)

# A sentence ends at . ! ? … followed by spaces and a capital, a digit or an opening mark.
# Not after an abbreviation or an initial (M. Zayed, J. Smith).
_SENT_END = regex.compile(r"(?<=[.!?…])(?<!(?<!\w)(?:\p{Lu}|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste|av|cf|etc)\.)"
                          r"[ \u00a0\u202f]+(?=[\p{Lu}\d«“\"])")
# Verb endings (folded) after a stem: the forms of news prose (present, past, imperfect,
# future, conditional, participles), not the nouns built on the same stem (proposition).
_ENDINGS = ("e|es|ent|ons|ez|ais|ait|aient|ions|iez|ant|a|ai|as|erent|at|e|ee|es|ees|er|era|erai|erons|"
            "eront|erait|eraient|t|te|ts|tes|s|se|ses|sent|sait|saient|sant|ra|rai|ront|rait|raient|"
            "it|is|ise|isent|issent|issait|issaient|issant|i|ie|ies|u|ue|us|ues|ient|ienne|iennent|"
            "yait|yaient|yant")
# Irregular stems: (lemma ending, extra stems from the lemma minus that ending).
_IRREGULAR = (
    ("mettre", ("met", "mis")), ("prendre", ("prend", "pri", "pren")), ("enir", ("en", "ien", "in")),
    ("aitre", ("ai", "u")), ("aître", ("ai", "u")), ("indre", ("in", "ign")), ("oindre", ("oin", "oign")),
    ("uivre", ("ui", "uiv")), ("crire", ("cri", "criv")), ("ire", ("i", "is")), ("oir", ("oi", "oy", "u")),
    ("ure", ("u",)), ("dre", ("d", "du")),
)


def _stems(lemma: str) -> set[str]:
    head = fold(lemma.split()[0])
    out = set()
    if head.endswith("er"):
        out.add(head[:-2])
    for ending, extra in _IRREGULAR:
        if head.endswith(ending):
            base = head[: -len(ending)]
            out.update(base + e for e in extra)
            break
    else:
        if head.endswith(("ir", "re")):
            out.add(head[:-2])
    return {s for s in out if len(s) >= 2}


# An item of an alternation that is plain text once escaped (its characters can be shared).
_LITERAL = regex.compile(r"(?:\\.|[^\\.^$*+?{}\[\]()|])+")
_CHAR = regex.compile(r"\\.|.", regex.DOTALL)  # one character of a literal item, escaped or not


def _alternatives(items: Sequence[str]) -> str:
    """`'|'.join(items)` with the start that neighbouring literal items share taken out
    (`abond|accus|admis` → `a(?:bond|ccus|dmis)`): the same items tried in the same order, so the
    same matches, but `regex` tests a shared start once instead of once per item (the cue
    pattern runs on every sentence: 2.5 times faster so)."""
    groups: list[tuple[str | None, list[list[str]]]] = []  # (first character or None, items as characters)
    for item in items:
        chars = _CHAR.findall(item) if _LITERAL.fullmatch(item) else None
        if chars and groups and groups[-1][0] == chars[0]:
            groups[-1][1].append(chars)
        else:
            groups.append((chars[0] if chars else None, [chars or [item]]))
    out = []
    for first, group in groups:
        if first is None or len(group) == 1:
            out.append("".join(group[0]))
            continue
        n = 1
        while all(len(chars) > n and chars[n] == group[0][n] for chars in group):
            n += 1
        out.append("".join(group[0][:n]) + f"(?:{_alternatives([''.join(chars[n:]) for chars in group])})")
    return "|".join(out)


@cache
def _cue_pattern() -> "regex.Pattern":
    """Speech-verb forms and source phrases, on folded text (lowercase, no accents, ' apostrophes)."""
    stems, forms, phrases = set(), set(), set()
    for e in lexicon.load("speech_verbs").entries:
        lemma = regex.sub(r"\s*\(.*\)\s*$", "", e["lemma"])
        head, *rest = lemma.split()
        heads = {regex.escape(s) for s in _stems(head)}
        if rest:  # faire savoir, avoir bon espoir: a form of the head, then the words
            after = r"\s+".join(regex.escape(fold(w)) for w in rest)
            phrases.add(rf"(?:{regex.escape(fold(head))}|(?:{'|'.join(sorted(heads))})(?:{_ENDINGS}))\s+{after}")
        else:
            stems |= heads
            forms.add(regex.escape(fold(head)))
    sources = [regex.escape(fold(e["phrase"])).replace(r"\ ", r"\s+") for e in lexicon.load("sources").entries
               if fold(e["phrase"]) != "pour"]
    alts = [rf"(?<!\w)(?:{_alternatives(sorted(stems))})(?:{_ENDINGS}|)(?!\w)",
            rf"(?<!\w)(?:{_alternatives(sorted(forms | phrases | set(sources)))})(?!\w)",
            r"(?:^|[,;]\s*)pour\s[^,.;]{1,80},"]
    return regex.compile("|".join(alts))


@cache
def _role_pattern() -> "regex.Pattern":
    heads = set()
    for e in lexicon.load("roles").entries:
        for form in [e["masculine"], *e["feminine"].split("|")]:
            heads.add(regex.escape(fold(form)).replace(r"\ ", r"\s+"))
    return regex.compile(rf"(?<!\w)(?:{'|'.join(sorted(heads, key=len, reverse=True))})s?(?!\w)")


def sentences(text: str, start: int, end: int, guards: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`[start, end)` cut into sentences, never inside a guard (a quote and its incise)."""
    cuts = [start]
    merged = merge_open(guards)
    for m in _SENT_END.finditer(text, start, end):
        at = m.end()
        if not strictly_inside(merged, at):
            cuts.append(at)
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


# What follows a speech verb that reports something: a que-clause within a few words, de/à and
# an infinitive (a promis de partir, a exhorté les maires à rester), a bare infinitive (a affirmé
# être prêt), a colon, or an incise (a-t-il dit, dit-elle, « … », a dit le maire, …).
_REPORT = regex.compile(r"\s*(?:\S+\s+){0,6}?(?:que(?!\w)|qu'|:|si(?!\w)|s')"
                        r"|\s*(?:\S+\s+){0,3}?(?:(?:de|a)(?!\w)|d')"
                        r"|\s+(?:\S+\s+){0,2}\w+(?:er|ir|re|oir)(?!\w)"
                        r"|-t-|-(?:il|elle|ils|elles|on)(?!\w)|\s*,")
_SOURCE = regex.compile(r"(?:selon|d'apres|pour|a en croire|aux? dires?|de l'avis|aux yeux)")


def _matters(text: str, a: int, b: int, quoted: bool) -> bool:
    """A sentence with a quote, or a speech verb that reports something, or a source phrase."""
    if quoted:
        return True
    folded = fold(text[a:b])  # fold keeps most lengths; only a yes/no is needed here
    ce_que = _CE_QUE.match(folded) is not None
    for m in _cue_pattern().finditer(folded):
        if ce_que or _SOURCE.match(m.group()) or _REPORT.match(folded, m.end()) \
                or _INCISE_BEFORE.search(folded, 0, m.start()):
            return True
    return False


# An incise after the content: "…, déclare X", "…, a indiqué X", "…, prévient l'ONU".
_INCISE_BEFORE = regex.compile(r",\s*(?:(?:a|ont|avait|avaient|aurait|va|vont)\s+)?(?:\S+\s+)?\Z")
# "C'est ce qu'a réclamé le PQ": the content is the paragraph before.
# The sentence before is the content; whatever the cue, keep what comes before (« C'est l'appel
# qu'a lancé X », « Ce sont les mots de X »).
_CE_QUE = regex.compile(r"\s*(?:c['’]|ce\s|voila\s+ce)[^«»“”\"]{0,40}?\bqu", regex.IGNORECASE)


def _capitalised(text: str, a: int, b: int, outside: Sequence[tuple[int, int]] = ()) -> set[str]:
    """Capitalised words of a sentence but its first (which any sentence has): the names it uses;
    with `outside` (ranges [x, y) given as `merge_open` of (x - 1, y)), only those outside them (the
    words of the narrative, not of a quote)."""
    return {m.group() for m in _WORD.finditer(text, a, b) if m.start() > a and len(m.group()) > 2
            and not strictly_inside(outside, m.start())}


def _names(text: str, a: int, b: int, known: set[str]) -> bool:
    """A sentence that names someone the kept sentences name too, or that has a title and a name
    (Marc Trestman abondait… before « … », a-t-il dit; M. Kerry → John Kerry)."""
    if _title_pattern().search(text, a, b):
        return True
    for m in _NAME.finditer(text, a, b):
        if any(w in known for w in _NAME_PARTS.split(m.group())):
            return True
    return bool(_capitalised(text, a, b) & known)


_WORD = regex.compile(r"(?<!\w)\p{Lu}[\p{Ll}’'-]+")


# Two capitalised words in a row (Marc Trestman, Faure-Revillet is caught by its title).
_NAME = regex.compile(r"(?<!\w)\p{Lu}[\p{Ll}’']+(?:[ \u00a0-]+\p{Lu}[\p{Ll}’'-]+)+")
_NAME_PARTS = regex.compile(r"[ \u00a0-]+")  # between the words of a _NAME


@cache
def _title_pattern() -> "regex.Pattern":
    titles = sorted((regex.escape(t) for t in lexicon.titles()), key=len, reverse=True)
    return regex.compile(rf"(?<!\w)(?:{'|'.join(titles)})(?=[ \u00a0\u202f]+\p{{Lu}})")


def regions(text: str, paragraphs: Sequence[tuple[int, int]], guards: Sequence[tuple[int, int]],
            skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The parts of `paragraphs` worth parsing: runs of kept sentences (see the module docstring).
    `skip`: ranges (boilerplate zones) never parsed unless a quote sits there. A text shorter than
    WHOLE_BELOW chars is parsed whole: it is cheap, and a headline or a test sentence expects it."""
    if sum(b - a for a, b in paragraphs) < WHOLE_BELOW:
        return list(paragraphs)
    sents: list[tuple[int, int, list]] = []
    quoted: list[bool] = []  # whether the sentence overlaps a quote
    para_of: list[int] = []
    for p, (pa, pb), local in zip(range(len(paragraphs)), paragraphs, _per_paragraph(paragraphs, guards)):
        starts, reach = [g[0] for g in local], list(accumulate((g[1] for g in local), max))
        outside = merge_open((x - 1, y) for x, y in local)  # the quotes, as ranges to leave out
        for a, b in sentences(text, pa, pb, local):
            k = bisect_left(starts, b)  # the quotes opening before the sentence ends: does one reach into it?
            sents.append((a, b, outside))
            quoted.append(k > 0 and reach[k - 1] > a)
            para_of.append(p)
    skipped = [any(x <= a and b <= y for x, y in skip) and not q for (a, b, _), q in zip(sents, quoted)]
    hot = [not s and _matters(text, a, b, q) for (a, b, _), q, s in zip(sents, quoted, skipped)]
    # "C'est ce qu'a réclamé le PQ" at a paragraph's start: the whole paragraph before is the content
    for i, (a, b, _) in enumerate(sents):
        if hot[i] and i > 0 and _CE_QUE.match(fold(text[a:min(b, a + 60)])):
            before = para_of[i] - 1 if para_of[i - 1] != para_of[i] else para_of[i]
            for j in range(i - 1, -1, -1):
                if para_of[j] < before:
                    break
                hot[j] = hot[j] or not skipped[j]
    known: set[str] = set()
    for (a, b, _), h in zip(sents, hot):
        if h:
            known |= _capitalised(text, a, b)
            known.update(w for m in _NAME.finditer(text, a, b) for w in _NAME_PARTS.split(m.group()))
    out: list[tuple[int, int]] = []
    last = -1
    for i, (a, b, _) in enumerate(sents):
        keep = hot[i] or not skipped[i] and (
            CONTEXT_BEFORE and i + 1 < len(hot) and hot[i + 1]
            or CONTEXT_NAMES and _names(text, a, b, known)
            or i + 1 < len(hot) and hot[i + 1] and (text[a:b].rstrip().endswith(":")
                                                    or not _capitalised(text, *sents[i + 1])))
        if not keep:
            continue
        if out and out[-1][1] == a and para_of[last] == para_of[i]:
            out[-1] = (out[-1][0], b)  # a run of sentences; a paragraph glued to the last one stays apart
        else:
            out.append((a, b))
        last = i
    return out


# A run of this many marks or symbols, with no letter, digit or blank between them, is no prose
# (40,000 « in a row): it is never parsed, so it costs no model time. Real text has none over 15.
SYMBOL_RUN = 32
_SYMBOL_RUN = regex.compile(r"[^\w\s]{%d,}" % SYMBOL_RUN)


def without_symbol_runs(text: str, regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`regions` with the runs of SYMBOL_RUN or more symbols cut out (the rest is parsed as before)."""
    out = []
    for a, b in regions:
        runs = list(_SYMBOL_RUN.finditer(text, a, b))
        if not runs:
            out.append((a, b))
            continue
        for m in runs:
            if text[a:m.start()].strip():
                out.append((a, m.start()))
            a = m.end()
        if text[a:b].strip():
            out.append((a, b))
    return out


def _per_paragraph(paragraphs: Sequence[tuple[int, int]], guards: Sequence[tuple[int, int]]) -> list[list]:
    """For each paragraph, the guards overlapping it, sorted: one sweep over paragraphs in text
    order (a pass over every guard for each paragraph is quadratic on a long article)."""
    marks_at = sorted(guards)
    if any(p[1] > q[0] for p, q in zip(paragraphs, paragraphs[1:])):  # not in text order: look at each
        return [[g for g in marks_at if g[0] < pb and g[1] > pa] for pa, pb in paragraphs]
    out, active, g = [], [], 0
    for pa, pb in paragraphs:
        fresh = []
        while g < len(marks_at) and marks_at[g][0] < pb:
            fresh.append(marks_at[g])
            g += 1
        active = [x for x in active + fresh if x[1] > pa]
        out.append(active)
    return out


__all__ = ["regions", "sentences", "without_symbol_runs"]
