"""`factcheck review list|show|approve|reject|edit`: the moderators' queue of drafted replies.

Drafts wait here from sources in review mode, and from auto mode when a rule held them back.
Approving posts the draft through the same path as the bot (recorded as intended, then posted,
then confirmed), under the same rules: not while the kill switch is on, not to a post already
answered, not past the caps and cooldowns.
"""

from __future__ import annotations

import getpass
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from bot import posting, safety
from bot.config import Settings
from bot.reply import MAX_LENGTH
from bot.store import BotError, Store

EXAMPLE = """\
examples:
  factcheck review list                 drafts waiting for a moderator (--all: every draft)
  factcheck review show 12              the post, its claims and the draft
  factcheck review edit 12 --file reply.md    replace the draft's text (else $EDITOR opens it)
  factcheck review approve 12           post it
  factcheck review reject 12 --reason "satire"
"""
APPROVAL_WAIT_S = 60  # a bot round in progress is waited for, this long at most


class ReviewError(BotError):
    pass


def add_arguments(parser) -> None:
    parser.description = "The review queue: drafted replies waiting for a moderator."
    parser.epilog = EXAMPLE
    parser.add_argument("action", choices=("list", "show", "approve", "reject", "edit"))
    parser.add_argument("draft", nargs="?", type=int, help="the draft's number, as review list shows it")
    parser.add_argument("--all", action="store_true", help="list: every draft, not only those waiting")
    parser.add_argument("--reason", help="reject: why, for the record")
    parser.add_argument("--file", help="edit: the new text from this file ('-': standard input)")
    parser.set_defaults(run=run)


def run(args, settings: Settings) -> int:
    store = Store(settings.store.path)
    try:
        if args.action == "list":
            return _list(store, args.all, args.format)
        draft = _draft(store, args.draft, args.action)
        if args.action == "show":
            return _show(store, draft, args.format)
        if args.action == "reject":
            return _reject(store, draft, args.reason)
        if args.action == "edit":
            return _edit(store, draft, args.file)
        return approve(store, settings, draft["id"])
    finally:
        store.close()


def _draft(store: Store, draft_id: int | None, action: str):
    if draft_id is None:
        raise ReviewError(f"review {action} needs a draft number: factcheck review {action} 12")
    draft = store.draft(draft_id)
    if draft is None:
        raise ReviewError(f"there is no draft {draft_id} (factcheck review list)")
    return draft


def _pending(draft, action: str) -> None:
    if draft["status"] != "pending":
        raise ReviewError(f"draft {draft['id']} is {draft['status']}, not waiting for review: it cannot be {action}")


def _moderator() -> str:
    try:
        return f"moderator:{getpass.getuser()}"
    except (KeyError, OSError):
        return "moderator"


def _list(store: Store, everything: bool, fmt: str) -> int:
    drafts = store.drafts(None if everything else "pending")
    if fmt == "json":
        print(json.dumps([_summary(d) for d in drafts], indent=2, ensure_ascii=False))
        return 0
    if not drafts:
        print("no drafts waiting for review" if not everything else "no drafts")
    for d in drafts:
        keys = ", ".join(json.loads(d["claim_keys"]))
        print(f"#{d['id']}  {d['status']:<8} {d['source']}  {d['author'] or '(unknown)'}  {d['created_at']}  [{keys}]")
        print(f"      {d['url']}" + (f"  ({d['reason']})" if d["reason"] else ""))
    return 0


def _summary(d) -> dict:
    return {"id": d["id"], "status": d["status"], "source": d["source"], "post_id": d["post_id"],
            "author": d["author"], "url": d["url"], "claims": json.loads(d["claim_keys"]),
            "reason": d["reason"], "created_at": d["created_at"], "kb_version": d["kb_version"]}


def _show(store: Store, draft, fmt: str) -> int:
    claims = store.claims_of(draft["source"], draft["post_id"])
    if fmt == "json":
        out = {**_summary(draft), "text": draft["text"], "body": draft["body"],
               "checked": [{"claim": c["claim_key"], "text": c["text"], "verdict": c["verdict"],
                            "confidence": c["confidence"]} for c in claims]}
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    lines = [f"Draft #{draft['id']} ({draft['status']}{': ' + draft['reason'] if draft['reason'] else ''})",
             f"{draft['source']}, post by {draft['author'] or '(unknown)'}: {draft['url']}", "", "Post:"]
    lines += [f"  {line}" for line in (draft["text"] or "").splitlines()]
    lines += ["", "Claims:"]
    lines += [f"  {c['text']}  ->  {c['claim_key']}: {c['verdict'] or c['modality']}"
              + (f" ({c['confidence']:.2f})" if c["confidence"] is not None else "") for c in claims]
    lines += ["", "Reply:", "", draft["body"]]
    print("\n".join(lines))
    return 0


def _reject(store: Store, draft, reason: str | None) -> int:
    _pending(draft, "rejected")
    with store.transaction():
        at = _now()
        store.set_draft(draft["id"], at, status="rejected", reason=reason or "rejected by a moderator")
        store.decide(at, _moderator(), "rejected", reason, source=draft["source"], post_id=draft["post_id"],
                     draft_id=draft["id"])
    print(f"draft {draft['id']}: rejected")
    return 0


def _edit(store: Store, draft, path: str | None) -> int:
    _pending(draft, "edited")
    body = _new_text(draft["body"], path).strip()
    if not body:
        raise ReviewError("the new text is empty: nothing changed (factcheck review reject to drop a draft)")
    kind = store.source(draft["source"], "")["kind"]
    limit = MAX_LENGTH.get(kind, min(MAX_LENGTH.values())) - posting.MARKER_ROOM
    if len(body) > limit:
        raise ReviewError(f"the new text has {len(body)} characters; {kind} takes {limit} (with the bot's reference line)")
    with store.transaction():
        at = _now()
        store.set_draft(draft["id"], at, body=body)
        store.decide(at, _moderator(), "edited", None, source=draft["source"], post_id=draft["post_id"],
                     draft_id=draft["id"])
    print(f"draft {draft['id']}: text replaced ({len(body)} characters)")
    return 0


def _new_text(old: str, path: str | None) -> str:
    if path == "-":
        return sys.stdin.read()
    if path:
        try:
            return Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ReviewError(f"cannot read {path}: {exc}") from None
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise ReviewError("give the new text with --file PATH (or -), or set $EDITOR")
    with tempfile.NamedTemporaryFile("w+", suffix=".md", encoding="utf-8", delete=False) as handle:
        handle.write(old)
    try:
        subprocess.run([*shlex.split(editor), handle.name], check=True)
        return Path(handle.name).read_text(encoding="utf-8")
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ReviewError(f"the editor ({editor}) failed: {exc}") from None
    finally:
        os.unlink(handle.name)


def approve(store: Store, settings: Settings, draft_id: int) -> int:
    from bot.runner import now
    from bot.sources import adapters

    adapter = adapters(settings).get(store.draft(draft_id)["source"])
    with store.locked(wait_s=APPROVAL_WAIT_S):
        draft = store.draft(draft_id)  # as it is now that no bot round runs
        _pending(draft, "approved")
        if adapter is None:
            raise ReviewError(f"draft {draft_id} is for {draft['source']}, which is not in the config's [[sources]]")
        at = now()
        why = _refusal(store, settings, draft, at)
        if why:
            raise ReviewError(f"draft {draft_id} was not posted: {why}")
        with store.transaction():
            store.set_draft(draft_id, at, status="approved")
            store.decide(at, _moderator(), "approved", None, source=draft["source"], post_id=draft["post_id"],
                         draft_id=draft_id)
            reply_id = posting.intend(store, store.draft(draft_id), at)
        outcome, detail = posting.send(store, adapter, reply_id, now)
    print(f"draft {draft_id}: {outcome}: {detail}")
    return 0 if outcome == "posted" else 1


def _refusal(store: Store, settings: Settings, draft, at) -> str | None:
    source = store.source(draft["source"], "")
    if source["stopped"]:
        return f"{draft['source']} is stopped: {source['stopped']} (factcheck bot resume {draft['source']})"
    if safety.kill_switch_on(settings.bot):
        return f"the kill switch is on ({settings.bot.kill_switch} exists)"
    _, why = safety.unanswered(store, draft["source"], draft["post_id"], draft["thread_id"],
                               json.loads(draft["claim_keys"]))
    return why or safety.over_limits(store, draft["source"], draft["thread_id"], draft["author"] or "", at, settings.bot)


def _now():
    from bot.runner import now

    return now()
