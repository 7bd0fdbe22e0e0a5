"""Which addresses a URL may reach: a URL a stranger posts must not reach inside the network.

http and https only; every address a host resolves to must be public (not loopback, private,
link-local, shared, reserved or multicast) unless the host, address or network is listed in
`[fetch] allow_private_hosts`. `GuardedAdapter` checks before each request is sent, and again
when the socket is opened: the connection goes to an address that was just checked, never to a
fresh DNS answer, so an answer that changes between the check and the connection (rebinding)
gains nothing. TLS still verifies the certificate for the host name.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection as urllib3_connection

from bot.forums.errors import BlockedAddress, FetchFailed, UnsupportedURL

SCHEMES = ("http", "https")

Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the system resolver)."""
    return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


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
