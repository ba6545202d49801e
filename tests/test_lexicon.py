"""The lexicons are data: sorted, unique, valid against their own schema; each class has an example."""
from __future__ import annotations

import pytest

from quotes import lexicon
from quotes.lexicon import LexiconError, NAMES, _parse, fold


@pytest.mark.parametrize("name", NAMES)
def test_lexicon_sorted_and_unique(name):
    table = lexicon.load(name)
    keys = [fold(e.key) for e in table.entries]
    assert keys == sorted(keys), f"{name}.tsv is not sorted"
    assert len(table.entries) > 0


@pytest.mark.parametrize("name", NAMES)
def test_lexicon_every_declared_class_is_used(name):
    table = lexicon.load(name)
    if "class" in table.allowed:
        used = {e["class"] for e in table.entries}
        assert used == set(table.allowed["class"]), f"unused classes in {name}.tsv"


def test_speech_verbs_are_many_and_documented():
    table = lexicon.load("speech_verbs")
    assert len(table.entries) >= 150
    for e in table.entries:
        if "ambiguous" in e.flags or e["class"] == "mental":
            assert e.comment, f"line {e.line}: {e['lemma']} needs a comment saying why"


def test_loader_reports_file_and_line():
    bad = "#! columns: lemma class flags\n#! classes: say\n#! flags: que\ndire\tsay\tque\ncrier\tshout\tque\n"
    with pytest.raises(LexiconError, match=r"speech_verbs.tsv:5: unknown class 'shout'"):
        _parse("speech_verbs", bad)
    with pytest.raises(LexiconError, match=r"x.tsv:3: duplicate entry 'dire'"):
        _parse("x", "#! columns: lemma class\ndire\tsay\ndire\tsay\n")
    with pytest.raises(LexiconError, match="NFC"):
        _parse("x", "#! columns: lemma class\ne\u0301crire\tsay\n")


def test_lookup_of_reflexive_and_multiword_cues():
    verbs = lexicon.speech_verbs()
    assert verbs.get("dire", reflexive=True).flags >= {"attr"}
    assert verbs.get("faire", following=("savoir",)).cls == "say"
    assert verbs.get("faire") is None  # faire alone is not a cue
    assert verbs.get("croire").makes_quotes is False  # why: a belief, not speech (ANNOTATION.md)
    assert "ambiguous" in verbs.get("admettre").flags  # why: admis à l'hôpital


@pytest.mark.model
@pytest.mark.parametrize("cls, sentence, verb", [
    ("say", "Le maire a déclaré que la route restera fermée.", "déclaré"),
    ("opinion", "La syndicaliste estime que la réforme échouera.", "estime"),
    ("ask", "Le ministre a exhorté les maires à rester prudents.", "exhorté"),
    ("promise", "La présidente a promis de baisser les impôts.", "promis"),
    ("deny", "Le porte-parole a démenti toute rencontre secrète.", "démenti"),
    ("accuse", "L'opposition accuse le gouvernement de mentir.", "accuse"),
    ("hope", "Le directeur espère que la saison sera meilleure.", "espère"),
    ("mental", "Le juge croit que le témoin ment.", "croit"),
])
def test_lexicon_class_example(parse, cls, sentence, verb):
    from quotes.cues import cue_at

    doc = parse(sentence)
    i = next(t.i for t in doc.tokens if t.text == verb)
    cue = cue_at(doc, i)
    assert cue is not None and cue.entry.cls == cls


@pytest.mark.model
@pytest.mark.parametrize("cls, sentence, content", [
    ("say", "Après l'annonce que le site fermerait en mai, les salariés ont manifesté.", "le site fermerait en mai"),
    ("ask", "Son appel à manifester samedi a été entendu par les syndicats.", "manifester samedi"),
    ("promise", "Son intention de se représenter en 2020 ne fait plus de doute.", "se représenter en 2020"),
    ("hope", "La ministre Anne Vidal a exprimé le souhait de voir la loi votée.", "voir la loi votée"),
])
def test_speech_noun_class_example(quotes_of, cls, sentence, content):
    found = quotes_of(sentence)
    assert content in found
    assert lexicon.speech_nouns()[fold(found[content].cue.lemma)].cls == cls


@pytest.mark.model
@pytest.mark.parametrize("sentence, verb", [
    ("L'accusé a été déclaré coupable de fraude.", "déclaré"),   # why: déclarer has a passive legal sense
    ("La victime a été admise à l'hôpital.", "admise"),           # why: admettre, ambiguous
])
def test_passive_participles_are_not_speech(parse, sentence, verb):
    from quotes.cues import cue_at

    doc = parse(sentence)
    cue = cue_at(doc, next(t.i for t in doc.tokens if t.text == verb))
    assert cue is None or cue.passive


def test_first_names_hard_cases():
    names = lexicon.first_names()
    assert len(names) >= 1200
    assert (names["carlos"], names["fatoumata"], names["giorgia"], names["jean-marie"]) == ("m", "f", "f", "m")
    assert names["andrea"] == names["nicola"] == "x"  # why: m in Italian, f elsewhere
    assert names["simone"] == "f"  # why: Simone Veil far more often than Simone Inzaghi
    # why: common words that open sentences, places, months, titles, family names written first
    for word in ("grâce", "prudence", "victoire", "paris", "nancy", "riyad", "mai", "émir", "real", "père",
                 "ben", "al", "xi", "kim", "faure", "abbas"):
        assert fold(word) not in names, word


def test_compound_first_names_agree_with_their_first_part():
    # why: the tokenizer splits some (Anne-Sophie, Marc-André), and the first part is then looked up
    names = lexicon.first_names()
    for name, gender in names.items():
        head = name.split("-")[0]
        if "-" in name and head in names:
            assert names[head] == gender, name


@pytest.mark.model
def test_first_names_name_a_person_after_a_role_and_agree_with_pronouns(quotes_of):
    q = quotes_of("Le PDG de Renault Carlos Ghosn a assuré que l'usine resterait ouverte.")
    assert (q["l'usine resterait ouverte"].speaker.name, q["l'usine resterait ouverte"].role) == \
        ("Carlos Ghosn", "PDG de Renault")
    q = quotes_of("Moussa Traoré a croisé Fatoumata Diallo au marché. « Les prix ont doublé », a-t-elle affirmé.")
    assert q["Les prix ont doublé"].speaker.name == "Fatoumata Diallo"
    q = quotes_of("Giorgia Meloni a reçu Olaf Scholz à Rome. « Nous sommes d'accord », a-t-il déclaré.")
    assert q["Nous sommes d'accord"].speaker.name == "Olaf Scholz"
    q = quotes_of("Grâce à la mobilisation, la réforme a été retirée, a déclaré le syndicaliste Paul Morin.")
    assert all(x.speaker.name == "Paul Morin" for x in q.values())
