"""quotes: French quote attribution for newsrooms.

    >>> from quotes import extract
    >>> for q in extract("« C’est une promesse », a martelé Sergueï Lavrov."):
    ...     print(q.text, "→", q.speaker.name)
    C’est une promesse → Sergueï Lavrov
"""
from .errors import ModelMissing, QuotesError
from .model import Article, Cue, Quote, Speaker
from .pipeline import Extractor, extract
from .store import QuoteDB

__all__ = ["Article", "Cue", "Extractor", "ModelMissing", "Quote", "QuoteDB", "QuotesError", "Speaker", "extract"]
