"""The loaded knowledge base and the questions the judge and the CLI ask of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from knowledge.errors import UnknownEntity
from knowledge.models import Fact, Group, Organisation, Relation, State, Treaty


@dataclass(frozen=True)
class KnowledgeBase:
    as_of: dt.date  # the day the base speaks for: verdicts are "on the knowledge base's date"
    version: str  # content hash of the data files
    states: dict[str, State]
    organisations: dict[str, Organisation]
    treaties: dict[str, Treaty]
    facts: list[Fact]
    groups: dict[str, Group] = field(default_factory=dict)
    _by_subject: dict[str, list[Fact]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for fact in self.facts:
            self._by_subject.setdefault(fact.subject, []).append(fact)
            if fact.relation.symmetric:
                self._by_subject.setdefault(fact.object, []).append(fact)

    def name(self, entity_id: str) -> str:
        if entity_id in self.states:
            return self.states[entity_id].name
        if entity_id in self.organisations:
            return self.organisations[entity_id].short_name
        if entity_id in self.treaties:
            return self.treaties[entity_id].name
        raise UnknownEntity(entity_id)

    def facts_about(self, state_id: str) -> list[Fact]:
        """Every fact in which the state takes part, either side of a symmetric relation."""
        return list(self._by_subject.get(state_id, ()))

    def facts_between(self, subject: str, relation: Relation, obj: str) -> list[Fact]:
        found = []
        for fact in self._by_subject.get(subject, ()):
            if fact.relation is not relation:
                continue
            if fact.object == obj or (relation.symmetric and {fact.subject, fact.object} == {subject, obj}):
                found.append(fact)
        return sorted(found, key=lambda f: (f.start or "", f.id))

    def programmes_of(self, org_id: str) -> list[Organisation]:
        """Partnership programmes run by an organisation (NATO's Partnership for Peace, ...)."""
        return [o for o in self.organisations.values() if o.parent == org_id]

    def members(self, org_id: str, on: dt.date, relation: Relation = Relation.MEMBER_OF) -> list[str]:
        return sorted(
            f.subject
            for f in self.facts
            if f.object == org_id and f.relation is relation and f.holds_on(on)
        )

    def is_complete(self, org_id: str, relation: Relation) -> bool:
        org = self.organisations.get(org_id)
        return bool(org and relation in org.complete)
