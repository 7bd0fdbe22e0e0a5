"""What the bot must never do, as questions with a reason for an answer (None: go ahead).

    leave_alone      its own posts, other bots, users who opted out, deleted authors, old posts
    unanswered       a post already answered; a claim already corrected in the same thread
    auto_blocked     auto mode posts only false and outdated verdicts at or above the confidence
                     threshold, and never on a fact past its review-by date
    over_limits      the per-thread and per-hour caps, the per-user cooldown
    kill_switch_on   a file whose existence stops all posting

The store holds the replies these count (intended or posted: a reply that may exist counts), and
the clock is passed in, so that caps and cooldowns are tested without waiting.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

from bot.check import CheckedClaim
from bot.config import BotSettings
from bot.store import Store
from knowledge.base import KnowledgeBase
from knowledge.models import Fact, Statement, Verdict

AUTO_VERDICTS = frozenset({Verdict.FALSE, Verdict.OUTDATED})
OPT_OUT = re.compile(r"!factcheck\s+opt-?out\b", re.IGNORECASE)


def claim_key(statement: Statement) -> str:
    """The claim as the ledger knows it: 'AZE member_of nato', 'FIN member_of nato 2022', ..."""
    parts = [statement.subject, statement.relation.value, statement.object]
    parts += ["not"] if statement.negated else []
    parts += [str(statement.year)] if statement.year is not None else []
    parts += ["left"] if statement.left else []
    parts += ["joined"] if statement.event else []
    parts += [statement.tense.value] if statement.tense.value != "present" else []
    return " ".join(parts)


def asks_to_opt_out(text: str) -> bool:
    return bool(OPT_OUT.search(text))


def leave_alone(author: str | None, is_me: bool, created: datetime | None, now: datetime,
                bot: BotSettings, opted_out: bool) -> str | None:
    if author is None:
        return "the author is unknown (deleted account)"
    if is_me:
        return "the bot's own post"
    if author.lower() in {u.lower() for u in bot.ignore_users}:
        return f"{author} is a bot ([bot] ignore_users)"
    if opted_out or author.lower() in {u.lower() for u in bot.opt_out_users}:
        return f"{author} opted out"
    if bot.max_post_age_hours and created and now - created > timedelta(hours=bot.max_post_age_hours):
        return f"older than {bot.max_post_age_hours:g} hours ([bot] max_post_age_hours)"
    return None


def unanswered(store: Store, source: str, post_id: str, thread_id: str, keys: list[str],
               simulated: bool = False) -> tuple[list[str], str | None]:
    """The claims (by key) still to answer in this post, or a reason why none is. `simulated`:
    a dry run, which counts the replies it would have posted."""
    if store.live_replies(source, post_id=post_id, simulated=simulated):
        return [], "already answered"
    replies = store.live_replies(source, thread_id=thread_id, simulated=simulated)
    corrected = {key for r in replies for key in json.loads(r["claim_keys"])}
    left = [k for k in keys if k not in corrected]
    if not left:
        return [], "the same claim was already corrected in this thread"
    return left, None


def relied_on(checked: CheckedClaim, kb: KnowledgeBase) -> list[Fact]:
    """The facts a verdict rests on. A verdict from a closed list ('never one of its members')
    rests on the whole list: every current fact of that relation to that organisation."""
    judgement = checked.judgement
    if judgement is None:
        return []
    if judgement.facts:
        return list(judgement.facts)
    st = checked.claim.statement
    return [f for f in kb.facts if f.object == st.object and f.relation is st.relation and f.holds_on(kb.as_of)]


def auto_blocked(checked: CheckedClaim, kb: KnowledgeBase, threshold: float) -> str | None:
    if checked.verdict not in AUTO_VERDICTS:
        return f"{checked.verdict.value if checked.verdict else 'no'} verdicts are not posted automatically"
    if (checked.confidence or 0) < threshold:
        return f"confidence {checked.confidence:.2f} is under {threshold:g} ([bot] auto_min_confidence)"
    stale = sorted(f.id for f in relied_on(checked, kb) if f.review_by < kb.as_of)
    if stale:
        return f"rests on facts past their review-by date: {', '.join(stale[:3])}"
    return None


def over_limits(store: Store, source: str, thread_id: str, author: str, now: datetime, bot: BotSettings,
                simulated: bool = False) -> str | None:
    in_thread = len(store.live_replies(source, thread_id=thread_id, simulated=simulated))
    if in_thread >= bot.max_replies_per_thread:
        return (f"thread cap: {_replies(in_thread)} in this thread "
                f"([bot] max_replies_per_thread = {bot.max_replies_per_thread})")
    last_hour = len(store.live_replies(source, since=now - timedelta(hours=1), simulated=simulated))
    if last_hour >= bot.max_replies_per_hour:
        return (f"hourly cap: {_replies(last_hour)} in the last hour "
                f"([bot] max_replies_per_hour = {bot.max_replies_per_hour})")
    cooldown = timedelta(minutes=bot.user_cooldown_minutes)
    recent = store.live_replies(source, author=author, since=now - cooldown, simulated=simulated) if cooldown else []
    if recent:
        return (f"user cooldown: {author} was answered at {recent[-1]['intended_at']} "
                f"([bot] user_cooldown_minutes = {bot.user_cooldown_minutes:g})")
    return None


def kill_switch_on(bot: BotSettings) -> bool:
    return Path(bot.kill_switch).exists()


def _replies(n: int) -> str:
    return f"{n} {'reply' if n == 1 else 'replies'}"
