"""HTTP for the forum adapters, guarded: a URL a stranger posts must not reach inside the network.

- http and https only; every host is resolved and every address it resolves to must be public
  (not loopback, private, link-local, shared, reserved or multicast) unless the host, address or
  network is listed in `[fetch] allow_private_hosts`. The check runs before each request is sent,
  on every redirect (followed here, one hop at a time), and again when the socket is opened: the
  connection goes to an address that was just checked, so a DNS answer that changes between the
  check and the connection (rebinding) gains nothing.
- `[fetch] timeout_s` bounds connecting, each wait for data and the whole body; `[fetch] max_bytes`
  bounds the body (also when decompressed).
- 429 is honoured (`Retry-After`, or Discourse's `extras.wait_seconds`); 429, 502-504 and dropped
  connections are retried at most `[fetch] max_retries` times, with exponential backoff and jitter.
- Headers that carry credentials are dropped when a redirect leaves the host. Nothing is logged.
"""

from __future__ import annotations

import ipaddress
import json
import random
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection as urllib3_connection

from bot.config import FetchSettings
from bot.forums.errors import (
    AccessDenied,
    BlockedAddress,
    FetchFailed,
    FetchTimeout,
    NotFound,
    RateLimited,
    TooLarge,
    UnsupportedURL,
)

SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 502, 503, 504})
MAX_WAIT_S = 120  # a longer Retry-After is reported, not slept through
BACKOFF_BASE_S = 1.0
CREDENTIAL_HEADERS = ("authorization", "cookie", "api-key", "api-username")
CHUNK = 64 * 1024

Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the system resolver)."""
    return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def wait(seconds: float) -> None:
    """How the fetcher waits before a retry (tests replace it)."""
    time.sleep(seconds)


def user_agent() -> str:
    try:
        v = version("factcheck")
    except PackageNotFoundError:
        v = "unknown"
    return f"factcheck/{v} (forum fact-check bot for alliance claims)"


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise UnsupportedURL(url, "only http and https addresses are fetched")
    if not parts.hostname:
        raise UnsupportedURL(url, "no host name")
    try:
        parts.port
    except ValueError:
        raise UnsupportedURL(url, "the port is not a number") from None


class AddressGuard:
    """Decides which addresses a host may be reached at."""

    def __init__(self, allow_private_hosts: Iterable[str] = (), resolver: Resolver | None = None):
        self.resolver = resolver or resolve
        self.allowed_names: set[str] = set()
        self.allowed_networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in allow_private_hosts:
            try:
                self.allowed_networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                self.allowed_names.add(entry.lower().rstrip("."))

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to; BlockedAddress if any of them is not public."""
        host = host.lower().rstrip(".").strip("[]")
        try:
            found = self.resolver(host, port)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchFailed(host, f"cannot resolve the host name ({exc})") from None
        if not found:
            raise FetchFailed(host, "the host name resolves to no address")
        if host not in self.allowed_names:
            for address in found:
                ip = ipaddress.ip_address(address.split("%")[0])
                if not _public(ip) and not any(ip in net for net in self.allowed_networks):
                    raise BlockedAddress(host, address)
        return found


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    mapped = getattr(ip, "ipv4_mapped", None) or getattr(ip, "sixtofour", None)
    if mapped is not None:
        return _public(mapped)
    return ip.is_global and not ip.is_multicast


class _PinnedConnection:
    """Mixed into urllib3's connection class: the socket goes to an address the guard has just
    checked, never to a fresh DNS answer. TLS still verifies the certificate for the host name."""

    guard: AddressGuard

    def _new_conn(self):
        error: OSError | None = None
        for address in self.guard.addresses(self._dns_host, self.port):
            try:
                return urllib3_connection.create_connection(
                    (address, self.port), self.timeout,
                    source_address=self.source_address, socket_options=self.socket_options,
                )
            except TimeoutError as exc:
                raise ConnectTimeoutError(self, f"Connection to {self.host} timed out") from exc
            except OSError as exc:
                error = exc
        raise NewConnectionError(self, f"Failed to establish a new connection: {error}")


def _pinned_pool(base: type, guard: AddressGuard) -> type:
    class PinnedPool(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            # Built from the class urllib3 (or a test's recorder) has in place right now.
            self.ConnectionCls = type(f"Pinned{self.ConnectionCls.__name__}", (_PinnedConnection, self.ConnectionCls), {"guard": guard})

    return PinnedPool


class GuardedAdapter(HTTPAdapter):
    """requests' adapter with the guard before each request and at each connection."""

    def __init__(self, guard: AddressGuard, **kwargs):
        self.guard = guard
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _pinned_pool(HTTPConnectionPool, self.guard),
            "https": _pinned_pool(HTTPSConnectionPool, self.guard),
        }

    def send(self, request, **kwargs):
        check_url(request.url)
        parts = urlsplit(request.url)
        self.guard.addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        return super().send(request, **kwargs)


def guarded_session(guard: AddressGuard, agent: str) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxy or .netrc credentials from the environment for strangers' URLs
    session.headers["User-Agent"] = agent
    adapter = GuardedAdapter(guard)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


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
