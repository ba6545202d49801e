"""Reported speech: indirect and mixed quotes, source phrases, incises without marks, and the guards."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def only(quotes_of, text):
    found = quotes_of(text)
    assert len(found) == 1, list(found)
    return next(iter(found.values()))


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Le maire Paul Roy a affirmé que la route restera fermée jusqu’en mai.",
     "la route restera fermée jusqu’en mai", "Paul Roy", "affirmer"),
    ("La présidente Anne Vidal a promis de baisser les impôts l’an prochain.",
     "baisser les impôts l’an prochain", "Anne Vidal", "promettre"),
    ("Le syndicaliste Marc Doré a demandé au ministre de revoir sa copie.",
     "revoir sa copie", "Marc Doré", "demander"),
    ("Le patron Luc Pagé a assuré ne pas vouloir quitter la ville.",
     "ne pas vouloir quitter la ville", "Luc Pagé", "assurer"),
    ("La juge Hélène Roy se demandait si le témoin disait la vérité.",
     "si le témoin disait la vérité", "Hélène Roy", "se demander"),
    ("Le directeur Jean Lemay s’est dit préoccupé par la hausse des accidents.",
     "préoccupé par la hausse des accidents", "Jean Lemay", "se dire"),
    ("Le club de Montréal a fait savoir qu’il ne vendrait pas son attaquant.",
     "il ne vendrait pas son attaquant", "club de Montréal", "faire savoir"),
    ("Le ministre Paul Caron a exhorté les maires à rester prudents cet hiver.",
     "rester prudents cet hiver", "Paul Caron", "exhorter"),
])
def test_reported_cue_with_its_content(quotes_of, text, content, speaker, cue):
    q = only(quotes_of, text)
    assert (q.type, q.text, q.speaker.name, q.cue.lemma) == ("indirect", content, speaker, cue)


def test_reported_two_clauses_under_one_verb_are_one_quote(quotes_of):
    q = only(quotes_of, "La ministre Julie Morin a souligné que le budget augmente et que les délais raccourcissent.")
    assert q.text == "le budget augmente et que les délais raccourcissent"


@pytest.mark.parametrize("text, content, speaker, kind", [
    ("Selon la police, trois personnes ont été arrêtées dans la nuit.",
     "trois personnes ont été arrêtées dans la nuit", "police", "organization"),
    ("Trois personnes ont été arrêtées dans la nuit, selon la police.",
     "Trois personnes ont été arrêtées dans la nuit", "police", "organization"),
    ("D’après l’étude, les loyers ont doublé en dix ans.", "les loyers ont doublé en dix ans", "étude",
     "organization"),
    ("Pour l’économiste Marie Caron, la récession est désormais inévitable.",
     "la récession est désormais inévitable", "Marie Caron", "person"),
    ("À en croire le maire Jacques Roy, les travaux finiront en juin.",
     "les travaux finiront en juin", "Jacques Roy", "person"),
])
def test_reported_source_phrases(quotes_of, text, content, speaker, kind):
    q = only(quotes_of, text)
    assert (q.text, q.speaker.name, q.speaker.kind) == (content, speaker, kind)
    assert q.rule.startswith("selon")


def test_reported_incise_inside_without_marks_is_one_span(quotes_of):
    text = "Le médecin Paul Roy a visité le service. La situation, a-t-il estimé, est grave."
    q = only(quotes_of, text)
    assert q.text == "La situation, a-t-il estimé, est grave" and q.speaker.name == "Paul Roy"


def test_reported_incise_after_without_marks(quotes_of):
    q = only(quotes_of, "La situation reste très grave dans le nord, a estimé jeudi le médecin Paul Roy.")
    assert q.text == "La situation reste très grave dans le nord" and q.speaker.name == "Paul Roy"
    assert q.type == "indirect"


def test_reported_mixed_quote_spans_the_clause_and_the_fragment_is_not_repeated(quotes_of):
    text = "Le ministre Alain Roy a affirmé que le projet est « une priorité absolue » pour le gouvernement."
    found = quotes_of(text)
    assert list(found) == ["le projet est « une priorité absolue » pour le gouvernement"]
    assert found[list(found)[0]].type == "mixed"


def test_reported_clause_all_in_marks_is_direct(quotes_of):
    q = only(quotes_of, "La ministre Claire Roy a déclaré que « tout est sous contrôle ».")
    assert (q.type, q.text, q.cue.lemma) == ("direct", "tout est sous contrôle", "déclarer")


def test_reported_c_est_ce_que_points_back(quotes_of):
    text = "Le gouvernement devrait retirer son projet de loi. C’est ce qu’a réclamé le Parti vert, lundi."
    q = only(quotes_of, text)
    assert q.text == "Le gouvernement devrait retirer son projet de loi" and q.speaker.name == "Parti vert"


@pytest.mark.parametrize("text", [
    "Le ministre n’a pas dit que le projet était abandonné.",          # negation
    "Le maire a refusé de commenter la décision du tribunal.",         # refusal
    "La police n’a pas voulu dire si des arrestations avaient eu lieu.",
    "Le ministre a confirmé la mort du soldat lundi.",                 # a noun-phrase object
    "La députée a dénoncé une manœuvre électorale.",
    "Il faut ajouter du sel à la sauce avant de servir.",               # non-speech senses
    "Le panneau indique la route de Lyon aux automobilistes.",
    "L’accusé a été déclaré coupable de fraude par le jury.",
    "Le blessé a été admis à l’hôpital dans la nuit.",
    "On lui a demandé s’il comptait démissionner.",                     # a journalist's question
    "Le maire croit que la saison sera bonne.",                         # states of mind
    "La directrice craint que les prix augmentent encore.",
    "Le président pense que tout ira bien.",
    "La hausse des prix signifie que les ménages paieront davantage.",  # a thing does not speak
])
def test_reported_guards_make_no_quote(quotes_of, text):
    assert quotes_of(text) == {}


def test_reported_hearsay_conditional_is_not_a_new_quote(quotes_of):
    found = quotes_of("Selon la police, le suspect aurait fui vers le sud. Il serait armé.")
    assert list(found) == ["le suspect aurait fui vers le sud"]


def test_headline_with_a_fragment_in_marks(quotes_of):
    q = only(quotes_of, "Dubois veut « tourner la page au plus vite »")
    assert q.text == "tourner la page au plus vite" and q.speaker.name == "Dubois"


def test_headline_with_an_incise(quotes_of):
    q = only(quotes_of, "Grève illimitée? « Nous tiendrons bon », dit la CGT")
    assert q.text == "Nous tiendrons bon" and q.speaker.name == "CGT"


def test_every_quote_records_its_rule_and_confidence(quotes_of):
    text = ("Selon la mairie, le pont rouvrira lundi. « Nous avons fait vite », a déclaré l’ingénieur Paul Roy. "
            "Il a ajouté que les travaux coûteront moins cher que prévu.")
    found = quotes_of(text)
    assert len(found) == 3
    assert all(q.rule and 0 < q.confidence <= 1 for q in found.values())


# -- issue 10: incises without marks after long content --------------------------------------------

@pytest.mark.parametrize("text, content, who", [
    # a subject opened by "des" after the cue (tagged as a preposition by the parser)
    ("Le patron de l'usine a été inculpé lundi pour fraude fiscale, ont rapporté lundi des médias locaux.",
     "Le patron de l'usine a été inculpé lundi pour fraude fiscale", "médias locaux"),
    # a time phrase before the speaker's name
    ("Les livraisons ont repris sur le site de Lens, a précisé jeudi en fin de matinée Pierre Morand.",
     "Les livraisons ont repris sur le site de Lens", "Pierre Morand"),
    # the addressee before the speaker: à l'AFP, then the role
    ("À Nancy, 300 personnes ont tenté de forcer un barrage, a dit à l'AFP le directeur de la police.",
     "À Nancy, 300 personnes ont tenté de forcer un barrage", "directeur de la police"),
])
def test_incise_after_long_content(quotes_of, text, content, who):
    q = only(quotes_of, text)
    assert q.type == "indirect" and q.text == content
    assert who in ((q.speaker.name or "") + " " + (q.role or ""))


def test_a_comma_never_starts_a_sentence(parse):
    doc = parse("Ces véhicules seront à nouveau mobilisés samedi, a fait savoir la préfecture de police.")
    assert len(doc.sents) == 1


@pytest.mark.parametrize("text, content, who", [
    ("Ces contrôles étaient, selon la police fédérale, terminés jeudi vers six heures.",
     "Ces contrôles étaient, selon la police fédérale, terminés jeudi vers six heures", "police fédérale"),
    ("Car les enquêteurs ont l'intention, selon le quotidien Le Soir, de demander un nouveau mandat.",
     "les enquêteurs ont l'intention, selon le quotidien Le Soir, de demander un nouveau mandat", "Le Soir"),
])
def test_selon_in_the_middle_of_the_content(quotes_of, text, content, who):
    q = only(quotes_of, text)
    assert q.text == content and q.speaker.name == who and q.rule == "selon:middle"


def test_selon_then_an_apposition_is_not_the_middle_shape(quotes_of):
    q = only(quotes_of, "Les retards sont fréquents, selon Audrey Blais, employée du centre de tri.")
    assert q.text == "Les retards sont fréquents" and q.speaker.name == "Audrey Blais"


# -- interviews in question-and-answer layout (rule `interview`) -----------------------------------

INTERVIEW = (
    "« L'école doit changer d'échelle »\n"
    "ENTRETIEN - La sociologue publie un essai sur l'éducation.\n"
    "LE JOURNAL. - Faut-il réformer le collège avant le lycée ?\n"
    "Claire MORIN. - Sans aucun doute. Le collège concentre toutes les inégalités du système.\n"
    "Les moyens ont-ils manqué ?\n"
    "Oui, et depuis longtemps. Les enseignants se sentent abandonnés.\n"
    "Ils attendent des actes plus que des discours.\n"
    "Lire aussi : le budget de l'éducation en hausse\n"
)


def test_interview_answers_are_the_interviewees(quotes_of):
    found = quotes_of(INTERVIEW)
    answers = [q for q in found.values() if q.rule == "interview"]
    assert [q.text for q in answers] == [
        "Sans aucun doute. Le collège concentre toutes les inégalités du système",
        "Oui, et depuis longtemps. Les enseignants se sentent abandonnés.\n"
        "Ils attendent des actes plus que des discours",
    ]
    assert {q.speaker.name for q in answers} == {"Claire MORIN"}
    assert not any("?" in q.text for q in answers)  # the interviewer's questions are not quotes


def test_no_interview_without_a_question_and_answer_layout(quotes_of):
    text = ("Le maire a présenté son budget mardi.\nFaut-il s'en inquiéter ?\n"
            "Les élus de l'opposition ont voté contre le texte.\n")
    assert not any(q.rule == "interview" for q in quotes_of(text).values())


# -- issue 10: more shapes of reported speech -------------------------------------------------------

@pytest.mark.parametrize("text, content", [
    # appeler à + infinitive, with the subject an antecedent of « qui », and a negated infinitive
    ("Des associations locales qui appellent à marcher dimanche ont été identifiées.", "marcher dimanche"),
    ("Plusieurs voix de la majorité avaient appelé à ne pas manifester samedi.", "ne pas manifester samedi"),
    # se dire + attribute: one word is content; the attribute ends at a comma
    ("Plus de 2 000 sympathisants se disaient intéressés.", "intéressés"),
    ("Le détenu se dit bien traité, reçoit des visites et lit beaucoup.", "bien traité"),
    # an ambiguous verb said to an outlet
    ("Le musicien a confié à l'AFP qu'il envisage de partir en tournée.", "il envisage de partir en tournée"),
    # comme le relève X, … / …, comme l'a rappelé X.
    ("Mais, comme le relève le quotidien Le Matin, la réforme est largement rejetée par les lecteurs.",
     "la réforme est largement rejetée par les lecteurs"),
    ("Le taux de chômage a baissé au printemps, comme l'a rappelé mardi la ministre du Travail.",
     "Le taux de chômage a baissé au printemps"),
])
def test_reported_shapes_of_issue_10(quotes_of, text, content):
    q = only(quotes_of, text)
    assert q.text == content and q.type == "indirect"


def test_comme_as_a_comparison_is_no_quote(quotes_of):
    assert not quotes_of("Il court comme le vent depuis des années, et tout le monde le regarde.")


@pytest.mark.parametrize("text, content", [
    # the journalist's connector at the start is not the source's
    ("Et ce sont les jeunes qui revendent le plus leurs cadeaux, selon l'étude.",
     "ce sont les jeunes qui revendent le plus leurs cadeaux"),
    # a lead-in before a colon is the journalist's
    ("L'économie en a pâti : l'activité du secteur privé est tombée en décembre, selon un indice du cabinet Markit.",
     "l'activité du secteur privé est tombée en décembre"),
    # a sentence that ends on its source, with no comma
    ("Le grand débat est bien mal parti pour le gouvernement selon la presse.",
     "Le grand débat est bien mal parti pour le gouvernement"),
])
def test_reported_content_boundaries(quotes_of, text, content):
    assert only(quotes_of, text).text == content


@pytest.mark.parametrize("text, content, who", [
    ("L'appel d'Ingrid Roy à mettre fin à « toutes les violences » a été salué dimanche.",
     "mettre fin à « toutes les violences »", "Ingrid Roy"),
    ("Le président Paul Girard avait fait la promesse de rester dans les clous fixés par l'Union.",
     "rester dans les clous fixés par l'Union", "Paul Girard"),
])
def test_speech_nouns_with_their_content(quotes_of, text, content, who):
    q = only(quotes_of, text)
    assert q.text == content and q.speaker.name == who


def test_a_speech_noun_without_content_is_no_quote(quotes_of):
    assert not quotes_of("Un appel d'offres a été lancé mardi par la mairie.")


def test_engagement_a_ce_que(quotes_of):
    q = only(quotes_of, "Le commissaire Pierre Morin s'est engagé à ce que les géants du numérique paient leurs impôts.")
    assert q.text == "les géants du numérique paient leurs impôts" and q.speaker.name == "Pierre Morin"


@pytest.mark.parametrize("text, content", [
    # a request in the passive
    ("Toute personne en possession d'informations est appelée à composer le 17.", "composer le 17"),
    ("Les habitants du quartier sont invités à rester chez eux ce soir.", "rester chez eux ce soir"),
    # a speech verb, its object, then the reported clause after a colon
    ("Le préfet a annoncé un dispositif renforcé : 800 policiers seront déployés samedi dans la ville.",
     "800 policiers seront déployés samedi dans la ville"),
])
def test_passive_requests_and_clauses_after_a_colon(quotes_of, text, content):
    assert only(quotes_of, text).text == content


def test_other_passives_are_no_quotes(quotes_of):
    assert not quotes_of("L'accusé a été déclaré coupable de fraude fiscale par le tribunal.")


@pytest.mark.parametrize("text", [
    "Pour le grand débat, le gouvernement a choisi de restreindre la consultation à quatre thèmes.",
    "Les résultats seront ensuite publiés, toujours selon un principe de transparence.",
])
def test_a_source_phrase_names_someone_who_speaks(quotes_of, text):
    assert not quotes_of(text)


def test_mixed_quote_ends_with_its_content_not_the_journalists_continuation(quotes_of):
    q = only(quotes_of, "Le syndicat a affirmé que la grève « continuera jusqu'au bout » et a promis "
                        "de nouvelles actions en janvier.")
    assert q.type == "mixed" and q.text == "la grève « continuera jusqu'au bout »"


@pytest.mark.parametrize("text, content", [
    # a verbless content: a gerund or a coordinated verb after it goes with the report's own verb
    ("La ministre Anne Roy a appelé à « repenser » la politique du logement, en visitant mardi un chantier.",
     "« repenser » la politique du logement"),
    ("L'assaillant entre dans le magasin, revendique être un « soldat » de l’État islamique et tue deux clients.",
     "être un « soldat » de l’État islamique"),
    # a content with its own finite verb keeps its gerund
    ("Selon la police, une centaine de manifestants ont mené une « action » à Lyon, en réclamant un référendum.",
     "une centaine de manifestants ont mené une « action » à Lyon, en réclamant un référendum"),
])
def test_a_verbless_content_ends_before_the_journalists_gerund_or_verb(quotes_of, text, content):
    assert content in quotes_of(text)


def test_a_participle_on_the_incise_subject_still_closes_the_incise(quotes_of):
    # the sentence around the marks is the quote (mixed), the document speaks
    text = "Les passagers étaient transportés « de manière dangereuse », précise le rapport publié mardi."
    found = quotes_of(text)
    q = found["Les passagers étaient transportés « de manière dangereuse »"]
    assert q.type == "mixed" and q.speaker.name == "rapport"


def test_a_relative_after_a_comma_has_the_phrase_before_it_as_subject(quotes_of):
    text = ("« On verra plus tard », souligne le député, qui rappelle que « le président a hésité » "
            "à la fin de l'été.")
    q = quotes_of(text)["« le président a hésité » à la fin de l'été"]
    assert q.type == "mixed" and q.role == "député"


@pytest.mark.parametrize("text, chant", [
    ("Ils ont défilé dans Bordeaux au cri de « Macron démission ! » samedi.", "Macron démission !"),
    ("L'homme est entré dans le magasin en criant « Allez les Bleus » vers midi.", "Allez les Bleus"),
])
def test_chants_are_quotes_however_short_or_capitalised(quotes_of, text, chant):
    assert chant in quotes_of(text)


def test_a_gerund_is_no_passive(quotes_of):
    # « en criant » is present: the « par » of another verb is not its speaker
    text = "Paul Girard a traversé la gare en criant « Vive la grève » avant d'être arrêté par des policiers."
    q = quotes_of(text)["Vive la grève"]
    assert q.speaker is None or "policiers" not in (q.speaker.mention or "")


def test_qu_tagged_as_an_adverb_still_opens_the_clause(quotes_of):
    # the tagger calls « qu' » before « une » an adverb; it is the que of the clause
    found = quotes_of("Le procureur a précisé qu'une vidéo saisie en avril montrait une table.")
    assert "une vidéo saisie en avril montrait une table" in found


def test_il_subject_of_a_speech_verb_goes_on_with_the_last_speaker(quotes_of):
    text = ("« Marc Durand cherchait à joindre le groupe », a révélé le procureur Paul Girard. "
            "Il a précisé qu'une vidéo saisie en avril montrait une table.")
    assert quotes_of(text)["une vidéo saisie en avril montrait une table"].speaker.name == "Paul Girard"


def test_marks_opening_on_a_capital_mid_sentence_are_a_direct_quote(quotes_of):
    # the words before the marks are the journalist's; the incise attributes the marked sentence
    found = quotes_of("La colère a gagné la presse locale, où « Le maire nous a trahis », "
                      "résume un commerçant, Paul Girard.")
    q = found["Le maire nous a trahis"]
    assert q.type == "direct" and q.speaker.name == "Paul Girard"
    found = quotes_of("Les autorités « sont en lien avec la police allemande », a précisé le ministère.")
    assert found["Les autorités « sont en lien avec la police allemande »"].type == "mixed"


def test_an_apposition_after_the_incise_is_not_more_content_and_a_connector_is_not_content(quotes_of):
    found = quotes_of("Les ventes ont bondi. Soit « 20 % de plus que l’an passé », a précisé à l’AFP "
                      "Julie Martin, chargée de mission chez Jouets France.")
    q = found["20 % de plus que l’an passé"]
    assert q.type == "direct" and q.speaker.name == "Julie Martin" and len(found) == 1


def test_a_phrase_before_a_finite_verb_is_a_subject_not_an_apposition_and_a_participle_has_no_speaker(quotes_of):
    # « Pour le symbole, » names no source; « dénonçant la politique » is no incise
    found = quotes_of("Pour le symbole, le député de Lyon a brandi un gilet qu'il a appelé « drapeau de la colère » "
                      "à la tribune, dénonçant la politique du gouvernement.")
    assert list(found) == ["drapeau de la colère"]


def test_a_relative_after_a_comma_and_et_is_the_journalists(quotes_of):
    found = quotes_of("Un événement Facebook appelant à « Bloquer le pays », et auquel 14 000 personnes se disaient "
                      "prêtes à participer, a disparu du réseau social.")
    assert "Bloquer le pays" in found and not any("auquel" in t for t in found)
    found = quotes_of("Le ministre Paul Girard assure que la réforme est « indispensable », mais qu'elle prendra du temps.")
    assert "la réforme est « indispensable », mais qu'elle prendra du temps" in found


def test_a_conjunction_with_que_after_the_object_opens_no_report(quotes_of):
    text = ("Ceux qui, à Paris, s'inquiètent d'un dérapage budgétaire alors qu'Anne Roux avait fait la promesse "
            "de rester dans les clous.")
    found = quotes_of(text)
    assert not any(q.startswith("Anne Roux") for q in found)
    assert found["rester dans les clous"].speaker.name == "Anne Roux"
    # an adverb that makes no conjunction is still a filler before the que-clause
    assert "la réforme passerait" in quotes_of("Le ministre a affirmé hier encore que la réforme passerait.")
