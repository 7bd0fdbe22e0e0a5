"""One extractor per relation, each a lexicon of cue words kept as data, listed in one table.

An extractor does not parse: `claims.syntax` finds the path between a state and an
organisation in the dependency tree, and the first extractor (in the order of EXTRACTORS)
whose cues appear on that path names the relation. Order matters: "applied to join NATO"
holds a membership cue (join) and a candidacy cue (apply), and is a candidacy.
"""

from claims.relations.base import RelationCues
from claims.relations.candidate_for import CANDIDATE_FOR
from claims.relations.member_of import MEMBER_OF
from claims.relations.partner_of import PARTNER_OF

EXTRACTORS: tuple[RelationCues, ...] = (CANDIDATE_FOR, PARTNER_OF, MEMBER_OF)

__all__ = ["EXTRACTORS", "RelationCues"]
