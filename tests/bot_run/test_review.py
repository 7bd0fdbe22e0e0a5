"""`factcheck review`: the moderators' queue, from the command line."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.config import load_settings

POST_OF_DRAFT = {1: "5001", 2: "5005", 3: "5007"}


@pytest.fixture
def queued(config_file, start, clock):
    """A review-mode round over page A: drafts 1-3 wait for a moderator. Returns the config path."""
    def make(extra: str = "") -> str:
        path = config_file("review", extra)
        start(load_settings(path)).run_once()
        return path
    return make


def test_review__approve_posts_the_draft_once(cassette, queued, capsys, tmp_path):
    config = queued()
    assert main(["review", "list", "--config", config]) == 0
    listing = capsys.readouterr().out
    assert "#1  pending  forum.example.org  kamal" in listing and "[AZE member_of nato]" in listing
    (tmp_path / "reply.md").write_text("Azerbaijan is a NATO partner, not a member.\n", encoding="utf-8")
    assert main(["review", "edit", "1", "--file", str(tmp_path / "reply.md"), "--config", config]) == 0
    assert main(["review", "approve", "1", "--config", config]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "draft 1: posted: 5013"
    # Again: refused, in one line, and nothing is sent (the cassette holds one POST).
    assert main(["review", "approve", "1", "--config", config]) == 1
    assert capsys.readouterr().err == "factcheck: error: draft 1 is posted, not waiting for review: it cannot be approved\n"
    assert [r.method for r in cassette.requests] == ["GET", "POST"]
    assert main(["review", "show", "1", "--format", "json", "--config", config]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "posted" and shown["body"] == "Azerbaijan is a NATO partner, not a member."


@pytest.mark.cassette("test_run__dry_run_drafts_and_posts_nothing")
def test_review__show_reject_and_list(cassette, queued, capsys):
    config = queued()
    assert main(["review", "show", "3", "--config", config]) == 0
    shown = capsys.readouterr().out
    assert "Armenia is a member of the CSTO.  ->  ARM member_of csto: misleading (1.00)" in shown
    assert "Reply:" in shown and "https://forum.example.org/t/nordic-nato/301/3" in shown
    assert main(["review", "reject", "3", "--reason", "a known joke", "--config", config]) == 0
    assert capsys.readouterr().out == "draft 3: rejected\n"
    assert main(["review", "list", "--format", "json", "--config", config]) == 0
    assert [d["id"] for d in json.loads(capsys.readouterr().out)] == [1, 2]
    assert main(["review", "list", "--all", "--config", config]) == 0
    assert "#3  rejected" in capsys.readouterr().out


@pytest.mark.cassette("test_run__dry_run_drafts_and_posts_nothing")
def test_review__approval_obeys_the_kill_switch_and_the_caps(cassette, queued, capsys, tmp_path):
    config = queued("max_replies_per_hour = 0\n")
    assert main(["review", "approve", "2", "--config", config]) == 1
    assert "hourly cap: 0 replies in the last hour" in capsys.readouterr().err
    (tmp_path / "STOP").touch()
    assert main(["review", "approve", "2", "--config", config]) == 1
    assert capsys.readouterr().err.startswith("factcheck: error: draft 2 was not posted: the kill switch is on")


@pytest.mark.parametrize(("argv", "message"), [
    (["review", "show"], "review show needs a draft number"),
    (["review", "show", "42"], "there is no draft 42"),
    (["review", "edit", "1", "--file", "/nonexistent/reply.md"], "cannot read /nonexistent/reply.md"),
])
@pytest.mark.cassette("test_run__dry_run_drafts_and_posts_nothing")
def test_review__mistakes_are_one_line(cassette, queued, capsys, argv, message):
    config = queued()
    assert main([*argv, "--config", config]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"factcheck: error: {message}") and err.count("\n") == 1
