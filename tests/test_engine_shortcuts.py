"""The engine's speed shortcuts (after the parse): caches kept with their document, indexes over
the lexicons, and cheap tests that skip work. Each gives what the long way gives, on sentences
written for these tests; a cache never outlives or crosses its document."""
from __future__ import annotations

import copy
import random
import unicodedata
from dataclasses import MISSING, fields, replace

import pytest

from quotes import lexicon
from quotes.entities.mentions import Mention
from quotes.lexicon import fold

TEXT = (
    "Le porte-parole du gouvernement, Marc Dufresne, a déclaré mardi que la réforme serait votée avant l'été. "
    "La ministre de la Santé a précisé que le président de la République recevrait les syndicats jeudi.\n"
    "Selon une source proche du dossier, le directeur général de l'hôpital Saint-Luc a démissionné.\n"
    "Le président syrien Karim Haddad est arrivé lundi à Genève pour des discussions. Les négociateurs "
    "l'attendaient depuis des semaines. Le président syrien a répondu qu'il ne céderait pas. "
    "Le marché de Noël a fermé ses portes. Le visiteur, ministre de l'Intérieur depuis mars, a confirmé "
    "la décision.\n"
    "« Nous restons prudents », a ajouté la porte-parole de la mairie, Julie Caron-Dubois."
)


def _brute_match(words: list[str], i: int):
    """The longest role form at words[i:], tried at every length (RoleIndex.match without its index)."""
    forms = lexicon.roles().forms
    for n in range(len(words) - i, 0, -1):
        hit = forms.get(tuple(words[i:i + n]))
        if hit:
            return hit[0], hit[1], n
    return None


def test_role_match_by_first_word_finds_what_every_length_finds():
    index = lexicon.roles()
    vocabulary = sorted({w for form in index.forms for w in form}) + ["zzz", "de", "la"]
    rng = random.Random(7)
    for form in index.forms:  # every form, alone and followed by other words
        words = list(form)
        assert index.match(words, 0) == _brute_match(words, 0)
        words = words + rng.sample(vocabulary, 2)
        assert index.match(words, 0) == _brute_match(words, 0)
    for _ in range(300):  # phrases of role words in any order
        words = [rng.choice(vocabulary) for _ in range(6)]
        for i in range(len(words) + 1):
            assert index.match(words, i) == _brute_match(words, i)
    assert index.match(["premier", "ministre", "du", "canada"], 0)[2] == 2


def _fold_long_way(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("\xad", ""))  # (soft hyphens dropped)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


@pytest.mark.parametrize("word", ["Kremlin", "PORTE-PAROLE", "l'ONU", "".join(map(chr, range(128))),
                                  "Élysée", "l’État", "Straße", "ﬁnances", "Ça"])
def test_fold_gives_the_long_way_s_key(word):
    assert fold(word) == _fold_long_way(word)


def test_fold_of_any_text_is_the_long_way_s():
    rng = random.Random(11)
    chars = [chr(c) for c in range(0x20, 0x3000)]
    for _ in range(2000):
        text = "".join(rng.choice(chars) for _ in range(12))
        assert fold(text) == _fold_long_way(text)


def test_a_mention_s_copy_has_every_field():
    m = Mention(1, 3, 10, 24, "person", name="Paul Roy", role="maire", gender="m", number="p", definite=False,
                title="M.", country="France", possessive=True)
    # (every field set away from its default, so that a field added later must be copied too)
    assert all(getattr(m, f.name) != f.default for f in fields(Mention) if f.default is not MISSING)
    c = copy.copy(m)
    assert c == m and c is not m
    c.role = "député"
    assert m.role == "maire"


def test_a_candidate_s_copy_is_shallow_and_has_every_field():
    from quotes.candidate import Candidate
    from quotes.marks import MarkSpan

    values = {"type": "mixed", "start": 3, "end": 9, "span": object(), "outer_start": 1, "outer_end": 10,
              "found_by": "reported:que", "cue": object(), "speaker": object(), "rule": "incise-after",
              "confidence": 0.5, "incise": object(), "fragments": [MarkSpan], "sentence": 2, "trace": ["x"],
              "entity": 4, "name": "Paul Roy", "kind": "person", "role": "maire", "cue_span": (5, 6)}
    assert set(values) == {f.name for f in fields(Candidate)}  # (a field added later must be copied too)
    q = Candidate(**values)
    c = copy.copy(q)
    assert c is not q and all(getattr(c, k) is v for k, v in values.items())


def _fresh(doc):
    """The same parse with nothing cached: every answer computed the long way."""
    return replace(doc, memo={})


@pytest.fixture(scope="module")
def doc(backend):
    from quotes.pipeline import Extractor

    parsed = Extractor(backend=backend, focus=False).parse(TEXT)[0]  # every sentence parsed
    assert any(t.text == "marché" for t in parsed.tokens)
    return parsed


@pytest.mark.model
def test_token_views_are_each_token_s_lowered_and_folded_text(doc):
    assert doc.lowered == [t.text.lower().replace("’", "'") for t in doc.tokens]
    assert doc.folded == [fold(t.text) for t in doc.tokens]


@pytest.mark.model
def test_cached_phrases_roles_and_mentions_are_the_uncached_ones(doc):
    from quotes.entities.mentions import _mention_at, mention_at
    from quotes.entities.phrases import _np_end, np_end
    from quotes.entities.role_spans import _find_role_span, role_span

    described = 0
    for t in doc.tokens:
        limit = doc.sent_of(t.i).last
        assert np_end(doc, t.i, limit) == _np_end(_fresh(doc), t.i, limit)
        assert role_span(doc, t.i, limit) == _find_role_span(_fresh(doc), t.i, limit)
        m = mention_at(doc, t.i)
        assert m == _mention_at(_fresh(doc), t.i, limit)
        described += m is not None and m.kind == "person" and bool(m.role)
    assert described >= 3  # (the text has described people for the shortcuts to keep)


@pytest.mark.model
def test_caches_belong_to_their_document(parse):
    from quotes.entities.mentions import mention_at

    mayor, minister = parse("Le maire a parlé hier soir."), parse("La ministre a parlé hier soir.")
    assert mention_at(mayor, 0).role == "maire" and mention_at(minister, 0).role == "ministre"
    assert any(key[0] == "mention" for key in mayor.memo if isinstance(key, tuple))
    other = _fresh(mayor)
    assert other.memo == {} and mention_at(other, 0).role == "maire"


@pytest.mark.model
def test_no_role_past_the_last_word_that_opens_one(doc):
    from quotes.entities.phrases import glued
    from quotes.entities.role_spans import last_role_opener, role_span

    for sent in doc.sents:
        k = last_role_opener(doc, sent.first, sent.last)
        assert all(role_span(doc, i, sent.last) is None for i in range(k + 1, sent.last))
        if k >= sent.first:
            assert doc.folded[k] in lexicon.roles().lengths or glued(doc, k + 1)


@pytest.mark.model
def test_a_described_person_s_phrase_holds_a_role_noun(doc):
    from quotes.entities.mentions import mention_at, role_in_phrase

    for t in doc.tokens:
        m = mention_at(doc, t.i)
        if m is not None and m.kind == "person" and m.role and not m.name:
            assert role_in_phrase(doc, t.i, doc.sent_of(t.i).last), doc.text[m.start:m.end]
    market = next(t.i for t in doc.tokens if t.text == "marché") - 1
    assert not role_in_phrase(doc, market, doc.sent_of(market).last)  # le marché de Noël
    visitor = next(t.i for t in doc.tokens if t.text == "visiteur") - 1  # a role in the apposition only
    assert mention_at(doc, visitor).role.startswith("ministre") and role_in_phrase(doc, visitor, doc.sent_of(visitor).last)


@pytest.mark.model
def test_definite_descriptions_link_the_same_without_shortcuts(doc, monkeypatch):
    from quotes.entities import EntityModel, definites

    def roles(model):
        return [(e.name, e.roles) for e in model.entities]

    fast = roles(EntityModel(_fresh(doc)))
    monkeypatch.setattr(definites, "role_in_phrase", lambda doc, i, limit: True)
    monkeypatch.setattr(definites, "last_role_opener", lambda doc, a, b: b - 1)
    assert roles(EntityModel(_fresh(doc))) == fast
    later = TEXT.index("Le président syrien a répondu")  # a description linked back to Karim Haddad
    assert (later, "président syrien") in dict(fast)["Karim Haddad"]


@pytest.mark.model
def test_cues_are_found_only_on_speech_verb_tokens(doc):
    from quotes.cues import _cue_at, verb_tokens

    verbs = verb_tokens(doc)
    assert verbs == sorted(verbs)
    found = [i for i in range(len(doc.tokens)) if _cue_at(_fresh(doc), i) is not None]
    assert set(found) <= set(verbs)
    assert {doc.tokens[i].text for i in found} >= {"déclaré", "précisé", "ajouté"}


@pytest.mark.model
def test_hyphen_tokens_found_once_are_those_glued_finds(doc):
    from quotes.entities.phrases import glued, glued_tokens

    assert glued_tokens(doc) == {k for k in range(len(doc.tokens)) if glued(doc, k)}


@pytest.mark.model
def test_no_interview_without_a_question_mark(parse):
    from quotes.reported.interviews import from_interviews

    asked = ("Le journaliste. - Faut-il comparer ce mouvement aux autres ?\n"
             "Ivan Petrov. - Dans le sillage de la crise, nous avons assisté à une montée des colères.\n")
    assert from_interviews(parse(asked), [])  # the layout answers a question
    assert from_interviews(parse(asked.replace("?", ".")), []) == []  # no question: no interview
