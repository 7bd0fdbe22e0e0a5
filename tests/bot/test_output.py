"""Every output format, through the command line and for determinism: the same text and
knowledge base give the same bytes, in this process and in another one."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_checker, main
from bot.config import load_settings
from bot.output import FORMATS, render

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Azerbaijan is in NATO. Armenia is a CSTO member. Is Georgia in NATO? Sweden is in NATO."

RENDER_ALL = """
import sys
from bot.cli import build_checker
from bot.config import load_settings
from bot.output import FORMATS, render
checker = build_checker(load_settings(None))
result = checker.check(sys.argv[1])
for fmt in FORMATS:
    sys.stdout.write(render(result, checker.kb, fmt, options=checker.reply_options) + "\\n\\0")
"""


def render_all() -> str:
    """Every format of TEXT, as the script above writes them, in this process."""
    checker = build_checker(load_settings(None))
    result = checker.check(TEXT)
    return "".join(render(result, checker.kb, fmt, options=checker.reply_options) + "\n\0" for fmt in FORMATS)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", FORMATS)
def test_render__same_text_same_bytes(checker, kb, fmt):
    first = render(checker.check(TEXT), kb, fmt, options=checker.reply_options)
    second = render(checker.check(TEXT), kb, fmt, options=checker.reply_options)
    assert first and first == second


def test_render__same_bytes_in_another_process_with_another_hash_seed(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)  # defaults only, here and there
    monkeypatch.chdir(tmp_path)  # no ./factcheck.toml either
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-c", RENDER_ALL, TEXT], capture_output=True, check=True, env=env)
    here = render_all().encode("utf-8")
    assert here.count(b"\0") == len(FORMATS)
    assert done.stdout == here


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli__every_format(capsys, fmt):
    code, out, err = run(capsys, "--format", fmt, "Azerbaijan is in NATO.")
    assert code == 0, err
    assert "NATO" in out


def test_cli__bbcode_is_the_reply_in_bbcode_with_the_config_footer(capsys, tmp_path):
    config = tmp_path / "factcheck.toml"
    config.write_text('[reply]\nfooter = "[i]I am a bot.[/i]"\n', encoding="utf-8")
    code, out, err = run(capsys, "--config", str(config), "--format", "bbcode", "Azerbaijan is in NATO.")
    assert code == 0, err
    assert out.startswith("[quote]Azerbaijan is in NATO.[/quote]\n\n[b]This is not correct.[/b]")
    assert "[url=http" in out and "**" not in out
    assert out.rstrip().endswith("[i]I am a bot.[/i]")


def test_cli__claimreview_is_a_json_list(capsys):
    code, out, _ = run(capsys, "--format", "claimreview", "Azerbaijan is in NATO. Sweden is in NATO.")
    assert code == 0
    (review,) = json.loads(out)
    assert review["@type"] == "ClaimReview"


def test_cli__nothing_to_correct(capsys):
    for fmt, expected in (("bbcode", ""), ("markdown", ""), ("claimreview", "[]\n")):
        assert run(capsys, "--format", fmt, "Sweden is in NATO.")[1] == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_readme__describes_every_format(fmt):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Output formats")[1].split("\n### ")[0]
    assert f"| `{fmt}`" in section
