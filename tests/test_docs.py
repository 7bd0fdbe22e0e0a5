"""The README is part of the product: its commands are the ones that work."""

from pathlib import Path

import pytest

from bot.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme__test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert f"$ {ci}" in README


def test_readme__install_and_run_command_is_first():
    first_command = next(line for line in README.splitlines() if line.startswith("$ "))
    assert first_command.endswith('factcheck "Azerbaijan is in NATO"')
    assert "pip install" in first_command


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command__is_in_the_readme_and_has_help_with_an_example(command, capsys):
    assert f"factcheck {command}" in README
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert f"factcheck {command}" in capsys.readouterr().out.split("example")[-1]
