"""Definite descriptions linked back to the person they describe: « Bachar al-Assad … le sort du
président syrien » gives Assad the role président syrien, so that a later « le président syrien
affirme » finds him. A part of the entity model (`EntityModel` builds on it), kept apart from
the collection of names."""
from __future__ import annotations

from ..lexicon import fold
from .clauses import after_preposition, named_later, source_at, subject_at
from .entity import Entity
from .mentions import Mention, mention_at, role_in_phrase
from .role_spans import last_role_opener, role_span
from .roles import (abroad, country_of, holds_office, implied_fits, may_be, named_seat, names_holder, qualified_apart,
                    role_concept, role_entry, role_head, same_seat, titled)

# a role noun in a set phrase names nobody: « dans le cadre de » (as part of), « sous le chef de »
IDIOMS = {("dans", "cadre"), ("sous", "chef")}


class Definites:
    """The entity model's definite descriptions (a mixin: `self.doc`, `self.entities` and the
    resolver's `narrated_before` and `in_words` come from `EntityModel`)."""

    def _link_definites(self) -> None:
        """Definite descriptions refer back: « Bachar al-Assad … le sort du président syrien »
        gives Assad the role président syrien, so a later « le président syrien affirme » finds him."""
        doc = self.doc
        roled = {}  # sentence → whether a role noun appears in it at all (most determiners have none)
        last_open = {}  # sentence → its last word that can open a role (no role after it)
        for t in doc.tokens:
            det = doc.lowered[t.i]
            if det not in ("un", "une", "le", "la", "l'") or t.pos == "PRON":
                continue  # (« l'opposition l'accuse »: an object pronoun and a verb, no accusé)
            if t.sent not in roled:
                sent = doc.sents[t.sent]
                last_open[t.sent] = last_role_opener(doc, sent.first, sent.last)
                roled[t.sent] = last_open[t.sent] >= sent.first and role_span(doc, sent.first, sent.last) is not None
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
            if t.text[:1].isupper() and t.i > doc.sents[t.sent].first and doc.tokens[t.i - 1].text[:1].isupper():
                continue  # Bruno Le Maire, Marine Le Pen: a capitalised article after a name is the name's
            if t.i > 0 and (fold(doc.tokens[t.i - 1].text), fold(doc.tokens[t.i + 1].text) if t.i + 1 < len(doc.tokens)
                            else "") in IDIOMS:
                continue
            if t.i > last_open[t.sent] or not role_in_phrase(doc, t.i, doc.sents[t.sent].last):
                continue  # no role noun in the phrase: no described person (shortcuts past building it)
            m = mention_at(doc, t.i)
            if m is None or m.name or not m.role or m.kind != "person" or m.possessive:
                continue
            if m.role.split()[0].lower() not in doc.text[m.start:m.end].lower() or self._apposed(m):
                continue  # « Le LBD-40, successeur du Flash-Ball »: a role beside a thing describes no one
            ent = self._antecedent_for_role(m)
            if ent is not None:
                ent.roles.append((m.start, m.role))
                ent.positions.append(m.start)

    def _apposed(self, m: Mention) -> bool:
        """« le secrétaire national du PCF, Fabien Roussel »: the name beside the description (whose
        mention opens on it) names it; no one named before does."""
        toks = self.doc.tokens
        at = {m.start} | ({toks[m.last + 1].start} if m.last + 1 < len(toks) and toks[m.last].text == "," else set())
        return any(e.kind == "person" and at & set(e.positions) for e in self.entities)

    def _antecedent_for_role(self, m: Mention) -> Entity | None:
        found: dict[bool, tuple[int, Entity]] = {}  # the latest candidate, with a stated role or not
        entry = role_entry(m.role or "")
        office = entry is not None and "office" in entry.flags or named_seat(m.role or "")
        known = [e for e in self.entities if e.kind == "person" and holds_office(e.implied, m.role or "")
                 and all(implied_fits(e.implied, r) for _, r in e.roles)]  # (what the article says of them comes first)
        for ent in self.entities:
            last = self.narrated_before(ent, m.start)
            if ent.kind != "person" or last is None or m.start - last > 1500:
                continue
            if m.gender != "x" and ent.gender not in ("x", m.gender) or m.number == "p" and " et " not in (ent.name or ""):
                continue  # (les figures du mouvement: a group, not the one person named before)
            if not self._role_fits(ent, m.role or "", m.country) or names_holder(m.role or "", ent.name):
                continue  # (l'avocat de Jérôme Rodrigues is not Rodrigues)
            # (Me Girard is an avocat: his title says so; the list of office holders is no statement)
            stated = bool(ent.roles or titled(ent.implied))
            if not stated and (m.start - last > 600 or len((ent.name or "").split()) < 2
                                  or self._named_between(ent, last, m.start) or office
                                  or not (self._subject_at(last) or self._source_at(last))
                                  or self._complement_of(ent, last, m)
                                  or named_later(self.doc, m.first, m.end, ent.positions)
                                  or after_preposition(self.doc, m.first, m.start)):
                # a person with no stated role: only the one just named in full as a subject, nobody
                # since (après avoir obtenu d'Emmanuel Macron que…, le maire de Pau: not Macron); and
                # never for an office (le Premier ministre names its holder, not whoever was named last)
                continue
            if last > found.get(stated, (-1, None))[0]:
                found[stated] = (last, ent)
        # someone the article gives the role beats a person merely named since (Me Girard, … Paul
        # Roy a été arrêté … l'avocat: Me Girard)
        best = (found.get(True) or found.get(False) or (-1, None))[1]
        if known and (best is None or not best.roles):  # le chef de l'État: the head of state the article names
            return self._nearest([e for e in known if e.roles] or known, m.start)  # (one it says so of first)
        if best is not None and True not in found and self._source_at(m.start):
            return self._last_quoted(best, m) or best
        return best

    def _nearest(self, ents: list[Entity], pos: int) -> Entity:
        """The one named last before `pos` in the journalist's words, else the first named after."""
        before = [(last, e) for e in ents if (last := self.narrated_before(e, pos)) is not None]
        if before:
            return max(before, key=lambda x: x[0])[1]
        return min(ents, key=lambda e: min(e.positions, default=10 ** 9))

    def _last_quoted(self, best: Entity, m: Mention) -> Entity | None:
        """« …, selon le politologue »: a description that is a source goes back to the person last
        quoted without a role, not to the one the narrative has turned to since (only while the
        text has turned to that one person)."""
        said = [(p, e) for e in self.entities if e.kind == "person" and not e.roles and e is not best
                and (m.gender == "x" or e.gender in ("x", m.gender)) and len((e.name or "").split()) >= 2
                and may_be(e, m.role or "")
                and not names_holder(m.role or "", e.name)
                for p in e.positions if m.start - 1500 < p < m.start and not self.in_words(p) and self._source_at(p)]
        if not said:
            return None
        p, quoted = max(said, key=lambda x: x[0])
        if p < max((q for q in best.positions if q < m.start and self._source_at(q)), default=-1):
            return None
        others = [e for e in self.entities if e.kind == "person" and e is not quoted and e is not best]
        return None if any(p < q < m.start and not self.in_words(q) for e in others for q in e.positions) else quoted

    def _named_between(self, ent: Entity, a: int, b: int, subject: Entity | None = None) -> bool:
        """Whether another person (or `subject`) is named as a subject between positions a and b
        (the text has turned to them: a later « le maire » may be theirs)."""
        others = [subject] if subject is not None else [e for e in self.entities if e is not ent]
        return any(e.kind == "person" and any(a < p < b and self._subject_at(p) for p in e.positions)
                   for e in others)

    def _subject_at(self, pos: int) -> bool:
        return subject_at(self.doc, pos)

    def _source_at(self, pos: int) -> bool:
        return source_at(self.doc, pos)

    def _complement_of(self, ent: Entity, last: int, m: Mention) -> bool:
        """A description names someone other than the person just named when it sits in a complement
        of that person's sentence (« Paul Girard a rappelé qu'il a été répondu par le président ») or
        in the words of a quote."""
        if self.in_words(m.start):
            return True  # « … le président de la République daigne dire », expliquait X: someone X speaks of
        i, j = self.doc.token_at(last), self.doc.token_at(m.start)
        return i is not None and j is not None and self.doc.tokens[i].sent == self.doc.tokens[j].sent \
            and not self._subject_at(m.start) and not self._source_at(m.start)

    @staticmethod
    def _role_fits(ent: Entity, role: str, country: str | None) -> bool:
        if role_head(role) in ent.barred:
            return False  # (may_be, without the office list: a stated role comes first)
        if not ent.roles:
            return not ent.implied or implied_fits(ent.implied, role)
        if abroad(ent, country):
            return False
        by_title = titled(ent.implied)
        if by_title and implied_fits(by_title, role):
            return True  # Me Girard, conseil de la famille: still an avocat
        head, concept = role_head(role), role_concept(role)
        for _, r in ent.roles:
            if same_seat(role, r):
                return True  # le président du MoDem is le patron du MoDem
            if role_head(r) == head and qualified_apart(role, r, head):
                continue  # le président du Bundestag is not le président (de la République)
            if role_head(r) == head or (concept and role_concept(r) == concept):
                rc = country_of(r)
                if not (country and rc and rc != country):
                    return True
        return False
