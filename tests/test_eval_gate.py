"""The eval gate: `quotes eval corpus/` must not fall below the figures reached (a ratchet).

Floors live in eval_floors.json with a digest of the corpus they were measured on. To raise them
after an improvement: `python tests/test_eval_gate.py --update`; lowering one needs
`--allow-regression` (and a reason in the issue note).
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "eval_floors.json"
CORPUS = HERE.parent / "corpus"
METRICS = {
    "detection_f1": lambda r: r["detection"]["f1"],
    "detection_precision": lambda r: r["detection"]["precision"],
    "speaker_lenient": lambda r: r["speaker_accuracy_lenient"],
    "speaker_strict": lambda r: r["speaker_accuracy_strict"],
    "role": lambda r: r["role_accuracy"],
    "end_to_end_f1": lambda r: r["end_to_end"]["f1"],
    "direct_found": lambda r: r["recall_by_type"]["direct"]["found"],
    "direct_attributed": lambda r: r["recall_by_type"]["direct"]["attributed"],
}


def corpus_digest() -> str:
    h = hashlib.sha256()
    for f in sorted(CORPUS.iterdir()):
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:16]


def figures() -> dict[str, float]:
    from quotes.evaluate import load_gold, score
    from quotes.pipeline import Extractor

    gold = load_gold(CORPUS)
    ex = Extractor()
    records = [q.model_dump() for doc_id, doc in gold.items() for q in ex.extract(doc.text, doc_id)]
    r = score(gold, records).as_dict()
    return {k: round(f(r), 3) for k, f in METRICS.items()}


@pytest.mark.model
def test_eval_gate_corpus_figures_do_not_regress():
    floors = json.loads(FLOORS.read_text())
    assert floors["corpus"] == corpus_digest(), "corpus/ changed: re-measure the floors (--update)"
    now = figures()
    low = {k: (now[k], v) for k, v in floors["floors"].items() if now[k] + 1e-9 < v}
    assert not low, f"below the floor (now, floor): {low}"


if __name__ == "__main__":
    now = figures()
    old = json.loads(FLOORS.read_text())["floors"] if FLOORS.exists() else {}
    lower = {k: (now[k], v) for k, v in old.items() if now[k] < v}
    if lower and "--allow-regression" not in sys.argv:
        sys.exit(f"refusing to lower floors {lower}; pass --allow-regression")
    if "--update" in sys.argv:
        FLOORS.write_text(json.dumps({"corpus": corpus_digest(), "floors": now}, indent=2) + "\n")
    print(json.dumps(now, indent=2))
