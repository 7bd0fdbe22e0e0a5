"""The rules, on a forum in memory and a fake clock: caps, cooldowns, opt-outs, the ledger, and
what auto mode may post. Nothing sleeps; time moves when the test says."""

from __future__ import annotations

import sqlite3

import pytest

from bot import safety
from bot.config import BotSettings, SourceSettings
from bot.runner import Runner
from bot.store import Store
from tests.bot_run.fakes import BOT, FORUM, KEY_ENV, RecordingAdapter

FALSE_CLAIMS = ("Azerbaijan is in NATO.", "Finland joined NATO in 2022.", "Sweden is not in NATO.",
                "Georgia is in the CSTO.", "Kazakhstan is in NATO.", "Turkey is not in NATO.")


@pytest.fixture
def forum(make_settings, checker, clock):
    """(runner, adapter) in auto mode; bot settings from the test's keyword arguments."""
    made: list[Store] = []

    def make(mode: str = "auto", **bot):
        settings = make_settings(**bot)
        source = SourceSettings(kind="discourse", url=FORUM, mode=mode, api_key_env=KEY_ENV, api_username=BOT)
        settings = settings.model_copy(update={"sources": [source]})
        adapter = RecordingAdapter(source, settings)
        store = Store(settings.store.path)
        made.append(store)
        return Runner(settings, store, checker, {adapter.name: adapter}, clock), adapter

    yield make
    for store in made:
        store.close()


def decisions_of(runner) -> dict[str, str]:
    return dict(runner.store.db.execute("SELECT post_id, decision FROM posts").fetchall())


def held(runner) -> dict[str, str]:
    return dict(runner.store.db.execute("SELECT post_id, reason FROM drafts WHERE status = 'pending'").fetchall())


def test_caps__hourly_cap_holds_until_the_hour_has_passed(forum, clock):
    runner, adapter = forum(max_replies_per_hour=2, user_cooldown_minutes=0)
    for n, text in enumerate(FALSE_CLAIMS[:3]):
        adapter.add(100 + n, f"user{n}", text, thread=str(n), clock=clock)
    runner.run_once()
    assert [p for p, _ in adapter.sent] == ["100", "101"]
    assert held(runner)["102"].startswith("hourly cap: 2 replies in the last hour")
    clock.advance(minutes=59)
    adapter.add(103, "user3", FALSE_CLAIMS[3], thread="3", clock=clock)
    runner.run_once()
    assert "103" in held(runner)
    clock.advance(minutes=2)  # the first two replies are now more than an hour old
    adapter.add(104, "user4", FALSE_CLAIMS[3], thread="4", clock=clock)
    runner.run_once()
    assert [p for p, _ in adapter.sent] == ["100", "101", "104"]


def test_caps__per_user_cooldown(forum, clock):
    runner, adapter = forum(user_cooldown_minutes=30)
    adapter.add(200, "kamal", FALSE_CLAIMS[0], thread="10", clock=clock)
    adapter.add(201, "Kamal", FALSE_CLAIMS[1], thread="11", clock=clock)  # names compare without case
    runner.run_once()
    assert [p for p, _ in adapter.sent] == ["200"]
    assert held(runner)["201"].startswith("user cooldown: Kamal was answered at 2026-11-28T10:00:00Z")
    clock.advance(minutes=31)
    adapter.add(202, "kamal", FALSE_CLAIMS[2], thread="12", clock=clock)
    runner.run_once()
    assert [p for p, _ in adapter.sent] == ["200", "202"]


def test_caps__per_thread_cap(forum, clock):
    runner, adapter = forum(max_replies_per_thread=2, user_cooldown_minutes=0)
    for n, text in enumerate(FALSE_CLAIMS[:3]):
        adapter.add(300 + n, f"user{n}", text, thread="77", clock=clock)
    runner.run_once()
    assert [p for p, _ in adapter.sent] == ["300", "301"]
    assert held(runner)["302"].startswith("thread cap: 2 replies in this thread")


def test_ledger__a_claim_corrected_in_the_thread_is_not_corrected_again(forum, clock):
    runner, adapter = forum(max_replies_per_thread=5, user_cooldown_minutes=0)
    adapter.add(400, "kamal", "Azerbaijan is in NATO.", thread="5", clock=clock)
    adapter.add(401, "lena", "Yes, Azerbaijan is in NATO.", thread="5", clock=clock)
    adapter.add(402, "lena", "Azerbaijan is in NATO.", thread="6", clock=clock)  # another thread: answered
    runner.run_once()
    assert [p for p, _ in adapter.sent] == ["400", "402"]
    reason = runner.store.db.execute("SELECT reason FROM decisions WHERE post_id = '401'").fetchone()[0]
    assert reason == "the same claim was already corrected in this thread"


def test_ledger__one_live_reply_per_post_is_enforced_by_the_database(forum, clock):
    runner, adapter = forum()
    adapter.add(500, "kamal", FALSE_CLAIMS[0], clock=clock)
    runner.run_once()
    reply = runner.store.db.execute("SELECT draft_id FROM replies").fetchone()
    with pytest.raises(sqlite3.IntegrityError), runner.store.transaction():
        runner.store.intend(runner.store.draft(reply["draft_id"]), "fc-other", "again", clock())


def test_opt_out__by_reply_and_by_config(forum, clock):
    runner, adapter = forum(opt_out_users=["Quiet"], user_cooldown_minutes=0, max_replies_per_thread=9)
    adapter.add(600, "pia", "!factcheck optout, please", clock=clock)
    adapter.add(601, "pia", FALSE_CLAIMS[0], clock=clock)
    adapter.add(602, "quiet", FALSE_CLAIMS[1], clock=clock)
    adapter.add(603, "rosa", FALSE_CLAIMS[2], clock=clock)
    runner.run_once()
    assert decisions_of(runner) == {"600": "opt-out", "601": "ignored", "602": "ignored", "603": "post"}
    assert [p for p, _ in adapter.sent] == ["603"]


def test_never__itself_other_bots_deleted_authors_or_old_posts(forum, clock):
    runner, adapter = forum(ignore_users=["HelperBot"], max_replies_per_thread=9, user_cooldown_minutes=0)
    adapter.add(700, BOT, FALSE_CLAIMS[0], clock=clock)
    adapter.add(701, "helperbot", FALSE_CLAIMS[1], clock=clock)
    adapter.add(702, None, FALSE_CLAIMS[2], clock=clock)
    adapter.add(703, "omar", FALSE_CLAIMS[3], age_minutes=49 * 60, clock=clock)
    runner.run_once()
    reasons = dict(runner.store.db.execute("SELECT post_id, reason FROM decisions").fetchall())
    assert reasons == {"700": "the bot's own post", "701": "helperbot is a bot ([bot] ignore_users)",
                       "702": "the author is unknown (deleted account)",
                       "703": "older than 48 hours ([bot] max_post_age_hours)"}
    assert adapter.sent == []


def test_auto__threshold_and_verdicts(forum, clock):
    runner, adapter = forum(auto_min_confidence=0.96, user_cooldown_minutes=0, max_replies_per_thread=9)
    adapter.add(800, "kamal", "Azerbaijan is in NATO.", clock=clock)  # false, 0.95: under the threshold
    adapter.add(801, "omar", "Armenia is a member of the CSTO.", clock=clock)  # misleading
    adapter.add(802, "nora", "Finland joined NATO in 2022.", clock=clock)  # false, 1.00
    runner.run_once()
    assert [p for p, _ in adapter.sent] == ["802"]
    assert held(runner) == {"800": "confidence 0.95 is under 0.96 ([bot] auto_min_confidence)",
                            "801": "misleading verdicts are not posted automatically"}


def test_auto__never_on_a_fact_past_its_review_by_date(checker, kb):
    checked = checker.check("Finland joined NATO in 2022.").claims[0]
    assert safety.auto_blocked(checked, kb, 0.9) is None
    fact = checked.judgement.facts[0]
    stale = fact.model_copy(update={"review_by": kb.as_of.replace(year=kb.as_of.year - 1)})
    old = checked.judgement.__class__(checked.judgement.verdict, checked.judgement.explanation,
                                      checked.judgement.evidence, (stale,), checked.judgement.certainty)
    stale_claim = checked.__class__(checked.claim, old)
    assert safety.auto_blocked(stale_claim, kb, 0.9) == f"rests on facts past their review-by date: {fact.id}"


def test_auto__a_closed_list_verdict_rests_on_the_whole_list(checker, kb):
    checked = checker.check("Azerbaijan is in NATO.").claims[0]
    assert checked.judgement.facts == ()
    relied = safety.relied_on(checked, kb)
    assert {f.subject for f in relied} >= {"TUR", "FIN", "SWE"}
    assert all(f.object == "nato" for f in relied)


def test_kill_switch__is_a_file(tmp_path):
    bot = BotSettings(kill_switch=str(tmp_path / "STOP"))
    assert not safety.kill_switch_on(bot)
    (tmp_path / "STOP").touch()
    assert safety.kill_switch_on(bot)


@pytest.mark.parametrize(("text", "opts_out"), [
    ("!factcheck optout", True), ("!FactCheck opt-out please", True), ("!factcheck   optout", True),
    ("factcheck optout", False), ("!factcheck optouts", False), ("!factcheck", False),
])
def test_opt_out__command(text, opts_out):
    assert safety.asks_to_opt_out(text) is opts_out
