"""Sieves that read the clause around a quote: its cue verb and subject, or its source phrase."""
from __future__ import annotations

from .. import lexicon
from ..clause_subjects import fronted_place
from ..cues import CueMatch, agent_of, cue_at, mention_of, skip_fillers, subject_of
from ..entities.mentions import Mention, mention_at
from ..lexicon import fold
from ..nlp import Doc
from ..reported import source_mention
from .base import Attribution, Sieve, first_token_after, last_token_before, nearest_subject, quoted_tokens


class CueSubject(Sieve):
    """Le ministre a qualifié la décision d’« inacceptable » / accusé par Moscou de « se défausser… »."""

    name, confidence = "cue-subject", 0.8

    def attribute(self, q, ctx):
        doc = ctx.doc
        first = first_token_after(doc, q.start)
        if first is None:
            return None
        sent = doc.sent_of(first)
        open_tok = last_token_before(doc, q.outer_start)
        k = open_tok if open_tok is not None else first - 1
        if q.cue is not None:  # reported speech: detection found the cue already
            k, sent = q.cue.verb, doc.sent_of(q.cue.verb)
        steps = 0
        while k is not None and k >= sent.first and steps < 14:
            t = doc.tokens[k]
            if t.text in (".", ";", "»", "«", "\"") and k != open_tok:
                break
            cue = cue_at(doc, k) if q.cue is None else q.cue
            if cue and not cue.negated:
                if q.cue is None and "quote" in cue.entry.flags and open_tok - cue.last > 1:
                    return None  # « reprendre Mossoul, « capitale » »: such verbs only introduce marks
                if cue.passive:
                    agent = agent_of(doc, k, sent.last)
                    return Attribution(agent, cue, sub="agent") if agent else None
                if _participle(doc.tokens[k]):
                    # …, a dit un responsable, estimant qu’on « ignore si… »: the clause's speaker
                    earlier = [o for o in ctx.quotes[:ctx.index] if o.rule and o.outer_end >= doc.tokens[sent.first].start]
                    if earlier:
                        return Attribution(None, cue, sub="participle", same_as=earlier[-1])
                speaker = subject_of(doc, k) or nearest_subject(doc, sent.first, cue.first, quoted_tokens(ctx)) \
                    or _inverted_subject(doc, cue, sent.last) or _main_subject(doc, cue, sent, q.end)
                if speaker is not None and speaker.kind == "unknown" and fold(doc.tokens[speaker.first].text) == "on":
                    speaker = fronted_place(doc, speaker.first) or speaker  # Dans l'entourage de X, on estime…
                if speaker is None and sent.i > 0 and doc.tokens[sent.first].pos == "CCONJ":
                    # « La Russie dément. » « Et exige que… »: the parser cut a coordinated sentence
                    prev = doc.sents[sent.i - 1]
                    speaker = nearest_subject(doc, prev.first, prev.last)
                # « X a dit que… Il a précisé que… »: a pronoun subject of a speech verb goes on with the
                # last speaker before anyone named in what was reported
                return Attribution(speaker, cue, prefer_last=speaker.kind == "pronoun") if speaker else None
            k -= 1
            steps += 1
        return None


def _inverted_subject(doc: Doc, cue: CueMatch, limit: int) -> Mention | None:
    """A que-clause whose subject follows the verb: « Ainsi l’affirme le ministre », « a dit X que »."""
    k = skip_fillers(doc, cue.last, limit)
    m = mention_at(doc, k, limit) if k < limit else None
    return m if m is not None and m.kind in ("person", "organization") and (m.name or m.role) else None


def _main_subject(doc: Doc, cue: CueMatch, sent, end: int) -> Mention | None:
    """« Disant comprendre la « colère », le président a fait son mea culpa »: a participle that opens
    the sentence has the subject of the main clause after it (the parse often makes the participle
    the root)."""
    if cue.first != sent.first or not _participle(doc.tokens[cue.verb]):
        return None
    after = first_token_after(doc, end)
    for c in range(after if after is not None else sent.last, sent.last):
        if doc.tokens[c].dep in ("nsubj", "nsubj:pass"):
            m = mention_of(doc, c)
            return m if m is not None and (m.name or m.role or m.kind == "pronoun") else None
    return None


def _participle(t) -> bool:
    return t.text.lower().endswith("ant") and (t.feat("VerbForm") == "Part" or t.pos == "VERB")


class Selon(Sieve):
    """Selon le Pentagone, « … » / « … », selon son porte-parole Dmitri Peskov."""

    name, confidence = "selon", 0.85

    def attribute(self, q, ctx):
        doc = ctx.doc
        first = first_token_after(doc, q.start)
        if first is None:
            return None
        sent = doc.sent_of(first)
        table = lexicon.sources()[1]
        for m in _sources_in(doc, sent):
            entry = table.get(fold(m.group()))
            if entry is None:
                continue
            if "comma" in entry.flags and (m.start() > doc.tokens[sent.first].start or q.found_by != "source:before"):
                continue  # « pour X, … » only where detection saw it open the sentence
            if q.outer_start <= m.start() < q.outer_end and q.found_by != "source:middle":
                continue  # a source inside the content is someone else's (but: Ces actions étaient, selon X, …)
            k = first_token_after(doc, m.end())
            if k is None:
                continue
            if doc.text[doc.tokens[k].start:doc.tokens[k].start + 14].lower().replace("’", "'") in (
                    "la même source", "les mêmes sour") and ctx.previous is not None:
                cue = CueMatch(k - 1, doc.token_at(m.start()) or k - 1, k, _SOURCE_VERB, None)
                return Attribution(None, cue, sub="same-source", same_as=ctx.previous)
            speaker = source_mention(doc, k, sent.last)
            if speaker and (speaker.name or speaker.role or speaker.kind == "pronoun"):
                cue = CueMatch(k - 1, doc.token_at(m.start()) or k - 1, k, _SOURCE_VERB, None)
                sub = "middle" if q.found_by == "source:middle" else "after" if m.start() >= q.outer_end else "before"
                # « …, selon elle »: like an incise, the pronoun looks to the last speaker first
                return Attribution(speaker, cue, sub=sub, prefer_last=speaker.kind == "pronoun")
        return None


def _sources_in(doc: Doc, sent) -> list:
    """The source phrases (selon, d'après…) of a sentence, searched once per sentence and document:
    every quote of a long sentence asks for them."""
    memo = doc.memo.setdefault("sources-in-sentence", {})
    if sent.i not in memo:
        pattern = lexicon.sources()[0]
        memo[sent.i] = list(pattern.finditer(doc.text, doc.tokens[sent.first].start, doc.tokens[sent.last - 1].end))
    return memo[sent.i]


_SOURCE_VERB = lexicon.SpeechVerb("selon", False, (), "say", frozenset())
