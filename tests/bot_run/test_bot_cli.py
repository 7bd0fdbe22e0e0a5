"""`factcheck bot run|status|resume` from the command line: one log line per decision, a status
that says what each source did, and errors in one line."""

from __future__ import annotations

import json
import threading

import pytest

from bot.cli import main
from bot.runner import Runner, run_forever
from tests.bot_run.conftest import discourse
from tests.forums.fakes import API_KEY


def test_bot_cli__run_once_in_dry_run(cassette, config_file, capsys, clock):
    config = config_file("dry-run")
    assert main(["bot", "run", "--once", "--config", config]) == 0
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert out == ""
    assert len(lines) == 9 and all(line.startswith("2026-11-28T10:00:00Z source=forum.example.org ") for line in lines)
    assert 'post=5001 thread=300 author=kamal action=drafted draft=1 claims="AZE member_of nato: false 0.95"' in lines[0]
    assert lines[-1].endswith('action=polled reason="8 new posts: 3 drafted, 2 checked, 2 ignored, 1 opt-out"')
    assert API_KEY not in err

    assert main(["bot", "status", "--config", config]) == 0
    status = capsys.readouterr().out
    assert "forum.example.org (discourse, dry-run)" in status
    assert "last poll: 2026-11-28T10:00:00Z" in status
    assert "posts seen 8, claims 6, drafts 3 (0 waiting for review)" in status
    assert "replies posted 0 (a dry run: 2 would have been)" in status
    assert main(["bot", "status", "--format", "json", "--config", config]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sources"][0]["counts"]["posts"] == 8 and report["kill_switch"]["on"] is False


@pytest.mark.cassette("test_run__403_when_posting_stops_the_source")
def test_bot_cli__a_stopped_source_is_shown_and_resumed(cassette, config_file, capsys, clock):
    config = config_file("auto")
    assert main(["bot", "run", "--once", "--config", config]) == 0
    capsys.readouterr()
    assert main(["bot", "status", "--config", config]) == 0
    assert "STOPPED: https://forum.example.org/posts.json: the bot may not post (403)" in capsys.readouterr().out
    assert main(["bot", "resume", "forum.example.org", "--config", config]) == 0
    assert capsys.readouterr().out == "forum.example.org: will be polled again on the next round\n"


@pytest.mark.parametrize(("argv", "extra", "message"), [
    (["bot", "resume", "nowhere.example"], "", "no source named nowhere.example"),
    (["bot", "resume"], "", "name the source to resume"),
    (["bot", "run", "--once"], "max_replies_per_hour = -1\n",
     "key 'bot.max_replies_per_hour': Input should be greater than or equal to 0"),
    (["bot", "run", "--once"], "interval = 60\n", "key 'bot.interval': Extra inputs are not permitted"),
])
def test_bot_cli__mistakes_are_one_line(config_file, capsys, argv, extra, message):
    assert main([*argv, "--config", config_file("dry-run", extra)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_bot_cli__a_mode_that_does_not_exist(tmp_path, capsys):
    (tmp_path / "c.toml").write_text('[[sources]]\nkind = "discourse"\nurl = "https://f.example"\nmode = "yolo"\n')
    assert main(["bot", "run", "--once", "--config", str(tmp_path / "c.toml")]) == 1
    err = capsys.readouterr().err
    assert "line 4: key 'sources.0.mode': Input should be 'dry-run', 'review' or 'auto'" in err


def test_bot_cli__no_sources(tmp_path, capsys):
    (tmp_path / "c.toml").write_text(f'[store]\npath = "{tmp_path / "bot.db"}"\n')
    assert main(["bot", "run", "--once", "--config", str(tmp_path / "c.toml")]) == 1
    assert capsys.readouterr().err.startswith("factcheck: error: no [[sources]] in the config")


def test_bot_cli__posting_needs_the_account(tmp_path, capsys):
    (tmp_path / "c.toml").write_text('[[sources]]\nkind = "discourse"\nurl = "https://f.example"\nmode = "auto"\n')
    assert main(["bot", "run", "--once", "--config", str(tmp_path / "c.toml")]) == 1
    assert "posting needs api_key_env and api_username" in capsys.readouterr().err


def test_run_forever__rounds_until_stopped(make_settings, checker, clock, tmp_path):
    from bot.store import Store

    rounds = []

    class Counting(Runner):
        def run_once(self):
            rounds.append(self.clock())
            if len(rounds) == 3:
                stop.set()
            return {}

    stop = threading.Event()
    store = Store(tmp_path / "bot.db")
    run_forever(Counting(make_settings(discourse()), store, checker, {}, clock), 0.001, stop)
    store.close()
    assert len(rounds) == 3


def test_config_example__every_bot_setting_in_it_is_valid_when_uncommented():
    import re
    import tomllib
    from pathlib import Path

    from bot.config import Settings

    text = (Path(__file__).resolve().parents[2] / "config.example.toml").read_text(encoding="utf-8")
    uncommented = re.sub(r"^# ((?:\[|[a-z_]+ =).*)$", r"\1", text, flags=re.MULTILINE)
    settings = Settings(**tomllib.loads(re.sub(r"\s+#.*$", "", uncommented, flags=re.MULTILINE)))
    assert [s.kind for s in settings.sources] == ["discourse", "reddit"]
    assert settings.bot.max_replies_per_hour == 6


def test_bot_cli__status_before_any_round(config_file, capsys, tmp_path):
    assert main(["bot", "status", "--config", config_file()]) == 0
    assert "is not there yet: no round has run" in capsys.readouterr().out
    assert not (tmp_path / "bot.db").exists()


@pytest.mark.parametrize(("value", "written"), [
    ("kamal", "author=kamal"),
    ("two words", 'author="two words"'),
    ("evil\n2026-11-28T10:00:00Z source=x action=posted", 'author="evil\\n2026-11-28T10:00:00Z source=x action=posted"'),
    ("a=b", 'author="a=b"'),
    ("\x1b[31mred", 'author="\\u001b[31mred"'),
])
def test_log_line__a_value_cannot_break_the_line(value, written):
    from bot.runner import log_line
    from tests.bot_run.fakes import NOW

    line = log_line(NOW, author=value)
    assert line == f"2026-11-28T10:00:00Z {written}" and "\n" not in line
