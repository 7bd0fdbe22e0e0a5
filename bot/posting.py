"""Posting a reply so that a crash never makes it twice.

    intend    the reply is recorded as intended (with a marker that will be in its text), and the
              record is on disk, before the forum is asked anything
    send      the forum is asked to post it; then the reply is confirmed with its remote id
    reconcile on the next run, a reply still intended is looked for in the thread (a post by
              the bot's account with the marker in it) before any retry: found, it is confirmed;
              not found, it is sent again, at most MAX_ATTEMPTS times in all

What the forum answers decides what happens to a reply that did not go through: a refusal
(4xx, a rate limit that does not end) is definite and ends it; a ban (403) ends it and stops the
source; a timeout, a dropped connection or a 5xx is uncertain, and the reply stays intended until
a look at the thread settles it. Forum writes: Discourse `POST /posts.json` (topic_id, raw,
reply_to_post_number); Reddit `/api/comment` through praw's `.reply`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import prawcore
import requests
from praw.exceptions import RedditAPIException

from bot.config import Settings
from bot.forums.discourse import api_headers
from bot.forums.errors import CredentialsMissing, ForumError, NotFound
from bot.forums.fetch import MAX_WAIT_S, Fetcher, Response, backoff, retry_after
from bot.forums.guard import check_url
from bot.store import Store

if TYPE_CHECKING:
    import praw

    from bot.sources import Adapter

MAX_ATTEMPTS = 3
# Reddit's answers that mean the account may not post there.
REDDIT_BANS = frozenset({"SUBREDDIT_NOTALLOWED", "SUBREDDIT_NOTALLOWED_BANNED", "USER_BLOCKED", "BANNED_FROM_SUBREDDIT"})


def checkpoint(name: str) -> None:
    """Called at "intended" (recorded, not yet sent), "posted" (sent, not yet confirmed) and, by
    the runner, "recorded" (a post and what was decided about it committed). Nothing happens
    here; the crash tests end the process at these points."""


class PostRefused(ForumError):
    """The forum said no: nothing was posted."""

    def __init__(self, where: str, why: str):
        super().__init__(f"{where} refused the reply: {why}")


class Banned(ForumError):
    """The forum refuses the bot's account: the source is stopped."""

    def __init__(self, where: str, status: int | str, why: str):
        super().__init__(f"{where}: the bot may not post ({status}): {why}")


class PostUncertain(ForumError):
    """No answer that says whether the reply was posted."""

    def __init__(self, where: str, why: str):
        super().__init__(f"{where}: no answer to the reply ({why}); it will be looked for before any retry")


def marker_for(source: str, post_id: str) -> str:
    """What identifies the bot's reply to a post, in the reply's own text (one reply per post)."""
    return "fc-" + hashlib.sha256(f"{source}\n{post_id}".encode()).hexdigest()[:12]


def marker_line(marker: str) -> str:
    return f"\n\n*factcheck ref {marker}*"


MARKER_ROOM = len(marker_line(marker_for("", "")))  # what a reply gives up of the forum's length limit


# --- the protocol ------------------------------------------------------------------------

def intend(store: Store, draft: sqlite3.Row, at: datetime, status: str = "intended") -> int:
    """Inside the caller's transaction: the reply to `draft` recorded as intended (or, for a
    dry run, as what auto mode would have posted)."""
    marker = marker_for(draft["source"], draft["post_id"])
    return store.intend(draft, marker, draft["body"] + marker_line(marker), at, status)


def send(store: Store, adapter: Adapter, reply_id: int, clock: Callable[[], datetime]) -> tuple[str, str]:
    """Post an intended reply and confirm it: (outcome, detail), the outcome one of
    posted | failed | banned | unconfirmed."""
    reply = store.reply(reply_id)
    checkpoint("intended")
    with store.transaction():
        store.attempted(reply_id)
    try:
        remote = adapter.post(reply["post_id"], reply["thread_id"], reply["number"], reply["body"])
    except Banned as exc:
        with store.transaction():
            store.fail(reply_id, str(exc), definite=True)
            store.set_draft(reply["draft_id"], clock(), status="failed", reason=str(exc))
            store.stop(reply["source"], str(exc), clock())
        return "banned", str(exc)
    except (PostRefused, CredentialsMissing) as exc:
        with store.transaction():
            store.fail(reply_id, str(exc), definite=True)
            store.set_draft(reply["draft_id"], clock(), status="failed", reason=str(exc))
        return "failed", str(exc)
    except Exception as exc:  # noqa: BLE001 - whatever it was, the reply may exist: look before retrying
        with store.transaction():
            store.fail(reply_id, str(exc)[:300] or type(exc).__name__, definite=False)
        return "unconfirmed", str(exc)[:300]
    checkpoint("posted")
    with store.transaction():
        store.confirm(reply_id, remote, clock())
        store.set_draft(reply["draft_id"], clock(), status="posted")
    return "posted", remote or "(held by the forum's own moderation)"


def reconcile(store: Store, adapter: Adapter, clock: Callable[[], datetime], may_post: bool) -> list[tuple[int, str, str]]:
    """Every reply of the source still intended: found in its thread and confirmed, or sent again.
    Returns (reply id, outcome, detail) for each."""
    done = []
    for reply in store.unconfirmed(adapter.name):
        try:
            found = adapter.find_reply(reply["thread_id"], reply["marker"])
        except NotFound as exc:  # the thread is gone, and the reply with it if it was ever made
            with store.transaction():
                store.fail(reply["id"], str(exc), definite=True)
                store.set_draft(reply["draft_id"], clock(), status="failed", reason="the thread is gone")
            done.append((reply["id"], "failed", f"the thread is gone: {exc}"))
            continue
        if found is not None:
            with store.transaction():
                store.confirm(reply["id"], found, clock())
                store.set_draft(reply["draft_id"], clock(), status="posted")
            done.append((reply["id"], "confirmed", f"found in the thread as {found}"))
        elif reply["attempts"] >= MAX_ATTEMPTS:
            with store.transaction():
                store.fail(reply["id"], f"not found in the thread after {reply['attempts']} attempts", definite=True)
                store.set_draft(reply["draft_id"], clock(), status="failed", reason="not posted after retries")
            done.append((reply["id"], "failed", f"given up after {reply['attempts']} attempts"))
        elif not may_post:
            done.append((reply["id"], "held", "not in the thread; the kill switch is on, so not sent again"))
        else:
            done.append((reply["id"], *send(store, adapter, reply["id"], clock)))
    return done


# --- forum writes ------------------------------------------------------------------------

def discourse_reply(base: str, fetcher: Fetcher, settings: Settings, topic_id: int, number: int, raw: str) -> str | None:
    """`POST /posts.json`: the new post's id (None when the forum holds it for its moderators)."""
    url = f"{base.rstrip('/')}/posts.json"
    check_url(url)
    headers = {"Accept": "application/json", **api_headers(url, settings)}
    if "Api-Key" not in headers:
        raise CredentialsMissing(f"posting to {base} needs an API key: set api_key_env and api_username in its [[sources]]")
    payload = {"topic_id": topic_id, "raw": raw, "reply_to_post_number": number}
    retries = fetcher.settings.max_retries
    for attempt in range(retries + 1):
        try:
            answer = fetcher.session.post(url, json=payload, headers=headers, allow_redirects=False,
                                          timeout=fetcher.settings.timeout_s)
        except requests.RequestException as exc:
            raise PostUncertain(url, type(exc).__name__) from None
        status = answer.status_code
        if status == 429:  # refused before anything was made: safe to try again
            wait = retry_after(Response(answer.url, status, answer.headers, answer.content))
            if attempt < retries and (wait is None or wait <= MAX_WAIT_S):
                fetcher.sleep(backoff(attempt) if wait is None else wait)
                continue
            raise PostRefused(url, "rate-limited (429) and retries ran out")
        return _discourse_answer(url, status, answer.content)
    raise AssertionError("unreachable")


def _discourse_answer(url: str, status: int, body: bytes) -> str | None:
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    errors = "; ".join(str(e) for e in data.get("errors", []))[:200] if isinstance(data, dict) else ""
    if status in (401, 403):
        raise Banned(url, status, errors or "the API key or its user is refused (suspended, or a wrong key)")
    if status >= 500:
        raise PostUncertain(url, f"the server answered {status}")
    if status >= 300 or not isinstance(data, dict):
        raise PostRefused(url, f"{status} {errors}".strip())
    if isinstance(data.get("id"), int):
        return str(data["id"])
    if data.get("action") == "enqueued":
        return None
    raise PostUncertain(url, "the answer names no post")


def reddit_reply(reddit: praw.Reddit, fullname: str, body: str) -> str | None:
    """A comment under a submission (t3_...) or a comment (t1_...): its fullname."""
    kind, _, thing_id = fullname.partition("_")
    thing = reddit.comment(thing_id) if kind == "t1" else reddit.submission(thing_id)
    where = "reddit.com"
    try:
        made = thing.reply(body)
    except RedditAPIException as exc:
        kinds = {item.error_type for item in exc.items}
        if kinds & REDDIT_BANS:
            raise Banned(where, ", ".join(sorted(kinds)), str(exc)[:200]) from None
        raise PostRefused(where, str(exc)[:200]) from None
    except prawcore.exceptions.Forbidden:
        raise Banned(where, 403, "banned from the subreddit, or the thread is locked") from None
    except prawcore.exceptions.TooManyRequests:
        raise PostRefused(where, "rate-limited (429)") from None
    except (prawcore.exceptions.ServerError, prawcore.exceptions.RequestException) as exc:
        original = getattr(exc, "original_exception", None)
        if isinstance(original, ForumError):
            raise PostRefused(where, str(original)) from None  # refused by the address guard: nothing sent
        raise PostUncertain(where, type(original or exc).__name__) from None
    except prawcore.exceptions.PrawcoreException as exc:
        raise PostRefused(where, type(exc).__name__) from None
    return made.fullname if made is not None else None
