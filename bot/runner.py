"""`factcheck bot run`: each source polled, each new post checked, a decision made and recorded,
and a reply posted only where every rule allows it.

    for each source (a stopped one is skipped; one that failed waits out its backoff):
        reconcile   replies intended but unconfirmed: looked for in the thread, then retried
        poll        the posts after the source's cursor, oldest first
        per post    check ─ decide ─ one transaction: post, claims, draft, decision, intended
                    reply, cursor ─ one log line ─ send the reply (auto mode)

A source that answers 403, or whose account is refused when it posts, is stopped and reported
(`factcheck bot status`, `factcheck bot resume NAME`); the others go on. Other errors are
logged and the source is polled again after an exponential backoff.

Decisions (one log line each): ignored, checked (nothing to correct), opt-out, drafted (dry-run),
queued (review), held (auto mode, waiting for review: the reason says why), posted.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone

from bot import posting, safety
from bot.check import CheckedClaim, Checker, CheckResult
from bot.config import Settings
from bot.forums.errors import AccessDenied, ForumError
from bot.reply import ReplyError, ReplyOptions, draft_reply
from bot.sources import Adapter, Incoming, SourceError
from bot.store import Store, stamp

log = logging.getLogger("factcheck.bot")
MAX_BACKOFF_S = 3600

# The draft's status for each decision that drafts a reply.
DRAFT_STATUS = {"drafted": "dry-run", "queued": "pending", "held": "pending", "post": "approved"}


def now() -> datetime:
    """The bot's clock (tests replace it)."""
    return datetime.now(timezone.utc)


@dataclass
class Decision:
    action: str
    reason: str
    answer: list[CheckedClaim] = field(default_factory=list)  # the claims the draft answers
    simulated: bool = False  # a dry run's draft that auto mode would have posted


def log_line(at: datetime, **fields) -> str:
    """`2026-11-28T10:00:00Z source=... post=... action=... reason="..."`: one line, key=value,
    values quoted (JSON) when they hold a space, a quote, an equals sign or anything unprintable,
    so that no name or message can break the line or forge another. Nothing secret is passed in."""
    parts = [stamp(at)]
    for key, value in fields.items():
        if value is None or value == "":
            continue
        text = str(value)
        quoted = not text.isprintable() or any(c in text for c in ' "=')
        parts.append(f"{key}={json.dumps(text, ensure_ascii=False) if quoted else text}")
    return " ".join(parts)


class Runner:
    def __init__(self, settings: Settings, store: Store, checker: Checker, adapters: dict[str, Adapter],
                 clock: Callable[[], datetime] | None = None):
        self.settings, self.bot = settings, settings.bot
        self.store, self.checker, self.adapters = store, checker, adapters
        self.clock = clock or now

    def say(self, **fields) -> None:
        log.info(log_line(self.clock(), **fields))

    def run_once(self) -> dict[str, dict[str, int]]:
        """One round over every source; per source, how many posts were new and what was done."""
        with self.store.locked():
            return {name: self._source(adapter) for name, adapter in self.adapters.items()}

    def _source(self, adapter: Adapter) -> dict[str, int]:
        tally: dict[str, int] = {"new": 0}
        with self.store.transaction():
            state = self.store.source(adapter.name, adapter.kind)
        if state["stopped"]:
            self.say(source=adapter.name, action="skipped", reason=f"stopped: {state['stopped']} "
                     f"(factcheck bot resume {adapter.name})")
            return tally
        if state["retry_at"] and state["retry_at"] > stamp(self.clock()):
            self.say(source=adapter.name, action="skipped", reason=f"backing off until {state['retry_at']}")
            return tally
        try:
            self._reconcile(adapter)
            batch = adapter.poll(state["cursor"])
            if batch.note:
                self.say(source=adapter.name, action="note", reason=batch.note)
            for item in batch.posts:
                if self._stopped(adapter):
                    return tally
                action = self._handle(adapter, item)
                tally["new"] += action is not None
                if action:
                    tally[action] = tally.get(action, 0) + 1
            with self.store.transaction():
                if batch.cursor:
                    self.store.advance(adapter.name, batch.cursor)
                self.store.polled(adapter.name, self.clock())
            done = ", ".join(f"{n} {action}" for action, n in tally.items() if action != "new")
            self.say(source=adapter.name, action="polled", reason=f"{_count(tally['new'], 'new post')}"
                     + (f": {done}" if done else ""))
        except AccessDenied as exc:
            with self.store.transaction():
                self.store.stop(adapter.name, str(exc), self.clock())
            self.say(source=adapter.name, action="stopped", reason=str(exc))
        except Exception as exc:  # noqa: BLE001 - one source's trouble never stops the others
            why = str(exc) if isinstance(exc, ForumError | SourceError) else f"{type(exc).__name__}: {exc}"[:300]
            wait = min(self.bot.interval_s * 2 ** state["failures"], MAX_BACKOFF_S)
            with self.store.transaction():
                self.store.polled(adapter.name, self.clock(), why, self.clock() + timedelta(seconds=wait))
            self.say(source=adapter.name, action="error", reason=f"{why}; next try in {wait:g} s")
        return tally

    def _stopped(self, adapter: Adapter) -> bool:
        return bool(self.store.source(adapter.name, adapter.kind)["stopped"])

    def _reconcile(self, adapter: Adapter) -> None:
        may_post = not safety.kill_switch_on(self.bot)
        for reply_id, outcome, detail in posting.reconcile(self.store, adapter, self.clock, may_post):
            self.say(source=adapter.name, reply=reply_id, action=outcome, reason=f"unconfirmed reply: {detail}")

    # --- one post ----------------------------------------------------------------------------

    def _handle(self, adapter: Adapter, item: Incoming) -> str | None:
        post = item.post
        if self.store.seen(adapter.name, post.id):
            return None
        at = self.clock()
        try:
            result = self.checker.check(post.text, id=post.id)
            decision = self._decide(adapter, item, result, at)
        except Exception as exc:  # noqa: BLE001 - one post must not stop the bot; it is recorded
            result = CheckResult(post.id, post.text, (), None)
            decision = Decision("error", f"{type(exc).__name__}: {str(exc)[:200]}")
        body = self._body(adapter, decision) if decision.action in DRAFT_STATUS else None
        draft_id = reply_id = None
        with self.store.transaction():
            self._record(adapter, item, result, decision)
            if body is not None:
                draft_id = self.store.add_draft(
                    adapter.name, post.id, [_key(c) for c in decision.answer], body,
                    self.checker.kb.version, adapter.source.mode, DRAFT_STATUS[decision.action], decision.reason, at)
            if decision.action == "post":
                reply_id = posting.intend(self.store, self.store.draft(draft_id), at)
            elif decision.simulated and draft_id is not None:
                posting.intend(self.store, self.store.draft(draft_id), at, status="dry-run")
            self.store.decide(at, "bot", decision.action, decision.reason, source=adapter.name, post_id=post.id,
                              draft_id=draft_id)
            self.store.advance(adapter.name, item.cursor)
        posting.checkpoint("recorded")
        self.say(source=adapter.name, post=post.id, thread=item.thread_id, author=post.author,
                 action=decision.action, draft=draft_id, claims=_claims(result), reason=decision.reason)
        if reply_id is None:
            return decision.action
        outcome, detail = posting.send(self.store, adapter, reply_id, self.clock)
        self.say(source=adapter.name, post=post.id, reply=reply_id, action=outcome, reason=detail)
        return outcome

    def _record(self, adapter: Adapter, item: Incoming, result: CheckResult, decision: Decision) -> None:
        post = item.post
        self.store.add_post(adapter.name, {
            "post_id": post.id, "thread_id": item.thread_id, "number": post.number or None, "author": post.author,
            "url": post.url, "text": post.text, "created_at": stamp(item.created) if item.created else None,
            "seen_at": stamp(self.clock()), "kb_version": self.checker.kb.version, "decision": decision.action,
        })
        for checked in result.claims:
            self.store.add_claim(adapter.name, post.id, {
                "claim_key": _key(checked), "text": checked.claim.text,
                "modality": checked.claim.modality.value,
                "verdict": checked.verdict.value if checked.verdict else None, "confidence": checked.confidence,
            })
        if decision.action == "opt-out":
            self.store.opt_out(adapter.name, post.author, post.id, self.clock())

    def _decide(self, adapter: Adapter, item: Incoming, result: CheckResult, at: datetime) -> Decision:
        post, name, mode = item.post, adapter.name, adapter.source.mode
        simulated = mode == "dry-run"
        if post.author and not adapter.is_me(post.author) and safety.asks_to_opt_out(post.text):
            return Decision("opt-out", f"{post.author} asked the bot to leave them alone")
        opted_out = bool(post.author) and self.store.opted_out(name, post.author)
        why = safety.leave_alone(post.author, adapter.is_me(post.author), item.created, at, self.bot, opted_out)
        if why:
            return Decision("ignored", why)
        to_answer = [c for c in result.claims if c.needs_reply]
        if not to_answer:
            return Decision("checked", f"{_count(len(result.claims), 'claim')}, none to correct" if result.claims
                            else "no alliance claim")
        keys, why = safety.unanswered(self.store, name, post.id, item.thread_id, [_key(c) for c in to_answer], simulated)
        if why:
            return Decision("ignored", why)
        to_answer = [c for c in to_answer if _key(c) in keys]
        if mode == "review":
            return Decision("queued", "waits for a moderator (factcheck review)", to_answer)
        eligible = [c for c in to_answer if not safety.auto_blocked(c, self.checker.kb, self.bot.auto_min_confidence)]
        blocked = (
            (None if eligible else safety.auto_blocked(to_answer[0], self.checker.kb, self.bot.auto_min_confidence))
            or safety.over_limits(self.store, name, item.thread_id, post.author, at, self.bot, simulated)
            or ("the kill switch is on" if safety.kill_switch_on(self.bot) else None)
        )
        if blocked:
            return Decision("drafted" if simulated else "held",
                            f"auto mode would hold it: {blocked}" if simulated else blocked, to_answer)
        verdicts = "; ".join(_verdict(c) for c in eligible)
        if simulated:
            return Decision("drafted", f"auto mode would post it: {verdicts}", eligible, simulated=True)
        return Decision("post", f"auto: {verdicts}", eligible)

    def _body(self, adapter: Adapter, decision: Decision) -> str | None:
        options = ReplyOptions.for_forum(adapter.kind, footer=self.settings.reply.footer)
        options = replace(options, max_length=options.max_length - posting.MARKER_ROOM)  # the marker line
        try:
            return draft_reply(decision.answer, self.checker.kb, options)
        except ReplyError as exc:
            decision.action, decision.reason, decision.answer = "ignored", str(exc), []
            return None


def run_forever(runner: Runner, interval_s: float, stop: threading.Event) -> None:
    """Rounds every `interval_s` seconds until `stop` is set (SIGTERM, Ctrl-C)."""
    while not stop.is_set():
        runner.run_once()
        stop.wait(interval_s)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _key(checked: CheckedClaim) -> str:
    return safety.claim_key(checked.claim.statement)


def _verdict(checked: CheckedClaim) -> str:
    return f"{_key(checked)} is {checked.verdict.value} ({checked.confidence:.2f})"


def _claims(result: CheckResult) -> str:
    return "; ".join(
        f"{_key(c)}: {c.verdict.value} {c.confidence:.2f}" if c.verdict else f"{_key(c)}: {c.claim.modality.value}"
        for c in result.claims
    )
