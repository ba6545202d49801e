"""Resolving a speaker mention to the article's entities: names by their key, pronouns to the
agreeing person the text is about, descriptions to the holder of the role or to the person just
named, bare body nouns to the body named before (sieves.md lists the rules)."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

import regex

from .. import zones
from ..lexicon import fold
from .bodies import antecedent_body, bare_body
from .entity import Entity, Resolution
from .mentions import Mention, own_role
from .roles import (abroad, country_of, implied_fits, may_be, qualified_apart, role_concept, role_entry, role_head,
                    state_office)


WORD = regex.compile(r"\w+")

STATE_FIELDS = {"justice", "police", "military", "government", "diplomacy"}


def _same_field(entry, ent: Entity) -> bool:
    """Whether a role can describe anew a person whose stated roles are all of another field: an
    official of the state is no new word for someone else (« a précisé le procureur » is not the
    chauffeur routier just quoted); a musicienne can well be the porte-parole."""
    if entry is None or not ent.roles:
        return True
    held = [e for _, r in ent.roles if (e := role_entry(r)) is not None]
    if entry.cls not in STATE_FIELDS:
        # nor is an official, or a party to a trial, the passer-by or the expert next quoted: « le
        # ministre X … le jeune homme », « l'accusé X … le spécialiste »
        return not held or entry.cls in ("generic", "anonymous") or any(e.cls not in STATE_FIELDS for e in held)
    if entry.cls == "justice":  # a trial's parties share a field and never a person: procureur ≠ prévenu
        return not held or any(e.masculine == entry.masculine for e in held)
    fields = {e.cls for e in held}
    return not fields or entry.cls in fields or bool(fields & {"generic", "anonymous"})


class Resolver:
    """The resolving half of `EntityModel` (model.py builds the entities it reads)."""

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
            role = self._specific(ent, own_role(m) or ent.role_near(pos) or "", pos) or None
            return Resolution(ent, ent.name, ent.kind, role)
        if m.role and m.kind == "person" and m.number == "p":
            return Resolution(None, None, "anonymous", m.role)  # les élus, des figures: a group, no one person
        if m.role and m.kind == "person":
            # the holder of that role; a role nobody holds stays unnamed here: the speaker scorer
            # weighs the current speaker and the salient persons against it (le député → Courson)
            holder = self._holder(m, pos)
            ent = holder or self._demonstrative(m) or self._epithet(m, pos, last_speaker)
            if ent and ent.kind == "anonymous":  # la responsable → une responsable des communications…
                return Resolution(ent, None, "anonymous", max((r for _, r in ent.roles), key=len))
            if ent:
                if holder is not None and (m.start, m.role) not in ent.roles:
                    ent.roles.append((m.start, m.role))  # le chef de la diplomatie → Kerry: his role from now on
                # (a guess by proximity, ce chômeur → the person just named, names this quote's role only:
                # the scorer may still give the quote to someone else, and the guess must not stay his role)
                return Resolution(ent, ent.name, ent.kind, self._specific(ent, m.role, pos))
            return Resolution(None, None, "anonymous", m.role)
        if m.kind == "anonymous":
            ent = (self._demonstrative(m) or self._epithet(m, pos, last_speaker)) if m.definite and m.role else None
            if ent is not None:  # « balaye la quinqua »: a word no list has, said of the last speaker
                return Resolution(ent, ent.name, ent.kind, self.specific_role(ent, pos))
            return Resolution(None, None, "anonymous", m.role)
        return Resolution(None, None, m.kind if m.kind != "pronoun" else "unknown", m.role)

    def in_words(self, pos: int) -> bool:
        """Whether `pos` is inside someone's words (from their first character: a reported clause can
        open on a name, « Emmanuel Macron "est en train de diviser…" », a estimé X)."""
        k = bisect_right(self.quoted, (pos, float("inf"))) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def narrated_before(self, ent: Entity, pos: int) -> int | None:
        """The last mention of `ent` before `pos` in the journalist's words: « … Emmanuel Macron
        s'est trompé », a-t-il dit. Surtout, le député regrette…: a name inside someone's words is
        not what the journalist's next description goes back to."""
        return max((p for p in ent.positions if p < pos and not self.in_words(p)), default=None)

    def _demonstrative(self, m: Mention) -> Entity | None:
        """« ce proche du président », « cette mère de famille »: a demonstrative describes anew the
        person the text is about, the last one named as a subject just before, whatever the role."""
        if self.doc.tokens[m.first].text.lower() not in ("ce", "cet", "cette"):
            return None
        best, best_key = None, None
        for ent in self.entities:
            last = self.narrated_before(ent, m.start)
            if ent.kind != "person" or last is None or m.start - last > 800 or ent.name is None:
                continue
            if m.gender != "x" and ent.gender not in ("x", m.gender) or not may_be(ent, m.role or ""):
                continue
            if not (self._subject_at(last) or self._source_at(last) or "\n" not in self.doc.text[:last]):
                continue  # « leur colère contre Emmanuel Macron. … », dit ce chômeur: not Macron (but the
                # person a headline names is the one the article is about)
            if best_key is None or last > best_key:
                best, best_key = ent, last
        return best

    def _epithet(self, m: Mention, pos: int, last_speaker: Entity | None) -> Entity | None:
        """« estime le député UDI », « balaye la quinqua »: a bare description nobody in the article
        holds, with no complement naming an office (le préfet de Paris), describes the person the
        text is about: the last speaker, else the person last named."""
        words = WORD.findall(m.role or "")
        entry = role_entry(m.role or "")
        if m.possessive or not words or any(fold(w) in ("de", "du", "des", "d") for w in words) or \
                entry is not None and "office" in entry.flags or \
                self.doc.tokens[m.first].text.lower().replace("’", "'") not in ("le", "la", "l'"):
            return None

        def agrees(e: Entity | None) -> bool:
            return e is not None and e.kind == "person" and e.named_enough and (
                m.gender == "x" or e.gender in ("x", m.gender)) and _same_field(entry, e) and may_be(e, m.role or "")
        if agrees(last_speaker) and (last_speaker.last_before(pos) or -10 ** 6) > pos - 1500 and not any(
                e is not last_speaker and agrees(e) and self._named_between(e, last_speaker.last_before(pos) or 0, pos, subject=e)
                for e in self.entities):
            return last_speaker  # unless the text has turned to someone else since (…, a affirmé X. Kevin,
            # 27 ans, a tenu à manifester. « … », a assuré le jeune homme: Kevin)
        near = [(last, e) for e in self.entities if agrees(e) and (last := self.narrated_before(e, m.start)) is not None
                and m.start - last < 800]
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
        named = [(max(here), e) for e in self.entities if agrees(e) and (not exact or e.gender == m.gender)
                 and (here := [p for p in e.positions if sent_start <= p < cut and not self.in_words(p)])]
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
        # nearest first, in the journalist's words: « … Macron nous comparait… », a-t-il ajouté is not Macron
        said = {e.id: last for e in self.entities if agrees(e) and (last := self.narrated_before(e, pos)) is not None}
        ranked = sorted((e for e in self.entities if e.id in said), key=lambda e: said[e.id], reverse=True)
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
        if len(ranked) > 1 and m.first < len(self.doc.tokens):
            # Eric Woerth n'est pas tendre avec Emmanuel Macron. « … », dénonce-t-il: the subject of
            # the sentence before beats a nearer object
            sent = self.doc.sent_of(m.first)
            if sent.i > 0:
                before = self.doc.sents[sent.i - 1]

                def subject_there(e: Entity) -> bool:
                    return any(before.start <= p < before.end and self._subject_at(p) for p in e.positions)

                if not subject_there(ranked[0]):
                    subject = next((e for e in ranked[1:] if subject_there(e)), None)
                    if subject is not None:
                        return subject
        if exact and m.number == "s" and m.first < len(self.doc.tokens):
            body = self._body_subject(m, pos, ranked[0] if ranked else None)
            if body is not None:
                return body
        if ranked:
            return ranked[0]
        # cataphora: « S'il pense que … », le ministre …, Marc Miller, assure …
        def ahead(e: Entity) -> list[int]:
            return [p for p in e.positions if pos < p < pos + 400 and not self.in_words(p)]
        after = [e for e in self.entities if agrees(e) and ahead(e)]
        return min(after, key=lambda e: min(ahead(e))) if after else None

    def _body_subject(self, m: Mention, pos: int, person: Entity | None) -> Entity | None:
        """« La préfecture avait fait état de deux blessés. Dans un communiqué, elle a évoqué « … » »:
        a pronoun whose gender agrees goes to the body the sentence before (or its own) is about,
        unless a person has come up since."""
        sent = self.doc.sent_of(m.first)
        start = self.doc.sents[sent.i - 1].start if sent.i > 0 else sent.start
        cut = min(pos, m.start)
        since = (self.narrated_before(person, cut) or -1) if person is not None else -1
        best = None
        for e in self.entities:
            if e.kind != "organization" or e.gender != m.gender:
                continue
            here = [p for p in e.positions if start <= p < cut and p > since and not self.in_words(p) and self._subject_at(p)]
            if here and (best is None or max(here) > best[0]):
                best = (max(here), e)
        return best[1] if best else None

    def specific_role(self, ent: Entity, pos: int) -> str | None:
        """The role to write for `ent` at `pos`: the most specific one the article gives."""
        return self._specific(ent, ent.role_near(pos) or "", pos) or None

    @staticmethod
    def _specific(ent: Entity, role: str, pos: int) -> str:
        """The most specific role: a bare title at the quote (le chef Caron, la magistrate, l'élue)
        gives way to the fuller role the article gives the same person (chef du SPVM, juge, mairesse)."""
        words = WORD.findall(role)
        entry = role_entry(role)
        if not role or entry is None or len(words) > 2 and "generic" not in entry.flags:
            return role
        generic = "generic" in entry.flags
        head = role_head(role)
        others = [(p, r) for p, r in ent.roles if r != role and len(WORD.findall(r)) >= len(words)]
        same = [r for p, r in others if role_head(r) == head and len(r) > len(role)]
        if same:
            return max(same, key=len)
        fuller = [r for p, r in others if (len(WORD.findall(r)) > len(words) or generic)
                  and (role_entry(r) is None or "generic" not in role_entry(r).flags)]
        before = [r for p, r in others if p <= pos and r in fuller]
        return (before[-1] if before else fuller[0]) if fuller else role

    def _holder(self, m: Mention, pos: int) -> Entity | None:
        """The entity the article gives this role (or an equivalent office in the same country)."""
        head, concept = role_head(m.role or ""), role_concept(m.role or "")
        entry = role_entry(m.role or "")
        # a broad word, said bare (l'élue, la responsable): "responsable des communications" is specific
        generic = entry is not None and "generic" in entry.flags and len(WORD.findall(m.role or "")) <= 2
        country = m.country
        words = {fold(w) for w in WORD.findall(m.role or "")} - {"de", "du", "des", "la", "le", "l"}
        best, best_score = None, 0.0
        for ent in self.entities:
            if ent.kind not in ("person", "anonymous"):
                continue
            if ent.kind == "anonymous" and (ent.last_before(pos) is None or generic and head not in ent.key):
                continue
            if m.gender != "x" and ent.gender not in ("x", m.gender):
                continue
            if abroad(ent, country):
                continue
            # what a title or the list of office holders implies counts, after what the article states
            listed = [r for r in ent.implied
                      if implied_fits({r}, m.role or "") and (not ent.roles or not state_office(r))]
            for role, behind in [(r, 0.0) for _, r in ent.roles] + [(r, 0.25) for r in listed]:
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
                rwords = {fold(w) for w in WORD.findall(role)}
                if not generic and role_head(role) == head and qualified_apart(m.role or "", role, head):
                    continue  # le président du Bundestag is not the président de la République
                score = 1 + len(words & rwords) / max(1, len(words)) + (0.5 if country and rc == country else 0)
                score -= behind
                last = ent.last_before(pos)
                score += 0.5 if last is not None else 0
                score += 0.3 if last is not None and pos - last < 600 else 0
                if score > best_score:
                    best, best_score = ent, score
        return best
