"""Judge a statement against the knowledge base, on the base's own date.

Precision first: a verdict other than `unverifiable` always rests on facts with sources. Saying
"false" because something is *absent* from the base (closed-world reasoning) is allowed only for
organisations whose data file declares its list complete for that relation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.base import KnowledgeBase
from knowledge.describe import describe
from knowledge.models import Fact, Relation, Source, Statement, Status, Tense, Verdict


@dataclass(frozen=True)
class Evidence:
    text: str
    sources: tuple[Source, ...]
    fact_id: str | None = None


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    facts: tuple[Fact, ...] = field(default=())
    certainty: float = 1.0  # how sure the *knowledge* is; extraction certainty is combined later


def judge(statement: Statement, kb: KnowledgeBase) -> Judgement:
    if statement.subject not in kb.states:
        return _silent(f"the base has no state {statement.subject!r}")
    if statement.relation.symmetric:
        return _judge_pact(statement, kb)
    if statement.object not in kb.organisations:
        return _silent(f"the base has no organisation {statement.object!r}")
    return _judge_affiliation(statement, kb)


def _silent(why: str) -> Judgement:
    return Judgement(Verdict.UNVERIFIABLE, f"Not covered: {why}.", certainty=0.0)


def _flip(verdict: Verdict, negated: bool) -> Verdict:
    if not negated:
        return verdict
    return {Verdict.TRUE: Verdict.FALSE, Verdict.FALSE: Verdict.TRUE}.get(verdict, verdict)


def _relevant_facts(st: Statement, kb: KnowledgeBase) -> list[Fact]:
    facts = kb.facts_between(st.subject, st.relation, st.object)
    if st.relation is Relation.PARTNER_OF:
        # "a NATO partner" is a partner in any of NATO's programmes.
        for programme in kb.programmes_of(st.object):
            facts += kb.facts_between(st.subject, Relation.PARTNER_OF, programme.id)
    return facts


def _judge_affiliation(st: Statement, kb: KnowledgeBase) -> Judgement:
    facts = _relevant_facts(st, kb)
    if any(f.disputed for f in facts):
        return _silent(f"the base marks {kb.name(st.subject)}'s status in {kb.name(st.object)} as disputed")
    if st.left:
        return _judge_leaving(st, facts, kb)
    if st.founding:
        return _judge_founding(st, facts, kb)
    if st.year is not None and st.returned:
        # "Syria was readmitted to the Arab League in 2023": the base dates the first
        # membership, not returns after a suspension or an exit.
        return _silent("the base dates first memberships, not returns")
    if st.year is not None and st.relation is Relation.CANDIDATE_FOR:
        # Candidacy facts start at candidate status; a year in the claim is usually the
        # application's, which the base does not record. Silence beats a wrong date.
        return _silent("the base dates candidate status, not applications")
    if st.year is not None or st.event:
        return _judge_event(st, facts, kb)
    current = [f for f in facts if f.holds_on(kb.as_of)]
    ended = [f for f in facts if not f.holds_on(kb.as_of) and (f.end or f.status is Status.ENDED)]
    if st.relation is not Relation.MEMBER_OF and not current and st.tense is not Tense.PAST:
        # "Sweden is a NATO candidate" is misleading today; "Sweden's bid was blocked" is history.
        membership = [f for f in kb.facts_between(st.subject, Relation.MEMBER_OF, st.object) if f.holds_on(kb.as_of)]
        if membership and not st.negated:
            return _decided(
                Verdict.MISLEADING, membership, kb, st,
                f"{kb.name(st.subject)} is a full member of {kb.name(st.object)}, not a {_role(st.relation)}.",
            )
    if current:
        limited = [f for f in current if f.status in (Status.FROZEN, Status.SUSPENDED)]
        if limited:
            return _decided(Verdict.MISLEADING, limited, kb, st, _describe_all(limited, kb, st.subject))
        return _decided(_flip(Verdict.TRUE, st.negated), current, kb, st, _describe_all(current, kb, st.subject))
    if ended:
        if st.tense is Tense.PAST:
            return _decided(_flip(Verdict.TRUE, st.negated), ended, kb, st, _describe_all(ended, kb, st.subject))
        verdict = Verdict.TRUE if st.negated else Verdict.OUTDATED
        return _decided(verdict, ended, kb, st, _describe_all(ended, kb, st.subject))
    if kb.is_complete(st.object, st.relation):
        return _closed_world(st, kb)
    return _silent(
        f"the base records no {st.relation.value} fact for {kb.name(st.subject)} and "
        f"{kb.name(st.object)}, and its list for {kb.name(st.object)} is not declared complete"
    )


def _role(relation: Relation) -> str:
    return {Relation.PARTNER_OF: "partner", Relation.CANDIDATE_FOR: "candidate"}.get(relation, "member")


def _judge_event(st: Statement, facts: list[Fact], kb: KnowledgeBase) -> Judgement:
    """'Finland joined NATO in 2022', 'a member since 1952': the year is checked against the start."""
    dated = [f for f in facts if f.start]
    if not facts:
        if kb.is_complete(st.object, st.relation):
            return _closed_world(st, kb)
        return _silent(f"the base records no {st.relation.value} fact for {kb.name(st.subject)} and {kb.name(st.object)}")
    if st.year is None:
        return _decided(_flip(Verdict.TRUE, st.negated), facts, kb, st, _describe_all(facts, kb, st.subject))
    if not dated:
        return _silent("the base does not know when it began")
    matching = [f for f in dated if f.start.year == st.year]
    if matching:
        return _decided(_flip(Verdict.TRUE, st.negated), matching, kb, st, _describe_all(matching, kb, st.subject))
    explanation = f"Not in {st.year}: {_describe_all(dated, kb, st.subject)}"
    return _decided(Verdict.TRUE if st.negated else Verdict.FALSE, dated, kb, st, explanation)


def _judge_founding(st: Statement, facts: list[Fact], kb: KnowledgeBase) -> Judgement:
    """'The UK is a founding member of the EU': a member from the organisation's founding (or
    before it, through a predecessor such as the EEC)."""
    org = kb.organisations[st.object]
    if org.founded is None:
        return _silent(f"the base does not date the founding of {org.short_name}")
    dated = [f for f in facts if f.start]
    if not dated:
        if kb.is_complete(st.object, st.relation) and not facts:
            return _closed_world(st, kb)
        return _silent(f"the base does not date {kb.name(st.subject)}'s membership of {org.short_name}")
    founding = [f for f in dated if f.start.as_date() <= org.founded.as_date()]
    if founding:
        return _decided(_flip(Verdict.TRUE, st.negated), founding, kb, st, _describe_all(founding, kb, st.subject))
    explanation = f"{org.short_name} was founded on {org.founded.readable()}; {_describe_all(dated, kb, st.subject)}"
    return _decided(Verdict.TRUE if st.negated else Verdict.FALSE, dated, kb, st, explanation)


def _judge_leaving(st: Statement, facts: list[Fact], kb: KnowledgeBase) -> Judgement:
    """'Georgia left the CSTO in 1999' (negated: the membership ended). The year, if any, is
    checked against the end of the membership."""
    claimed_left = st.negated  # "did not leave" arrives un-negated
    ended = [f for f in facts if f.end and not f.holds_on(kb.as_of)]
    current = [f for f in facts if f.holds_on(kb.as_of)]
    if ended and not current:
        if st.year is None or any(f.end.year == st.year for f in ended):
            return _decided(Verdict.TRUE if claimed_left else Verdict.FALSE, ended, kb, st, _describe_all(ended, kb, st.subject))
        explanation = f"Not in {st.year}: {_describe_all(ended, kb, st.subject)}"
        return _decided(Verdict.FALSE if claimed_left else Verdict.TRUE, ended, kb, st, explanation)
    if current:
        limited = [f for f in current if f.status in (Status.FROZEN, Status.SUSPENDED)]
        if limited:
            return _decided(Verdict.MISLEADING, limited, kb, st, _describe_all(limited, kb, st.subject))
        if st.year is not None and ended and any(f.end.year == st.year for f in ended):
            # "France left NATO's command in 1966" and came back: true of that year, but it is back.
            return _decided(Verdict.MISLEADING, [*ended, *current], kb, st, _describe_all([*ended, *current], kb, st.subject))
        verdict = Verdict.FALSE if claimed_left else Verdict.TRUE
        return _decided(verdict, current, kb, st, f"It has not left: {_describe_all(current, kb, st.subject)}")
    return _silent(f"the base records no membership of {kb.name(st.subject)} in {kb.name(st.object)} that ended")


def _closed_world(st: Statement, kb: KnowledgeBase) -> Judgement:
    org = kb.organisations[st.object]
    members = kb.members(org.id, kb.as_of, st.relation)
    role = {Relation.MEMBER_OF: "members", Relation.PARTNER_OF: "partners", Relation.CANDIDATE_FOR: "candidates"}[st.relation]
    text = (
        f"{org.short_name} has {len(members)} {role} as of {kb.as_of.isoformat()}, "
        f"and {kb.name(st.subject)} has never been one of them."
    )
    # Cite what says who the members are: the organisation's page and the latest accession.
    latest = max(
        (f for f in kb.facts if f.object == org.id and f.relation is st.relation and f.holds_on(kb.as_of) and f.start),
        key=lambda f: (f.start.as_date(), f.id),
        default=None,
    )
    sources = org.sources[:1] + (latest.sources[:1] if latest else ())
    evidence = Evidence(text=text, sources=sources)
    verdict = _flip(Verdict.FALSE, st.negated)
    if st.negated and st.year is None:
        verdict = Verdict.TRUE
    # Absence is a little weaker than a recorded fact.
    return Judgement(verdict, text, (evidence,), (), certainty=0.95)


def _judge_pact(st: Statement, kb: KnowledgeBase) -> Judgement:
    if st.object not in kb.states:
        return _silent(f"the base has no state {st.object!r}")
    facts = kb.facts_between(st.subject, st.relation, st.object)
    if st.relation is Relation.DEFENSE_COOPERATION:
        # A mutual-defence pact is also cooperation.
        facts += kb.facts_between(st.subject, Relation.DEFENSE_PACT, st.object)
    if not facts:
        return _judge_pact_without_treaty(st, kb)
    if st.left:
        return _judge_pact_ended(st, facts, kb)
    if st.year is not None:
        matching = [f for f in facts if st.year in _years_of(f, kb)]
        if not matching:
            # The base may not hold every agreement a pair ever signed: silence, not "false".
            return _silent(f"the base records no agreement between {kb.name(st.subject)} and {kb.name(st.object)} from {st.year}")
        facts = matching
    current = [f for f in facts if f.holds_on(kb.as_of)]
    if current:
        limited = [f for f in current if f.status in (Status.FROZEN, Status.SUSPENDED)]
        if limited:
            return _decided(Verdict.MISLEADING, limited, kb, st, _describe_all(limited, kb, st.subject))
        return _decided(_flip(Verdict.TRUE, st.negated), current, kb, st, _describe_all(current, kb, st.subject))
    if st.tense is Tense.PAST:
        return _decided(_flip(Verdict.TRUE, st.negated), facts, kb, st, _describe_all(facts, kb, st.subject))
    verdict = Verdict.TRUE if st.negated else Verdict.OUTDATED
    return _decided(verdict, facts, kb, st, _describe_all(facts, kb, st.subject))


def _judge_pact_ended(st: Statement, facts: list[Fact], kb: KnowledgeBase) -> Judgement:
    """'The US-Taiwan mutual defense treaty ended in 1980': the year is the end's."""
    current = [f for f in facts if f.holds_on(kb.as_of)]
    if current:
        return _decided(_flip(Verdict.FALSE, not st.negated), current, kb, st, _describe_all(current, kb, st.subject))
    ended = [f for f in facts if f.end is not None]
    if not ended or (st.year is not None and st.year not in {f.end.year for f in ended}):
        # an end on another date, or none recorded: the base may miss a later agreement
        return _silent(f"the base records no end of a {st.relation.value} between {kb.name(st.subject)} and "
                       f"{kb.name(st.object)}{f' in {st.year}' if st.year else ''}")
    return _decided(_flip(Verdict.TRUE, not st.negated), ended, kb, st, _describe_all(ended, kb, st.subject))


def _years_of(fact: Fact, kb: KnowledgeBase) -> set[int]:
    """A pact 'since 2021' may mean the year it was signed or the year it came into force."""
    treaty = kb.treaties.get(fact.via) if fact.via else None
    dates = [fact.start, treaty.signed if treaty else None, treaty.in_force if treaty else None]
    return {d.year for d in dates if d}


def _judge_pact_without_treaty(st: Statement, kb: KnowledgeBase) -> Judgement:
    """No bilateral treaty recorded: an alliance both belong to may still bind them ("the US is
    obliged to defend Estonia"), and recorded cooperation short of a pact tells against one."""
    shared = _shared_alliances(st.subject, st.object, kb)
    if shared and st.year is None:
        org, memberships = shared[0]
        limited = [f for f in memberships if f.status in (Status.FROZEN, Status.SUSPENDED)]
        both = f"{kb.name(st.subject)} and {kb.name(st.object)} are both members of {org.short_name}, a mutual-defence alliance."
        both = both[:1].upper() + both[1:]
        if limited:
            return _decided(Verdict.MISLEADING, memberships, kb, st, f"{both} {_describe_all(limited, kb, limited[0].subject)}")
        return _decided(_flip(Verdict.TRUE, st.negated), memberships, kb, st, both)
    cooperation = kb.facts_between(st.subject, Relation.DEFENSE_COOPERATION, st.object)
    current = [f for f in cooperation if f.holds_on(kb.as_of)]
    if st.relation is Relation.DEFENSE_PACT and current and st.year is None:
        # A pact where the base records cooperation is misleading; "Russia and Iran have no
        # mutual defence pact" is true.
        judgement = _decided(
            Verdict.TRUE if st.negated else Verdict.MISLEADING, current, kb, st,
            f"The base records defence cooperation between {kb.name(st.subject)} and {kb.name(st.object)}, "
            f"not a mutual-defence obligation: {_describe_all(current, kb, st.subject)}",
        )
        # Absence of a pact from the base is weaker evidence than a recorded fact.
        return Judgement(judgement.verdict, judgement.explanation, judgement.evidence, judgement.facts, certainty=0.8)
    return _silent(f"the base records no {st.relation.value} between {kb.name(st.subject)} and {kb.name(st.object)}")


def _shared_alliances(a: str, b: str, kb: KnowledgeBase) -> list[tuple]:
    """Mutual-defence organisations both states belong to today, with both membership facts."""
    found = []
    for org in sorted(kb.organisations.values(), key=lambda o: o.id):
        if not org.mutual_defence or (org.dissolved and org.dissolved.as_date() <= kb.as_of):
            continue
        memberships = [
            next((f for f in kb.facts_between(state, Relation.MEMBER_OF, org.id) if f.holds_on(kb.as_of)), None)
            for state in (a, b)
        ]
        if all(memberships):
            found.append((org, memberships))
    return found


def _describe_all(facts: list[Fact], kb: KnowledgeBase, about: str) -> str:
    return " ".join(describe(f, kb, about=about) for f in facts)


def _decided(verdict: Verdict, facts: list[Fact], kb: KnowledgeBase, st: Statement, explanation: str) -> Judgement:
    evidence = tuple(Evidence(describe(f, kb, about=st.subject), f.sources, f.id) for f in facts)
    stale = any(f.review_by < kb.as_of for f in facts)
    return Judgement(verdict, explanation, evidence, tuple(facts), certainty=0.85 if stale else 1.0)
