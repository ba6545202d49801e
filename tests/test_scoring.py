"""The learned parts: weights as data, folds by article, the discourse model, training on a toy gold."""
from __future__ import annotations

import json

import pytest

from quotes.errors import QuotesError
from quotes.scoring.train import folds
from quotes.scoring.weights import LinearModel, load_weights


def test_folds_split_articles_not_quotes():
    ids = [f"a{i}" for i in range(11)]
    parts = folds(ids, 5)
    assert len(parts) == 5
    assert sorted(x for p in parts for x in p) == sorted(ids)  # every article once
    assert all(not set(p) & set(q) for i, p in enumerate(parts) for q in parts[i + 1:])
    assert folds(ids, 5) == parts  # the same split every time (a fixed seed)
    with pytest.raises(QuotesError):
        folds(ids, 12)


def test_missing_weights_name_the_file(tmp_path):
    path = tmp_path / "nowhere.json"
    with pytest.raises(QuotesError) as e:
        load_weights(path)
    assert str(path) in e.value.message and "missing" in e.value.message
    assert "quotes train" in e.value.hint


@pytest.mark.parametrize("content, where", [
    ("{not json", "corrupt"),
    (json.dumps({"speaker": {"intercept": 0, "coef": {}}}), "fragment"),
    (json.dumps({"speaker": {"intercept": 0, "coef": {"x": "y"}}, "fragment": {"intercept": 0, "coef": {}}}),
     "speaker.coef.x"),
])
def test_corrupt_weights_name_the_file_and_the_place(tmp_path, content, where):
    path = tmp_path / "w.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(QuotesError) as e:
        load_weights(path)
    assert str(path) in e.value.message and "corrupt" in e.value.message and where in e.value.message


def test_linear_model_is_a_logistic_regression():
    m = LinearModel(intercept=-1.0, coef={"a": 2.0, "b": -0.5})
    assert m.logit({"a": 1.0, "b": 2.0, "unknown": 5.0}) == pytest.approx(0.0)
    assert m.probability({"a": 1.0, "b": 2.0}) == pytest.approx(0.5)
    assert m.probability({"a": 3.0}) > 0.99


def test_the_package_weights_load():
    w = load_weights()
    assert w.speaker.coef and w.fragment.coef


# -- with the French model -----------------------------------------------------------------------

TOY = [
    ("Le maire Paul Girard a présenté le budget mardi. « Nous allons investir dans les écoles », a-t-il déclaré.\n"
     "La salle a longuement applaudi le discours du maire hier soir.\n"
     "« Les impôts locaux ne monteront pas cette année. »\n"
     "La conseillère Anne Roy a critiqué le projet. « C'est un budget de façade », a-t-elle dit.\n"
     "« Rien n'est prévu pour les quartiers du nord. »\nLe plan baptisé « Cap Nord » sera voté en mai.\n",
     ["Paul Girard", "Paul Girard", "Anne Roy", "Anne Roy"]),
    ("La directrice Julie Marchand a reçu les parents. « L'école restera ouverte », a-t-elle promis.\n"
     "La réunion a duré plus de deux heures dans une ambiance tendue.\n"
     "« Nous trouverons des enseignants pour la rentrée. »\n"
     "Le syndicaliste Marc Petit reste sceptique. « Les promesses ne suffisent plus », a-t-il répondu.\n"
     "« Il manque encore six postes dans le quartier. »\nLes « classes vertes » reprendront en juin.\n",
     ["Julie Marchand", "Julie Marchand", "Marc Petit", "Marc Petit"]),
    ("L'entraîneur Luc Bernard a commenté la défaite. « Nous avons manqué de rigueur », a-t-il reconnu.\n"
     "Le vestiaire est resté silencieux pendant de longues minutes après le match.\n"
     "« Il faudra corriger cela avant samedi. »\n"
     "Le capitaine Hugo Lefort a défendu ses coéquipiers. « Le groupe reste soudé », a-t-il assuré.\n"
     "« Nous allons nous relever très vite. »\nLe match contre les « Aigles » aura lieu samedi.\n",
     ["Luc Bernard", "Luc Bernard", "Hugo Lefort", "Hugo Lefort"]),
]


def _toy_gold(tmp_path):
    import regex

    for n, (text, speakers) in enumerate(TOY):
        quotes = []
        for m, who in zip(regex.finditer(r"« ([^»]{20,}?) »", text), speakers):
            quotes.append({"text": m.group(1), "start": m.start(1), "end": m.end(1), "type": "direct",
                           "speaker": who, "role": None})
        (tmp_path / f"toy-{n}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"toy-{n}.gold.json").write_text(json.dumps({"doc_id": f"toy-{n}", "quotes": quotes}),
                                                     encoding="utf-8")
    return tmp_path


@pytest.mark.model
def test_scorer_trained_on_a_toy_gold_gives_uncued_quotes_to_the_current_speaker(tmp_path, extractor):
    from quotes.evaluate import load_gold
    from quotes.pipeline import Extractor
    from quotes.scoring.train import analyse_all, train

    gold = load_gold(_toy_gold(tmp_path))
    weights = train(analyse_all(extractor, gold), gold)
    path = tmp_path / "w.json"
    weights.dump(path)
    ex = Extractor(backend=extractor.backend, weights=path)
    text = ("La ministre Claire Dubois a visité l'usine. « Le site ne fermera pas », a-t-elle affirmé.\n"
            "La visite a duré toute la matinée sous une pluie battante.\n"
            "« Les salariés peuvent compter sur nous. »\n")
    quotes = ex.extract(text, "held-out")
    assert [q.speaker.name for q in quotes] == ["Claire Dubois", "Claire Dubois"]
    assert quotes[1].rule == "discourse:current-speaker" and quotes[1].cue is None


@pytest.mark.model
def test_discourse_salience_current_speaker_and_protagonist(parse):
    from quotes.entities import EntityModel
    from quotes.entities.discourse import Discourse

    text = ("Le maire Paul Girard défend son budget\n"
            "Paul Girard a présenté mardi le budget de la ville. Il a rencontré Anne Roy à la mairie.\n"
            "Les travaux commenceront en mars, selon le calendrier.\n"
            "Plus tard, Anne Roy a répondu aux journalistes.\n")
    doc = parse(text)
    entities = EntityModel(doc)
    disc = Discourse.build(doc, entities)
    girard = next(e for e in entities.entities if e.name == "Paul Girard")
    roy = next(e for e in entities.entities if e.name == "Anne Roy")
    mid = text.index("Les travaux")
    ranked = [e for e, _ in disc.ranked(mid)]
    assert ranked[:2] == [girard, roy]  # the headline and a subject beat an object
    assert disc.protagonist() is girard
    disc.note_quote(text.index("Les travaux"), girard.id)
    assert disc.current_speaker(text.index("Plus tard")) is girard
    assert disc.current_speaker(len(text) - 1) is None  # Anne Roy is the subject since


def test_words_in_marks_after_a_naming_word_are_a_title_unless_the_word_is_a_verb(quotes_of):
    # accented naming words count too (série, émission); « a appelé » is the speech verb
    found = quotes_of("Retrouvez toute notre série « Comprendre les deux Frances » sur notre site.")
    assert "Comprendre les deux Frances" not in found
    found = quotes_of("Le ministre Paul Girard a appelé « solennellement » au calme dans les rues.")
    assert "solennellement" in found


def test_naming_is_read_on_folded_words():
    from quotes.candidate import Candidate
    from quotes.direct import named
    text = "Voici l'émission « Les Grands Débats » et il a dit « non »."
    first = text.index("«")
    q = Candidate("direct", first + 2, text.index("»") - 1, outer_start=first, outer_end=text.index("»") + 1)
    assert named(q, text)
    second = text.index("« non")
    q = Candidate("direct", second + 2, second + 5, outer_start=second, outer_end=second + 7)
    assert not named(q, text)


@pytest.mark.model
def test_fragment_evidence_tells_judging_words_from_a_named_thing(parse):
    from quotes.candidate import Candidate
    from quotes.scoring import fragments

    text = ("Paul Girard juge la réforme « inacceptable ». Il dénonce « la casse sociale » du gouvernement. "
            "Le parti « Renaissance » tient son congrès.")
    doc = parse(text)

    def evidence(words: str) -> dict:
        a = text.index(words)
        q = Candidate("direct", a, a + len(words), outer_start=a - 2, outer_end=a + len(words) + 2)
        return fragments.features(q, doc, fragments.ArticleWords(doc, [q]))

    judged, own, name = evidence("inacceptable"), evidence("la casse sociale"), evidence("Renaissance")
    assert judged.get("judgement_only") and judged.get("person_in_sentence")
    assert own.get("determiner_inside") and own.get("noun_and_adjective") and own.get("he_or_she_subject")
    assert not any(name.get(k) for k in ("judgement_only", "determiner_inside", "person_in_sentence"))


def test_quote_shape_for_the_speaker_scorer():
    from types import SimpleNamespace

    from quotes.candidate import Candidate
    from quotes.scoring.speakers import _shape

    text = "« Nous tiendrons bon », « sur la rue de la Loi », « La réforme sera votée en mars prochain »"
    disc = SimpleNamespace(doc=SimpleNamespace(text=text))

    def shape(words: str) -> str:
        a = text.index(words)
        return _shape(Candidate("direct", a, a + len(words)), disc)

    assert shape("Nous tiendrons bon") == "first_person"
    assert shape("sur la rue de la Loi") == "sentence"  # six words: more than a fragment
    assert shape("La réforme sera votée en mars prochain") == "sentence"
    assert _shape(Candidate("direct", 0, 9), SimpleNamespace(doc=SimpleNamespace(text="le grand soir"))) == "fragment"


@pytest.mark.model
def test_discourse_remembers_where_each_entity_was_last_quoted(parse):
    from quotes.entities import EntityModel
    from quotes.entities.discourse import Discourse

    text = "Paul Girard a parlé.\nAnne Roy a répondu.\nLa séance a été levée.\n"
    doc = parse(text)
    entities = EntityModel(doc)
    disc = Discourse.build(doc, entities)
    girard = next(e for e in entities.entities if e.name == "Paul Girard")
    assert disc.last_quoted(girard, len(text)) is None
    disc.note_quote(3, girard.id)
    disc.note_quote(text.index("Anne"), girard.id)
    assert disc.last_quoted(girard, text.index("La séance")) == text.index("Anne")
    assert disc.last_quoted(girard, text.index("Anne")) == 3


def test_words_read_on_a_sign_have_no_speaker(quotes_of):
    from quotes.candidate import Candidate
    from quotes.direct import on_sign

    text = ("« Rendez-nous l'ISF », pouvait-on lire sur une pancarte. « Démission », ont scandé les "
            "manifestants devant la mairie.")
    first, second = text.index("«"), text.index("« Démission")
    sign = Candidate("direct", first + 2, text.index("»") - 1, outer_start=first, outer_end=text.index("»") + 1)
    chant = Candidate("direct", second + 2, second + 12, outer_start=second, outer_end=second + 14)
    assert on_sign(sign, text) and not on_sign(chant, text)  # (the sign is the sentence before)
    found = quotes_of(text)
    assert "Rendez-nous l'ISF" not in found and "Démission" in found


@pytest.mark.model
def test_a_speech_verb_just_before_the_marks_is_evidence(parse):
    from quotes.candidate import Candidate
    from quotes.scoring import fragments

    text = "Paul Girard a dénoncé « une casse sociale » du gouvernement. Le parti « Renaissance » tient son congrès."
    doc = parse(text)

    def evidence(words: str) -> dict:
        a = text.index(words)
        q = Candidate("direct", a, a + len(words), outer_start=a - 2, outer_end=a + len(words) + 2)
        return fragments.features(q, doc, fragments.ArticleWords(doc, [q]))

    assert evidence("une casse sociale").get("cue_just_before") and not evidence("Renaissance").get("cue_just_before")
