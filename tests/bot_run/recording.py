"""How the bot tests replay HTTP: the forum tests' recorder (vcrpy, `record_mode="none"`, secrets
scrubbed), on this folder's cassettes, and a matcher for the replies the bot posts: the same post
answered, and the bot's marker in the text (the text itself follows the knowledge base)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs

import vcr
from vcr.request import Request

from tests.forums.recording import recorder as forum_recorder

CASSETTES = Path(__file__).parent / "cassettes"
MATCH_ON = ["method", "scheme", "host", "port", "path", "query", "credentials", "reply"]


def _fields(request: Request) -> dict:
    body = request.body or b""
    body = body.decode() if isinstance(body, bytes) else body
    if not body:
        return {}
    if body.lstrip().startswith("{"):
        return json.loads(body)
    return {k: v[0] for k, v in parse_qs(body).items()}


def same_reply(live: Request, recorded: Request) -> None:
    """A reply goes to the post the recording answered, and carries the bot's marker."""
    if live.method != "POST" or not live.path.endswith(("/posts.json", "/api/comment/")):
        return
    sent, then = _fields(live), _fields(recorded)
    for key in ("topic_id", "reply_to_post_number", "thing_id"):
        assert sent.get(key) == then.get(key), f"{key}: {sent.get(key)!r}, recorded {then.get(key)!r}"
    text = sent.get("raw") or sent.get("text") or ""
    assert "*factcheck ref fc-" in text, "the reply carries no marker"


def recorder() -> vcr.VCR:
    recording = forum_recorder(CASSETTES)
    recording.register_matcher("reply", same_reply)
    recording.match_on = MATCH_ON
    return recording
