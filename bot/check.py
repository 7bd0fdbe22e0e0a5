"""Compose the layers: claims found in a text, judged against the knowledge base, a reply drafted."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.reply import ReplyOptions, draft_reply
from claims.cues import ACKNOWLEDGED_LIMITS
from claims.models import Claim
from claims.pipeline import ClaimExtractor
from knowledge.base import KnowledgeBase
from knowledge.judge import Judgement, judge
from knowledge.models import Modality, Status, Verdict

# Verdicts that correct the writer in public.
CORRECTIONS = frozenset({Verdict.FALSE, Verdict.MISLEADING, Verdict.OUTDATED})


@dataclass(frozen=True)
class CheckedClaim:
    claim: Claim
    judgement: Judgement | None  # None for questions, hypotheticals and reported speech

    @property
    def verdict(self) -> Verdict | None:
        return self.judgement.verdict if self.judgement else None

    @property
    def confidence(self) -> float | None:
        if self.judgement is None:
            return None
        if self.judgement.verdict is Verdict.UNVERIFIABLE:
            return 0.0
        return round(self.claim.certainty * self.judgement.certainty, 2)

    @property
    def needs_reply(self) -> bool:
        return self.verdict in CORRECTIONS


@dataclass(frozen=True)
class CheckResult:
    id: str | None
    text: str
    claims: tuple[CheckedClaim, ...]
    reply: str | None
    notes: tuple[str, ...] = ()  # what the moderator should know about the check itself


class Checker:
    def __init__(
        self,
        kb: KnowledgeBase,
        extractor: ClaimExtractor,
        reply_options: ReplyOptions | None = None,
        max_chars: int = 20_000,
    ):
        self.max_chars = max_chars
        self.kb = kb
        self.extractor = extractor
        self.reply_options = reply_options or ReplyOptions()

    def check(self, text: str, id: str | None = None) -> CheckResult:
        notes = ()
        if len(text) > self.max_chars:
            # Bounded time and memory per post: a 10 MB post is checked on its beginning.
            notes = (f"post of {len(text):,} characters: only the first {self.max_chars:,} were checked",)
        checked = tuple(self._judge(claim) for claim in self.extractor.extract(text[: self.max_chars]))
        to_answer = [c for c in checked if c.needs_reply]
        reply = draft_reply(to_answer, self.kb, self.reply_options) if to_answer else None
        return CheckResult(id=id, text=text, claims=checked, reply=reply, notes=notes)

    def _judge(self, claim: Claim) -> CheckedClaim:
        if claim.modality is not Modality.ASSERTION:
            return CheckedClaim(claim, None)
        judgement = judge(claim.statement, self.kb)
        if judgement.verdict is Verdict.MISLEADING and _acknowledges_limits(claim.text, judgement):
            judgement = replace(
                judgement,
                verdict=Verdict.TRUE,
                explanation=f"{judgement.explanation} The post itself says as much.",
            )
        return CheckedClaim(claim, judgement)


def _acknowledges_limits(text: str, judgement: Judgement) -> bool:
    """'Armenia is still technically in the CSTO but has frozen its participation': the
    membership is frozen, and the writer says so."""
    limited = any(f.status in (Status.FROZEN, Status.SUSPENDED) for f in judgement.facts)
    lowered = text.lower()
    return limited and any(word in lowered for word in ACKNOWLEDGED_LIMITS)
