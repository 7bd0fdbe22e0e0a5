"""Draft one reply per post, in the manner of a careful human moderator.

The shape follows the reference reply: the correction first, then what is true instead
(partnerships, pacts, cooperation), each point checkable, then the sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.base import KnowledgeBase
from knowledge.describe import describe
from knowledge.models import Fact, Relation, Source, Statement, Verdict

if TYPE_CHECKING:
    from bot.check import CheckedClaim

MAX_CONTEXT_POINTS = 8

# Which facts about the state to offer as "what is true instead", in this order.
_CONTEXT_ORDER = (
    Relation.DEFENSE_PACT,
    Relation.DEFENSE_COOPERATION,
    Relation.PARTNER_OF,
    Relation.MEMBER_OF,
    Relation.CANDIDATE_FOR,
)

_HEADLINES = {
    Verdict.FALSE: "This is not correct.",
    Verdict.OUTDATED: "This is out of date.",
    Verdict.MISLEADING: "This is missing context that changes its meaning.",
}


@dataclass(frozen=True)
class ReplyOptions:
    footer: str | None = None


class _SourceList:
    """Numbers sources in order of first use, so that each point can cite [n]."""

    def __init__(self) -> None:
        self.sources: list[Source] = []

    def cite(self, sources: tuple[Source, ...]) -> str:
        numbers = []
        for source in sources[:2]:
            urls = [s.url for s in self.sources]
            if source.url not in urls:
                self.sources.append(source)
                urls.append(source.url)
            numbers.append(urls.index(source.url) + 1)
        return "".join(f"[{n}]" for n in sorted(set(numbers)))


def draft_reply(claims: list[CheckedClaim], kb: KnowledgeBase, options: ReplyOptions) -> str:
    sources = _SourceList()
    sections = [_section(c, kb, sources) for c in claims]
    lines = ["\n\n".join(sections), "", "**Sources**", ""]
    lines += [f"{n}. [{s.title}]({s.url})" for n, s in enumerate(sources.sources, start=1)]
    lines += ["", f"*Checked against the factcheck knowledge base as of {kb.as_of.isoformat()}.*"]
    if options.footer:
        lines += ["", options.footer]
    return "\n".join(lines).strip() + "\n"


def _section(checked: CheckedClaim, kb: KnowledgeBase, sources: _SourceList) -> str:
    claim, judgement = checked.claim, checked.judgement
    st = claim.statement
    parts = [f"> {_quote(claim.text)}", ""]
    correction = _correction(st, judgement.verdict, kb)
    parts.append(f"**{_HEADLINES[judgement.verdict]}** {correction}".rstrip())
    for evidence in judgement.evidence:
        parts.append(f"{_capitalise(evidence.text)}{sources.cite(evidence.sources)}")
    cited = {f.id for f in judgement.facts}
    context = _context(st, kb, exclude=cited)
    if context:
        parts += ["", f"What is true of {kb.name(st.subject)} instead:", ""]
        for n, fact in enumerate(context, start=1):
            parts.append(f"{n}. {_capitalise(describe(fact, kb, about=st.subject))}{sources.cite(fact.sources)}")
    return "\n".join(parts)


def _correction(st: Statement, verdict: Verdict, kb: KnowledgeBase) -> str:
    if verdict is not Verdict.FALSE:
        return ""
    s, o = kb.name(st.subject), kb.name(st.object)
    role = {
        Relation.MEMBER_OF: "a member of",
        Relation.PARTNER_OF: "a partner of",
        Relation.CANDIDATE_FOR: "a candidate for membership of",
    }.get(st.relation)
    if role is None:
        return ""
    if st.year is not None and not st.negated:
        return f"{_capitalise(s)} did not become {role} {o} in {st.year}."
    if st.negated:
        return f"{_capitalise(s)} is {role} {o}."
    return f"{_capitalise(s)} is not {role} {o}."


def _context(st: Statement, kb: KnowledgeBase, exclude: set[str]) -> list[Fact]:
    """What the state *is* part of: current partnerships, pacts, cooperation, memberships."""

    def related(fact: Fact) -> bool:
        return fact.object == st.object or _parent(kb, fact.object) == st.object

    # Current facts, and the history of the state's ties to the organisation in question
    # ("had an Individual Partnership Action Plan with NATO from 2005").
    chosen = [
        f
        for f in kb.facts_about(st.subject)
        if f.id not in exclude and (f.holds_on(kb.as_of) or related(f))
    ]

    def rank(fact: Fact) -> tuple:
        return (not related(fact), _CONTEXT_ORDER.index(fact.relation), str(fact.start or ""), fact.id)

    # Every named treaty is a point of its own (Shusha 2021 and the 2010 agreement); a tie that
    # no treaty names is left out where a treaty already covers the same two states.
    points, ties = [], set()
    for fact in sorted(chosen, key=rank):
        tie = (fact.relation, frozenset((fact.subject, fact.object)))
        if fact.via or tie not in ties:
            ties.add(tie)
            points.append(fact)
    return points[:MAX_CONTEXT_POINTS]


def _parent(kb: KnowledgeBase, entity_id: str) -> str | None:
    org = kb.organisations.get(entity_id)
    return org.parent if org else None


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quote(text: str) -> str:
    """The poster's words, quoted without their links, mentions or Markdown."""
    text = re.sub(r"https?://\S+", "[link]", text)
    text = re.sub(r"(?<!\w)@(?=\w)", "@\u200b", text)  # no @mention pings
    text = re.sub(r"([\\`*_{}\[\]<>#|~])", r"\\\1", text)
    return " ".join(text.split())
