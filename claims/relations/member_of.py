"""member_of: "is in NATO", "is a member of", "belongs to", "joined", "NATO member X"."""

from claims.relations.base import RelationCues
from knowledge.models import Relation

MEMBER_OF = RelationCues(
    relation=Relation.MEMBER_OF,
    verbs=frozenset({"join", "rejoin", "belong", "enter", "accede", "participate"}),
    nouns=frozenset({"member", "membership", "part", "ally", "signatory", "founder", "memeber", "accession"}),
    prepositions=frozenset({"in", "within", "inside"}),
    passive_verbs=frozenset({"admit", "readmit", "accept", "include"}),
    phrasal_verbs=frozenset({
        ("take", "part"), ("get", "into"), ("get", "in"), ("sign", "up"), ("sit", "on"), ("sit", "in"),
    }),
    event_verbs=frozenset({"join", "rejoin", "enter", "accede", "admit", "readmit", "accept", "become", "get"}),
)
