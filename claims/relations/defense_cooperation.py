"""defense_cooperation: defence ties short of a mutual-defence obligation between two states.

"signed a defence cooperation agreement with", "have military cooperation", "a security
agreement". Checked after defense_pact, so a 'mutual defence agreement' stays a pact.
"""

from claims.relations.base import STATE, QualifiedNouns, RelationCues
from claims.relations.defense_pact import DEFENCE_WORDS
from knowledge.models import Relation

DEFENSE_COOPERATION = RelationCues(
    relation=Relation.DEFENSE_COOPERATION,
    objects=STATE,
    qualified_nouns=(
        QualifiedNouns(
            heads=frozenset({
                "cooperation", "co-operation", "collaboration", "agreement", "accord", "deal", "pact",
                "partnership", "ties", "tie", "relations", "memorandum", "treaty", "arrangement", "framework",
            }),
            # "a Reciprocal Access Agreement", "a visiting forces agreement", "a status of forces
            # agreement": agreements on each other's forces, short of defending each other.
            qualifiers=DEFENCE_WORDS | frozenset({"arms", "defence-industrial", "defense-industrial", "access", "forces",
                                                  "sofa", "vfa", "basing"}),
        ),
    ),
    event_verbs=frozenset({"sign", "conclude", "ink", "ratify", "seal", "strike", "forge"}),
)
