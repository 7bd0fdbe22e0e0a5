"""The bot's cassettes hold no secret (not the API key, the Reddit secret, token or password),
and each is played by a test."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from tests.bot_run.fakes import REDDIT_PASSWORD
from tests.bot_run.make_cassettes import CASSETTE_BUILDERS
from tests.bot_run.recording import CASSETTES
from tests.forums.fakes import REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, SECRETS

FILES = sorted(CASSETTES.glob("*.yaml"))
TEST_SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))


def test_cassettes__are_the_ones_the_builder_writes():
    assert sorted(p.stem for p in FILES) == sorted(CASSETTE_BUILDERS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_cassette__holds_no_secret(path):
    text = path.read_text(encoding="utf-8")
    basic = base64.b64encode(f"{REDDIT_CLIENT_ID}:{REDDIT_CLIENT_SECRET}".encode()).decode()
    for secret in (*SECRETS, REDDIT_PASSWORD, basic):
        assert secret not in text


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_cassette__is_played_by_a_test(path):
    assert path.stem in TEST_SOURCES
