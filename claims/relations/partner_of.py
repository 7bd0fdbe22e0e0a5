"""partner_of: "is a NATO partner", "a partner of", "an observer in", "major non-NATO ally"."""

from claims.relations.base import RelationCues
from knowledge.models import Relation

PARTNER_OF = RelationCues(
    relation=Relation.PARTNER_OF,
    verbs=frozenset({"partner"}),
    nouns=frozenset({"partner", "partnership", "observer"}),
)
