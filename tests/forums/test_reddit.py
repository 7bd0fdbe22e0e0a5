"""Reddit through praw: every comment, nested and behind "more", in the posters' own words."""

from __future__ import annotations

import json

import pytest

from bot import threads
from bot.cli import build_checker
from bot.config import Settings
from bot.forums import fetch_thread, reddit
from bot.forums.errors import AccessDenied, BlockedAddress, CredentialsMissing, FetchFailed, NotAThread
from tests.forums.fakes import DNS

THREAD_URL = "https://www.reddit.com/r/geopolitics/comments/1q2w3e/azerbaijan_and_nato/"


def test_reddit__nested_replies_and_more_comments_checked_completely(cassette, settings):
    thread = fetch_thread(THREAD_URL, settings)
    assert (thread.forum, thread.title, thread.not_fetched) == ("reddit", "Azerbaijan and NATO", 0)
    # Depth first, in thread order; c4 was deleted; c6 and c7 came from behind the "more" stub.
    assert [(p.number, p.id, p.author) for p in thread.posts] == [
        (1, "1q2w3e", "opal"), (2, "c1", "pavel"), (3, "c2", "quinn"), (4, "c3", "pavel"),
        (6, "c5", "rosa"), (7, "c6", "sami"), (8, "c7", "tomas"),
    ]
    texts = {p.id: p.text for p in thread.posts}
    assert "Turkey left NATO" not in texts["1q2w3e"]  # a > quote in the submission
    assert texts["c2"] == "No: Turkey is in NATO, Azerbaijan is a partner."  # the quoted line is gone
    assert texts["c7"] == "That line is from a quiz."  # fenced code is gone
    assert thread.posts[1].url == "https://www.reddit.com/r/geopolitics/comments/1q2w3e/azerbaijan_and_nato/c1/"
    assert [r.method for r in cassette.requests] == ["POST", "GET", "POST"]  # token, thread, morechildren


def test_reddit__more_comments_beyond_the_limit_are_counted_not_lost(cassette):
    settings = Settings(fetch={"reddit_replace_more_limit": 0})
    out, note = threads.check_url(THREAD_URL, settings, build_checker(settings), "json")
    assert [p["id"] for p in json.loads(out)["posts"]] == ["1q2w3e", "c1", "c2", "c3", "c5"]
    assert note == "2 posts of the thread were not fetched (raise [fetch] reddit_replace_more_limit to read more)"


def test_reddit__private_subreddit_is_one_line(cassette, settings):
    with pytest.raises(AccessDenied, match="private, quarantined or banned subreddit"):
        fetch_thread(THREAD_URL, settings)


def test_reddit__server_errors_are_retried_then_one_line(cassette, settings, monkeypatch):
    """prawcore retries a 503 twice, sleeping between; a third 503 is a one-line error."""
    import prawcore.sessions

    slept: list[float] = []
    monkeypatch.setattr(prawcore.sessions.time, "sleep", slept.append)
    with pytest.raises(FetchFailed, match="Reddit answered 503"):
        fetch_thread(THREAD_URL, settings)
    assert [r.method for r in cassette.requests] == ["POST", "GET", "GET", "GET"]
    assert len(slept) == 2


def test_reddit__html_where_json_was_expected_is_one_line(cassette, settings):
    with pytest.raises(FetchFailed) as raised:
        fetch_thread(THREAD_URL, settings)
    assert "\n" not in str(raised.value)


def test_reddit__missing_credentials_say_where_to_put_them(monkeypatch, settings):
    monkeypatch.delenv("praw_client_id")
    with pytest.raises(CredentialsMissing, match="praw_client_id .* praw.ini"):
        fetch_thread(THREAD_URL, settings)


def test_reddit__blocked_address_is_not_hidden_inside_praw(monkeypatch, settings):
    """praw wraps what the session raises in prawcore's RequestException; the guard's own error
    comes out."""
    monkeypatch.setitem(DNS, "www.reddit.com", ["127.0.0.1"])
    with pytest.raises(BlockedAddress, match=r"www.reddit.com \(127.0.0.1\)"):
        fetch_thread(THREAD_URL, settings)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.reddit.com/r/geopolitics/comments/1q2w3e/azerbaijan_and_nato/", "1q2w3e"),
    ("https://old.reddit.com/r/geopolitics/comments/1q2w3e/", "1q2w3e"),
    ("https://www.reddit.com/r/geopolitics/comments/1q2w3e/azerbaijan_and_nato/c1/?context=3", "1q2w3e"),
    ("https://www.reddit.com/comments/1Q2W3E", "1q2w3e"),
    ("https://redd.it/1q2w3e", "1q2w3e"),
    ("https://libreddit.example/r/geopolitics/comments/1q2w3e/x/", "1q2w3e"),
])
def test_submission_id__from_every_kind_of_link(url, expected):
    assert reddit.recognises(url)
    assert reddit.submission_id(url) == expected


@pytest.mark.parametrize("url", ["https://www.reddit.com/r/worldnews/", "https://www.reddit.com/user/someone"])
def test_reddit__a_subreddit_or_user_page_is_not_a_thread(url):
    with pytest.raises(NotAThread, match="/comments/<id>"):
        fetch_thread(url, Settings())
