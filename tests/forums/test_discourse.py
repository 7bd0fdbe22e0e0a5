"""Discourse: a whole topic through the JSON API, in the posters' own words."""

from __future__ import annotations

import json

import pytest

from bot.config import Settings, SourceSettings
from bot.forums import discourse, fetch_thread
from bot.forums.errors import CredentialsMissing, ForumError, RateLimited
from bot.forums.fetch import Fetcher, Response
from bot.threads import check_thread
from tests.forums.fakes import API_KEY, DISCOURSE, THREAD

TOPIC_URL = f"https://{DISCOURSE}/t/{THREAD.slug}/{THREAD.id}"


@pytest.fixture(scope="module")
def checker():
    from bot.cli import build_checker

    return build_checker(Settings())


def claims_of(post):
    return [(c.claim.statement.subject, c.claim.statement.relation.value, c.claim.statement.object,
             c.claim.modality.value, c.verdict.value if c.verdict else None) for c in post.result.claims]


def test_discourse__45_posts_over_three_pages_checked_completely(cassette, settings, checker):
    thread = fetch_thread(TOPIC_URL, settings)
    assert (thread.forum, thread.title, thread.not_fetched) == ("discourse", THREAD.title, 0)
    assert [p.number for p in thread.posts] == THREAD.numbers  # 45 posts, numbers 1-50 with gaps
    assert len(thread.posts) == 45 and 7 not in [p.number for p in thread.posts]
    assert [p.id for p in thread.posts] == [str(THREAD.post_id(n)) for n in THREAD.numbers]
    assert thread.posts[-1].url == f"https://{DISCOURSE}/t/{THREAD.slug}/{THREAD.id}/50"
    assert len(cassette.requests) == 3  # the topic, then posts.json for 20 and for 5 posts
    checked = {p.number: p for p in check_thread(thread, checker)}
    assert claims_of(checked[1]) == [("AZE", "member_of", "nato", "assertion", "false")]
    assert claims_of(checked[23]) == [("FIN", "member_of", "nato", "assertion", "false")]
    assert claims_of(checked[30]) == [("GEO", "member_of", "csto", "question", None)]
    assert claims_of(checked[50]) == [("GEO", "member_of", "csto", "assertion", "outdated")]  # last chunk
    assert {n for n, p in checked.items() if p.result.reply} == {1, 23, 50}


@pytest.mark.cassette("test_discourse__45_posts_over_three_pages_checked_completely")
def test_discourse__quotes_oneboxes_and_code_are_not_the_posters_claims(cassette, settings, checker):
    thread = fetch_thread(TOPIC_URL, settings)
    posts = {p.number: p for p in thread.posts}
    assert posts[3].text == "Turkey is in NATO."  # alice's quoted words are not bob's
    assert posts[8].text == "Interesting article."  # the link preview's headline is not carol's
    assert posts[14].text == "From the old quiz file:"  # nor is code
    assert posts[38].text == "Source?"
    checked = {p.number: p for p in check_thread(thread, checker)}
    assert claims_of(checked[3]) == [("TUR", "member_of", "nato", "assertion", "true")]
    for number in (8, 14, 38):
        assert claims_of(checked[number]) == []


def test_discourse__429_is_waited_out_then_the_topic_is_read(cassette, settings, sleeps):
    thread = fetch_thread(f"https://{DISCOURSE}/t/csto-members/77", settings)
    assert sleeps == [3.0]  # Retry-After
    assert [p.author for p in thread.posts] == ["hana", "ivan"]


def test_discourse__rate_limit_that_does_not_end_is_an_error(cassette, sleeps):
    settings = Settings(fetch={"max_retries": 1})
    with pytest.raises(RateLimited, match=r"forum.example.org is rate-limiting us .*wait 3 s"):
        fetch_thread(f"https://{DISCOURSE}/t/csto-members/77", settings)
    assert sleeps == [3.0]  # extras.wait_seconds, once; then no more retries


def api_key_settings() -> Settings:
    source = SourceSettings(kind="discourse", url=f"https://{DISCOURSE}", api_key_env="FORUM_KEY",
                            api_username="factcheck-bot")
    return Settings(sources=[source])


def test_discourse__api_key_is_sent_and_never_shown(cassette, monkeypatch, caplog):
    monkeypatch.setenv("FORUM_KEY", API_KEY)
    thread = fetch_thread(f"https://{DISCOURSE}/t/csto-members/77", api_key_settings())
    assert len(thread.posts) == 2  # the cassette's `credentials` matcher checked the Api-Key header was sent
    assert API_KEY not in caplog.text
    assert API_KEY not in repr(thread)


def test_discourse__api_key_variable_unset_names_it(monkeypatch):
    monkeypatch.delenv("FORUM_KEY", raising=False)
    with pytest.raises(CredentialsMissing, match=r"\$FORUM_KEY .*api_key_env.* not set"):
        fetch_thread(f"https://{DISCOURSE}/t/csto-members/77", api_key_settings())


@pytest.mark.parametrize(("url", "expected"), [
    ("https://meta.discourse.org/t/some-topic/1234", ("https://meta.discourse.org", 1234, "some-topic")),
    ("https://meta.discourse.org/t/some-topic/1234/17?u=bob", ("https://meta.discourse.org", 1234, "some-topic")),
    ("https://example.org/forum/t/some-topic/1234/", ("https://example.org/forum", 1234, "some-topic")),
    ("https://example.org/t/1234", ("https://example.org", 1234, None)),
    ("https://example.org/t/1234/5", ("https://example.org", 1234, None)),
    ("https://example.org/t/some-topic/1234.json", ("https://example.org", 1234, "some-topic")),
    ("https://example.org/latest", None),
    ("https://example.org/c/politics/5", None),
])
def test_topic_ref__any_host_by_its_path(url, expected):
    ref = discourse.topic_ref(url)
    assert (ref and (ref.base, ref.id, ref.slug)) == expected


def test_discourse__configured_host_without_a_topic_path_is_not_a_thread():
    settings = Settings(fetch={"discourse_hosts": [DISCOURSE]})
    assert discourse.recognises(f"https://{DISCOURSE}/latest", settings)
    with pytest.raises(Exception, match="is not a forum thread"):
        discourse.fetch(f"https://{DISCOURSE}/latest", Fetcher(settings.fetch), settings)


class Answers:
    """A fetcher that gives one answer to every request."""

    def __init__(self, body: bytes, content_type: str = "application/json; charset=utf-8"):
        self.body, self.content_type = body, content_type

    def get(self, url, params=None, headers=None):
        return Response(url, 200, {"Content-Type": self.content_type}, self.body)


@pytest.mark.parametrize(("body", "content_type", "error"), [
    (b'{"post_stream": {"posts": [{"id": 1, "post_nu', "application/json", "not valid JSON"),  # truncated
    (b"<html><body>Checking your browser...</body></html>", "text/html", "no Discourse topic there"),
    (b'{"errors": ["oops"]}', "application/json", "no Discourse topic there"),
    (b'["a", "list"]', "application/json", "no Discourse topic there"),
])
def test_discourse__broken_answers_are_one_line_errors(body, content_type, error):
    settings = Settings(fetch={"discourse_hosts": [DISCOURSE]})
    with pytest.raises(ForumError, match=error):
        fetch_thread(TOPIC_URL, settings, fetcher=Answers(body, content_type))


def test_discourse__posts_without_id_or_number_and_small_actions_are_left_out():
    topic = {"title": "T", "slug": "t", "post_stream": {"stream": [1, 2, 3, 4], "posts": [
        {"id": 1, "post_number": 1, "username": "a", "cooked": "<p>One</p>", "post_type": 1},
        {"id": 2, "post_number": 2, "post_type": 3, "cooked": "", "username": "system"},  # closed the topic
        {"id": "3", "post_number": 3, "cooked": "<p>bad id</p>"},
        {"id": 4, "cooked": "<p>no number</p>"},
        "not a post",
    ]}}
    thread = fetch_thread(TOPIC_URL, Settings(), fetcher=Answers(json.dumps(topic).encode()))
    assert [(p.number, p.text) for p in thread.posts] == [(1, "One")]
    assert thread.not_fetched == 2  # ids 3 and 4: asked for, never given
