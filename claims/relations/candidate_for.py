"""candidate_for: "applied to join", "is an EU candidate", "an aspirant", "seeks membership"."""

from claims.relations.base import RelationCues
from knowledge.models import Relation

CANDIDATE_FOR = RelationCues(
    relation=Relation.CANDIDATE_FOR,
    # "has been trying to get into NATO for twenty years": an effort under way is a candidacy,
    # as "seeks to join" is (both labelled sets read it so); "wants to join" stays a wish.
    verbs=frozenset({"apply", "seek", "aspire", "try"}),
    nouns=frozenset({"candidate", "candidacy", "applicant", "aspirant", "application", "bid"}),
    event_verbs=frozenset({"apply"}),
)
