"""Reported speech on the parse: indirect and mixed quotes (ANNOTATION.md).

Four constructions, each a detector that returns candidates with what it already knows:
  - a cue verb with its content: a que-clause, de/à + infinitive, a bare infinitive, an indirect
    question, an attribute (s'est dit préoccupé): `a affirmé que …`, `a promis de …`;
  - a source phrase: `Selon X, …` / `…, selon X.` / `D'après X, …` / `Pour X, …`;
  - an incise without marks: `La situation, a-t-il estimé, est grave.` / `…, a estimé Y.`;
  - `C'est ce qu'a réclamé X.`: the content is the sentence before.
Guards (each pinned by a test): negated cues, passive participles, noun-phrase objects (no clause,
no quote), states of mind, a journalist's question (subject `on`), speech nested inside marks.
A reported clause with words in marks inside is `mixed`; one that is all in marks is `direct`.
"""
from __future__ import annotations

from . import lexicon
from .candidate import Candidate
from .cues import (CLAUSE_END, CueMatch, Incise, cue_at, incise_after, incise_closes, is_clitic, skip_fillers,
                   subject_of)
from .direct import trim_content
from .entities import role_head
from .entities.mentions import apposition, mention_at
from .lexicon import fold
from .marks import MarkSpan
from .nlp import Doc

QUE = {"que", "qu'", "qu’"}
SI = {"si", "s'", "s’", "pourquoi", "comment", "quand", "combien", "où", "qui", "quel", "quelle", "quels",
      "quelles", "lequel", "laquelle"}
DE = {"de", "d'", "d’"}
A = {"à"}
STOP_AFTER_COMMA = {"selon", "a-t-il", "a-t-elle", "estime", "ajoute", "précise", "explique"}


def _low(t) -> str:
    return t.text.lower().replace("’", "'")


def _que_end(doc: Doc, k: int) -> int | None:
    """The index after 'que' at `k` (also when the tokenizer split qu’ into qu + ’)."""
    low = _low(doc.tokens[k])
    if low in QUE:
        return k + 1
    if low == "qu" and k + 1 < len(doc.tokens) and doc.tokens[k + 1].text in ("’", "'"):
        return k + 2
    return None


def _content_end(doc: Doc, first: int, sent_last: int, spans: list[MarkSpan]) -> int:
    """The token that ends a reported clause starting at `first` (exclusive)."""
    toks = doc.tokens
    k = first
    while k < sent_last:
        t = toks[k]
        if t.text in (";",) or (t.text in ("—", "–") and k > first):
            return k
        if t.text == "," and k + 1 < sent_last:
            nxt = toks[k + 1]
            low = _low(nxt)
            if low == "selon" or fold(nxt.text) in lexicon.sources()[1]:
                return k
            if low == "dont" and _verb_before_comma(doc, k + 2, sent_last):
                return k  # the journalist's relative clause (…, dont le Kremlin est l'allié); not "dont X" = including
            if low in ("un", "une") and k + 2 < sent_last and doc.tokens[k + 2].pos == "NOUN":
                return k  # …, une proposition qui avait été rejetée: the journalist's apposition
            cue = cue_at(doc, k + 1)
            if cue and (nxt.text.lower().endswith("ant") or cue.clitic is not None):
                return k  # …, ajoutant que / …, a-t-il ajouté: another report begins
            inc = incise_after(doc, k + 1, sent_last, inverted_only=True)
            if inc and inc.speaker is not None and (inc.last >= sent_last or toks[inc.last].text in CLAUSE_END):
                return k
        k += 1
    # leave out the final period and closing punctuation of the sentence
    while k > first and toks[k - 1].text in (".", "…", ":", ",") and not _closes_mark(doc, k - 1, spans):
        k -= 1
    return k


def _verb_before_comma(doc: Doc, k: int, limit: int) -> bool:
    for j in range(k, min(limit, k + 8)):
        t = doc.tokens[j]
        if t.text in (",", ".", ";"):
            return False
        if t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin":
            return True
    return False


def _closes_mark(doc: Doc, k: int, spans: list[MarkSpan]) -> bool:
    return any(s.end <= doc.tokens[k].start < s.close_end for s in spans)


def _journalist(doc: Doc, cue: CueMatch) -> bool:
    """On lui a demandé si…: the reporter's question, not the speaker's words."""
    subj = subject_of(doc, cue.verb)
    return subj is not None and subj.first < len(doc.tokens) and fold(doc.tokens[subj.first].text) == "on" \
        and subj.kind != "person"


def _after_cue(doc: Doc, cue: CueMatch, limit: int) -> int:
    """Past fillers and the indirect object: a annoncé aux jurés que, a demandé au directeur,
    le Dr Luc Boileau, de…, accuse Moscou d'également…, a proposé mi-mai aux États-Unis de."""
    toks = doc.tokens
    k = skip_fillers(doc, cue.last, limit)
    for _ in range(3):
        if k < limit and toks[k].text == "," and apposition(doc, k, limit):
            k = apposition(doc, k, limit)[1]
            if k < limit and toks[k].text == ",":
                k = skip_fillers(doc, k + 1, limit)
            continue
        break
    if k < limit and _que_end(doc, k) is None and _low(toks[k]) not in DE | A | SI:
        # the object before the infinitive: exhorter la Russie à …, accuser Moscou de …
        j = k
        while j < limit and j - k < 9 and _low(toks[j]) not in DE | A and _que_end(doc, j) is None \
                and toks[j].text not in (",", ".", ";", ":") and toks[j].pos not in ("VERB", "AUX"):
            j += 1
        if j < limit and j > k and _low(toks[j]) in DE | A:
            return j
    return k


def _content_start(doc: Doc, cue: CueMatch, limit: int) -> tuple[int, str] | None:
    """Where the reported content begins after the cue, and how it is introduced."""
    flags = cue.entry.flags
    toks = doc.tokens
    k = _after_cue(doc, cue, limit)
    if k >= limit:
        return None
    low = _low(toks[k])
    if _que_end(doc, k) is not None and "que" in flags:
        return _que_end(doc, k), "que"
    if low in DE and ("de" in flags) and k + 1 < limit and _infinitive_ahead(doc, k + 1, limit):
        return k + 1, "de"
    if low in A and "a" in flags and k + 1 < limit and _infinitive_ahead(doc, k + 1, limit):
        return k + 1, "a"
    if low in SI and "si" in flags:
        return k, "si"
    if "inf" in flags and _infinitive_ahead(doc, k, limit):
        return k, "inf"
    if "attr" in flags and toks[k].pos in ("ADJ", "VERB") and toks[k].feat("VerbForm") != "Fin":
        return k, "attr"
    return None


def _infinitive_ahead(doc: Doc, k: int, limit: int) -> bool:
    for j in range(k, min(limit, k + 4)):
        t = doc.tokens[j]
        if t.feat("VerbForm") == "Inf" or (t.pos in ("VERB", "AUX") and t.text.lower().endswith(("er", "ir", "re"))
                                          and t.feat("VerbForm") in (None, "Inf")):
            return True
        if not (t.pos in ("ADV", "PRON") or _low(t) in ("ne", "n'", "pas", "plus", "se", "s'", "y", "en")
                or t.text in ("«", "\"", "“")):
            return False
    return False


def _in_spans(start: int, end: int, spans: list[MarkSpan]) -> MarkSpan | None:
    for s in spans:
        if s.open_start <= start and end <= s.close_end and s.depth == 0:
            return s
    return None


NOT_SPEAKERS = {"ce", "cela", "ça", "ceci", "qui", "tout"}
BLOCKERS = {"refuser", "décliner", "éviter", "pouvoir", "vouloir", "savoir"}  # under negation: no quote


def _blocked(doc: Doc, cue: CueMatch, sent_first: int) -> bool:
    """Le SPVM n'a pas été en mesure de dire si… / a refusé de commenter: no words were reported."""
    window = []
    for k in range(cue.first - 1, max(sent_first, cue.first - 9) - 1, -1):
        if doc.tokens[k].text in (",", ";", ":", "«", "»"):
            break
        window.append(doc.tokens[k])
    negated = any(_low(t) in ("ne", "n'") for t in window) and any(
        _low(t) in ("pas", "jamais", "plus", "guère") for t in window)
    return any(t.lemma in ("refuser", "décliner", "éviter") or (negated and t.lemma in BLOCKERS | {"être"})
               for t in window)


def _speaking_subject(doc: Doc, cue: CueMatch) -> bool:
    """An ambiguous verb (signifier, prévoir, indiquer…) reports speech only with a speaker as subject."""
    raw = [k for k in doc.children[cue.verb] if doc.tokens[k].dep in ("nsubj", "nsubj:pass") and k < cue.verb]
    if raw and fold(doc.tokens[raw[0]].text) in NOT_SPEAKERS:
        return False  # ce qui signifie que…: a thing, not a speaker
    subj = subject_of(doc, cue.verb)
    if subj is None:
        return True  # inverted or elided subjects are left to attribution
    if subj.kind in ("person", "organization", "pronoun") or subj.name:
        return True
    return subj.role is not None and role_head(subj.role) is not None  # la hausse des prix: not a speaker


def from_cues(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    out = []
    text = doc.text
    for i, t in enumerate(doc.tokens):
        cue = cue_at(doc, i)
        if cue is None or not cue.entry.makes_quotes or cue.negated or cue.passive:
            continue
        if _in_spans(t.start, t.end, spans):
            continue  # speech nested inside a direct quote is the quoted speaker's, not ours
        sent = doc.sent_of(i)
        got = _content_start(doc, cue, sent.last) or _small_clause(doc, cue, sent.last, spans)
        if got is None or _journalist(doc, cue) or _blocked(doc, cue, sent.first):
            continue
        if "ambiguous" in cue.entry.flags and not _speaking_subject(doc, cue):
            continue
        first, how = got
        last = _content_end(doc, first, sent.last, spans)
        if cue.first == sent.first and doc.tokens[cue.verb].text.lower().endswith("ant"):
            # Estimant la situation « inquiétante », elle attend…: the participle clause ends at its comma
            last = next((j for j in range(first, last) if doc.tokens[j].text == ","
                         and not _closes_mark(doc, j, spans)), last)
        if last <= first:
            continue
        a, b = trim_content(text, doc.tokens[first].start, doc.tokens[last - 1].end)
        if len(text[a:b].split()) < 2:
            continue
        out.append(Candidate("indirect", a, b, outer_start=doc.tokens[cue.first].start, outer_end=b,
                             found_by=f"reported:{how}", cue=cue))
    return out


def _small_clause(doc: Doc, cue: CueMatch, limit: int, spans: list[MarkSpan]) -> tuple[int, str] | None:
    """An opinion on something, in marks: a jugé « utile » le dialogue / Estimant la situation « inquiétante »."""
    if cue.entry.cls != "opinion" or "quote" in cue.entry.flags:
        return None
    k = skip_fillers(doc, cue.last, limit)
    end = _content_end(doc, k, limit, spans) if k < limit else k
    if end <= k:
        return None
    a, b = doc.tokens[k].start, doc.tokens[end - 1].end
    if any(a <= s.open_start and s.close_end <= b + 1 for s in spans):
        return k, "attr"
    return None


def from_sources(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    """Selon X, … / …, selon X. / Pour X, … (an opinion, so only with a comma after X)."""
    out = []
    text = doc.text
    pattern, table = lexicon.sources()
    for m in pattern.finditer(text):
        entry = table.get(fold(m.group()))
        k = doc.token_at(m.start())
        if entry is None or k is None or _in_spans(m.start(), m.end(), spans):
            continue
        sent = doc.sent_of(k)
        j = k
        while j < sent.last and doc.tokens[j].end <= m.end():
            j += 1
        if j >= sent.last:
            continue
        speaker = source_mention(doc, j, sent.last)
        if speaker is None:
            continue
        after = speaker.last
        while after < sent.last and doc.tokens[after].text != "," and after - speaker.last < 6:
            after += 1  # reprises par Reuters, cité par…
        before_text = text[sent.start:m.start()].strip(" ,")
        if k == sent.first or before_text.lower() in ("", "ainsi", "mais", "or", "et", "enfin", "toujours"):
            if after >= sent.last or doc.tokens[after].text != "," or "before" not in entry.flags:
                continue
            first = after + 1
            last = _content_end(doc, first, sent.last, spans)
            sub = "before"
        else:
            if "after" not in entry.flags or k == 0 or doc.tokens[k - 1].text != ",":
                continue
            first, last = sent.first, k - 1
            while last > first and doc.tokens[last - 1].text in (",", "."):
                last -= 1
            sub = "after"
        if last <= first:
            continue
        a, b = trim_content(text, doc.tokens[first].start, doc.tokens[last - 1].end)
        if len(text[a:b].split()) < 3:
            continue
        out.append(Candidate("indirect", a, b, outer_start=a, outer_end=b, found_by=f"source:{sub}"))
    return out


def source_mention(doc: Doc, j: int, limit: int):
    """Who a source phrase names: Selon le Pentagone / selon ce que rapporte X / selon lui.
    'Pour sa part' is no source."""
    toks = doc.tokens
    if _low(toks[j]) == "ce" and j + 1 < limit and _que_end(doc, j + 1):
        inc = incise_after(doc, _que_end(doc, j + 1), limit)
        return inc.speaker if inc else None
    if _low(toks[j]) in ("sa", "son", "leur", "ma", "mon", "notre") and j + 1 < limit and \
            _low(toks[j + 1]) in ("part", "côté", "avis", "compte"):
        return None
    m = mention_at(doc, j, limit)
    if m is None:
        return None
    if m.kind == "pronoun" or m.name or m.role:
        return m
    return None


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
            if any(s.depth == 0 and s.close_end <= doc.tokens[k - 1].start
                   and not text[s.close_end:doc.tokens[k - 1].start].strip()
                   and text[sent.start:s.open_start].strip()[-1:] in ("", ":") for s in spans):
                break  # « … », a-t-il dit / X a répondu : « … », a-t-il dit: the incise is the direct quote's
            before = doc.tokens[sent.first:k - 1]
            after = skip_fillers(doc, inc.last, sent.last)
            rest = after + 1 if after < sent.last and doc.tokens[after].text == "," else sent.last
            tail = doc.tokens[rest:sent.last]
            journalist_tail = not tail or tail[0].text.lower() in ("tout", "en", "selon", "avant", "après", "et",
                                                                   "mais", "puis", "alors", "qui", "dont") \
                or tail[0].text.lower().endswith("ant") or tail[0].pos == "CCONJ"
            marked = any(sent.start <= s.open_start < doc.tokens[k - 1].start for s in spans)
            verb = any(t.pos in ("VERB", "AUX") for t in before + tail)
            connector = all(t.pos in ("ADV", "CCONJ", "PUNCT") for t in before)
            if connector and len(tail) >= 4 and verb:  # Surtout, dit-il, l'entreprise a profité…
                a, b = trim_content(text, doc.tokens[rest].start, doc.tokens[_content_end(doc, rest, sent.last, spans) - 1].end)
            elif not journalist_tail and len(tail) >= 2 and verb and len(before) + len(tail) >= 4:
                # La situation, a-t-il estimé, est grave: one span around the incise (ANNOTATION.md)
                a, b = trim_content(text, sent.start, doc.tokens[_content_end(doc, rest, sent.last, spans) - 1].end)
            elif len(before) >= 4 and (marked or any(t.pos in ("VERB", "AUX") for t in before)):
                a, b = trim_content(text, sent.start, doc.tokens[k - 2].end)
            else:
                continue
            whole = [s for s in spans if s.depth == 0 and s.open_start <= a and b <= s.close_end]
            only = [s for s in spans if s.depth == 0 and a <= s.open_start and s.close_end <= b + 1]
            if whole or (len(only) == 1 and not any(c.isalnum() for c in
                                                     text[a:only[0].open_start] + text[only[0].close_end:b])):
                break  # all in marks: the direct-quote sieves have it
            q = Candidate("indirect", a, b, outer_start=a, outer_end=b, found_by="incise")
            q.incise = inc
            out.append(q)
            break
    return out


def from_ce_que(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    """« C’est ce qu’a réclamé le PQ » / « C’est l’appel qu’a lancé X »: what was said is before."""
    out = []
    text = doc.text
    for sent in doc.sents:
        toks = doc.tokens
        if sent.last - sent.first < 4 or _low(toks[sent.first]) not in ("c'", "ce") or sent.i == 0:
            continue
        j = next((k for k in range(sent.first + 2, min(sent.first + 6, sent.last)) if _que_end(doc, k)), None)
        if j is None:
            continue
        inc = incise_after(doc, _que_end(doc, j), sent.last)
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
    quoted = any(sent.start <= s.open_start < sent.end for s in spans)
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
        if colon is None or sent.last - colon < 5 or any(sent.start <= s.open_start < sent.end for s in spans):
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


def candidates(doc: Doc, spans: list[MarkSpan], direct: list[Candidate]) -> list[Candidate]:
    """All reported-speech candidates, typed against the marks inside them, nested ones dropped."""
    found = (from_cues(doc, spans) + from_sources(doc, spans) + from_incises(doc, spans) + from_ce_que(doc, spans)
             + from_labels(doc, spans))
    # a clause reported by a verb beats the source phrase around it: in « …rappeler que « X », selon
    # son porte-parole », X is the quote and the porte-parole its source (the Selon sieve finds him)
    cued = [q for q in found if q.found_by.startswith("reported")]
    found = cued + [q for q in found if not q.found_by.startswith("source")
                    and q not in cued] + [q for q in found if q.found_by.startswith("source")
                                          and not any(c.start >= q.start and c.end <= q.end for c in cued)]
    found.sort(key=lambda q: (q.start, -(q.end - q.start)))
    kept: list[Candidate] = []
    for q in found:
        # reports nested in another report are annotated once, at the outer level (ANNOTATION.md)
        if any(o.start <= q.start and q.end <= o.end for o in kept):
            continue
        if any(o.start < q.end and q.start < o.end for o in kept):
            continue
        kept.append(q)
    for q in kept:
        _type(doc.text, q, spans)
    return kept


def _type(text: str, q: Candidate, spans: list[MarkSpan]) -> None:
    inside = [s for s in spans if s.depth == 0 and q.start <= s.open_start and s.close_end <= q.end + 1]
    if not inside:
        return
    if len(inside) == 1:
        s = inside[0]
        rest = text[q.start:s.open_start] + text[s.close_end:q.end]
        if not any(c.isalnum() for c in rest):
            q.type, q.start, q.end, q.span = "direct", s.start, s.end, s
            a, b = trim_content(text, s.start, s.end)
            q.start, q.end = a, b
            return
    q.type = "mixed"
    q.fragments = inside
    last = inside[-1]
    if last.close_end == q.end + 1 and text[q.end:last.close_end].strip() in ("»", "\"", "”"):
        q.end = last.close_end  # the closing mark at the edge stays with the span
