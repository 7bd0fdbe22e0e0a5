"""The development set in CI: what `factcheck eval tests/data/devset.jsonl` prints, held to floors.

The claims issue asks for precision >= 0.97 and recall >= 0.93. The floors below are what the
extractor measures today (precision 0.966, recall 0.817), so that no change may make it worse;
raise them as it improves. Wrong corrections are held at zero: that one is not negotiable.
"""

from pathlib import Path

import pytest

from bot.check import Checker
from bot.evaluate import evaluate, read_dataset

DEVSET = Path(__file__).resolve().parent.parent / "data" / "devset.jsonl"
PRECISION_FLOOR, RECALL_FLOOR, VERDICT_FLOOR = 0.96, 0.81, 0.93


@pytest.fixture(scope="module")
def report(kb, extractor):
    return evaluate(read_dataset(DEVSET), Checker(kb, extractor))


def test_devset__never_a_wrong_correction(report):
    assert report.wrong_corrections == []


def test_devset__precision_and_recall_hold(report):
    assert report.claims.labelled > 400
    assert report.claims.precision >= PRECISION_FLOOR, report.claims
    assert report.claims.recall >= RECALL_FLOOR, report.claims


def test_devset__verdicts_hold(report):
    assert report.verdicts_judged > 200
    assert report.verdict_accuracy >= VERDICT_FLOOR


HELDOUT = DEVSET.parent / "heldout.jsonl"


def test_heldout__never_a_wrong_correction(kb, extractor):
    """The second set, written later by another author (tests/data/README.md)."""
    report = evaluate(read_dataset(HELDOUT), Checker(kb, extractor))
    assert report.wrong_corrections == []
    assert report.claims.precision >= 0.93


def test_evaluate__counts_a_correction_of_a_true_claim_as_wrong(kb, extractor):
    """The measure itself can fail: a post labelled with no claim that the bot corrects."""
    items = [{"id": "x", "text": "Azerbaijan is in NATO.", "claims": []}]
    report = evaluate(items, Checker(kb, extractor))
    assert len(report.wrong_corrections) == 1
    assert report.claims.precision == 0.0


def test_eval__a_malformed_line_is_one_line_naming_its_number(tmp_path, capsys):
    from bot.cli import main

    dataset = tmp_path / "set.jsonl"
    dataset.write_text('{"id": "a", "text": "Sweden is in NATO", "claims": []}\n{not json\n', encoding="utf-8")
    assert main(["eval", str(dataset)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "line 2" in err
