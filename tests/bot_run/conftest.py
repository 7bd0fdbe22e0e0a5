"""Bot tests: fake DNS, no real waiting, a fake clock, a store in a temporary folder, and
cassettes that must be played to the end."""

from __future__ import annotations

import logging

import pytest

from bot import runner as runner_module
from bot.check import Checker
from bot.config import Settings
from bot.reply import ReplyOptions
from bot.runner import Runner
from bot.sources import adapters
from bot.store import Store
from tests.bot_run.fakes import BOT, FORUM, KEY_ENV, NOW, REDDIT_PASSWORD, SUBREDDIT, FakeClock
from tests.bot_run.recording import recorder
from tests.forums.conftest import fake_dns, pytest_configure, sleeps  # noqa: F401 - the marker, fake DNS, no waiting
from tests.forums.fakes import API_KEY, REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET
from tests.forums.recording import played_to_the_end


@pytest.fixture(autouse=True)
def credentials(monkeypatch):
    """The bot's accounts: a Discourse API key in the environment, a Reddit script app in praw_*."""
    monkeypatch.delenv("praw_site", raising=False)
    monkeypatch.delenv("praw_refresh_token", raising=False)
    monkeypatch.setenv("praw_client_id", REDDIT_CLIENT_ID)
    monkeypatch.setenv("praw_client_secret", REDDIT_CLIENT_SECRET)
    monkeypatch.setenv("praw_username", BOT)
    monkeypatch.setenv("praw_password", REDDIT_PASSWORD)
    monkeypatch.setenv(KEY_ENV, API_KEY)


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    fake = FakeClock(NOW)
    monkeypatch.setattr(runner_module, "now", fake)  # what the CLI and the review commands read
    return fake


@pytest.fixture
def cassette(request):
    """The cassette named after the test (or by its `cassette` mark); every interaction must play."""
    with played_to_the_end(recorder(), request) as played:
        yield played


@pytest.fixture(scope="session")
def checker(kb, extractor) -> Checker:
    return Checker(kb, extractor, ReplyOptions())


def discourse(mode: str = "dry-run", **extra) -> dict:
    return {"kind": "discourse", "url": FORUM, "mode": mode, "api_key_env": KEY_ENV, "api_username": BOT, **extra}


def subreddit(mode: str = "dry-run", **extra) -> dict:
    return {"kind": "reddit", "subreddit": SUBREDDIT, "mode": mode, **extra}


@pytest.fixture
def make_settings(tmp_path):
    def make(*sources: dict, **bot) -> Settings:
        return Settings(store={"path": str(tmp_path / "bot.db")},
                        bot={"kill_switch": str(tmp_path / "STOP"), **bot}, sources=list(sources))
    return make


@pytest.fixture
def start(checker, clock):
    """A runner as `factcheck bot run` builds it (its own store connection: a restart is a new one)."""
    opened: list[Store] = []

    def make(settings: Settings) -> Runner:
        store = Store(settings.store.path)
        opened.append(store)
        return Runner(settings, store, checker, adapters(settings), clock)

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def decisions(caplog):
    """The bot's log lines."""
    caplog.set_level(logging.INFO, logger="factcheck.bot")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "factcheck.bot"]


@pytest.fixture
def config_file(tmp_path):
    """A config file for the command line: the store and kill switch in the test's folder."""
    def write(mode: str = "dry-run", extra: str = "") -> str:
        path = tmp_path / "config.toml"
        path.write_text(f"""
[store]
path = "{tmp_path / 'bot.db'}"

[bot]
kill_switch = "{tmp_path / 'STOP'}"
{extra}
[[sources]]
kind = "discourse"
url = "{FORUM}"
mode = "{mode}"
api_key_env = "{KEY_ENV}"
api_username = "{BOT}"
""", encoding="utf-8")
        return str(path)
    return write
