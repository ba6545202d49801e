"""Who the journalist's clause is about: the subject a cue verb stands with, when the parse alone gets
it wrong (a relative after a comma, a name inside a role phrase, words inside quotes, a participle
that opens the sentence), and the quote an article repeats."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_relative_after_a_comma_stands_for_the_whole_phrase_not_the_name_at_its_end(quotes_of):
    text = ("Le philosophe Jean Morel publie un essai. « Les classes populaires se révoltent », estime "
            "le spécialiste de Victor Hugo, qui ajoute : « Ce sont ceux d'en bas qui parlent. »")
    found = quotes_of(text)
    q = found["Ce sont ceux d'en bas qui parlent"]
    assert q.speaker.name != "Victor Hugo"
    assert q.speaker.mention == "le spécialiste de Victor Hugo"
    # and the phrase after « estime » is its subject, not an opinion about something
    assert "le spécialiste de Victor Hugo" not in found


def test_a_relative_after_a_named_speaker_keeps_that_speaker(quotes_of):
    text = "« Nous irons au bout », a lancé la ministre Anne Roux, qui a précisé que la réforme serait votée en juin."
    assert quotes_of(text)["la réforme serait votée en juin"].speaker.name == "Anne Roux"


def test_an_opinion_on_words_in_marks_is_still_a_small_clause(quotes_of):
    assert quotes_of("Le ministre a jugé « utile » le dialogue avec les syndicats.")[
        "« utile » le dialogue avec les syndicats"].type == "mixed"


def test_a_participle_opening_the_sentence_has_the_main_clause_subject(quotes_of):
    text = ("La sondeuse Anne Roux a publié une étude. Elle montre une défiance record. Disant comprendre "
            "la « colère » des manifestants, le président a fait son mea culpa mardi soir.")
    q = quotes_of(text)["comprendre la « colère » des manifestants"]
    assert q.speaker.mention == "le président" and q.rule == "cue-subject"
    text = "Affirmant que la réforme était « indispensable », la ministre Claire Dubois a défendu son texte."
    assert quotes_of(text)["la réforme était « indispensable »"].speaker.name == "Claire Dubois"


def test_a_name_inside_the_quoted_words_is_never_the_clause_subject(parse):
    from quotes.sieves.base import nearest_subject

    doc = parse("« Paul Durand ment » et « triche », a lancé hier soir le maire.")
    cue = next(t.i for t in doc.tokens if t.text == "lancé")
    assert nearest_subject(doc, 0, cue).name == "Paul Durand"  # what the walk finds without the quotes
    inside = frozenset(t.i for t in doc.tokens if 1 <= t.i <= 3)
    assert nearest_subject(doc, 0, cue, inside) is None


def test_the_name_a_role_phrase_is_about_is_no_subject(parse):
    from quotes.sieves.base import nearest_subject

    doc = parse("Hier, l'avocat de Paul Durand a assuré à la presse que son client était innocent.")
    cue = next(t.i for t in doc.tokens if t.text == "assuré")
    assert nearest_subject(doc, 0, cue) is None


def test_the_heading_copy_of_a_quote_takes_the_speaker_of_the_attributed_one(extractor):
    text = ("« Les habitants doivent passer en premier »\n\nLe candidat Marc Olivier a tenu meeting samedi à "
            "Nantes devant ses partisans.\n« Les habitants doivent passer en premier », a-t-il ajouté.\n")
    out = [q for q in extractor.extract(text, "t") if q.text == "Les habitants doivent passer en premier"]
    assert len(out) == 2
    assert {q.speaker.name for q in out} == {"Marc Olivier"}
    assert out[0].rule == "repeated" and out[1].rule.startswith("incise-after")


def test_a_short_term_quoted_twice_is_not_a_repeat(extractor):
    text = ("Le « grand débat » commence.\n\nLe ministre Paul Roy a défendu le « grand débat », a-t-il dit.\n")
    assert all(q.rule != "repeated" for q in extractor.extract(text, "t"))


def test_a_clause_that_opens_inside_marks_is_one_direct_quote(quotes_of):
    text = "Le ministre a convoqué l'ambassadeur, accusant son pays « d'appauvrir l'Afrique »."
    found = quotes_of(text)
    assert list(found) == ["d'appauvrir l'Afrique"]
    assert found["d'appauvrir l'Afrique"].type == "direct"


@pytest.mark.parametrize("text, name, mention", [
    ("« Tout change », estime le spécialiste de Victor Hugo, qui ajoute une phrase.", None,
     "le spécialiste de Victor Hugo"),
    # a phrase that cannot speak gives way to the name in it
    ("Les propos de M. Luigi Rossi, qui dirige le parti, ont choqué.", "Luigi Rossi", "M. Luigi Rossi"),
])
def test_the_antecedent_of_a_relative_after_a_comma(parse, text, name, mention):
    from quotes.clause_subjects import relative_antecedent

    doc = parse(text)
    m = relative_antecedent(doc, next(t.i for t in doc.tokens if t.text == "qui"))
    assert (m.name, doc.text[m.start:m.end]) == (name, mention)


def test_a_pronoun_goes_to_the_body_the_sentence_before_is_about(quotes_of):
    text = ("Dans un premier temps, la préfecture du Nord avait fait état de deux policiers blessés. Dans un "
            "communiqué diffusé en fin de journée, elle a évoqué « un policier blessé et trois autres contusionnés ».")
    q = quotes_of(text)["un policier blessé et trois autres contusionnés"]
    assert q.speaker.name == "préfecture du Nord" and q.speaker.kind == "organization"


def test_a_person_named_since_the_body_takes_the_pronoun(quotes_of):
    text = ("La préfecture du Nord avait fait état de deux blessés. La ministre Claire Dubois est arrivée le soir. "
            "Devant la presse, elle a évoqué « un policier blessé et trois autres contusionnés ».")
    assert quotes_of(text)["un policier blessé et trois autres contusionnés"].speaker.name == "Claire Dubois"


def test_a_phrase_after_a_preposition_is_no_subject_not_even_its_last_name(parse):
    from quotes.sieves.base import nearest_subject

    doc = parse("Un homme armé a tué deux passants sur le parvis de la gare Saint-Lazare en criant des insultes.")
    cue = next(t.i for t in doc.tokens if t.text == "criant")
    m = nearest_subject(doc, 0, cue)
    assert m is None or "Saint-Lazare" not in (m.name or "")


def test_a_phrase_after_a_preposition_is_the_subject_of_the_relative_after_it(parse):
    from quotes.sieves.base import nearest_subject

    doc = parse("Elle s'en remet à l'ancien président Paul Girard (1981-1995) qui déclarait sa foi en l'avenir.")
    cue = next(t.i for t in doc.tokens if t.text == "déclarait")
    assert nearest_subject(doc, 0, cue).name == "Paul Girard"
