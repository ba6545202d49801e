"""Sieves that read an incise, a colon or a line around the marks: the most precise ones."""
from __future__ import annotations

from .. import lexicon
from ..cues import cue_at, incise_after, skip_fillers, subject_of
from ..entities.mentions import apposition, build, mention_at, np_end, pronoun
from ..lexicon import fold
from ..nlp import Doc
from .base import Attribution, Sieve, first_token_after, last_token_before, nearest_subject, quoted_tokens


class Interview(Sieve):
    """In « LE JOURNAL. - Faut-il réformer ?⏎Ivan PETROV. - Oui, sans attendre. », the answer (no marks
    of its own) is the interviewee's: Ivan Petrov."""

    name, confidence = "interview", 0.9

    def attribute(self, q, ctx):
        if q.found_by != "interview":
            return None
        if q.speaker is not None:
            return Attribution(q.speaker, None)
        earlier = [o for o in ctx.quotes[:ctx.index] if o.found_by == "interview" and o.rule]
        return Attribution(None, None, same_as=earlier[-1]) if earlier else None


class InciseInside(Sieve):
    """« Moi, c'est ça que je regarde, a ajouté St-Louis. C'est bon signe. »: two quotes, one speaker;
    without marks too: « La situation, a-t-il estimé, est grave. »"""

    name, confidence = "incise-inside", 0.92

    def attribute(self, q, ctx):
        if q.incise is None or q.found_by == "ce-que":
            return None
        sub = "comme" if q.found_by == "comme" else "noun" if q.found_by.startswith("noun") else None
        return Attribution(q.incise.speaker, q.incise.cue, sub=sub, prefer_last=True)


class CeQue(Sieve):
    """« Le PQ réclame des excuses. C’est ce qu’a réclamé le Parti québécois »: the sentence before."""

    name, confidence = "ce-que", 0.82

    def attribute(self, q, ctx):
        if q.found_by != "ce-que" or q.incise is None:
            return None
        return Attribution(q.incise.speaker, q.incise.cue)


class InciseAfter(Sieve):
    """« C’est une promesse », a martelé Sergueï Lavrov. / « Non », a-t-il déclaré."""

    name, confidence = "incise-after", 0.93

    def attribute(self, q, ctx):
        doc = ctx.doc
        i = first_token_after(doc, q.outer_end)
        if i is None or doc.tokens[i].start - q.outer_end > 3:
            return None
        first = doc.tokens[i]
        ended = ctx.text[q.start:q.end].rstrip()[-1:] in ("?", "!", "…")
        if first.text not in (",", "—", "–") and not (ended and first.text[:1].islower()):
            return None
        limit = doc.sent_of(i).last
        inc = incise_after(doc, i, limit)
        if inc is None or (inc.speaker is None and inc.cue.clitic is None):
            return None
        sub = "inverted" if inc.cue.clitic is not None or (inc.speaker and inc.speaker.first > inc.cue.verb) else None
        if sub is None and _introduced(doc, q):
            return None  # X affirmait : « … », les citoyens répondent : the quote is X's, the next clause begins
        if _relayed(doc, q, inc, ctx):
            return Attribution(None, inc.cue, sub="relayed", same_as=ctx.previous)
        return Attribution(inc.speaker, inc.cue, sub=sub, prefer_last=True)


def _introduced(doc: Doc, q) -> bool:
    """A cue verb right before the opening mark, or before a colon there: « X a promis « … » »,
    « X affirmait : « … » »."""
    k = last_token_before(doc, q.outer_start)
    if k is not None and doc.tokens[k].text == ":":
        k -= 1
    return k is not None and k >= 0 and cue_at(doc, k) is not None


RELAYING = {"rapporter", "relater", "citer", "relayer"}


def _relayed(doc: Doc, q, inc, ctx) -> bool:
    """« … », a rétorqué la juge Roy. « … », rapporte le Journal de Montréal: an outlet that relays
    words in marks right after a person's is not their speaker; that person goes on speaking."""
    m, prev = inc.speaker, ctx.previous
    if m is None or m.kind != "organization" or inc.cue.entry.lemma not in RELAYING or prev is None:
        return False
    head = (m.role or m.name or "").split()[:1] + [doc.tokens[k].text for k in range(m.first, m.last)]
    media = any(lexicon.bodies().get(fold(w)) == "media" for w in head) or any(
        e.label == "ORG" for e in doc.ents_over(m.first, m.last)) and doc.tokens[m.first].text.lower() in ("le", "la", "l'")
    return media and prev.kind == "person" and prev.name is not None and q.type == "direct" \
        and "\n" not in doc.text[prev.end:q.start]


class ColonIntro(Sieve):
    """Mme X a déclaré : « … » / Lise Thériault : « … » / Et de poursuivre : « … »."""

    name, confidence = "colon-intro", 0.9

    def attribute(self, q, ctx):
        doc = ctx.doc
        c = last_token_before(doc, q.outer_start)
        if c is None or doc.tokens[c].text != ":" or q.outer_start - doc.tokens[c].end > 3:
            return None
        sent = doc.sent_of(c)
        start = sent.first
        for other in ctx.quotes:  # the clause starts after an earlier quote in the same sentence
            if other is not q and doc.tokens[start].start < other.outer_end <= doc.tokens[c].start:
                start = first_token_after(doc, other.outer_end) or start
        for k in range(c - 1, start - 1, -1):
            cue = cue_at(doc, k)
            if cue is None:
                continue
            if doc.tokens[k].dep in ("acl:relcl", "acl") or skip_fillers(doc, cue.last, c) < c:
                return None  # the verb has its own object before the colon: not what introduces the quote
            if cue.clitic is not None:
                speaker = mention_at(doc, cue.clitic, c)
            else:
                speaker = subject_of(doc, k)
                if speaker is not None and not start <= speaker.first < c:
                    speaker = None
                if speaker is None and k > start:
                    speaker = nearest_subject(doc, start, cue.first, quoted_tokens(ctx))
            if speaker is None and ctx.previous is not None:
                return Attribution(None, cue, sub="continued", same_as=ctx.previous)
            return Attribution(speaker, cue, sub="verb") if speaker else None
        if c - start > 30 or c == start or not _label_clause(doc, start, c):
            return None
        if c == start + 1 and pronoun(doc, start):
            return Attribution(pronoun(doc, start), None, sub="name")  # Lui : « … »
        end = np_end(doc, start, c)
        if end <= start:
            return None
        m = build(doc, start, end, apposition(doc, end, c + 1))
        for k in range(end, c):
            # Lise Thériault, de retour d'un congé, nouvelle ministre des PME : the role nearest the quote
            if m is not None and doc.tokens[k].text == ",":
                app = apposition(doc, k, c + 1)
                if app:
                    fuller = build(doc, start, end, app)
                    if fuller is not None and fuller.role:
                        m = fuller
        if m is None or not (m.name or m.role):
            return None
        return Attribution(m, None, sub="name")


RELATIVE = {"qui", "que", "qu'", "qu’", "dont", "où"}


def _label_clause(doc: Doc, start: int, colon: int) -> bool:
    """A clause with no finite verb of its own (relative clauses aside): a label, not a sentence."""
    for k in range(start, colon):
        t = doc.tokens[k]
        if t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin":
            if not any(doc.tokens[j].text.lower() in RELATIVE for j in range(max(start, k - 3), k)):
                return False
    return True


class Parenthetical(Sieve):
    """« … » (Marc Miller, dans un communiqué)."""

    name, confidence = "parenthetical", 0.88

    def attribute(self, q, ctx):
        doc = ctx.doc
        i = first_token_after(doc, q.outer_end)
        if i is None or doc.tokens[i].text != "(" or doc.tokens[i].start - q.outer_end > 2:
            return None
        m = mention_at(doc, i + 1, min(len(doc.tokens), i + 16))
        if m is None or m.kind == "pronoun" or not m.name:
            return None
        nxt = doc.tokens[m.last].text if m.last < len(doc.tokens) else ")"
        return Attribution(m, None) if nxt in (",", ")") else None


class AttributionLine(Sieve):
    """« … »⏎— Marc Miller, devant les sénateurs. / « … »⏎Eric Woerth⏎ (a line that is only a name:
    the layout of quoted phrases set apart, each signed on the line below)."""

    name, confidence = "attribution-line", 0.85

    def attribute(self, q, ctx):
        doc, text = ctx.doc, ctx.text
        nl = text.find("\n", q.outer_end)
        if nl < 0 or text[q.outer_end:nl].strip(" .\u00a0"):
            return None
        i = first_token_after(doc, nl)
        if i is None or text[nl:doc.tokens[i].start].count("\n") > 2:
            return None
        if doc.tokens[i].text in ("—", "–", "-"):
            m = mention_at(doc, i + 1, doc.sent_of(i + 1).last if i + 1 < len(doc.tokens) else i + 1)
            return Attribution(m, None) if m and m.name and m.kind in ("person", "organization") else None
        end = text.find("\n", doc.tokens[i].start)
        end = len(text) if end < 0 else end
        if end - doc.tokens[i].start > 60:
            return None
        m = mention_at(doc, i, doc.token_at(end - 1) + 1 if doc.token_at(end - 1) is not None else i + 1)
        if m is None or not m.name or m.kind != "person" or text[m.end:end].strip(" .\u00a0").count(" ") > 1:
            return None  # a name, and at most one word after it (Écrivain, Sociologue)
        return Attribution(m, None)
