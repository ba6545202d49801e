"""Attribution sieves, one construction each, on French sentences written for these tests."""
from __future__ import annotations

import pytest

from quotes.sieves import SIEVES, by_name, default_sieves

pytestmark = pytest.mark.model


def test_sieve_incise_after_inverted_subject(quotes_of):
    q = quotes_of("« Nous ne céderons pas », a déclaré mardi la ministre Claire Dubois à Paris.")["Nous ne céderons pas"]
    assert q.rule.startswith("incise-after")
    assert q.speaker.name == "Claire Dubois" and q.speaker.kind == "person"
    assert q.cue.text == "a déclaré" and q.cue.lemma == "déclarer"
    assert q.role == "ministre"


def test_sieve_incise_after_pronoun_resolves_to_the_person_just_named(quotes_of):
    text = "Le maire de Lyon, Paul Garnier, a visité le chantier. « Les travaux avancent bien », a-t-il ajouté."
    q = quotes_of(text)["Les travaux avancent bien"]
    assert q.rule.startswith("incise-after")
    assert q.speaker.name == "Paul Garnier" and q.speaker.mention == "-il"
    assert q.role == "maire de Lyon"


def test_sieve_incise_after_pronoun_agrees_in_gender(quotes_of):
    text = ("Jean Morel a présenté le budget avec Sophie Lambert, la trésorière. "
            "« Nous sommes à l’équilibre », a-t-elle précisé.")
    assert quotes_of(text)["Nous sommes à l’équilibre"].speaker.name == "Sophie Lambert"


def test_sieve_incise_after_role_only_resolves_to_its_holder(quotes_of):
    text = ("La ministre de la Santé, Agnès Martin, a visité l’hôpital. "
            "« La situation reste tendue », estime la ministre.")
    q = quotes_of(text)["La situation reste tendue"]
    assert q.speaker.name == "Agnès Martin" and q.speaker.mention == "la ministre"
    assert q.cue.lemma == "estimer"


def test_sieve_colon_intro_with_verb(quotes_of):
    q = quotes_of("Le porte-parole du syndicat, Marc Roy, a déclaré : « La grève continue. »")["La grève continue"]
    assert q.rule == "colon-intro:verb" and q.speaker.name == "Marc Roy"
    assert q.role == "porte-parole du syndicat"


def test_sieve_colon_intro_with_name_only(quotes_of):
    text = "Louise Tremblay, nouvelle ministre des Transports :\n\n« Je suis prête à travailler. »"
    q = quotes_of(text)["Je suis prête à travailler"]
    assert q.rule == "colon-intro:name"
    assert q.speaker.name == "Louise Tremblay" and q.role == "nouvelle ministre des Transports"


def test_sieve_parenthetical(quotes_of):
    q = quotes_of("« Le dossier est clos » (Julien Perrin, dans un communiqué).")["Le dossier est clos"]
    assert q.rule == "parenthetical" and q.speaker.name == "Julien Perrin"


def test_sieve_incise_inside_splits_one_quote_into_two(quotes_of):
    text = "« Nous avons tout essayé, dit-elle. Rien n’a fonctionné. » La directrice Anne Roux soupire."
    found = quotes_of("Anne Roux est arrivée tôt. " + text)
    assert set(found) >= {"Nous avons tout essayé", "Rien n’a fonctionné"}
    first, second = found["Nous avons tout essayé"], found["Rien n’a fonctionné"]
    assert first.rule == second.rule == "incise-inside"
    assert first.speaker.name == second.speaker.name == "Anne Roux"
    assert first.cue.text == "dit-elle"


def test_an_incise_whose_verb_the_tagger_calls_a_noun_still_splits_and_names(quotes_of):
    # « juge » and « soupire » are tagged as nouns; after a comma and before a name they are the verb
    text = ("Les retraités sont venus. « Si les jeunes sont dans la rue, c'est que la situation est grave, "
            "juge Jean-Luc, cheminot de 61 ans. Nous ne voulons pas nous en mêler. »")
    found = quotes_of(text)
    first = found["Si les jeunes sont dans la rue, c'est que la situation est grave"]
    second = found["Nous ne voulons pas nous en mêler."] if "Nous ne voulons pas nous en mêler." in found \
        else found["Nous ne voulons pas nous en mêler"]
    assert first.speaker.name == second.speaker.name == "Jean-Luc" and first.role != "juge"
    q = quotes_of("« C'est une catastrophe pour nos ventes », soupire Anne Sicher, fleuriste à Bordeaux.")[
        "C'est une catastrophe pour nos ventes"]
    assert q.rule == "incise-after:inverted" and q.speaker.name == "Anne Sicher"


def test_an_unlisted_feminine_first_name_agrees_with_elle(quotes_of):
    # Priscillia is in no list: the tagger's feminine makes her the « -t-elle », not Murielle before
    text = ("« On tiendra », a assuré Murielle, une employée de 55 ans. Convaincue elle aussi, Priscillia "
            "Marchetti a défilé à Marseille. « Nous voulons être entendus », a-t-elle déclaré.")
    assert quotes_of(text)["Nous voulons être entendus"].speaker.name == "Priscillia Marchetti"


def test_two_quotes_each_with_its_incise_stay_two_after_a_parenthesis(quotes_of):
    # the parser runs « … (CL). « … » into one sentence; an opening mark after a full stop starts one
    text = ("Ils sont venus. « C'est le moment de tout changer », s'encourage Jules (1), 16 ans, l'un des "
            "coordinateurs du comité (CL). « Un mouvement, ça se construit », continue Pierre Gaudin.")
    found = quotes_of(text)
    assert found["C'est le moment de tout changer"].speaker.name == "Jules"
    assert found["Un mouvement, ça se construit"].speaker.name == "Pierre Gaudin"


def test_an_incise_between_commas_inside_the_marks_splits_the_quote(quotes_of):
    text = ("La police veille. « Il existe un tabou, explique M. Dupré, aucune manifestation ne sera "
            "autorisée dans la zone neutre », autrement dit autour du Parlement.")
    found = quotes_of(text)
    assert found["Il existe un tabou"].type == "direct"
    assert found["aucune manifestation ne sera autorisée dans la zone neutre"].speaker.name == "Dupré"


def test_an_outlet_relaying_words_in_marks_is_not_their_speaker(quotes_of):
    text = ("« Vous allez très loin, Maître », a rétorqué la juge Roy. « Vos propos sont inutiles et "
            "farfelus », rapporte le Journal de Montréal.")
    q = quotes_of(text)["Vos propos sont inutiles et farfelus"]
    assert q.rule == "incise-after:relayed" and q.speaker.name == "Roy"
    alone = quotes_of("Le maire a démissionné. « Le conseil a été mal informé », rapporte le Journal de Montréal.")
    assert alone["Le conseil a été mal informé"].speaker.name == "Journal de Montréal"


def test_sieve_fragment_without_its_own_cue_takes_the_sentence_subject(quotes_of):
    text = "La députée Claire Fortin a quitté la séance, dénonçant un rapport « très politique »."
    q = quotes_of(text)["très politique"]
    assert q.type == "direct" and q.speaker.name == "Claire Fortin"


def test_sieve_continuation_keeps_the_speaker_at_lower_confidence(quotes_of):
    text = "« Le club ira loin », a lancé l’entraîneur Marc Giroux.\n\n« Nous avons les joueurs pour ça. »"
    found = quotes_of(text)
    first, second = found["Le club ira loin"], found["Nous avons les joueurs pour ça"]
    assert second.rule == "continuation" and second.speaker.name == "Marc Giroux"
    assert second.confidence < first.confidence


def test_sieve_attribution_line(quotes_of):
    text = "« Il faut regarder ce qui est faisable, pas ce qui est rêvé. »\n— Hélène Caron, devant les élus"
    q = quotes_of(text)["Il faut regarder ce qui est faisable, pas ce qui est rêvé"]
    assert q.rule == "attribution-line" and q.speaker.name == "Hélène Caron"


def test_sieve_selon_before_the_quote(quotes_of):
    q = quotes_of("Selon le ministère de l’Intérieur, « aucun blessé n’est à déplorer ».")["aucun blessé n’est à déplorer"]
    assert q.rule.startswith("selon") and q.speaker.name == "ministère de l’Intérieur"
    assert q.speaker.kind == "organization"


def test_sieve_anonymous_source(quotes_of):
    q = quotes_of("« Rien n’est décidé », a confié à l’AFP un haut responsable européen.")["Rien n’est décidé"]
    assert q.speaker.name is None and q.speaker.kind == "anonymous"
    assert q.role == "haut responsable européen"


def test_words_in_marks_that_are_names_are_not_quotes(quotes_of):
    found = quotes_of("Le chef du groupe, surnommé « le Renard », a été arrêté à Marseille.")
    assert "le Renard" not in found


def test_sieves_are_named_ordered_and_overridable():
    names = [s.name for s in SIEVES]
    assert names[:4] == ["interview", "incise-inside", "ce-que", "incise-after"]
    assert len(set(names)) == len(names)
    assert all(s.__doc__ and "«" in s.__doc__ for s in SIEVES)  # each documents a French example
    assert "nearest-mention" not in [s.name for s in default_sieves()]  # the baseline stays off
    assert [s.name for s in by_name(["selon", "colon-intro"])] == ["selon", "colon-intro"]


def test_extractor_runs_only_the_sieves_asked_for(backend):
    from quotes import Extractor

    text = "« Nous partons », a dit Paul Martin."
    only_colon = Extractor(backend=backend, sieves=["colon-intro"]).extract(text)
    assert all(q.rule is None or q.rule.startswith("discourse") for q in only_colon)  # no other sieve ran
    assert Extractor(backend=backend, sieves=["incise-after"]).extract(text)[0].speaker.name == "Paul Martin"


def test_a_line_that_is_only_a_name_signs_the_quote_above(quotes_of):
    text = ("Les petites phrases de la semaine\n« Ce que fait ce gouvernement, c'est du bricolage ! »\n"
            "Anne Martin\nLa députée n'est pas tendre avec la majorité.\n")
    q = quotes_of(text)["Ce que fait ce gouvernement, c'est du bricolage !"]
    assert q.speaker.name == "Anne Martin" and q.rule == "attribution-line"
    text = "« Nous verrons bien »\nLe débat public continue demain à la mairie de Lyon\n"
    assert quotes_of(text)["Nous verrons bien"].rule != "attribution-line"


@pytest.mark.parametrize("incise", ["a-t-il encore conclu", "a-t-il aussi ajouté", "a encore conclu Paul Garnier"])
def test_an_adverb_between_auxiliary_and_participle_keeps_the_incise(quotes_of, incise):
    text = f"Le maire Paul Garnier a parlé. Puis on a voté. « Nous ne lâcherons rien », {incise}."
    q = quotes_of(text)["Nous ne lâcherons rien"]
    assert q.rule.startswith("incise-after") and q.speaker.name == "Paul Garnier"


@pytest.mark.parametrize("text, quote, name", [
    ("Charles Dumont promet « la plus grande fermeté », Benoît Lenoir dénonce\nLe maire a parlé.",
     "la plus grande fermeté", "Charles Dumont"),
    ("Alors que Paul Roy affirmait : « J'ai été élu pour appliquer mon programme », les citoyens répondent : "
     "« Nous voulons être entendus ».", "J'ai été élu pour appliquer mon programme", "Paul Roy"),
])
def test_a_quote_its_own_verb_introduces_is_not_the_next_clauses(quotes_of, text, quote, name):
    assert quotes_of(text)[quote].speaker.name == name


def test_a_subject_first_incise_still_closes_a_quote_with_no_verb_before(quotes_of):
    q = quotes_of("« Nous partirons demain », le ministre Dubé a répondu.")["Nous partirons demain"]
    assert q.speaker.name == "Dubé" and q.rule == "incise-after"


def test_the_impersonal_on_of_an_incise_is_the_body_where_it_was_said(quotes_of):
    found = quotes_of("« Le calme est revenu », a-t-on indiqué à la préfecture du Nord. "
                      "« C'est une erreur », souligne-t-on du côté de la police locale.")
    assert found["Le calme est revenu"].speaker.name == "préfecture du Nord"
    assert found["C'est une erreur"].speaker.name == "police locale"
    # « au » holds the article: the place starts right after it
    assert quotes_of("« Rien n'est décidé », a-t-on confirmé au ministère.")["Rien n'est décidé"].speaker.name == "ministère"
    # a multiword cue split by the clitic: fait-on savoir
    assert quotes_of("« Rien n'est décidé », fait-on savoir à l'Élysée.")["Rien n'est décidé"].speaker.name == "Élysée"
    # with no place, « on » stays no one
    assert quotes_of("« Nous verrons », a-t-on appris mardi.")["Nous verrons"].speaker is None


def test_the_impersonal_on_after_a_place_that_opens_the_sentence_speaks_for_it(quotes_of):
    assert quotes_of("À l'Élysée, on assure que le calendrier sera tenu.")[
        "le calendrier sera tenu"].speaker.name == "Élysée"
    q = quotes_of("Dans l'entourage de la candidate Marine Lenoir, on estime que ce n'est pas un hasard.")[
        "ce n'est pas un hasard"]
    assert q.speaker.name is None and q.role == "entourage de la candidate Marine Lenoir"
    assert "le calendrier sera tenu" not in quotes_of("Hier, on a appris que le calendrier sera tenu.")


def test_par_and_a_number_word_is_how_many_not_an_agent(quotes_of):
    q = quotes_of("Le ministère surveille les manifestants appelés à défiler samedi par milliers dans la capitale.")[
        "défiler samedi par milliers dans la capitale"]
    assert q.speaker is None or q.speaker.mention != "milliers"


def test_twitter_is_a_cue_and_words_on_a_sticker_are_no_quote(quotes_of):
    q = quotes_of("Gilles Roux avait parlé dimanche. « La République fera bloc », a twitté le ministre Paul Morin.")[
        "La République fera bloc"]
    assert q.speaker.name == "Paul Morin" and q.cue.lemma == "twitter"
    assert "Bienvenue à tous" not in quotes_of(
        "Gilet jaune sur les épaules et autocollant « Bienvenue à tous » au revers, l'homme explique le projet.")


def test_s_agacer_introduces_a_quote(quotes_of):
    text = "Jean Dufour, 64 ans, tient un camping à Trouville. Le sexagénaire s'agace : « On ne demande pas l'aumône ! »"
    assert quotes_of(text)["On ne demande pas l'aumône !"].speaker.name == "Jean Dufour"
