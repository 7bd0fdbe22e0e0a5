"""Posting when the forum's answer is not a plain yes: a refusal ends the reply, silence leaves it
intended until a look at the thread settles it, and a reply is never sent a fourth time."""

from __future__ import annotations

import json

import pytest

from bot import posting
from bot.config import SourceSettings
from bot.posting import Banned, PostRefused, PostUncertain
from bot.runner import Runner
from bot.store import Store
from tests.bot_run.fakes import BOT, FORUM, KEY_ENV, RecordingAdapter


class Flaky(RecordingAdapter):
    """Answers each post with the next of `answers`: an exception, "made" (posted, but the answer
    was lost) or None (posted, answered)."""

    def __init__(self, source, settings):
        super().__init__(source, settings)
        self.answers: list = []

    def post(self, post_id, thread_id, number, body):
        answer = self.answers.pop(0) if self.answers else None
        if answer == "made":
            super().post(post_id, thread_id, number, body)
            raise PostUncertain("forum.example.org", "ReadTimeout")
        if isinstance(answer, Exception):
            self.sent.append((post_id, "(refused)"))
            raise answer
        return super().post(post_id, thread_id, number, body)


@pytest.fixture
def flaky(make_settings, checker, clock):
    source = SourceSettings(kind="discourse", url=FORUM, mode="auto", api_key_env=KEY_ENV, api_username=BOT)
    settings = make_settings().model_copy(update={"sources": [source]})
    adapter = Flaky(source, settings)
    store = Store(settings.store.path)
    adapter.add(100, "kamal", "Azerbaijan is in NATO.", clock=clock)
    yield Runner(settings, store, checker, {adapter.name: adapter}, clock), adapter
    store.close()


def reply(runner) -> tuple:
    return tuple(runner.store.db.execute("SELECT status, remote_id, attempts FROM replies").fetchone())


def test_posting__no_answer_but_made_is_found_and_not_sent_again(flaky):
    runner, adapter = flaky
    adapter.answers = ["made"]
    runner.run_once()
    assert reply(runner) == ("intended", None, 1)
    runner.run_once()
    assert reply(runner) == ("posted", "9001", 1)
    assert len(adapter.sent) == 1


def test_posting__no_answer_and_not_made_is_sent_again_at_most_three_times(flaky):
    runner, adapter = flaky
    adapter.answers = [PostUncertain("f", "503")] * 3
    for _ in range(4):
        runner.run_once()
    assert reply(runner) == ("failed", None, 3)
    assert len(adapter.sent) == 3
    assert runner.store.db.execute("SELECT status FROM drafts").fetchone()[0] == "failed"


def test_posting__a_refusal_ends_the_reply(flaky):
    runner, adapter = flaky
    adapter.answers = [PostRefused("forum.example.org", "422 Body is too similar")]
    runner.run_once()
    runner.run_once()
    assert reply(runner) == ("failed", None, 1)
    assert len(adapter.sent) == 1


def test_posting__a_ban_stops_the_source(flaky):
    runner, adapter = flaky
    adapter.answers = [Banned("forum.example.org", 403, "suspended")]
    runner.run_once()
    assert "suspended" in runner.store.sources()[0]["stopped"]


@pytest.mark.parametrize(("status", "body", "expected"), [
    (200, {"id": 5013, "post_number": 5}, "5013"),
    (200, {"action": "enqueued", "pending_post": {"id": 7}}, None),  # held by the forum's moderators
])
def test_discourse_answer__made(status, body, expected):
    assert posting._discourse_answer("u", status, json.dumps(body).encode()) == expected


@pytest.mark.parametrize(("status", "body", "error"), [
    (403, {"errors": ["You are not permitted"], "error_type": "invalid_access"}, Banned),
    (422, {"errors": ["Body is too similar to what you recently posted"]}, PostRefused),
    (502, "<html>Bad gateway</html>", PostUncertain),
    (200, {"post": "?"}, PostUncertain),
])
def test_discourse_answer__not_made_or_not_known(status, body, error):
    raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    with pytest.raises(error):
        posting._discourse_answer("u", status, raw)
