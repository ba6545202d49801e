"""Sieves that read the quotes and sentences around a quote: lower confidence, last in line."""
from __future__ import annotations

import regex

from ..cues import mention_of
from ..direct import chanted, line_around
from ..lexicon import fold
from ..marks import DIALOGUE
from .base import Attribution, Sieve, first_token_after, last_token_before, quoted_tokens


class DialogueTurn(Sieve):
    """« On attend votre avocate, dit le président.⏎- Et si elle est pas là ? s’exclame le prévenu.⏎
    - On ne peut pas faire sans. »: replies with no incise alternate between the two speakers."""

    name, confidence = "dialogue-turn", 0.6

    def attribute(self, q, ctx):
        prev = ctx.previous
        if prev is None or q.span is None or prev.span is None or q.cue is not None:
            return None
        if DIALOGUE not in (q.span.mark, prev.span.mark) or q.outer_start - prev.outer_end > 300:
            return None
        earlier = [o for o in ctx.quotes[:ctx.index] if o.rule and o is not prev and o.outer_end <= prev.outer_start]
        if not earlier:
            return None
        before = earlier[-1]
        if prev.outer_start - before.outer_end > 300 or (before.name, before.role) == (prev.name, prev.role):
            return None
        return Attribution(None, None, same_as=before)


class Continuation(Sieve):
    """« A », a dit X.⏎⏎« B »: a quote with no cue right after X's continues X (lower confidence)."""

    name, confidence = "continuation", 0.62

    def attribute(self, q, ctx):
        prev = ctx.previous
        if prev is None or prev.rule is None or (prev.name is None and prev.role is None):
            return None
        if q.outer_start - prev.outer_end > 400:
            return None
        between = ctx.text[prev.outer_end:q.outer_start]
        cut = []  # what attributed the previous quote may lie in between: it is not new narrative
        for a, b in ((prev.cue_start, prev.cue_end), (prev.speaker.start, prev.speaker.end) if prev.speaker else (0, 0)):
            if prev.outer_end <= a < b <= q.outer_start:
                cut.append((a - prev.outer_end, b - prev.outer_end))
        for a, b in sorted(cut, reverse=True):
            between = between[:a] + " " + between[b:]
        lines = [ln for ln in between.split("\n") if ln.strip(" .,;:\u00a0»«\"")]
        words = [w for w in between.split() if any(ch.isalnum() for ch in w)]
        if len(lines) > 1 or len(words) > 6 or any(w[:1].isupper() for w in words):
            return None
        return Attribution(None, None, same_as=prev)


class PrecedingSubject(Sieve):
    """St-Louis a salué la réaction de ses joueurs.⏎⏎« C'est un groupe qui s'aime. »: the person the
    sentence before the quote is about."""

    name, confidence = "preceding-subject", 0.6

    def attribute(self, q, ctx):
        doc, text = ctx.doc, ctx.text
        line_start = text.rfind("\n", 0, q.outer_start) + 1
        lead = text[line_start:q.outer_start].strip()
        if lead and lead[-1] not in ".!?:":
            return None
        k = last_token_before(doc, q.outer_start)
        if k is None:
            return None
        sent = doc.sent_of(k)
        if ctx.other_starts_in(q, sent.start, sent.end):
            return None  # the sentence before is itself a quote: continuation's business
        if text[sent.end:q.outer_start].count("\n") > 2:
            return None
        for i in range(sent.first, sent.last):
            t = doc.tokens[i]
            if t.dep in ("nsubj", "nsubj:pass") and doc.tokens[t.head].dep == "ROOT":
                m = mention_of(doc, i)
                if m and (m.name or m.role or m.kind == "pronoun") and m.kind in ("person", "pronoun"):
                    return Attribution(m, None)
                return None
        return None


class Repeated(Sieve):
    """« Les Français d'abord »⏎…⏎« Les Français d'abord », a-t-il ajouté: a heading or a pull quote
    repeats words the article quotes again, attributed; both are the same person's."""

    name, confidence = "repeated", 0.75

    def attribute(self, q, ctx):
        same = _same_words(ctx).get(_repeat_key(ctx.text[q.start:q.end]), ())
        twins = [o for o in same if o is not q and o.rule and not o.rule.startswith(self.name)]
        return Attribution(None, None, same_as=max(twins, key=lambda o: o.confidence)) if twins else None


def _repeat_key(text: str) -> str:
    return " ".join(regex.findall(r"\w+", text.casefold()))


def _same_words(ctx) -> dict[str, list]:
    """The quotes of the document by their words, built once (a lookup per quote, not a pass over all
    of them: an article of a thousand quotes stays linear). Four words or more: a word or two in
    marks is a term many people use."""
    found = ctx.notes.get("same-words")
    if found is None:
        found = ctx.notes["same-words"] = {}
        for o in ctx.quotes:
            key = _repeat_key(ctx.text[o.start:o.end])
            if len(key.split()) >= 4:
                found.setdefault(key, []).append(o)
    return found


class Heading(Sieve):
    """« Cas par cas »⏎⏎« Être en dehors… », explique M. Caron: a heading quote, then its speaker."""

    name, confidence = "heading", 0.55

    def attribute(self, q, ctx):
        text = ctx.text
        line_start, line_end = line_around(text, q.outer_start, q.outer_end)
        if text[line_start:q.outer_start].strip() or text[q.outer_end:line_end].strip(" .!?"):
            return None
        if text[q.start:q.end].rstrip()[-1:] == "." or text[q.outer_end:line_end].strip()[:1] == ".":
            return None  # a paragraph that is a whole quote ends with a period; a heading does not
        for nxt in ctx.quotes[ctx.index + 1: ctx.index + 3]:
            if nxt.outer_start - line_end < 600 and nxt.rule and nxt.rule != "heading" and nxt.name:
                return Attribution(None, None, same_as=nxt)
        return None


class SentenceSubject(Sieve):
    """Me Touma a invoqué une « apparence de partialité »: the clause's subject, when it names someone."""

    name, confidence = "sentence-subject", 0.5

    def attribute(self, q, ctx):
        doc = ctx.doc
        first = first_token_after(doc, q.start)
        if first is None:
            return None
        open_tok = last_token_before(doc, q.outer_start)
        if open_tok is None:
            return None
        k = _last_clause_verb(doc)[open_tok]  # the first verb walking back from the opening mark
        if k < doc.sent_of(first).first:
            return None
        quoted = quoted_tokens(ctx)
        for c in _subjects(doc, k):
            if c in quoted:
                continue  # « L'Europe est menacée » et « de l'intérieur », a-t-il estimé: the speaker's words
            m = mention_of(doc, c)
            if m and (m.kind in ("person", "organization", "unknown") or m.kind == "anonymous" and
                      doc.tokens[m.first].text.lower() in ("ce", "cet", "cette")) and (m.name or m.role):
                return Attribution(m, None)  # (cette native de Bretagne: the person just named, described anew)
            if m and m.kind == "pronoun" and chanted(q, doc.text):
                return Attribution(m, None, sub="chant")  # Il entre aux cris de « … »: he shouts it
        return None


def _subjects(doc, k: int) -> list[int]:
    """The subject of verb k: before it; for a relative (…native de Bretagne qui possède « … »), the
    phrase the relative hangs on; for a participle that opens the sentence (Horripilée par « … »,
    cette femme…), the subject of the verb it hangs on."""
    t = doc.tokens[k]
    subj = [c for c in doc.children[k] if doc.tokens[c].dep in ("nsubj", "nsubj:pass") and c < k]
    if subj and fold(doc.tokens[subj[0]].text) == "qui" and t.dep == "acl:relcl" and t.head < k:
        return [t.head]
    sent = doc.sent_of(k)
    if not subj and t.feat("VerbForm") == "Part" and k == sent.first:
        subject = next((c for c in range(k + 1, sent.last) if doc.tokens[c].dep in ("nsubj", "nsubj:pass")), None)
        return [subject] if subject is not None else []
    return subj


def _last_clause_verb(doc) -> list[int]:
    """For each token, the index of the last verb (not an auxiliary) at or before it, -1 if none:
    computed once per document, so each quote's walk back to its verb costs nothing."""
    if "last-clause-verb" not in doc.memo:
        out, last = [], -1
        for t in doc.tokens:
            if t.pos in ("VERB", "AUX") and t.dep not in ("aux", "aux:tense", "aux:pass", "cop"):
                last = t.i
            out.append(last)
        doc.memo["last-clause-verb"] = out
    return doc.memo["last-clause-verb"]


class NearestMention(Sieve):
    """Baseline (off): the closest named person before the quote (Paul Roy sourit. « Enfin ! »)."""

    name, confidence, enabled = "nearest-mention", 0.3, False

    def attribute(self, q, ctx):
        doc = ctx.doc
        k = last_token_before(doc, q.outer_start)
        while k is not None and k >= 0 and q.outer_start - doc.tokens[k].start < 400:
            if doc.tokens[k].ent == "PER":
                m = mention_of(doc, k)
                if m and m.name:
                    return Attribution(m, None)
            k -= 1
        return None
