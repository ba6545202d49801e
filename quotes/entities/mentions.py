"""Mentions: the words that designate a person or a body, read off the parse around a token.

A mention knows its name (as written, title dropped), its role (without determiner), its kind,
gender and number. Noun phrases are chunked on part-of-speech tags rather than taken from the
dependency subtree: the md model's attachments wander (an inverted subject parsed as object,
a relative clause swallowed), its tags much less.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon
from ..lexicon import fold
from ..nlp import Doc, Token

DE = {"de", "du", "des", "d'", "d’"}
DETS = {"le": ("m", "s", True), "la": ("f", "s", True), "l'": ("x", "s", True), "l’": ("x", "s", True),
        "les": ("x", "p", True), "un": ("m", "s", False), "une": ("f", "s", False),
        "des": ("x", "p", False), "son": ("m", "s", True), "sa": ("f", "s", True),
        "ses": ("x", "p", True), "leur": ("x", "s", True), "leurs": ("x", "p", True),
        "ce": ("m", "s", True), "cet": ("m", "s", True), "cette": ("f", "s", True),
        "ces": ("x", "p", True), "quelques": ("x", "p", False), "plusieurs": ("x", "p", False),
        "certains": ("m", "p", False), "certaines": ("f", "p", False), "deux": ("x", "p", True),
        "notre": ("x", "s", True), "nos": ("x", "p", True)}
NAME_PARTICLES = {"de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "al", "el", "ben", "bin",
                  "ibn", "abou", "abu", "da", "di", "dos", "mc"}
NOMINAL = {"NOUN", "PROPN"}


@dataclass(slots=True)
class Mention:
    first: int  # token range [first, last)
    last: int
    start: int  # char range
    end: int
    kind: str  # person | organization | anonymous | pronoun | unknown
    name: str | None = None
    role: str | None = None
    gender: str = "x"
    number: str = "s"
    definite: bool = True
    title: str | None = None
    country: str | None = None  # what a nationality adjective in the role names
    possessive: bool = False  # son porte-parole: the role belongs to someone else in the text

    def text(self, doc: Doc) -> str:
        return doc.text[self.start:self.end]


def _low(t: Token) -> str:
    return t.text.lower().replace("’", "'")


def is_title(t: Token) -> bool:
    return t.text in lexicon.titles()


def _capitalised(t: Token) -> bool:
    return t.text[:1].isupper()


def _nominal(t: Token) -> bool:
    return t.pos in NOMINAL or is_title(t) or (_capitalised(t) and t.pos not in ("PUNCT", "DET", "ADP", "CCONJ", "SCONJ"))


def glued(doc: Doc, k: int) -> bool:
    """A hyphen written inside a word (Beauvais-St-Pierre, al-Assad), which the tokenizer split off."""
    toks = doc.tokens
    return (toks[k].text in ("-", "‑") and 0 < k < len(toks) - 1
            and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start)


def _title_article(doc: Doc, k: int) -> bool:
    """Le, La, Les, L' capitalised mid-sentence, before a capital: part of a name (selon Le
    Devoir, a écrit La Presse, a dit Le Pen). At a sentence start the capital says nothing."""
    toks = doc.tokens
    t = toks[k]
    if _low(t) not in ("le", "la", "les", "l'") or not _capitalised(t) or k + 1 >= len(toks) \
            or not _capitalised(toks[k + 1]) or k == doc.sents[t.sent].first:
        return False
    return toks[k - 1].text not in ("«", "“", "\"", ":", "—", "–", "-", "(")


def _starts_person(doc: Doc, k: int) -> bool:
    t = doc.tokens[k]
    return any(e.label == "PER" and e.first == k for e in doc.ents) or (
        _capitalised(t) and fold(t.text) in lexicon.first_names())


def role_length(doc: Doc, j: int, limit: int) -> int:
    """Tokens of the role noun starting at `j` (le Premier ministre, la garde des Sceaux: 2 and 3),
    else 0. Capitalised words inside a role are the role's, never a name."""
    words = [fold(t.text) for t in doc.tokens[j:min(limit, j + lexicon.roles().longest)]]
    hit = lexicon.roles().match(words, 0) if words else None
    return hit[2] if hit else 0


def affiliation(t: Token) -> bool:
    """A party or union acronym after a role: le député UDI, la députée LaREM, le maire PS."""
    letters = [c for c in t.text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and t.text[:1].isupper() \
        and not any(c.isdigit() for c in t.text)


def np_end(doc: Doc, i: int, limit: int) -> int:
    """End (exclusive) of the noun phrase starting at token `i`, never past `limit`.

    States: 'head' (the noun and its adjectives), 'of' (inside a de-complement, where capitals
    are part of a title: ministre des Affaires étrangères), 'name' (a proper name, after which
    a lowercase noun cannot follow: "Washington Post reprises par…").
    """
    toks = doc.tokens
    j = i
    while j < limit and _low(toks[j]) in DETS and (j == i or not _capitalised(toks[j])):
        j += 1
    while j < limit and toks[j].pos == "ADJ" and not _capitalised(toks[j]) and j + 1 < limit \
            and toks[j + 1].pos in ("NOUN", "ADJ", "PROPN"):
        j += 1
    if j >= limit or not (_nominal(toks[j]) or lexicon.roles().match([fold(toks[j].text)], 0)):
        return i
    head_is_role = bool(lexicon.roles().match([fold(toks[j].text)], 0))
    end, state = j, "head"
    n = role_length(doc, j, limit)
    if n > 1:
        head_is_role = True
        j = end = j + n
    while j < limit:
        t = toks[j]
        low = _low(t)
        if glued(doc, j):
            j += 2
            end = j
            continue
        if head_is_role and state == "head" and affiliation(t):
            j = end = j + 1  # le député UDI (Charles de Courson): the party is the role's
            continue
        if _nominal(t) or t.pos in ("ADJ", "NUM") or (j == end and lexicon.roles().match([fold(t.text)], 0)):
            cap = _capitalised(t) and not is_title(t)
            if cap and state == "name" and j > i and not _starts_person(doc, j - 1) and (
                    fold(t.text) in lexicon.first_names()
                    or (_starts_person(doc, j) and not any(e.first < j < e.last for e in doc.ents))):
                break  # "en entrevue avec Le Journal Sylvain Caron": a new name starts
            if cap and (state != "of" or _starts_person(doc, j)):
                state = "name"
            elif not cap and state == "name" and fold(t.text) not in lexicon.nationalities() \
                    and not is_title(t) and not (t.pos == "ADJ" and fold(toks[j - 1].text) in lexicon.bodies()):
                break  # a name is not followed by a common noun (but: le Parti vert, le Bloc québécois)
            elif not cap and t.pos == "ADJ" and j + 1 < limit and _low(toks[j + 1]) == "par":
                break  # a participle with its agent (reprises par Reuters)
            j += 1
            end = j
            continue
        if _title_article(doc, j) and j + 1 < limit and _nominal(toks[j + 1]) \
                and lexicon.bodies().get(fold(toks[j - 1].text)) == "media":
            state = "name"  # le quotidien Le Soleil: the outlet's title (not: député Les Républicains)
            j += 1
            continue
        if low in ("la", "le", "les") and state != "name" or fold(t.text) in lexicon.time_words():
            break  # "la ministre la semaine dernière": a determiner starts another phrase
        if low in ("la", "le", "les") and not (j + 1 < limit and _capitalised(toks[j + 1])):
            break  # l'AFP le directeur: a determiner opens another phrase (but: Jean de La Fontaine)
        if low in NAME_PARTICLES | {"à", "au", "aux", "pour", "en"}:
            # de-complements (ministre des Affaires étrangères), particles (Staffan de Mistura)
            k = j + 1
            while k < limit and (_low(toks[k]) in ("la", "l'", "le", "les") or toks[k].pos == "DET"):
                k += 1
            if low in ("à", "au", "aux", "pour", "en") and not (head_is_role and state != "name" and k < limit
                                                                  and _capitalised(toks[k])):
                break
            if k < limit and _nominal(toks[k]):
                particle = state == "name" and low in NAME_PARTICLES and _capitalised(toks[k]) \
                    and k == j + 1 and not _starts_person(doc, k)
                state = "name" if particle else "of"
                j = k
                continue
            break
        if t.text == "(":
            close = next((k for k in range(j + 1, min(limit, j + 8)) if toks[k].text == ")"), None)
            if close and close > j + 1 and all(_nominal(toks[k]) or toks[k].text in "-–/"
                                               for k in range(j + 1, close)):
                j = close + 1
                end = j
                continue
            break
        if t.text in (",", "et") and state == "of" and j + 1 < limit and _low(toks[j + 1]) in DE | {"et"}:
            # ministre de l'Immigration, des Réfugiés et de la Citoyenneté
            k = j + 1 if _low(toks[j + 1]) in DE else j + 2
            if k < limit and _low(toks[k]) in DE:
                j = k
                continue
        break
    return end


def _person_span(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """A PER entity inside [a, b), titles and determiners left out."""
    for e in doc.ents:
        if (e.label == "PER" or (e.last - e.first >= 2 and lexicon.first_names().get(
                fold(doc.tokens[e.first].text), "x") != "x")) and a <= e.first < b:
            first = e.first
            while first < min(e.last, b) and (is_title(doc.tokens[first]) or doc.tokens[first].pos == "DET"):
                first += 1
            last = min(e.last, b)
            while first >= a + 2 and glued(doc, first - 1) and _capitalised(doc.tokens[first - 2]):
                first -= 2  # France-Élaine Duranceau, tagged from Élaine
            while last + 1 < b and glued(doc, last):
                last += 2
            if first < last and not lexicon.roles().match([fold(doc.tokens[first].text)], 0):
                return first, last
    return None


OPENERS = {"«", "“", "\"", ":", "—", "–", "-", "(", "•"}


def name_word(doc: Doc, k: int) -> bool:
    """Whether a capitalised word can be (the start of) a name. Not: residue of links and tweets
    (@compte, pic.twitter.com, #Mot), figures, and a common word capitalised only because it opens a
    sentence or a quote (Sauf, Celui, Autre, Quatre, Lire), which the tagger does not call PROPN."""
    t = doc.tokens[k]
    if any(c in t.text for c in "@#/_") or any(c.isdigit() for c in t.text):
        return False
    if fold(t.text) in lexicon.nationalities() and not (k + 1 < len(doc.tokens) and doc.tokens[k + 1].pos == "PROPN"):
        return False  # un Français né en Tchétchénie, les Belges: people, not a name
    opens = k == doc.sents[t.sent].first or doc.tokens[k - 1].text in OPENERS
    if not opens or t.pos == "PROPN" or any(e.first <= k < e.last for e in doc.ents):
        return True
    return fold(t.text) in lexicon.first_names()


def _proper_run(doc: Doc, k: int, b: int) -> tuple[int, int] | None:
    """A run of capitalised words from `k` (Staffan de Mistura, Bachar al-Assad, Washington Post)."""
    t = doc.tokens[k]
    if not _capitalised(t) or is_title(t) or lexicon.roles().match([fold(t.text)], 0) \
            or fold(t.text) in lexicon.bodies() or t.pos in ("PUNCT", "DET") or not name_word(doc, k):
        return None
    end = k + 1
    while end < b:
        if glued(doc, end) and end + 1 < b:
            end += 2
        elif _low(doc.tokens[end]) in NAME_PARTICLES and end + 2 < b and glued(doc, end + 1):
            end += 3  # Omar al-Shishani
        elif (_capitalised(doc.tokens[end]) and doc.tokens[end].pos != "PUNCT"
              and not is_title(doc.tokens[end])) or (
                _low(doc.tokens[end]) in NAME_PARTICLES and end + 1 < b and _capitalised(doc.tokens[end + 1])):
            end += 1
        else:
            break
    return k, end


def _name_run(doc: Doc, a: int, b: int, role: tuple[int, int] | None) -> tuple[int, int] | None:
    """The person or body name inside [a, b), outside the role's own complements."""
    per = _person_span(doc, a, b)
    if per and not (role and role[0] <= per[0] < role[1] and per[0] > role[0] and
                    _low(doc.tokens[per[0] - 1]) in DE):
        return per
    if role:
        # le président Assad, la juge Roy, le chef Caron: a name right after the role noun
        k = role[1]
        while k < b and (doc.tokens[k].pos == "ADJ" and not _capitalised(doc.tokens[k])
                         or affiliation(doc.tokens[k])):
            k += 1  # le député UDI Charles de Courson: UDI is the role's
        if k < b and _low(doc.tokens[k - 1]) not in DE:
            run = _proper_run(doc, k, b)
            if run:
                return run
        for k in range(a, role[0]):
            run = _proper_run(doc, k, role[0])
            if run:
                return run
        return None
    for k in range(a, b):
        run = _proper_run(doc, k, b)
        if run:
            return run
    return None


def _role_span(doc: Doc, a: int, b: int) -> tuple[int, int, str] | None:
    """The role noun inside [a, b) with the adjectives before it: (first, end of noun, gender)."""
    # words with their token ranges, hyphenated words glued back (quart-arrière, entraîneur-chef)
    spans: list[tuple[str, int, int]] = []
    k = a
    while k < b:
        end = k + 1
        while end + 1 < b and glued(doc, end):
            end += 2
        spans.append(("".join(fold(t.text) for t in doc.tokens[k:end]), k, end))
        k = end
    words = [w for w, _, _ in spans]
    index = lexicon.roles()
    for k in range(len(words)):
        hit = index.match(words, k)
        if not hit:
            continue
        _, gender, n = hit
        first = spans[k][1]
        while first > a and doc.tokens[first - 1].pos == "ADJ" and _low(doc.tokens[first - 1]) not in DETS:
            first -= 1
        return first, spans[k + n - 1][2], gender
    return None


def _head_index(doc: Doc, a: int, b: int) -> int:
    """The first word of a phrase after its determiners and adjectives."""
    k = a
    while k < b and (_low(doc.tokens[k]) in DETS or doc.tokens[k].pos in ("DET", "ADJ", "NUM")):
        k += 1
    return k


def _gender_of_name(name: str) -> str:
    first = name.split()[0] if name else ""
    return lexicon.first_names().get(fold(first), "x")


def _country(doc: Doc, a: int, b: int) -> str | None:
    nats = lexicon.nationalities()
    for t in doc.tokens[a:b]:
        hit = nats.get(fold(t.text))
        if hit and t.pos in ("ADJ", "NOUN", "PROPN"):
            return hit[0]
    return None


def _strip_edges(doc: Doc, a: int, b: int) -> tuple[int, int]:
    while a < b and (doc.tokens[a].pos in ("DET", "PUNCT") or _low(doc.tokens[a]) in DETS):
        a += 1
    while b > a and doc.tokens[b - 1].pos == "PUNCT" and doc.tokens[b - 1].text != ")":
        b -= 1
    return a, b


def span_text(doc: Doc, a: int, b: int) -> str:
    return doc.text[doc.tokens[a].start:doc.tokens[b - 1].end] if b > a else ""


def build(doc: Doc, a: int, b: int, appos: tuple[int, int] | None = None) -> Mention | None:
    """The mention for the noun phrase [a, b), with an optional apposition beside it."""
    if b <= a:
        return None
    toks = doc.tokens
    low = _low(toks[a])
    if b - a == 1:
        p = pronoun(doc, a)
        if p:
            return p
    gender, number, definite = DETS.get(low, ("x", "s", True))
    m = Mention(a, b, toks[a].start, toks[b - 1].end, "unknown", gender=gender, number=number,
                definite=definite, possessive=low in ("son", "sa", "ses", "leur", "leurs"))
    for pa, pb in [(a, b)] + ([appos] if appos else []):
        role = _role_span(doc, pa, pb)
        if role and role[0] > _head_index(doc, pa, pb) and _low(toks[role[0] - 1]) in DE | {"des", "du"}:
            role = None  # l'Alliance des professeures…: a word of the body's name, not a role
        name = _name_run(doc, pa, pb, role[:2] if role else None)
        if role and not m.role:
            ra, rb, rgender = role
            stop = name[0] if name and name[0] >= rb else pb
            ra, stop = _strip_edges(doc, ra, stop)
            if stop > ra:
                m.role = span_text(doc, ra, stop)
                m.country = _country(doc, ra, stop)
                if m.gender == "x" or (pa, pb) != (a, b):
                    m.gender = rgender if rgender != "x" else m.gender
        if name and not m.name:
            na, nb = name
            if na > pa and _title_article(doc, na - 1):
                na -= 1  # Le Devoir, La Presse, Le Pen: the capitalised article belongs to the name
            m.name = span_text(doc, na, nb)
            if na > pa and is_title(toks[na - 1]):
                m.title = toks[na - 1].text
                tg = lexicon.titles()[m.title][1]
                m.gender = tg if tg != "x" else m.gender
    _classify(doc, m, a, b)
    return m


def _head_noun(doc: Doc, a: int, b: int) -> int | None:
    """The first noun of [a, b), past determiners and adjectives (un récent sondage → sondage)."""
    for k in range(a, b):
        t = doc.tokens[k]
        if t.pos in ("DET", "PUNCT", "ADJ", "NUM") or _low(t) in DETS:
            continue
        return k
    return None


def _author(doc: Doc, m: Mention, a: int, b: int) -> bool:
    """A document speaks for its author (ANNOTATION.md: a study speaks when no author is named):
    les chiffres du gouvernement → gouvernement, le rapport du BEA-TT → BEA-TT. Sets the name."""
    toks = doc.tokens
    for k in range(a + 1, b - 1):
        if _low(toks[k]) not in DE | {"des", "du"}:
            continue
        j = k + 1
        while j < b and (_low(toks[j]) in DETS or toks[j].pos == "DET"):
            j += 1
        sub = build(doc, j, b) if j < b else None
        if sub is not None and sub.name and sub.kind in ("person", "organization"):
            m.name, m.kind, m.role, m.gender = sub.name, sub.kind, sub.role, sub.gender
            return True
        return False
    return False


def _classify(doc: Doc, m: Mention, a: int, b: int) -> None:
    toks = doc.tokens
    head_words = [fold(t.text) for t in toks[a:b] if t.pos not in ("DET", "PUNCT") and _low(t) not in DETS]
    head = _head_noun(doc, a, b)
    body = lexicon.bodies().get(fold(toks[head].text)) if head is not None else None
    if body == "document" and _author(doc, m, a, b):
        return
    if body is None and m.name:  # des informations du quotidien Washington Post
        body = next((lexicon.bodies()[w] for w in head_words if lexicon.bodies().get(w) == "media"), None)
    ent_labels = {e.label for e in doc.ents if e.first < b and a < e.last}
    if m.name:
        if m.name in lexicon.capitals() and not m.role and not m.title:
            m.kind, m.country = "organization", lexicon.capitals()[m.name]  # Washington → États-Unis
            return
        if m.gender == "x":
            m.gender = _gender_of_name(m.name) if m.title is None else m.gender
        if m.role or m.title or "PER" in ent_labels or _gender_of_name(m.name) != "x":
            m.kind = "person"
        elif m.name in lexicon.capitals():
            m.kind, m.country = "organization", lexicon.capitals()[m.name]
        elif body or ent_labels & {"ORG", "LOC"}:
            m.kind = "organization"
        else:
            m.kind = "unknown"
        if body and not m.role and not m.title and "PER" not in ent_labels:
            m.kind = "organization"
            noun = next(t for t in toks[a:b] if fold(t.text) in lexicon.bodies())
            if (body == "media" or lexicon.bodies().get(fold(noun.text)) == "media") and not _capitalised(noun):
                # le quotidien Washington Post: the outlet's name, "quotidien" its role
                m.role = noun.text
            else:  # le ministère russe des Affaires étrangères: the whole phrase is the name
                m.name = span_text(doc, *_strip_edges(doc, a, b))
        return
    if body:
        m.kind = "organization"
        m.name = span_text(doc, *_strip_edges(doc, a, b))
        if not m.definite and body not in ("document", "media"):
            # des organisations patronales, un groupe d'élus: some body, not one the article names
            m.kind, m.role, m.name = "anonymous", m.name, None
        return
    if m.role:
        m.kind = "person" if m.definite else "anonymous"
        return
    words = span_text(doc, *_strip_edges(doc, a, b))
    m.kind = "anonymous" if words else "unknown"
    m.role = words or None


def pronoun(doc: Doc, i: int) -> Mention | None:
    hit = lexicon.pronouns().get(fold(doc.tokens[i].text))
    if not hit:
        return None
    cls, gender, number = hit
    t = doc.tokens[i]
    return Mention(i, i + 1, t.start, t.end, "unknown" if cls == "impersonal" else "pronoun",
                   gender=gender, number=number)


def apposition(doc: Doc, end: int, limit: int) -> tuple[int, int] | None:
    """', le porte-parole du Kremlin,' or ', Dmitri Peskov,' right after a phrase ending at `end`."""
    toks = doc.tokens
    if end >= limit or toks[end].text != ",":
        return None
    c = end + 1
    d = np_end(doc, c, limit)
    if d <= c:
        return None
    closes = d >= limit or toks[d].text in (",", ".", ")", ":", ";", "!", "?", "»") or toks[d].pos in ("VERB", "AUX")
    role = _role_span(doc, c, d)
    name = _name_run(doc, c, d, role[:2] if role else None)
    if closes and (role or name):
        return c, d
    return None


def mention_at(doc: Doc, i: int, limit: int | None = None) -> Mention | None:
    """The mention whose phrase starts at token `i` (a subject after its verb, say)."""
    if i >= len(doc.tokens):
        return None
    limit = doc.sent_of(i).last if limit is None else limit
    p = pronoun(doc, i)
    if p:
        return p
    end = np_end(doc, i, limit)
    if end <= i:
        return None
    return build(doc, i, end, apposition(doc, end, limit))
