"""Speakers and roles: mentions, the article's entity model, pronouns, titles, roles as data."""
from __future__ import annotations

import pytest

from quotes.entities import role_concept, role_head, surname_key

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, word, name, role, kind", [
    ("Le porte-parole du Kremlin Dmitri Orlov a parlé.", "Le", "Dmitri Orlov", "porte-parole du Kremlin", "person"),
    ("La ministre de la Santé, Agnès Morel, a parlé.", "La", "Agnès Morel", "ministre de la Santé", "person"),
    ("Sergueï Petrov, son homologue russe, a parlé.", "Sergueï", "Sergueï Petrov", "homologue russe", "person"),
    ("Le président syrien a parlé hier.", "Le", None, "président syrien", "person"),
    ("Un haut responsable américain a parlé.", "Un", None, "haut responsable américain", "anonymous"),
    ("Une source proche du dossier a parlé.", "Une", None, "source proche du dossier", "anonymous"),
    ("Le ministère russe des Affaires étrangères a parlé.", "Le", "ministère russe des Affaires étrangères", None,
     "organization"),
    ("Mme Leblanc a parlé hier.", "Mme", "Leblanc", None, "person"),
    ("Me Sophie Gagné a plaidé hier.", "Me", "Sophie Gagné", None, "person"),
    ("L’envoyé spécial de l’ONU pour la Syrie, Staffan de Mistura, a parlé.", "L’", "Staffan de Mistura",
     "envoyé spécial de l’ONU pour la Syrie", "person"),
    # a capitalised article mid-sentence belongs to the name: outlets, and surnames like Le Pen
    ("Le maire a démissionné, selon le quotidien Le Soleil.", "le", "Le Soleil", "quotidien", "organization"),
    ("La réforme sera retardée, affirme Le Figaro dans son édition.", "Le", "Le Figaro", None, "organization"),
    ("« Nous gagnerons », a lancé Le Pen devant ses partisans.", "Le", "Le Pen", None, "person"),
])
def test_mentions(mention, text, word, name, role, kind):
    m = mention(text, word)
    assert (m.name, m.role, m.kind) == (name, role, kind)


def test_a_party_after_a_role_is_not_a_title_of_the_role(mention):
    # only an outlet noun (quotidien, journal) takes a capitalised title after it
    assert mention("Le député Les Républicains Damien Abad a parlé.", "Le").role == "député"


def test_mention_gender_from_title_determiner_and_first_name(mention):
    assert mention("Mme Leblanc a parlé hier.", "Mme").gender == "f"
    assert mention("La présidente Marie Roy a parlé.", "La").gender == "f"
    assert mention("Le ministre Paul Roy a parlé.", "Le").gender == "m"


def test_possessive_role_is_marked(mention):
    m = mention("Son porte-parole Jean Leduc a parlé.", "Son")
    assert m.possessive and m.role == "porte-parole" and m.name == "Jean Leduc"


def test_surname_keys_and_role_heads():
    assert surname_key("Bachar al-Assad") == surname_key("M. Assad") == "assad"
    assert surname_key("Staffan de Mistura") == "mistura"
    assert role_head("mairesse de Montréal") == "maire"
    assert role_concept("chef de la diplomatie américaine") == role_concept("secrétaire d'État américain")


def test_entity_canonical_name_is_the_fullest(quotes_of):
    text = ("Le sénateur Paul-André Lemieux a visité l’usine. « Elle doit rouvrir », a dit M. Lemieux. "
            "« Nous y veillerons », a ajouté Lemieux.")
    found = quotes_of(text)
    assert {q.speaker.name for q in found.values()} == {"Paul-André Lemieux"}
    assert {q.role for q in found.values()} == {"sénateur"}


def test_role_only_mention_resolves_through_an_equivalent_office(quotes_of):
    text = ("Le secrétaire d’État américain, Tom Baker, a rencontré son homologue russe, Ivan Sokolov. "
            "« Le dialogue avance », a dit le chef de la diplomatie américaine.")
    q = quotes_of(text)["Le dialogue avance"]
    assert q.speaker.name == "Tom Baker" and q.role == "chef de la diplomatie américaine"


def test_role_only_mention_keeps_nationalities_apart(quotes_of):
    text = ("Le président russe Igor Lenski a reçu Omar Haddad à Moscou. Le sort du président syrien reste incertain. "
            "« Je ne partirai pas », a affirmé le président syrien.")
    assert quotes_of(text)["Je ne partirai pas"].speaker.name == "Omar Haddad"


def test_pronoun_in_incise_prefers_the_last_speaker(quotes_of):
    text = ("« Le budget est prêt », a déclaré le ministre Henri Blanc. Il a croisé Marc Simon dans le couloir. "
            "« Nous le présenterons lundi », a-t-il ajouté.")
    assert quotes_of(text)["Nous le présenterons lundi"].speaker.name == "Henri Blanc"


def test_pronoun_gender_agreement(quotes_of):
    text = ("La juge Claire Dumas a parlé avec l’avocat Paul Martel. "
            "« La séance est levée », a-t-elle annoncé.")
    assert quotes_of(text)["La séance est levée"].speaker.name == "Claire Dumas"


def test_capital_stands_for_its_government(quotes_of):
    q = quotes_of("Washington a affirmé que les frappes cesseraient dès lundi.")[
        "les frappes cesseraient dès lundi"]
    assert q.speaker.name == "États-Unis" and q.speaker.kind == "organization"


def test_body_speaks(quotes_of):
    q = quotes_of("« Aucune décision n’a été prise », a indiqué le Kremlin.")["Aucune décision n’a été prise"]
    assert q.speaker.name == "Kremlin" and q.speaker.kind == "organization"


def test_anonymous_source_has_no_name_and_a_role(quotes_of):
    q = quotes_of("« La trêve tiendra », a confié une source proche du dossier.")["La trêve tiendra"]
    assert q.speaker.name is None and q.speaker.kind == "anonymous" and q.role == "source proche du dossier"


def test_definite_description_refers_back_to_an_unnamed_source(quotes_of):
    text = ("Une porte-parole de la mairie a confirmé que le parc fermera. "
            "La porte-parole a ajouté que les travaux dureront deux ans.")
    q = quotes_of(text)["les travaux dureront deux ans"]
    assert q.speaker.name is None and q.role == "porte-parole de la mairie"


def test_generic_role_gives_way_to_the_specific_one(quotes_of):
    text = ("La mairesse Louise Caron a tenu un point de presse. "
            "« Restez chez vous », a demandé l’élue.")
    q = quotes_of(text)["Restez chez vous"]
    assert q.speaker.name == "Louise Caron" and q.role == "mairesse"


def test_acronym_names_the_body(quotes_of):
    text = ("Le Centre de services scolaire de Laval (CSSL) a publié ses chiffres. "
            "Le CSSL a indiqué que trente postes restent vacants.")
    q = quotes_of(text)["trente postes restent vacants"]
    assert q.speaker.name == "Centre de services scolaire de Laval"  # the acronym is an alias, not the name


def test_bare_title_gives_way_to_the_fuller_role(quotes_of):
    text = ("Le chef du Service de police de Laval, Marc Pilon, a tenu un point de presse. "
            "« Nous serons présents », a dit le chef Pilon.")
    q = quotes_of(text)["Nous serons présents"]
    assert q.speaker.name == "Marc Pilon" and q.role == "chef du Service de police de Laval"


# -- name hygiene (issue 13): an entity's name is a name -----------------------------------------

@pytest.mark.parametrize("text, word, name, role", [
    # a title word is the role's, never the name
    ("Le Premier ministre Louis Vernet a parlé hier.", "Le", "Louis Vernet", "Premier ministre"),
    ("Le Premier ministre a parlé hier.", "Le", None, "Premier ministre"),
    ("La garde des Sceaux a répondu aux sénateurs.", "La", None, "garde des Sceaux"),
    ("Le Commissaire Divisionnaire Paul Noiret a parlé.", "Le", "Paul Noiret", "Commissaire Divisionnaire"),
    ("Le ministre de l'Économie Bruno Lemaître a parlé.", "Le", "Bruno Lemaître", "ministre de l'Économie"),
    # a party acronym after a role is an affiliation: part of the role
    ("Le député UDI a voté contre.", "Le", None, "député UDI"),
    ("La députée LaREM Claire Mondin a voté contre.", "La", "Claire Mondin", "députée LaREM"),
])
def test_titles_and_affiliations_are_roles_not_names(mention, text, word, name, role):
    m = mention(text, word)
    assert (m.name, m.role) == (name, role)


@pytest.mark.parametrize("text, word", [
    ("Sauf que le projet a été abandonné en mars.", "Sauf"),
    ("Quatre personnes ont été blessées samedi.", "Quatre"),
    ("Celui qui parle le plus fort gagne.", "Celui"),
])
def test_a_word_capitalised_by_its_place_is_no_name(mention, text, word):
    m = mention(text, word)
    assert m is None or m.name is None


# -- resolution (issue 13) ------------------------------------------------------------------------

def test_incise_pronoun_goes_to_the_person_named_before_the_quote_not_the_last_speaker(quotes_of):
    got = quotes_of("« Tout ira bien », a assuré Philippe Martin, économiste. Mais cela ne rassure pas "
                    "Charles Dupuis : « Je pense qu'il y aura des erreurs », prédit-il.")
    assert got["Tout ira bien"].speaker.name == "Philippe Martin"
    assert got["Je pense qu'il y aura des erreurs"].speaker.name == "Charles Dupuis"


@pytest.mark.parametrize("text, name", [
    ("Selon les chiffres du gouvernement, 12 000 personnes ont manifesté samedi dans le pays.", "gouvernement"),
    ("Selon une estimation publiée mercredi par l'Insee, la croissance a nettement ralenti en 2018.", "Insee"),
    ("Selon un récent sondage, le parti arrive largement en tête des intentions de vote.", "récent sondage"),
])
def test_a_document_speaks_for_its_author(quotes_of, text, name):
    (q,) = quotes_of(text).values()
    assert q.speaker.name == name and q.speaker.kind == "organization"


@pytest.mark.parametrize("text, word, role", [
    ("Des organisations patronales ont dénoncé le blocage.", "Des", "organisations patronales"),
    ("Un Français né à Lyon a été arrêté samedi.", "Un", "Français né à Lyon"),
])
def test_unnamed_bodies_and_people_are_anonymous(mention, text, word, role):
    m = mention(text, word)
    assert m.name is None and m.kind == "anonymous" and m.role.startswith(role.split()[0])


def test_a_role_nobody_holds_stays_unnamed_for_the_scorer(quotes_of):
    q = quotes_of("Le politologue Simon Fabre a commenté la crise. Le chef de l'État a déclaré qu'il répondrait "
                  "au mouvement en temps voulu.")["il répondrait au mouvement en temps voulu"]
    assert q.speaker.name is None and q.role == "chef de l'État"


def test_joint_speakers_are_one_speaker_and_plural_pronouns_find_them(quotes_of):
    found = quotes_of("« Nous resterons mobilisés », ont déclaré Paul Girard et Anne Roy dans un communiqué. "
                      "« Rien n'est réglé », ont-ils ajouté.")
    assert found["Nous resterons mobilisés"].speaker.name == "Paul Girard et Anne Roy"
    assert found["Rien n'est réglé"].speaker.name == "Paul Girard et Anne Roy"


@pytest.mark.parametrize("office", ["le président du Bundestag", "le maire de Pau"])
def test_an_office_said_with_its_own_qualifier_is_someone_else(quotes_of, office):
    """Emmanuel Macron carried other people's roles: président du Bundestag, maire de Pau."""
    found = quotes_of(f"Le président Emmanuel Macron a parlé mardi. « Nous avancerons », a déclaré {office}.")
    q = found["Nous avancerons"]
    assert q.speaker.name is None and q.role == office.split(" ", 1)[1]


@pytest.mark.parametrize("text, word, name", [
    ("Édouard Philippe à Matignon a reçu les syndicats mardi.", "Édouard", "Édouard Philippe"),
    ("Selon le ministère de l'Intérieur -, 12 000 personnes ont défilé.", "le", "ministère de l'Intérieur"),
])
def test_names_stop_at_prepositions_and_dashes(mention, text, word, name):
    assert mention(text, word).name == name


def test_a_verb_never_starts_a_name(mention):
    m = mention("Découvrez la France des régions en images.", "Découvrez")
    assert m is None or "Découvrez" not in (m.name or "")


@pytest.mark.parametrize("text, word, name, kind", [
    ("« Nous sommes prêts », a fait savoir Matignon mardi soir.", "Matignon", "Matignon", "organization"),
    ("Cette France des fins de mois difficiles se dit excédée.", "Cette", "France", "organization"),
])
def test_places_that_speak_are_bodies_whatever_the_first_names(mention, text, word, name, kind):
    m = mention(text, word)
    assert (m.name, m.kind) == (name, kind)


def test_numbered_things_are_not_people_but_numbered_kings_are(mention):
    assert mention("Louis XIV a parlé longuement.", "Louis").name == "Louis XIV"
    m = mention("L'Acte XII a rassemblé des milliers de personnes.", "L'")
    assert m is None or "XII" not in (m.name or "")


# -- descriptions, bodies and first names that refer back -----------------------------------------

def test_a_demonstrative_description_is_the_person_just_named(quotes_of):
    text = ("Paul Girard a encouragé les commerçants à voter au printemps. « Qu'ils s'organisent », "
            "a déclaré ce proche du président.")
    assert quotes_of(text)["Qu'ils s'organisent"].speaker.name == "Paul Girard"


def test_a_relation_to_an_office_is_not_the_office():
    # the concept is read at the role's head: « le porte-parole du président » is no head of state
    assert role_concept("porte-parole du président") is None
    assert role_concept("proche du président") is None
    assert role_concept("ancien président") == "head-of-state"


def test_a_name_after_a_participial_phrase_is_the_apposition(quotes_of):
    text = ("« Les enquêteurs ont saisi trois armes », a indiqué le procureur de Lyon, chargé de l'enquête, "
            "Marc Perrin.")
    q = quotes_of(text)["Les enquêteurs ont saisi trois armes"]
    assert q.speaker.name == "Marc Perrin" and q.role == "procureur de Lyon"


def test_a_bare_company_noun_is_the_company_named_before(quotes_of):
    text = ("La SNCF a été condamnée lundi à une lourde amende. "
            "L'entreprise a assuré qu'elle ferait appel de la décision.")
    q = quotes_of(text)["elle ferait appel de la décision"]
    assert q.speaker.name == "SNCF" and q.speaker.kind == "organization"


def test_a_bare_body_of_another_class_is_not_linked(quotes_of):
    # « le syndicat » is no company: the union stays what the article calls it
    text = ("La SNCF a été condamnée lundi à une lourde amende. "
            "Le syndicat a estimé que la direction devait payer.")
    q = quotes_of(text)["la direction devait payer"]
    assert q.speaker.name != "SNCF"


def test_a_first_name_alone_is_the_person_named_in_full(parse):
    from quotes.entities import EntityModel
    from quotes.entities.mentions import Mention
    doc = parse("Jacline Morvan a manifesté samedi. Puis Jacline est repartie.")
    k = next(t.i for t in doc.tokens if t.text == "Jacline" and t.i > 0)
    model = EntityModel.__new__(EntityModel)  # (only the mentions added here, not the tagger's)
    model.doc, model.year, model.entities, model.by_key, model.aliases = doc, None, [], {}, {}
    full = model.add(Mention(0, 2, 0, 14, "person", name="Jacline Morvan"))
    again = model.add(Mention(k, k + 1, doc.tokens[k].start, doc.tokens[k].end, "person", name="Jacline"))
    assert again is full and full.positions == [0, doc.tokens[k].start]


def test_positions_met_out_of_order_still_give_the_latest_before():
    from quotes.entities import Entity
    e = Entity(0, "person", "morvan", positions=[97, 2369, 529], roles=[(2369, "musicienne"), (529, "porte-parole")])
    assert e.last_before(2735) == 2369 and e.last_before(600) == 529
    assert e.role_near(2735) == "musicienne" and e.role_near(1000) == "porte-parole"


def test_a_bare_description_nobody_holds_is_the_last_speaker(quotes_of):
    text = ("« Les gens n'y croient plus », craint Charles Dumoulin, vice-président de la commission. "
            "« On est dans une ambiance de défiance », estime le député centriste.")
    assert quotes_of(text)["On est dans une ambiance de défiance"].speaker.name == "Charles Dumoulin"


def test_a_bare_office_is_its_holder_not_the_last_speaker(quotes_of):
    # « le Premier ministre » (one holder at a time, flag office) is never the person just quoted
    text = ("« Nous resterons ici toute la nuit », a dit Erwan Le Gall, un manifestant. "
            "Le Premier ministre a assuré qu'il avait entendu la colère des manifestants.")
    q = quotes_of(text)["il avait entendu la colère des manifestants"]
    assert q.speaker.name != "Erwan Le Gall"


def test_a_person_named_only_in_a_teaser_is_nobody_s_antecedent(quotes_of):
    text = ("« Il faut un dialogue », a déclaré mardi Mgr Olivier Rivière à la radio.\n"
            "» LIRE AUSSI - Gilets jaunes : Philippe dénonce la « radicalisation »\n"
            "« C'est le rôle de l'Église de permettre cela », a-t-il ajouté.")
    assert quotes_of(text)["C'est le rôle de l'Église de permettre cela"].speaker.name == "Olivier Rivière"


def test_elle_after_a_body_just_quoted_is_that_body(quotes_of):
    text = ("La préfecture du Var a dénoncé « une journée de violences ». « Des manifestants voulaient "
            "s'en prendre aux bâtiments publics », a-t-elle affirmé.")
    q = quotes_of(text)["Des manifestants voulaient s'en prendre aux bâtiments publics"]
    assert q.speaker.name == "préfecture du Var" and q.speaker.kind == "organization"


def test_il_after_a_body_goes_to_the_person_the_sentence_names(quotes_of):
    text = ("Le gouvernement a promis que les crédits d'impôt seraient versés. Des mesures qui ne "
            "rassurent pas Charles Dumoulin : « Il va y avoir des bugs », prédit-il.")
    assert quotes_of(text)["Il va y avoir des bugs"].speaker.name == "Charles Dumoulin"


def test_a_name_after_a_party_apposition_is_the_speaker(quotes_of):
    text = ("« Aucun rapport », a réagi le chef de file du parti de gauche, La France insoumise, "
            "Jean-Luc Mélenchon.")
    q = quotes_of(text)["Aucun rapport"]
    assert q.speaker.name == "Jean-Luc Mélenchon" and q.role == "chef de file du parti de gauche"


def test_a_description_no_list_has_is_the_last_speaker_too(quotes_of):
    text = ("« Je ne lâcherai rien », a promis Jacqueline Morvan, porte-parole du collectif. "
            "« Je m'en fiche », balaye la quinqua.")
    q = quotes_of(text)["Je m'en fiche"]
    assert q.speaker.name == "Jacqueline Morvan" and q.role == "porte-parole du collectif"


def test_selon_elle_looks_to_the_last_speaker_first_even_of_unknown_gender(quotes_of):
    # Brune is in no list of first names: the speaker just quoted still wins over Delphine, named before
    text = ("Delphine Gény a présenté le plan mardi. « Le gouvernement s'engage à lever les freins », "
            "a assuré Brune Poirson. Un compteur sera mis en place pour les entreprises, selon elle.")
    q = quotes_of(text)["Un compteur sera mis en place pour les entreprises"]
    assert q.speaker.name == "Brune Poirson"


@pytest.mark.parametrize("text, name", [
    ("Il est entré en hurlant « Jean Valjean » dans la salle.", "Jean Valjean"),
    ("Le marché de Noël de Strasbourg a rouvert lundi matin.", "Noël de Strasbourg"),
])
def test_a_whole_quote_or_a_place_is_no_person(quotes_of, parse, text, name):
    from quotes.entities import EntityModel
    model = EntityModel(parse(text))
    assert name not in {e.name for e in model.entities if e.kind == "person"}


def test_a_capitalised_group_is_no_person_but_a_party_stays_a_body(quotes_of):
    q = quotes_of("Les Gilets jaunes ont assuré qu'ils reviendraient samedi.")["ils reviendraient samedi"]
    assert q.speaker.name is None and q.speaker.kind == "anonymous"
    q = quotes_of("Les Républicains ont estimé que la réforme était mauvaise.")["la réforme était mauvaise"]
    assert q.speaker.kind == "organization"


def test_a_plural_phrase_before_a_name_is_not_the_person_s_role(quotes_of):
    q = quotes_of("Devant les maires, Emmanuel Macron a dit que la réforme serait menée.")["la réforme serait menée"]
    assert q.speaker.name == "Emmanuel Macron" and q.role != "maires"


def test_a_role_of_two_words_ends_a_name_but_a_surname_like_a_role_does_not(quotes_of):
    # a headline glued to the lead: « … » selon Anne Roy La Première ministre Anne Roy …
    q = quotes_of("« Inacceptable » selon Anne Roy La Première ministre Anne Roy a visité les sinistrés.")["Inacceptable"]
    assert q.speaker.name == "Anne Roy"
    q = quotes_of("Selon Bruno Le Maire, la croissance ralentira cette année en France.")
    assert [x.speaker.name for x in q.values()] == ["Bruno Le Maire"]


def test_an_institution_named_by_its_seat_is_the_institution(quotes_of):
    found = quotes_of("Les blindés seront mobilisés samedi, a fait savoir l'Intérieur. « Nous sommes prêts », a indiqué Beauvau.")
    assert {q.speaker.name for q in found.values()} == {"ministère de l'Intérieur"}
    assert all(q.speaker.kind == "organization" for q in found.values())


def test_a_fragment_in_a_relative_or_after_an_opening_participle_is_the_subject_s(quotes_of):
    text = ("Jacline Moreau a lancé une pétition. Horripilée par « la chasse aux conducteurs », cette femme "
            "de 51 ans est devenue célèbre. La militante qui réclame « un peu de respect » ne lâche rien.")
    found = quotes_of(text)
    assert found["la chasse aux conducteurs"].speaker.name == "Jacline Moreau"
    assert found["un peu de respect"].speaker.name == "Jacline Moreau"


def test_il_goes_to_the_subject_of_the_sentence_before_not_a_nearer_object(quotes_of):
    q = quotes_of("Le sénateur Éric Girard n'est pas tendre avec Paul Roy. « C'est une erreur », dénonce-t-il.")
    assert q["C'est une erreur"].speaker.name == "Éric Girard"


def test_a_description_goes_back_to_the_journalists_narrative_not_to_a_name_inside_a_quote(quotes_of):
    found = quotes_of("Éric Girard a longuement parlé devant les élus du département. « Je conteste cette réforme, "
                      "Paul Roy s'est trompé de priorité », a-t-il dit. Surtout, l'ancien ministre regrette que la "
                      "majorité n'écoute pas l'opposition.")
    assert found["la majorité n'écoute pas l'opposition"].speaker.name == "Éric Girard"


def test_an_office_is_not_linked_to_a_person_by_proximity_alone(quotes_of):
    text = ("« Il n’y a pas de questions interdites », prévient Emmanuel Macron dans sa lettre. Le dispositif "
            "doit être précisé aujourd’hui par le premier ministre. « Nous irons vite », a ajouté le président.")
    found = quotes_of(text)
    assert {q.role for q in found.values()} == {"président"}


def test_a_common_noun_before_de_is_no_part_of_a_name_and_a_page_is_a_body(quotes_of):
    found = quotes_of("Les manifestants ont prévu un rassemblement dans le centre vers 14 heures, selon leur page Facebook.")
    assert [(q.speaker.name, q.speaker.kind) for q in found.values()] == [("Facebook", "organization")]



def test_a_heading_s_common_noun_is_not_part_of_the_name_after_it(mention):
    m = mention("Lettre de Macron : les propositions du président pour le grand débat.", "Lettre")
    assert m is None or m.name in (None, "Macron")


@pytest.mark.parametrize("text, quote, name, role", [
    # a capitalised article after a first name is the surname's, no « le maire »
    ("« Nous tiendrons le cap », a dit Paul Girard. Le ministre Bruno Le Maire a répondu plus tard.",
     "Nous tiendrons le cap", "Paul Girard", None),
    # « dans le cadre de » names no cadre
    ("Paul Girard a parlé dans le cadre de la visite. « Nous tiendrons le cap », a-t-il dit.",
     "Nous tiendrons le cap", "Paul Girard", None),
    # a description goes back to the subject, not to a complement named later
    ("Après avoir obtenu de Paul Girard une baisse des taxes, Anne Roy reste ferme. La maire de Pau affirme "
     "que « rien n'est réglé ».", "rien n'est réglé", "Anne Roy", "maire de Pau"),
])
def test_descriptions_are_not_read_in_names_idioms_or_complements(quotes_of, text, quote, name, role):
    found = {q.text: q for q in quotes_of(text).values()}
    q = next(q for t, q in found.items() if quote in t)
    assert q.speaker.name == name and q.role == role


def test_a_name_inside_the_quote_is_not_the_incise_pronoun_and_brackets_leave_names(quotes_of):
    text = ("Mme Loiseau, « peut-être, ne se souvient pas du président [français Paul] Girard quand il nous "
            "comparait à des voleurs », a-t-il ajouté. « Le peuple français est notre ami », a déclaré le ministre "
            "Luigi Rossi.")
    found = quotes_of(text)
    assert {q.speaker.name for q in found.values()} == {"Luigi Rossi"}


@pytest.mark.parametrize("text", [
    "Après la manifestation du 29 décembre, quatre Gilets jaunes ont été jugés à Caen.",  # the tagger: PER
])
def test_a_counted_group_is_no_person(parse, text):
    from quotes.entities import EntityModel

    assert not [e for e in EntityModel(parse(text)).entities if e.kind == "person" and "Gilets" in (e.name or "")]


def test_a_party_word_after_a_role_is_the_role_s_and_a_person_s_party_is_no_abbreviation(quotes_of, parse):
    from quotes.entities import EntityModel

    q = quotes_of("« C'est une boulette », a estimé sur BFMTV le député Insoumis Alexis Corbière.")["C'est une boulette"]
    assert q.speaker.name == "Alexis Corbière" and q.role == "député Insoumis"
    doc = parse("Paul Girard « divise la France », selon Jordan Bardella (RN). Le RN a ensuite confirmé.")
    assert not [e for e in EntityModel(doc).entities if e.kind == "organization" and "Bardella" in " ".join(e.names)]


@pytest.mark.parametrize("text, name", [
    ("Selon l'étude Ipsorama, 42 % des revendeurs conservent l'argent.", "Ipsorama"),
    ("Selon le ministère de l'Intérieur, 12 000 personnes ont défilé samedi.", "ministère de l'Intérieur"),
    ("Les deux hommes seront jugés le 13 juin, selon le quotidien régional La Montagne.", "La Montagne"),
    ("La chef parlementaire de Québec solidaire (QS), Manon Massé, était là. « Il faut agir », a déclaré QS.",
     "Québec solidaire"),
])
def test_a_body_is_named_as_the_article_names_it(quotes_of, text, name):
    assert name in {q.speaker.name for q in quotes_of(text).values()}


def test_one_of_a_group_is_a_role_and_feminine_plurals_are_roles(quotes_of):
    q = quotes_of("« Ça se passe plutôt mal », reconnaît Lydie Coulon, l'une des administratrices du Vrai Débat.")
    assert q["Ça se passe plutôt mal"].role == "administratrices du Vrai Débat"


def test_feminine_plural_roles_are_found():
    from quotes import lexicon

    assert lexicon.roles().match(["administratrices"], 0)[1] == "f"
    assert lexicon.roles().match(["ministres"], 0) is not None


@pytest.mark.parametrize("text, word, name", [
    ("Les tarifs baissent, avait-on précisé du côté de Vinci hier.", "Vinci", "Vinci"),
])
def test_a_name_does_not_open_on_a_particle(mention, text, word, name):
    assert mention(text, word).name == name


def test_a_tweet_link_before_a_signature_is_no_part_of_the_name():
    from quotes.entities.mentions import GLUED_PREFIX

    assert GLUED_PREFIX.sub("", "https://t.co/a9rujFoGZ3— Paul Girard") == "Paul Girard"
    assert GLUED_PREFIX.sub("", "Jean-Luc Roy") == "Jean-Luc Roy"


@pytest.mark.parametrize("text, word, role", [
    # the name completes the noun: the speaker is someone close to that person, not that person
    ("Un proche de Paul Girard a parlé hier.", "Un", "proche de Paul Girard"),
    ("L'avocat de M. Girard a parlé hier.", "L'", "avocat de M. Girard"),
    ("Ils citent Max Dubois, conseiller outre-mer de Paul Girard pendant la campagne.", "conseiller",
     "conseiller outre-mer de Paul Girard"),
])
def test_a_name_after_a_noun_and_de_is_its_complement_not_the_speaker(mention, text, word, role):
    m = mention(text, word)
    assert m.name is None and m.role == role


def test_a_description_never_goes_back_to_the_person_it_names(quotes_of):
    found = quotes_of("Paul Girard a été blessé samedi à Rouen. « Il a perdu un œil », a déclaré l'avocat de "
                      "Paul Girard.")
    assert found["Il a perdu un œil"].speaker.name != "Paul Girard"


@pytest.mark.parametrize("text, word, role", [
    ("Le ministre de l'Agriculture lundi a parlé aux éleveurs.", "Le", "ministre de l'Agriculture"),
    ("Le bilan de mardi a été publié.", "Le", None),
])
def test_a_day_after_a_role_is_when_not_part_of_the_role(mention, text, word, role):
    assert mention(text, word).role == role


def test_a_role_word_after_another_noun_is_its_adjective(mention):
    assert mention("Le mouvement lycéen perturbe les cours depuis lundi.", "Le").role != "lycéen"


@pytest.mark.parametrize("text", [
    "Beaucoup disent ne pas être Gilets jaunes, mais soutenir le mouvement.",
    "Des Bonnets rouges ont bloqué la route.",
])
def test_a_capitalised_plural_with_its_adjective_is_a_group(parse, text):
    from quotes.entities import EntityModel

    assert not [e for e in EntityModel(parse(text)).entities if e.kind == "person"]


def test_a_first_name_with_an_age_is_a_person(parse):
    from quotes.entities import EntityModel

    doc = parse("Sur le rond-point, Odile, 52 ans, distribue des tracts depuis le matin.")
    people = [(e.name, e.gender) for e in EntityModel(doc).entities if e.kind == "person"]
    assert people == [("Odile", "f")]


def test_a_description_that_is_a_source_goes_back_to_the_last_person_quoted(quotes_of):
    text = ("« Le gouvernement a repris la main », constate Paul Girard, du Centre d'études politiques. Depuis, "
            "Anne Roy multiplie les déplacements en région. Elle répond à toutes les questions, donnant un air "
            "d'« examen oral » à ces débats, selon le politologue.")
    found = quotes_of(text)
    q = next(q for t, q in found.items() if "examen oral" in t)
    assert q.speaker.name == "Paul Girard"


@pytest.mark.parametrize("text, name, role", [
    # the tagger reads « Éducation Jean-Michel Berger » as one body: the first name opens the person
    ("De son côté, le ministre de l'Éducation Jean-Michel Berger a mis en garde les lycéens.", "Jean-Michel Berger",
     "ministre de l'Éducation"),
    ("« Assez ! », a tweeté le secrétaire national du Parti radical Fabien Morel.", "Fabien Morel",
     "secrétaire national du Parti radical"),
])
def test_a_person_named_after_a_role_s_complement_is_the_name(mention, text, name, role):
    m = mention(text, "le")
    assert (m.name, m.role) == (name, role)


def test_an_official_of_justice_is_no_new_word_for_another_party_to_the_trial(quotes_of):
    text = ("Paul Girard était jugé mardi à Paris. « Je n'ai rien fait de mal », a dit le prévenu. Le procureur, "
            "au contraire, y voit une faute. « Il savait ce qu'il faisait », a insisté le procureur.")
    q = quotes_of(text)["Il savait ce qu'il faisait"]
    assert q.speaker is None or q.speaker.name != "Paul Girard"


def test_a_body_s_name_that_opens_on_a_first_name_is_no_person(mention):
    m = mention("Ils étaient là, ont constaté des journalistes de l'Agence France-Presse.", "des")
    assert m.name is None and m.role == "journalistes de l'Agence France-Presse"


def test_a_name_the_article_calls_a_body_is_that_body_throughout(quotes_of):
    found = quotes_of("« Le trafic reprend », a indiqué Vinci dimanche. Le groupe Vinci a précisé que « deux échangeurs "
                      "restent fermés ». « Les dégâts sont considérables », ajoute Vinci.")
    assert {(q.speaker.name, q.speaker.kind) for q in found.values()} == {("Vinci", "organization")}


@pytest.mark.parametrize("text, quote", [
    # a minister's seat names its holder, not the person just quoted
    ("« Une extrême violence est venue attaquer la République », a réagi Paul Girard sur Twitter. Le ministre de "
     "l'Agriculture a assuré que ce mouvement n'était « pas représentatif des éleveurs ».", "pas représentatif"),
])
def test_a_seat_is_not_the_person_just_named(quotes_of, text, quote):
    q = next(q for t, q in quotes_of(text).items() if quote in t)
    assert q.speaker is None or q.speaker.name != "Paul Girard"


def test_a_description_in_a_complement_of_the_person_s_sentence_is_someone_else(parse):
    from quotes.entities import EntityModel

    doc = parse("Mais Paul Girard a appelé les éleveurs au calme : leur colère a été entendue par le préfet de la Manche.")
    girard = next(e for e in EntityModel(doc).entities if e.name == "Paul Girard")
    assert girard.roles == []


@pytest.mark.parametrize("text, role", [
    # a first name inside a place the tagger found (La France) is no person: the body's name goes on
    ("Le leader de La France insoumise a annoncé qu'il irait à l'Élysée.", "leader de La France insoumise"),
    # an article inside a body's name (Debout la France) does not open another phrase
    ("Le président de Debout la France a dénoncé la réforme.", "président de Debout la France"),
    ("Le ministre de l'Intérieur la semaine dernière a parlé.", "ministre de l'Intérieur"),
])
def test_a_role_runs_to_the_end_of_the_body_s_name(mention, text, role):
    assert mention(text, "Le").role == role


def test_a_surname_that_is_a_role_word_is_no_role(mention):
    m = mention("Il y a deux semaines, Bruno Le Maire avait assuré que rien ne changerait.", "Bruno")
    assert (m.name, m.role) == ("Bruno Le Maire", None)


def test_a_source_phrase_before_a_name_is_no_apposition(parse):
    from quotes.entities import EntityModel

    doc = parse("Le procès a repris mardi. Pour le procureur, Paul Girard doit être déclaré coupable.")
    assert [(e.name, e.roles) for e in EntityModel(doc).entities if e.kind == "person"] == [("Paul Girard", [])]


def test_the_object_of_a_present_participle_is_no_subject_nor_source(parse):
    from quotes.entities import EntityModel

    doc = parse("Jean-Luc Morel a déploré samedi que « la force ait été utilisée », qualifiant Paul Girard de "
                "« président flashball ». Le leader du Parti radical a annoncé qu'il irait à l'Élysée.")
    roles = {e.name: [r for _, r in e.roles] for e in EntityModel(doc).entities if e.kind == "person"}
    assert roles == {"Jean-Luc Morel": ["leader du Parti radical"], "Paul Girard": []}


@pytest.mark.parametrize("text", [
    # a description in the person's own quote is someone they speak of
    "Paul Girard était lundi sur un plateau. « J'appelle à attendre mardi de voir ce que le président de la "
    "République daigne dire aux Français », a-t-il expliqué.",
])
def test_a_description_in_a_quote_is_someone_the_speaker_speaks_of(parse, text):
    from quotes.entities import EntityModel

    quoted = [(text.index("« J'"), text.index("»") + 1)] if "« J'" in text else []
    girard = next(e for e in EntityModel(parse(text), quoted).entities if e.name == "Paul Girard")
    assert girard.roles == []


def test_an_inverted_source_is_a_subject_a_later_description_can_go_back_to(parse):
    from quotes.entities import EntityModel

    doc = parse("Si Marc Leroy a gardé ses armes, c'était pour prouver qu'il était l'auteur des faits, a assené mardi "
                "Me Paul Girard devant la cour. L'avocat des parties civiles a ainsi comparé l'accusé à un soldat.")
    roles = {e.name: [r for _, r in e.roles] for e in EntityModel(doc).entities if e.kind == "person"}
    assert roles["Marc Leroy"] == []


def test_a_demonstrative_does_not_go_back_to_a_person_named_as_an_object(quotes_of):
    text = ("Paroles de manifestants à Rouen\nLes manifestants criaient samedi leur colère contre Paul Girard. "
            "Voici leurs témoignages.\n"
            "« Je suis venu pour participer, mais tranquillement », prévient ce chômeur de 43 ans.")
    q = quotes_of(text)["Je suis venu pour participer, mais tranquillement"]
    assert q.speaker is None or q.speaker.name != "Paul Girard"


def test_the_words_for_the_head_of_one_body_name_one_seat(parse):
    from quotes.entities import EntityModel
    from quotes.entities.roles import same_seat

    assert same_seat("président du Parti radical", "patron du Parti radical")
    assert not same_seat("président du Parti radical", "président du Sénat")
    doc = parse("Paul Girard a salué les annonces de Marc Leroy. Malgré ces nouvelles, le patron du Parti radical se "
                "veut prudent. Si Marc Leroy a répondu, d'autres sujets restent en suspens, selon Paul Girard. Le "
                "président du Parti radical se dit favorable au référendum.")
    roles = {e.name: {r for _, r in e.roles} for e in EntityModel(doc).entities if e.kind == "person"}
    assert roles == {"Paul Girard": {"patron du Parti radical", "président du Parti radical"}, "Marc Leroy": set()}


def test_a_plural_description_is_a_group_not_the_last_speaker(quotes_of):
    found = quotes_of("« Nous tiendrons », a lancé le député Paul Girard samedi. « Il faut un vrai débat », réclament "
                      "les élus communistes.")
    q = found["Il faut un vrai débat"]
    assert q.speaker.kind == "anonymous" and q.speaker.name is None



def test_a_description_guessed_by_proximity_names_that_quote_s_role_only(quotes_of):
    filler = "La route départementale restait coupée dans les deux sens pendant toute la matinée de samedi. " * 8
    found = quotes_of("« Nous tiendrons », a dit Paul Girard. " + filler + "« C'est fini », lâche le sénateur. Le "
                      "lendemain, Paul Girard a assuré que « rien n'est perdu ».")
    assert found["C'est fini"].role == "sénateur"
    assert found["rien n'est perdu"].speaker.name == "Paul Girard" and found["rien n'est perdu"].role is None
