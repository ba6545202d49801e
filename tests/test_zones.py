"""Boilerplate zones: flagged over the raw text, never deleted; the seed gold says which quotes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes import lexicon, zones

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEEDS = sorted(p.stem for p in CORPUS.glob("seed-*.txt"))
PROSE = ("Le conseil municipal a adopté mardi soir le budget de la ville après un long débat "
         "sur les travaux du pont, que les élus de l'opposition jugent trop coûteux pour les familles.\n")


def _seed(name: str) -> tuple[str, list[dict]]:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    return text, json.loads((CORPUS / f"{name}.gold.json").read_text(encoding="utf-8"))["quotes"]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_gold_boilerplate_flags_are_found(name):
    text, gold = _seed(name)
    spans = zones.spans(text)
    for q in gold:
        assert zones.is_boilerplate(spans, q["start"], q["end"]) == bool(q.get("boilerplate")), q["text"][:60]


def test_seed_004_teasers_of_other_articles_are_one_tail_zone():
    text, gold = _seed("seed-004")
    [tail] = [z for z in zones.zones(text) if z.kind == "tail"]
    assert tail.cue == "Aussi dans l'actualité" and tail.end == len(text)
    teasers = [q for q in gold if q.get("boilerplate")]
    assert len(teasers) >= 5 and all(q["start"] >= tail.start for q in teasers)
    assert all(q["end"] <= tail.start for q in gold if not q.get("boilerplate"))


def test_seed_000_menu_share_buttons_and_related_articles():
    text, _ = _seed("seed-000")
    kinds = {(z.kind, z.cue) for z in zones.zones(text)}
    assert ("menu", None) in kinds and ("line", "Partagez") in kinds and ("tail", "Articles similaires") in kinds


def test_zones_never_change_the_text():
    text, _ = _seed("seed-002")
    before = str(text)
    zs = zones.zones(text)
    assert text == before and all(0 <= z.start < z.end <= len(text) for z in zs)


@pytest.mark.parametrize("text, flagged", [
    # a teaser line: from the cue to the end of its line
    (PROSE + "» LIRE AUSSI - Le maire promet « un pont pour tous »\n" + PROSE, "Le maire promet « un pont pour tous »"),
    # glued to the sentence before it, as scraped text often is
    (PROSE + "Fin de la séance.Lire aussi: Le budget « adopté sans surprise »\n" + PROSE, "adopté sans surprise"),
    # a related-articles heading after the article: the rest of the page
    (PROSE + "Sur le même sujet\nLe préfet a dit « non » au projet\n", "Le préfet a dit « non » au projet"),
    # a footer
    (PROSE + "© 2024 Le Courrier. Tous droits réservés.\nReproduction interdite\n", "Reproduction interdite"),
])
def test_cue_shapes_flag_what_follows(text, flagged):
    spans = zones.spans(text)
    at = text.index(flagged)
    assert zones.is_boilerplate(spans, at, at + len(flagged))
    assert not zones.is_boilerplate(spans, 0, len(PROSE) - 1)


@pytest.mark.parametrize("text", [
    # a tail heading before the article has begun is a menu entry, not the end of the article
    "Articles similaires\n" + PROSE + PROSE,
    # cue words used in a sentence
    PROSE + "Le ministre a invité les maires à lire aussi le rapport de la Cour des comptes.\n",
    PROSE + "Partager le pouvoir, « c'est la clé », a dit le maire devant les élus réunis.\n",
    PROSE + "« Abonnez-vous à nos idées », a lancé la candidate à ses militants.\n",
])
def test_cue_words_in_prose_are_not_boilerplate(text):
    assert zones.spans(text) == []


def test_bulleted_menu_lines_are_a_zone():
    text = "• Accueil\n• Monde\n  • Politique\n" + PROSE
    [menu] = zones.zones(text)
    assert menu.kind == "menu" and text[menu.start:menu.end].endswith("Politique")


def test_boilerplate_lexicon_is_sorted_and_every_class_used():
    table = lexicon.load("boilerplate")
    keys = [lexicon.fold(e.key) for e in table.entries]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert {e["class"] for e in table.entries} == set(table.allowed["class"])


@pytest.mark.model
def test_extract_flags_seed_004_teasers_and_main_only_drops_them():
    from quotes import Extractor

    text, _ = _seed("seed-004")
    ex = Extractor()
    out = ex.extract(text, "seed-004")
    tail = next(z for z in zones.zones(text) if z.kind == "tail").start
    assert any(q.boilerplate for q in out)
    assert all(q.boilerplate == (q.start >= tail) for q in out)
    ex.main_only = True
    assert [q for q in ex.extract(text, "seed-004")] == [q for q in out if not q.boilerplate]
