"""A crash between "intended" and "confirmed" never makes a reply twice.

The bot runs as a real process (`python -m tests.bot_run.replay ... --kill-at POINT`) and is
killed with SIGKILL at posting's checkpoint: after the reply was recorded as intended and before
it was sent, or after it was sent and before it was confirmed. The restarted bot looks for the
reply in the thread first. Each cassette holds exactly the requests allowed: had the restart
posted again, its POST would match nothing and fail the test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bot_run.conftest import discourse, subreddit

ROOT = Path(__file__).resolve().parents[2]


def killed_run(config: str, cassette: str, point: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tests.bot_run.replay", cassette, "--kill-at", point,
         "bot", "run", "--once", "--config", config],
        cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=300,
    )


def replies(runner) -> list[tuple]:
    return [tuple(r) for r in runner.store.db.execute(
        "SELECT post_id, status, remote_id, attempts FROM replies ORDER BY id").fetchall()]


@pytest.mark.parametrize(("point", "child_cassette", "sent_before_kill"), [
    pytest.param("posted", "crash__killed_after_posting", 1,
                 id="test_crash__killed_after_posting_the_reply_is_found_not_posted_again"),
    pytest.param("intended", "crash__killed_before_posting", 0,
                 id="test_crash__killed_before_posting_the_reply_is_posted_once"),
])
def test_crash__killed_between_intended_and_confirmed(point, child_cassette, sent_before_kill, request, tmp_path,
                                                       config_file, make_settings, start):
    child = killed_run(config_file("auto"), child_cassette, point)
    assert child.returncode == -signal.SIGKILL, child.stderr
    settings = make_settings(discourse("auto"))
    assert settings.store.path == str(tmp_path / "bot.db")
    runner = start(settings)
    assert replies(runner) == [("5001", "intended", None, sent_before_kill)]  # on disk before the kill

    request.node.add_marker(pytest.mark.cassette(request.node.callspec.id))
    cassette = request.getfixturevalue("cassette")
    runner.run_once()  # the restart
    # Sent once in all: by the killed process, or (it never got that far) by the restarted one.
    assert replies(runner) == [("5001", "posted", "5009", 1)]
    assert [r.method for r in cassette.requests].count("POST") == 1 - sent_before_kill
    # The bot's own reply (5009) came back in /posts.json and was left alone.
    assert runner.store.db.execute("SELECT decision FROM posts WHERE post_id = '5009'").fetchone()[0] == "ignored"


def test_crash__reddit_reply_found_in_the_thread_is_not_posted_again(cassette, make_settings, start, monkeypatch):
    """The same on Reddit, in one process: the "crash" is an exception that nothing catches."""
    from bot import posting

    class Crash(BaseException):
        pass

    def crash(name: str) -> None:
        if name == "posted":
            raise Crash

    settings = make_settings(subreddit("auto"))
    monkeypatch.setattr(posting, "checkpoint", crash)
    with pytest.raises(Crash):
        start(settings).run_once()
    monkeypatch.setattr(posting, "checkpoint", lambda name: None)
    runner = start(settings)
    assert replies(runner) == [("t1_c1", "intended", None, 1)]
    runner.run_once()
    assert replies(runner) == [("t1_c1", "posted", "t1_c9", 1)]
    assert [r.method for r in cassette.requests].count("POST") == 3  # two token grants, one reply


def test_crash__killed_mid_round_nothing_is_lost_or_done_twice(cassette, config_file, make_settings, start):
    """Killed after the third post of eight was recorded: the restart does the other five, once."""
    child = killed_run(config_file("dry-run"), "crash__killed_mid_round", "recorded:3")
    assert child.returncode == -signal.SIGKILL, child.stderr
    runner = start(make_settings(discourse("dry-run")))
    count = lambda table: runner.store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
    assert (count("posts"), count("decisions")) == (3, 3)
    runner.run_once()
    assert (count("posts"), count("decisions"), count("drafts")) == (8, 8, 3)
    assert runner.store.db.execute("SELECT count(DISTINCT post_id) FROM decisions").fetchone()[0] == 8
    assert runner.store.db.execute("SELECT cursor FROM sources").fetchone()[0] == "5008"
