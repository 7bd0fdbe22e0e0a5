"""A disk cache for what is slow to build and wholly determined by the knowledge base: the loaded
base itself, and what other layers compile from it (the gazetteer's patterns).

    $FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck
        <name>-<key>.pickle

A key is the knowledge base's content hash (its `version`) with whatever else the entry depends
on, and a fingerprint of the code that builds it (the sources of the packages the caller names,
the Python and pydantic versions), so that neither new data nor new code ever meets an old entry.
Pickles are read only from a directory that belongs to the user and that nobody else may write.
A directory that cannot be created or written, or an entry that cannot be read, means building
afresh, never an error. FACTCHECK_CACHE_DIR=off turns the cache off.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

ENV_VAR = "FACTCHECK_CACHE_DIR"
OFF = "off"
KEEP = 8  # entries of one name kept: a few data versions, models, checkouts
T = TypeVar("T")


def cached(name: str, key: str, build: Callable[[], T], code: tuple[str, ...] = ("knowledge",)) -> T:
    """The entry `name` for `key`, built (and stored) when missing. `code`: the packages whose
    sources decide what `build` returns."""
    path = _entry(name, key, code)
    if path is not None:
        value = _read(path)
        if value is not None:
            return value
    value = build()
    if path is not None:
        _write(path, value)
        _prune(path.parent, name)
    return value


def directory() -> Path | None:
    """Where entries live, or None when caching is off."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return None if configured == OFF else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


def _entry(name: str, key: str, code: tuple[str, ...]) -> Path | None:
    folder = directory()
    if folder is None or not _usable(folder):
        return None
    return folder / f"{name}-{key}-{_code_fingerprint(code)}.pickle"


def _usable(folder: Path) -> bool:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    own = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return own and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(path: Path):
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    # Unpickling makes thousands of objects; with spaCy loaded, the collections they trigger
    # walk millions more and cost ten times the unpickling itself.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    except Exception:  # torn or stale: build afresh and replace it
        return None
    finally:
        if collecting:
            gc.enable()


def _write(path: Path, value) -> None:
    """Atomically: parallel `scan --jobs` workers may write the same entry at once."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:  # a full disk, an object that will not pickle: no entry, no error
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _prune(folder: Path, name: str, keep: int = KEEP) -> None:
    """Old entries of `name` beyond the `keep` newest go: each edit of the data makes a new one."""
    try:
        entries = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[keep:]:
            old.unlink()
    except OSError:
        pass


@cache
def _code_fingerprint(packages: tuple[str, ...]) -> str:
    import pydantic

    digest = hashlib.sha256(f"{sys.version}|{pydantic.VERSION}".encode())
    for package in packages:
        spec = importlib.util.find_spec(package)
        for folder in spec.submodule_search_locations or ():
            for source in sorted(Path(folder).rglob("*.py")):
                digest.update(f"{package}/{source.relative_to(folder)}".encode())
                digest.update(source.read_bytes())
    return digest.hexdigest()[:12]
