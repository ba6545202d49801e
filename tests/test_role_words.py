"""A role is the words that describe the speaker, and only those: not the body or person the role is
of, not the place or programme after it, not a verb the tagger misread, not a surname."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, word, name, role", [
    # a body after « de la » completes the role; the person is named after it
    ("Mercredi, la députée de la France Insoumise, Claire Mondin, s'est indignée.", "la", "Claire Mondin",
     "députée de la France Insoumise"),
    ("« Rien ne change », écrit l'éditorialiste de La Voix du Nord.", "l'", None, "éditorialiste de La Voix du Nord"),
    # a lone word after de that the tagger may call a person is what the role is of…
    ("Le fondateur de Doctissimo en appelle à la responsabilité.", "Le", None, "fondateur de Doctissimo"),
    ("Xavier Dupont, PDG de Vinci, a entendu les exigences.", "Xavier", "Xavier Dupont", "PDG de Vinci"),
    # … unless the article writes it as a surname with its particle
    ("François de Rugy est arrivé lundi. Le ministre de Rugy a parlé.", "Le", "Rugy", "ministre"),
])
def test_what_a_role_is_of_is_no_name(mention, text, word, name, role):
    m = mention(text, word)
    assert (m.name, m.role) == (name, role)


@pytest.mark.parametrize("text, word, role", [
    # the name cut the role after a preposition: the preposition goes too
    ("« Il faut avancer », a dit Paul Girard, le président de l'Assemblée sur France Inter.", "le",
     "président de l'Assemblée"),
    ("Marianne Dupuis, professeure d'anglais à Corot, se dit surprise.", "Marianne", "professeure d'anglais"),
])
def test_a_role_does_not_end_on_a_preposition(mention, text, word, role):
    assert mention(text, word).role == role


def test_a_verb_the_tagger_took_for_a_noun_or_an_adjective_ends_the_role(mention):
    critique = mention("L'ancien président de la République critique la gestion de la crise.", "L'")
    assert critique.role == "ancien président de la République"
    # a bare noun after a role is still the role (responsable presse: no misread verb)
    assert mention("Selon une responsable presse de la police, tout est calme.", "une").role == \
        "responsable presse de la police"


def test_a_role_word_inside_a_surname_is_no_role(quotes_of):
    qs = quotes_of("« Il faut agir », insiste l'entourage de Bruno Le Maire devant les élus.")
    assert qs["Il faut agir"].role == "entourage de Bruno Le Maire"  # (not « Maire »)
    qs = quotes_of("Bruno Le Maire est à Dubaï. « Nous allons coopérer », a précisé M. Le Maire. "
                   "« Ses proches aussi », insiste l'entourage de M. Le Maire.")
    assert qs["Nous allons coopérer"].speaker.name == "Bruno Le Maire"
    staff = qs["Ses proches aussi"]
    assert (staff.speaker.name, staff.role) == (None, "entourage de M. Le Maire")  # his staff, not he


def test_two_roles_joined_by_et_share_the_name_in_apposition(mention):
    m = mention("« Il faut reprendre », tacle le leader du parti et député de Marseille, Paul Girard, présent "
                "sur place.", "le")
    assert (m.name, m.role) == ("Paul Girard", "leader du parti et député de Marseille")
    m = mention("« Ils seront chassés », a déclaré le ministre italien de l'Intérieur et ex-député européen "
                "Marco Bellini.", "le")
    assert (m.name, m.role) == ("Marco Bellini", "ministre italien de l'Intérieur et ex-député européen")


def test_a_former_holder_written_with_ex_holds_the_role(mention):
    m = mention("L'ex-député Paul Girard a pris la parole.", "L'")
    assert (m.name, m.role) == ("Paul Girard", "ex-député")


def test_a_sentence_opening_on_qui_goes_on_about_the_person_just_named(quotes_of):
    qs = quotes_of("« Les prix ne sont que l'étincelle », indique Paul Girard. Qui prédit que « la colère va durer ».")
    assert qs["la colère va durer"].speaker.name == "Paul Girard"
    assert qs["la colère va durer"].role is None  # (not « Qui »)
    asked = quotes_of("Paul Girard est venu. Qui peut dire que « tout ira bien » ?")
    assert asked["tout ira bien"].speaker is None  # a question names no one


def test_a_soft_hyphen_inside_a_role_is_read_through(quotes_of):
    from quotes import lexicon
    from quotes.lexicon import fold

    # (a scrape's invisible hyphenation point, U+00AD, inside « général »)
    assert lexicon.roles().match([fold("secrétaire"), fold("\u00adgénéral")], 0)[2] == 2
    qs = quotes_of("« Un succès », s'est réjoui le secrétaire \u00adgénéral du syndicat, Paul Girard.")
    assert qs["Un succès"].speaker.name == "Paul Girard"


def test_the_outlet_spoken_to_is_not_the_speaker(quotes_of):
    # l'Agence France-Presse: « France » opens no first name there, so the phrase is one outlet
    qs = quotes_of("« Il y avait des casseurs », a déclaré à l'Agence France-Presse le maire de Valence, "
                   "Paul Girard.")
    assert (qs["Il y avait des casseurs"].speaker.name, qs["Il y avait des casseurs"].role) == \
        ("Paul Girard", "maire de Valence")


def test_a_country_takes_no_role_from_its_apposition(mention):
    m = mention("En réalité, la France, spécialiste des petites voitures, est moins exposée.", "la")
    assert (m.name, m.kind, m.role) == ("France", "organization", None)


def test_a_role_of_several_words_may_open_on_a_word_tagged_a_verb(mention):
    m = mention("« C'est un record », a précisé Marie Dufour, chargée de mission chez un grand site.", "Marie")
    assert (m.name, m.role) == ("Marie Dufour", "chargée de mission chez un grand site")


def test_a_bracket_between_role_and_name_keeps_them_together(mention):
    m = mention("Le chef de file du parti (gauche radicale) Jean Morel a estimé dimanche que tout allait bien.", "Le")
    assert (m.name, m.role) == ("Jean Morel", "chef de file du parti (gauche radicale)")
