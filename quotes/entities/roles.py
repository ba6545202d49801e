"""Role and name keys: how two mentions of one person or office are recognised as the same."""
from __future__ import annotations

from functools import lru_cache

import regex

from .. import lexicon
from ..lexicon import fold

PARTICLE_PREFIX = regex.compile(r"^(?:al|el|ben|bin|ibn|abou|abu|d|de|van|von|mc)[-'’]", regex.I)
ROLE_WORD = regex.compile(r"\w+(?:['’]|-\w+)*|['’]")
WORD = regex.compile(r"\w+")
SPACES = regex.compile(r"\s+")


def surname_key(name: str) -> str:
    if " et " in name:
        return fold(name)  # joint speakers (Paul Girard et Anne Roy) are keyed whole
    words = [w for w in SPACES.split(name.strip()) if w]
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
    words = tuple(fold(w).removeprefix("ex-") for w in ROLE_WORD.findall(role)
                  if fold(w) not in lexicon.nationalities())  # (l'ex-président: a président's office)
    index = lexicon.roles()
    at = next((k for k in range(len(words)) if index.match(list(words), k)), None)
    starts = (at,) if at is not None else (0, 1)
    for phrase, concept in _equivalents_longest_first():
        n = len(phrase)
        if any(words[k:k + n] == phrase for k in starts):
            if phrase == ("president",) and _of_something(words[words.index("president") + 1:]):
                return None  # le président de la région, du Sénat, de LR: no head of state
            return concept
    head = role_head(role)  # la magistrate → magistrat → judge
    return lexicon.role_equivalents().get((head,)) if head else None


def _of_something(after: tuple[str, ...]) -> bool:
    """Whether the words after « président » give it a complement other than the Republic."""
    at = next((k for k, w in enumerate(after) if w in ("de", "du", "des", "d")), None)
    return at is not None and bool(set(after[at:]) - STOP - {"republique"})  # (président LREM de l'Assemblée)


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


# words of rank inside a title: secrétaire général de la CGT and of the CFDT share « général », not a seat
RANKS = {"general", "generale", "national", "nationale", "premier", "premiere", "adjoint", "adjointe", "delegue",
         "deleguee", "executif", "executive"}


@lru_cache(maxsize=1)
def _group_nouns() -> frozenset[str]:
    """Nouns that head parties, unions and associations: they tell no two of them apart."""
    return frozenset(k for k, cls in lexicon.bodies().items() if cls in ("party", "union", "collective"))


def qualified_apart(mention_role: str, held: str, head: str | None) -> bool:
    """A role said with its own qualifier (président du Bundestag, maire de Pau) names another office
    than a held role of the same head that shares none of those words; a bare role (le président)
    qualifies nothing."""
    quals = {fold(w) for w in WORD.findall(mention_role)} - STOP - set((head or "").split())
    quals -= set(lexicon.nationalities()) | _group_nouns() | RANKS  # (du Parti socialiste, du Parti communiste)
    if not quals:
        return False
    return not quals & {fold(w) for w in WORD.findall(held)}


SEATS = regex.compile(r"^(?:(?i:porte-parole du gouvernement)|(?i:ministre) (?:de l'|de la |des |du )\p{L}"
                      r"|(?i:préfète|préfet|procureure|procureur) (?:de l'|de la |des |du |de )\p{Lu})")


def named_seat(role: str) -> bool:
    """A seat named by its title (le ministre de l'Intérieur, le porte-parole du gouvernement, le
    préfet de Vaucluse, le procureur de Paris): its holder, whom the article may not name, not whoever was
    named last. (The head of state is left out: articles about the president name him, then call
    him le chef de l'État; office_holders.tsv knows him.)"""
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


# the role a known holder's office stands for, for matching (with the country's adjective)
OFFICE_ROLES = {"head-of-state": "président", "head-of-government": "premier ministre"}
FORMER = ("ancien", "ancienne", "ex", "futur", "future")


@lru_cache(maxsize=1 << 12)
def known_offices(name: str, year: int | None = None) -> frozenset[str]:
    """The office a person holds by the list of holders, as a role to match descriptions against
    (Emmanuel Macron → président français); with the article's year, only an office held that year.
    A lone surname matches; a lone first name never does."""
    holders = lexicon.office_holders()
    key = fold(name.strip())
    hit = holders.get(key)
    if hit is None and " " not in key and key not in lexicon.first_names():
        found = _holders_by_surname().get(key, [])
        hit = found[0] if len(found) == 1 else None
    if hit is None:
        return frozenset()
    office, country, terms = hit
    if year is not None and not any(first <= year <= last for first, last in terms):
        return frozenset()
    return frozenset({f"{OFFICE_ROLES[office]} {_adjective(country)}"})


@lru_cache(maxsize=1)
def _holders_by_surname() -> dict[str, list]:
    out: dict[str, list] = {}
    for k, v in lexicon.office_holders().items():
        out.setdefault(surname_key(k), []).append(v)
    return out


@lru_cache(maxsize=64)
def _adjective(country: str) -> str:
    return next(e["masculine"] for e in lexicon.load("nationalities").entries if e["country"] == country)


@lru_cache(maxsize=1 << 12)
def state_office(role: str) -> tuple[str, str | None] | None:
    """The head of state or of government a description names, with its country if it says one:
    le chef de l'État, le Premier ministre belge, le président de la République. Not a former one,
    and not a bare « président », which heads clubs and courts as well."""
    words = [fold(w) for w in ROLE_WORD.findall(role)]
    if not words or words[0] in FORMER or fold(role).startswith("ex-"):
        return None
    concept = role_concept(role)
    if concept not in OFFICE_ROLES:
        return None
    quals = {w for w in words if w not in STOP} - {"president", "presidente"} - set(lexicon.nationalities())
    if role_head(role) == "president" and quals != {"republique"} and not (country_of(role) and not quals):
        return None  # président du Sénat, président de LR, the bare président: not the head of state
    return concept, country_of(role)


def holds_office(offices: frozenset[str] | set[str], role: str) -> bool:
    """Whether a known holder's office is the one a description names (its country too, if said)."""
    named = state_office(role)
    return named is not None and any(
        role_concept(o) == named[0] and named[1] in (None, country_of(o)) for o in offices)


def implied_fits(implied: frozenset[str] | set[str], role: str) -> bool:
    """Whether a description can be a person known only by what a title or the list of office
    holders implies: Me Girard is an avocat; Emmanuel Macron is the président and le chef de
    l'État, never le maire, l'expert or le chef du gouvernement."""
    head, concept = role_head(role), role_concept(role)
    for r in implied:
        if state_office(r) is not None:
            if country_of(role) not in (None, country_of(r)):
                continue  # (le président égyptien)
            if holds_office({r}, role) or head == role_head(r) and not qualified_apart(role, r, head):
                return True
        elif head == fold(r) or concept is not None and concept == role_concept(r):
            return True
    return False


def titled(implied: set[str]) -> set[str]:
    """The implied roles a title gives (Me → avocat), without those of the list of office holders:
    a title is a statement of the article, the list is not."""
    return {r for r in implied if state_office(r) is None}


def abroad(ent, country: str | None) -> bool:
    """Whether a description's country is not the one of the office the list gives this person
    (le président égyptien is not Emmanuel Macron, whatever the article calls him)."""
    held = {country_of(r) for r in ent.implied} - {None}
    return bool(country and held and country not in held)


def may_be(ent, role: str) -> bool:
    """Whether a description can name this entity at all: not a role the article gives to others
    around them (les avocats de X: X is no avocat), and for a holder of a listed office, only
    that office (Emmanuel Macron is no élu béarnais and no professeur)."""
    if role_head(role) in ent.barred:
        return False
    listed = ent.implied - titled(ent.implied)
    return not listed or implied_fits(listed, role)
