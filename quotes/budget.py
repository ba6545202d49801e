"""A per-article time budget: an article that runs past it raises `ArticleTimeout`, which the batch
reports as that article's error line before going on with the next one.

In a process's main thread (the CLI, each worker process) the budget is a real-time timer
(SIGALRM) whose handler raises in the middle of any stage, between two Python steps. In another
thread signals cannot be used: there the pipeline calls `check()` between its stages, so a
runaway is stopped at the next stage boundary.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from .errors import QuotesError

DEFAULT_SECONDS = 60.0
RETRY = 0.25  # the timer fires again this often: an exception raised inside a __del__ is ignored by Python
_local = threading.local()


class ArticleTimeout(QuotesError):
    """An article took longer than its time budget."""


def _expired(seconds: float) -> ArticleTimeout:
    return ArticleTimeout(f"took longer than the {seconds:g} s time budget", "raise it with --time-limit")


def _alarm(signum, frame) -> None:
    deadline, seconds = getattr(_local, "budget", (None, 0.0))
    raise _expired(seconds)


def _can_signal() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def limit(seconds: float | None) -> Iterator[None]:
    """Run the block within `seconds` (None or <= 0: no limit). Nested limits keep the earlier deadline."""
    outer = getattr(_local, "budget", None)
    if not seconds or seconds <= 0 or (outer is not None and outer[0] <= time.monotonic() + seconds):
        yield
        return
    _local.budget = (time.monotonic() + seconds, seconds)
    timed = _can_signal()
    if timed:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds, RETRY)  # again every RETRY s: a raise can be swallowed
    try:
        yield
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _local.budget = outer
        if timed and outer is not None:  # the outer budget's timer goes on with what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(outer[0] - time.monotonic(), 0.001), RETRY)


def check() -> None:
    """Raise `ArticleTimeout` if this thread's budget is spent (the stage boundaries call it)."""
    budget = getattr(_local, "budget", None)
    if budget is not None and time.monotonic() > budget[0]:
        raise _expired(budget[1])


__all__ = ["ArticleTimeout", "DEFAULT_SECONDS", "check", "limit"]
