"""The shape of a relation extractor's data."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.models import Relation


@dataclass(frozen=True)
class RelationCues:
    relation: Relation
    # Lemmas that, on the path from a state to an organisation, say which relation is meant.
    verbs: frozenset[str] = frozenset()  # "join", "apply"
    nouns: frozenset[str] = frozenset()  # "member", "partner", "candidate"
    # Prepositions that carry the relation on their own after a copula ("is in NATO").
    prepositions: frozenset[str] = frozenset()
    # Verbs that only count in the passive voice ("was admitted to NATO").
    passive_verbs: frozenset[str] = frozenset()
    # Verbs that describe an event (joining) rather than a state (being a member).
    event_verbs: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return self.relation.value

    def cue_kind(self, lemma: str, pos: str, passive: bool) -> str | None:
        if pos in ("VERB", "AUX") and (lemma in self.verbs or (passive and lemma in self.passive_verbs)):
            return "verb"
        if pos in ("NOUN", "PROPN", "ADJ") and lemma in self.nouns:
            return "noun"
        if pos == "ADP" and lemma in self.prepositions:
            return "preposition"
        return None
