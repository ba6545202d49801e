"""Names inside a noun phrase: a person recognised by the tagger, or a run of capitalised words
that can be a name (not a title word, a role, a body noun, a verb or a word capitalised only
because it opens a sentence)."""
from __future__ import annotations

from functools import cache

import regex

from .. import lexicon
from ..lexicon import fold
from ..nlp import Doc
from .phrases import DE, NAME_PARTICLES, _capitalised, _low, affiliation, glued, is_title

NAME_STOPS = {"à", "au", "aux", "en", "pour", "chez", "sur", "avec", "dans"}


def _person_span(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """A PER entity inside [a, b), titles and determiners left out."""
    for e in doc.ents_from(a, b):
        if e.label == "PER" or (e.last - e.first >= 2 and lexicon.first_names().get(
                fold(doc.tokens[e.first].text), "x") != "x"):
            first = e.first
            while first < min(e.last, b) and (is_title(doc.tokens[first]) or doc.tokens[first].pos == "DET"
                                              or _low(doc.tokens[first]) in DE and not _capitalised(doc.tokens[first])):
                first += 1  # (du côté) de Vinci: a span opening on a particle is cut from a phrase
            while first + 2 < min(e.last, b) and doc.tokens[first].pos == "NOUN" and _low(doc.tokens[first + 1]) in DE \
                    and not lexicon.roles().match([fold(doc.tokens[first].text)], 0):
                first += 2  # Lettre de Macron (a heading): the person is after the common noun (not a role's)
            last = min(e.last, b)
            while first >= a + 2 and glued(doc, first - 1) and _capitalised(doc.tokens[first - 2]):
                first -= 2  # France-Élaine Duranceau, tagged from Élaine
            if first < last - 1 < b - 1 and glued(doc, last - 1):
                # « Anne-Marie Idrac », tagged as « Anne- »: the name runs on past the hyphen
                last += 1
                while last < b and doc.tokens[last].pos == "PROPN" and _capitalised(doc.tokens[last]):
                    last += 1
            while last + 1 < b and glued(doc, last):
                last += 2
            # Édouard Philippe à Matignon: a preposition ends a name (particles de, du, le stay in it)
            last = next((k for k in range(first + 1, last) if _low(doc.tokens[k]) in NAME_STOPS), last)
            last = next((k for k in range(first + 1, last) if _role_starts(doc, k, len(doc.tokens))), last)
            if group_noun(doc, first) and last == first + 1:
                continue
            if any(ROMAN.match(t.text) for t in doc.tokens[first:last]) and \
                    fold(doc.tokens[first].text) not in lexicon.first_names():
                continue  # numbered things (Acte XII des Gilets jaunes), whatever NER says
            words = [_low(t) for t in doc.tokens[first:last]]
            if len(words) >= 3 and words[0] == words[-1]:
                first += 1  # « Macron Emmanuel Macron » (a caption glued to a name)
            if first < last and not lexicon.roles().match([fold(doc.tokens[first].text)], 0):
                return first, last
    return None


OPENERS = {"«", "“", "\"", ":", "—", "–", "-", "(", "•"}


def group_noun(doc: Doc, k: int) -> bool:
    """A capitalised plural with its plural adjective is a group, not a name (Gilets jaunes, Bonnets
    rouges), whatever the tagger says."""
    toks = doc.tokens
    return k + 1 < len(toks) and toks[k].text[-1:] in ("s", "x") and toks[k + 1].text[-1:] in ("s", "x") \
        and toks[k + 1].pos == "ADJ" and toks[k + 1].text[:1].islower() and toks[k].text[:1].isupper()


def name_word(doc: Doc, k: int) -> bool:
    """Whether a capitalised word can be (the start of) a name. Not: residue of links and tweets
    (@compte, pic.twitter.com, #Mot), figures, and a common word capitalised only because it opens a
    sentence or a quote (Sauf, Celui, Autre, Quatre, Lire), which the tagger does not call PROPN."""
    t = doc.tokens[k]
    if any(c in t.text for c in "@#/_") or any(c.isdigit() for c in t.text) or group_noun(doc, k):
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
    if not _capitalised(t) or is_title(t) or lexicon.roles().match([fold(t.text)], 0) and not _after_title_article(doc, k) \
            or fold(t.text) in lexicon.bodies() or t.pos in ("PUNCT", "DET", "VERB") or not name_word(doc, k):
        return None  # (a verb: Choisissez la France, Lire aussi: a button or a teaser, not a name)
    end = k + 1
    while end < b:
        if glued(doc, end) and end + 1 < b:
            end += 2
        elif _low(doc.tokens[end]) in NAME_PARTICLES and end + 2 < b and glued(doc, end + 1):
            end += 3  # Omar al-Shishani
        elif (_capitalised(doc.tokens[end]) and doc.tokens[end].pos != "PUNCT"
              and not is_title(doc.tokens[end]) and not _role_starts(doc, end, len(doc.tokens))) or (
                _low(doc.tokens[end]) in NAME_PARTICLES and end + 1 < b and _capitalised(doc.tokens[end + 1])):
            end += 1
        else:
            break
    if any(ROMAN.match(t.text) for t in doc.tokens[k:end]) and fold(t.text) not in lexicon.first_names():
        return None  # l'Acte XII des Gilets jaunes, le Tome II: numbered things (but Louis XIV, Benoît XVI)
    return k, end


ROMAN = regex.compile(r"^[IVXLC]{2,}$")


def _after_title_article(doc: Doc, k: int) -> bool:
    """M. Le Maire, Bruno Le Maire: a role word after a title or a first name and a capitalised
    article is a surname."""
    toks = doc.tokens
    return k >= 2 and toks[k - 1].text in ("Le", "La") and (
        is_title(toks[k - 2]) or fold(toks[k - 2].text) in lexicon.first_names() and _capitalised(toks[k - 2]))


def _role_starts(doc: Doc, k: int, b: int) -> bool:
    """A role opens at `k` inside a run of capitals: `Le Premier ministre`, `Premier ministre` (a
    heading glued to the lead: « … » selon Edouard Philippe Le Premier ministre Edouard Philippe…).
    One-word roles are left in: a surname can be one, article and all (Bruno Le Maire, Pierre Juge)."""
    if _low(doc.tokens[k]) in ("le", "la") and k + 1 < b:
        k += 1
    if _low(doc.tokens[k]) not in _long_role_heads():
        return False  # most capitalised words open no role of two words: no folding, no look-up
    hit = lexicon.roles().match([fold(t.text) for t in doc.tokens[k:min(b, k + 4)]], 0)
    return hit is not None and hit[2] >= 2


@cache
def _long_role_heads() -> frozenset[str]:
    """The first words (lowercased, as written) of roles of two words or more."""
    return frozenset(w[0] for w in lexicon.roles().forms if len(w) >= 2) | \
        frozenset(e["masculine"].split()[0].lower() for e in lexicon.load("roles").entries) | \
        frozenset(f.split()[0].lower() for e in lexicon.load("roles").entries for f in e["feminine"].split("|"))


def _complement(doc: Doc, a: int, k: int) -> bool:
    """The name at `k` completes a common noun (un proche d'Emmanuel Macron, l'avocat de M. Rodrigues,
    à l'instar de Marine Le Pen, conseiller outre-mer d'Emmanuel Macron): the phrase is about someone
    else. A lone word after de is the name's only when the article writes it as a surname with its
    particle (le ministre de Rugy, after François de Rugy), or the tagger calls it no person."""
    toks = doc.tokens
    j = k - 1 if _after_title_article(doc, k) else k  # (l'entourage de M. Le Maire)
    while j > a and is_title(toks[j - 1]):
        j -= 1
    if j - 2 > a and _low(toks[j - 1]) in ARTICLES and _low(toks[j - 2]) in DE:
        j -= 1  # la députée de la France insoumise, l'éditorialiste de La Libre: the body completes the role
    if j - 2 < a or _low(toks[j - 1]) not in DE or _capitalised(toks[j - 2]) and not _role_word(toks[j - 2]) \
            or toks[j - 2].pos not in ("NOUN", "ADJ", "PROPN"):  # (outre-mer: a lowercase word the tagger calls PROPN)
        return False
    person = next((e for e in doc.ents_over(k, k + 1)), None)
    words = (person.last - k) if person is not None else 1
    if j < k or words >= 2 or fold(toks[k].text) in lexicon.first_names():
        return True
    # a lone word after de that the tagger calls a person: the name's particle only when the article
    # writes the whole name (François de Rugy … le ministre de Rugy); otherwise what the role is of
    # (le PDG de Vinci, le fondateur de Doctissimo). (A place stays the body's: la police de Liège.)
    if person is not None and person.label == "LOC" and toks[j - 2].pos == "NOUN" and not _role_word(toks[j - 2]) \
            and fold(toks[j - 2].text) not in lexicon.bodies():
        return True  # cette native de Bretagne: a person described by a place, not the place (la police de Liège is)
    return person is not None and person.label == "PER" and not named_in_full(doc, toks[k].text, particle=True)


ARTICLES = {"le", "la", "l'", "l’", "les"}


def _role_word(t) -> bool:
    return lexicon.roles().match([fold(t.text)], 0) is not None  # (PDG, DG: a role in capitals)


def named_in_full(doc: Doc, word: str, particle: bool = False) -> bool:
    """The article writes `word` as a person's surname somewhere: after a first name or M./Mme/Me
    (Mehdi Nemmouche, M. Nemmouche), or, with `particle`, after a first name and de (François de Rugy)."""
    key = ("named-in-full", word, particle)
    if key not in doc.memo:
        link = r" d(?:e |['’])" if particle else r" (?:d(?:e |['’]))?"
        doc.memo[key] = any(
            fold(m.group(1)) in lexicon.first_names() or m.group(1) in ("M.", "Mme", "Me")
            for m in regex.finditer(rf"(\S+){link}{regex.escape(word)}\b", doc.text))
    return doc.memo[key]


def _after_complement(doc: Doc, per: tuple[int, int]) -> tuple[int, int] | None:
    """The person named after a role's complement that the tagger ran into one name: « le PDG de
    Renault Carlos Ghosn » → Carlos Ghosn (a first name opens the name, two words at least)."""
    for k in range(per[0] + 1, per[1] - 1):
        if _capitalised(doc.tokens[k]) and fold(doc.tokens[k].text) in lexicon.first_names():
            return k, per[1]
    return None


def complement_at(doc: Doc, a: int, b: int) -> int | None:
    """Where a person's name completing the phrase's noun starts, with its de (le gouvernement
    d'Emmanuel Macron → at d'), else None."""
    per = _person_span(doc, a, b)
    if per is None or not _complement(doc, a, per[0]):
        return None
    j = per[0]
    while j > a and is_title(doc.tokens[j - 1]):
        j -= 1
    return j - 1


def _name_run(doc: Doc, a: int, b: int, role: tuple[int, int] | None) -> tuple[int, int] | None:
    """The person or body name inside [a, b), outside the role's own complements."""
    per = _person_span(doc, a, b)
    if per and _complement(doc, a, per[0]):
        return _after_complement(doc, per)
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
        for k in range(role[1] + 1, b):
            if fold(doc.tokens[k].text) in lexicon.first_names() and _capitalised(doc.tokens[k]) \
                    and not (k + 1 < b and glued(doc, k + 1)) and fold(doc.tokens[k - 1].text) not in lexicon.bodies() \
                    and _low(doc.tokens[k - 1]) not in DE and (run := _proper_run(doc, k, b)) and run[1] - run[0] >= 2:
                # (not: l'Agence France-Presse, a body's name that opens on a first name)
                return run  # le ministre de l'Éducation Jean-Michel Blanquer, which the tagger calls a body
        for k in range(a, role[0]):
            run = _proper_run(doc, k, role[0])
            if run:
                return run
        return None
    for k in range(a, b):
        run = _proper_run(doc, k, b)
        if run:
            return None if _complement(doc, a, k) else run
    return None
