"""Incises without marks, « c'est ce que » pointing back, and headline labels."""
from __future__ import annotations

from .. import lexicon
from ..candidate import Candidate
from ..cues import Incise, incise_after, incise_closes, is_clitic, skip_fillers
from ..direct import trim_content
from ..marks import MarkSpan, closing_in, last_visible, opening_in, opens_in, outer_around
from ..nlp import Doc
from .clauses import content_end, lowered, que_end
from .sources import past_connector


def from_incises(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    """La situation, a-t-il estimé, est grave. / La situation est grave, a estimé Y. / Surtout, dit-il, …"""
    out = []
    text = doc.text
    for sent in doc.sents:
        for k in range(sent.first + 1, sent.last - 1):
            if doc.tokens[k - 1].text != "," or is_clitic(doc.tokens[k]):
                continue
            inc = incise_after(doc, k, sent.last, inverted_only=True)
            if inc is None or (inc.speaker is None and inc.cue.clitic is None) or not inc.cue.entry.makes_quotes:
                continue
            if inc.cue.negated or inc.cue.passive or not incise_closes(doc, inc, sent.last):
                continue
            cue_verb = doc.tokens[inc.cue.verb]
            if cue_verb.feat("VerbForm") == "Part" and cue_verb.text.lower().endswith("ant"):
                continue  # …, dénonçant la politique du gouvernement: a participle's noun is its object, no speaker
            comma = doc.tokens[k - 1].start
            if any(s.start < comma and doc.tokens[inc.last - 1].end <= s.end for s in spans):
                continue  # « A, explique M. Roy, B », …: an incise inside the marks splits the direct quote
            blank = comma  # the blanks right before the comma: a quote closing there ends where they start
            while blank > 0 and text[blank - 1].isspace():
                blank -= 1
            if any(last_visible(text, sent.start, s.open_start) in ("", ":") or _opens_on_capital(text, s)
                   or _connector_only(doc, sent.first, s.open_start) for s in closing_in(spans, blank, comma)):
                # « … », a-t-il dit / X a répondu : « … », a-t-il dit / …les médias, où « Le patron
                # ment », résume Y / Soit « 15 % de plus », précise-t-elle: the incise is the direct quote's
                break
            before = doc.tokens[sent.first:k - 1]
            after = skip_fillers(doc, inc.last, sent.last)
            rest = after + 1 if after < sent.last and doc.tokens[after].text == "," else sent.last
            tail = doc.tokens[rest:sent.last]
            journalist_tail = not tail or tail[0].text.lower() in ("tout", "en", "selon", "avant", "après", "et",
                                                                   "mais", "puis", "alors", "qui", "dont") \
                or tail[0].text.lower().endswith("ant") or tail[0].pos == "CCONJ"
            marked = opens_in(spans, sent.start, doc.tokens[k - 1].start)
            # the content goes on as a clause after it (a participle is an apposition: …, chargée de mission)
            verb = any(t.pos in ("VERB", "AUX") and t.feat("VerbForm") != "Part" for t in tail)
            connector = all(t.pos in ("ADV", "CCONJ", "PUNCT") for t in before)
            if connector and len(tail) >= 4 and verb:  # Surtout, dit-il, l'entreprise a profité…
                a, b = trim_content(text, doc.tokens[rest].start, doc.tokens[content_end(doc, rest, sent.last, spans) - 1].end)
            elif not journalist_tail and len(tail) >= 2 and verb and len(before) + len(tail) >= 4:
                # La situation, a-t-il estimé, est grave: one span around the incise (ANNOTATION.md)
                start = doc.tokens[past_connector(doc, sent.first, k - 1)].start
                a, b = trim_content(text, start, doc.tokens[content_end(doc, rest, sent.last, spans) - 1].end)
            elif len(before) >= 4 and (marked or any(t.pos in ("VERB", "AUX") for t in before)):
                start = doc.tokens[past_connector(doc, sent.first, k - 1)].start
                a, b = trim_content(text, start, doc.tokens[k - 2].end)
            else:
                continue
            whole = outer_around(spans, a, b)
            only = [s for s in opening_in(spans, a, b + 1) if s.depth == 0 and s.close_end <= b + 1]
            if whole or (len(only) == 1 and not any(c.isalnum() for c in
                                                     text[a:only[0].open_start] + text[only[0].close_end:b])):
                break  # all in marks: the direct-quote sieves have it
            q = Candidate("indirect", a, b, outer_start=a, outer_end=b, found_by="incise")
            q.incise = inc
            out.append(q)
            break
    return out


def _connector_only(doc: Doc, first: int, open_start: int) -> bool:
    """Nothing but a connector (Soit, Et, Mais, Enfin) between the sentence start and the marks."""
    k = first
    while k < len(doc.tokens) and doc.tokens[k].start < open_start:
        if doc.tokens[k].pos not in ("CCONJ", "ADV", "PUNCT"):
            return False
        k += 1
    return True


def _opens_on_capital(text: str, span: MarkSpan) -> bool:
    """Marks opening on a capital mid-sentence hold a sentence of the speaker's own, not the end of
    the journalist's clause (a name would too; it is rare at the start of a reported clause)."""
    first = next((c for c in text[span.start:span.end] if c.isalnum()), "")
    return first.isupper()


def from_comme(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    """Comme le relève le HuffPost, … / …, comme l'a rappelé le ministre. The neuter « le » stands
    for the clause: what comes after the comma (or, at the end of a sentence, before it)."""
    out = []
    text = doc.text
    toks, lows = doc.tokens, doc.lowered
    for sent in doc.sents:
        for k in range(sent.first, sent.last - 3):
            if lows[k] != "comme" or lows[k + 1] not in ("le", "l'"):
                continue
            inc = incise_after(doc, k + 2, sent.last, inverted_only=True)
            if inc is None or inc.speaker is None or not inc.cue.entry.makes_quotes or inc.cue.negated:
                continue
            end = inc.last
            if end < sent.last and toks[end].text == "," and sent.last - end > 4:
                first, last = end + 1, content_end(doc, end + 1, sent.last, spans)
            elif k > sent.first and toks[k - 1].text == "," and incise_closes(doc, inc, sent.last):
                first, last = sent.first, k - 1
            else:
                continue
            if last - first < 3:
                continue
            a, b = trim_content(text, toks[first].start, toks[last - 1].end)
            q = Candidate("indirect", a, b, outer_start=a, outer_end=b, found_by="comme")
            q.incise = Incise(inc.cue, inc.speaker, inc.first, inc.last)
            out.append(q)
    return out


def from_ce_que(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    """« C’est ce qu’a réclamé le PQ » / « C’est l’appel qu’a lancé X »: what was said is before."""
    out = []
    text = doc.text
    for sent in doc.sents:
        toks = doc.tokens
        if sent.last - sent.first < 4 or lowered(toks[sent.first]) not in ("c'", "ce") or sent.i == 0:
            continue
        j = next((k for k in range(sent.first + 2, min(sent.first + 6, sent.last)) if que_end(doc, k)), None)
        if j is None:
            continue
        inc = incise_after(doc, que_end(doc, j), sent.last)
        if inc is None or inc.speaker is None or not inc.cue.entry.makes_quotes:
            continue
        prev = next((p for p in reversed(doc.sents[:sent.i]) if _said_before(doc, p, spans)), None)
        if prev is None:
            continue
        a, b = trim_content(text, prev.start, prev.end)
        q = Candidate("indirect", a, b, outer_start=a, outer_end=b, found_by="ce-que")
        q.incise = Incise(inc.cue, inc.speaker, inc.first, inc.last)
        out.append(q)
    return out


def _said_before(doc: Doc, sent, spans: list[MarkSpan]) -> bool:
    """A sentence that can be what « c'est ce que » points back to: a clause, not a byline or a date."""
    toks = doc.tokens[sent.first:sent.last]
    has_verb = any(t.pos in ("VERB", "AUX") and t.feat("VerbForm") in ("Fin", None) and t.pos != "PROPN" for t in toks)
    quoted = opens_in(spans, sent.start, sent.end)
    return has_verb and len(toks) >= 4 and not quoted


def _places() -> set[str]:
    return set(lexicon.capitals()) | {c for c, _ in lexicon.nationalities().values()}


def from_labels(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    """A headline « PQ: Duranceau devrait s'excuser »: a short name, a colon, a clause."""
    out = []
    text = doc.text
    for sent in doc.sents:
        toks = doc.tokens
        colon = next((k for k in range(sent.first + 1, min(sent.first + 5, sent.last)) if toks[k].text == ":"), None)
        if colon is None or sent.last - colon < 5 or opens_in(spans, sent.start, sent.end):
            continue
        label = toks[sent.first:colon]
        if not all(t.text[:1].isupper() or t.pos in ("DET", "ADP") for t in label):
            continue
        if any(t.ent == "LOC" or t.text in _places() for t in label):
            continue  # « Syrie: Kerry espère… » names a topic, not who speaks
        if not any(t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin" for t in toks[colon + 1:sent.last]):
            continue
        line_start = text.rfind("\n", 0, sent.start) + 1
        if text[line_start:sent.start].strip():
            continue
        a, b = trim_content(text, toks[colon + 1].start, toks[sent.last - 1].end)
        out.append(Candidate("indirect", a, b, outer_start=a, outer_end=b, found_by="label"))
    return out
