"""End to end on the five seed articles in corpus/, with the real spaCy model."""
from __future__ import annotations

import pytest

from conftest import CORPUS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seeds(extractor):
    out = {}
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = (text, extractor.extract(text, path.stem))
    return out


def find(quotes, start_of_text):
    hits = [q for q in quotes if q.text.startswith(start_of_text)]
    assert hits, f"no quote starting with {start_of_text!r}"
    return hits[0]


def test_every_offset_indexes_the_raw_text(seeds):
    for doc_id, (text, quotes) in seeds.items():
        assert quotes, doc_id
        for q in quotes:
            assert text[q.start:q.end] == q.text
            assert q.doc_id == doc_id and q.id.startswith(doc_id + ":")
            if q.speaker and q.speaker.start is not None:
                assert text[q.speaker.start:q.speaker.end] == q.speaker.mention
            if q.cue:
                assert text[q.cue.start:q.cue.end] == q.cue.text


def test_seed_000_lavrov_promise(seeds):
    q = find(seeds["seed-000"][1], "C’est une promesse faite par les États-Unis")
    assert q.type == "direct" and q.speaker.name == "Sergueï Lavrov"
    assert q.cue.text == "a martelé" and q.role == "ministre russe des Affaires étrangères"


def test_seed_000_assad_through_a_pronoun_incise(seeds):
    q = find(seeds["seed-000"][1], "Non, et ce pour une seule raison")
    assert q.cue.text == "a-t-il déclaré" and q.speaker.mention == "-il"
    assert q.speaker.name == "Bachar al-Assad" and q.role == "président syrien"


def test_seed_000_peskov_through_selon(seeds):
    q = find(seeds["seed-000"][1], "le président Poutine a, de manière répétée")
    assert q.speaker.name == "Dmitri Peskov"


def test_seed_000_anonymous_state_department_official(seeds):
    q = find(seeds["seed-000"][1], "M. Kerry «\u00a0discutera avec les Russes")
    assert q.type == "mixed" and q.text.endswith("»")  # the closing mark at its edge stays
    assert q.speaker.name is None and q.speaker.kind == "anonymous"
    assert q.role == "haut responsable du Département d’Etat américain"


def test_seed_001_kerry_at_the_press_conference(seeds):
    q = find(seeds["seed-001"][1], "Mon espoir est qu'au début du mois d'août")
    assert q.speaker.name == "John Kerry" and q.cue.text == "a dit"


def test_seed_003_peskov_and_the_chief_of_us_diplomacy(seeds):
    quotes = seeds["seed-003"][1]
    peskov = find(quotes, "Le thème d’une coopération militaire directe")
    assert peskov.speaker.name == "Dmitri Peskov" and peskov.role == "porte-parole du Kremlin"
    kerry = find(quotes, "Il n’y a nulle part de plus grand foyer")
    assert kerry.speaker.name == "John Kerry" and kerry.speaker.mention == "le chef de la diplomatie américaine"
    earnest = find(quotes, "Le moment est venu pour la Russie")  # closed with a « typed for »
    assert earnest.speaker.name == "Josh Earnest"


def test_seed_004_kerry_twice_and_a_pronoun(seeds):
    quotes = seeds["seed-004"][1]
    assert find(quotes, "Le président pense que des discussions").speaker.name == "John Kerry"
    then = find(quotes, "Evidemment, notre objectif demeure")
    assert then.speaker.name == "John Kerry" and then.cue.text == "a-t-il ajouté"
