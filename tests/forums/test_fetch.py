"""The guarded fetcher: nobody let in, nothing unbounded, 429 honoured, retries bounded."""

from __future__ import annotations

import time

import pytest

from bot.config import FetchSettings
from bot.forums import fetch
from bot.forums.errors import BlockedAddress, FetchFailed, FetchTimeout, RateLimited, TooLarge, UnsupportedURL
from bot.forums.fetch import Fetcher, Response, retry_after
from bot.forums.guard import AddressGuard
from tests.forums.fakes import DISCOURSE, DNS, HTML_BOARD, PUBLIC_ADDRESS, fake_resolve
from tests.forums.loopback import serve
from tests.forums.recording import recorder

LOOPBACK_ALLOWED = FetchSettings(allow_private_hosts=["127.0.0.1"], max_retries=0, timeout_s=5)


@pytest.fixture
def no_network(tmp_path):
    """Any request that gets past the guard fails here instead of leaving the machine."""
    with recorder().use_cassette(str(tmp_path / "nothing.yaml")):
        yield


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/",
    "http://127.1.2.3:8080/admin",
    "http://[::1]/",
    "http://0.0.0.0/",
    "http://10.1.2.3/t/topic/1",
    "http://172.16.0.9/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",  # shared address space (carrier-grade NAT)
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata, link-local
    "http://[fe80::1]/",
    "http://224.0.0.1/",
    "http://intranet.example.org/t/topic/1",  # a name that resolves to a private address
    "http://mixed.example.org/",  # one public and one private address
    "http://metadata.example.org/",
    "http://mapped.example.org/",  # ::ffff:127.0.0.1
])
def test_guard__refuses_loopback_private_and_link_local_addresses(url, no_network):
    with pytest.raises(BlockedAddress, match="allow_private_hosts"):
        Fetcher().get(url)


@pytest.mark.parametrize("allowed", ["intranet.example.org", "INTRANET.example.org.", "10.20.30.40", "10.0.0.0/8"])
def test_guard__allow_private_hosts_by_name_address_or_network(allowed):
    guard = AddressGuard([allowed], fake_resolve)
    assert guard.addresses("intranet.example.org", 80) == ["10.20.30.40"]
    with pytest.raises(BlockedAddress):
        guard.addresses("metadata.example.org", 80)


def test_guard__public_addresses_pass():
    assert AddressGuard([], fake_resolve).addresses(HTML_BOARD, 443) == DNS[HTML_BOARD]


def test_guard__unknown_host_is_a_clear_error(no_network):
    with pytest.raises(FetchFailed, match="cannot resolve"):
        Fetcher().get("https://no-such-host.example.org/t/x/1")


@pytest.mark.parametrize("url", ["ftp://forum.example.org/t/x/1", "file:///etc/passwd", "gopher://x/",
                                 "javascript:alert(1)", "http:///no-host", "http://forum.example.org:99999/"])
def test_fetch__only_http_and_https_urls(url, no_network):
    with pytest.raises(UnsupportedURL):
        Fetcher().get(url)


def test_fetch__redirect_to_a_private_address_is_refused(cassette):
    with pytest.raises(BlockedAddress, match=r"169.254.169.254"):
        Fetcher().get(f"https://{DISCOURSE}/t/moved/55.json", headers={"Accept": "application/json"})


def test_fetch__redirect_to_another_host_drops_the_api_key(cassette):
    headers = {"Accept": "application/json", "Api-Key": "k", "Api-Username": "factcheck-bot"}
    answer = Fetcher().get(f"https://{DISCOURSE}/t/csto-members/77.json", headers=headers)
    assert answer.url == "https://archive.example.com/t/csto-members/77.json"
    # The cassette's `credentials` matcher: the key went to the forum, not to the other host.


def test_fetch__body_over_the_cap_is_refused(cassette):
    with pytest.raises(TooLarge, match=r"larger than 10000 bytes \(\[fetch\] max_bytes\)"):
        Fetcher(FetchSettings(max_bytes=10_000)).get(f"https://{HTML_BOARD}/huge.html",
                                                     headers={"Accept": "text/html,application/xhtml+xml"})


def test_fetch__announced_length_over_the_cap_is_refused(cassette):
    with pytest.raises(TooLarge):
        Fetcher(FetchSettings(max_bytes=10_000)).get(f"https://{HTML_BOARD}/huge.html",
                                                     headers={"Accept": "text/html,application/xhtml+xml"})


def test_fetch__503_is_retried_with_backoff(cassette, sleeps):
    answer = Fetcher().get(f"https://{DISCOURSE}/t/csto-members/77.json", headers={"Accept": "application/json"})
    assert answer.status == 200
    assert len(sleeps) == 1 and 0.5 <= sleeps[0] <= 1.0  # first backoff: 0.5-1 s with jitter


def test_fetch__backoff_doubles_with_jitter():
    for attempt in range(5):
        waits = {fetch.backoff(attempt) for _ in range(20)}
        assert all(2**attempt / 2 <= w <= 2**attempt for w in waits)
        assert len(waits) > 1


def test_fetch__user_agent_names_factcheck_and_its_version():
    with serve() as (port, seen):
        Fetcher(LOOPBACK_ALLOWED).get(f"http://127.0.0.1:{port}/ok")
    assert seen[0]["agent"].startswith("factcheck/")
    assert seen[0]["agent"].split()[0] != "factcheck/unknown"


def test_fetch__slow_body_is_cut_off_at_the_time_cap():
    settings = FetchSettings(allow_private_hosts=["127.0.0.1"], timeout_s=0.5, max_retries=0)
    with serve() as (port, _):
        started = time.monotonic()
        with pytest.raises(FetchTimeout, match=r"within 0.5 s"):
            Fetcher(settings).get(f"http://127.0.0.1:{port}/slow")
        assert time.monotonic() - started < 2.5


def test_fetch__redirect_to_a_file_url_is_refused():
    with serve() as (port, _), pytest.raises(UnsupportedURL, match="only http and https"):
        Fetcher(LOOPBACK_ALLOWED).get(f"http://127.0.0.1:{port}/to-file")


def test_fetch__redirect_loop_ends():
    with serve() as (port, seen), pytest.raises(FetchFailed, match="more than 5 redirects"):
        Fetcher(LOOPBACK_ALLOWED).get(f"http://127.0.0.1:{port}/loop")
    assert len(seen) == 6


def test_fetch__retry_after_longer_than_we_wait_is_reported_at_once(sleeps):
    with serve() as (port, _), pytest.raises(RateLimited, match="wait 3600 s"):
        Fetcher(FetchSettings(allow_private_hosts=["127.0.0.1"])).get(f"http://127.0.0.1:{port}/busy-for-an-hour")
    assert sleeps == []


def test_fetch__refused_connections_are_retried_then_reported(sleeps):
    with serve() as (port, _):
        pass  # the port is free again: nothing listens there
    settings = FetchSettings(allow_private_hosts=["127.0.0.1"], max_retries=2)
    with pytest.raises(FetchFailed, match="fetching http://127.0.0.1"):
        Fetcher(settings).get(f"http://127.0.0.1:{port}/ok")
    assert len(sleeps) == 2


def test_fetch__connection_goes_to_the_checked_address_with_the_host_name_kept():
    """The socket is opened to the address the guard checked; the Host header keeps the name."""
    with serve() as (port, seen):
        resolver = lambda host, p: ["127.0.0.1"] if host == "pinned.test" else fake_resolve(host, p)  # noqa: E731
        fetcher = Fetcher(FetchSettings(allow_private_hosts=["pinned.test"]), resolver=resolver)
        assert fetcher.get(f"http://pinned.test:{port}/ok").status == 200
    assert seen == [{"path": "/ok", "host": f"pinned.test:{port}", "agent": fetcher.agent}]


def test_fetch__dns_answer_that_changes_after_the_check_is_refused_at_connect():
    """DNS rebinding: public when checked, loopback when connecting. The connection is refused."""
    answers = iter([[PUBLIC_ADDRESS], ["127.0.0.1"]])
    with serve() as (port, seen):
        fetcher = Fetcher(FetchSettings(max_retries=0), resolver=lambda host, p: next(answers))
        with pytest.raises(BlockedAddress, match=r"rebind.test \(127.0.0.1\)"):
            fetcher.get(f"http://rebind.test:{port}/ok")
    assert seen == []


@pytest.mark.parametrize(("headers", "body", "expected"), [
    ({"Retry-After": "7"}, b"", 7.0),
    ({"Retry-After": "Sat, 01 Jan 2000 00:00:00 GMT"}, b"", 0.0),  # a date in the past: no wait
    ({"Content-Type": "application/json"}, b'{"extras": {"wait_seconds": 12}}', 12.0),
    ({"Retry-After": "soon"}, b"", None),
    ({"Content-Type": "application/json"}, b"not json", None),
    ({}, b"", None),
])
def test_retry_after__header_date_or_discourse_extras(headers, body, expected):
    assert retry_after(Response("https://x.example/", 429, headers, body)) == expected
