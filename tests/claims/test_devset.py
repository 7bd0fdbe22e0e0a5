"""The labelled sets in CI: what `factcheck eval tests/data/<set>.jsonl` prints, held to floors.

The development set is held to the claims issue's targets: precision >= 0.97, recall >= 0.93
(measured 0.983 and 0.933). The two later sets (tests/data/README.md) measure generalisation;
their floors are today's figures less a little, so that no change makes them worse. Wrong
corrections are held at zero on every set: that one is not negotiable.
"""

from pathlib import Path

import pytest

from bot.check import Checker
from bot.evaluate import evaluate, read_dataset

DEVSET = Path(__file__).resolve().parent.parent / "data" / "devset.jsonl"
PRECISION_FLOOR, RECALL_FLOOR, VERDICT_FLOOR = 0.97, 0.93, 0.93


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


@pytest.mark.parametrize("name, precision, recall", [
    ("heldout", 0.94, 0.72), ("blind3", 0.93, 0.75), ("blind4", 0.94, 0.73), ("blind5", 0.93, 0.63),
])
def test_later_sets__never_a_wrong_correction(kb, extractor, name, precision, recall):
    """The sets written later by other authors, blind to the code (tests/data/README.md)."""
    report = evaluate(read_dataset(DEVSET.parent / f"{name}.jsonl"), Checker(kb, extractor))
    assert report.wrong_corrections == []
    assert report.claims.precision >= precision, report.claims
    assert report.claims.recall >= recall, report.claims


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
