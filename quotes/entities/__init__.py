"""One article-level entity model (DESIGN principle 4): mentions clustered into entities.

Persons cluster on their surname (John Kerry, M. Kerry, Kerry), bodies on their folded name
(or acronym). Each entity keeps every role the article gives it, with where. A speaker mention
resolves to an entity: a name by its key, a pronoun to the nearest agreeing person (the last
speaker first, in an incise), a role-only mention (le président syrien) to the entity that holds
that role, or an equivalent one in the same country (le chef de la diplomatie américaine → the
secrétaire d'État américain).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from .. import lexicon, zones
from ..lexicon import fold
from ..nlp import Doc
from .bodies import antecedent_body, bare_body
from .mentions import DE, DETS, Mention, _role_span, apposition, build, glued, is_title, mention_at, np_end
from .roles import (country_of, qualified_apart, role_concept, role_entry, role_head,  # noqa: F401
                    surname_key)  # (re-exported)

def _first_name_led(doc: Doc, e) -> bool:
    """A span the tagger called a place or body but that opens with a first name (Bachar al-Assad)."""
    return e.last - e.first >= 2 and lexicon.first_names().get(fold(doc.tokens[e.first].text), "x") != "x"


PLACE_NOUNS = {"marché", "rue", "place", "avenue", "boulevard", "lycée", "collège", "école", "gare", "stade",
               "pont", "quai", "aéroport", "hôpital", "centre", "musée", "parc", "salle", "square"}
PLURAL_DETS = {"les", "des", "ces", "quelques", "plusieurs", "nos", "leurs", "certains", "certaines"}
OPENING, CLOSING = {"«", "“", "\"", "‹"}, {"»", "”", "\"", "›"}


def _not_a_person(doc: Doc, e) -> bool:
    """A name the tagger calls a person that is not one here: the whole of a quote (« Allah
    Akbar »), a group (les Gilets jaunes), or a place named after someone (le marché de Noël)."""
    toks = doc.tokens
    if e.first > 0 and e.last < len(toks) and toks[e.first - 1].text in OPENING and toks[e.last].text in CLOSING:
        return True
    if e.first > 0 and toks[e.first - 1].text.lower() in PLURAL_DETS:
        return True  # les Gilets jaunes, des Français: a group, not a person
    return e.first >= 2 and toks[e.first - 1].text.lower() in ("de", "du", "d'", "d’") and \
        toks[e.first - 2].text.lower() in PLACE_NOUNS or e.first >= 1 and toks[e.first - 1].text.lower() in PLACE_NOUNS


@dataclass
class Entity:
    id: int
    kind: str
    key: str
    names: list[str] = field(default_factory=list)
    roles: list[tuple[int, str]] = field(default_factory=list)  # (char position, role)
    positions: list[int] = field(default_factory=list)
    gender: str = "x"
    implied: set[str] = field(default_factory=set)  # roles a title implies (Me → avocat), for matching only

    @property
    def name(self) -> str | None:
        """The fullest name; None for an unnamed source (une responsable des communications)."""
        if not self.names:
            return None
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    # Positions and roles are recorded as the model meets them, not in text order (a definite
    # description is linked after the names, a pronoun when its quote is resolved): order by position.
    def role_near(self, pos: int) -> str | None:
        before = [(p, n, r) for n, (p, r) in enumerate(self.roles) if p <= pos]
        if before:
            return max(before)[2]
        return min(self.roles)[1] if self.roles else None

    def last_before(self, pos: int) -> int | None:
        return max((p for p in self.positions if p < pos), default=None)


@dataclass(slots=True)
class Resolution:
    entity: Entity | None
    name: str | None
    kind: str
    role: str | None


class EntityModel:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.aliases: dict[str, Entity] = {}
        self.teasers = zones.spans(doc.text)  # « » LIRE AUSSI - Philippe dénonce… » names nobody of the story
        self._collect()

    # -- building ---------------------------------------------------------------------------
    def _collect(self) -> None:
        doc = self.doc
        seen: set[int] = set()
        teasers = self.teasers
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
        self._acronyms()
        self._bodies()
        self._link_definites()

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

    def _link_definites(self) -> None:
        """Definite descriptions refer back: « Bachar al-Assad … le sort du président syrien »
        gives Assad the role président syrien, so a later « le président syrien affirme » finds him."""
        doc = self.doc
        roled = {}  # sentence → whether a role noun appears in it at all (most determiners have none)
        for t in doc.tokens:
            det = t.text.lower().replace("’", "'")
            if det not in ("un", "une", "le", "la", "l'"):
                continue
            if t.sent not in roled:
                sent = doc.sents[t.sent]
                roled[t.sent] = _role_span(doc, sent.first, sent.last) is not None
            if not roled[t.sent]:
                continue
            if det in ("un", "une"):
                m = mention_at(doc, t.i)
                if m is not None and not m.name and m.role and m.kind == "anonymous" and role_head(m.role):
                    # une responsable des communications: someone unnamed the article will call la responsable
                    ent = Entity(len(self.entities), "anonymous", f"{role_head(m.role)}@{m.start}")
                    ent.roles.append((m.start, m.role))
                    ent.positions.append(m.start)
                    ent.gender = m.gender
                    self.entities.append(ent)
                continue
            if det not in ("le", "la", "l'"):
                continue
            m = mention_at(doc, t.i)
            if m is None or m.name or not m.role or m.kind != "person" or m.possessive:
                continue
            ent = self._antecedent_for_role(m)
            if ent is not None:
                ent.roles.append((m.start, m.role))
                ent.positions.append(m.start)

    def _antecedent_for_role(self, m: Mention) -> Entity | None:
        best, best_pos = None, -1
        for ent in self.entities:
            last = ent.last_before(m.start)
            if ent.kind != "person" or last is None or m.start - last > 1500:
                continue
            if m.gender != "x" and ent.gender not in ("x", m.gender):
                continue
            if not self._role_fits(ent, m.role or "", m.country):
                continue
            if not ent.roles and (m.start - last > 600 or (len((ent.name or "").split()) < 2 and not ent.implied)
                                  or self._named_between(ent, last, m.start)):
                continue  # a person with no stated role: only the one just named in full, nobody since
            if last > best_pos:
                best, best_pos = ent, last
        return best

    def _named_between(self, ent: Entity, a: int, b: int, subject: Entity | None = None) -> bool:
        """Whether another person (or `subject`) is named as a subject between positions a and b
        (the text has turned to them: a later « le maire » may be theirs)."""
        others = [subject] if subject is not None else [e for e in self.entities if e is not ent]
        return any(e.kind == "person" and any(a < p < b and self._subject_at(p) for p in e.positions)
                   for e in others)

    def _subject_at(self, pos: int) -> bool:
        i = self.doc.token_at(pos)
        if i is None:
            return False
        toks = self.doc.tokens
        sent = self.doc.sent_of(i)
        b = i - 1
        while b >= sent.first and (is_title(toks[b]) or toks[b].text in ("M.", "MM.", "Mme", "Mmes")):
            b -= 1
        if b >= sent.first and (toks[b].pos == "ADP" or toks[b].text.lower() == "et" and any(
                toks[k].pos == "ADP" for k in range(max(sent.first, b - 5), b))):
            return False  # une rencontre entre MM. Kerry et Poutine: a complement, whatever follows
        last = min(len(toks), i + 4, sent.last)
        if any(toks[k].dep in ("nsubj", "nsubj:pass") for k in range(i, last)):
            return True
        k = i  # the parser's attachments wander: a name right before its finite verb is its subject
        while k < sent.last and (toks[k].text[:1].isupper() or toks[k].pos == "PROPN"):
            k += 1
        return k < sent.last and k > i and toks[k].pos in ("AUX", "VERB") and toks[k].feat("VerbForm") == "Fin"

    @staticmethod
    def _role_fits(ent: Entity, role: str, country: str | None) -> bool:
        if not ent.roles:
            return not ent.implied or role_head(role) in {fold(r) for r in ent.implied} or (
                role_concept(role) is not None and role_concept(role) in {role_concept(r) for r in ent.implied})
        head, concept = role_head(role), role_concept(role)
        for _, r in ent.roles:
            if role_head(r) == head and qualified_apart(role, r, head):
                continue  # le président du Bundestag is not le président (de la République)
            if role_head(r) == head or (concept and role_concept(r) == concept):
                rc = country_of(r)
                if not (country and rc and rc != country):
                    return True
        return False

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
                if (doc.tokens[s].text.lower() in DETS or s == sent.first) and np_end(doc, s, first - 1) == first - 1:
                    m = build(doc, s, first - 1, (first, last))
                    if m and m.role and m.name:
                        return m
        from ..cues import cue_at  # (cues read mentions: imported here, not at the top)
        for s in range(max(sent.first, first - 14), first):
            if s > sent.first and doc.tokens[s - 1].text == "," and cue_at(doc, s) is not None:
                continue  # « …, juge Jean-Luc. »: the incise's verb, tagged a noun, is no role
            if (doc.tokens[s].text.lower() in DETS or doc.tokens[s].pos in ("NOUN", "ADJ")) and np_end(doc, s, sent.last) >= last:
                m = build(doc, s, np_end(doc, s, sent.last), apposition(doc, np_end(doc, s, sent.last), sent.last))
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
                if np_end(doc, s, k) == k and (toks[s].text[:1].isupper() and not det or (
                        det and s + 1 < k and toks[s + 1].text[:1].isupper())):
                    best = s + 1 if det else s
                    break
            if best is None or lexicon.roles().match([fold(toks[best].text)], 0):
                continue
            name = doc.text[toks[best].start:toks[k + 2].end]
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
        if kind == "organization" and ("person", surname_key(m.name)) in self.by_key and m.role is None \
                and m.name not in lexicon.capitals():
            kind = "person"  # St-Louis, tagged as a place, is the coach named a paragraph earlier
        if kind == "person":
            ent = self._by_first_name(m.name) or self._entity("person", surname_key(m.name), m.name)
        else:
            name = lexicon.capitals().get(m.name, m.name)
            ent = self.aliases.get(fold(name)) or self._same_body(name) or self._entity("organization", fold(name), name)
            if name not in ent.names:
                ent.names.append(name)
        ent.positions.append(m.start)
        if m.role:  # "son homologue russe" is still a role, and its nationality tells people apart
            ent.roles.append((m.start, m.role))
        if m.title and lexicon.titles()[m.title][3]:
            ent.implied.add(lexicon.titles()[m.title][3])
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

    # -- resolving --------------------------------------------------------------------------
    def resolve(self, m: Mention | None, pos: int, last_speaker: Entity | None = None,
                prefer_last: bool = False) -> Resolution:
        if m is None:
            return Resolution(None, None, "unknown", None)
        if m.kind == "pronoun":
            ent = self._antecedent(m, pos, last_speaker, prefer_last)
            if ent:
                return Resolution(ent, ent.name, ent.kind, ent.role_near(pos))
            return Resolution(None, None, "unknown", None)
        if m.name:
            cls = bare_body(m.name) if m.kind == "organization" and m.definite else None
            named = antecedent_body(self.doc, self.entities, cls, m.start) if cls else None
            if named:  # l'entreprise → Google, named before
                m = replace(m, name=named)
            ent = self.add(m)
            if ent is None:
                return Resolution(None, m.name, m.kind, m.role)
            role = self._specific(ent, m.role or ent.role_near(pos) or "", pos) or None
            return Resolution(ent, ent.name, ent.kind, role)
        if m.role and m.kind == "person":
            # the holder of that role; a role nobody holds stays unnamed here: the speaker scorer
            # weighs the current speaker and the salient persons against it (le député → Courson)
            ent = self._holder(m, pos) or self._demonstrative(m) or self._epithet(m, pos, last_speaker)
            if ent and ent.kind == "anonymous":  # la responsable → une responsable des communications…
                return Resolution(ent, None, "anonymous", max((r for _, r in ent.roles), key=len))
            if ent:
                if (m.start, m.role) not in ent.roles:
                    ent.roles.append((m.start, m.role))  # le chef de la diplomatie → Kerry: his role from now on
                return Resolution(ent, ent.name, ent.kind, self._specific(ent, m.role, pos))
            return Resolution(None, None, "anonymous", m.role)
        if m.kind == "anonymous":
            ent = self._epithet(m, pos, last_speaker) if m.definite and m.role else None
            if ent is not None:  # « balaye la quinqua »: a word no list has, said of the last speaker
                return Resolution(ent, ent.name, ent.kind, self.specific_role(ent, pos))
            return Resolution(None, None, "anonymous", m.role)
        return Resolution(None, None, m.kind if m.kind != "pronoun" else "unknown", m.role)

    def _demonstrative(self, m: Mention) -> Entity | None:
        """« ce proche du président », « cette mère de famille »: a demonstrative describes anew the
        person the text is about, the last one named as a subject just before, whatever the role."""
        if self.doc.tokens[m.first].text.lower() not in ("ce", "cet", "cette"):
            return None
        best, best_key = None, None
        for ent in self.entities:
            last = ent.last_before(m.start)
            if ent.kind != "person" or last is None or m.start - last > 800 or ent.name is None:
                continue
            if m.gender != "x" and ent.gender not in ("x", m.gender):
                continue
            key = (self._subject_at(last), last)
            if best_key is None or key > best_key:
                best, best_key = ent, key
        return best

    def _epithet(self, m: Mention, pos: int, last_speaker: Entity | None) -> Entity | None:
        """« estime le député UDI », « balaye la quinqua »: a bare description nobody in the article
        holds, with no complement naming an office (le préfet de Paris), describes the person the
        text is about: the last speaker, else the person last named."""
        words = regex.findall(r"\w+", m.role or "")
        entry = role_entry(m.role or "")
        if m.possessive or not words or any(fold(w) in ("de", "du", "des", "d") for w in words) or \
                entry is not None and "office" in entry.flags or \
                self.doc.tokens[m.first].text.lower().replace("’", "'") not in ("le", "la", "l'"):
            return None

        def agrees(e: Entity | None) -> bool:  # a person the article names in full (not a lone Facebook)
            return e is not None and e.kind == "person" and len((e.name or "").split()) >= 2 and (
                m.gender == "x" or e.gender in ("x", m.gender))
        if agrees(last_speaker) and (last_speaker.last_before(pos) or -10 ** 6) > pos - 1500:
            return last_speaker
        near = [(e.last_before(m.start), e) for e in self.entities if agrees(e) and e.last_before(m.start) is not None
                and m.start - e.last_before(m.start) < 800]
        return max(near, key=lambda x: x[0])[1] if near else None

    def _antecedent(self, m: Mention, pos: int, last_speaker: Entity | None, prefer_last: bool) -> Entity | None:
        def agrees(ent: Entity) -> bool:
            if not any(not zones.is_boilerplate(self.teasers, p, p + 1) for p in ent.positions):
                return False  # named only in a teaser for another article
            if m.number == "p":  # « ils » / « elles »: only speakers named together
                return ent.kind == "person" and " et " in (ent.name or "")
            return ent.kind == "person" and (m.gender == "x" or ent.gender in ("x", m.gender))
        exact = m.gender != "x"
        # « Des mesures qui ne rassurent pas X : « … », prédit-il »: the person the sentence named
        # before the quote, not the last speaker
        # (also « X avait regretté la décision de Y qui, avait-il dit, « … » »: the incise before the quote)
        sent_start = self.doc.sent_of(m.first).start if m.first < len(self.doc.tokens) else pos
        cut = min(pos, m.start)
        named = [(max(p for p in e.positions if sent_start <= p < cut), e) for e in self.entities
                 if agrees(e) and (not exact or e.gender == m.gender)
                 and any(sent_start <= p < cut for p in e.positions)]
        if named and sent_start < cut:
            return max(named, key=lambda x: x[0])[1]
        if last_speaker is not None and last_speaker.kind == "organization" and exact and m.number == "s" \
                and last_speaker.gender == m.gender and (last_speaker.last_before(pos) or -10 ** 6) > pos - 600 \
                and "\n" not in self.doc.text[last_speaker.last_before(pos) or 0:pos] \
                and not any(agrees(e) and self._named_between(last_speaker, last_speaker.last_before(pos) or 0,
                                                               pos, subject=e) for e in self.entities):
            return last_speaker  # La préfecture a dénoncé… « … », a-t-elle affirmé: the body just quoted
        if prefer_last and last_speaker and agrees(last_speaker) and last_speaker.last_before(pos) is not None \
                and (not exact or last_speaker.gender == m.gender or last_speaker.gender == "x"
                     and pos - (last_speaker.last_before(pos) or 0) < 400) and not any(
                    e is not last_speaker and agrees(e) and (not exact or e.gender == m.gender)
                    and self._named_between(e, last_speaker.last_before(pos) or 0, pos, subject=e)
                    for e in self.entities):
            return last_speaker  # unless the text has turned to another person, a subject since
        # nearest first; a person whose gender is known to agree beats one of unknown gender named
        # not long after (Radouane, in no list, just named, still beats a Noël paragraphs before)
        ranked = sorted((e for e in self.entities if agrees(e) and e.last_before(pos) is not None),
                        key=lambda e: e.last_before(pos) or 0, reverse=True)
        if exact and ranked and ranked[0].gender != m.gender:
            near = ranked[0].last_before(pos) or 0
            known = [e for e in ranked if e.gender == m.gender and near - (e.last_before(pos) or 0) < 300]
            if known:
                ranked = known + [e for e in ranked if e not in known]
        if last_speaker and agrees(last_speaker) and ranked and last_speaker is not ranked[0] and \
                (not exact or last_speaker.gender == m.gender or ranked[0].gender != m.gender):
            # the last speaker wins over a person merely named since, within a short distance (not
            # over one the text has made a subject since)
            since = last_speaker.last_before(pos) or 0
            if (ranked[0].last_before(pos) or 0) - since < 150 and \
                    not self._named_between(last_speaker, since, pos, subject=ranked[0]):
                return last_speaker
        if ranked:
            return ranked[0]
        # cataphora: « S'il pense que … », le ministre …, Marc Miller, assure …
        after = [e for e in self.entities if agrees(e) and any(pos < p < pos + 400 for p in e.positions)]
        return min(after, key=lambda e: min(p for p in e.positions if p > pos)) if after else None

    def specific_role(self, ent: Entity, pos: int) -> str | None:
        """The role to write for `ent` at `pos`: the most specific one the article gives."""
        return self._specific(ent, ent.role_near(pos) or "", pos) or None

    @staticmethod
    def _specific(ent: Entity, role: str, pos: int) -> str:
        """The most specific role: a bare title at the quote (le chef Caron, la magistrate, l'élue)
        gives way to the fuller role the article gives the same person (chef du SPVM, juge, mairesse)."""
        words = regex.findall(r"\w+", role)
        entry = role_entry(role)
        if not role or entry is None or len(words) > 2 and "generic" not in entry.flags:
            return role
        generic = "generic" in entry.flags
        head = role_head(role)
        others = [(p, r) for p, r in ent.roles if r != role and len(regex.findall(r"\w+", r)) >= len(words)]
        same = [r for p, r in others if role_head(r) == head and len(r) > len(role)]
        if same:
            return max(same, key=len)
        fuller = [r for p, r in others if (len(regex.findall(r"\w+", r)) > len(words) or generic)
                  and (role_entry(r) is None or "generic" not in role_entry(r).flags)]
        before = [r for p, r in others if p <= pos and r in fuller]
        return (before[-1] if before else fuller[0]) if fuller else role

    def _holder(self, m: Mention, pos: int) -> Entity | None:
        """The entity the article gives this role (or an equivalent office in the same country)."""
        head, concept = role_head(m.role or ""), role_concept(m.role or "")
        entry = role_entry(m.role or "")
        # a broad word, said bare (l'élue, la responsable): "responsable des communications" is specific
        generic = entry is not None and "generic" in entry.flags and len(regex.findall(r"\w+", m.role or "")) <= 2
        country = m.country
        words = {fold(w) for w in regex.findall(r"\w+", m.role or "")} - {"de", "du", "des", "la", "le", "l"}
        best, best_score = None, 0.0
        for ent in self.entities:
            if ent.kind not in ("person", "anonymous"):
                continue
            if ent.kind == "anonymous" and (ent.last_before(pos) is None or generic and head not in ent.key):
                continue
            if m.gender != "x" and ent.gender not in ("x", m.gender):
                continue
            for p, role in ent.roles + [(ent.positions[0], r) for r in ent.implied]:
                same = role_head(role) == head or (concept and role_concept(role) == concept)
                if not same and generic:
                    # l'élue → la mairesse: a broad word for someone with a role of that field
                    other = role_entry(role)
                    same = other is not None and (entry.cls == "generic" or other.cls in (
                        entry.cls, "government" if entry.cls == "politics" else entry.cls))
                if not same:
                    continue
                rc = country_of(role)
                if country and rc and rc != country:
                    continue
                rwords = {fold(w) for w in regex.findall(r"\w+", role)}
                if not generic and role_head(role) == head and qualified_apart(m.role or "", role, head):
                    continue  # le président du Bundestag is not the président de la République
                score = 1 + len(words & rwords) / max(1, len(words)) + (0.5 if country and rc == country else 0)
                last = ent.last_before(pos)
                score += 0.5 if last is not None else 0
                score += 0.3 if last is not None and pos - last < 600 else 0
                if score > best_score:
                    best, best_score = ent, score
        return best
