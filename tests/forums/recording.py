"""How the forum tests replay HTTP: vcrpy, cassettes named after their test, `record_mode="none"`,
and secrets replaced by placeholders before anything reaches disk (make_cassettes.py writes every
cassette through the same hooks that a live recording would use)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import vcr
from vcr.request import Request

CASSETTES = Path(__file__).parent / "cassettes"

# Header values that are credentials, whatever the forum.
SECRET_HEADERS = {
    "authorization": "<AUTHORIZATION>",
    "api-key": "<API_KEY>",
    "cookie": "<COOKIE>",
    "set-cookie": "<SET_COOKIE>",
}
SECRET_QUERY = ("api_key", "api_username", "access_token", "client_secret")
SECRET_FIELDS = ("access_token", "refresh_token", "client_secret", "password")
_FORM_SECRET = re.compile(rf"\b({'|'.join(SECRET_FIELDS)})=[^&]*")


def scrub_request(request: Request) -> Request:
    for name, placeholder in SECRET_HEADERS.items():
        if name in request.headers:
            request.headers[name] = placeholder
    for name in SECRET_QUERY:
        request.uri = re.sub(rf"([?&]{name}=)[^&]*", rf"\1<{name.upper()}>", request.uri)
    if isinstance(request.body, bytes):
        request.body = _FORM_SECRET.sub(lambda m: f"{m.group(1)}=<{m.group(1).upper()}>", request.body.decode()).encode()
    return request


def scrub_response(response: dict) -> dict:
    headers = response["headers"]
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            headers[name] = [SECRET_HEADERS[name.lower()]]
    body = response["body"]["string"]
    if any(field.encode() in body for field in SECRET_FIELDS):
        try:
            data = json.loads(body)
        except ValueError:
            return response
        if isinstance(data, dict):
            for field in SECRET_FIELDS:
                if field in data:
                    data[field] = f"<{field.upper()}>"
            response["body"]["string"] = json.dumps(data).encode()
            if "Content-Length" in headers:
                headers["Content-Length"] = [str(len(response["body"]["string"]))]
    return response


def same_credentials(live: Request, recorded: Request) -> None:
    """A request carries a credential header exactly where the recording had one (its value is a
    placeholder on disk): keys go where they were sent, and nowhere else."""
    for name in ("authorization", "api-key"):
        assert (name in live.headers) == (name in recorded.headers), f"{name} header: sent {name in live.headers}"


def recorder(directory: Path = CASSETTES) -> vcr.VCR:
    recording = vcr.VCR(
        cassette_library_dir=str(directory),
        record_mode="none",
        serializer="yaml",
        before_record_request=scrub_request,
        before_record_response=scrub_response,
        match_on=["method", "scheme", "host", "port", "path", "query", "credentials"],
    )
    recording.register_matcher("credentials", same_credentials)
    return recording


@contextmanager
def played_to_the_end(recording: vcr.VCR, request) -> Iterator:
    """Replay the cassette named after the test (or by its `cassette` mark); every interaction in
    it must have been requested by the end."""
    mark = request.node.get_closest_marker("cassette")
    name = mark.args[0] if mark else request.node.originalname
    with recording.use_cassette(f"{name}.yaml") as played:
        yield played
    unplayed = [i for i in range(len(played.data)) if not played.play_counts[i]]
    assert played.all_played, f"{name}.yaml: interactions {unplayed} were never requested"
