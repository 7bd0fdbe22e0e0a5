"""Cassettes hold no secret, and none lies unused."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
import yaml
from vcr.request import Request

from tests.forums.fakes import REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, SECRETS
from tests.forums.recording import CASSETTES, scrub_request, scrub_response

FILES = sorted(CASSETTES.glob("*.yaml"))
TEST_SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
PLACEHOLDER = re.compile(r"^(Basic |bearer )?<[A-Z_]+>$")


def test_cassettes__there_are_some():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_cassette__holds_no_secret(path):
    text = path.read_text(encoding="utf-8")
    basic = base64.b64encode(f"{REDDIT_CLIENT_ID}:{REDDIT_CLIENT_SECRET}".encode()).decode()
    for secret in (*SECRETS, basic):
        assert secret not in text
    for interaction in yaml.safe_load(text)["interactions"]:
        for name, values in interaction["request"]["headers"].items():
            if name.lower() in ("authorization", "api-key", "cookie"):
                assert all(PLACEHOLDER.match(v) for v in values), (name, values)
        assert "access_token=" not in interaction["request"]["uri"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_cassette__is_played_by_a_test(path):
    assert f"def {path.stem}(" in TEST_SOURCES or f'cassette("{path.stem}")' in TEST_SOURCES


def test_scrub_request__replaces_credentials_in_headers_query_and_form():
    request = Request(
        "POST", "https://forum.example.org/posts.json?api_key=SECRET1&api_username=bot&page=2",
        b"grant_type=password&username=bot&password=SECRET2&client_secret=SECRET3",
        {"Api-Key": ["SECRET4"], "Authorization": ["Basic SECRET5"], "Accept": ["application/json"]},
    )
    scrubbed = scrub_request(request)
    flat = f"{scrubbed.uri} {scrubbed.body!r} {dict(scrubbed.headers)}"
    assert not re.search(r"SECRET\d", flat)
    assert "page=2" in scrubbed.uri and scrubbed.headers["Accept"] == "application/json"


def test_scrub_response__replaces_tokens_and_cookies_and_keeps_the_length_true():
    body = b'{"access_token": "SECRET6", "refresh_token": "SECRET7", "token_type": "bearer"}'
    answer = {"status": {"code": 200, "message": "OK"}, "body": {"string": body},
              "headers": {"Content-Length": [str(len(body))], "Set-Cookie": ["session=SECRET8"]}}
    scrubbed = scrub_response(answer)
    assert not re.search(rb"SECRET\d", scrubbed["body"]["string"])
    assert scrubbed["headers"]["Set-Cookie"] == ["<SET_COOKIE>"]
    assert scrubbed["headers"]["Content-Length"] == [str(len(scrubbed["body"]["string"]))]
