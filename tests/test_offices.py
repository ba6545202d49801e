"""Offices named by title alone (le chef de l'État, le Premier ministre) and roles the article
gives to others (les avocats de X): who a description can and cannot be."""
from __future__ import annotations

import pytest

from quotes import lexicon
from quotes.entities.roles import holds_office, implied_fits, known_offices, role_concept, state_office


def test_the_list_of_office_holders_names_people_with_an_office_and_a_country():
    holders = lexicon.office_holders()
    assert holders["emmanuel macron"] == ("head-of-state", "France", ((2017, 9999),))
    assert holders["edouard philippe"] == ("head-of-government", "France", ((2017, 2020),))
    assert holders["donald trump"][2] == ((2017, 2021), (2025, 9999))  # two terms, the second running
    assert holders["gabriel attal"][2] == ((2024, 2024),)  # one year
    countries = {e["country"] for e in lexicon.load("nationalities").entries}
    assert {country for _, country, _ in holders.values()} <= countries  # each has an adjective to match
    assert all(first <= last for *_, terms in holders.values() for first, last in terms)


@pytest.mark.parametrize("name, offices", [
    ("Emmanuel Macron", {"président français"}),
    ("Macron", {"président français"}),  # a lone surname the list knows
    ("Edouard Philippe", {"premier ministre français"}),  # written without its accent
    ("Philippe", set()),  # a lone first name is nobody in particular
    ("Paul Girard", set()),
])
def test_known_offices(name, offices):
    assert known_offices(name) == offices


@pytest.mark.parametrize("role, office", [
    ("chef de l'État", ("head-of-state", None)),
    ("président de la République", ("head-of-state", None)),
    ("président français", ("head-of-state", "France")),
    ("Premier ministre belge", ("head-of-government", "Belgique")),
    ("chef du gouvernement", ("head-of-government", None)),
    ("président", None),  # heads clubs and courts as well
    ("président du Sénat", None),
    ("président de la région", None),
    ("ancien président de la République", None),  # a former holder is no holder
])
def test_state_office(role, office):
    assert state_office(role) == office


def test_a_president_of_something_else_is_no_head_of_state():
    assert role_concept("président de la République") == "head-of-state"
    assert role_concept("président russe") == "head-of-state"
    assert role_concept("président de la région Auvergne-Rhône-Alpes") is None
    assert role_concept("président du MoDem") is None
    assert role_concept("président LREM de l'Assemblée nationale") is None
    assert role_concept("ancien président") == "head-of-state"  # a former one is still of that office
    assert role_concept("ex-président de la région Bretagne") is None  # (ex- read like ancien)


def test_a_known_holder_is_his_office_and_no_other():
    macron, philippe = known_offices("Emmanuel Macron"), known_offices("Édouard Philippe")
    assert holds_office(macron, "chef de l'État") and holds_office(macron, "président de la République")
    assert not holds_office(macron, "chef du gouvernement") and not holds_office(macron, "président américain")
    assert holds_office(philippe, "Premier ministre") and not holds_office(philippe, "chef de l'État")
    assert implied_fits(macron, "président")  # the bare word still fits him
    assert not implied_fits(macron, "maire communiste") and not implied_fits(macron, "expert")
    assert not implied_fits(macron, "président de LR")


def test_the_office_goes_to_its_holder_not_to_the_person_named_last(quotes_of):
    qs = quotes_of("Emmanuel Macron s'exprimera lundi, annonce Richard Ferrand. Le chef de l'État a déclaré "
                   "jeudi : « Je ne mettrai pas d'huile sur le feu. »")
    q = qs["Je ne mettrai pas d'huile sur le feu"]
    assert q.speaker.name == "Emmanuel Macron"
    assert q.role == "chef de l'État"


@pytest.mark.parametrize("text, quote, named, role", [
    # a known Prime Minister is never the head of state
    ("Édouard Philippe a annoncé mardi un moratoire sur la taxe carbone. Le chef de l'État a ajouté jeudi : "
     "« Aucune taxe ne vaut l'unité de la nation. »", "Aucune taxe ne vaut l'unité de la nation",
     "Édouard Philippe", "chef de l'État"),
    # a listed holder is no other description by proximity
    ("Emmanuel Macron a reçu les maires à l'Élysée mardi. « Nous avons été entendus », estime l'élu "
     "béarnais.", "Nous avons été entendus", "Emmanuel Macron", "élu béarnais"),
    # a prefect's seat names its holder, not the person just named
    ("Éric Girard a appelé au blocage des routes mardi. Le préfet de Vaucluse a déclaré : « Les forces de "
     "l'ordre interviendront. »", "Les forces de l'ordre interviendront", "Éric Girard", "préfet de Vaucluse"),
])
def test_a_description_is_not_the_person_named_before(quotes_of, text, quote, named, role):
    q = quotes_of(text)[quote]
    assert q.speaker is None or q.speaker.name != named
    assert q.role == role


def test_the_office_the_article_states_beats_the_list(quotes_of):
    # the list knows François Bayrou as a later Prime Minister; here the article names another one
    qs = quotes_of("Le Premier ministre, Jean-Pierre Marchand, a reçu les syndicats mardi. François Bayrou a "
                   "critiqué la réforme. Le Premier ministre a répondu : « Nous tiendrons le cap. »")
    assert qs["Nous tiendrons le cap"].speaker.name == "Jean-Pierre Marchand"


def test_the_person_whose_lawyers_the_article_names_is_not_the_lawyer(parse):
    from quotes.entities import EntityModel

    doc = parse("Les avocats de l'accusé Paul Girard se sont plaints des débats. L'avocat a ensuite "
                "dénoncé une procédure bâclée devant la cour.")
    model = EntityModel(doc)
    girard = next(e for e in model.entities if e.name == "Paul Girard")
    assert "avocat" in girard.barred
    assert not any("avocat" in role for _, role in girard.roles)


def test_may_be():
    from quotes.entities.entity import Entity
    from quotes.entities.roles import may_be

    macron = Entity(0, "person", "macron", ["Emmanuel Macron"], implied=set(known_offices("Emmanuel Macron")))
    assert may_be(macron, "chef de l'État") and may_be(macron, "président")
    assert not may_be(macron, "maire communiste")
    girard = Entity(1, "person", "girard", ["Paul Girard"], implied={"avocat"}, barred={"avocat"})
    assert not may_be(girard, "avocat")  # (les avocats de Me Girard: others, though he is one too)
    assert may_be(girard, "accusé")


def test_a_role_ends_before_a_speech_verb_tagged_as_an_adjective(quotes_of):
    qs = quotes_of("Édouard Philippe était mardi soir sur TF1. Le premier ministre insiste : « Nous tiendrons. »")
    assert qs["Nous tiendrons"].role == "premier ministre"


def test_no_role_from_an_object_pronoun_or_a_thing_in_apposition(parse):
    from quotes.entities import EntityModel

    doc = parse("Paul Girard a défendu sa réforme devant les députés. L'opposition l'accuse d'avoir menti. "
                "Le LBD-40, successeur du Flash-Ball, fait débat depuis des mois.")
    girard = next(e for e in EntityModel(doc).entities if e.name == "Paul Girard")
    assert girard.roles == []  # neither « accusé » (l'accuse) nor « successeur du Flash-Ball »


def test_an_office_is_held_in_its_years():
    assert known_offices("François Bayrou", 2019) == set()  # the MoDem's leader then
    assert known_offices("François Bayrou", 2025) == {"premier ministre français"}
    assert known_offices("Donald Trump", 2023) == set() and known_offices("Donald Trump", 2026)
    assert known_offices("Donald Trump") == {"président américain"}  # an undated article hears every holder


@pytest.mark.parametrize("date, speaker", [("2019-02-01", None), ("2025-03-10", "François Bayrou")])
def test_the_article_date_picks_the_holder(extractor, date, speaker):
    text = ("François Bayrou a critiqué la réforme des retraites mardi. Le Premier ministre a répondu "
            "jeudi : « Nous tiendrons le cap. »")
    q = next(q for q in extractor.extract(text, "t", date=date) if q.text == "Nous tiendrons le cap")
    assert (q.speaker.name if q.speaker else None) == speaker
    assert q.role == "Premier ministre"


def test_a_party_word_tells_no_two_offices_together():
    from quotes.entities.roles import qualified_apart
    # « Parti » is in both: the parties still differ
    assert qualified_apart("premier secrétaire du Parti socialiste", "secrétaire national du Parti communiste",
                           "secretaire")
    assert not qualified_apart("président du parti", "président du Parti socialiste", "president")
    # words of rank, and a head of two words, are no qualifier either: the unions differ
    assert qualified_apart("secrétaire général de la CFDT", "secrétaire général de la CGT", "secretaire general")


@pytest.mark.parametrize("text, name, role", [
    # the name beside the description is its own: nobody named before gets the role
    ("Paul Girard a été blessé samedi à Paris. Côté politique, le secrétaire national du parti, Marc Roy "
     "comme les écologistes se sont indignés.", "Paul Girard", None),
    # a description and a later name in one sentence are two people
    ("Paul Girard conteste les faits depuis le début du procès. La cour ordonnera à l'expert en acoustique "
     "de prélever la voix de Paul Girard.", "Paul Girard", None),
    # a description after a preposition is someone the sentence acts on
    ("Paul Girard conteste les faits depuis le début du procès. Ses chaussures ont été comparées par "
     "l'expert à celles du tueur.", "Paul Girard", None),
])
def test_a_description_beside_or_before_a_name_in_its_sentence(parse, text, name, role):
    from quotes.entities import EntityModel

    ent = next(e for e in EntityModel(parse(text)).entities if e.name == name)
    assert [r for _, r in ent.roles] == ([role] if role else [])


def test_a_listed_holder_is_no_head_of_another_country(quotes_of):
    macron = known_offices("Emmanuel Macron")
    assert not implied_fits(macron, "président égyptien") and implied_fits(macron, "président français")
    qs = quotes_of("Emmanuel Macron, président de la République, a reçu mardi son homologue à l'Élysée. "
                   "« Nos deux pays coopéreront », a assuré le président égyptien.")
    q = qs["Nos deux pays coopéreront"]
    assert q.speaker is None or q.speaker.name != "Emmanuel Macron"


def test_the_person_the_article_titles_is_the_description_not_one_named_since(quotes_of):
    # Me says Paul Girard is a lawyer: « l'avocat » is him, not the accused named since
    qs = quotes_of("Me Paul Girard, conseil de la famille, a plaidé mercredi. Mehdi Benali a admis qu'il était "
                   "parti en Syrie. « Il avoue quand il est coincé », a résumé l'avocat.")
    q = qs["Il avoue quand il est coincé"]
    assert q.speaker.name == "Paul Girard" and q.role == "avocat"


@pytest.mark.parametrize("text, role", [
    ("Anne Roy rappelle que le chef de l'État touche une indemnité.", "le chef de l'État"),
    ("Le soir venu, le premier ministre insiste : il faut tenir.", "le premier ministre"),
])
def test_a_role_phrase_ends_before_a_verb_the_tagger_took_for_a_noun(parse, text, role):
    from quotes.entities.phrases import np_end

    doc = parse(text)
    i = next(t.i for t in doc.tokens if t.text.lower() == "le" and doc.tokens[t.i + 1].text in ("chef", "premier"))
    end = np_end(doc, i, doc.sent_of(i).last)
    assert doc.text[doc.tokens[i].start:doc.tokens[end - 1].end] == role


def test_a_party_to_a_trial_is_not_the_expert_who_testifies(quotes_of):
    qs = quotes_of("L'accusé Paul Girard est resté muet mardi devant la cour. Ses avocats ont contesté les "
                   "images. Le spécialiste a expliqué avoir réalisé « une balance entre les tons clairs et foncés ».")
    q = next(q for t, q in qs.items() if "balance" in t)
    assert (q.speaker.name, q.role) == (None, "spécialiste")


def test_an_official_is_not_the_passer_by_next_quoted(quotes_of):
    qs = quotes_of("Le ministre de l'Intérieur Paul Girard a salué le calme des cortèges. « Il ne faut rien "
                   "lâcher », a assuré le jeune homme devant la préfecture.")
    assert qs["Il ne faut rien lâcher"].speaker.name is None


def test_a_description_goes_to_the_vox_pop_the_text_turned_to(quotes_of):
    qs = quotes_of("« Ce sont des blessures qui mutilent », a affirmé Paul Girard, un des organisateurs de la "
                   "marche. Kevin, 27 ans, agriculteur au chômage, a tenu à manifester malgré une cheville "
                   "cassée. « Il ne faut rien lâcher », a assuré le jeune homme devant la gare.")
    assert qs["Il ne faut rien lâcher"].speaker.name == "Kevin"  # (not the last speaker, Paul Girard)
