"""The store: WAL mode, a schema version and migrations from the first day, all or nothing."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from bot import store as store_module
from bot.store import SCHEMA_VERSION, LockBusy, Store, StoreError

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def db(tmp_path):
    opened = Store(tmp_path / "bot.db")
    yield opened
    opened.close()


def test_store__wal_mode_and_schema_version(db):
    assert db.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.schema_version() == SCHEMA_VERSION
    tables = {r[0] for r in db.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables >= {"schema_version", "sources", "posts", "claims", "drafts", "replies", "decisions", "opt_outs"}


def test_store__opening_again_migrates_nothing(tmp_path):
    Store(tmp_path / "bot.db").close()
    again = Store(tmp_path / "bot.db")
    assert again.db.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 1
    again.close()


def test_store__a_later_migration_runs_once_on_an_old_store(tmp_path, monkeypatch):
    Store(tmp_path / "bot.db").close()
    later = {**store_module.MIGRATIONS, SCHEMA_VERSION + 1: "ALTER TABLE posts ADD COLUMN language TEXT"}
    monkeypatch.setattr(store_module, "MIGRATIONS", later)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    for _ in range(2):
        upgraded = Store(tmp_path / "bot.db")
        assert upgraded.schema_version() == SCHEMA_VERSION + 1
        assert "language" in {r[1] for r in upgraded.db.execute("PRAGMA table_info(posts)")}
        upgraded.close()


def test_store__a_newer_store_is_refused(tmp_path):
    Store(tmp_path / "bot.db").close()
    raw = sqlite3.connect(tmp_path / "bot.db")
    raw.execute("UPDATE schema_version SET version = 99")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="schema version 99, written by a newer factcheck"):
        Store(tmp_path / "bot.db")


def test_store__not_a_database_is_one_line(tmp_path):
    (tmp_path / "bot.db").write_text("not sqlite " * 100)
    with pytest.raises(StoreError, match=r"bot.db \(\[store\] path\) cannot be used"):
        Store(tmp_path / "bot.db")


def test_store__a_failed_transaction_leaves_nothing(db):
    with pytest.raises(RuntimeError), db.transaction():
        db.source("forum", "discourse")
        db.advance("forum", "123")
        raise RuntimeError("crash in the middle")
    assert db.sources() == []


def test_store__one_round_at_a_time(db):
    with db.locked(), pytest.raises(LockBusy, match="another factcheck bot round"):
        with Store(db.path).locked():
            pass


def test_store__times_are_utc_text(db):
    with db.transaction():
        db.source("forum", "discourse")
        db.polled("forum", NOW)
    assert db.sources()[0]["last_poll"] == "2026-11-28T10:00:00Z"
