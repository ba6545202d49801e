"""Gold loading and scoring (`quotes eval`): the definitions of shared/eval/score.py, our own code.

A predicted span matches a gold span at IoU ≥ 0.5 (greedy, best overlap first); speaker accuracy
is strict (same name tokens) or lenient (same surname, or one name's tokens within the other's);
role accuracy is a token F1 ≥ 0.5; end-to-end counts a match whose speaker is leniently right.
Boilerplate quotes are left out unless asked for, and so are predictions that match them.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

IOU = 0.5
TITLES = {"m", "mme", "mlle", "dr", "me", "pr", "mgr"}
ROLE_STOP = {"le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "et", "en", "a", "au", "aux", "son",
             "sa", "ses"}


def fold_tokens(s: str | None) -> list[str]:
    if not s:
        return []
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.findall(r"[\w']+", re.sub(r"[’'`]", "'", s))


def speaker_ok(pred: str | None, gold: str | None, strict: bool) -> bool:
    p = [t for t in fold_tokens(pred) if t not in TITLES]
    g = [t for t in fold_tokens(gold) if t not in TITLES]
    if not g or not p:
        return not g and not p
    if strict:
        return p == g
    return p[-1] == g[-1] or set(p) <= set(g) or set(g) <= set(p)


def role_ok(pred: str | None, gold: str | None) -> bool:
    p = {t for t in " ".join(fold_tokens(pred)).replace("'", " ").split() if t not in ROLE_STOP}
    g = {t for t in " ".join(fold_tokens(gold)).replace("'", " ").split() if t not in ROLE_STOP}
    if not g or not p:
        return not g and not p
    common = len(p & g)
    if not common:
        return False
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall) >= 0.5


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    quotes: list[dict]


def load_gold(gold_dir: str | Path) -> dict[str, GoldDoc]:
    """Every `NAME.gold.json` beside its `NAME.txt` in `gold_dir`."""
    docs = {}
    for gold_file in sorted(Path(gold_dir).glob("*.gold.json")):
        stem = gold_file.name[: -len(".gold.json")]
        text = (gold_file.parent / f"{stem}.txt").read_text(encoding="utf-8")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        doc_id = gold.get("doc_id", stem)
        docs[doc_id] = GoldDoc(doc_id, text, gold["quotes"])
    return docs


def _name(value) -> str | None:
    return value.get("name") if isinstance(value, dict) else value


def _role(value) -> str | None:
    return value.get("text") if isinstance(value, dict) else value


@dataclass
class Scores:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    speaker_strict: int = 0
    speaker_lenient: int = 0
    role: int = 0
    end_to_end: int = 0
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    by_rule: dict[str, dict[str, int]] = field(default_factory=dict)

    @staticmethod
    def _prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}

    def as_dict(self) -> dict:
        m = self.matched or 1
        return {
            "documents": self.documents, "gold": self.gold, "predicted": self.predicted,
            "detection": self._prf(self.matched, self.predicted, self.gold),
            "exact_boundaries": self.exact / m,
            "speaker_accuracy_strict": self.speaker_strict / m,
            "speaker_accuracy_lenient": self.speaker_lenient / m,
            "role_accuracy": self.role / m,
            "end_to_end": self._prf(self.end_to_end, self.predicted, self.gold),
            "recall_by_type": {k: {"gold": v["gold"], "found": v["found"] / v["gold"],
                                   "attributed": v["e2e"] / v["gold"]} for k, v in sorted(self.by_type.items())},
            "precision_by_rule": {k: {"predicted": v["predicted"], "matched": v["matched"],
                                      "precision": v["matched"] / v["predicted"],
                                      "speaker": v["speaker"] / v["matched"] if v["matched"] else 0.0}
                                  for k, v in sorted(self.by_rule.items())},
        }


def score(gold: dict[str, GoldDoc], predictions: Iterable[dict], include_boilerplate: bool = False) -> Scores:
    """Score prediction records (dicts on the output contract) against the gold documents."""
    preds: dict[str, list[dict]] = {}
    for rec in predictions:
        preds.setdefault(rec["doc_id"], []).append(rec)
    s = Scores(documents=len(gold))
    for doc_id, doc in gold.items():
        boiler = [(q["start"], q["end"]) for q in doc.quotes if q.get("boilerplate")]
        golds = [q for q in doc.quotes if include_boilerplate or not q.get("boilerplate")]
        plist = [p for p in preds.get(doc_id, [])
                 if include_boilerplate or not any(iou((int(p["start"]), int(p["end"])), b) >= IOU for b in boiler)]
        s.gold += len(golds)
        s.predicted += len(plist)
        for g in golds:
            s.by_type.setdefault(g["type"], {"gold": 0, "found": 0, "e2e": 0})["gold"] += 1
        for p in plist:
            rule = (p.get("rule") or "none").split(":")[0]
            s.by_rule.setdefault(rule, {"predicted": 0, "matched": 0, "speaker": 0})["predicted"] += 1
        pairs = sorted(((iou((g["start"], g["end"]), (int(p["start"]), int(p["end"]))), gi, pi)
                        for gi, g in enumerate(golds) for pi, p in enumerate(plist)), reverse=True)
        used_g, used_p = set(), set()
        for overlap, gi, pi in pairs:
            if overlap < IOU or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = golds[gi], plist[pi]
            s.matched += 1
            s.by_type[g["type"]]["found"] += 1
            rule = s.by_rule[(p.get("rule") or "none").split(":")[0]]
            rule["matched"] += 1
            if _edges(doc.text, g["start"], g["end"]) == _edges(doc.text, int(p["start"]), int(p["end"])):
                s.exact += 1
            name = _name(p.get("speaker"))
            s.speaker_strict += speaker_ok(name, g["speaker"], strict=True)
            if speaker_ok(name, g["speaker"], strict=False):
                s.speaker_lenient += 1
                s.end_to_end += 1
                s.by_type[g["type"]]["e2e"] += 1
                rule["speaker"] += 1
            s.role += role_ok(_role(p.get("role")), g.get("role"))
    return s


def report(scores: Scores, by_rule: bool = False) -> str:
    """The scorer's plain-text report (same lines as shared/eval/score.py), plus rules if asked."""
    r = scores.as_dict()
    d, e = r["detection"], r["end_to_end"]
    lines = [
        f"documents {r['documents']}  gold {r['gold']}  predicted {r['predicted']}",
        f"detection   P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
        f"(exact boundaries {r['exact_boundaries']:.3f})",
        f"speaker     strict {r['speaker_accuracy_strict']:.3f}  lenient {r['speaker_accuracy_lenient']:.3f}"
        f"   role {r['role_accuracy']:.3f}",
    ]
    for k, v in r["recall_by_type"].items():
        lines.append(f"  {k:9s} gold {v['gold']:4d}  found {v['found']:.3f}  attributed {v['attributed']:.3f}")
    lines.append(f"end-to-end  P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}")
    if by_rule:
        lines.append("by rule     predicted  precision  speaker")
        for k, v in r["precision_by_rule"].items():
            lines.append(f"  {k:20s} {v['predicted']:4d}      {v['precision']:.3f}    {v['speaker']:.3f}")
    return "\n".join(lines)
