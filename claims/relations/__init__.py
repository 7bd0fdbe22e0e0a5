"""One extractor per relation, each a lexicon of cue words kept as data, listed in one table.

An extractor does not parse: `claims.syntax` finds the path between a state and an
organisation (or, for pacts, another state) in the dependency tree, and the first extractor
(in the order of EXTRACTORS) whose cues appear on that path names the relation. Order matters:
"applied to join NATO" holds a membership cue (join) and a candidacy cue (apply), and is a
candidacy; a "mutual defence agreement" is a pact before it is cooperation.
"""

from claims.relations.base import ORGANISATION, STATE, QualifiedNouns, RelationCues
from claims.relations.candidate_for import CANDIDATE_FOR
from claims.relations.defense_cooperation import DEFENSE_COOPERATION
from claims.relations.defense_pact import DEFENSE_PACT
from claims.relations.member_of import MEMBER_OF
from claims.relations.partner_of import PARTNER_OF

EXTRACTORS: tuple[RelationCues, ...] = (CANDIDATE_FOR, PARTNER_OF, MEMBER_OF, DEFENSE_PACT, DEFENSE_COOPERATION)


def extractors_for(objects: str) -> tuple[RelationCues, ...]:
    """The extractors that link a state to an organisation, or a state to a state."""
    return tuple(e for e in EXTRACTORS if e.objects == objects)


__all__ = ["CANDIDATE_FOR", "DEFENSE_COOPERATION", "DEFENSE_PACT", "EXTRACTORS", "MEMBER_OF", "ORGANISATION", "PARTNER_OF",
           "STATE", "QualifiedNouns", "RelationCues", "extractors_for"]
