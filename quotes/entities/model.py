"""Building the article's entity model: persons from the tagger's names with the role before
or beside them, bodies the article names, acronyms, definite descriptions linked back (those in
definites.py)."""
from __future__ import annotations

from typing import Sequence

from rapidfuzz.distance import Levenshtein

from .. import lexicon, zones
from ..marks import CLOSING_TOKENS, OPENING_TOKENS, merge_open
from ..lexicon import fold
from ..nlp import Doc
from .entity import Entity
from .mentions import DE, DETS, Mention, apposition, build, glued, is_title, mention_at, np_end, own_role
from .names import group_noun, named_in_full
from .resolution import Resolver
from .clauses import completed_role
from .bodies import voice_of
from .definites import Definites
from .roles import country_of, known_offices, role_concept, surname_key


def _first_name_led(doc: Doc, e) -> bool:
    """A span the tagger called a place or body but that opens with a first name (Bachar al-Assad)."""
    return e.last - e.first >= 2 and lexicon.first_names().get(fold(doc.tokens[e.first].text), "x") != "x"


PLACE_NOUNS = {"marché", "rue", "place", "avenue", "boulevard", "lycée", "collège", "école", "gare", "stade",
               "pont", "quai", "aéroport", "hôpital", "centre", "musée", "parc", "salle", "square"}
QUANTITIES = ("aine", "aines", "ier", "iers", "nombre", "plupart")  # une trentaine, des milliers, la plupart
PLURAL_DETS = {"les", "des", "ces", "quelques", "plusieurs", "nos", "leurs", "certains", "certaines"}


def _not_a_person(doc: Doc, e) -> bool:
    """A name the tagger calls a person that is not one here: the whole of a quote (« Allah
    Akbar »), a group (les Gilets jaunes), or a place named after someone (le marché de Noël)."""
    toks = doc.tokens
    if e.first > 0 and e.last < len(toks) and toks[e.first - 1].text in OPENING_TOKENS and toks[e.last].text in CLOSING_TOKENS:
        return True
    if e.first > 0 and toks[e.first - 1].text.lower() in PLURAL_DETS or e.last == e.first + 1 and group_noun(doc, e.first):
        return True  # les Gilets jaunes, des Français: a group, not a person
    if e.first > 0 and toks[e.first - 1].pos == "NUM" or e.first > 1 and toks[e.first - 1].text.lower() in DE \
            and toks[e.first - 2].text.lower().endswith(QUANTITIES):
        return True  # quatre Gilets jaunes, une trentaine de Gilets jaunes, des milliers de Bretons
    w = e.first + (toks[e.first].text in ("de", "d'", "d’"))  # (the tagger's « de Vinci »)
    if e.last == w + 1 and w >= 2 and toks[w - 1].text.lower() in ("de", "d'", "d’") \
            and toks[w - 2].pos == "NOUN" and fold(toks[w].text) not in lexicon.first_names() \
            and not named_in_full(doc, toks[w].text):
        return True  # le fondateur de Doctissimo, le PDG de Vinci: what the role is of (but: l'avocat de
        # Nemmouche, where the article names Mehdi Nemmouche)
    return e.first >= 2 and toks[e.first - 1].text.lower() in ("de", "du", "d'", "d’") and \
        toks[e.first - 2].text.lower() in PLACE_NOUNS or e.first >= 1 and toks[e.first - 1].text.lower() in PLACE_NOUNS


class EntityModel(Resolver, Definites):
    def __init__(self, doc: Doc, quoted: Sequence[tuple[int, int]] = (), year: int | None = None):
        """`quoted`: the spans of words in marks (someone's words, not the journalist's narrative);
        `year`: when the article was published, if known (which office holders it can mean)."""
        self.doc = doc
        self.year = year
        self.quoted = merge_open(quoted)
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.aliases: dict[str, Entity] = {}
        self.teasers = zones.of_doc(doc)  # « » LIRE AUSSI - Philippe dénonce… » names nobody of the story
        self._collect()

    # -- building ---------------------------------------------------------------------------
    def _collect(self) -> None:
        doc = self.doc
        seen: set[int] = set()
        teasers = self.teasers
        self._bodies()  # first: « le groupe Vinci » makes a body of the Vinci the tagger calls a person
        for e in doc.ents:
            if (e.label == "PER" or _first_name_led(doc, e)) and e.first not in seen \
                    and not zones.is_boilerplate(teasers, e.start, e.end) and not _not_a_person(doc, e):
                m = self._person_mention(e.first, e.last)
                if m:
                    seen.update(range(m.first, m.last))
                    self.add(m)

        for t in doc.tokens:
            if is_title(t) and t.i + 1 < len(doc.tokens) and t.i + 1 not in seen and \
                    doc.tokens[t.i + 1].text[:1].isupper():
                m = self._person_mention(t.i + 1, t.i + 2)
                if m:
                    self.add(m)
        self._aged(seen)
        self._nationals()
        self._acronyms()
        self._link_definites()

    def _aged(self, seen: set[int]) -> None:
        """« Chantal, 45 ans, … »: a vox pop names people by first name and age, which the tagger
        often misses; a first name from the list before ", N ans" is a person."""
        toks = self.doc.tokens
        for k in range(len(toks) - 4):
            if k in seen or toks[k + 1].text != "," or toks[k + 3].text.lower() != "ans" or \
                    not toks[k + 2].text.isdigit() or fold(toks[k].text) not in lexicon.first_names() \
                    or not toks[k].text[:1].isupper():
                continue
            m = build(self.doc, k, k + 1)
            if m is not None and m.name:
                m.kind = "person"
                self.add(m)

    def _nationals(self) -> None:
        """« un Français d'origine marocaine, Radouane Lakdim, … »: a name apposed to a nationality is
        a person's, though the tagger, not knowing the name, calls it something else."""
        toks = self.doc.tokens
        for k in range(1, len(toks)):
            if fold(toks[k].text) in lexicon.nationalities() and toks[k].pos == "NOUN" and \
                    toks[k - 1].text.lower() in ("un", "une", "le", "la"):
                m = mention_at(self.doc, k - 1)
                if m is not None and m.kind == "person" and m.name and ("person", surname_key(m.name)) not in self.by_key:
                    self.add(m)

    def _bodies(self) -> None:
        """Bodies the article names with a definite phrase (la préfecture du Finistère, le parquet de
        Paris): entities too, so that a later « elle » or « le parquet » can find them."""
        doc = self.doc
        bodies = lexicon.bodies()
        for t in doc.tokens:
            if t.text.lower().replace("’", "'") not in ("le", "la", "l'", "les") or t.i + 1 >= len(doc.tokens):
                continue
            if fold(doc.tokens[t.i + 1].text) not in bodies:
                continue
            m = mention_at(doc, t.i)
            if m is not None and m.kind == "organization" and m.name:
                self.add(m)

    def _person_mention(self, first: int, last: int) -> Mention | None:
        """The fullest mention around a name: a role before it, or an apposition beside it."""
        doc = self.doc
        sent = doc.sent_of(first)
        while last < sent.last and glued(doc, last):
            last += 2
        if first > sent.first and doc.tokens[first - 1].text.lower() in DE | {"à", "au", "chez", "en"}:
            # l'usine d'Alma, le président du syndicat, …: a complement, not who the role is about
            return build(doc, first, last)
        best = None
        if first > sent.first and doc.tokens[first - 1].text == ",":
            # la porte-parole du CHU de Québec, Lindsay Jacques
            for s in range(max(sent.first, first - 16), first - 1):
                if s == sent.first + 1 and doc.tokens[s - 1].pos == "ADP":
                    continue  # « Pour le procureur, Éric Drouet doit… »: an opening source phrase, no apposition
                if (doc.tokens[s].text.lower() in DETS or s == sent.first) and np_end(doc, s, first - 1) == first - 1:
                    m = build(doc, s, first - 1, (first, last))
                    if m and m.role and m.name:
                        return m
        from ..cues import cue_at  # (cues read mentions: imported here, not at the top)
        for s in range(max(sent.first, first - 14), first):
            if s > sent.first and doc.tokens[s - 1].text == "," and cue_at(doc, s) is not None:
                continue  # « …, juge Jean-Luc. »: the incise's verb, tagged a noun, is no role
            if voice_of(doc, s, sent.last) is not None or doc.tokens[s].text.lower() == "voix":
                continue  # la voix de son porte-parole Paul Roy: his role is porte-parole
            if (doc.tokens[s].text.lower() in DETS or doc.tokens[s].pos in ("NOUN", "ADJ")) \
                    and (end := np_end(doc, s, sent.last)) >= last:
                m = build(doc, s, end, apposition(doc, end, sent.last))
                if m and m.name and m.role:
                    best = m
                    break
        if best is None:
            end = np_end(doc, first, sent.last)
            best = build(doc, first - (first > sent.first and is_title(doc.tokens[first - 1])),
                         max(end, last), apposition(doc, max(end, last), sent.last))
        return best if best and best.name else None

    def _acronyms(self) -> None:
        """Québec solidaire (QS), le Centre de services scolaire de Montréal (CSSDM): the acronym
        names the body too, and the body's name is the phrase before it."""
        doc = self.doc
        toks = doc.tokens
        for k in range(1, len(toks) - 2):
            if toks[k].text != "(" or toks[k + 2].text != ")":
                continue
            acronym = toks[k + 1].text
            if not (acronym.replace("-", "").isupper() and 2 <= len(acronym) <= 12):
                continue
            sent = doc.sent_of(k)
            best = None
            for s in range(max(sent.first, k - 14), k):
                det = toks[s].text.lower().replace("’", "'") in DETS
                end = np_end(doc, s, k)
                while toks[s].text[:1].isupper() and end < k and toks[end].pos == "ADJ":
                    end += 1  # Québec solidaire (QS), La France insoumise (LFI): a name, then its adjective
                if end == k and (toks[s].text[:1].isupper() and not det or (
                        det and s + 1 < k and toks[s + 1].text[:1].isupper())):
                    best = s + 1 if det else s
                    break
            if best is None or lexicon.roles().match([fold(toks[best].text)], 0):
                continue
            if fold(toks[best].text) in lexicon.first_names() or any(
                    e.label == "PER" and e.first <= best < e.last for e in doc.ents_over(best, best + 1)):
                continue  # Jordan Bardella (RN): a person and their party, no abbreviation
            name = doc.text[toks[best].start:toks[k - 1].end]  # the body's name, its acronym an alias
            ent = self._entity("organization", fold(name), name)
            ent.positions.append(toks[best].start)
            self.aliases[fold(acronym)] = ent

    def _entity(self, kind: str, key: str, name: str) -> Entity:
        ent = self.by_key.get((kind, key))
        if ent is None:
            ent = Entity(len(self.entities), kind, key)
            self.entities.append(ent)
            self.by_key[(kind, key)] = ent
        if name not in ent.names:
            ent.names.append(name)
        return ent

    def add(self, m: Mention) -> Entity | None:
        """Record a named mention; returns its entity."""
        if not m.name:
            return None
        kind = m.kind if m.kind in ("person", "organization") else self._guess_kind(m)
        if kind == "person" and " " not in m.name and ("organization", fold(m.name)) in self.by_key \
                and not m.title and not m.role and fold(m.name) not in lexicon.first_names():
            kind = "organization"  # Vinci after « le groupe Vinci »: the body, though the tagger hears a person
        if kind == "organization" and ("person", surname_key(m.name)) in self.by_key and m.role is None \
                and m.name not in lexicon.capitals() and all(w[:1].isupper() for w in m.name.split()) \
                and not any(fold(t.text) in lexicon.bodies() for t in self.doc.tokens[m.first:m.last]):
            kind = "person"  # St-Louis, tagged as a place, is the coach named a paragraph earlier (but
            # not la cour d'assises de Bruxelles… de Mehdi Nemmouche, a body that ends on his surname)
        if kind == "person":
            ent = self._by_first_name(m.name) or self._misspelt(m.name) or \
                self._entity("person", surname_key(m.name), m.name)
        else:
            name = lexicon.seats().get(m.name) or lexicon.capitals().get(m.name, m.name)  # Beauvau, Moscou
            ent = self.aliases.get(fold(name)) or self._same_body(name) or self._entity("organization", fold(name), name)
            if name not in ent.names:
                ent.names.append(name)
        ent.positions.append(m.start)
        if own_role(m):  # "son homologue russe" is still a role, and its nationality tells people apart
            ent.roles.append((m.start, m.role))
        if m.title and lexicon.titles()[m.title][3]:
            ent.implied.add(lexicon.titles()[m.title][3])
        if kind == "person":
            ent.implied |= known_offices(m.name, self.year)  # Emmanuel Macron: le chef de l'État the article names
            head = completed_role(self.doc, m.first, m.last, m.name or "")
            if head:
                ent.barred.add(head)
        if ent.gender == "x" and m.gender != "x" and (kind == "person" or m.kind == "organization"):
            ent.gender = m.gender  # a body's gender is its noun's (la préfecture … elle)
        return ent

    def _by_first_name(self, name: str) -> Entity | None:
        """« Jacline » after « Jacline Mouraud »: a profile calls its subject by the first name."""
        if " " in name.strip() or ("person", surname_key(name)) in self.by_key:
            return None
        found = {ent.id: ent for ent in self.entities if ent.kind == "person" and any(
            len(n.split()) >= 2 and fold(n.split()[0]) == fold(name) for n in ent.names)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _misspelt(self, name: str) -> Entity | None:
        """« M. Van de Kerre » after « Ilse Van de Keere »: a surname alone that the article has not
        written, one letter away from the surname of a person it named in full, is that person
        misspelt (news copy has typos; two people one letter apart in one article are rarer)."""
        key = surname_key(name)
        if len(key) < 5 or ("person", key) in self.by_key or fold(name.split()[0]) in lexicon.first_names():
            return None
        near = [ent for (kind, other), ent in self.by_key.items() if kind == "person" and len(other) >= 5
                and Levenshtein.distance(key, other, score_cutoff=1) <= 1
                and any(len(n.split()) > len(name.split()) for n in ent.names)]
        return near[0] if len(near) == 1 else None

    def _same_body(self, name: str) -> Entity | None:
        """La diplomatie russe and le ministère russe des Affaires étrangères are one body."""
        concept, country = role_concept(name), country_of(name)
        if concept is None:
            return None
        for ent in self.entities:
            if ent.kind == "organization" and any(role_concept(n) == concept and country_of(n) == country
                                                  for n in ent.names):
                return ent
        return None

    def _guess_kind(self, m: Mention) -> str:
        key = surname_key(m.name or "")
        if ("person", key) in self.by_key:
            return "person"
        if fold(m.name or "") in self.aliases or ("organization", fold(m.name or "")) in self.by_key:
            return "organization"
        if (m.name or "").replace("-", "").isupper() or m.name in lexicon.capitals():
            return "organization"
        return "person"
