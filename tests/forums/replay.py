"""Run the factcheck command against a test cassette, to see (or show in the README) what a
moderator would see. Fake DNS, no network: only the cassette's answers.

    python -m tests.forums.replay test_html__phpbb_thread_over_two_pages \\
        --url 'https://board.example.net/viewtopic.php?t=77'
"""

from __future__ import annotations

import sys

from bot.cli import main as factcheck
from bot.forums import fetch, guard
from tests.forums.fakes import REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, fake_resolve
from tests.forums.recording import recorder


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    import os

    os.environ.setdefault("praw_client_id", REDDIT_CLIENT_ID)
    os.environ.setdefault("praw_client_secret", REDDIT_CLIENT_SECRET)
    guard.resolve = fake_resolve
    fetch.wait = lambda seconds: None  # a replay does not wait out rate limits
    with recorder().use_cassette(f"{argv[0]}.yaml"):
        return factcheck(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
