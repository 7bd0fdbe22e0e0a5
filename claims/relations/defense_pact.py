"""defense_pact: a mutual-defence obligation between two states.

"has a mutual defence treaty with", "are treaty allies", "signed a defense pact", "is obliged to
defend". A bare "ally" or "alliance" is not enough: forum writers call close partners allies,
and a correction must not rest on a loose word.
"""

from claims.relations.base import STATE, QualifiedNouns, RelationCues
from knowledge.models import Relation

DEFENCE_WORDS = frozenset({"defence", "defense", "defensive", "military", "security"})
MUTUAL_WORDS = frozenset({"mutual", "mutual-defence", "mutual-defense", "collective"})

DEFENSE_PACT = RelationCues(
    relation=Relation.DEFENSE_PACT,
    objects=STATE,
    qualified_nouns=(
        QualifiedNouns(
            heads=frozenset({"treaty", "pact", "alliance", "guarantee", "clause", "commitment", "obligation"}),
            qualifiers=DEFENCE_WORDS | MUTUAL_WORDS | frozenset({"assistance", "formal"}),
            excluded=frozenset({"cooperation", "co-operation", "partnership", "trade", "industrial"}),
        ),
        QualifiedNouns(
            heads=frozenset({"agreement", "accord", "deal", "arrangement", "declaration"}),
            qualifiers=MUTUAL_WORDS | frozenset({"assistance"}),
            excluded=frozenset({"cooperation", "co-operation", "partnership", "trade", "legal", "tax"}),
        ),
        QualifiedNouns(
            heads=frozenset({"ally", "allies", "allied"}),
            qualifiers=frozenset({"treaty", "formal", "formally", "military", "militarily", "defence", "defense"}),
        ),
    ),
    obliged_verbs=frozenset({"defend", "protect", "assist", "aid", "help"}),
    event_verbs=frozenset({"sign", "conclude", "ink", "ratify", "seal", "strike", "forge"}),
)
