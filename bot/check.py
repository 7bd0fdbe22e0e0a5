"""Compose the layers: claims found in a text, judged against the knowledge base, a reply drafted."""

from __future__ import annotations

from dataclasses import dataclass

from bot.reply import ReplyOptions, draft_reply
from claims.models import Claim
from claims.pipeline import ClaimExtractor
from knowledge.base import KnowledgeBase
from knowledge.judge import Judgement, judge
from knowledge.models import Modality, Verdict

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


class Checker:
    def __init__(self, kb: KnowledgeBase, extractor: ClaimExtractor, reply_options: ReplyOptions | None = None):
        self.kb = kb
        self.extractor = extractor
        self.reply_options = reply_options or ReplyOptions()

    def check(self, text: str, id: str | None = None) -> CheckResult:
        checked = tuple(self._judge(claim) for claim in self.extractor.extract(text))
        to_answer = [c for c in checked if c.needs_reply]
        reply = draft_reply(to_answer, self.kb, self.reply_options) if to_answer else None
        return CheckResult(id=id, text=text, claims=checked, reply=reply)

    def _judge(self, claim: Claim) -> CheckedClaim:
        if claim.modality is not Modality.ASSERTION:
            return CheckedClaim(claim, None)
        return CheckedClaim(claim, judge(claim.statement, self.kb))
