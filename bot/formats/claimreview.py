"""schema.org ClaimReview JSON-LD: one object per correction (a false, misleading or outdated claim).

Follows schema.org's ClaimReview type and Google's fact-check structured data: `claimReviewed`
(the sentence as the poster wrote it), `reviewRating` (a Rating whose `alternateName` is the
verdict in plain English, on the scale below), `itemReviewed` (a Claim, with the post it appears
in and the post's author when known), `author`, `datePublished`, `url` (where the reply is
published, when it is) and `expires`.

Dates come from the knowledge base, never from the clock, so that the output is the same every
time: `datePublished` is the base's as_of date; `expires` the earliest review-by date of the facts
the verdict rests on.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.check import CheckedClaim
from bot.formats.post import CheckedPost
from knowledge.base import KnowledgeBase
from knowledge.models import Fact, Verdict

# Google asks fact checks that carry numbers to document their number-to-text scale. Ours is
# Google's example scale of 1 ("False") to 5 ("True"): an outdated claim was true once and is
# false now; a misleading one is literally so, or nearly, and misses what changes its meaning.
RATING_SCALE = {Verdict.FALSE: 1, Verdict.OUTDATED: 2, Verdict.MISLEADING: 3, Verdict.TRUE: 5}
WORST_RATING, BEST_RATING = 1, 5

AUTHOR = {"@type": "Organization", "name": "factcheck"}


def claim_reviews(posts: Sequence[CheckedPost], kb: KnowledgeBase) -> list[dict]:
    """A ClaimReview for each claim of each post that the bot corrects, in order."""
    return [
        _review(post, checked, kb)
        for post in posts
        for checked in post.result.claims
        if checked.needs_reply
    ]


def _review(post: CheckedPost, checked: CheckedClaim, kb: KnowledgeBase) -> dict:
    judgement = checked.judgement
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": checked.claim.text,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": judgement.verdict.value.capitalize(),
            "ratingValue": RATING_SCALE[judgement.verdict],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "ratingExplanation": judgement.explanation,
        },
        "itemReviewed": _claim(post),
        "author": AUTHOR,
        "datePublished": kb.as_of.isoformat(),
    }
    if post.review_url:
        review["url"] = post.review_url
    facts = _facts_used(checked, kb)
    if facts:
        review["expires"] = min(f.review_by for f in facts).isoformat()
    review["citation"] = [
        {"@type": "CreativeWork", "name": s.title, "url": s.url}
        for s in {s.url: s for e in judgement.evidence for s in e.sources}.values()
    ]
    return review


def _claim(post: CheckedPost) -> dict:
    claim = {"@type": "Claim"}
    if post.url:
        claim["appearance"] = {"@type": "DiscussionForumPosting", "url": post.url}
    if post.author:
        claim["author"] = {"@type": "Person", "name": post.author}
    return claim


def _facts_used(checked: CheckedClaim, kb: KnowledgeBase) -> list[Fact]:
    if checked.judgement.facts:
        return list(checked.judgement.facts)
    # No fact of its own: "never a member" rests on the whole list of an organisation that the
    # base declares complete, and goes out of date when any entry of that list does.
    st = checked.claim.statement
    if not kb.is_complete(st.object, st.relation):
        return []
    return [f for f in kb.facts if f.object == st.object and f.relation is st.relation]
