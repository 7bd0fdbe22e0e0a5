"""ClaimExtractor.parse_ahead: the parses of a batch made together, the same claims after."""

import json
from pathlib import Path

DEVSET = Path(__file__).parent.parent / "data" / "devset.jsonl"


def _claims(claims):
    return [(c.statement, c.modality, c.text, c.start, c.end, c.notes) for c in claims]


def test_parse_ahead__same_claims_and_every_parse_taken(extractor):
    texts = [json.loads(line)["text"] for line in DEVSET.read_text(encoding="utf-8").splitlines()][:80]
    texts += ["The weather in Baku is lovely", "> Azerbaijan is in NATO\n\nNo it isn't."]
    alone = [_claims(extractor.extract(text)) for text in texts]
    extractor.parse_ahead(texts)
    assert len(extractor._parsed) > 40
    assert [_claims(extractor.extract(text)) for text in texts] == alone
    assert not extractor._parsed  # each Doc parsed ahead was used, once


def test_parse_ahead__nothing_to_parse_loads_nothing(kb):
    from claims.pipeline import ClaimExtractor

    fresh = ClaimExtractor(kb)
    fresh.parse_ahead(["The weather in Baku is lovely", "NATO is a big organisation."])
    assert "nlp" not in fresh.__dict__
