"""The one exception type users see: a message and a hint, never a traceback."""
from __future__ import annotations


class QuotesError(Exception):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ModelMissing(QuotesError):
    """A parser model is not installed; the hint says how to get it."""
