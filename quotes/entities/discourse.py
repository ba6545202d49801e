"""The discourse model of an article: who is salient where, who is talking, who the article is about.

Whole articles quote the same people again and again, with no cue, through pronouns and through
their function (issue 13). What the sentence alone cannot tell, the article can:
  - salience: each entity's mentions, weighted by grammatical role (subject > object > other) and
    by position (headline, lead), decaying with distance; raised each time the entity is quoted;
  - the current speaker: the one quoted last, while the text stays in the same stretch (the same
    or the next paragraph, or a few short ones; no other person named as a subject in between);
  - the protagonist: the person the whole article is about (mentions, headline, quotes).
The model reads the entity model and the quotes attributed so far; it never changes them. Every
question is answered from sorted indexes (bisect), so an article of many quotes stays linear.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from math import exp, log

from .. import zones
from ..nlp import Doc
from . import Entity, EntityModel

SUBJECT, OBJECT, OTHER = 1.0, 0.6, 0.4
HEADLINE, LEAD = 2.0, 1.3  # a mention in the title, in the first paragraph of the body
QUOTED = 1.2  # each quote of the entity
HALF_LIFE = 900  # characters over which a mention's weight halves (about five sentences)
WINDOW = 20 * HALF_LIFE  # beyond it a mention weighs less than a millionth: left out of the sums
HEADLINE_MAX = 250  # a first line longer than this is body text, not a title
NEARBY = 800  # characters within which short paragraphs still follow the same speaker
LOOK_BACK = 50  # quotes looked at for the previous speakers


@dataclass(slots=True)
class MentionRef:
    pos: int
    entity: int
    weight: float
    subject: bool


@dataclass
class Discourse:
    doc: Doc
    entities: EntityModel
    paragraph_starts: list[int] = field(default_factory=list)
    mentions: list[MentionRef] = field(default_factory=list)  # sorted by position
    quoted: list[tuple[int, int]] = field(default_factory=list)  # (position, entity id), in text order
    headline_end: int = 0
    _mention_pos: list[int] = field(default_factory=list)
    _by_entity: dict[int, list[int]] = field(default_factory=dict)  # entity → its mention positions
    _quoted_pos: list[int] = field(default_factory=list)
    _quoted_by_entity: dict[int, list[int]] = field(default_factory=dict)
    _cache: dict = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, entities: EntityModel) -> "Discourse":
        text = doc.text
        starts, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                starts.append(pos)
            pos += len(line) + 1
        first_end = text.find("\n", starts[0]) if starts else -1
        first_end = len(text) if first_end < 0 else first_end
        headline_end = first_end if starts and first_end - starts[0] <= HEADLINE_MAX and len(starts) > 1 else 0
        d = cls(doc, entities, starts or [0], headline_end=headline_end)
        lead_para = 1 if headline_end else 0
        for ent in entities.entities:
            for p in sorted(set(ent.positions)):
                if zones.is_boilerplate(entities.teasers, p, p + 1):
                    continue  # a teaser for another article raises nobody here
                subject = _is_subject(doc, p)
                w = SUBJECT if subject else OBJECT if _is_object(doc, p) else OTHER
                if p < headline_end:
                    w *= HEADLINE
                elif d.paragraph(p) == lead_para:
                    w *= LEAD
                d.mentions.append(MentionRef(p, ent.id, w, subject))
        d.mentions.sort(key=lambda m: (m.pos, m.entity))
        d._mention_pos = [m.pos for m in d.mentions]
        for m in d.mentions:
            d._by_entity.setdefault(m.entity, []).append(m.pos)
        return d

    # -- positions ------------------------------------------------------------------------------
    def paragraph(self, pos: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, pos) - 1)

    def in_headline(self, ent: Entity) -> bool:
        positions = self._by_entity.get(ent.id)
        return bool(positions) and positions[0] < self.headline_end

    def mentioned_between(self, a: int, b: int) -> list[int]:
        """The entities mentioned in [a, b), in text order."""
        lo, hi = bisect_left(self._mention_pos, a), bisect_left(self._mention_pos, b)
        return [m.entity for m in self.mentions[lo:hi]]

    def mentioned_after(self, ent: Entity, pos: int) -> int | None:
        """The first position after `pos` where `ent` is mentioned."""
        positions = self._by_entity.get(ent.id, [])
        k = bisect_right(positions, pos)
        return positions[k] if k < len(positions) else None

    # -- what the model tells -------------------------------------------------------------------
    def note_quote(self, pos: int, entity: int | None) -> None:
        """A quote attributed to `entity` at `pos` (quotes come in text order): the entity is now
        more salient from there on."""
        if entity is not None:
            self.quoted.append((pos, entity))
            self._quoted_pos.append(pos)
            self._quoted_by_entity.setdefault(entity, []).append(pos)
            self._cache.clear()

    def times_quoted(self, ent: Entity, pos: int) -> int:
        return bisect_left(self._quoted_by_entity.get(ent.id, []), pos)

    def last_quoted(self, ent: Entity, pos: int) -> int | None:
        """Where `ent` was last quoted before `pos`."""
        positions = self._quoted_by_entity.get(ent.id, [])
        k = bisect_left(positions, pos)
        return positions[k - 1] if k else None

    def salience(self, pos: int) -> dict[int, float]:
        """Every entity's salience at `pos`, from what comes before it (within WINDOW)."""
        key = ("salience", pos)
        if key not in self._cache:
            out: dict[int, float] = {}
            lo, hi = bisect_left(self._mention_pos, pos - WINDOW), bisect_left(self._mention_pos, pos)
            for m in self.mentions[lo:hi]:
                out[m.entity] = out.get(m.entity, 0.0) + m.weight * _decay(pos - m.pos)
            lo, hi = bisect_left(self._quoted_pos, pos - WINDOW), bisect_left(self._quoted_pos, pos)
            for p, e in self.quoted[lo:hi]:
                out[e] = out.get(e, 0.0) + QUOTED * _decay(pos - p)
            self._cache[key] = out
        return self._cache[key]

    def ranked(self, pos: int, kinds: tuple[str, ...] = ("person",)) -> list[tuple[Entity, float]]:
        key = ("ranked", pos, kinds)
        if key not in self._cache:
            ents = self.entities.entities
            self._cache[key] = sorted(((ents[e], s) for e, s in self.salience(pos).items() if ents[e].kind in kinds),
                                      key=lambda x: (-x[1], x[0].id))
        return self._cache[key]

    def current_speaker(self, pos: int) -> Entity | None:
        """The one quoted last, if the text has stayed with them: the same or the next paragraph,
        and no other person named as a subject since."""
        k = bisect_left(self._quoted_pos, pos)
        if k == 0:
            return None
        p, e = self.quoted[k - 1]
        gap = self.paragraph(pos) - self.paragraph(p)
        if gap > 1 and not (gap <= 3 and pos - p < NEARBY):
            return None  # the text has moved on (short paragraphs: a few lines still hold)
        lo, hi = bisect_right(self._mention_pos, p), bisect_left(self._mention_pos, pos)
        ents = self.entities.entities
        if any(m.subject and m.entity != e and ents[m.entity].kind == "person" for m in self.mentions[lo:hi]):
            return None
        return ents[e]

    def previous_speakers(self, pos: int, n: int = 2) -> list[Entity]:
        seen: list[Entity] = []
        k = bisect_left(self._quoted_pos, pos)
        for p, e in reversed(self.quoted[max(0, k - LOOK_BACK):k]):
            if all(s.id != e for s in seen):
                seen.append(self.entities.entities[e])
                if len(seen) == n:
                    break
        return seen

    def protagonist(self) -> Entity | None:
        """The most salient person of the whole article."""
        if "protagonist" not in self._cache:
            total: dict[int, float] = {}
            for m in self.mentions:
                total[m.entity] = total.get(m.entity, 0.0) + m.weight
            for _, e in self.quoted:
                total[e] = total.get(e, 0.0) + QUOTED
            persons = [(s, e) for e, s in total.items() if self.entities.entities[e].kind == "person"]
            best = max(persons) if persons else None
            self._cache["protagonist"] = self.entities.entities[best[1]] if best and best[0] >= 2 * SUBJECT else None
        return self._cache["protagonist"]

    def last_mention(self, ent: Entity, pos: int) -> MentionRef | None:
        positions = self._by_entity.get(ent.id, [])
        k = bisect_left(positions, pos)
        if k == 0:
            return None
        p = positions[k - 1]
        i = bisect_left(self._mention_pos, p)
        while self.mentions[i].entity != ent.id:
            i += 1
        return self.mentions[i]


def _decay(distance: int) -> float:
    return exp(-log(2) * max(0, distance) / HALF_LIFE)


def _role_tokens(doc: Doc, pos: int) -> list[int]:
    i = doc.token_at(pos)
    if i is None or doc.tokens[i].start > pos + 2:
        return []
    sent = doc.sent_of(i)
    return list(range(i, min(sent.last, i + 6)))


def _is_subject(doc: Doc, pos: int) -> bool:
    return any(doc.tokens[k].dep in ("nsubj", "nsubj:pass") for k in _role_tokens(doc, pos)[:4])


def _is_object(doc: Doc, pos: int) -> bool:
    return any(doc.tokens[k].dep in ("obj", "iobj") for k in _role_tokens(doc, pos)[:4])
