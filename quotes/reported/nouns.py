"""Nominal cues: a speech noun with its content (lexicon speech_nouns.tsv).

    L'appel d'Ingrid Roy à mettre fin à « toutes les violences » …   → mettre fin à « … » (Roy)
    Le maire a annoncé son intention de se représenter.                → se représenter (the maire)
    Le président avait fait la promesse de rester dans les clous.      → rester dans les clous

The speaker is the noun's complement (de + a name or a body) when it has one, else the owner
of its possessive: the subject of the clause (son intention → le maire).
"""
from __future__ import annotations

from .. import lexicon
from ..candidate import Candidate
from ..cues import CueMatch, Incise, subject_of
from ..direct import trim_content
from ..entities.mentions import mention_at, np_end
from ..lexicon import fold
from ..marks import MarkSpan
from ..nlp import Doc
from .clauses import A, DE, _infinitive_ahead, content_end, in_spans, lowered, que_end

POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}


def from_nouns(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    nouns = lexicon.speech_nouns()
    out = []
    toks, folds = doc.tokens, doc.folded
    for i, t in enumerate(toks):
        if t.pos != "NOUN":
            continue
        entry = nouns.get(folds[i]) or nouns.get(fold(t.lemma))
        if entry is None or in_spans(t.start, t.end, spans):
            continue
        sent = doc.sent_of(i)
        k, speaker = i + 1, None
        if k < sent.last and lowered(toks[k]) in DE | {"du", "des"}:
            # l'appel d'Ingrid Roy, l'appel du gouvernement: the complement is who calls
            j = k + 1
            agent = mention_at(doc, j if lowered(toks[k]) in ("de", "d'", "d’") else k, sent.last)
            if agent is not None and agent.name and agent.kind in ("person", "organization"):
                speaker, k = agent, agent.last
            elif lowered(toks[k]) in ("du", "des"):
                continue
        found = _content(doc, entry, k, sent.last)
        if found is None:
            continue
        first, how = found
        last = min(content_end(doc, first, sent.last, spans), max(doc.subtree(i)) + 1)  # the noun phrase ends first
        if any(toks[j].pos == "ADP" for j in range(max(sent.first, i - 3), i)):
            # Après l'annonce que le site fermerait, les salariés…: a fronted phrase ends at its comma
            last = next((j for j in range(first, last) if toks[j].text == "," and not in_spans(
                toks[j].start, toks[j].end, spans)), last)
        if last <= first:
            continue
        if speaker is None and (i > 0 and lowered(toks[i - 1]) in POSSESSIVES or t.dep == "obj"):
            speaker = _owner(doc, i)  # son intention de…, a fait la promesse de…: the subject's
        a, b = trim_content(doc.text, toks[first].start, toks[last - 1].end)
        cue = CueMatch(i, i, i + 1, entry)
        q = Candidate("indirect", a, b, outer_start=a, outer_end=b, found_by=f"noun:{how}", cue=cue)
        q.incise = Incise(cue, speaker, i, i + 1)
        out.append(q)
    return out


def _content(doc: Doc, entry, k: int, limit: int) -> tuple[int, str] | None:
    if k >= limit:
        return None
    low = lowered(doc.tokens[k])
    if low in A and "a" in entry.flags and k + 1 < limit and _infinitive_ahead(doc, k + 1, limit):
        return k + 1, "a"
    if low in DE and "de" in entry.flags and k + 1 < limit and _infinitive_ahead(doc, k + 1, limit):
        return k + 1, "de"
    if "que" in entry.flags and que_end(doc, k) is not None:
        return que_end(doc, k), "que"
    return None


def _owner(doc: Doc, noun: int):
    """Whose « son intention » it is: the subject of the verb the noun phrase depends on."""
    head = doc.tokens[noun].head
    if head == noun:
        return None
    subj = subject_of(doc, head)
    if subj is not None and (subj.name or subj.role or subj.kind == "pronoun"):
        return subj
    sent = doc.sent_of(noun)
    m = mention_at(doc, sent.first, np_end(doc, sent.first, noun) or noun) if sent.first < noun else None
    return m if m is not None and (m.name or m.role) else None
