"""The bot's memory: SQLite (stdlib), one file, WAL mode, migrations from the first version on.

    sources    each source's cursor (the last post seen), last poll, errors, and whether it is stopped
    posts      every post seen, with what was decided about it
    claims     the claims found in them, with verdict, confidence
    drafts     replies drafted: dry-run, pending review, approved, rejected, posted
    replies    the ledger of replies: intended before posting, confirmed after, with the remote id
               and the knowledge-base version; at most one live reply per post. Dry runs record
               the replies auto mode would have posted (status dry-run), so that their caps and
               cooldowns count as auto mode's would
    decisions  every decision, by the bot or a moderator
    opt_outs   users who asked the bot to leave them alone

Every change that belongs together is one transaction (`with store.transaction():`), so a crash
leaves the database as it was before the change or after it, never in between. `synchronous=FULL`:
a reply recorded as intended is on disk before the forum is asked to post it.
"""

from __future__ import annotations

import fcntl
import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

# Each migration takes the schema from the version before it to its own. Never edit one that has
# shipped: add the next.
MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE sources (
        name TEXT PRIMARY KEY, kind TEXT NOT NULL, cursor TEXT, last_poll TEXT, last_ok TEXT,
        last_error TEXT, failures INTEGER NOT NULL DEFAULT 0, retry_at TEXT, stopped TEXT, stopped_at TEXT);
    CREATE TABLE posts (
        source TEXT NOT NULL, post_id TEXT NOT NULL, thread_id TEXT NOT NULL, number INTEGER,
        author TEXT, url TEXT, text TEXT, created_at TEXT, seen_at TEXT NOT NULL, kb_version TEXT,
        decision TEXT NOT NULL, PRIMARY KEY (source, post_id));
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, post_id TEXT NOT NULL, claim_key TEXT NOT NULL,
        text TEXT NOT NULL, modality TEXT NOT NULL, verdict TEXT, confidence REAL,
        FOREIGN KEY (source, post_id) REFERENCES posts (source, post_id));
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, post_id TEXT NOT NULL, claim_keys TEXT NOT NULL,
        body TEXT NOT NULL, kb_version TEXT NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL,
        reason TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        FOREIGN KEY (source, post_id) REFERENCES posts (source, post_id));
    CREATE INDEX drafts_by_status ON drafts (status);
    CREATE TABLE replies (
        id INTEGER PRIMARY KEY, draft_id INTEGER NOT NULL REFERENCES drafts (id),
        source TEXT NOT NULL, post_id TEXT NOT NULL, thread_id TEXT NOT NULL, author TEXT,
        claim_keys TEXT NOT NULL, kb_version TEXT NOT NULL, marker TEXT NOT NULL, body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('intended', 'posted', 'failed', 'dry-run')),
        remote_id TEXT, attempts INTEGER NOT NULL DEFAULT 0, intended_at TEXT NOT NULL,
        confirmed_at TEXT, error TEXT);
    CREATE UNIQUE INDEX replies_ledger ON replies (source, post_id, claim_keys, kb_version)
        WHERE status IN ('intended', 'posted');
    CREATE UNIQUE INDEX replies_one_per_post ON replies (source, post_id) WHERE status IN ('intended', 'posted');
    CREATE INDEX replies_by_thread ON replies (source, thread_id);
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, source TEXT, post_id TEXT, draft_id INTEGER,
        actor TEXT NOT NULL, action TEXT NOT NULL, reason TEXT);
    CREATE TABLE opt_outs (
        source TEXT NOT NULL, username TEXT NOT NULL, at TEXT NOT NULL, post_id TEXT,
        PRIMARY KEY (source, username));
    """,
}
SCHEMA_VERSION = max(MIGRATIONS)
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class BotError(Exception):
    """Root of the errors of the scheduled bot (`factcheck bot`, `factcheck review`)."""


class StoreError(BotError):
    """The database cannot be opened or is not one this version understands."""


class LockBusy(BotError):
    def __init__(self, path: str):
        super().__init__(f"another factcheck bot round or approval holds {path}; try again when it is done")


def stamp(moment: datetime) -> str:
    """Times are stored as UTC ISO 8601 text, to the second, so that they sort as they compare."""
    return moment.astimezone(timezone.utc).strftime(TIME_FORMAT)


def parse_stamp(text: str) -> datetime:
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=timezone.utc)


class Store:
    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=10)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the store {self.path} ([store] path) cannot be used: {exc}") from None

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def locked(self, wait_s: float = 0) -> Iterator[None]:
        """One bot round or one approval at a time on this store: two could otherwise both find
        the same intended reply missing from its thread, and both post it."""
        path = f"{self.path}.lock"
        with open(path, "a") as handle:
            deadline = time.monotonic() + wait_s
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LockBusy(path) from None
                    time.sleep(0.1)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing; BEGIN IMMEDIATE, so that two writers wait for each other."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _migrate(self) -> None:
        with self.transaction() as db:
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT version FROM schema_version").fetchone()
            current = row["version"] if row else 0
            if current > SCHEMA_VERSION:
                raise StoreError(
                    f"the store {self.path} has schema version {current}, written by a newer factcheck; "
                    f"this one knows up to {SCHEMA_VERSION}"
                )
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        db.execute(statement)
            if row is None:
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            else:
                db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))

    def schema_version(self) -> int:
        return self.db.execute("SELECT version FROM schema_version").fetchone()["version"]

    # --- sources ---------------------------------------------------------------------------

    def source(self, name: str, kind: str) -> sqlite3.Row:
        self.db.execute("INSERT OR IGNORE INTO sources (name, kind) VALUES (?, ?)", (name, kind))
        return self.db.execute("SELECT * FROM sources WHERE name = ?", (name,)).fetchone()

    def sources(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM sources ORDER BY name").fetchall()

    def polled(self, name: str, at: datetime, error: str | None = None, retry_at: datetime | None = None) -> None:
        if error is None:
            self.db.execute(
                "UPDATE sources SET last_poll = ?, last_ok = ?, last_error = NULL, failures = 0, retry_at = NULL "
                "WHERE name = ?", (stamp(at), stamp(at), name))
        else:
            self.db.execute(
                "UPDATE sources SET last_poll = ?, last_error = ?, failures = failures + 1, retry_at = ? "
                "WHERE name = ?", (stamp(at), error, stamp(retry_at) if retry_at else None, name))

    def stop(self, name: str, why: str, at: datetime) -> None:
        self.db.execute("UPDATE sources SET stopped = ?, stopped_at = ?, last_error = ? WHERE name = ?",
                        (why, stamp(at), why, name))

    def resume(self, name: str) -> bool:
        changed = self.db.execute("UPDATE sources SET stopped = NULL, stopped_at = NULL, failures = 0, "
                                  "retry_at = NULL WHERE name = ?", (name,)).rowcount
        return bool(changed)

    def advance(self, name: str, cursor: str) -> None:
        self.db.execute("UPDATE sources SET cursor = ? WHERE name = ?", (cursor, name))

    # --- posts, claims, drafts -------------------------------------------------------------

    def seen(self, source: str, post_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM posts WHERE source = ? AND post_id = ?", (source, post_id)).fetchone()
        return row is not None

    def add_post(self, source: str, row: dict) -> None:
        self.db.execute(
            "INSERT INTO posts (source, post_id, thread_id, number, author, url, text, created_at, seen_at, "
            "kb_version, decision) VALUES (:source, :post_id, :thread_id, :number, :author, :url, :text, "
            ":created_at, :seen_at, :kb_version, :decision)", {"source": source, **row})

    def add_claim(self, source: str, post_id: str, row: dict) -> None:
        self.db.execute(
            "INSERT INTO claims (source, post_id, claim_key, text, modality, verdict, confidence) "
            "VALUES (:source, :post_id, :claim_key, :text, :modality, :verdict, :confidence)",
            {"source": source, "post_id": post_id, **row})

    def add_draft(self, source: str, post_id: str, claim_keys: list[str], body: str, kb_version: str,
                  mode: str, status: str, reason: str | None, at: datetime) -> int:
        cursor = self.db.execute(
            "INSERT INTO drafts (source, post_id, claim_keys, body, kb_version, mode, status, reason, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source, post_id, json.dumps(claim_keys), body, kb_version, mode, status, reason, stamp(at), stamp(at)))
        return cursor.lastrowid

    def draft(self, draft_id: int) -> sqlite3.Row | None:
        return self.db.execute(
            "SELECT d.*, p.thread_id, p.number, p.author, p.url, p.text FROM drafts d "
            "JOIN posts p ON p.source = d.source AND p.post_id = d.post_id WHERE d.id = ?", (draft_id,)).fetchone()

    def drafts(self, status: str | None = None) -> list[sqlite3.Row]:
        where, args = ("WHERE d.status = ?", (status,)) if status else ("", ())
        return self.db.execute(
            "SELECT d.*, p.thread_id, p.number, p.author, p.url FROM drafts d JOIN posts p "
            f"ON p.source = d.source AND p.post_id = d.post_id {where} ORDER BY d.id", args).fetchall()

    def set_draft(self, draft_id: int, at: datetime, status: str | None = None, body: str | None = None,
                  reason: str | None = None) -> None:
        self.db.execute(
            "UPDATE drafts SET status = COALESCE(?, status), body = COALESCE(?, body), "
            "reason = COALESCE(?, reason), updated_at = ? WHERE id = ?",
            (status, body, reason, stamp(at), draft_id))

    def claims_of(self, source: str, post_id: str) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM claims WHERE source = ? AND post_id = ? ORDER BY id",
                               (source, post_id)).fetchall()

    # --- the ledger of replies -------------------------------------------------------------

    def intend(self, draft: sqlite3.Row, marker: str, body: str, at: datetime, status: str = "intended") -> int:
        """Record a reply as intended, before anything is sent (or, status dry-run, as what auto
        mode would have sent); raises sqlite3.IntegrityError when the post already has a live reply."""
        cursor = self.db.execute(
            "INSERT INTO replies (draft_id, source, post_id, thread_id, author, claim_keys, kb_version, marker, "
            "body, status, intended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (draft["id"], draft["source"], draft["post_id"], draft["thread_id"], draft["author"],
             draft["claim_keys"], draft["kb_version"], marker, body, status, stamp(at)))
        return cursor.lastrowid

    def attempted(self, reply_id: int) -> None:
        self.db.execute("UPDATE replies SET attempts = attempts + 1 WHERE id = ?", (reply_id,))

    def confirm(self, reply_id: int, remote_id: str | None, at: datetime) -> None:
        self.db.execute("UPDATE replies SET status = 'posted', remote_id = ?, confirmed_at = ?, error = NULL "
                        "WHERE id = ?", (remote_id, stamp(at), reply_id))

    def fail(self, reply_id: int, error: str, definite: bool) -> None:
        """A definite failure (the forum said no) ends the reply; an uncertain one leaves it
        intended, to be looked for in the thread before any retry."""
        status = "failed" if definite else "intended"
        self.db.execute("UPDATE replies SET status = ?, error = ? WHERE id = ?", (status, error, reply_id))

    def reply(self, reply_id: int) -> sqlite3.Row:
        return self.db.execute("SELECT r.*, p.number FROM replies r JOIN posts p ON p.source = r.source AND "
                               "p.post_id = r.post_id WHERE r.id = ?", (reply_id,)).fetchone()

    def unconfirmed(self, source: str) -> list[sqlite3.Row]:
        return self.db.execute("SELECT r.*, p.number FROM replies r JOIN posts p ON p.source = r.source AND "
                               "p.post_id = r.post_id WHERE r.source = ? AND r.status = 'intended' ORDER BY r.id",
                               (source,)).fetchall()

    def live_replies(self, source: str, *, post_id: str | None = None, thread_id: str | None = None,
                     author: str | None = None, since: datetime | None = None,
                     simulated: bool = False) -> list[sqlite3.Row]:
        """Replies that exist or may exist (intended, posted); with `simulated`, also a dry run's."""
        statuses = "'intended', 'posted', 'dry-run'" if simulated else "'intended', 'posted'"
        query = f"SELECT * FROM replies WHERE source = ? AND status IN ({statuses})"
        args: list = [source]
        for column, value in (("post_id", post_id), ("thread_id", thread_id)):
            if value is not None:
                query += f" AND {column} = ?"
                args.append(value)
        if author is not None:
            query += " AND lower(author) = lower(?)"
            args.append(author)
        if since is not None:
            query += " AND intended_at >= ?"
            args.append(stamp(since))
        return self.db.execute(query + " ORDER BY id", args).fetchall()

    # --- decisions and opt-outs ------------------------------------------------------------

    def decide(self, at: datetime, actor: str, action: str, reason: str | None = None, *,
               source: str | None = None, post_id: str | None = None, draft_id: int | None = None) -> None:
        self.db.execute("INSERT INTO decisions (at, source, post_id, draft_id, actor, action, reason) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", (stamp(at), source, post_id, draft_id, actor, action, reason))

    def opt_out(self, source: str, username: str, post_id: str, at: datetime) -> None:
        self.db.execute("INSERT OR IGNORE INTO opt_outs (source, username, at, post_id) VALUES (?, lower(?), ?, ?)",
                        (source, username, stamp(at), post_id))

    def opted_out(self, source: str, username: str) -> bool:
        return self.db.execute("SELECT 1 FROM opt_outs WHERE source = ? AND username = lower(?)",
                               (source, username)).fetchone() is not None

    def counts(self, source: str) -> dict[str, int]:
        one = lambda sql: self.db.execute(sql, (source,)).fetchone()[0]  # noqa: E731
        return {
            "posts": one("SELECT count(*) FROM posts WHERE source = ?"),
            "claims": one("SELECT count(*) FROM claims WHERE source = ?"),
            "drafts": one("SELECT count(*) FROM drafts WHERE source = ?"),
            "pending": one("SELECT count(*) FROM drafts WHERE source = ? AND status = 'pending'"),
            "posted": one("SELECT count(*) FROM replies WHERE source = ? AND status = 'posted'"),
            "unconfirmed": one("SELECT count(*) FROM replies WHERE source = ? AND status = 'intended'"),
            "failed": one("SELECT count(*) FROM replies WHERE source = ? AND status = 'failed'"),
            "would_post": one("SELECT count(*) FROM replies WHERE source = ? AND status = 'dry-run'"),
            "opted_out": one("SELECT count(*) FROM opt_outs WHERE source = ?"),
        }
