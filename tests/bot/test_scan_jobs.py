"""`factcheck scan --jobs N`: the same output, byte for byte, and the same errors as one process."""

import json

import pytest

from bot import scan
from bot.cli import main

POSTS = [
    json.dumps({"id": "p1", "text": "Azerbaijan is in NATO"}),
    json.dumps({"id": "p2", "text": "The weather in Baku is lovely"}),
    "{not json",
    json.dumps({"id": "p4", "text": "Sweden is not in NATO. It joined in 2024, after Finland."}),
    json.dumps(["a list"]),
    json.dumps({"id": 6, "text": "Is Azerbaijan in NATO?"}),
    json.dumps({"id": "p7", "text": "Türkiye und Aserbaidschan — “Turkey is in NATO” 🇹🇷"}, ensure_ascii=False),
]


@pytest.fixture
def posts(tmp_path, monkeypatch):
    monkeypatch.setattr(scan, "BLOCK", 2)  # several blocks, so that order is really at stake
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join(POSTS * 3) + "\n", encoding="utf-8")
    return path


def _scan(path, out, capsys, *options):
    code = main(["scan", str(path), "-o", str(out), *options])
    return code, out.read_bytes(), capsys.readouterr().err


def test_scan_jobs__two_processes_write_what_one_writes(posts, tmp_path, capsys):
    one = _scan(posts, tmp_path / "one.jsonl", capsys)
    two = _scan(posts, tmp_path / "two.jsonl", capsys, "--jobs", "2")
    assert two == one
    code, output, err = one
    assert code == 1
    assert len(output.splitlines()) == 3 * len(POSTS)
    assert err.count("not valid JSON") == 3 and "line 10: not valid JSON" in err


def test_scan_jobs__zero_means_one_per_cpu(posts, tmp_path, capsys):
    assert _scan(posts, tmp_path / "all.jsonl", capsys, "-j", "0")[1] == _scan(posts, tmp_path / "one.jsonl", capsys)[1]


@pytest.mark.parametrize("value", ["-1", "many"])
def test_scan_jobs__not_a_count_is_a_usage_error(posts, capsys, value):
    assert main(["scan", str(posts), "--jobs", value]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_scan__reads_crlf_and_a_last_line_without_newline(tmp_path, capsys):
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Sweden is in NATO"}\r\n{"id": "b", "text": "caf\xe9"}')
    assert main(["scan", str(path)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
