"""The bot's forum adapters: one small class per forum, as errbot keeps its backends.

    poll(cursor)             the posts after the cursor, oldest first, each with the cursor after it
    is_me(author)            the bot's own account
    find_reply(thread, mark) the bot's post in a thread that carries the marker, if any
    post(post, thread, n, body)  a reply; its remote id

Reading goes through bot/forums (the guarded fetcher, praw on the guarded session), writing
through bot/posting. A cursor is text the store keeps: the last Discourse post id, or the newest
Reddit submission and comment ids.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime, timezone

from bot import posting
from bot.config import Settings, SourceSettings
from bot.forums import discourse, reddit
from bot.forums.errors import CredentialsMissing
from bot.forums.fetch import Fetcher
from bot.forums.models import Post
from bot.store import BotError


class SourceError(BotError):
    """A source the bot cannot use as configured."""


@dataclass(frozen=True)
class Incoming:
    post: Post
    thread_id: str
    created: datetime | None
    cursor: str  # the source's cursor once this post is handled


@dataclass(frozen=True)
class Batch:
    posts: list[Incoming]
    cursor: str | None  # the cursor once the whole batch is handled
    note: str | None = None  # posts that could not be reached, say


class Adapter(ABC):
    kind: str

    def __init__(self, source: SourceSettings, settings: Settings, fetcher: Fetcher):
        self.source, self.settings, self.fetcher = source, settings, fetcher
        self.name = source.key

    @property
    @abstractmethod
    def username(self) -> str | None:
        """The bot's account on this forum (None: read-only, dry runs)."""

    def is_me(self, author: str | None) -> bool:
        return bool(author and self.username and author.lower() == self.username.lower())

    @abstractmethod
    def poll(self, cursor: str | None) -> Batch: ...

    @abstractmethod
    def find_reply(self, thread_id: str, marker: str) -> str | None: ...

    @abstractmethod
    def post(self, post_id: str, thread_id: str, number: int | None, body: str) -> str | None: ...

    def _mine(self, posts, marker: str) -> str | None:
        return next((p.id for p in posts if self.is_me(p.author) and marker in p.text), None)


class DiscourseAdapter(Adapter):
    kind = "discourse"

    def __init__(self, source: SourceSettings, settings: Settings, fetcher: Fetcher):
        if not source.url:
            raise SourceError('a Discourse source has no url: set url = "https://..." in its [[sources]]')
        super().__init__(source, settings, fetcher)
        self.base = source.url.rstrip("/")
        if source.mode != "dry-run" and not (source.api_key_env and source.api_username):
            raise SourceError(f"{self.name} is in {source.mode} mode: posting needs api_key_env and "
                              "api_username in its [[sources]]")

    @property
    def username(self) -> str | None:
        return self.source.api_username

    def poll(self, cursor: str | None) -> Batch:
        last = int(cursor) if cursor else None
        found: dict[int, discourse.SitePost] = {}
        before, note = None, None
        for page_number in range(self.settings.bot.max_pages):
            page = discourse.latest_posts(self.base, self.fetcher, self.settings, before)
            found.update((int(p.post.id), p) for p in page)
            oldest = min((int(p.post.id) for p in page), default=None)
            if last is None or oldest is None or oldest <= last + 1:
                break
            before = oldest
            if page_number == self.settings.bot.max_pages - 1:
                note = f"posts {last + 1} to {oldest - 1} were not read ([bot] max_pages = {self.settings.bot.max_pages})"
        fresh = sorted(i for i in found if last is None or i > last)
        wanted = set(self.source.categories)
        posts = [
            Incoming(found[i].post, str(found[i].topic_id), _iso(found[i].created_at), str(i))
            for i in fresh if not wanted or found[i].category_id in wanted
        ]
        return Batch(posts, str(fresh[-1]) if fresh else cursor, note)

    def find_reply(self, thread_id: str, marker: str) -> str | None:
        thread = discourse.fetch(f"{self.base}/t/{thread_id}", self.fetcher, self.settings)
        return self._mine(thread.posts, marker)

    def post(self, post_id: str, thread_id: str, number: int | None, body: str) -> str | None:
        return posting.discourse_reply(self.base, self.fetcher, self.settings, int(thread_id), number, body)


class RedditAdapter(Adapter):
    kind = "reddit"
    LIMIT = 100  # one listing page of each: submissions and comments

    def __init__(self, source: SourceSettings, settings: Settings, fetcher: Fetcher):
        if not source.subreddit:
            raise SourceError("a Reddit source has no subreddit: set subreddit = \"name\" (without r/) in its [[sources]]")
        super().__init__(source, settings, fetcher)
        self._praw = None

    @property
    def praw(self):
        if self._praw is None:
            self._praw = reddit.client(self.source.praw_site, self.settings, self.fetcher.session, self.fetcher.agent)
            if self.source.mode != "dry-run" and not self._praw.config.username:
                raise CredentialsMissing(
                    f"{self.name} is in {self.source.mode} mode and posts as a Reddit user: set username and "
                    f"password in praw.ini (site {self.source.praw_site or 'DEFAULT'}) or praw_username and praw_password"
                )
        return self._praw

    @property
    def username(self) -> str | None:
        return self.praw.config.username or None

    def poll(self, cursor: str | None) -> Batch:
        last = json.loads(cursor) if cursor else {}
        items = reddit.newest(self.praw, self.source.subreddit, self.settings, self.LIMIT)
        fresh = sorted(
            (i for i in items if _id36(i.post.id) > _id36(last.get(_kind(i.post.id), "0"))),
            key=lambda i: (i.created_utc or 0, _id36(i.post.id)),
        )
        seen, posts = dict(last), []
        for item in fresh:
            kind = _kind(item.post.id)
            if _id36(item.post.id) > _id36(seen.get(kind, "0")):
                seen[kind] = item.post.id.partition("_")[2]
            created = datetime.fromtimestamp(item.created_utc, timezone.utc) if item.created_utc else None
            posts.append(Incoming(item.post, item.submission_id, created, json.dumps(seen, sort_keys=True)))
        return Batch(posts, json.dumps(seen, sort_keys=True) if seen else cursor)

    def find_reply(self, thread_id: str, marker: str) -> str | None:
        return self._mine(reddit.comments_of(self.praw, thread_id, self.settings), marker)

    def post(self, post_id: str, thread_id: str, number: int | None, body: str) -> str | None:
        return posting.reddit_reply(self.praw, post_id, body)


ADAPTERS: dict[str, type[Adapter]] = {"discourse": DiscourseAdapter, "reddit": RedditAdapter}


def adapters(settings: Settings, fetcher: Fetcher | None = None) -> dict[str, Adapter]:
    """One adapter per configured source, by name; names must be unique."""
    fetcher = fetcher or Fetcher(settings.fetch)
    out: dict[str, Adapter] = {}
    for source in settings.sources:
        adapter = ADAPTERS[source.kind](source, settings, fetcher)
        if adapter.name in out:
            raise SourceError(f"two sources are named {adapter.name}: give one of them name = \"...\" in its [[sources]]")
        out[adapter.name] = adapter
    return out


def _iso(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def _kind(fullname: str) -> str:
    return fullname.partition("_")[0]


def _id36(fullname_or_id: str) -> int:
    try:
        return int(fullname_or_id.rpartition("_")[2], 36)
    except ValueError:
        return 0
