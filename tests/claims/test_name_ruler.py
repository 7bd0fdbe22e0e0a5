"""factcheck_name_ruler finds exactly the spans spaCy's SpanRuler finds with the same patterns."""

import json
from pathlib import Path

import pytest
import spacy

from claims.gazetteer import SPANS_KEY, add_gazetteer, entity_patterns

DEVSET = Path(__file__).parent.parent / "data" / "devset.jsonl"
CONFIG = {
    "spans_key": SPANS_KEY,
    "validate": False,
    "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
}
MORE = [
    "AZERBAIJAN IS IN NATO AND THE EU",
    "Nato and nato and NATO, the Cis and the CIS",
    "a major non-NATO ally of the U.S. and the Partnership for Peace",
    "Turkey, turkey and TURKEY; Chad and chad",
]


@pytest.fixture(scope="module")
def rulers(kb):
    spacy_nlp = spacy.blank("en")
    spacy_nlp.add_pipe("span_ruler", name="factcheck_gazetteer", config=CONFIG).add_patterns(
        entity_patterns(kb, spacy_nlp.tokenizer)
    )
    ours = spacy.blank("en")
    add_gazetteer(ours, kb)
    return spacy_nlp, ours


def _spans(nlp, text, key=SPANS_KEY):
    doc = nlp(text)
    return [(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]]


def test_name_ruler__same_spans_as_the_span_ruler_over_the_dev_set(rulers):
    spacy_nlp, ours = rulers
    texts = [json.loads(line)["text"] for line in DEVSET.read_text(encoding="utf-8").splitlines()] + MORE
    found = 0
    for text in texts:
        expected = _spans(spacy_nlp, text)
        assert _spans(ours, text) == expected, text
        found += len(expected)
    assert found > 500


def test_name_ruler__other_patterns_go_to_the_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("factcheck_name_ruler", config={"spans_key": "x"})
    ruler.add_patterns([
        {"label": "YEAR", "pattern": [{"IS_DIGIT": True, "LENGTH": 4}]},
        {"label": "ORG", "pattern": [{"LOWER": "nato"}], "id": "nato"},
    ])
    doc = nlp("NATO was founded in 1949")
    assert [(s.text, s.label_, s.id_) for s in doc.spans["x"]] == [("NATO", "ORG", "nato"), ("1949", "YEAR", "")]


def test_name_ruler__remove_by_id_and_by_label():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("factcheck_name_ruler", config={"spans_key": "x"})
    ruler.add_patterns([
        {"label": "STATE", "pattern": [{"LOWER": "turkey"}], "id": "TUR"},
        {"label": "STATE", "pattern": [{"ORTH": "Chad"}], "id": "TCD"},
        {"label": "ORG", "pattern": [{"ORTH": "NATO"}], "id": "nato"},
    ])
    ruler.remove_by_id("TUR")
    assert [label for _, _, label, _ in _spans(nlp, "Turkey, Chad and NATO", "x")] == ["STATE", "ORG"]
    ruler.remove("STATE")
    assert _spans(nlp, "Turkey, Chad and NATO", "x") == [(4, 5, "ORG", "nato")]
    with pytest.raises(ValueError):
        ruler.remove_by_id("TUR")


def test_name_ruler__survives_serialisation(rulers):
    _, ours = rulers
    copy = spacy.blank("en")
    copy.add_pipe("factcheck_name_ruler", name="factcheck_gazetteer", config=CONFIG)
    copy.get_pipe("factcheck_gazetteer").from_bytes(ours.get_pipe("factcheck_gazetteer").to_bytes())
    text = "Is Azerbaijan in NATO or in the Partnership for Peace?"
    assert _spans(copy, text) == _spans(ours, text)
