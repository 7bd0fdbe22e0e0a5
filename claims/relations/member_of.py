"""member_of: "is in NATO", "is a member of", "belongs to", "joined", "NATO member X"."""

from claims.relations.base import RelationCues
from knowledge.models import Relation

MEMBER_OF = RelationCues(
    relation=Relation.MEMBER_OF,
    verbs=frozenset({"join", "rejoin", "belong", "enter", "accede", "participate"}),
    # Not "ally": forum writers call friendly partners "NATO allies" ("Japan is a close NATO
    # ally"), and a correction must not rest on a loose word.
    nouns=frozenset({"member", "membership", "part", "signatory", "founder", "memeber", "accession"}),
    prepositions=frozenset({"in", "within", "inside"}),
    passive_verbs=frozenset({"admit", "readmit", "accept", "include"}),
    phrasal_verbs=frozenset({
        ("take", "part"), ("get", "into"), ("get", "in"), ("sign", "up"), ("sit", "on"), ("sit", "in"),
        ("come", "back"), ("make", "up"),  # "India, Japan, Australia and the US make up the Quad"
    }),
    event_verbs=frozenset({"join", "rejoin", "enter", "accede", "admit", "readmit", "accept", "become", "get"}),
)
