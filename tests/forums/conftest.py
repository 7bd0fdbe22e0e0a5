"""Forum tests: fake DNS, no real waiting, cassettes that must be played to the end."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.forums import fetch, guard
from tests.forums.fakes import REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, fake_resolve
from tests.forums.recording import played_to_the_end, recorder


def pytest_configure(config):
    config.addinivalue_line("markers", "cassette(name): play the cassette of another test")


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch):
    monkeypatch.setattr(guard, "resolve", fake_resolve)


@pytest.fixture(autouse=True)
def sleeps(monkeypatch) -> list[float]:
    """What the fetcher would have slept, in order; no test sleeps."""
    slept: list[float] = []
    monkeypatch.setattr(fetch, "wait", slept.append)
    return slept


@pytest.fixture(autouse=True)
def praw_credentials(monkeypatch):
    for name in ("praw_username", "praw_password", "praw_site", "praw_refresh_token"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("praw_client_id", REDDIT_CLIENT_ID)
    monkeypatch.setenv("praw_client_secret", REDDIT_CLIENT_SECRET)


@pytest.fixture
def cassette(request):
    """The cassette named after the test (or by its `cassette` mark); every interaction must play."""
    with played_to_the_end(recorder(), request) as played:
        yield played


@pytest.fixture
def settings() -> Settings:
    return Settings()
