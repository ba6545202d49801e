"""The learned weights: a small JSON data file in the package, rebuilt by `quotes train`.

Two logistic regressions over the rules' evidence (DESIGN: learned parts are small): `speaker`
ranks the candidate speakers of a quote, `fragment` tells a quote from a term in marks. Inference
is a dot product over named features; scikit-learn is needed only to train (`quotes[train]`).
A missing or damaged file is a clear error that names it, never a silent fallback.
"""
from __future__ import annotations

import json
from functools import lru_cache
from math import exp
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import QuotesError

DEFAULT = Path(__file__).with_name("weights.json")
REBUILD = "rebuild it with: quotes train ../shared/train ../shared/dev -o quotes/scoring/weights.json"


class LinearModel(BaseModel):
    """A logistic regression: P(yes | x) = σ(intercept + Σ coef[f] · x[f])."""

    model_config = ConfigDict(frozen=True)

    intercept: float
    coef: dict[str, float]
    threshold: float = 0.5

    @field_validator("coef")
    @classmethod
    def _finite(cls, v: dict[str, float]) -> dict[str, float]:
        bad = [k for k, x in v.items() if x != x or abs(x) == float("inf")]
        if bad:
            raise ValueError(f"non-finite weights for {', '.join(bad[:3])}")
        return v

    def logit(self, x: dict[str, float]) -> float:
        coef = self.coef
        return self.intercept + sum(coef.get(k, 0.0) * v for k, v in x.items())

    def probability(self, x: dict[str, float]) -> float:
        z = self.logit(x)
        return 1.0 / (1.0 + exp(-z)) if z > -60 else 0.0


class Weights(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: int = 1
    speaker: LinearModel
    fragment: LinearModel
    trained_on: dict = {}

    def dump(self, path: Path) -> None:
        path.write_text(json.dumps(self.model_dump(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")


def load_weights(path: str | Path | None = None) -> Weights:
    """The weights at `path` (default: the package's own), validated."""
    return _load(str(Path(path) if path is not None else DEFAULT))


@lru_cache(maxsize=8)
def _load(path: str) -> Weights:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuotesError(f"weights file {p} is missing", REBUILD) from None
    except (OSError, UnicodeDecodeError) as e:
        raise QuotesError(f"weights file {p} cannot be read: {e}", REBUILD) from None
    try:
        return Weights.model_validate_json(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "top level"
        raise QuotesError(f"weights file {p} is corrupt: {where}: {first['msg']}", REBUILD) from None
