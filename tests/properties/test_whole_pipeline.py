"""Property-based: whatever text arrives, the pipeline neither crashes nor breaks its contract.

Texts are built from the things forum posts hold (names the gazetteer knows, relation words,
negation, quotes in three markups, emoji, homoglyphs, invisible and control characters, HTML,
arbitrary Unicode), so that most examples reach the parser instead of stopping at the prefilter.
"""

import json
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict

from bot.check import Checker
from bot.output import render, to_contract

FRAGMENTS = [
    "Azerbaijan", "Аzerbaijan", "NATO", "NΑTO", "ＮＡＴＯ", "the EU", "CSTO", "Turkey", "turkey", "Georgia",
    "Atlanta", "the US", "us", "the Baltic states", "Swden", "Ukriane", "Baku", "is in", "is not in",
    "joined", "left", "in 2004", "since 1952", "a member of", "has a mutual defence treaty with",
    "isn't", "never", "neither", "nor", "if", "would", "?", ".", ",", "!", "lol", "🙄", "🇦🇿", "\u200b",
    "\u202e", "\x00", "\n", "\n> ", "[quote]", "[/quote]", "<blockquote>", "</blockquote>",
    "<script>alert(1)</script>", "**", "It isn't.", "So did Georgia.", "wait, ", "https://example.org/x",
]

texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=15).map(" ".join),
    st.text(max_size=200),
)


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    url: str


class _Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fact: str
    sources: list[_Source]


class _Entity(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str


class _Claim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    subject: _Entity
    relation: Literal["member_of", "partner_of", "candidate_for", "defense_pact", "defense_cooperation"]
    object: _Entity
    negated: bool
    modality: Literal["assertion", "question", "hypothetical", "reported"]
    year: int | None
    verdict: Literal["true", "false", "misleading", "outdated", "unverifiable"] | None
    confidence: float | None
    explanation: str
    evidence: list[_Evidence]


class _Result(BaseModel):
    """DESIGN.md's object per text."""

    model_config = ConfigDict(extra="forbid")
    id: str | None
    claims: list[_Claim]
    reply: str | None
    notes: list[str] | None = None


@pytest.fixture(scope="module")
def checker(kb, extractor):
    return Checker(kb, extractor, max_chars=2_000)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text__no_exception_valid_contract_deterministic(checker, kb, text):
    first = to_contract(checker.check(text, id="p"), kb)
    _Result.model_validate(first)
    for claim in first["claims"]:
        if claim["verdict"] not in (None, "unverifiable"):
            assert claim["evidence"], "a verdict always cites a fact"
    assert json.dumps(first, ensure_ascii=False) == json.dumps(to_contract(checker.check(text, id="p"), kb), ensure_ascii=False)
    for fmt in ("text", "markdown", "bbcode", "claimreview", "html"):
        render(checker.check(text, id="p"), kb, fmt)  # every format renders whatever came in
