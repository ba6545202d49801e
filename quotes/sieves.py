"""Attribution sieves: quote → cue and speaker mention, most precise first (DESIGN principle 3).

Each sieve is small: a `name` (the output `rule`), a `confidence`, a French example in its
docstring, and `attribute(quote, ctx)` returning an `Attribution` or None. The driver in
`attribution.py`, not the sieve, skips quotes already attributed and stamps `rule` and
`confidence`, so provenance cannot be forgotten. Mention → entity is the entity model's job.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon
from .candidate import Candidate
from .cues import CLAUSE_END, CueMatch, agent_of, cue_at, incise_after, mention_of, skip_fillers, subject_of
from .entities.mentions import Mention, apposition, build, mention_at, np_end, pronoun
from .lexicon import fold
from .marks import DIALOGUE
from .reported import source_mention
from .nlp import Doc


@dataclass(slots=True)
class Attribution:
    speaker: Mention | None
    cue: CueMatch | None
    sub: str | None = None  # a sub-pattern, written after a colon in `rule`
    same_as: Candidate | None = None  # the quote whose speaker this one continues
    prefer_last: bool = False  # a pronoun in an incise looks to the last speaker first


@dataclass
class Context:
    doc: Doc
    quotes: list[Candidate]
    index: int = 0
    previous: Candidate | None = None  # the last attributed quote before this one
    notes: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.doc.text


def _first_token_after(doc: Doc, pos: int) -> int | None:
    i = doc.token_at(pos)
    while i is not None and i < len(doc.tokens) and doc.tokens[i].start < pos:
        i += 1
    return i if i is not None and i < len(doc.tokens) else None


def _last_token_before(doc: Doc, pos: int) -> int | None:
    i = doc.token_at(pos)
    if i is None:
        return len(doc.tokens) - 1 if doc.tokens else None
    while i >= 0 and doc.tokens[i].end > pos:
        i -= 1
    return i if i >= 0 else None


class Sieve:
    name = ""
    confidence = 0.5
    enabled = True

    def attribute(self, q: Candidate, ctx: Context) -> Attribution | None:  # pragma: no cover
        raise NotImplementedError


class InciseInside(Sieve):
    """« Moi, c'est ça que je regarde, a ajouté St-Louis. C'est bon signe. »: two quotes, one speaker;
    without marks too: « La situation, a-t-il estimé, est grave. »"""

    name, confidence = "incise-inside", 0.92

    def attribute(self, q, ctx):
        if q.incise is None or q.found_by == "ce-que":
            return None
        return Attribution(q.incise.speaker, q.incise.cue, prefer_last=True)


class InciseAfter(Sieve):
    """« C’est une promesse », a martelé Sergueï Lavrov. / « Non », a-t-il déclaré."""

    name, confidence = "incise-after", 0.93

    def attribute(self, q, ctx):
        doc = ctx.doc
        i = _first_token_after(doc, q.outer_end)
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
        return Attribution(inc.speaker, inc.cue, sub=sub, prefer_last=True)


class ColonIntro(Sieve):
    """Mme X a déclaré : « … » / Lise Thériault : « … » / Et de poursuivre : « … »."""

    name, confidence = "colon-intro", 0.9

    def attribute(self, q, ctx):
        doc = ctx.doc
        c = _last_token_before(doc, q.outer_start)
        if c is None or doc.tokens[c].text != ":" or q.outer_start - doc.tokens[c].end > 3:
            return None
        sent = doc.sent_of(c)
        start = sent.first
        for other in ctx.quotes:  # the clause starts after an earlier quote in the same sentence
            if other is not q and doc.tokens[start].start < other.outer_end <= doc.tokens[c].start:
                start = _first_token_after(doc, other.outer_end) or start
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
                    speaker = _nearest_subject(doc, start, cue.first)
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
        i = _first_token_after(doc, q.outer_end)
        if i is None or doc.tokens[i].text != "(" or doc.tokens[i].start - q.outer_end > 2:
            return None
        m = mention_at(doc, i + 1, min(len(doc.tokens), i + 16))
        if m is None or m.kind == "pronoun" or not m.name:
            return None
        nxt = doc.tokens[m.last].text if m.last < len(doc.tokens) else ")"
        return Attribution(m, None) if nxt in (",", ")") else None


class AttributionLine(Sieve):
    """« … »⏎— Marc Miller, devant les sénateurs."""

    name, confidence = "attribution-line", 0.85

    def attribute(self, q, ctx):
        doc, text = ctx.doc, ctx.text
        nl = text.find("\n", q.outer_end)
        if nl < 0 or text[q.outer_end:nl].strip(" .\u00a0"):
            return None
        i = _first_token_after(doc, nl)
        if i is None or doc.tokens[i].text not in ("—", "–", "-") or text[nl:doc.tokens[i].start].count("\n") > 2:
            return None
        m = mention_at(doc, i + 1, doc.sent_of(i + 1).last if i + 1 < len(doc.tokens) else i + 1)
        return Attribution(m, None) if m and m.name and m.kind in ("person", "organization") else None


class CueSubject(Sieve):
    """Le ministre a qualifié la décision d’« inacceptable » / accusé par Moscou de « se défausser… »."""

    name, confidence = "cue-subject", 0.8

    def attribute(self, q, ctx):
        doc = ctx.doc
        first = _first_token_after(doc, q.start)
        if first is None:
            return None
        sent = doc.sent_of(first)
        open_tok = _last_token_before(doc, q.outer_start)
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
                speaker = subject_of(doc, k) or _nearest_subject(doc, sent.first, cue.first) \
                    or _inverted_subject(doc, cue, sent.last)
                if speaker is None and sent.i > 0 and doc.tokens[sent.first].pos == "CCONJ":
                    # « La Russie dément. » « Et exige que… »: the parser cut a coordinated sentence
                    prev = doc.sents[sent.i - 1]
                    speaker = _nearest_subject(doc, prev.first, prev.last)
                return Attribution(speaker, cue) if speaker else None
            k -= 1
            steps += 1
        return None


def _inverted_subject(doc: Doc, cue: CueMatch, limit: int) -> Mention | None:
    """A que-clause whose subject follows the verb: « Ainsi l’affirme le ministre », « a dit X que »."""
    k = skip_fillers(doc, cue.last, limit)
    m = mention_at(doc, k, limit) if k < limit else None
    return m if m is not None and m.kind in ("person", "organization") and (m.name or m.role) else None


def _participle(t) -> bool:
    return t.text.lower().endswith("ant") and (t.feat("VerbForm") == "Part" or t.pos == "VERB")


def _nearest_subject(doc: Doc, first: int, before: int) -> Mention | None:
    """The last named person or body before a cue in its clause (a subject the parser missed)."""
    best = None
    k = first
    while k < before:
        m = mention_at(doc, k, before)
        governed = k > first and (doc.tokens[k - 1].pos == "ADP" or doc.tokens[k - 1].text.lower() in ("par", "de", "d'", "d’"))
        if m and not governed and (m.name or m.kind == "pronoun") and m.kind in ("person", "organization", "pronoun"):
            best = m  # a subject is never the object of a preposition (accusé par Moscou)
            k = max(m.last, k + 1)
        else:
            k += 1
    return best


class Selon(Sieve):
    """Selon le Pentagone, « … » / « … », selon son porte-parole Dmitri Peskov."""

    name, confidence = "selon", 0.85

    def attribute(self, q, ctx):
        doc, text = ctx.doc, ctx.text
        first = _first_token_after(doc, q.start)
        if first is None:
            return None
        sent = doc.sent_of(first)
        pattern, table = lexicon.sources()
        for m in pattern.finditer(text, doc.tokens[sent.first].start, doc.tokens[sent.last - 1].end):
            entry = table.get(fold(m.group()))
            if entry is None:
                continue
            if "comma" in entry.flags and (m.start() > doc.tokens[sent.first].start or q.found_by != "source:before"):
                continue  # « pour X, … » only where detection saw it open the sentence
            if q.outer_start <= m.start() < q.outer_end:
                continue
            k = _first_token_after(doc, m.end())
            if k is None:
                continue
            if doc.text[doc.tokens[k].start:doc.tokens[k].start + 14].lower().replace("’", "'") in (
                    "la même source", "les mêmes sour") and ctx.previous is not None:
                cue = CueMatch(k - 1, doc.token_at(m.start()) or k - 1, k, _SOURCE_VERB, None)
                return Attribution(None, cue, sub="same-source", same_as=ctx.previous)
            speaker = source_mention(doc, k, sent.last)
            if speaker and (speaker.name or speaker.role or speaker.kind == "pronoun"):
                cue = CueMatch(k - 1, doc.token_at(m.start()) or k - 1, k, _SOURCE_VERB, None)
                return Attribution(speaker, cue, sub="after" if m.start() >= q.outer_end else "before")
        return None


_SOURCE_VERB = lexicon.SpeechVerb("selon", False, (), "say", frozenset())


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


class CeQue(Sieve):
    """« Le PQ réclame des excuses. C’est ce qu’a réclamé le Parti québécois »: the sentence before."""

    name, confidence = "ce-que", 0.82

    def attribute(self, q, ctx):
        if q.found_by != "ce-que" or q.incise is None:
            return None
        return Attribution(q.incise.speaker, q.incise.cue)


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
        k = _last_token_before(doc, q.outer_start)
        if k is None:
            return None
        sent = doc.sent_of(k)
        if any(sent.start <= other.start < sent.end for other in ctx.quotes if other is not q):
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


class Heading(Sieve):
    """« Cas par cas »⏎⏎« Être en dehors… », explique M. Caron: a heading quote, then its speaker."""

    name, confidence = "heading", 0.55

    def attribute(self, q, ctx):
        text = ctx.text
        line_start = text.rfind("\n", 0, q.outer_start) + 1
        line_end = text.find("\n", q.outer_end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:q.outer_start].strip() or text[q.outer_end:line_end].strip(" .!?"):
            return None
        for nxt in ctx.quotes[ctx.index + 1: ctx.index + 3]:
            if nxt.outer_start - line_end < 600 and nxt.rule and nxt.rule != "heading" and nxt.name:
                return Attribution(None, None, same_as=nxt)
        return None


class SentenceSubject(Sieve):
    """Me Touma a invoqué une « apparence de partialité »: the clause's subject, when it names someone."""

    name, confidence = "sentence-subject", 0.5

    def attribute(self, q, ctx):
        doc = ctx.doc
        first = _first_token_after(doc, q.start)
        if first is None:
            return None
        open_tok = _last_token_before(doc, q.outer_start)
        if open_tok is None:
            return None
        k = open_tok
        while k >= doc.sent_of(first).first:
            t = doc.tokens[k]
            if t.pos in ("VERB", "AUX") and t.dep not in ("aux", "aux:tense", "aux:pass", "cop"):
                for c in doc.children[k]:
                    if doc.tokens[c].dep in ("nsubj", "nsubj:pass") and c < k:
                        m = mention_of(doc, c)
                        if m and m.kind in ("person", "organization", "unknown") and (m.name or m.role):
                            return Attribution(m, None)
                return None
            k -= 1
        return None


class NearestMention(Sieve):
    """Baseline (off): the closest named person before the quote (Paul Roy sourit. « Enfin ! »)."""

    name, confidence, enabled = "nearest-mention", 0.3, False

    def attribute(self, q, ctx):
        doc = ctx.doc
        k = _last_token_before(doc, q.outer_start)
        while k is not None and k >= 0 and q.outer_start - doc.tokens[k].start < 400:
            if doc.tokens[k].ent == "PER":
                m = mention_of(doc, k)
                if m and m.name:
                    return Attribution(m, None)
            k -= 1
        return None


SIEVES: tuple[Sieve, ...] = (
    InciseInside(), CeQue(), InciseAfter(), ColonIntro(), Parenthetical(), AttributionLine(), Selon(),
    CueSubject(), DialogueTurn(), Continuation(), PrecedingSubject(), Heading(), SentenceSubject(), NearestMention(),
)


def by_name(names: list[str]) -> tuple[Sieve, ...]:
    table = {s.name: s for s in SIEVES}
    unknown = [n for n in names if n not in table]
    if unknown:
        from .errors import QuotesError

        raise QuotesError(f"unknown sieve(s): {', '.join(unknown)}", "see `quotes sieves` for the list")
    return tuple(table[n] for n in names)


def default_sieves() -> tuple[Sieve, ...]:
    return tuple(s for s in SIEVES if s.enabled)


__all__ = ["Attribution", "CLAUSE_END", "Context", "SIEVES", "Sieve", "by_name", "default_sieves"]
