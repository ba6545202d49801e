"""Mentions: the words that designate a person or a body, read off the parse around a token.

A mention knows its name (as written, title dropped), its role (without determiner), its kind,
gender and number. Noun phrases are chunked on part-of-speech tags rather than taken from the
dependency subtree: the md model's attachments wander (an inverted subject parsed as object,
a relative clause swallowed), its tags much less.
"""
from __future__ import annotations

import copy
import operator
from dataclasses import dataclass, fields
from functools import cache

import regex

from .. import lexicon
from ..lexicon import fold
from ..nlp import Doc
from .names import NAME_STOPS, _name_run, _person_span, complement_at, name_word  # noqa: F401  (name_word: re-exported)
from .phrases import (DE, DETS, NAME_PARTICLES, NOMINAL, _capitalised, _low, _title_article,  # noqa: F401
                      affiliation, glued, is_title, np_end, role_length)
from .bodies import NAMED_IN_MARKS, marked_name, voice_of
from .descriptions import described_role
from .role_spans import role_span

@dataclass(slots=True)
class Mention:
    first: int  # token range [first, last)
    last: int
    start: int  # char range
    end: int
    kind: str  # person | organization | anonymous | pronoun | unknown
    name: str | None = None
    role: str | None = None
    gender: str = "x"
    number: str = "s"
    definite: bool = True
    title: str | None = None
    country: str | None = None  # what a nationality adjective in the role names
    possessive: bool = False  # son porte-parole: the role belongs to someone else in the text

    def text(self, doc: Doc) -> str:
        return doc.text[self.start:self.end]

    def __copy__(self) -> Mention:
        # (copy.copy's generic path, through __reduce_ex__, costs several times this; the entity
        # model and the sieves copy every memoised mention they are given)
        return Mention(*_FIELDS(self))


_FIELDS = operator.attrgetter(*(f.name for f in fields(Mention)))


ROLE_TAILS = DE | {"le", "la", "l'", "l’", "les", "et", "ou", "par"} | NAME_STOPS


def _head_index(doc: Doc, a: int, b: int) -> int:
    """The first word of a phrase after its determiners and adjectives."""
    k = a
    while k < b and (_low(doc.tokens[k]) in DETS or doc.tokens[k].pos in ("DET", "ADJ", "NUM")):
        k += 1
    return k


def _gender_of_name(name: str) -> str:
    first = name.split()[0] if name else ""
    return lexicon.first_names().get(fold(first), "x")


def _country(doc: Doc, a: int, b: int) -> str | None:
    nats = lexicon.nationalities()
    for t in doc.tokens[a:b]:
        hit = nats.get(fold(t.text))
        if hit and t.pos in ("ADJ", "NOUN", "PROPN"):
            return hit[0]
    return None


def _strip_edges(doc: Doc, a: int, b: int) -> tuple[int, int]:
    while a < b and (doc.tokens[a].pos in ("DET", "PUNCT") or _low(doc.tokens[a]) in DETS):
        a += 1
    while b > a and (doc.tokens[b - 1].pos == "PUNCT" or not any(c.isalnum() for c in doc.tokens[b - 1].text)) \
            and doc.tokens[b - 1].text != ")":
        b -= 1  # ministère de l'Intérieur -: a dash the tagger did not call punctuation
    return a, b


def span_text(doc: Doc, a: int, b: int) -> str:
    return doc.text[doc.tokens[a].start:doc.tokens[b - 1].end] if b > a else ""


def build(doc: Doc, a: int, b: int, appos: tuple[int, int] | None = None) -> Mention | None:
    """The mention for the noun phrase [a, b), with an optional apposition beside it."""
    if b <= a:
        return None
    toks = doc.tokens
    low = _low(toks[a])
    if b - a == 1:
        p = pronoun(doc, a)
        if p:
            return p
    gender, number, definite = DETS.get(low, ("x", "s", True))
    m = Mention(a, b, toks[a].start, toks[b - 1].end, "unknown", gender=gender, number=number,
                definite=definite, possessive=low in ("son", "sa", "ses", "leur", "leurs"))
    for pa, pb in [(a, b)] + ([appos] if appos else []):
        role = role_span(doc, pa, pb)
        if role and role[0] > _head_index(doc, pa, pb) and _low(toks[role[0] - 1]) in DE | {"des", "du"}:
            role = None  # l'Alliance des professeures…: a word of the body's name, not a role
        name = _name_run(doc, pa, pb, role[:2] if role else None)
        if role and name and name[0] <= role[0] and role[1] <= name[1]:
            role = None  # Bruno Le Maire, Pierre Juge: a surname that is a role word
        if role and not m.role:
            ra, rb, rgender = role
            stop = name[0] if name and name[0] >= rb else pb
            ra, stop = _strip_edges(doc, ra, stop)
            while stop > ra + 1 and _low(toks[stop - 1]) in ROLE_TAILS:
                stop -= 1  # le ministre de [Rugy], président de l'Assemblée sur [France Inter]: the name
                # cut the role after a word that only leads into it
            if stop > ra:
                m.role = span_text(doc, ra, stop)
                m.country = _country(doc, ra, stop)
                if m.gender == "x" or (pa, pb) != (a, b):
                    m.gender = rgender if rgender != "x" else m.gender
        if name and not m.name:
            na, nb = name
            if na > pa and _title_article(doc, na - 1):
                na -= 1  # Le Devoir, La Presse, Le Pen: the capitalised article belongs to the name
            # Paris?Emmanuel Macron → Emmanuel Macron; « du président [français Emmanuel] Macron »: an
            # editor's brackets are no part of the name
            m.name = " ".join(GLUED_PREFIX.sub("", span_text(doc, na, nb)).replace("[", " ").replace("]", " ").split())
            if na > pa and is_title(toks[na - 1]):
                m.title = toks[na - 1].text
                tg = lexicon.titles()[m.title][1]
                m.gender = tg if tg != "x" else m.gender
    _classify(doc, m, a, b)
    if m.kind == "person" and m.name and not m.role and appos is None:
        m.role = described_role(doc, a, b, m.title)  # Jean-Luc, cariste retraité
    return m


def _head_noun(doc: Doc, a: int, b: int) -> int | None:
    """The first noun of [a, b), past determiners and adjectives (un récent sondage → sondage)."""
    for k in range(a, b):
        t = doc.tokens[k]
        if t.pos in ("DET", "PUNCT", "ADJ", "NUM") or _low(t) in DETS:
            continue
        return k
    return None


def _author(doc: Doc, m: Mention, a: int, b: int) -> bool:
    """A document speaks for its author (ANNOTATION.md: a study speaks when no author is named):
    les chiffres du gouvernement → gouvernement, le rapport du BEA-TT → BEA-TT. Sets the name."""
    toks = doc.tokens
    for k in range(a + 1, b - 1):
        if _low(toks[k]) not in DE | {"des", "du"}:
            continue
        j = k + 1
        while j < b and (_low(toks[j]) in DETS or toks[j].pos == "DET"):
            j += 1
        sub = build(doc, j, b) if j < b else None
        if sub is not None and sub.name and sub.kind in ("person", "organization"):
            m.name, m.kind, m.role, m.gender = sub.name, sub.kind, sub.role, sub.gender
            return True
        return False
    return False


def _classify(doc: Doc, m: Mention, a: int, b: int) -> None:
    toks = doc.tokens
    head_words = [fold(t.text) for t in toks[a:b] if t.pos not in ("DET", "PUNCT") and _low(t) not in DETS]
    head = _head_noun(doc, a, b)
    body = lexicon.bodies().get(fold(toks[head].text)) if head is not None else None
    if body == "document" and _author(doc, m, a, b):
        return
    if body is None and m.name:  # des informations du quotidien Washington Post
        body = next((lexicon.bodies()[w] for w in head_words if lexicon.bodies().get(w) == "media"), None)
    ent_labels = {e.label for e in doc.ents_over(a, b)}
    if m.name:
        if m.name in lexicon.capitals() and not m.role and not m.title:
            m.kind, m.country = "organization", lexicon.capitals()[m.name]  # Washington → États-Unis
            return
        if not m.title and (m.name in _countries() or fold(m.name) in lexicon.bodies()
                            or m.name in lexicon.seats() and body is None):
            m.kind = "organization"  # la France (not the first name), Matignon, l'Élysée: whatever NER says
            if m.name in _countries():
                m.role = None  # « la France, spécialiste des petits moteurs »: what a country does, no role
            return
        if m.number == "p" and not m.role and not m.title and " et " not in m.name and \
                not ent_labels & {"ORG", "LOC"} and m.name not in _countries():
            m.kind, m.role, m.name = "anonymous", m.name, None  # les Gilets jaunes: a group, no person
            return
        if m.gender == "x":
            m.gender = _gender_of_name(m.name) if m.title is None else m.gender
        if m.gender == "x" and "PER" in ent_labels and len(m.name.split()) >= 2:
            # a first name the list lacks (Priscillia): the tagger's feminine, read off its ending, is
            # a fair guess; its masculine is only its default, so that one is not taken
            first = next((t for t in toks[a:b] if t.text == m.name.split()[0]), None)
            if first is not None and first.pos == "PROPN" and first.feat("Gender") == "Fem":
                m.gender = "f"
        national = head is not None and fold(toks[head].text) in lexicon.nationalities() \
            and not m.name.startswith(toks[head].text)  # un Français d'origine marocaine, Radouane Lakdim
        if m.role or m.title or "PER" in ent_labels or _gender_of_name(m.name) != "x" or national:
            m.kind = "person"
        elif m.name in lexicon.capitals():
            m.kind, m.country = "organization", lexicon.capitals()[m.name]
        elif body or ent_labels & {"ORG", "LOC"}:
            m.kind = "organization"
        else:
            m.kind = "unknown"
        noun = next((t for t in toks[a:b] if fold(t.text) in lexicon.bodies()), None) if body else None
        if body and not m.role and not m.title and ("PER" not in ent_labels or (
                not _capitalised(noun) and _named_after_noun(doc, noun, m.name, b))):
            # (le groupe Vinci, la société Vinci: a body, though the tagger hears Léonard de Vinci)
            m.kind = "organization"
            if (body == "media" or lexicon.bodies().get(fold(noun.text)) == "media") and not _capitalised(noun):
                # le quotidien Washington Post: the outlet's name, "quotidien" its role
                m.role = noun.text
            elif not _named_after_noun(doc, noun, m.name, b):
                # le ministère russe des Affaires étrangères: the whole phrase is the name (but
                # l'étude Kantar, l'agence Kyodo, le groupe Renault: the name itself)
                m.name = span_text(doc, *_strip_edges(doc, a, b))
        return
    if body:
        m.kind = "organization"
        m.name = span_text(doc, *_strip_edges(doc, a, complement_at(doc, a, b) or b))
        if not m.definite and body not in ("document", "media"):
            # des organisations patronales, un groupe d'élus: some body, not one the article names
            m.kind, m.role, m.name = "anonymous", m.name, None
        return
    if m.role:
        m.kind = "person" if m.definite else "anonymous"
        return
    words = span_text(doc, *_strip_edges(doc, a, b))
    if b - a == 1 and toks[a].pos == "PRON":
        words = ""  # « Qui peut dire que… ? », « Tout le monde »: a pronoun describes no one
    m.kind = "anonymous" if words else "unknown"
    m.role = words or None


def _named_after_noun(doc: Doc, noun, name: str, b: int) -> bool:
    """The body noun is followed by its proper name, with only adjectives between (l'étude Kantar,
    la société américaine Web.com), not by a complement (le ministère de l'Intérieur)."""
    k = noun.i + 1
    while k < b and doc.tokens[k].pos == "ADJ" and not doc.tokens[k].text[:1].isupper():
        k += 1
    return k < b and doc.text.startswith(name, doc.tokens[k].start)


# a sentence glued to the name by the scrape, or a tweet's link before its signature
GLUED_PREFIX = regex.compile(r"^\S*[.?!](?=\p{Lu}\p{Ll})|^\S*(?:https?://|t\.co/)\S*?[—–-]\s*")


@cache
def _countries() -> frozenset[str]:
    return frozenset(country for country, _ in lexicon.nationalities().values())


def pronoun(doc: Doc, i: int) -> Mention | None:
    hit = lexicon.pronouns().get(fold(doc.tokens[i].text))
    if not hit and _relative_opening(doc, i):
        t = doc.tokens[i]
        return Mention(i, i + 1, t.start, t.end, "pronoun")
    if not hit:
        return None
    cls, gender, number = hit
    t = doc.tokens[i]
    return Mention(i, i + 1, t.start, t.end, "unknown" if cls == "impersonal" else "pronoun",
                   gender=gender, number=number)


def _relative_opening(doc: Doc, i: int) -> bool:
    """« …, indique Alain Aubert. Qui prédit que… »: a sentence that opens on Qui and asks nothing
    goes on about the person just named (a relative pronoun cut off by a full stop, for effect)."""
    t = doc.tokens[i]
    if t.text != "Qui":
        return False
    sent = doc.sent_of(i)
    return sent.first == i and doc.tokens[sent.last - 1].text != "?"


def _past_one_of(doc: Doc, c: int, limit: int) -> int:
    """Past « l'une des », « un des » (…, l'une des administratrices du Vrai Débat): one of a group
    that holds the role."""
    toks = doc.tokens
    k = c + (c < limit and _low(toks[c]) == "l'")
    if k + 1 < limit and _low(toks[k]) in ("un", "une") and _low(toks[k + 1]) in ("des", "de"):
        return k + 2
    return c


def apposition(doc: Doc, end: int, limit: int) -> tuple[int, int] | None:
    """', le porte-parole du Kremlin,' or ', Dmitri Peskov,' right after a phrase ending at `end`."""
    key = ("appos", end, limit)  # (memoised per document, as the phrases it follows)
    if key not in doc.memo:
        doc.memo[key] = _apposition(doc, end, limit)
    return doc.memo[key]


def _apposition(doc: Doc, end: int, limit: int) -> tuple[int, int] | None:
    toks = doc.tokens
    if end >= limit or toks[end].text != ",":
        return None
    c = _past_one_of(doc, end + 1, limit)
    d = np_end(doc, c, limit)
    if d > c:
        # a finite verb right after makes the phrase a subject (Pour le symbole, le député a brandi…)
        closes = d >= limit or toks[d].text in (",", ".", ")", ":", ";", "!", "?", "»") or \
            toks[d].pos in ("VERB", "AUX") and toks[d].feat("VerbForm") != "Fin"
        role = role_span(doc, c, d)
        if closes and (role or _name_run(doc, c, d, role[:2] if role else None)):
            if d < limit and toks[d].text == "," and not _person_span(doc, c, d):
                # le chef de file du parti, La France insoumise, Jean-Luc Mélenchon: the party, then the name
                further = apposition(doc, d, limit)
                if further and _person_span(doc, further[0], further[1]):
                    return further
            return c, d
        stop = next((k for k in range(d, min(limit, d + 8)) if toks[k].text in (",", ".", ";", ")")), None)
        if role and stop is not None and not any(t.pos in ("VERB", "AUX") for t in toks[d:stop]):
            return c, stop  # ', cheminot de 61 ans,': the role's complement runs to the comma
    comma = next((k for k in range(c + 1, min(limit, c + 12)) if toks[k].text == ","), None)
    if comma is not None and not any(t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin" for t in toks[c:comma]):
        # « le procureur de Paris, chargé des affaires de terrorisme, François Molins », « le chef de
        # file du parti, La France insoumise, Jean-Luc Mélenchon »: a person's name after one verbless
        # phrase is still the apposition
        found = apposition(doc, comma, limit)
        return found if found and _person_span(doc, found[0], found[1]) else None
    return None


def mention_at(doc: Doc, i: int, limit: int | None = None) -> Mention | None:
    """The mention whose phrase starts at token `i` (a subject after its verb, say)."""
    if i >= len(doc.tokens):
        return None
    limit = doc.sent_of(i).last if limit is None else limit
    key = ("mention", i, limit)  # the sieves and the entity model ask for the same phrases again
    if key not in doc.memo:
        doc.memo[key] = _mention_at(doc, i, limit)
    m = doc.memo[key]
    return copy.copy(m) if m is not None else None  # callers may change their copy


def _mention_at(doc: Doc, i: int, limit: int) -> Mention | None:
    p = pronoun(doc, i)
    if p:
        return p
    if doc.lowered[i] == "la" and (k := voice_of(doc, i, limit)) is not None:
        return mention_at(doc, k, limit)  # la voix de son porte-parole Paul Roy: the person speaks
    end = np_end(doc, i, limit)
    if end <= i:
        return None
    m = build(doc, i, end, apposition(doc, end, limit))
    if m is not None and m.kind == "organization" and m.name and fold(m.name) in NAMED_IN_MARKS:
        named = marked_name(doc, m.last, limit)
        if named:  # le collectif des « gilets jaunes libres »: the body's name is in the marks
            m.name, m.last, m.end = named[0], named[1], doc.tokens[named[1] - 1].end
    if m is not None and m.kind == "organization" and (k := voice_of(doc, m.last, limit)) is not None:
        person = mention_at(doc, k, limit)
        if person is not None and person.kind == "person" and person.name:
            return person  # le gouvernement par la voix de son porte-parole Paul Roy: Paul Roy speaks
    return joint(doc, m, limit) if m is not None else None


def role_in_phrase(doc: Doc, i: int, limit: int) -> bool:
    """Whether the phrase `mention_at(doc, i, limit)` reads, or its apposition, holds a role noun.
    Without one its mention is never a person described by a role with no name (a role outside a
    role noun is a group's, a body's or an anonymous description's): a cheap test for callers
    that look only for those (the entity model's definite descriptions)."""
    if pronoun(doc, i):
        return False
    end = np_end(doc, i, limit)
    if end <= i:
        return False
    appos = apposition(doc, end, limit)
    return role_span(doc, i, end) is not None or appos is not None and role_span(doc, *appos) is not None


def joint(doc: Doc, m: Mention, limit: int) -> Mention:
    """Two named people who speak together are one speaker, named as the article names them:
    « …, ont déclaré Paul Girard et Anne Roy » → "Paul Girard et Anne Roy"."""
    k = m.last
    app = apposition(doc, k, limit) if k < limit and doc.tokens[k].text == "," else None
    if app and app[1] + 2 < limit and doc.tokens[app[1]].text == "," and _low(doc.tokens[app[1] + 1]) == "et":
        k = app[1] + 1  # Claire Roux, secrétaire d'État, et Anne Roy, ministre: each with her role
    if not m.name or m.kind != "person" or k + 1 >= limit or _low(doc.tokens[k]) != "et":
        return m
    end = np_end(doc, k + 1, limit)
    other = build(doc, k + 1, end, apposition(doc, end, limit) if k > m.last else None) if end > k + 1 else None
    if other is None or not other.name or other.kind != "person":
        return m
    after = max(other.last, end)
    if after < limit and doc.tokens[after].pos in ("AUX", "VERB") and doc.tokens[after].feat("VerbForm") == "Fin":
        return m  # a dit Paul Girard, et Anne Roy a approuvé: the second name opens a clause of its own
    role = f"{m.role} et {other.role}" if k > m.last and m.role and other.role else m.role
    return Mention(m.first, other.last, m.start, other.end, "person", name=f"{m.name} et {other.name}",
                   role=role, gender=m.gender if m.gender == other.gender else "x", number="p")


def own_role(m: Mention) -> str | None:
    """The mention's role if it is the named person's: « devant les maires, Emmanuel Macron a dit »
    joins a plural phrase to one name, and maires is not his role."""
    if m.role and m.number == "p" and m.kind == "person" and " et " not in (m.name or ""):
        return None
    return m.role
