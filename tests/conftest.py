"""Shared fixtures: the real knowledge base and one extractor for the whole session (spaCy
loads once)."""

import pytest

from claims.pipeline import ClaimExtractor
from knowledge.loader import load


@pytest.fixture(scope="session")
def kb():
    return load()


@pytest.fixture(scope="session")
def extractor(kb):
    return ClaimExtractor(kb)
