"""Typed, cached views over the lexicon tables, shaped for the lookups the rooms make."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from . import fold, load


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    lemma: str  # the head verb's lemma
    reflexive: bool
    words: tuple[str, ...]  # what must follow a multiword cue (faire *savoir*)
    cls: str
    flags: frozenset[str]

    @property
    def name(self) -> str:
        return " ".join((("se " if self.reflexive else "") + self.lemma, *self.words)).strip()

    @property
    def makes_quotes(self) -> bool:
        """False for states of mind: they attribute marked words but never make a quote."""
        return self.cls != "mental"


@dataclass(frozen=True)
class VerbIndex:
    by_lemma: dict[str, tuple[SpeechVerb, ...]]

    def get(self, lemma: str, reflexive: bool = False, following: tuple[str, ...] = ()) -> SpeechVerb | None:
        """The entry for a verb, preferring the multiword one its following words complete."""
        options = self.by_lemma.get(fold(lemma), ())
        best = None
        for verb in options:
            if verb.words:
                if tuple(following[: len(verb.words)]) == verb.words:
                    return verb
                continue
            if verb.reflexive == reflexive:
                best = verb
            elif best is None and not verb.reflexive:
                best = verb  # s'ajouter is still ajouter when no reflexive entry exists
        return best

    def has(self, lemma: str) -> bool:
        return fold(lemma) in self.by_lemma


@cache
def speech_nouns() -> dict[str, SpeechVerb]:
    """Folded noun → its entry, shaped as a speech verb (the cue of a quote it introduces)."""
    return {fold(e["noun"]): SpeechVerb(e["noun"], False, (), e["class"], e.flags) for e in load("speech_nouns").entries}


@cache
def speech_verbs() -> VerbIndex:
    by: dict[str, list[SpeechVerb]] = {}
    for e in load("speech_verbs").entries:
        lemma = e["lemma"]
        reflexive = lemma.endswith(")") and "(" in lemma
        if reflexive:
            lemma = lemma[: lemma.index("(")].strip()
        head, *rest = lemma.split()
        verb = SpeechVerb(head, reflexive, tuple(fold(w) for w in rest), e["class"], e.flags)
        by.setdefault(fold(head), []).append(verb)
    return VerbIndex({k: tuple(v) for k, v in by.items()})


@dataclass(frozen=True, slots=True)
class Role:
    masculine: str
    cls: str
    flags: frozenset[str]


@dataclass(frozen=True)
class RoleIndex:
    forms: dict[tuple[str, ...], tuple[Role, str]]  # folded words → (role, gender m/f/x)
    longest: int
    # first word → the lengths of the forms it opens, longest first: most words open none, and
    # `match` (asked for nearly every word of a phrase) then costs one dict look-up
    lengths: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lengths: dict[str, set[int]] = {}
        for k in self.forms:
            if k:
                lengths.setdefault(k[0], set()).add(len(k))
        object.__setattr__(self, "lengths", {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()})

    def match(self, words: list[str], i: int) -> tuple[Role, str, int] | None:
        """The longest role at `words[i:]` (folded words): (role, gender, length)."""
        if i >= len(words):
            return None
        room = len(words) - i
        for n in self.lengths.get(words[i], ()):
            if n <= room:
                hit = self.forms.get(tuple(words[i : i + n]))
                if hit:
                    return hit[0], hit[1], n
        if words[i].startswith("ex-") and len(words[i]) > 3:
            # l'ex-député, l'ex-président du parti: a former holder, the role all the same
            return self.match([words[i][3:], *words[i + 1 : i + self.longest]], 0)
        return None


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in regex.findall(r"\w+(?:['’]|-\w+)*|['’]", phrase.replace("’", "'")))


@cache
def roles() -> RoleIndex:
    forms: dict[tuple[str, ...], tuple[Role, str]] = {}
    for e in load("roles").entries:
        role = Role(e["masculine"], e["class"], e.flags)
        fems = e["feminine"].split("|")
        for form in fems:
            forms.setdefault(_words(form), (role, "x" if form == e["masculine"] else "f"))
            if form != e["masculine"]:  # l'une des administratrices: the feminine plural, a plain -s too
                words = _words(form)
                forms.setdefault(words[:-1] + (words[-1] + "s",), (role, "f"))
        forms[_words(e["masculine"])] = (role, "x" if e["masculine"] in fems else "m")
        # plural forms (les porte-parole, des responsables): a plain -s
        plural = _words(e["masculine"])
        forms.setdefault(plural[:-1] + (plural[-1] + "s",), (role, "m"))
    return RoleIndex(forms, max(len(k) for k in forms))


@cache
def titles() -> dict[str, tuple[str, str, str, str | None]]:
    """Title as written → (class, gender, number, implied role or None)."""
    return {e["title"]: (e["class"], e["gender"], e["number"], None if e["role"] == "-" else e["role"])
            for e in load("titles").entries}


@dataclass(frozen=True, slots=True)
class SourcePhrase:
    phrase: str
    cls: str
    flags: frozenset[str]


@cache
def sources() -> tuple[regex.Pattern, dict[str, SourcePhrase]]:
    """A pattern finding source phrases in raw text, and their entries by folded phrase."""
    table = {fold(e["phrase"]): SourcePhrase(e["phrase"], e["class"], e.flags)
             for e in load("sources").entries}
    def pattern(phrase: str) -> str:
        words = regex.split(r"\s+", phrase.replace("’", "'"))
        return r"\s+".join("['’]".join(regex.escape(part) for part in w.split("'")) for w in words)

    alts = sorted({pattern(e["phrase"]) for e in load("sources").entries}, key=len, reverse=True)
    return regex.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", regex.IGNORECASE), table


@cache
def pronouns() -> dict[str, tuple[str, str, str]]:
    """Folded form → (class, gender, number)."""
    return {fold(e["form"]): (e["class"], e["gender"], e["number"]) for e in load("pronouns").entries}


@cache
def first_names() -> dict[str, str]:
    return {fold(e["name"]): e["gender"] for e in load("first_names").entries}


@cache
def nationalities() -> dict[str, tuple[str, str]]:
    """Folded adjective (any gender or plural) → (country, gender)."""
    out: dict[str, tuple[str, str]] = {}
    for e in load("nationalities").entries:
        m, f = fold(e["masculine"]), fold(e["feminine"])
        for form, g in ((m, "m"), (f, "f"), (m + "s", "m"), (f + "s", "f")):
            out.setdefault(form, (e["country"], "x" if m == f else g))
    return out


@cache
def capitals() -> dict[str, str]:
    return {e["capital"]: e["country"] for e in load("capitals").entries}


@cache
def seats() -> dict[str, str]:
    """Seat or portfolio (Beauvau, Intérieur) → the institution's full name."""
    return {e["seat"]: e["institution"] for e in load("seats").entries}


@cache
def office_holders() -> dict[str, tuple[str, str, tuple[tuple[int, int], ...]]]:
    """Folded full name → (office, country, terms as (first, last) years; a running term ends in
    9999): Emmanuel Macron → (head-of-state, France, ((2017, 9999),))."""
    def years(term: str) -> tuple[int, int]:
        first, _, last = term.partition("-")
        return int(first), int(last) if last else (9999 if "-" in term else int(first))
    return {fold(e["name"]): (e["office"], e["country"], tuple(years(t) for t in e["terms"].split(",")))
            for e in load("office_holders").entries}


@cache
def time_words() -> frozenset[str]:
    return frozenset(fold(e["word"]) for e in load("time_words").entries)


@cache
def bodies() -> dict[str, str]:
    """Folded body noun (singular or plural) → class."""
    out = {}
    for e in load("bodies").entries:
        out[fold(e["noun"])] = e["class"]
        out.setdefault(fold(e["noun"]) + "s", e["class"])
    return out


@cache
def role_equivalents() -> dict[tuple[str, ...], str]:
    """Folded words of an office's phrase → the concept it names."""
    return {_words(e["phrase"]): e["concept"] for e in load("role_equivalents").entries}
