"""The shape of a relation extractor's data."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.models import Relation

if TYPE_CHECKING:  # spaCy is imported only once a text needs a parse
    from spacy.tokens import Token

ORGANISATION, STATE = "organisation", "state"


@dataclass(frozen=True)
class QualifiedNouns:
    """Nouns that carry a relation only when qualified: a 'defence treaty' is a pact, a 'trade
    treaty' is not. A qualifier may stand before the noun ('mutual defence pact') or in a
    phrase after it ('treaty of mutual assistance')."""

    heads: frozenset[str]
    qualifiers: frozenset[str]
    # Modifiers that hand the phrase to another relation: a 'defence cooperation agreement'
    # is cooperation, not a pact.
    excluded: frozenset[str] = frozenset()

    def matches(self, token: Token) -> bool:
        if token.lemma_.lower() not in self.heads and token.lower_ not in self.heads:
            return False
        words = _modifier_words(token)
        return bool(words & self.qualifiers) and not words & self.excluded


def _modifier_words(token: Token) -> set[str]:
    words: set[str] = set()
    for child in token.children:
        if child.i < token.i and child.dep_ in ("compound", "amod", "nmod", "npadvmod", "advmod"):
            words.update(w for t in child.subtree for w in (t.lower_, t.lemma_.lower()))
        elif child.dep_ == "prep" and child.lower_ in ("of", "on", "for"):
            words.update(w for t in child.subtree for w in (t.lower_, t.lemma_.lower()))
    return words


@dataclass(frozen=True)
class RelationCues:
    relation: Relation
    # What the relation links a state to: an organisation (membership) or another state (pacts).
    objects: str = ORGANISATION
    # Lemmas that, on the path from a state to its object, say which relation is meant.
    verbs: frozenset[str] = frozenset()  # "join", "apply"
    nouns: frozenset[str] = frozenset()  # "member", "partner", "candidate"
    qualified_nouns: tuple[QualifiedNouns, ...] = ()
    # Prepositions that carry the relation on their own after a copula ("is in NATO").
    prepositions: frozenset[str] = frozenset()
    # Verbs that only count in the passive voice ("was admitted to NATO").
    passive_verbs: frozenset[str] = frozenset()
    # Verbs that only count under a word of obligation ("is obliged to defend").
    obliged_verbs: frozenset[str] = frozenset()
    # Verbs that describe an event (joining) rather than a state (being a member).
    event_verbs: frozenset[str] = frozenset()
    # Two-word verbs, verb lemma and particle or object: "take part", "get into", "sign up".
    phrasal_verbs: frozenset[tuple[str, str]] = frozenset()

    @property
    def name(self) -> str:
        return self.relation.value

    def cue_kind(self, token: Token, passive: bool, obligation: frozenset[str] = frozenset()) -> str | None:
        lemma, pos = token.lemma_.lower(), token.pos_
        if pos in ("VERB", "AUX") and token.lower_ != lemma:
            # The lemmatizer slips on rarer verbs ("readmitted" → "readmitte"): a regular
            # inflection of a cue verb is that verb.
            lemma = _base_form(token.lower_, self.verbs | self.passive_verbs | self.event_verbs) or lemma
        if pos in ("VERB", "AUX") and any(
            (lemma, c.lower_) in self.phrasal_verbs for c in token.children
            # a particle, or a word right after the verb: "got into NATO", not "got ... in June"
            if c.dep_ == "prt" or (c.dep_ in ("dobj", "prep", "advmod") and c.i == token.i + 1)
        ):
            return "verb"
        if pos in ("VERB", "AUX", "ADJ") and (
            lemma in self.verbs
            or (passive and lemma in self.passive_verbs)
            or (lemma in self.obliged_verbs and token.head.lemma_.lower() in obligation)
        ):
            return "verb"
        if pos in ("NOUN", "PROPN", "ADJ") and lemma in self.nouns:
            return "noun"
        if pos in ("NOUN", "PROPN", "ADJ", "VERB") and any(q.matches(token) for q in self.qualified_nouns):
            return "noun"
        if pos == "ADP" and lemma in self.prepositions:
            return "preposition"
        return None


@functools.cache
def _regular_forms(verbs: frozenset[str]) -> dict[str, str]:
    """Regular inflections of each verb, to the verb: admit → admits, admitted, admitting."""
    forms: dict[str, str] = {}
    for verb in sorted(verbs):
        stem = verb[:-1] if verb.endswith("e") else verb
        inflected = [verb + "s", stem + "ed", stem + "ing"]
        if len(verb) > 2 and verb[-1] in "bdgmnprt" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
            inflected += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]  # admit → admitted
        for form in inflected:
            forms.setdefault(form, verb)
    return forms


def _base_form(word: str, verbs: frozenset[str]) -> str | None:
    return _regular_forms(verbs).get(word)
