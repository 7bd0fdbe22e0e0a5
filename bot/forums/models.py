"""A thread as every forum adapter returns it: posts in thread order, in the poster's own words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Forum = Literal["discourse", "reddit", "html"]


@dataclass(frozen=True)
class Post:
    id: str  # the forum's own id: a Discourse post id, a Reddit comment id, an HTML element id
    number: int  # its place in the thread; Discourse numbers have gaps (deleted posts)
    author: str | None  # None when deleted or unknown
    url: str  # the post's permalink
    text: str  # the poster's own words: quotes, link previews and code left out


@dataclass(frozen=True)
class Thread:
    url: str
    forum: Forum
    title: str | None
    posts: tuple[Post, ...]
    not_fetched: int = 0  # posts the forum holds that were not fetched (a configured bound)
