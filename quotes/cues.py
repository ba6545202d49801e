"""Cues: speech verbs found on the parse, and the incise and colon patterns built around them.

Shared by the direct-quote room (an incise inside marks splits a quote), the sieves (who
speaks after « … »,) and reported speech (incises without marks). Patterns walk the tags and
lemmas left to right, which the md model gets right far more often than its attachments.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .clause_subjects import fronted_place, relative_antecedent, where_on_speaks
from .entities.mentions import Mention, apposition, build, glued, mention_at, np_end, pronoun
from .lexicon import SpeechVerb, fold
from .marks import CLOSING_TOKENS
from .nlp import Doc, Token

REFLEXIVE = {"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"}
NEGATION = {"ne", "n'", "n’"}
NEG_TAIL = {"pas", "jamais", "guère", "point", "plus", "nullement", "rien"}
INCISE_OPEN = {",", "—", "–", "?", "!", "…", "...", "-"}
AVOIR = {"a", "ont", "avait", "avaient", "aura", "auront", "aurait"}  # an auxiliary the tagger missed (a tweeté)
CLAUSE_END = {".", ",", ";", ":", "!", "?", "…", "...", ")", "—", "–", "»", "\"", "”"}


@dataclass(slots=True)
class CueMatch:
    verb: int  # the lexical verb's token
    first: int  # the cue group [first, last): auxiliary, clitic, verb, multiword tail
    last: int
    entry: SpeechVerb
    clitic: int | None = None  # the inverted subject clitic (-t-il, -elle)
    negated: bool = False
    passive: bool = False

    def text(self, doc: Doc) -> str:
        return doc.text[doc.tokens[self.first].start:doc.tokens[self.last - 1].end]


def _low(t: Token) -> str:
    return t.text.lower().replace("’", "'")


def is_clitic(t: Token) -> bool:
    return t.text.startswith("-") and fold(t.text) in lexicon.pronouns() or t.text in ("-t", "-t-")


def _lemmas(lemma: str, text: str) -> list[str]:
    """The tagger's lemma, then guesses for forms it left alone (rétorqué → rétorquer)."""
    out = [lemma.lower()]
    w = text.lower()
    for suffix, repl in (("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"), ("ent", "er"),
                         ("e", "er"), ("es", "er"), ("ait", "er"), ("it", "ire"), ("is", "ire")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.append(w[: -len(suffix)] + repl)
    return out


@lru_cache(maxsize=1 << 16)
def _known_lemmas(lemma: str, text: str) -> tuple[str, ...]:
    """The lemmas of `_lemmas` that the speech-verb list has. Cached on the strings: nearly every
    token of an article is asked about, and the same words come back in every article."""
    index = lexicon.speech_verbs()
    return tuple(lem for lem in _lemmas(lemma, text) if index.has(lem))


def _reflexive(doc: Doc, i: int) -> bool:
    for k in range(i - 1, max(-1, i - 4), -1):
        low = _low(doc.tokens[k])
        if low in REFLEXIVE:
            return True
        if doc.tokens[k].pos not in ("AUX", "ADV") and low not in NEGATION:
            return False
    return False


def cue_at(doc: Doc, i: int) -> CueMatch | None:
    """The speech cue whose verb is token `i`, with its auxiliaries and subject clitic.
    Memoised per document (the detectors and sieves ask about the same tokens many times);
    callers copy a match before changing it."""
    key = ("cue", i)
    if key not in doc.memo:
        doc.memo[key] = _cue_at(doc, i)
    return doc.memo[key]


def verb_tokens(doc: Doc) -> list[int]:
    """The tokens (ascending) whose word or lemma is a listed speech verb's: the only ones where
    `cue_at` can find a cue, so a scan of the article need look at nothing else. Once per document."""
    found = doc.memo.get("verb-tokens")
    if found is None:
        found = doc.memo["verb-tokens"] = [t.i for t in doc.tokens if _known_lemmas(t.lemma, t.text)]
    return found


def _cue_at(doc: Doc, i: int) -> CueMatch | None:
    t = doc.tokens[i]
    if t.pos in ("PUNCT", "DET", "ADP", "PRON", "CCONJ", "SCONJ", "NUM") or t.text[:1].isupper() and i and \
            doc.tokens[i - 1].sent == t.sent and doc.tokens[i - 1].text not in ("«", "\"", "“", "-", "—"):
        return None
    lemmas = _known_lemmas(t.lemma, t.text)
    if not lemmas:
        return None  # most tokens: no lexicon verb, nothing more to look at
    following = tuple(fold(doc.tokens[k].text) for k in range(i + 1, min(i + 4, len(doc.tokens))))
    following = tuple(w for w in following if w not in ("d'", "de", "du") and not w.startswith("-"))  # (fait-on savoir)
    reflexive = _reflexive(doc, i)
    index = lexicon.speech_verbs()
    entry = None
    for lemma in lemmas:
        entry = index.get(lemma, reflexive, following)
        if entry:
            break
    if entry is None:
        return None
    if t.pos not in ("VERB", "AUX") and not _verbal_context(doc, i):
        return None
    if entry.lemma == "dire" and t.text.lower() in ("dit", "dite", "dits", "dites") and i and \
            doc.tokens[i - 1].pos in ("NOUN", "PROPN", "ADJ"):
        return None  # le processus (diplomatique) dit de Vienne, Omar dit « le Tchétchène »: naming, not speech
    first, last = i, i + 1 + len(entry.words)
    if entry.words and last < len(doc.tokens) and fold(doc.tokens[last - 1].text) != entry.words[-1]:
        # (fait-on savoir: the word the entry needs comes after a clitic or a « de »)
        last = next((k + 1 for k in range(i + 1, min(len(doc.tokens), i + 5))
                     if fold(doc.tokens[k].text) == entry.words[-1]), last)
    k = i - 1
    passive = False
    while k >= 0 and (doc.tokens[k].pos == "AUX" or _low(doc.tokens[k]) in AVOIR or is_clitic(doc.tokens[k])
                      or _low(doc.tokens[k]) in REFLEXIVE | NEGATION | NEG_TAIL
                      or doc.tokens[k].pos == "ADV" and k > 0 and _adverbs_after_auxiliary(doc, k)):
        low = _low(doc.tokens[k])
        if doc.tokens[k].pos == "AUX" and doc.tokens[k].lemma == "être" and not entry.reflexive \
                and not (k and _low(doc.tokens[k - 1]) in REFLEXIVE):
            passive = True  # speech verbs take avoir: être + participle is a passive (déclaré coupable)
        if low in REFLEXIVE and not entry.reflexive:
            break
        first = k
        k -= 1
    clitic = next((k for k in range(first, last + 2) if k < len(doc.tokens) and is_clitic(doc.tokens[k])
                   and fold(doc.tokens[k].text) in lexicon.pronouns()), None)
    if clitic is not None and clitic >= last:
        last = clitic + 1
    negated = any(_low(doc.tokens[k]) in NEGATION for k in range(first, i)) and any(
        _low(doc.tokens[k]) in NEG_TAIL for k in range(first, min(last + 2, len(doc.tokens))))
    if t.pos == "VERB" and t.feat("VerbForm") == "Part" and t.feat("Tense") != "Pres" and not any(
            doc.tokens[k].pos == "AUX" for k in range(first, i)) and t.dep in ("acl", "amod"):
        passive = True  # qualifiée d'« inacceptable » par…, accusé par Moscou de…
    return CueMatch(i, first, last, entry, clitic, negated, passive)


def _adverbs_after_auxiliary(doc: Doc, k: int) -> bool:
    """« a-t-il encore conclu », « a aussi déclaré »: adverbs between the auxiliary (or its clitic)
    and the participle belong to the verb group."""
    while k >= 0 and doc.tokens[k].pos == "ADV" and _low(doc.tokens[k]) not in NEGATION:
        k -= 1
    return k >= 0 and (doc.tokens[k].pos == "AUX" or _low(doc.tokens[k]) in AVOIR or is_clitic(doc.tokens[k]))


def _verbal_context(doc: Doc, i: int) -> bool:
    """A mis-tagged verb (« lance » as a name, « martelé » as a noun) counts next to an auxiliary
    or a subject clitic: a-t-il martelé, lance-t-elle."""
    k = i - 1
    while k >= 0 and is_clitic(doc.tokens[k]):
        k -= 1
    before = doc.tokens[k] if k >= 0 else None
    after = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    if before is not None and before.pos == "DET":
        return False  # l'annonce que…: a noun after its determiner (speech_nouns.tsv has those)
    aux = before is not None and (before.pos == "AUX" or _low(before) in AVOIR)
    # « … », soupire Anne Sicher / « A, juge Jean-Luc. B »: after a comma (a closing mark's, or
    # inside the marks before a name), a speech verb's form is the verb whatever the tagger says
    # (it took soupire and juge for nouns)
    incise = before is not None and before.text == "," and after is not None and (
        k >= 1 and doc.tokens[k - 1].text in CLOSING_TOKENS and (after.pos in ("PROPN", "DET") or after.text[:1].isupper())
        or after.pos == "PROPN" and after.text[:1].isupper())
    return bool(aux or incise or (after and (is_clitic(after) or _low(after) in ("que", "qu'"))))


# Adverbs that make a conjunction with « que » (not « encore » or « hier »: « a affirmé hier encore que… »)
CONJUNCTION_ADVERBS = {"alors", "bien", "parce", "afin", "tandis", "sitôt", "aussitôt", "maintenant"}


def skip_fillers(doc: Doc, j: int, limit: int) -> int:
    """Past adverbs, time words and prepositional phrases (à l'AFP, dans un communiqué, mardi)."""
    toks = doc.tokens
    times = lexicon.time_words()
    for _ in range(8):
        if j >= limit:
            return j
        t = toks[j]
        low = _low(t)
        if low in CONJUNCTION_ADVERBS and j + 1 < limit and _low(toks[j + 1]) in ("que", "qu'", "qu’", "qu"):
            return j  # alors qu'…, bien que…, parce que…: a conjunction opens another clause, no report
        if t.pos == "ADV" and low not in NEGATION and low not in ("que", "qu'") and fold(t.text) not in lexicon.pronouns():
            j += 1
        elif fold(t.text) in times:
            j += 1
        elif t.pos == "DET" and j + 1 < limit and fold(toks[j + 1].text) in times:
            j += 2  # la veille, ce matin, le lendemain
        elif t.text == "," and j + 1 < limit and _is_parenthetical(doc, j, limit):
            j = _is_parenthetical(doc, j, limit)
        elif (t.pos == "ADP" or low in ("lors", "au", "aux", "du")) and j + 1 < limit and toks[j + 1].pos == "ADV" \
                and _low(toks[j + 1]) not in NEGATION | NEG_TAIL:
            j += 2  # par ailleurs, d'ailleurs, en outre (not: appelé à ne pas manifester)
        elif (t.pos == "ADP" or low in ("lors", "au", "aux", "du")) and low not in ("selon", "des"):
            # "des" opens a subject more often than a complement after a cue (ont rapporté des médias)
            k = j + 1
            if k < limit and _low(toks[k]) in ("de", "d'"):
                k += 1
            end = np_end(doc, k, limit)
            if end <= k:
                return j
            if fold(toks[k].text) in times:
                # en fin de matinée Olivier Neyrinck: a time phrase, then the speaker's name
                end = next((x for x in range(k + 1, end) if toks[x].text[:1].isupper()), end)
            j = end
            while j < limit and _low(toks[j]) in ("avec", "de", "d'", "du", "des") and np_end(doc, j + 1, limit) > j + 1:
                j = np_end(doc, j + 1, limit)
        else:
            return j
    return j


def _is_parenthetical(doc: Doc, j: int, limit: int) -> int:
    """', de son côté,' or ', pour sa part,': the index after its closing comma, else 0."""
    for k in range(j + 1, min(limit, j + 6)):
        if doc.tokens[k].text == ",":
            inner = doc.tokens[j + 1:k]
            if inner and all(t.pos in ("ADP", "DET", "NOUN", "ADV", "ADJ") for t in inner):
                return k + 1
            return 0
    return 0


@dataclass(slots=True)
class Incise:
    cue: CueMatch
    speaker: Mention | None
    first: int
    last: int


def _verb_group(doc: Doc, j: int, limit: int) -> CueMatch | None:
    """A cue whose group starts at `j` (auxiliary, clitic, parenthetical, adverbs, then the verb)."""
    toks = doc.tokens
    k = j
    for _ in range(6):
        if k >= limit:
            return None
        if cue_at(doc, k):  # fait (tagged AUX) valoir
            break
        if toks[k].pos == "AUX" or _low(toks[k]) in AVOIR or is_clitic(toks[k]) or _low(toks[k]) in REFLEXIVE or (
                toks[k].pos == "ADV" and _low(toks[k]) not in NEGATION):
            k += 1
            continue
        if toks[k].text == "," and _is_parenthetical(doc, k, limit):
            k = _is_parenthetical(doc, k, limit)
            continue
        break
    if k >= limit:
        return None
    cue = cue_at(doc, k)
    if cue and cue.first >= j:
        return cue
    if cue:
        return dataclasses.replace(cue, first=j)
    # "a" alone can be the verb of a multiword cue (a bon espoir)
    return None


def incise_after(doc: Doc, i: int, limit: int, inverted_only: bool = False) -> Incise | None:
    """An incise that starts at token `i`: ', a déclaré X', ', a-t-il ajouté', ', estime la ministre'."""
    toks = doc.tokens
    j = i
    while j < limit and toks[j].text in INCISE_OPEN:
        j += 1
    cue = _verb_group(doc, j, limit) if j < limit else None
    if cue and toks[cue.verb].feat("VerbForm") == "Inf" and cue.first == cue.verb:
        cue = None  # …, rappeler les priorités: an infinitive opens no incise
    if cue:
        if cue.clitic is not None:
            p = pronoun(doc, cue.clitic)
            if p is not None and cue.passive:
                p.kind = "unknown"  # « Revenez plus tard », était-il indiqué: an impersonal il
            if p is not None and p.kind == "unknown" and (body := where_on_speaks(doc, cue.last, limit)):
                return Incise(cue, body, j, body.last)
            return Incise(cue, p, j, cue.last)
        k = skip_fillers(doc, cue.last, limit)
        speaker = mention_at(doc, k, limit) if k < limit else None
        if speaker and speaker.kind != "pronoun":
            end = speaker.last
            app = apposition(doc, end, limit)
            if app:
                end = max(end, app[1])
            elif end < limit and toks[end].text == ",":
                # « A, juge Jean-Luc, cégétiste de 61 ans. B »: a verbless description up to the
                # sentence's end is still the incise's
                stop = next((k for k in range(end + 1, min(limit, end + 10)) if toks[k].text in (".", ";", "!", "?")), None)
                if stop is not None and not any(t.pos in ("VERB", "AUX") for t in toks[end + 1:stop]):
                    end = stop
            return Incise(cue, speaker, j, end)
        if speaker is None and (k >= limit or toks[k].text in CLAUSE_END):
            return Incise(cue, None, j, cue.last)  # « … », conclut-on / Et de poursuivre
        return None
    if inverted_only or j >= limit:
        return None
    # subject first: « … », le ministre Dubé a répondu.
    end = np_end(doc, j, limit)
    if end <= j or end - j > 12:
        p = pronoun(doc, j)
        if not p:
            return None
        end = j + 1
    cue = _verb_group(doc, end, limit)
    if cue and (cue.last >= limit or toks[cue.last].text in CLAUSE_END):
        speaker = pronoun(doc, j) if end == j + 1 and pronoun(doc, j) else build(doc, j, end)
        return Incise(cue, speaker, j, cue.last)
    return None


def incise_closes(doc: Doc, inc: Incise, limit: int) -> bool:
    """Nothing but the end of the clause after an incise: punctuation, time words and
    prepositional phrases (jeudi avant-midi, à l'AFP), or a relative clause or a past participle on
    its subject."""
    k = skip_fillers(doc, inc.last, limit)
    if k >= limit or doc.tokens[k].text in CLAUSE_END:
        return True
    t = doc.tokens[k]
    if inc.speaker is not None and t.pos in ("VERB", "ADJ") and t.feat("VerbForm") == "Part" and t.feat("Tense") == "Past":
        return True  # …, précise le rapport publié mardi: a participle on the subject
    return _low(t) in ("qui", "dont") and inc.speaker is not None


def subject_of(doc: Doc, verb: int) -> Mention | None:
    """The subject of a verb from the parse, climbing through xcomp/conj (a pris soin de rappeler)."""
    seen = 0
    i = verb
    while seen < 4:
        for k in doc.children[i]:
            if doc.tokens[k].dep in ("nsubj", "nsubj:pass", "expl:subj") and k != i:
                return relative_antecedent(doc, k) or mention_of(doc, k)
        t = doc.tokens[i]
        if t.dep in ("xcomp", "conj", "advcl", "ccomp") and t.head != i:
            i = t.head
            seen += 1
            continue
        return None
    return None


QUANTITIES = {"dizaines", "centaines", "milliers", "millions", "centaine", "dizaine", "millier", "groupes", "vagues"}


def agent_of(doc: Doc, verb: int, limit: int) -> Mention | None:
    """'par X' after a passive cue: qualifiée d'« inacceptable » par le ministre Dubé."""
    for k in range(verb + 1, limit):
        if _low(doc.tokens[k]) == "par":
            if k + 1 < limit and fold(doc.tokens[k + 1].text) in QUANTITIES:
                return None  # appelés à défiler par milliers: how many, not by whom
            return mention_at(doc, k + 1, limit)
        if doc.tokens[k].text in (".", ";"):
            return None
    return None


def mention_of(doc: Doc, head: int) -> Mention | None:
    """The mention whose head token the parser named (a subject, say): its phrase from the left."""
    p = pronoun(doc, head)
    if p:
        return p
    sent = doc.sent_of(head)
    start = head
    for e in doc.ents_over(head, head + 1):
        start = e.first
    while start > sent.first + 1 and glued(doc, start - 1):
        start -= 2  # St-Louis, tagged from Louis
    while start > sent.first and doc.tokens[start - 1].head in range(start - 1, head + 1) and \
            doc.tokens[start - 1].pos in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or \
            start > sent.first and doc.tokens[start - 1].pos == "DET":
        start -= 1
    m = mention_at(doc, start, sent.last)
    if m is not None and m.role and not m.name:
        # L'ancien candidat socialiste à la présidentielle, Benoît Hamon, a dit: the apposed name
        for k in doc.children[head]:
            t = doc.tokens[k]
            if t.dep == "appos" and t.pos == "PROPN" and k > m.last and doc.tokens[k - 1].text == ",":
                named = mention_at(doc, k, sent.last)
                if named is not None and named.name and named.kind == "person":
                    m.name, m.kind, m.last, m.end = named.name, "person", named.last, named.end
                    break
    return m
