"""Draft one reply per post, in the manner of a careful human moderator.

The shape follows the reference reply: the correction first, then what is true instead
(partnerships, pacts, cooperation), each point checkable, then the sources.

A reply is composed first as data (a section per claim, each point with the sources it cites),
trimmed to the forum's length limit, and only then written out in the forum's markup
(`bot/formats/markup.py`), which escapes every piece of text. Sources are numbered as they are
written, so the list holds exactly the sources cited in what is left after trimming.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.formats.markup import MARKUPS, Markup
from knowledge.base import KnowledgeBase
from knowledge.describe import describe
from knowledge.models import Fact, Relation, Source, Statement, Verdict

if TYPE_CHECKING:
    from bot.check import CheckedClaim, CheckResult

MAX_CONTEXT_POINTS = 8

# What a quoted post may not carry into a reply: links (with or without a scheme).
_LINK = re.compile(r"\b(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+", re.IGNORECASE)

# Forum limits on the length of a post, in characters (Discourse: its default max_post_length).
MAX_LENGTH = {"reddit": 10_000, "discourse": 32_000}

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


class ReplyError(Exception):
    """Root of the errors of drafting a reply."""


class ReplyTooLong(ReplyError):
    def __init__(self, length: int, limit: int):
        self.length, self.limit = length, limit
        super().__init__(
            f"the reply takes {length} characters with every context point left out, over the "
            f"limit of {limit}: raise max_length, or answer fewer claims in one reply"
        )


@dataclass(frozen=True)
class ReplyOptions:
    footer: str | None = None
    max_length: int | None = None  # characters; None: no limit (see MAX_LENGTH and for_forum)
    markup: str = "markdown"  # a key of bot.formats.markup.MARKUPS

    @classmethod
    def for_forum(cls, forum: str, **options) -> ReplyOptions:
        """The options for a forum kind of the config ("reddit", "discourse"), with its limit."""
        return cls(max_length=MAX_LENGTH[forum], **options)


@dataclass(frozen=True)
class Point:
    text: str
    sources: tuple[Source, ...]  # the (at most two) sources the point cites


@dataclass(frozen=True)
class Section:
    """The answer to one claim."""

    quote: str  # the poster's words, without links or mentions; escaped when written out
    headline: str
    correction: str
    evidence: tuple[Point, ...]
    subject: str  # the state's name, for "What is true of ... instead"
    context: tuple[Point, ...]


@dataclass(frozen=True)
class Draft:
    sections: tuple[Section, ...]
    as_of: str
    footer: str | None = None


class _SourceList:
    """Numbers sources in order of first use, so that each point can cite [n]."""

    def __init__(self) -> None:
        self.sources: list[Source] = []

    def cite(self, sources: tuple[Source, ...]) -> str:
        numbers = []
        for source in sources:
            urls = [s.url for s in self.sources]
            if source.url not in urls:
                self.sources.append(source)
                urls.append(source.url)
            numbers.append(urls.index(source.url) + 1)
        return "".join(f"[{n}]" for n in sorted(set(numbers)))


def draft_reply(claims: list[CheckedClaim], kb: KnowledgeBase, options: ReplyOptions) -> str:
    markup = MARKUPS[options.markup]
    return write_draft(compose(claims, kb, options), markup)


def compose_for(result: CheckResult, kb: KnowledgeBase, options: ReplyOptions) -> Draft | None:
    """The reply to a checked text, as data; None when no claim of it needs one."""
    claims = [c for c in result.claims if c.needs_reply]
    return compose(claims, kb, options) if claims else None


def compose(claims: list[CheckedClaim], kb: KnowledgeBase, options: ReplyOptions) -> Draft:
    """The reply as data, within `options.max_length` once written in `options.markup`."""
    draft = Draft(tuple(_section(c, kb) for c in claims), kb.as_of.isoformat(), options.footer)
    if options.max_length is None:
        return draft
    markup = MARKUPS[options.markup]
    while len(written := write_draft(draft, markup)) > options.max_length:
        if not any(s.context for s in draft.sections):
            raise ReplyTooLong(len(written), options.max_length)
        draft = _without_one_context_point(draft)
    return draft


def _without_one_context_point(draft: Draft) -> Draft:
    """Context goes first, and evenly: the last point of the section that has the most (the
    later section on a tie). Corrections, their evidence and their sources always stay."""
    sections = list(draft.sections)
    i = max(range(len(sections)), key=lambda i: (len(sections[i].context), i))
    sections[i] = replace(sections[i], context=sections[i].context[:-1])
    return replace(draft, sections=tuple(sections))


def write_draft(draft: Draft, m: Markup) -> str:
    sources = _SourceList()
    blocks = []
    for section in draft.sections:
        headline = m.bold(m.text(section.headline))
        first = f"{headline} {m.text(section.correction)}" if section.correction else headline
        lines = [first] + [m.text(p.text) + sources.cite(p.sources) for p in section.evidence]
        blocks += [m.quote(section.quote), m.paragraph(lines)]
        if section.context:
            blocks.append(m.paragraph([m.text(f"What is true of {section.subject} instead:")]))
            blocks.append(m.numbered([m.text(p.text) + sources.cite(p.sources) for p in section.context]))
    blocks.append(m.paragraph([m.bold("Sources")]))
    blocks.append(m.numbered([m.link(s.title, s.url) for s in sources.sources]))
    checked = f"Checked against the factcheck knowledge base as of {draft.as_of}."
    blocks.append(m.paragraph([m.italic(m.text(checked))]))
    if draft.footer:
        blocks.append(m.footer(draft.footer))
    return m.document(blocks)


def _section(checked: CheckedClaim, kb: KnowledgeBase) -> Section:
    claim, judgement = checked.claim, checked.judgement
    st = claim.statement
    cited = {f.id for f in judgement.facts}
    return Section(
        quote=_defuse(claim.text),
        headline=_HEADLINES[judgement.verdict],
        correction=_correction(st, judgement.verdict, kb),
        evidence=tuple(Point(_capitalise(e.text), e.sources[:2]) for e in judgement.evidence),
        subject=kb.name(st.subject),
        context=tuple(
            Point(_capitalise(describe(f, kb, about=st.subject)), f.sources[:2])
            for f in _context(st, kb, exclude=cited)
        ),
    )


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


def _defuse(text: str) -> str:
    """The poster's words without their links or mentions, on one line: quoting them in a reply
    must not link anywhere or ping anyone. Escaping for the markup comes when the reply is written."""
    text = _LINK.sub("[link]", text)
    text = re.sub(r"(?<!\w)@(?=\w)", "@\u200b", text)  # no @mention pings (Discourse)
    text = re.sub(r"(?<![\w/])(/?u/)(?=\w)", "\\1\u200b", text, flags=re.IGNORECASE)  # nor u/name (Reddit)
    return " ".join(text.split())

