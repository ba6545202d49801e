"""Noun phrases chunked on part-of-speech tags: where a phrase that can name someone ends.

The md model's attachments wander (an inverted subject parsed as object, a relative clause
swallowed), its tags much less, so phrases are read off the tags with three states: the head (a
noun and its adjectives), a de-complement (where capitals are part of a title: ministre des
Affaires étrangères), a proper name (after which a lowercase noun cannot follow).
"""
from __future__ import annotations

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


def glued_tokens(doc: Doc) -> frozenset[int]:
    """The tokens `glued` holds for, found once per document (for loops over whole sentences)."""
    found = doc.memo.get("glued")
    if found is None:
        found = doc.memo["glued"] = frozenset(k for k, t in enumerate(doc.tokens)
                                              if t.text in ("-", "‑") and glued(doc, k))
    return found


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
    if any(e.label == "PER" for e in doc.ents_from(k, k + 1)):
        return True
    # a first name inside a place or a body the tagger found is that name's word (La France insoumise)
    return _capitalised(t) and fold(t.text) in lexicon.first_names() and not any(
        e.label != "PER" and e.first < k for e in doc.ents_over(k, k + 1))


def role_length(doc: Doc, j: int, limit: int) -> int:
    """Tokens of the role noun starting at `j` (le Premier ministre, la garde des Sceaux: 2 and 3),
    else 0. Capitalised words inside a role are the role's, never a name."""
    words = doc.folded[j:min(limit, j + lexicon.roles().longest)]
    hit = lexicon.roles().match(words, 0) if words else None
    return hit[2] if hit else 0


def affiliation(t: Token) -> bool:
    """A party or union acronym after a role: le député UDI, la députée LaREM, le maire PS."""
    letters = [c for c in t.text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and t.text[:1].isupper() \
        and not any(c.isdigit() for c in t.text)


def _party_word(doc: Doc, j: int, limit: int) -> bool:
    """A capitalised word after a role, right before a person's name, that is no first name itself."""
    t = doc.tokens[j]
    return _capitalised(t) and not is_title(t) and fold(t.text) not in lexicon.first_names() \
        and not _starts_person(doc, j) and j + 1 < limit and _starts_person(doc, j + 1)


def _past_adjectives(doc: Doc, k: int, floor: int) -> int:
    """Back from token k over lowercase adjectives (le quotidien régional → quotidien)."""
    while k > floor and doc.tokens[k].pos == "ADJ" and not _capitalised(doc.tokens[k]):
        k -= 1
    return k


def _past_adjectives_after(doc: Doc, k: int, limit: int) -> int:
    """Past lowercase adjectives before a noun (et ancien ministre → ministre)."""
    while k + 1 < limit and doc.tokens[k].pos == "ADJ" and not _capitalised(doc.tokens[k]):
        k += 1
    return k


def _compound_not_first_name(doc: Doc, j: int, limit: int) -> bool:
    """A first name glued by a hyphen into a word that is none (France-Presse; not Jean-Pierre)."""
    toks = doc.tokens
    return j + 2 < limit and glued(doc, j + 1) and \
        fold(toks[j].text + "-" + toks[j + 2].text) not in lexicon.first_names()


def _speech_verb(doc: Doc, j: int) -> bool:
    """A present-tense form of a speech verb (insiste, affirment): no adjective of a role."""
    w = doc.tokens[j].text.lower()
    lemma = w[:-3] + "er" if w.endswith("ent") else w + "r" if w.endswith("e") else None
    return lemma is not None and lexicon.speech_verbs().has(lemma)


def np_end(doc: Doc, i: int, limit: int) -> int:
    """End (exclusive) of the noun phrase starting at token `i`, never past `limit`.

    States: 'head' (the noun and its adjectives), 'of' (inside a de-complement, where capitals
    are part of a title: ministre des Affaires étrangères), 'name' (a proper name, after which
    a lowercase noun cannot follow: "Washington Post reprises par…").
    """
    key = ("np", i, limit)  # the entity model and the sieves ask for the same phrases again
    end = doc.memo.get(key)
    if end is None:
        end = doc.memo[key] = _np_end(doc, i, limit)
    return end


_DE_OR_DET = DE | DETS.keys()
_PARTICLE_OR_PREPOSITION = NAME_PARTICLES | {"à", "au", "aux", "pour", "en"}


def _np_end(doc: Doc, i: int, limit: int) -> int:
    toks = doc.tokens
    lows, folds, hyphens = doc.lowered, doc.folded, glued_tokens(doc)
    roles = lexicon.roles().forms  # (a word that is a role by itself: (word,) in roles)
    times, first_names = lexicon.time_words(), lexicon.first_names()
    j = i
    while j < limit and lows[j] in DETS and (j == i or not _capitalised(toks[j])):
        j += 1
    while j < limit and toks[j].pos == "ADJ" and not _capitalised(toks[j]) and j + 1 < limit \
            and toks[j + 1].pos in ("NOUN", "ADJ", "PROPN"):
        j += 1
    if j >= limit or not (_nominal(toks[j]) or (folds[j],) in roles or role_length(doc, j, limit) > 1):
        return i  # (a role of several words may open on a word tagged a verb: chargée de mission)
    head_is_role = (folds[j],) in roles
    head = end = j
    state = "head"
    n = role_length(doc, j, limit)
    if n > 1:
        head_is_role = True
        j = end = j + n
    while j < limit:
        t = toks[j]
        low = lows[j]
        if j in hyphens:  # (glued)
            j += 2
            end = j
            continue
        if j > head and not _capitalised(t) and folds[j] in times and lows[j - 1] not in _DE_OR_DET:
            break  # le chef de l'État lundi: a day is when, not part of the role (but: le bilan de mardi)
        if j > head and t.pos in ("ADJ", "NOUN") and not _capitalised(t) and (
                (state == "head" or _capitalised(toks[j - 1])) and _speech_verb(doc, j)
                or j + 1 < limit and lows[j + 1] in ("un", "une")):
            break  # « le premier ministre insiste : … », « l'ancien président de la République critique… »,
            # « le chef de l'État touche une indemnité »: a verb the tagger took for an adjective or a
            # noun (a noun takes no object)
        if head_is_role and state == "head" and (affiliation(t) or _party_word(doc, j, limit)):
            j = end = j + 1  # le député UDI (Charles de Courson), le député Insoumis Alexis Corbière: the role's
            continue
        if _nominal(t) or t.pos in ("ADJ", "NUM") or (j == end and (folds[j],) in roles):
            cap = _capitalised(t) and not is_title(t)
            if cap and state == "name" and j > i and not _starts_person(doc, j - 1) and (
                    folds[j] in first_names and not _compound_not_first_name(doc, j, limit)
                    or (_starts_person(doc, j) and not any(e.first < j for e in doc.ents_over(j, j + 1)))):
                break  # "en entrevue avec Le Journal Sylvain Caron": a new name starts (not: l'Agence
                # France-Presse, whose France opens no first name)
            if cap and (state != "of" or _starts_person(doc, j)):
                state = "name"
            elif not cap and state == "name" and folds[j] not in lexicon.nationalities() \
                    and not is_title(t) and not (t.pos == "ADJ" and folds[j - 1] in lexicon.bodies()):
                break  # a name is not followed by a common noun (but: le Parti vert, le Bloc québécois)
            elif not cap and t.pos == "ADJ" and j + 1 < limit and lows[j + 1] == "par":
                break  # a participle with its agent (reprises par Reuters)
            j += 1
            end = j
            continue
        if _title_article(doc, j) and j + 1 < limit and _nominal(toks[j + 1]) \
                and lexicon.bodies().get(folds[_past_adjectives(doc, j - 1, i)]) == "media":
            # le quotidien (régional) Le Soleil: the outlet's title (not: député Les Républicains)
            state = "name"
            j += 1
            continue
        if t.text in ("Le", "La") and is_title(toks[j - 1]) and j + 1 < limit and _capitalised(toks[j + 1]):
            state = "name"  # M. Le Maire, Mme Le Pen: the surname's article
            j += 1
            continue
        if low in ("la", "le", "les") and state == "of" and _capitalised(toks[j - 1]) and j + 1 < limit \
                and _capitalised(toks[j + 1]) and not is_title(toks[j + 1]):
            j += 1  # le président de Debout la France: an article inside a body's name
            continue
        if low in ("la", "le", "les") and state != "name" or folds[j] in times:
            break  # "la ministre la semaine dernière": a determiner starts another phrase
        if low in ("la", "le", "les") and not (j + 1 < limit and _capitalised(toks[j + 1])):
            break  # l'AFP le directeur: a determiner opens another phrase (but: Jean de La Fontaine)
        if low in _PARTICLE_OR_PREPOSITION:
            # de-complements (ministre des Affaires étrangères), particles (Staffan de Mistura)
            k = j + 1
            while k < limit and (lows[k] in ("la", "l'", "le", "les") or toks[k].pos == "DET"):
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
            if close and close > j + 1 and all(_nominal(toks[k]) or toks[k].pos == "ADJ" or toks[k].text in "-–/"
                                               for k in range(j + 1, close)):  # (LR), (gauche radicale)
                j = close + 1
                end = j
                continue
            break
        if t.text in (",", "et") and state == "of" and j + 1 < limit and lows[j + 1] in DE | {"et"}:
            # ministre de l'Immigration, des Réfugiés et de la Citoyenneté
            k = j + 1 if lows[j + 1] in DE else j + 2
            if k < limit and lows[k] in DE:
                j = k
                continue
        if low == "et" and head_is_role and j + 1 < limit and not _capitalised(toks[j + 1]) \
                and lexicon.roles().match([folds[_past_adjectives_after(doc, j + 1, limit)]], 0):
            # le leader de La France insoumise et député de Marseille, Jean-Luc Mélenchon; le ministre
            # italien de l'Intérieur et ex-député européen Matteo Salvini: two roles of one person
            j += 1
            state = "head"
            continue
        break
    return end
