"""The disk cache: built once, read after; new data or an unusable directory never serves stale
or broken entries."""

import shutil

import pytest

from knowledge import cache
from knowledge.loader import DATA_DIR, load


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(folder))
    return folder


def _counting_build(calls: list):
    def build():
        calls.append(1)
        return {"built": len(calls)}

    return build


def test_cached__builds_once_then_reads_the_entry(cache_dir):
    calls = []
    assert cache.cached("thing", "k1", _counting_build(calls)) == {"built": 1}
    assert cache.cached("thing", "k1", _counting_build(calls)) == {"built": 1}
    assert len(calls) == 1
    assert len(list(cache_dir.glob("thing-k1-*.pickle"))) == 1


def test_cached__another_key_is_another_entry(cache_dir):
    calls = []
    cache.cached("thing", "k1", _counting_build(calls))
    cache.cached("thing", "k2", _counting_build(calls))
    assert len(calls) == 2


@pytest.mark.parametrize(
    "setting",
    ["off", "{tmp}/a-file/cache"],  # turned off; a directory that cannot be created
)
def test_cached__without_a_usable_directory_builds_every_time(tmp_path, monkeypatch, setting):
    (tmp_path / "a-file").write_text("not a directory")
    monkeypatch.setenv(cache.ENV_VAR, setting.format(tmp=tmp_path))
    calls = []
    for _ in range(2):
        assert cache.cached("thing", "k", _counting_build(calls))
    assert len(calls) == 2


def test_cached__a_directory_others_may_write_is_not_trusted(cache_dir):
    cache_dir.mkdir(mode=0o700)
    cache_dir.chmod(0o777)
    calls = []
    cache.cached("thing", "k", _counting_build(calls))
    cache.cached("thing", "k", _counting_build(calls))
    assert len(calls) == 2
    assert not list(cache_dir.glob("*.pickle"))


def test_cached__a_torn_entry_is_rebuilt_and_replaced(cache_dir):
    calls = []
    cache.cached("thing", "k", _counting_build(calls))
    [entry] = cache_dir.glob("thing-k-*.pickle")
    entry.write_bytes(b"\x80\x05 torn")
    assert cache.cached("thing", "k", _counting_build(calls)) == {"built": 2}
    assert cache.cached("thing", "k", _counting_build(calls)) == {"built": 2}


def test_cached__keeps_only_the_newest_entries_of_a_name(cache_dir):
    for n in range(cache.KEEP + 3):
        cache.cached("thing", f"k{n}", lambda: n)
    assert len(list(cache_dir.glob("thing-*.pickle"))) == cache.KEEP


def test_load__the_cached_base_is_the_base(cache_dir):
    cached, again = load(), load()
    assert list(cache_dir.glob("knowledge-base-*.pickle"))
    assert again.version == cached.version
    assert again.facts == cached.facts
    assert again.facts_about("AZE") == cached.facts_about("AZE")


def test_load__changed_data_is_never_served_from_the_cache(cache_dir, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = load(data)
    meta = data / "kb.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(str(before.as_of), "2030-01-01"), encoding="utf-8")
    after = load(data)
    assert after.version != before.version
    assert str(after.as_of) == "2030-01-01"
    assert len(list(cache_dir.glob("knowledge-base-*.pickle"))) == 2
