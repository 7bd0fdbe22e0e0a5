"""Reddit threads through praw, read-only.

Credentials stay where praw users keep them: `praw.ini` (the DEFAULT site, or the `praw_site` of
a `[[sources]] kind = "reddit"`) and `praw_*` environment variables; a client id and secret are
enough to read. Every comment is read (`replace_more` up to `[fetch] reddit_replace_more_limit`
"more comments" stubs), depth first in thread order; the submission is post 1 and comments are
numbered from 2 in that order. Bodies are Markdown: `>` quotes and fenced code are left out.

praw talks through the same guarded session as the other adapters, so the address checks apply.
"""

from __future__ import annotations

import configparser
import re
from urllib.parse import urlsplit

import praw
import prawcore
import requests
from praw.exceptions import MissingRequiredAttributeException
from praw.models import Comment, MoreComments, Submission

from bot.config import Settings
from bot.forums.errors import (
    AccessDenied,
    CredentialsMissing,
    FetchFailed,
    FetchTimeout,
    ForumError,
    NotAThread,
    NotFound,
    RateLimited,
)
from bot.forums.models import Post, Thread
from bot.forums.text import markdown_own_words

REDDIT = "https://www.reddit.com"
COMMENT_SORT = "old"  # thread order: oldest first, replies under their parent
GONE = frozenset({"[deleted]", "[removed]"})

_COMMENTS_PATH = re.compile(r"^(?:/r/[^/]+)?/comments/(?P<id>[a-z0-9]+)(?:/|$)", re.IGNORECASE)
_SHORT_LINK = re.compile(r"^/(?P<id>[a-z0-9]+)/?$", re.IGNORECASE)


def _is_reddit_host(host: str) -> bool:
    return host == "reddit.com" or host.endswith(".reddit.com") or host == "redd.it"


def recognises(url: str) -> bool:
    parts = urlsplit(url)
    return _is_reddit_host(parts.hostname or "") or bool(_COMMENTS_PATH.match(parts.path))


def submission_id(url: str) -> str:
    parts = urlsplit(url)
    match = _COMMENTS_PATH.match(parts.path)
    if match is None and parts.hostname == "redd.it":
        match = _SHORT_LINK.match(parts.path)
    if match is None:
        raise NotAThread(url, "a Reddit thread's address has /comments/<id> in it")
    return match["id"].lower()


def fetch(url: str, settings: Settings, session: requests.Session, agent: str) -> Thread:
    sid = submission_id(url)
    try:
        reddit = _reddit(settings, session, agent)
        submission = reddit.submission(id=sid)
        submission.comment_sort = COMMENT_SORT
        left = submission.comments.replace_more(limit=settings.fetch.reddit_replace_more_limit)
        comments = _depth_first(submission.comments)
    except prawcore.exceptions.PrawcoreException as exc:
        raise _error(exc, url, settings.fetch.timeout_s) from None
    posts = [_post(submission, 1)]
    posts += [_post(c, n) for n, c in enumerate(comments, start=2) if vars(c).get("body") not in GONE]
    return Thread(
        url=url,
        forum="reddit",
        title=vars(submission).get("title"),
        posts=tuple(posts),
        not_fetched=sum(getattr(m, "count", 0) for m in left),
    )


def _reddit(settings: Settings, session: requests.Session, agent: str) -> praw.Reddit:
    site = next((s.praw_site for s in settings.sources if s.kind == "reddit" and s.praw_site), None)
    try:
        reddit = praw.Reddit(
            site,
            check_for_updates=False,
            user_agent=agent,
            requestor_kwargs={"session": session, "timeout": settings.fetch.timeout_s},
        )
    except MissingRequiredAttributeException:
        raise CredentialsMissing(
            "Reddit needs a client id and secret: set praw_client_id and praw_client_secret in the "
            f"environment, or client_id and client_secret in praw.ini (site {site or 'DEFAULT'})"
        ) from None
    except (configparser.Error, ValueError) as exc:  # a praw.ini site that does not exist, a bad value
        raise CredentialsMissing(f"praw cannot read its configuration (praw.ini, praw_* variables): {exc}") from None
    reddit.read_only = True
    return reddit


def _depth_first(forest) -> list[Comment]:
    out, stack = [], list(reversed(list(forest)))
    while stack:
        comment = stack.pop()
        if isinstance(comment, MoreComments):
            continue
        out.append(comment)
        stack.extend(reversed(list(comment.replies)))
    return out


def _own_text(markdown: str | None) -> str:
    if not markdown or markdown.strip() in GONE:
        return ""
    return markdown_own_words(markdown)


def _post(thing: Submission | Comment, number: int) -> Post:
    # vars(): an attribute the answer lacks is never fetched lazily, one request per comment.
    data = vars(thing)
    author = data.get("author")
    body = data.get("selftext") if isinstance(thing, Submission) else data.get("body")
    permalink = data.get("permalink") or f"/comments/{thing.id}/"
    return Post(
        id=thing.id,
        number=number,
        author=getattr(author, "name", None),
        url=f"{REDDIT}{permalink}",
        text=_own_text(body),
    )


def _error(exc: prawcore.exceptions.PrawcoreException, url: str, timeout_s: float) -> ForumError:
    original = getattr(exc, "original_exception", None)
    if isinstance(original, ForumError):
        return original  # refused by the address guard
    if isinstance(original, requests.Timeout):
        return FetchTimeout(url, timeout_s)
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if isinstance(exc, prawcore.exceptions.NotFound | prawcore.exceptions.Redirect):
        return NotFound(url)
    if isinstance(exc, prawcore.exceptions.Forbidden | prawcore.exceptions.UnavailableForLegalReasons):
        return AccessDenied(url, status or 403, "a private, quarantined or banned subreddit?")
    if isinstance(exc, prawcore.exceptions.TooManyRequests):
        return RateLimited("reddit.com", None)
    if isinstance(exc, prawcore.exceptions.OAuthException | prawcore.exceptions.InvalidToken) or status == 401:
        return CredentialsMissing("Reddit refused the client id and secret (praw.ini or praw_* variables)")
    if status is not None:
        return FetchFailed(url, f"Reddit answered {status}")
    return FetchFailed(url, str(original or exc)[:200])
