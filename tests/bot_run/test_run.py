"""`factcheck bot run` against recorded Discourse and Reddit traffic: each mode does what it says,
polling is incremental, a refusing source is stopped while the others go on, and the kill switch
stops all posting."""

from __future__ import annotations

import json

import pytest

from tests.bot_run.conftest import discourse, subreddit
from tests.forums.fakes import API_KEY

# Page A of the Discourse cassettes, by post id: what a round decides about each post.
DECIDED_IN_DRY_RUN = {
    "5001": "drafted",   # "Azerbaijan is in NATO." false 0.95
    "5002": "checked",   # "Turkey is in NATO." true
    "5003": "ignored",   # discobot: another bot
    "5004": "checked",   # a question
    "5005": "drafted",   # "Finland joined NATO in 2022." false 1.00
    "5006": "ignored",   # the bot's own post
    "5007": "drafted",   # "Armenia is a member of the CSTO." misleading: auto mode would hold it
    "5008": "opt-out",   # "!factcheck optout"
}


def rows(runner, sql: str, *args) -> list[tuple]:
    return [tuple(r) for r in runner.store.db.execute(sql, args).fetchall()]


def test_run__dry_run_drafts_and_posts_nothing(cassette, make_settings, start, decisions):
    runner = start(make_settings(discourse("dry-run")))
    tally = runner.run_once()
    assert tally["forum.example.org"]["new"] == 8
    assert dict(rows(runner, "SELECT post_id, decision FROM posts")) == DECIDED_IN_DRY_RUN
    drafts = rows(runner, "SELECT post_id, status, reason FROM drafts ORDER BY id")
    assert [(p, s) for p, s, _ in drafts] == [("5001", "dry-run"), ("5005", "dry-run"), ("5007", "dry-run")]
    assert drafts[2][2] == "auto mode would hold it: misleading verdicts are not posted automatically"
    # Nothing was sent: the replies the dry run records are what auto mode would have posted.
    assert rows(runner, "SELECT post_id, status FROM replies") == [("5001", "dry-run"), ("5005", "dry-run")]
    assert [r.method for r in cassette.requests] == ["GET"]
    lines = decisions()
    assert len([line for line in lines if " post=" in line]) == 8  # one line per decision
    assert all(API_KEY not in line for line in lines)


@pytest.mark.cassette("test_run__dry_run_drafts_and_posts_nothing")
def test_run__review_mode_queues_drafts_for_a_moderator(cassette, make_settings, start):
    runner = start(make_settings(discourse("review")))
    runner.run_once()
    assert rows(runner, "SELECT post_id, status FROM drafts ORDER BY id") == [
        ("5001", "pending"), ("5005", "pending"), ("5007", "pending")]
    assert rows(runner, "SELECT count(*) FROM replies") == [(0,)]


def test_run__auto_posts_confident_corrections_only(cassette, make_settings, start, decisions):
    runner = start(make_settings(discourse("auto")))
    runner.run_once()
    posted = rows(runner, "SELECT post_id, status, remote_id, kb_version FROM replies ORDER BY id")
    assert [r[:3] for r in posted] == [("5001", "posted", "5013"), ("5005", "posted", "5014")]
    assert posted[0][3] == runner.checker.kb.version
    # The misleading verdict, and the thread already answered, wait for a moderator.
    assert rows(runner, "SELECT post_id, status, reason FROM drafts WHERE status = 'pending'") == [
        ("5007", "pending", "misleading verdicts are not posted automatically")]
    assert [r.method for r in cassette.requests] == ["GET", "POST", "POST"]
    assert any("action=posted" in line and "post=5001" in line for line in decisions())


@pytest.mark.cassette("test_run__dry_run_drafts_and_posts_nothing")
def test_run__kill_switch_stops_posting(cassette, make_settings, start, tmp_path, decisions):
    settings = make_settings(discourse("auto"))
    (tmp_path / "STOP").touch()
    runner = start(settings)
    runner.run_once()
    assert rows(runner, "SELECT count(*) FROM replies") == [(0,)]
    held = rows(runner, "SELECT post_id, reason FROM drafts WHERE status = 'pending' ORDER BY id")
    assert held[:2] == [("5001", "the kill switch is on"), ("5005", "the kill switch is on")]


def test_run__second_poll_reads_only_new_posts_paging_back(cassette, make_settings, start):
    settings = make_settings(discourse("dry-run"))
    start(settings).run_once()
    runner = start(settings)  # a restart: what was seen is in the store, not in memory
    tally = runner.run_once()
    # Page B held 5011-5012; 5009-5010 came from paging back (?before=5011) to the last post seen.
    assert tally["forum.example.org"]["new"] == 4
    assert rows(runner, "SELECT cursor FROM sources") == [("5012",)]
    assert rows(runner, "SELECT count(*) FROM posts") == [(12,)]
    # 5009 ("Georgia is in the CSTO.") is in the thread where the dry run would already have answered 5001.
    assert rows(runner, "SELECT reason FROM drafts d WHERE post_id = '5009'") == [
        ("auto mode would hold it: thread cap: 1 reply in this thread ([bot] max_replies_per_thread = 1)",)]


@pytest.mark.cassette("test_run__dry_run_drafts_and_posts_nothing")
def test_run__categories_leave_other_categories_alone(cassette, make_settings, start):
    runner = start(make_settings(discourse("dry-run", categories=[7])))
    runner.run_once()
    assert sorted(p for (p,) in rows(runner, "SELECT post_id FROM posts")) == ["5005", "5006", "5007", "5008"]
    assert rows(runner, "SELECT cursor FROM sources") == [("5008",)]


def test_run__403_when_posting_stops_the_source(cassette, make_settings, start, decisions):
    runner = start(make_settings(discourse("auto")))
    runner.run_once()
    stopped = rows(runner, "SELECT stopped FROM sources")[0][0]
    assert "the bot may not post (403)" in stopped
    assert rows(runner, "SELECT post_id, status FROM replies") == [("5001", "failed")]
    # The rest of the page waits for the source to be resumed; nothing is lost.
    assert rows(runner, "SELECT cursor FROM sources") == [("5001",)]
    start(runner.settings).run_once()  # stopped: not polled again (the cassette has no more)
    assert any("action=skipped" in line and "stopped" in line for line in decisions())


def test_run__403_stops_that_source_only(cassette, make_settings, start):
    runner = start(make_settings(discourse("dry-run"), subreddit("dry-run")))
    tally = runner.run_once()
    assert tally["r/geopolitics"]["new"] == 6
    sources = dict(rows(runner, "SELECT name, stopped FROM sources"))
    assert "access denied (403)" in sources["forum.example.org"]
    assert sources["r/geopolitics"] is None
    runner = start(runner.settings)
    assert runner.run_once()["forum.example.org"] == {"new": 0}


def test_run__reddit_dry_run(cassette, make_settings, start):
    runner = start(make_settings(subreddit("dry-run")))
    runner.run_once()
    assert dict(rows(runner, "SELECT post_id, decision FROM posts")) == {
        "t3_1q2w3e": "checked", "t1_c1": "drafted", "t1_c2": "ignored", "t1_c3": "drafted",
        "t1_c4": "ignored", "t1_c5": "opt-out"}
    reasons = dict(rows(runner, "SELECT post_id, reason FROM drafts"))
    assert reasons["t1_c3"].startswith("auto mode would hold it: thread cap: 1 reply in this thread")
    assert json.loads(rows(runner, "SELECT cursor FROM sources")[0][0]) == {"t1": "c5", "t3": "1q2w3e"}
    assert rows(runner, "SELECT username FROM opt_outs") == [("rosa",)]


@pytest.mark.cassette("test_run__reddit_dry_run")
def test_run__reddit_review_mode_queues(cassette, make_settings, start):
    runner = start(make_settings(subreddit("review")))
    runner.run_once()
    assert rows(runner, "SELECT post_id, status FROM drafts ORDER BY id") == [("t1_c1", "pending"), ("t1_c3", "pending")]


def test_run__reddit_auto_posts_one_reply_per_thread(cassette, make_settings, start):
    runner = start(make_settings(subreddit("auto")))
    runner.run_once()
    assert rows(runner, "SELECT post_id, status, remote_id FROM replies") == [("t1_c1", "posted", "t1_c9")]
    assert rows(runner, "SELECT post_id, status FROM drafts WHERE status = 'pending'") == [("t1_c3", "pending")]
    body = rows(runner, "SELECT body FROM replies")[0][0]
    assert body.endswith("*factcheck ref " + rows(runner, "SELECT marker FROM replies")[0][0] + "*")


def test_run__reddit_banned_subreddit_is_stopped(cassette, make_settings, start):
    runner = start(make_settings(subreddit("auto")))
    runner.run_once()
    assert "private, quarantined or banned subreddit" in rows(runner, "SELECT stopped FROM sources")[0][0]

