"""Source phrases: Selon X, … / …, selon X. / D'après X, … / Pour X, …"""
from __future__ import annotations

from .. import lexicon
from ..candidate import Candidate
from ..cues import (incise_after)
from ..direct import trim_content
from ..entities.mentions import DETS, mention_at
from ..lexicon import fold
from ..marks import MarkSpan
from ..nlp import Doc
from .clauses import content_end, in_spans, lowered, que_end, speaker_like


def from_sources(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    """Selon X, … / …, selon X. / Pour X, … (an opinion, so only with a comma after X)."""
    out = []
    text = doc.text
    pattern, table = lexicon.sources()
    for m in pattern.finditer(text):
        entry = table.get(fold(m.group()))
        k = doc.token_at(m.start())
        if entry is None or k is None or in_spans(m.start(), m.end(), spans):
            continue
        sent = doc.sent_of(k)
        j = k
        while j < sent.last and doc.tokens[j].end <= m.end():
            j += 1
        if j >= sent.last:
            continue
        speaker = source_mention(doc, j, sent.last)
        if speaker is None or not speaker_like(speaker):
            continue  # « Pour le grand débat, … », « selon un principe de… »: no one speaks
        after = speaker.last
        while after < sent.last and doc.tokens[after].text != "," and after - speaker.last < 6:
            after += 1  # reprises par Reuters, cité par…
        before_text = text[sent.start:m.start()].strip(" ,")
        if k == sent.first or before_text.lower() in ("", "ainsi", "mais", "or", "et", "enfin", "toujours"):
            if after >= sent.last or doc.tokens[after].text != "," or "before" not in entry.flags:
                continue
            first = after + 1
            last = content_end(doc, first, sent.last, spans)
            sub = "before"
        else:
            if "after" not in entry.flags or k == 0:
                continue
            if doc.tokens[k - 1].text != "," and not (after >= sent.last - 1 and k - sent.first >= 6):
                continue  # « …, selon X. », or a sentence that ends on its source (… est mal parti selon la presse)
            first = clause_start(doc, sent.first, k)
            last = k - 1 if doc.tokens[k - 1].text == "," else k
            while last > first and doc.tokens[last - 1].text in (",", "."):
                last -= 1
            colon = next((j for j in range(last - 1, first, -1) if doc.tokens[j].text == ":"
                          and not in_spans(doc.tokens[j].start, doc.tokens[j].end, spans)), None)
            if colon is not None and last - colon > 4:
                first = colon + 1  # L'économie en a pâti : l'activité a chuté, selon X: the lead-in is the journalist's
            sub = "after"
            rest = after + 1
            if after < sent.last and doc.tokens[after].text == "," and sent.last - rest >= 2 \
                    and doc.tokens[rest].text not in (".", "!", "?") and _continues(doc, rest, sent.last):
                # Ces actions étaient, selon la police, terminées à 6 h: one clause around the source
                first = clause_start(doc, sent.first, k - 1)
                last = content_end(doc, rest, sent.last, spans)
                sub = "middle"
        if last <= first:
            continue
        a, b = trim_content(text, doc.tokens[first].start, doc.tokens[last - 1].end)
        if len(text[a:b].split()) < 3:
            continue
        out.append(Candidate("indirect", a, b, outer_start=a, outer_end=b, found_by=f"source:{sub}"))
    return out


CONNECTORS = {"car", "mais", "et", "or", "donc", "ainsi", "d'où", "d’où", "alors"}


def _continues(doc: Doc, k: int, limit: int) -> bool:
    """After ', selon X,' the clause goes on (a verb, a participle, de/que + content), rather
    than the journalist starting another one (…, selon X, ce qui…; …, selon X, et …)."""
    low = lowered(doc.tokens[k])
    if low in ("ce", "et", "mais", "qui", "dont", "alors", "tandis") or doc.tokens[k].pos == "CCONJ":
        return False
    j = k + (low in DETS)
    if j < limit and lexicon.roles().match([fold(doc.tokens[j].text)], 0):
        return False  # …, selon Audrey Roy, employée du centre: an apposition, not more content
    rest = doc.tokens[k:limit]
    return any(t.pos in ("VERB", "AUX") for t in rest) or any(t.text in ("«", "“", "\"") for t in rest)


def clause_start(doc: Doc, first: int, comma: int) -> int:
    """Where the clause holding a source phrase begins: a participle clause after a comma
    (…, marquant, selon X, …), else the sentence, past a connector (Car, Mais, D'où, En revanche,)."""
    for j in range(comma - 1, first, -1):
        t = doc.tokens[j]
        if doc.tokens[j - 1].text == "," and t.text.lower().endswith("ant") and t.pos in ("VERB", "AUX"):
            return j
    return past_connector(doc, first, comma)


def past_connector(doc: Doc, first: int, limit: int) -> int:
    """Past the journalist's connector at a sentence start: Car, Et, D'où, En revanche, …"""
    toks = doc.tokens
    while first < limit and lowered(toks[first]) in CONNECTORS:
        first += 1
    if first + 2 < limit and lowered(toks[first]) == "en" and lowered(toks[first + 1]) == "revanche":
        first += 2
    if first < limit and toks[first].text == "," and first > 0 and lowered(toks[first - 1]) in ("revanche", "ainsi"):
        first += 1
    return first


def source_mention(doc: Doc, j: int, limit: int):
    """Who a source phrase names: Selon le Pentagone / selon ce que rapporte X / selon lui.
    'Pour sa part' is no source."""
    toks = doc.tokens
    if lowered(toks[j]) == "ce" and j + 1 < limit and que_end(doc, j + 1):
        inc = incise_after(doc, que_end(doc, j + 1), limit)
        return inc.speaker if inc else None
    if lowered(toks[j]) in ("sa", "son", "leur", "ma", "mon", "notre") and j + 1 < limit and \
            lowered(toks[j + 1]) in ("part", "côté", "avis", "compte"):
        return None
    m = mention_at(doc, j, limit)
    if m is None:
        return None
    agent = _published_by(doc, m, limit)
    if agent is not None:
        return agent
    if m.kind == "pronoun" or m.name or m.role:
        return m
    return None


def _published_by(doc: Doc, m, limit: int):
    """Selon une estimation publiée mercredi par l'Insee: the document's author speaks."""
    k = m.last
    for _ in range(4):
        if k >= limit or doc.tokens[k].text in (",", ".", ";"):
            return None
        if lowered(doc.tokens[k]) == "par" and k > m.last:
            agent = mention_at(doc, k + 1, limit)
            return agent if agent is not None and agent.name and agent.kind in ("person", "organization") else None
        k += 1
    return None
