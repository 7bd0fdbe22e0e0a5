"""Claims made about a named treaty: its parties stand in the relation the sentence gives it.

    "The US-Taiwan mutual defense treaty ended in 1980."          → US–Taiwan pact, ended 1980
    "The Russia-Iran partnership treaty is not a mutual defence pact." → no Russia–Iran pact
    "The Shusha Declaration is a real mutual defence pact."       → Azerbaijan–Turkey pact

The treaty must be the subject, and the predicate one of two kinds: a verb of ending
(LEAVING's counterpart for treaties), or a copula with a pact or cooperation noun ("a mutual
defence pact", "just a cooperation deal"). Anything else said of a treaty ("the Shusha
Declaration was signed in Shusha") is not a claim about alliance between its parties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims import relations
from claims.syntax import Link, read_modality, read_time

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs by which a treaty stops binding its parties.
ENDING = frozenset({"end", "expire", "lapse", "terminate", "collapse", "die", "cease", "dissolve", "abrogate"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def link_treaty(mention: Span, relation_of_treaty) -> Link | None:
    """The Link a sentence makes between the parties of the treaty named by `mention`."""
    root = mention.root
    if root.dep_ not in SUBJECT_DEPS:
        return None
    head = root.head
    if head.lemma_.lower() in ENDING:
        extractor = _extractor(relation_of_treaty)
        found = Link(extractor=extractor, pattern=f"{mention.text} → {head.lemma_}", negated=True, left=True, event=True)
        found.notes.append(f"the treaty '{head.text}': the obligation ended")
        read_time(found, [head], head, mention)
        read_modality(found, [head], head, mention)
        if any(c.dep_ == "neg" for c in head.children):
            found.negated = False  # "the treaty never ended"
        return found
    if head.lemma_.lower() == "be":
        attribute = next((c for c in head.children if c.dep_ == "attr"), None)
        extractor = _classified(attribute) if attribute is not None else None
        if extractor is None:
            return None
        found = Link(extractor=extractor, pattern=f"{mention.text} → be → {attribute.lemma_}")
        found.negated = any(c.dep_ == "neg" for c in head.children)
        read_modality(found, [head], head, mention)
        return found
    return None


def _extractor(relation):
    return next(e for e in relations.EXTRACTORS if e.relation is relation)


def _classified(noun: Token):
    """The pact or cooperation extractor whose qualified nouns match `noun` ('a mutual defence pact')."""
    for extractor in (relations.DEFENSE_PACT, relations.DEFENSE_COOPERATION):
        if extractor.cue_kind(noun, passive=False):
            return extractor
    return None
