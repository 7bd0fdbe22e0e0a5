"""What a command imports decides how soon it answers (issue 8's cold start): spaCy costs over
a second, praw and requests a sixth. Each case runs in a fresh interpreter, as a user's does."""

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from bot.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted(m for m in ("spacy", "praw", "requests") if m in sys.modules)}))
"""


def imported_by(*argv: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_text_naming_no_alliance_never_imports_spacy():
    assert imported_by("The weather in Baku is lovely today.") == {"code": 0, "loaded": []}


def test_a_claim_imports_spacy_but_not_praw():
    # requests comes with spaCy itself (its download command), so it is not ours to save here.
    assert imported_by("Azerbaijan is in NATO") == {"code": 0, "loaded": ["requests", "spacy"]}


@pytest.mark.parametrize("argv", [("kb", "stats"), ("kb", "show", "AZE")])
def test_knowledge_base_commands_import_neither(argv):
    assert imported_by(*argv) == {"code": 0, "loaded": []}


def test_an_error_from_a_module_imported_late_is_still_one_line(tmp_path):
    """scan's own error class is only known once bot.scan is imported; it must still be caught."""
    missing = tmp_path / "posts.jsonl"
    done = subprocess.run([sys.executable, "-m", "bot.cli", "scan", str(missing)], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (1, f"factcheck: error: {missing}: no such file\n")
