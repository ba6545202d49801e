"""People as the article describes them: the vox pop's bare description (« Jean-Luc, cariste retraité »)
is a role, two people named each with a role speak together, and a name apposed to a nationality is
a person's."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, name, role", [
    ("« On tient », dit Jean-Luc, cariste retraité.", "Jean-Luc", "cariste retraité"),
    ("« On arrive », lance Léo, 17 ans, lycéen en grève depuis une semaine.", "Léo", "lycéen en grève"),
    ("« C'est notre mouvement », dit Marc, cégétiste de 61 ans.", "Marc", "cégétiste"),
    ("« Ils ne nous écoutent pas », regrette Odile, une infirmière de nuit.", "Odile", "infirmière de nuit"),
    # an age alone, a look, an adjective, a book's title, where one came from: no description
    ("« Je reste », dit Thérèse, 61 ans.", "Thérèse", None),
    ("« Allez », crie Pierre, l'air hagard.", "Pierre", None),
    ("« Je reste », dit Kevin, présent sur le rond-point.", "Kevin", None),
    ("« Tout change », écrit Jean Viard, Une société en mouvement.", "Jean Viard", None),
    ("« On y croit », dit David, 48 ans, arrivé de Lille par le train.", "David", None),
    ("« Ce n'est qu'un début », prévient Paul Girard, interrogé sur une radio locale.", "Paul Girard", None),
    ("« On ne lâche rien », dit Samir, cheveux ras, gilet sur le dos.", "Samir", None),
    ("« On reviendra », assure Nadia, lundi, devant la mairie.", "Nadia", None),
])
def test_a_vox_pop_description_is_the_persons_role(quotes_of, text, name, role):
    (q,) = quotes_of(text).values()
    assert (q.speaker.name, q.role) == (name, role)


def test_two_people_named_each_with_a_role_speak_together(quotes_of):
    text = ("Les industriels promettent de recycler plus, ont indiqué Claire Dubois, secrétaire d'État à "
            "l'Économie, et Anne Roux, la ministre de la Transition écologique, dans un communiqué. "
            "Il s'agit d'un doublement du taux actuel, selon elles.")
    found = quotes_of(text)
    first = found["Les industriels promettent de recycler plus"]
    assert first.speaker.name == "Claire Dubois et Anne Roux"
    assert first.role == "secrétaire d'État à l'Économie et ministre de la Transition écologique"
    assert found["Il s'agit d'un doublement du taux actuel"].speaker.name == "Claire Dubois et Anne Roux"


def test_a_second_name_that_opens_its_own_clause_is_not_a_joint_speaker(quotes_of):
    q = quotes_of("« Nous resterons », a dit Paul Girard, maire de Lyon, et Anne Roy a approuvé.")["Nous resterons"]
    assert q.speaker.name == "Paul Girard" and q.role == "maire de Lyon"


def test_a_name_apposed_to_a_nationality_is_a_person_whatever_the_tagger_says(parse):
    from quotes.entities.model import EntityModel
    from quotes.nlp.doc import EntitySpan

    text = "12 mai : un Français d'origine marocaine, Radouane Ketif, vole une voiture à Nîmes."
    doc = parse(text)
    first = next(t.i for t in doc.tokens if t.text == "Radouane")
    # the tagger, not knowing the name, calls it a miscellaneous entity (as it does in some articles)
    doc.ents = [EntitySpan("MISC", doc.tokens[first].start, doc.tokens[first + 1].end, first, first + 2)]
    people = [e for e in EntityModel(doc).entities if e.kind == "person"]
    assert [e.name for e in people] == ["Radouane Ketif"]


def test_a_person_described_by_a_place_is_not_the_place(quotes_of, mention):
    text = "Jacqueline Morel est une figure du mouvement. Cette native de Bretagne ne possède « rien sauf sa voiture »."
    q = quotes_of(text)["rien sauf sa voiture"]
    assert q.speaker.name == "Jacqueline Morel" and q.speaker.mention == "Cette native de Bretagne"
    assert mention("La police de Liège a réagi mardi.", "La").name == "police de Liège"  # a body's place is its own


@pytest.mark.parametrize("text, word", [
    ("Paul Girard, réforme, Europe : ce qu'il fallait retenir cette semaine.", "Paul"),
    ("Selon Paul Girard, demande à être reçu par le ministre depuis des mois.", "Paul"),
])
def test_a_list_or_a_clause_after_a_name_is_no_description(mention, text, word):
    assert mention(text, word).role is None


def test_a_body_named_in_marks_is_named_so_and_its_name_is_no_quote(quotes_of):
    text = ("Le collectif des « motards en colère » appelle à une « trêve » pendant les fêtes. "
            "L'association « Toit pour tous » a dénoncé « un scandale ».")
    found = quotes_of(text)
    assert found["trêve"].speaker.name == "motards en colère"
    assert found["un scandale"].speaker.name == "Toit pour tous"
    assert "Toit pour tous" not in found and "motards en colère" not in found


def test_a_surname_one_letter_off_is_the_person_named_in_full(quotes_of):
    text = ("La porte-parole de la police, Sophie Vandermeulen, a parlé mardi. « Il existe un tabou », explique "
            "Mme Vandermeelen.")
    q = quotes_of(text)["Il existe un tabou"]
    assert q.speaker.name == "Sophie Vandermeulen" and q.role == "porte-parole de la police"


def test_two_surnames_further_apart_stay_two_people(quotes_of):
    text = "Marie Dupont a parlé mardi. « Rien ne change », a dit Mme Durand."
    assert quotes_of(text)["Rien ne change"].speaker.name == "Durand"


def test_a_body_that_speaks_through_a_person_gives_the_quote_to_the_person(quotes_of):
    q = quotes_of("« Les impôts ne baisseront pas », a prévenu le gouvernement par la voix de son porte-parole "
                  "Paul Girard.")["Les impôts ne baisseront pas"]
    assert (q.speaker.name, q.speaker.kind, q.role) == ("Paul Girard", "person", "porte-parole")


@pytest.mark.parametrize("text, word", [
    # a name after a preposition is someone the description is not about
    ("« Quel message », s'est félicité Paul Roy, le centriste rallié à Anne Morel, brocanteur du quartier.", "Anne"),
    # a headline's jab, with no punctuation after it, is no role
    ("Anne Morel, couteau suisse des plateaux\n\nAvec son feutre, elle explique tout.", "Anne"),
])
def test_no_description_for_a_governed_name_or_a_headline(mention, text, word):
    assert mention(text, word).role is None
