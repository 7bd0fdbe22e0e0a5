"""Facts as sentences a careful human moderator would write, for evidence, replies and `kb show`."""

from __future__ import annotations

from knowledge.base import KnowledgeBase
from knowledge.models import Fact, Relation, Status


def describe(fact: Fact, kb: KnowledgeBase, about: str | None = None) -> str:
    """One sentence for a fact. `about` puts that state first in a symmetric relation."""
    subject, other = fact.subject, fact.object
    if fact.relation.symmetric and about == other:
        subject, other = other, subject
    s, o = kb.name(subject), _object_name(kb, other)
    sentence = _SENTENCES[fact.relation](fact, s, o, kb)
    sentence = sentence[:1].upper() + sentence[1:]
    if fact.note and fact.relation not in (Relation.DEFENSE_PACT, Relation.DEFENSE_COOPERATION):
        sentence = f"{sentence} {fact.note}"
    return sentence


def _object_name(kb: KnowledgeBase, entity_id: str) -> str:
    org = kb.organisations.get(entity_id)
    if org and org.short_name != org.name and len(org.short_name) <= 6:
        return f"{org.short_name}"
    return kb.name(entity_id)


def _since(fact: Fact) -> str:
    return f" since {fact.start.readable()}" if fact.start else ""


def _period(fact: Fact) -> str:
    if fact.start and fact.end:
        return f" from {fact.start.readable()} until {fact.end.readable()}"
    if fact.end:
        return f" until {fact.end.readable()}"
    if fact.start:
        return f" from {fact.start.readable()}"
    return ""


def _membership(fact: Fact, s: str, o: str, kb: KnowledgeBase) -> str:
    if fact.status is Status.ENDED:
        return f"{s} was a member of {o}{_period(fact)}."
    if fact.status in (Status.FROZEN, Status.SUSPENDED):
        return f"{s} is formally a member of {o}{_since(fact)}, but its membership is {fact.status.value}."
    return f"{s} has been a member of {o}{_since(fact)}."


def _partnership(fact: Fact, s: str, o: str, kb: KnowledgeBase) -> str:
    org = kb.organisations.get(fact.object)
    parent = kb.organisations.get(org.parent) if org and org.parent else None
    where = f"{parent.short_name}'s {org.name}" if parent else o
    if org and org.kind == "designation":
        # "Major Non-NATO Ally" is a status a state is given, not a club it partners in.
        if fact.status is Status.ENDED:
            return f"{s} was designated a {org.short_name}{_period(fact)}."
        return f"{s} has been designated a {org.short_name}{_since(fact)}."
    if fact.status is Status.ENDED:
        return f"{s} was a partner in {where}{_period(fact)}."
    if fact.status in (Status.FROZEN, Status.SUSPENDED):
        return f"{s}'s partnership in {where} is {fact.status.value}."
    return f"{s} has been a partner in {where}{_since(fact)}."


def _candidacy(fact: Fact, s: str, o: str, kb: KnowledgeBase) -> str:
    if fact.status is Status.ENDED:
        return f"{s} was a candidate for {o} membership{_period(fact)}."
    if fact.status in (Status.FROZEN, Status.SUSPENDED):
        return f"{s} has been a candidate for {o} membership{_since(fact)}, but the process is {fact.status.value}."
    return f"{s} has been a candidate for {o} membership{_since(fact)}."


def _treaty_sentence(kind: str, ongoing: str, ended: str):
    """`kind` for "... under the <treaty>", `ongoing` for "... since <date>" without one,
    `ended` for a tie that no longer holds."""
    def sentence(fact: Fact, s: str, o: str, kb: KnowledgeBase) -> str:
        treaty = kb.treaties.get(fact.via) if fact.via else None
        body = f" {fact.note}" if fact.note else ""
        if treaty is None:  # a relation no single named treaty makes
            if fact.status is Status.ENDED:
                return f"{s} and {o} {ended}{_period(fact)}.{body}"
            if fact.start and fact.status is Status.ACTIVE:
                return f"{s} and {o} {ongoing}{_since(fact)}.{body}"
            return f"{s} and {o} {kind}.{body}"
        name = treaty.short_name or treaty.name
        when = treaty.signed or fact.start
        dated = f" ({when.readable()})" if when else ""
        if fact.status is Status.ENDED:
            until = f" until it ended on {fact.end.readable()}" if fact.end else ", which has ended"
            return f"{s} and {o} {ended} under the {name}{dated}{until}.{body}"
        state = {
            Status.SUSPENDED: ", whose obligations are suspended",
            Status.FROZEN: ", which is frozen",
            Status.ACTIVE: "",
        }[fact.status]
        return f"{s} and {o} {kind} under the {name}{dated}{state}.{body}"

    return sentence


_SENTENCES = {
    Relation.MEMBER_OF: _membership,
    Relation.PARTNER_OF: _partnership,
    Relation.CANDIDATE_FOR: _candidacy,
    Relation.DEFENSE_PACT: _treaty_sentence(
        "have a mutual-defence commitment", "have had a mutual-defence commitment", "had a mutual-defence commitment"
    ),
    Relation.DEFENSE_COOPERATION: _treaty_sentence(
        "cooperate on defence", "have cooperated on defence", "cooperated on defence"
    ),
}
