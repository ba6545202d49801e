"""Role and name keys: how two mentions of one person or office are recognised as the same."""
from __future__ import annotations

from functools import lru_cache

import regex

from .. import lexicon
from ..lexicon import fold

PARTICLE_PREFIX = regex.compile(r"^(?:al|el|ben|bin|ibn|abou|abu|d|de|van|von|mc)[-'’]", regex.I)
ROLE_WORD = regex.compile(r"\w+(?:['’]|-\w+)*|['’]")
WORD = regex.compile(r"\w+")


def surname_key(name: str) -> str:
    if " et " in name:
        return fold(name)  # joint speakers (Paul Girard et Anne Roy) are keyed whole
    words = [w for w in regex.split(r"\s+", name.strip()) if w]
    last = words[-1] if words else name
    return fold(PARTICLE_PREFIX.sub("", last))


@lru_cache(maxsize=1 << 14)
def role_head(role: str) -> str | None:
    words = [fold(w) for w in ROLE_WORD.findall(role)]
    index = lexicon.roles()
    for k in range(len(words)):
        hit = index.match(words, k)
        if hit:
            return fold(hit[0].masculine)
    return None


@lru_cache(maxsize=1 << 14)
def role_entry(role: str) -> lexicon.Role | None:
    words = [fold(w) for w in ROLE_WORD.findall(role)]
    index = lexicon.roles()
    for k in range(len(words)):
        hit = index.match(words, k)
        if hit:
            return hit[0]
    return None


@lru_cache(maxsize=1 << 14)
def role_concept(role: str) -> str | None:
    """The office a role names, read at its head: le porte-parole du président is no head of state."""
    words = tuple(fold(w) for w in ROLE_WORD.findall(role)
                  if fold(w) not in lexicon.nationalities())
    index = lexicon.roles()
    at = next((k for k in range(len(words)) if index.match(list(words), k)), None)
    starts = (at,) if at is not None else (0, 1)
    for phrase, concept in _equivalents_longest_first():
        n = len(phrase)
        if any(words[k:k + n] == phrase for k in starts):
            return concept
    head = role_head(role)  # la magistrate → magistrat → judge
    return lexicon.role_equivalents().get((head,)) if head else None


@lru_cache(maxsize=1)
def _equivalents_longest_first() -> list[tuple[tuple[str, ...], str]]:
    return sorted(lexicon.role_equivalents().items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=1 << 14)
def country_of(role: str) -> str | None:
    nats = lexicon.nationalities()
    for w in WORD.findall(role):
        if fold(w) in nats:
            return nats[fold(w)][0]
    return None


STOP = {"de", "du", "des", "la", "le", "l", "d", "et", "a", "au", "aux", "en"}


def qualified_apart(mention_role: str, held: str, head: str | None) -> bool:
    """A role said with its own qualifier (président du Bundestag, maire de Pau) names another office
    than a held role of the same head that shares none of those words; a bare role (le président)
    qualifies nothing."""
    quals = {fold(w) for w in WORD.findall(mention_role)} - STOP - {head or ""}
    quals -= set(lexicon.nationalities())
    if not quals:
        return False
    return not quals & {fold(w) for w in WORD.findall(held)}


SEATS = regex.compile(r"^(?:porte-parole du gouvernement|ministre (?:de l'|de la |des |du )\p{Lu})", regex.I)


def minister_seat(role: str) -> bool:
    """A minister's seat named by its title (le ministre de l'Intérieur, le porte-parole du
    gouvernement): its holder, whom the article may not name, not whoever was named last. (The head
    of state is left out: articles about the president name him, then call him le chef de l'État.)"""
    return bool(SEATS.match(role.replace("’", "'")))


def names_holder(role: str, name: str | None) -> bool:
    """Whether a role names the person in its complement (l'avocat de Paul Girard, for Paul Girard)."""
    surname = (name or "").split()[-1:]
    return bool(surname) and fold(surname[0]) in {fold(w) for w in role.replace("’", " ").replace("'", " ").split()}


# the words for whoever leads a body: said of one body, they name one seat
LEADER_HEADS = {"president", "presidente", "patron", "patronne", "leader", "chef", "cheffe", "dirigeant", "dirigeante",
                "numero un", "responsable"}
LEAD = regex.compile(r"^(?:(?:ancien|ancienne|actuel|actuelle|nouveau|nouvelle)\s+)?(numero un|\w+)\s+"
                     r"(?:de la|de l'|du|des|de)\s*(.+)$")


def same_seat(a: str, b: str) -> bool:
    """Two words for the head of one body: le président du MoDem and le patron du MoDem."""
    ma, mb = LEAD.match(fold(a).replace("’", "'")), LEAD.match(fold(b).replace("’", "'"))
    return bool(ma and mb and ma[1] in LEADER_HEADS and mb[1] in LEADER_HEADS and ma[2] == mb[2])
