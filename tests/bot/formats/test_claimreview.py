"""ClaimReview JSON-LD: the properties schema.org and Google's fact-check documentation ask for."""

import pytest

from bot.formats.claimreview import BEST_RATING, WORST_RATING, claim_reviews
from bot.formats.post import CheckedPost


def reviews(checker, kb, text, **post):
    return claim_reviews([CheckedPost(checker.check(text), **post)], kb)


def assert_required_fields(review, kb):
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["alternateName"] in {"False", "Misleading", "Outdated"}
    assert WORST_RATING <= rating["ratingValue"] <= BEST_RATING
    assert (rating["worstRating"], rating["bestRating"]) == (WORST_RATING, BEST_RATING)
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["author"] == {"@type": "Organization", "name": "factcheck"}
    assert review["datePublished"] == kb.as_of.isoformat()
    assert review["citation"] and all(c["url"].startswith("http") for c in review["citation"])


@pytest.mark.parametrize(
    "text, verdict, value",
    [
        ("Azerbaijan is in NATO.", "False", 1),
        ("Finland joined NATO in 2022.", "False", 1),
        ("Georgia is in the CSTO.", "Outdated", 2),
        ("Armenia is a CSTO member.", "Misleading", 3),
    ],
)
def test_claimreview__required_fields_and_rating(checker, kb, text, verdict, value):
    (review,) = reviews(checker, kb, text)
    assert_required_fields(review, kb)
    assert review["claimReviewed"] == text
    assert (review["reviewRating"]["alternateName"], review["reviewRating"]["ratingValue"]) == (verdict, value)


def test_claimreview__one_object_per_correction_only(checker, kb):
    found = reviews(checker, kb, "Sweden is in NATO. Is Georgia in NATO? Azerbaijan is in NATO. Georgia is in the CSTO.")
    assert [r["claimReviewed"] for r in found] == ["Azerbaijan is in NATO.", "Georgia is in the CSTO."]


def test_claimreview__none_when_nothing_is_corrected(checker, kb):
    assert reviews(checker, kb, "Sweden is in NATO.") == []


def test_claimreview__post_url_and_author_when_known(checker, kb):
    (review,) = reviews(
        checker, kb, "Azerbaijan is in NATO.",
        url="https://forum.example/t/x/1/3", author="alice", review_url="https://forum.example/t/x/1/4",
    )
    assert review["itemReviewed"]["appearance"] == {"@type": "DiscussionForumPosting", "url": "https://forum.example/t/x/1/3"}
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "alice"}
    assert review["url"] == "https://forum.example/t/x/1/4"


def test_claimreview__no_url_or_author_when_unknown(checker, kb):
    (review,) = reviews(checker, kb, "Azerbaijan is in NATO.")
    assert review["itemReviewed"] == {"@type": "Claim"}
    assert "url" not in review


def test_claimreview__expires_on_the_earliest_review_by_of_the_facts_used(checker, kb):
    result = checker.check("Finland joined NATO in 2022.")
    (review,) = claim_reviews([CheckedPost(result)], kb)
    facts = result.claims[0].judgement.facts
    assert facts
    assert review["expires"] == min(f.review_by for f in facts).isoformat()


def test_claimreview__closed_world_verdict_expires_with_the_members_list(checker, kb):
    (review,) = reviews(checker, kb, "Azerbaijan is in NATO.")
    members = [f for f in kb.facts if f.object == "nato" and f.relation == "member_of"]
    assert review["expires"] == min(f.review_by for f in members).isoformat()
