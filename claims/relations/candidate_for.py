"""candidate_for: "applied to join", "is an EU candidate", "an aspirant", "seeks membership"."""

from claims.relations.base import RelationCues
from knowledge.models import Relation

CANDIDATE_FOR = RelationCues(
    relation=Relation.CANDIDATE_FOR,
    verbs=frozenset({"apply", "seek", "aspire"}),
    nouns=frozenset({"candidate", "candidacy", "applicant", "aspirant", "application", "bid"}),
    event_verbs=frozenset({"apply"}),
)
