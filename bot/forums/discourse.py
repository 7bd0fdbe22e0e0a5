"""Discourse topics through the JSON API.

`GET /t/<slug>/<id>.json` gives the topic with its first posts (about 20) and `post_stream.stream`,
the ids of every post in thread order; the rest come in chunks through
`GET /t/<id>/posts.json?post_ids[]=...`. Posts are HTML (`cooked`): quotes, link previews and
code are left out. Post numbers have gaps (deleted posts): they are read, never counted.

Recognised on any host by the `/t/<slug>/<id>` path (Discourse runs on many domains), or on the
hosts of `[fetch] discourse_hosts` and of `[[sources]] kind = "discourse"`. A source's
`api_key_env` names the environment variable holding its API key, sent as `Api-Key` with
`Api-Username`, for private forums.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.config import Settings
from bot.forums.errors import CredentialsMissing, NotAThread
from bot.forums.fetch import Fetcher
from bot.forums.models import Post, Thread
from bot.forums.text import html_own_words

CHUNK_SIZE = 20  # Discourse's own chunk size, used when the topic does not say
SMALL_ACTION = 3  # "closed this topic", "split this topic": the forum's words, not a poster's

_TOPIC = re.compile(r"^(?P<prefix>.*?)/t/(?:(?P<slug>[^/]+)/)?(?P<id>\d+)(?:/(?P<number>\d+))?/?(?:\.json)?$")


class NotDiscourse(NotAThread):
    """The path looked like Discourse's, the answer was not Discourse's JSON."""


@dataclass(frozen=True)
class TopicRef:
    base: str  # scheme, host and any sub-folder the forum is installed in
    id: int
    slug: str | None

    @property
    def topic_json(self) -> str:
        return f"{self.base}/t/{self.slug}/{self.id}.json" if self.slug else f"{self.base}/t/{self.id}.json"

    @property
    def posts_json(self) -> str:
        return f"{self.base}/t/{self.id}/posts.json"


def topic_ref(url: str) -> TopicRef | None:
    parts = urlsplit(url)
    match = _TOPIC.match(parts.path)
    if not match:
        return None
    slug, topic_id = match["slug"], match["id"]
    if slug and slug.isdigit() and not match["number"]:
        slug, topic_id = None, slug  # /t/<id>/<post number>
    return TopicRef(f"{parts.scheme}://{parts.netloc}{match['prefix']}", int(topic_id), slug)


def configured_hosts(settings: Settings) -> set[str]:
    hosts = {h.lower() for h in settings.fetch.discourse_hosts}
    hosts |= {urlsplit(s.url).hostname or "" for s in settings.sources if s.kind == "discourse" and s.url}
    return hosts - {""}


def configured(url: str, settings: Settings) -> bool:
    return (urlsplit(url).hostname or "") in configured_hosts(settings)


def recognises(url: str, settings: Settings) -> bool:
    return topic_ref(url) is not None or configured(url, settings)


def api_headers(url: str, settings: Settings) -> dict[str, str]:
    """Api-Key and Api-Username for a configured source on this host; none otherwise."""
    host = urlsplit(url).hostname
    for source in settings.sources:
        if source.kind != "discourse" or not source.url or urlsplit(source.url).hostname != host:
            continue
        if not source.api_key_env:
            return {}
        key = os.environ.get(source.api_key_env)
        if not key:
            raise CredentialsMissing(
                f"the Discourse source for {host} names ${source.api_key_env} as its API key "
                f"([[sources]] api_key_env), and it is not set"
            )
        return {"Api-Key": key, "Api-Username": source.api_username or "system"}
    return {}


def fetch(url: str, fetcher: Fetcher, settings: Settings) -> Thread:
    ref = topic_ref(url)
    if ref is None:
        raise NotAThread(url, "a Discourse thread's address has /t/<slug>/<id> in it")
    headers = {"Accept": "application/json", **api_headers(url, settings)}
    response = fetcher.get(ref.topic_json, headers=headers)
    topic = response.json() if response.content_type == "application/json" else None
    if not isinstance(topic, dict) or not isinstance(topic.get("post_stream"), dict):
        raise NotDiscourse(url, "no Discourse topic there")
    posts = _posts_of(topic)
    stream = topic["post_stream"].get("stream")
    stream = [i for i in stream if isinstance(i, int)] if isinstance(stream, list) else list(posts)
    chunk = topic.get("chunk_size")
    chunk = chunk if isinstance(chunk, int) and 0 < chunk <= CHUNK_SIZE else CHUNK_SIZE
    missing = [i for i in stream if i not in posts]
    for ids in (missing[i : i + chunk] for i in range(0, len(missing), chunk)):
        params = [("post_ids[]", i) for i in ids]
        posts.update(_posts_of(fetcher.get(ref.posts_json, params=params, headers=headers).json()))
    in_stream = set(stream)
    ordered = [posts[i] for i in stream if i in posts]
    ordered += sorted((p for i, p in posts.items() if i not in in_stream), key=lambda p: p["post_number"])
    slug = topic.get("slug") if isinstance(topic.get("slug"), str) else ref.slug or "-"
    return Thread(
        url=url,
        forum="discourse",
        title=topic.get("title") if isinstance(topic.get("title"), str) else None,
        posts=tuple(_post(p, ref, slug) for p in ordered if p.get("post_type") != SMALL_ACTION),
        not_fetched=sum(1 for i in stream if i not in posts),
    )


def _posts_of(answer) -> dict[int, dict]:
    """The posts of a topic or posts.json answer, by id; anything that is not a post with an id
    and a number is left out."""
    stream = answer.get("post_stream") if isinstance(answer, dict) else None
    posts = stream.get("posts") if isinstance(stream, dict) else None
    if not isinstance(posts, list):
        return {}
    return {
        p["id"]: p for p in posts
        if isinstance(p, dict) and isinstance(p.get("id"), int) and isinstance(p.get("post_number"), int)
    }


def _post(data: dict, ref: TopicRef, slug: str) -> Post:
    number = data.get("post_number")
    return Post(
        id=str(data["id"]),
        number=number,
        author=data.get("username") if isinstance(data.get("username"), str) else None,
        url=f"{ref.base}/t/{slug}/{ref.id}/{number}",
        text=html_own_words(data["cooked"] if isinstance(data.get("cooked"), str) else ""),
    )


# --- The site's latest posts, for the bot (`factcheck bot run`) -------------------------------

REGULAR = 1  # post_type: a poster's post (not a moderator action, not a whisper)


@dataclass(frozen=True)
class SitePost:
    """A post from the list of a site's latest posts, with where it stands."""

    post: Post
    topic_id: int
    category_id: int | None
    created_at: str | None  # ISO 8601, as Discourse gives it


def latest_posts(base: str, fetcher: Fetcher, settings: Settings, before: int | None = None) -> list[SitePost]:
    """`GET /posts.json`: the site's latest regular posts, newest first (Discourse sends about 50),
    with `raw` and `cooked`; `before=<post id>` pages back. Private messages are not in it."""
    base = base.rstrip("/")
    url = f"{base}/posts.json"
    headers = {"Accept": "application/json", **api_headers(url, settings)}
    answer = fetcher.get(url, params={"before": before} if before else None, headers=headers)
    data = answer.json() if answer.content_type == "application/json" else None
    posts = data.get("latest_posts") if isinstance(data, dict) else None
    if not isinstance(posts, list):
        raise NotDiscourse(url, "no list of latest posts there")
    out = []
    for p in posts:
        if not (isinstance(p, dict) and all(isinstance(p.get(k), int) for k in ("id", "post_number", "topic_id"))):
            continue
        if p.get("post_type", REGULAR) != REGULAR:
            continue
        slug = p.get("topic_slug") if isinstance(p.get("topic_slug"), str) else "-"
        category = p.get("category_id")
        created = p.get("created_at")
        out.append(SitePost(
            post=_post(p, TopicRef(base, p["topic_id"], slug), slug),
            topic_id=p["topic_id"],
            category_id=category if isinstance(category, int) else None,
            created_at=created if isinstance(created, str) else None,
        ))
    return out
