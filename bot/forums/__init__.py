"""Forum adapters: a thread's URL in, its posts out (`models.Thread`), in the posters' own words.

    reddit     reddit.com hosts, redd.it, or a /r/<sub>/comments/<id> path   (praw)
    discourse  a /t/<slug>/<id> path on any host, or a configured host      (JSON API)
    html       any other page: phpBB, vBulletin, XenForo, ..., a fallback    (selectolax)

Tried in that order. Everything goes through the guarded session (`guard.py`, `fetch.py`).
"""

from __future__ import annotations

from bot.config import Settings
from bot.forums import discourse, html, reddit
from bot.forums.errors import ForumError
from bot.forums.fetch import Fetcher
from bot.forums.guard import check_url
from bot.forums.models import Post, Thread

__all__ = ["ForumError", "Post", "Thread", "fetch_thread"]


def fetch_thread(url: str, settings: Settings, fetcher: Fetcher | None = None) -> Thread:
    """Every post of the thread at `url`; raises a ForumError subclass with a one-line message."""
    url = url.strip()
    check_url(url)
    fetcher = fetcher or Fetcher(settings.fetch)
    if reddit.recognises(url):
        return reddit.fetch(url, settings, fetcher.session, fetcher.agent)
    if discourse.recognises(url, settings):
        try:
            return discourse.fetch(url, fetcher, settings)
        except discourse.NotDiscourse:
            if discourse.configured(url, settings):
                raise
    return html.fetch(url, fetcher)
