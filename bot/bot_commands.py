"""`factcheck bot run|status|resume`: the scheduled bot, what it has done, and a stopped source
started again. Decisions are logged on standard error, one line each."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.config import Settings
from bot.store import BotError, Store

EXAMPLE = """\
examples:
  factcheck bot run --config config.toml          poll every [bot] interval_s seconds until stopped
  factcheck bot run --once --config config.toml   one round, for cron or a systemd timer
  factcheck bot status                            each source: last poll, counts, errors
  factcheck bot resume r/geopolitics              poll a stopped source again
"""


def add_arguments(parser) -> None:
    parser.description = "Run the forum bot: poll the configured sources, check new posts, draft or post replies."
    parser.epilog = EXAMPLE
    parser.add_argument("action", choices=("run", "status", "resume"))
    parser.add_argument("source", nargs="?", help="for resume: the source's name, as bot status shows it")
    parser.add_argument("--once", action="store_true", help="one round, then exit (cron, systemd timers)")
    parser.set_defaults(run=run)


def run(args, settings: Settings) -> int:
    if args.action == "status":
        return status(settings, args.format)
    if args.action == "resume":
        return resume(settings, args.source)
    return run_bot(settings, once=args.once)


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a line is logged."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


@contextmanager
def log_to_stderr() -> Iterator[None]:
    """The bot's decisions on standard error, one line each, while the bot runs."""
    logger, handler = logging.getLogger("factcheck.bot"), _Stderr()
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def run_bot(settings: Settings, once: bool) -> int:
    from bot.cli import build_checker
    from bot.runner import Runner, run_forever
    from bot.sources import adapters

    if not settings.sources:
        raise BotError("no [[sources]] in the config: add a Discourse site or a subreddit (see config.example.toml)")
    sources = adapters(settings)
    store = Store(settings.store.path)
    try:
        runner = Runner(settings, store, build_checker(settings), sources)
        with log_to_stderr():
            if once:
                runner.run_once()
                return 0
            stop = threading.Event()
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, lambda *_: stop.set())
            run_forever(runner, settings.bot.interval_s, stop)
        return 0
    finally:
        store.close()


def status(settings: Settings, fmt: str = "text") -> int:
    from bot.safety import kill_switch_on

    if not Path(settings.store.path).exists():
        print(f"store: {settings.store.path} is not there yet: no round has run ([store] path)")
        return 0
    store = Store(settings.store.path)
    try:
        configured = {s.key: s for s in settings.sources}
        rows = {r["name"]: r for r in store.sources()}
        report = []
        for name in [*configured, *(n for n in rows if n not in configured)]:
            row, source = rows.get(name), configured.get(name)
            report.append({
                "source": name,
                "kind": source.kind if source else row["kind"],
                "mode": source.mode if source else None,
                "last_poll": row["last_poll"] if row else None,
                "last_ok": row["last_ok"] if row else None,
                "last_error": row["last_error"] if row else None,
                "stopped": row["stopped"] if row else None,
                "counts": store.counts(name),
            })
        kill = {"path": settings.bot.kill_switch, "on": kill_switch_on(settings.bot)}
    finally:
        store.close()
    if fmt == "json":
        print(json.dumps({"store": settings.store.path, "kill_switch": kill, "sources": report}, indent=2))
    else:
        print(_status_text(settings.store.path, kill, report))
    return 0


def _status_text(path: str, kill: dict, report: list[dict]) -> str:
    lines = [f"store: {path}", f"kill switch: {'ON' if kill['on'] else 'off'} ({kill['path']})"]
    if not report:
        lines.append("no sources: add [[sources]] to the config")
    for entry in report:
        c = entry["counts"]
        mode = entry["mode"] or "not in the config"
        would = f" (a dry run: {c['would_post']} would have been)" if c["would_post"] else ""
        state = f"STOPPED: {entry['stopped']} (factcheck bot resume {entry['source']})" if entry["stopped"] else (
            f"error: {entry['last_error']}" if entry["last_error"] else "ok")
        lines += [
            "",
            f"{entry['source']} ({entry['kind']}, {mode})",
            f"  last poll: {entry['last_poll'] or 'never'}; last good poll: {entry['last_ok'] or 'never'}",
            f"  posts seen {c['posts']}, claims {c['claims']}, drafts {c['drafts']} ({c['pending']} waiting for review)",
            f"  replies posted {c['posted']}{would}, unconfirmed {c['unconfirmed']}, failed {c['failed']}; "
            f"opted out {c['opted_out']}",
            f"  {state}",
        ]
    return "\n".join(lines)


def resume(settings: Settings, name: str | None) -> int:
    if not name:
        raise BotError("name the source to resume, as `factcheck bot status` shows it")
    store = Store(settings.store.path)
    try:
        with store.transaction():
            if not store.resume(name):
                raise BotError(f"no source named {name} in {settings.store.path}")
    finally:
        store.close()
    print(f"{name}: will be polled again on the next round")
    return 0
