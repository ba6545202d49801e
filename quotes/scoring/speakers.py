"""The speaker scorer: the sieves propose, the article's discourse adds candidates, a learned
logistic regression decides (DESIGN: sieves with provenance, then a learned mention ranking).

Candidates for one quote: the entity the sieve resolved (or the unnamed source it described),
the current speaker, the two previous speakers, the protagonist, the most salient persons and
bodies at the quote, the people named in its sentence, and nobody. Each is described by the
evidence below; the highest-scoring one wins, and its probability is the quote's confidence.
`rule` stays the rule that proposed the winner: the sieve's, or `discourse:<origin>`.
"""
from __future__ import annotations

import regex

from dataclasses import dataclass, field
from math import log

from ..candidate import Candidate
from ..entities import Entity, EntityModel, role_concept, role_head
from ..entities.discourse import Discourse
from .weights import LinearModel

ORIGINS = ("sieve", "current", "previous", "protagonist", "salient", "sentence", "nobody")
MAX_SALIENT = 4


@dataclass
class SpeakerOption:
    entity: Entity | None  # None: an unnamed source (sieve) or nobody
    origins: set[str] = field(default_factory=set)
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0

    @property
    def key(self):
        return self.entity.id if self.entity is not None else min(self.origins)


def family(rule: str | None) -> str:
    return rule.split(":")[0] if rule else "none"


def options(q: Candidate, disc: Discourse, entities: EntityModel) -> list[SpeakerOption]:
    """Every candidate speaker of `q`, with its features."""
    found: dict = {}

    def add(ent: Entity | None, origin: str) -> None:
        key = ent.id if ent is not None else origin  # (SpeakerOption.key of a new option)
        if key in found:
            found[key].origins.add(origin)
        else:
            found[key] = SpeakerOption(ent, {origin})

    pos = q.start if q.outer_start is None else min(q.start, q.outer_start)
    sieve_ent = entities.entities[q.entity] if q.entity is not None else None
    if sieve_ent is not None:
        add(sieve_ent, "sieve")
    elif q.rule is not None and (q.kind == "anonymous" or q.role):
        add(None, "sieve")  # un haut responsable: an unnamed source, described
    current = disc.current_speaker(pos)
    if current is not None:
        add(current, "current")
    for ent in disc.previous_speakers(pos):
        add(ent, "previous")
    prot = disc.protagonist()
    if prot is not None:
        add(prot, "protagonist")
    ranked = disc.ranked(pos, ("person", "organization"))
    for ent, _ in ranked[:MAX_SALIENT]:
        add(ent, "salient")
    for ent in _named_in_sentence(q, disc, entities):
        add(ent, "sentence")
    if not any(o.entity is None for o in found.values()):
        add(None, "nobody")  # an unnamed source already stands for "no name" (with its description)
    opts = list(found.values())
    top = ranked[0][1] if ranked else 0.0
    rank = {ent.id: k for k, (ent, _) in enumerate(ranked)}
    sal = dict((ent.id, s) for ent, s in ranked)
    shape = _shape(q, disc)
    for opt in opts:
        opt.features = _features(q, opt, disc, sieve_ent, prot, current, sal, rank, top, shape)
    return opts


def _named_in_sentence(q: Candidate, disc: Discourse, entities: EntityModel) -> list[Entity]:
    doc = disc.doc
    i = doc.token_at(q.start)
    if i is None:
        return []
    sent = doc.sent_of(i)
    ids = disc.mentioned_between(sent.start, q.start) + disc.mentioned_between(q.end, sent.end)
    ents = [entities.entities[k] for k in dict.fromkeys(ids)]
    return [e for e in ents if e.kind in ("person", "organization")]


def _features(q: Candidate, opt: SpeakerOption, disc: Discourse, sieve_ent: Entity | None,
              prot: Entity | None, current: Entity | None, sal: dict, rank: dict, top: float,
              shape: str) -> dict[str, float]:
    f: dict[str, float] = {}
    rule = family(q.rule)
    has_sieve = q.rule is not None
    mention = q.speaker.kind if q.speaker is not None else "none"
    if mention in ("person", "organization", "unknown"):
        mention = "name" if q.speaker.name else "role"
    ent = opt.entity
    if "sieve" in opt.origins:
        f["sieve"] = 1.0
        f[f"sieve:{rule}"] = 1.0
        f[f"sieve_mention:{mention}"] = 1.0
        f["sieve_confidence"] = q.confidence
    elif has_sieve:
        f["against_sieve"] = 1.0
        f[f"against:{rule}"] = 1.0
        if sieve_ent is None:
            f["sieve_unresolved"] = 1.0
            f[f"sieve_unresolved:{mention}"] = 1.0
    else:
        f["no_sieve"] = 1.0
    if ent is None:
        tag = "unnamed" if "sieve" in opt.origins else "nobody"
        f[tag] = 1.0
        f[f"{tag}&{shape}"] = 1.0
        f[f"{tag}&type:{q.type}"] = 1.0
        f[f"{tag}&mention:{mention}"] = 1.0
        if not has_sieve:
            f[f"{tag}&no_sieve"] = 1.0
        if q.kind == "anonymous":
            f[f"{tag}&anonymous"] = 1.0
        if q.speaker is not None and q.speaker.kind != "pronoun":
            f[f"{tag}&{'definite' if q.speaker.definite else 'indefinite'}"] = 1.0
        if current is not None:
            f[f"{tag}&current_exists"] = 1.0
        return f
    for origin in ("current", "previous", "protagonist", "sentence"):
        if origin in opt.origins:
            f[origin] = 1.0
            f[f"{origin}&{'sieve' if has_sieve else 'no_sieve'}"] = 1.0
            f[f"{origin}&type:{q.type}"] = 1.0
            if not has_sieve:
                f[f"{origin}&{shape}"] = 1.0
    pos = q.start
    s = sal.get(ent.id, 0.0)
    f["salience"] = s / top if top else 0.0
    k = rank.get(ent.id)
    if k is not None and k < 3:
        f[f"salience_rank:{k + 1}"] = 1.0
    last = disc.last_mention(ent, pos)
    f["log_distance"] = log(1 + (pos - last.pos) / 100) if last else 6.0
    if last is not None and last.subject:
        f["last_mention_subject"] = 1.0
    if last is None:
        f["not_yet_named"] = 1.0
    after = disc.mentioned_after(ent, q.end)
    if after is not None and disc.paragraph(after) == disc.paragraph(pos):
        f["named_after_in_paragraph"] = 1.0
    if disc.in_headline(ent):
        f["headline"] = 1.0
    if ent.kind == "organization":
        f["organization"] = 1.0
    f["log_quoted"] = log(1 + disc.times_quoted(ent, pos))
    said = disc.last_quoted(ent, pos)
    if said is not None:  # a speaker goes on in the paragraph where they were quoted, and the next
        gap = disc.paragraph(pos) - disc.paragraph(said)
        f["quoted_same_paragraph" if gap == 0 else "quoted_last_paragraph" if gap == 1 else "quoted_before"] = 1.0
    if q.speaker is not None and q.speaker.kind == "pronoun":
        agrees = _agrees(q.speaker, ent)
        f["pronoun_agrees" if agrees and ent.kind == "person" else "pronoun_body" if agrees else "pronoun_clash"] = 1.0
        if agrees:
            first = next((e for e, _ in disc.ranked(pos, ("person", "organization")) if _agrees(q.speaker, e)), None)
            if first is ent:
                f["pronoun_most_salient_agreeing"] = 1.0
    if q.speaker is not None and q.speaker.role and sieve_ent is None and q.speaker.kind != "pronoun":
        _role_features(f, q.speaker, ent, disc)
    if ent is prot:
        f["is_protagonist"] = 1.0
    if ent is current:
        f["is_current"] = 1.0
    return f


FIRST_PERSON = regex.compile(r"\b(?:je|j'|j’|nous|moi|me|m'|m’|mon|ma|mes|notre|nos)\b", regex.IGNORECASE)


def _shape(q: Candidate, disc: Discourse) -> str:
    """What the words look like: someone's statement in the first person, a sentence, or a fragment
    of a few words (more often a term, a slogan, or another voice than the current speaker's)."""
    words = disc.doc.text[q.start:q.end]
    if FIRST_PERSON.search(words):
        return "first_person"
    return "fragment" if len(words.split()) <= 4 else "sentence"


def _agrees(m, ent: Entity) -> bool:
    """A pronoun and an entity agree in gender and number (a body is singular)."""
    gender = m.gender
    return m.number == "s" and (gender == "x" or ent.gender in ("x", gender)) and ent.kind in ("person", "organization")


def _role_features(f: dict[str, float], m, ent: Entity, disc: Discourse) -> None:
    """A role-only mention the entity model left unnamed (le député, le fleuriste): does this
    candidate hold that role, does anyone else, does the gender agree?"""
    head, concept = role_head(m.role), role_concept(m.role)

    def holds(e: Entity) -> bool:
        return any(role_head(r) == head or (concept and role_concept(r) == concept) for _, r in e.roles)

    f["role_mention"] = 1.0
    if holds(ent):
        f["role_held"] = 1.0
    elif ent.roles:
        f["role_other"] = 1.0
    if any(holds(e) for e in disc.entities.entities if e is not ent and e.kind == "person"):
        f["role_held_by_other"] = 1.0
    if m.gender != "x" and ent.gender != "x":
        f["role_gender_agrees" if m.gender == ent.gender else "role_gender_clash"] = 1.0
    if ent.kind != "person":
        f["role_body"] = 1.0


def choose(opts: list[SpeakerOption], model: LinearModel) -> SpeakerOption:
    for opt in opts:
        opt.score = model.probability(opt.features)
    return max(opts, key=lambda o: (o.score, "sieve" in o.origins))


def origin_rule(opt: SpeakerOption) -> str:
    for origin in ("current", "previous", "sentence", "protagonist", "salient"):
        if origin in opt.origins:
            return f"discourse:{origin}-speaker" if origin in ("current", "previous") else f"discourse:{origin}"
    return "discourse"
