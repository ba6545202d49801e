"""A cue verb and its content: que-clause, de/à + infinitive, bare infinitive, indirect question, attribute."""
from __future__ import annotations

from .. import lexicon
from ..candidate import Candidate
from ..clause_subjects import fronted_place
from ..cues import (CLAUSE_END, CueMatch, cue_at, incise_after, mention_of, skip_fillers,
                    subject_of, verb_tokens)
from ..direct import trim_content
from ..entities import role_head
from ..entities.mentions import apposition, mention_at
from ..lexicon import fold
from ..marks import MarkSpan, in_closing_mark, opening_in, outer_around
from ..nlp import Doc

QUE = {"que", "qu'", "qu’"}
SI = {"si", "s'", "s’", "pourquoi", "comment", "quand", "combien", "où", "qui", "quel", "quelle", "quels",
      "quelles", "lequel", "laquelle"}
DE = {"de", "d'", "d’"}
A = {"à"}
STOP_AFTER_COMMA = {"selon", "a-t-il", "a-t-elle", "estime", "ajoute", "précise", "explique"}


def lowered(t) -> str:
    return t.text.lower().replace("’", "'")


def que_end(doc: Doc, k: int) -> int | None:
    """The index after 'que' at `k` (also when the tokenizer split qu’ into qu + ’)."""
    low = lowered(doc.tokens[k])
    if low in QUE:
        return k + 1
    if low == "qu" and k + 1 < len(doc.tokens) and doc.tokens[k + 1].text in ("’", "'"):
        return k + 2
    return None


def content_end(doc: Doc, first: int, sent_last: int, spans: list[MarkSpan]) -> int:
    """The token that ends a reported clause starting at `first` (exclusive)."""
    toks = doc.tokens
    k = first
    verbless = True  # no finite verb in the content so far
    while k < sent_last:
        t = toks[k]
        if t.text in (";",) or (t.text in ("—", "–") and k > first):
            return k
        if lowered(t) in ("et", "mais", "puis") and k > first and closes_mark(doc, k - 1, spans) \
                and k + 1 < sent_last and toks[k + 1].pos in ("AUX", "VERB") and toks[k + 1].feat("VerbForm") == "Fin":
            return k  # « … » et a promis de nouvelles grèves: after the fragment, the journalist goes on
        if lowered(t) in ("et", "puis") and k > first and verbless and _finite(toks[k + 1:k + 2]):
            return k  # revendique être un « soldat » et tue…: a verbless content has no verb of its own to add
        if t.text == "," and k + 1 < sent_last:
            nxt = toks[k + 1]
            low = lowered(nxt)
            if low == "selon" or fold(nxt.text) in lexicon.sources()[1]:
                return k
            if low == "dont" and _verb_before_comma(doc, k + 2, sent_last):
                return k  # the journalist's relative clause (…, dont le Kremlin est l'allié); not "dont X" = including
            if low in ("et", "mais") and k + 2 < sent_last and fold(toks[k + 2].text) in RELATIVES:
                return k  # appelant à « Bloquer le pays », et auquel 14 000 personnes…: the journalist's relative
            if low in ("en", "tout") and verbless and _gerund(toks, k + 1, sent_last):
                # a appelé à réinventer la PAC, en inaugurant le salon: a gerund goes with the nearest
                # finite verb; a verbless content has none, so it is the report's circumstance
                return k
            if low in ("un", "une") and k + 2 < sent_last and doc.tokens[k + 2].pos == "NOUN":
                return k  # …, une proposition qui avait été rejetée: the journalist's apposition
            cue = cue_at(doc, k + 1)
            if cue and (nxt.text.lower().endswith("ant") or cue.clitic is not None):
                return k  # …, ajoutant que / …, a-t-il ajouté: another report begins
            inc = incise_after(doc, k + 1, sent_last, inverted_only=True)
            if inc and inc.speaker is not None and (inc.last >= sent_last or toks[inc.last].text in CLAUSE_END):
                return k
        verbless = verbless and not _finite((t,))
        k += 1
    # leave out the final period and closing punctuation of the sentence
    while k > first and toks[k - 1].text in (".", "…", ":", ",") and not closes_mark(doc, k - 1, spans):
        k -= 1
    return k


# (not que: « …, mais que … » is a second clause under the same verb)
RELATIVES = {"qui", "dont", "ou", "auquel", "auxquels", "auxquelles", "lequel", "laquelle", "lesquels",
             "lesquelles", "duquel", "desquels"}


def _finite(toks) -> bool:
    return any(t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin" for t in toks)


def _gerund(toks, k: int, limit: int) -> bool:
    """`en` (or `tout en`) and a present participle at k."""
    if lowered(toks[k]) == "tout" and k + 1 < limit:
        k += 1
    return lowered(toks[k]) == "en" and k + 1 < limit and toks[k + 1].text.lower().endswith("ant") \
        and toks[k + 1].pos in ("VERB", "AUX")


def _verb_before_comma(doc: Doc, k: int, limit: int) -> bool:
    for j in range(k, min(limit, k + 8)):
        t = doc.tokens[j]
        if t.text in (",", ".", ";"):
            return False
        if t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin":
            return True
    return False


def closes_mark(doc: Doc, k: int, spans: list[MarkSpan]) -> bool:
    return in_closing_mark(spans, doc.tokens[k].start)


def _journalist(doc: Doc, cue: CueMatch) -> bool:
    """On lui a demandé si…: the reporter's question, not the speaker's words."""
    subj = subject_of(doc, cue.verb)
    return subj is not None and subj.first < len(doc.tokens) and fold(doc.tokens[subj.first].text) == "on" \
        and subj.kind != "person" and fronted_place(doc, subj.first) is None  # (not: À l'Élysée, on assure que…)


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
    if k < limit and que_end(doc, k) is None and lowered(toks[k]) not in DE | A | SI:
        # the object before the infinitive: exhorter la Russie à …, accuser Moscou de …
        j = k
        while j < limit and j - k < 9 and lowered(toks[j]) not in DE | A and que_end(doc, j) is None \
                and toks[j].text not in (",", ".", ";", ":") and toks[j].pos not in ("VERB", "AUX"):
            j += 1
        if j < limit and j > k and lowered(toks[j]) in DE | A:
            return j
    return k


def _content_start(doc: Doc, cue: CueMatch, limit: int) -> tuple[int, str] | None:
    """Where the reported content begins after the cue, and how it is introduced."""
    flags = cue.entry.flags
    toks = doc.tokens
    k = _after_cue(doc, cue, limit)
    if k >= limit:
        return None
    low = lowered(toks[k])
    if que_end(doc, k) is not None and "que" in flags:
        return que_end(doc, k), "que"
    if low in A and "a" in flags and k + 2 < limit and lowered(toks[k + 1]) == "ce" and que_end(doc, k + 2):
        return que_end(doc, k + 2), "que"  # s'est engagé à ce que les géants paient
    if low in DE and ("de" in flags) and k + 1 < limit and _infinitive_ahead(doc, k + 1, limit):
        return k + 1, "de"
    if low in A and "a" in flags and k + 1 < limit and _infinitive_ahead(doc, k + 1, limit):
        return k + 1, "a"
    if low in SI and "si" in flags:
        return k, "si"
    if "inf" in flags and _infinitive_ahead(doc, k, limit):
        return k, "inf"
    if "attr" in flags and toks[k].pos in ("ADJ", "VERB") and toks[k].feat("VerbForm") != "Fin":
        while k > cue.last and toks[k - 1].pos == "ADV" and lowered(toks[k - 1]) not in ("ne", "n'", "pas"):
            k -= 1  # se dit bien traité: the adverb is the attribute's
        return k, "attr"
    return None


def _infinitive_ahead(doc: Doc, k: int, limit: int) -> bool:
    for j in range(k, min(limit, k + 4)):
        t = doc.tokens[j]
        if t.feat("VerbForm") == "Inf" or (t.pos in ("VERB", "AUX") and t.text.lower().endswith(("er", "ir", "re"))
                                          and t.feat("VerbForm") in (None, "Inf")):
            return True
        if not (t.pos in ("ADV", "PRON") or lowered(t) in ("ne", "n'", "pas", "plus", "se", "s'", "y", "en")
                or t.text in ("«", "\"", "“")):
            return False
    return False


def in_spans(start: int, end: int, spans: list[MarkSpan]) -> MarkSpan | None:
    return outer_around(spans, start, end)


NOT_SPEAKERS = {"ce", "cela", "ça", "ceci", "qui", "tout"}
BLOCKERS = {"refuser", "décliner", "éviter", "pouvoir", "vouloir", "savoir"}  # under negation: no quote
def _blocked(doc: Doc, cue: CueMatch, sent_first: int) -> bool:
    """Le SPVM n'a pas été en mesure de dire si… / a refusé de commenter: no words were reported."""
    window = []
    for k in range(cue.first - 1, max(sent_first, cue.first - 9) - 1, -1):
        if doc.tokens[k].text in (",", ";", ":", "«", "»"):
            break
        window.append(doc.tokens[k])
    negated = any(lowered(t) in ("ne", "n'") for t in window) and any(
        lowered(t) in ("pas", "jamais", "plus", "guère") for t in window)
    return any(t.lemma in ("refuser", "décliner", "éviter") or (negated and t.lemma in BLOCKERS | {"être"})
               for t in window)


def _speaking_subject(doc: Doc, cue: CueMatch) -> bool:
    """An ambiguous verb (signifier, prévoir, indiquer…) reports speech only with a speaker as subject."""
    raw = [k for k in doc.children[cue.verb] if doc.tokens[k].dep in ("nsubj", "nsubj:pass") and k < cue.verb]
    verb = doc.tokens[cue.verb]
    q = raw[0] if raw else None
    if q is not None and fold(doc.tokens[q].text) == "qui" and q >= 2 and doc.tokens[q - 1].text == "," \
            and doc.tokens[q - 2].pos in ("NOUN", "PROPN"):
        # …, souligne le député, qui rappelle que…: the antecedent is the phrase before the comma,
        # wherever the parse hangs the relative
        return speaker_like(mention_of(doc, q - 2))
    if q is not None and fold(doc.tokens[q].text) == "qui" and verb.dep == "acl:relcl" and verb.head != cue.verb:
        # des associations qui appellent à marcher: the relative's antecedent is the subject
        return speaker_like(mention_of(doc, verb.head))
    if raw and fold(doc.tokens[raw[0]].text) in NOT_SPEAKERS:
        return False  # ce qui signifie que…: a thing, not a speaker
    if _to_addressee(doc, cue):
        return True  # a confié à l'AFP que…: said to someone
    subj = subject_of(doc, cue.verb)
    if subj is None:
        return True  # inverted or elided subjects are left to attribution
    return speaker_like(subj)


def speaker_like(m) -> bool:
    """A person, a body or a role (some of them unnamed: des organisations patronales); not a thing
    (la hausse des prix)."""
    if m is None:
        return False
    if m.kind in ("person", "organization", "pronoun") or m.name:
        return True
    if not m.role:
        return False
    first = fold(m.role.split()[0]) if m.role.split() else ""
    return role_head(m.role) is not None or first in lexicon.bodies()


def _to_addressee(doc: Doc, cue: CueMatch) -> bool:
    """à + an outlet or a person right after the cue (a confié à l'AFP, a indiqué au Monde)."""
    k = cue.last
    if k + 1 >= len(doc.tokens) or lowered(doc.tokens[k]) not in ("à", "au", "aux"):
        return False
    m = mention_at(doc, k + 1 + (lowered(doc.tokens[k + 1]) in ("l'", "la", "le")))
    return m is not None and (m.kind == "person" or lexicon.bodies().get(fold(doc.tokens[m.first].text)) == "media"
                              or bool(m.name and m.name.isupper()))


SHORT_OK = {"attr", "a", "de", "inf"}  # se disent intéressés, appellent à marcher: one word is content


def from_cues(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    out = []
    text = doc.text
    for i in verb_tokens(doc):  # (no cue elsewhere)
        t = doc.tokens[i]
        cue = cue_at(doc, i)
        if cue is None or not cue.entry.makes_quotes or cue.negated:
            continue
        if in_spans(t.start, t.end, spans):
            continue  # speech nested inside a direct quote is the quoted speaker's, not ours
        sent = doc.sent_of(i)
        if cue.passive:
            got = _passive_request(doc, cue, sent.last)
        else:
            got = _content_start(doc, cue, sent.last) or _small_clause(doc, cue, sent.last, spans) \
                or _after_colon(doc, cue, sent.last, spans)
        if got is None or _journalist(doc, cue) or _blocked(doc, cue, sent.first):
            continue
        if "ambiguous" in cue.entry.flags and not _speaking_subject(doc, cue):
            continue
        first, how = got
        last = content_end(doc, first, sent.last, spans)
        if cue.first == sent.first and doc.tokens[cue.verb].text.lower().endswith("ant"):
            # Estimant la situation « inquiétante », elle attend…: the participle clause ends at its comma
            last = next((j for j in range(first, last) if doc.tokens[j].text == ","
                         and not closes_mark(doc, j, spans)), last)
        if doc.tokens[cue.verb].dep == "acl:relcl":
            # des associations qui appellent à marcher dimanche ont été…: the relative clause ends first
            last = min(last, max(doc.subtree(cue.verb)) + 1)
        if how == "attr":
            # s'est dit bien traité, reçoit des visites: the attribute ends at a comma
            last = next((j for j in range(first, last) if doc.tokens[j].text == "," and not closes_mark(doc, j, spans)),
                        last)
        if last <= first:
            continue
        a, b = trim_content(text, doc.tokens[first].start, doc.tokens[last - 1].end)
        if len(text[a:b].split()) < (1 if how in SHORT_OK else 2):
            continue
        out.append(Candidate("indirect", a, b, outer_start=doc.tokens[cue.first].start, outer_end=b,
                             found_by=f"reported:{how}", cue=cue))
    return out


def _passive_request(doc: Doc, cue: CueMatch, limit: int) -> tuple[int, str] | None:
    """Toute personne est appelée à composer le 197 / Les habitants sont invités à rester chez eux:
    a request in the passive, with à/de + infinitive. Other passives (déclaré coupable) stay out."""
    if cue.entry.cls != "ask":
        return None
    k = skip_fillers(doc, cue.last, limit)
    if k + 1 < limit and lowered(doc.tokens[k]) in A | DE and _infinitive_ahead(doc, k + 1, limit):
        return k + 1, "passive"
    return None


def _after_colon(doc: Doc, cue: CueMatch, limit: int, spans: list[MarkSpan]) -> tuple[int, str] | None:
    """Le préfet a annoncé un dispositif musclé : 8 000 policiers seront déployés samedi. The object
    announces a clause after a colon (a finite verb, no marks: those are direct quotes)."""
    if cue.entry.cls != "say" or "quote" in cue.entry.flags and "que" not in cue.entry.flags:
        return None
    toks = doc.tokens
    colon = next((j for j in range(cue.last, min(limit, cue.last + 8)) if toks[j].text == ":"), None)
    if colon is None or colon + 5 > limit or any(toks[j].pos in ("VERB", "AUX") for j in range(cue.last, colon)):
        return None
    rest = range(colon + 1, limit)
    if any(in_spans(toks[j].start, toks[j].end, spans) for j in rest):
        return None
    if not any(toks[j].pos in ("VERB", "AUX") and toks[j].feat("VerbForm") == "Fin" for j in rest):
        return None
    return colon + 1, "colon"


def _small_clause(doc: Doc, cue: CueMatch, limit: int, spans: list[MarkSpan]) -> tuple[int, str] | None:
    """An opinion on something, in marks: a jugé « utile » le dialogue / Estimant la situation « inquiétante »."""
    if cue.entry.cls != "opinion" or "quote" in cue.entry.flags:
        return None
    k = skip_fillers(doc, cue.last, limit)
    end = content_end(doc, k, limit, spans) if k < limit else k
    if end <= k:
        return None
    a, b = doc.tokens[k].start, doc.tokens[end - 1].end
    marked = [s for s in opening_in(spans, a, b + 1) if s.close_end <= b + 1]
    if not marked:
        return None
    first = doc.token_at(marked[0].start)
    if first is not None and doc.tokens[first].pos == "DET":
        return None  # a maintenu « le cap » de la politique: the object itself is quoted, no attribute
    if first is not None and any(doc.tokens[j].text in (",", ":", ";") for j in range(k, first)):
        return None  # « … », estime le spécialiste, qui ajoute : « … »: a subject, then another clause's marks
    return k, "attr"
