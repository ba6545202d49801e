"""The discourse model of an article: who is salient where, who is talking, who the article is about.

Whole articles quote the same people again and again, with no cue, through pronouns and through
their function (issue 13). What the sentence alone cannot tell, the article can:
  - salience: each entity's mentions, weighted by grammatical role (subject > object > other) and
    by position (headline, lead), decaying with distance; raised each time the entity is quoted;
  - the current speaker: the one quoted last, while the text stays in the same stretch (the same
    or the next paragraph, no other person named as a subject in between);
  - the protagonist: the person the whole article is about (mentions, headline, quotes).
The model reads the entity model and the quotes attributed so far; it never changes them.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from math import exp, log

from ..nlp import Doc
from . import Entity, EntityModel

SUBJECT, OBJECT, OTHER = 1.0, 0.6, 0.4
HEADLINE, LEAD = 2.0, 1.3  # a mention in the title, in the first paragraph of the body
QUOTED = 1.2  # each quote of the entity
HALF_LIFE = 900  # characters over which a mention's weight halves (about five sentences)
HEADLINE_MAX = 250
NEARBY = 800  # characters within which short paragraphs still follow the same speaker  # a first line longer than this is body text, not a title


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
    mentions: list[MentionRef] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)  # (position, entity id), in text order
    headline_end: int = 0

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
                subject = _is_subject(doc, p)
                w = SUBJECT if subject else OBJECT if _is_object(doc, p) else OTHER
                if p < headline_end:
                    w *= HEADLINE
                elif d.paragraph(p) == lead_para:
                    w *= LEAD
                d.mentions.append(MentionRef(p, ent.id, w, subject))
        d.mentions.sort(key=lambda m: m.pos)
        return d

    # -- positions ------------------------------------------------------------------------------
    def paragraph(self, pos: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, pos) - 1)

    def in_headline(self, ent: Entity) -> bool:
        return any(p < self.headline_end for p in ent.positions)

    # -- what the model tells -------------------------------------------------------------------
    def note_quote(self, pos: int, entity: int | None) -> None:
        """A quote attributed to `entity` at `pos`: the entity is now more salient from there on."""
        if entity is not None:
            self.quoted.append((pos, entity))

    def salience(self, pos: int) -> dict[int, float]:
        """Every entity's salience at `pos`, from what comes before it."""
        out: dict[int, float] = {}
        for m in self.mentions:
            if m.pos >= pos:
                break
            out[m.entity] = out.get(m.entity, 0.0) + m.weight * _decay(pos - m.pos)
        for p, e in self.quoted:
            if p < pos:
                out[e] = out.get(e, 0.0) + QUOTED * _decay(pos - p)
        return out

    def ranked(self, pos: int, kinds: tuple[str, ...] = ("person",)) -> list[tuple[Entity, float]]:
        sal = self.salience(pos)
        ents = self.entities.entities
        return sorted(((ents[e], s) for e, s in sal.items() if ents[e].kind in kinds), key=lambda x: -x[1])

    def current_speaker(self, pos: int) -> Entity | None:
        """The one quoted last, if the text has stayed with them: the same or the next paragraph,
        and no other person named as a subject since."""
        before = [(p, e) for p, e in self.quoted if p < pos]
        if not before:
            return None
        p, e = before[-1]
        gap = self.paragraph(pos) - self.paragraph(p)
        if gap > 1 and not (gap <= 3 and pos - p < NEARBY):
            return None  # the text has moved on (short paragraphs: a few lines still hold)
        if any(p < m.pos < pos and m.subject and m.entity != e
               and self.entities.entities[m.entity].kind == "person" for m in self.mentions):
            return None
        return self.entities.entities[e]

    def previous_speakers(self, pos: int, n: int = 2) -> list[Entity]:
        seen: list[Entity] = []
        for p, e in reversed(self.quoted):
            if p < pos and all(s.id != e for s in seen):
                seen.append(self.entities.entities[e])
                if len(seen) == n:
                    break
        return seen

    def protagonist(self) -> Entity | None:
        """The most salient person of the whole article."""
        total: dict[int, float] = {}
        for m in self.mentions:
            total[m.entity] = total.get(m.entity, 0.0) + m.weight
        for _, e in self.quoted:
            total[e] = total.get(e, 0.0) + QUOTED
        persons = [(s, e) for e, s in total.items() if self.entities.entities[e].kind == "person"]
        if not persons:
            return None
        best, e = max(persons)
        return self.entities.entities[e] if best >= 2 * SUBJECT else None

    def last_mention(self, ent: Entity, pos: int) -> MentionRef | None:
        last = None
        for m in self.mentions:
            if m.pos >= pos:
                break
            if m.entity == ent.id:
                last = m
        return last


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
