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
from dataclasses import dataclass
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
    reddit = client(site, settings, session, agent)
    reddit.read_only = True
    return reddit


def client(site: str | None, settings: Settings, session: requests.Session, agent: str) -> praw.Reddit:
    """praw for a praw.ini site (None: DEFAULT and praw_* variables), through the guarded session.
    With a username and password (or a refresh token) it may post; with only a client id and
    secret it reads."""
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


# --- A subreddit's newest posts, for the bot (`factcheck bot run`) ----------------------------

@dataclass(frozen=True)
class SubredditPost:
    """A submission or comment from a subreddit's newest, with where it stands."""

    post: Post  # post.id is the fullname (t3_..., t1_...): what a reply is addressed to
    submission_id: str  # the thread
    created_utc: float | None


def newest(reddit: praw.Reddit, subreddit: str, settings: Settings, limit: int = 100) -> list[SubredditPost]:
    """The newest submissions (`/r/<sub>/new`) and comments (`/r/<sub>/comments`) of a subreddit,
    up to `limit` of each, newest first; deleted and removed ones are left out."""
    url = f"{REDDIT}/r/{subreddit}/"
    try:
        things = [*reddit.subreddit(subreddit).new(limit=limit), *reddit.subreddit(subreddit).comments(limit=limit)]
    except prawcore.exceptions.PrawcoreException as exc:
        raise _error(exc, url, settings.fetch.timeout_s) from None
    out = []
    for thing in things:
        data = vars(thing)
        body = data.get("selftext") if isinstance(thing, Submission) else data.get("body")
        if body in GONE or data.get("author") is None:
            continue
        link = data.get("link_id") or ""
        post = _post(thing, 0)
        out.append(SubredditPost(
            post=Post(id=thing.fullname, number=0, author=post.author, url=post.url, text=post.text),
            submission_id=thing.id if isinstance(thing, Submission) else link.removeprefix("t3_"),
            created_utc=data.get("created_utc") if isinstance(data.get("created_utc"), int | float) else None,
        ))
    return out


def comments_of(reddit: praw.Reddit, submission_id: str, settings: Settings) -> list[Post]:
    """Every comment of a submission, newest first (up to `[fetch] reddit_replace_more_limit`
    "more comments" expansions), each with its fullname as id: where the bot looks for its own."""
    url = f"{REDDIT}/comments/{submission_id}/"
    try:
        submission = reddit.submission(id=submission_id)
        submission.comment_sort = "new"
        submission.comments.replace_more(limit=settings.fetch.reddit_replace_more_limit)
        comments = submission.comments.list()
    except prawcore.exceptions.PrawcoreException as exc:
        raise _error(exc, url, settings.fetch.timeout_s) from None
    out = []
    for comment in comments:
        post = _post(comment, 0)
        out.append(Post(id=comment.fullname, number=0, author=post.author, url=post.url, text=post.text))
    return out
