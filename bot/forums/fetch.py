"""HTTP for the forum adapters: GET through the guarded session (guard.py), with caps and retries.

- Redirects are followed here, one hop at a time (at most 5), so that the guard sees each one;
  headers that carry credentials are dropped when a redirect leaves the host.
- `[fetch] timeout_s` bounds connecting, each wait for data and the whole body; `[fetch]
  max_bytes` bounds the body (also when decompressed).
- 429 is honoured (`Retry-After`, or Discourse's `extras.wait_seconds`); 429, 502-504 and dropped
  connections are retried at most `[fetch] max_retries` times, with exponential backoff and jitter.
- Nothing is logged.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import requests

from bot.config import FetchSettings
from bot.forums.errors import AccessDenied, FetchFailed, FetchTimeout, NotFound, RateLimited, TooLarge
from bot.forums.guard import AddressGuard, Resolver, check_url, guarded_session

MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 502, 503, 504})
MAX_WAIT_S = 120  # a longer Retry-After is reported, not slept through
BACKOFF_BASE_S = 1.0
CREDENTIAL_HEADERS = ("authorization", "cookie", "api-key", "api-username")
CHUNK = 64 * 1024


def wait(seconds: float) -> None:
    """How the fetcher waits before a retry (tests replace it)."""
    time.sleep(seconds)


def user_agent() -> str:
    try:
        v = version("factcheck")
    except PackageNotFoundError:
        v = "unknown"
    return f"factcheck/{v} (forum fact-check bot for alliance claims)"


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    @cached_property
    def charset(self) -> str | None:
        for part in self.headers.get("Content-Type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip('"').lower()
        return None

    def json(self):
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            raise FetchFailed(self.url, f"the answer is not valid JSON ({self.content_type or 'no content type'})") from None


class Fetcher:
    """GET with the guard, the caps, redirects followed one by one, and retries."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        resolver: Resolver | None = None,
        sleep: Callable[[float], None] | None = None,
        session: requests.Session | None = None,
    ):
        self.settings = settings or FetchSettings()
        self.agent = self.settings.user_agent or user_agent()
        self.guard = AddressGuard(self.settings.allow_private_hosts, resolver)
        self.sleep = sleep or wait
        self.session = session or guarded_session(self.guard, self.agent)

    def get(self, url: str, *, params=None, headers: Mapping[str, str] | None = None) -> Response:
        """The final answer, 2xx; errors for 404, 401/403, rate limits, timeouts and the caps."""
        check_url(url)
        retries = self.settings.max_retries
        for attempt in range(retries + 1):
            try:
                response = self._follow(url, params, dict(headers or {}))
            except requests.ConnectionError as exc:
                if attempt == retries:
                    raise FetchFailed(url, _reason(exc)) from None
                self.sleep(backoff(attempt))
                continue
            if response.status in RETRIED:
                wait = retry_after(response) if response.status == 429 else None
                if attempt == retries or (wait is not None and wait > MAX_WAIT_S):
                    return _raise_for_status(response)
                self.sleep(backoff(attempt) if wait is None else wait)
                continue
            return _raise_for_status(response)
        raise AssertionError("unreachable")

    def _follow(self, url: str, params, headers: dict[str, str]) -> Response:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url)
            try:
                raw = self.session.get(
                    url, params=params, headers=headers, allow_redirects=False, stream=True,
                    timeout=self.settings.timeout_s,
                )
            except requests.Timeout:
                raise FetchTimeout(url, self.settings.timeout_s) from None
            with raw:
                location = raw.headers.get("Location")
                if raw.status_code in REDIRECTS and location:
                    target = urljoin(raw.url, location)
                    if urlsplit(target).hostname != urlsplit(raw.url).hostname:
                        headers = {k: v for k, v in headers.items() if k.lower() not in CREDENTIAL_HEADERS}
                    url, params = target, None
                    continue
                return Response(raw.url, raw.status_code, raw.headers, self._body(raw))
        raise FetchFailed(url, f"more than {MAX_REDIRECTS} redirects")

    def _body(self, raw: requests.Response) -> bytes:
        limit, seconds = self.settings.max_bytes, self.settings.timeout_s
        length = raw.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > limit:
            raise TooLarge(raw.url, limit)
        deadline = time.monotonic() + seconds
        # A server that sends a byte now and then is cut off at the deadline, not at each read.
        watchdog = threading.Timer(seconds, _shutdown, args=(raw,))
        watchdog.daemon = True
        watchdog.start()
        chunks, size = [], 0
        try:
            for chunk in raw.iter_content(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise TooLarge(raw.url, limit)
                chunks.append(chunk)
        except (requests.RequestException, OSError) as exc:
            if time.monotonic() >= deadline:
                raise FetchTimeout(raw.url, seconds) from None
            raise FetchFailed(raw.url, _reason(exc)) from None
        finally:
            watchdog.cancel()
        if time.monotonic() >= deadline:
            raise FetchTimeout(raw.url, seconds)
        return b"".join(chunks)


def _shutdown(raw: requests.Response) -> None:
    try:
        raw.raw.shutdown()
    except Exception:  # noqa: BLE001 - already closed, or a response without a socket
        pass


def _raise_for_status(response: Response) -> Response:
    status, url = response.status, response.url
    if status < 400:
        return response
    if status in (404, 410):
        raise NotFound(url)
    if status in (401, 403):
        raise AccessDenied(url, status)
    if status == 429:
        raise RateLimited(urlsplit(url).hostname or url, retry_after(response))
    raise FetchFailed(url, f"the server answered {status}")


def retry_after(response: Response) -> float | None:
    """Seconds the server asks us to wait: `Retry-After` (seconds or a date), else Discourse's
    `extras.wait_seconds`; None when it does not say."""
    header = response.headers.get("Retry-After", "").strip()
    if header.isdigit():
        return float(header)
    if header:
        try:
            return max(0.0, parsedate_to_datetime(header).timestamp() - time.time())
        except (TypeError, ValueError, OverflowError):
            pass
    if response.content_type == "application/json":
        try:
            wait = json.loads(response.body).get("extras", {}).get("wait_seconds")
        except (ValueError, UnicodeDecodeError, AttributeError):
            return None
        if isinstance(wait, int | float) and wait >= 0:
            return float(wait)
    return None


def backoff(attempt: int) -> float:
    """Exponential backoff with jitter: 0.5-1 s, then 1-2 s, 2-4 s, ..."""
    base = BACKOFF_BASE_S * 2**attempt
    return base / 2 + random.uniform(0, base / 2)


def _reason(exc: BaseException) -> str:
    text = str(exc).split("(Caused by")[-1].strip(" ()'\"")
    return text[:200] or type(exc).__name__
