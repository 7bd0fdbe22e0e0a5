"""`factcheck --url URL` through the real command-line entry point."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from tests.forums.fakes import API_KEY, DISCOURSE, HTML_BOARD, THREAD

TOPIC_URL = f"https://{DISCOURSE}/t/{THREAD.slug}/{THREAD.id}"
REDDIT_URL = "https://www.reddit.com/r/geopolitics/comments/1q2w3e/azerbaijan_and_nato/"
SHARED = {
    "discourse": "test_discourse__45_posts_over_three_pages_checked_completely",
    "reddit": "test_reddit__nested_replies_and_more_comments_checked_completely",
    "phpbb": "test_html__phpbb_thread_over_two_pages",
    "429": "test_discourse__rate_limit_that_does_not_end_is_an_error",
}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.cassette(SHARED["discourse"])
def test_cli__thread_as_json_has_the_design_shape(cassette, capsys):
    code, out, err = run(capsys, "--url", TOPIC_URL, "--format", "json")
    assert (code, err) == (0, "")
    thread = json.loads(out)
    assert list(thread) == ["url", "forum", "title", "posts"]
    assert (thread["url"], thread["forum"], thread["title"]) == (TOPIC_URL, "discourse", THREAD.title)
    assert [p["number"] for p in thread["posts"]] == THREAD.numbers
    first = thread["posts"][0]
    assert list(first) == ["id", "number", "author", "url", "claims", "reply"]
    assert (first["id"], first["author"], first["url"]) == (str(THREAD.post_id(1)), "alice", f"{TOPIC_URL}/1")
    # Each post's claims are the per-text contract, unchanged.
    single = json.loads(run(capsys, "--format", "json", "Azerbaijan is in NATO, everyone knows that.")[1])
    assert first["claims"] == single["claims"] and first["reply"] == single["reply"]


@pytest.mark.cassette(SHARED["discourse"])
def test_cli__thread_as_text_shows_every_post(cassette, capsys):
    code, out, err = run(capsys, "--url", TOPIC_URL)
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == [f"Thread: {THREAD.title} (discourse)", TOPIC_URL,
                         "45 posts checked: 5 with claims, 3 replies drafted."]
    heads = [line for line in lines if line.startswith("#")]
    assert len(heads) == 45
    assert f"#2 ivan <{TOPIC_URL}/2>: no alliance claim." in lines
    assert f"#1 alice <{TOPIC_URL}/1>" in lines and "  Verdict: false (confidence 0.95)" in lines


@pytest.mark.cassette(SHARED["discourse"])
def test_cli__thread_as_markdown_is_the_drafts(cassette, capsys):
    code, out, _ = run(capsys, "--url", TOPIC_URL, "--format", "markdown")
    assert code == 0
    heads = [line for line in out.splitlines() if line.startswith("#") and "<https://" in line]
    assert heads == [f"#1 alice <{TOPIC_URL}/1>", f"#23 erin <{TOPIC_URL}/23>", f"#50 grace <{TOPIC_URL}/50>"]
    assert "> Azerbaijan is in NATO, everyone knows that." in out


@pytest.mark.cassette(SHARED["reddit"])
def test_cli__reddit_thread_as_json(cassette, capsys):
    code, out, _ = run(capsys, "--url", REDDIT_URL, "--format", "json")
    thread = json.loads(out)
    assert (code, thread["forum"], len(thread["posts"])) == (0, "reddit", 7)
    verdicts = {p["author"] + "/" + p["id"]: [c["verdict"] for c in p["claims"]] for p in thread["posts"]}
    assert verdicts["pavel/c1"] == ["false"]
    assert "false" not in verdicts["quinn/c2"]  # quinn quoted pavel's claim; it is not quinn's
    assert verdicts["tomas/c7"] == []  # the claim in tomas's code block


@pytest.mark.cassette(SHARED["phpbb"])
def test_cli__phpbb_thread_as_text(cassette, capsys):
    code, out, _ = run(capsys, "--url", f"https://{HTML_BOARD}/viewtopic.php?t=77")
    assert code == 0
    assert "Thread: Azerbaijan and NATO (html)" in out
    assert "5 posts checked: 4 with claims, 2 replies drafted." in out


def test_cli__404_is_one_line(cassette, capsys):
    code, out, err = run(capsys, "--url", f"https://{DISCOURSE}/t/gone-topic/404")
    assert (code, out) == (1, "")
    assert err == f"factcheck: error: https://{DISCOURSE}/t/gone-topic/404.json was not found (404): deleted, moved, or mistyped\n"


def test_cli__private_topic_is_one_line(cassette, capsys):
    code, out, err = run(capsys, "--url", f"https://{DISCOURSE}/t/staff-only/403")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "access denied (403): a private topic or forum?" in err


@pytest.mark.cassette(SHARED["429"])
def test_cli__rate_limit_exhausted_is_one_line(cassette, capsys, tmp_path, sleeps):
    config = tmp_path / "factcheck.toml"
    config.write_text("[fetch]\nmax_retries = 1\n")
    code, out, err = run(capsys, "--url", f"https://{DISCOURSE}/t/csto-members/77", "--config", str(config))
    assert (code, out, sleeps) == (1, "", [3.0])
    assert err == f"factcheck: error: {DISCOURSE} is rate-limiting us (429) and retries ran out; the server asks to wait 3 s\n"


@pytest.mark.parametrize(("url", "message"), [
    ("http://127.0.0.1:8080/t/x/1", "refused to connect to 127.0.0.1 (127.0.0.1)"),
    ("http://169.254.169.254/latest/meta-data/", "refused to connect to 169.254.169.254"),
    ("file:///etc/passwd", "only http and https"),
    ("https://www.reddit.com/r/worldnews/", "is not a forum thread"),
])
def test_cli__refusals_are_one_line_and_nothing_is_printed(url, message, capsys, tmp_path):
    code, out, err = run(capsys, "--url", url)
    assert (code, out) == (1, "")
    assert err.startswith("factcheck: error: ") and message in err and err.count("\n") == 1


def test_cli__text_and_url_together_is_a_usage_mistake(capsys):
    code, _, err = run(capsys, "--url", TOPIC_URL, "Azerbaijan is in NATO")
    assert code == 2 and "not both" in err


def test_cli__api_key_never_printed_even_on_errors(capsys, monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("FORUM_KEY", API_KEY)
    config = tmp_path / "factcheck.toml"
    config.write_text(f'[[sources]]\nkind = "discourse"\nurl = "https://{DISCOURSE}"\napi_key_env = "FORUM_KEY"\n')
    code, out, err = run(capsys, "--url", "http://intranet.example.org/t/x/1", "--config", str(config))
    assert code == 1
    assert API_KEY not in out + err + caplog.text


@pytest.mark.cassette(SHARED["discourse"])
def test_cli__thread_as_html_is_one_report_for_every_post(cassette, capsys):
    code, out, _ = run(capsys, "--url", TOPIC_URL, "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and out.count("<!DOCTYPE html>") == 1
    assert f"<title>{THREAD.title}</title>" in out
    assert out.count('<article class="post"') == 45
    assert "Post #50 by grace" in out and "Post #7 " not in out  # numbers as the forum has them


@pytest.mark.cassette(SHARED["phpbb"])
def test_cli__thread_as_bbcode_is_the_drafts_for_a_phpbb_forum(cassette, capsys):
    code, out, _ = run(capsys, "--url", f"https://{HTML_BOARD}/viewtopic.php?t=77", "--format", "bbcode")
    assert code == 0
    assert f"#1 kamal <https://{HTML_BOARD}/viewtopic.php?p=1001#p1001>" in out
    assert "[quote]" in out and "**" not in out


@pytest.mark.cassette(SHARED["reddit"])
def test_cli__thread_as_claimreview_is_one_list(cassette, capsys):
    code, out, _ = run(capsys, "--url", REDDIT_URL, "--format", "claimreview")
    reviews = json.loads(out)
    assert code == 0 and isinstance(reviews, list) and len(reviews) == 3


@pytest.mark.cassette(SHARED["phpbb"])
def test_readme__check_a_thread_shows_real_output(cassette, capsys):
    """The README's moderator session is what the command prints (cut where it says `...`)."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    command = "$ factcheck --url 'https://board.example.net/viewtopic.php?t=77'\n"
    shown = readme.split(command, 1)[1].split("```", 1)[0].splitlines()
    _, out, _ = run(capsys, "--url", "https://board.example.net/viewtopic.php?t=77")
    printed = iter(out.splitlines())
    assert all(any(line == p for p in printed) for line in shown if line != "..."), "README lines out of order"
    assert shown[:3] == out.splitlines()[:3]
