"""What the bot tests share: the clock, the forums' content, and an adapter that records instead
of posting (for the rules that need no HTTP: caps, cooldowns, opt-outs)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.forums.models import Post
from bot.sources import Adapter, Batch, Incoming

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=timezone.utc)
FORUM = "https://forum.example.org"
BOT = "factcheck-bot"  # the bot's account on both forums
SUBREDDIT = "geopolitics"
SUBMISSION = "1q2w3e"
KEY_ENV = "FORUM_API_KEY"
REDDIT_PASSWORD = "reddit-test-password-3e9d1b"


class FakeClock:
    """The bot's clock in tests: moves only when told."""

    def __init__(self, start: datetime = NOW):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


class RecordingAdapter(Adapter):
    """A forum in memory: posts handed in by the test, replies recorded, never sent."""

    kind = "discourse"

    def __init__(self, source, settings, fetcher=None):
        super().__init__(source, settings, fetcher)
        self.queue: list[Incoming] = []
        self.sent: list[tuple[str, str]] = []  # (post id, body)
        self.thread_posts: dict[str, list[Post]] = {}

    @property
    def username(self) -> str | None:
        return BOT

    def add(self, post_id: int, author: str, text: str, thread: str = "300", age_minutes: float = 5,
            clock: FakeClock | None = None) -> None:
        created = (clock() if clock else NOW) - timedelta(minutes=age_minutes)
        post = Post(str(post_id), 1, author, f"{FORUM}/t/-/{thread}/1", text)
        self.queue.append(Incoming(post, thread, created, str(post_id)))

    def poll(self, cursor: str | None) -> Batch:
        posts, self.queue = self.queue, []
        return Batch(posts, posts[-1].cursor if posts else cursor)

    def find_reply(self, thread_id: str, marker: str) -> str | None:
        return self._mine(self.thread_posts.get(thread_id, []), marker)

    def post(self, post_id: str, thread_id: str, number: int | None, body: str) -> str | None:
        self.sent.append((post_id, body))
        remote = str(9000 + len(self.sent))
        self.thread_posts.setdefault(thread_id, []).append(Post(remote, 0, BOT, "", body))
        return remote
