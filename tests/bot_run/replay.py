"""Run the factcheck command against a bot test cassette: fake DNS, the test clock
(2026-11-28 10:00 UTC), no network, no waiting. The crash tests run it as a real process and kill
it at one of posting's checkpoints; the README shows its output.

    python -m tests.bot_run.replay test_bot_cli__run_once_in_dry_run bot run --once --config tests/bot_run/example.toml
    python -m tests.bot_run.replay crash__killed_after_posting --kill-at posted bot run --once --config C.toml
    python -m tests.bot_run.replay crash__killed_mid_round --kill-at recorded:3 bot run --once --config C.toml
"""

from __future__ import annotations

import os
import signal
import sys

from bot import posting, runner
from bot.cli import main as factcheck
from bot.forums import fetch, guard
from tests.bot_run.fakes import BOT, KEY_ENV, NOW, REDDIT_PASSWORD
from tests.bot_run.recording import recorder
from tests.forums.fakes import API_KEY, REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, fake_resolve


def kill_at(point: str):
    """`posted`: at the first time posting reaches that checkpoint; `recorded:3`: the third time."""
    name_, _, nth = point.partition(":")
    reached = []

    def checkpoint(name: str) -> None:
        if name == name_:
            reached.append(name)
            if len(reached) == int(nth or 1):
                os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no flush: as the OOM killer would
    return checkpoint


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    cassette, args = argv[0], argv[1:]
    if args[:1] == ["--kill-at"]:
        posting.checkpoint = kill_at(args[1])
        args = args[2:]
    for name, value in ((KEY_ENV, API_KEY), ("praw_client_id", REDDIT_CLIENT_ID),
                        ("praw_client_secret", REDDIT_CLIENT_SECRET), ("praw_username", BOT),
                        ("praw_password", REDDIT_PASSWORD)):
        os.environ.setdefault(name, value)
    guard.resolve = fake_resolve
    fetch.wait = lambda seconds: None
    runner.now = lambda: NOW
    with recorder().use_cassette(f"{cassette}.yaml"):
        return factcheck(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
