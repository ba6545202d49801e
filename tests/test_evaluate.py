"""`quotes eval` scoring: the definitions of shared/eval/score.py, checked on a tiny gold set."""
from __future__ import annotations

from pathlib import Path

import pytest

from quotes.evaluate import iou, load_gold, role_ok, score, speaker_ok

GOLD = Path(__file__).parent / "fixtures" / "gold"


def rec(doc, text, s, **kw):
    start = text.index(s)
    return {"doc_id": doc, "start": start, "end": start + len(s), **kw}


@pytest.fixture
def gold():
    return load_gold(GOLD)


def test_perfect_predictions_score_one(gold):
    text = gold["a"].text
    preds = [rec("a", text, "Nous partirons demain", speaker={"name": "M. Paul Martin"}, rule="incise-after"),
             rec("a", text, "le pont restera fermé", speaker="mairie"),
             rec("a", text, "tout irait bien", speaker=None, role="le ministre")]
    s = score(gold, preds).as_dict()
    assert s["gold"] == 3 and s["predicted"] == 3  # the boilerplate quote is left out
    assert s["detection"]["f1"] == 1.0 and s["end_to_end"]["f1"] == 1.0
    assert s["speaker_accuracy_strict"] == 1.0 and s["role_accuracy"] == 1.0
    assert s["precision_by_rule"]["incise-after"]["precision"] == 1.0


def test_overlap_threshold_speakers_and_boilerplate(gold):
    text = gold["a"].text
    start = text.index("Nous partirons")
    preds = [{"doc_id": "a", "start": start, "end": start + 4, "speaker": "Paul Martin"},  # IoU < 0.5: no match
             rec("a", text, "le pont restera fermé", speaker="Martin"),  # wrong speaker
             rec("a", text, "Achetez maintenant")]  # boilerplate gold: not counted either way
    s = score(gold, preds).as_dict()
    assert s["predicted"] == 2
    assert s["detection"]["precision"] == 0.5 and s["detection"]["recall"] == pytest.approx(1 / 3)
    assert s["end_to_end"]["recall"] == 0.0
    with_bp = score(gold, preds, include_boilerplate=True).as_dict()
    assert with_bp["gold"] == 4 and with_bp["predicted"] == 3


def test_helpers_follow_the_reference_scorer():
    assert iou((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert speaker_ok("M. Kerry", "John Kerry", strict=False) and not speaker_ok("M. Kerry", "John Kerry", strict=True)
    assert speaker_ok(None, None, strict=True) and not speaker_ok("Paul", None, strict=False)
    assert role_ok("porte-parole du Kremlin", "le porte-parole du Kremlin")
    assert not role_ok("ministre", "porte-parole du Kremlin")
