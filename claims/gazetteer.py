"""The gazetteer: states, organisations and treaties found by name, with knowledge-base ids.

Entities never come from the statistical NER (it calls Azerbaijan an ORG or a PERSON). Every
name comes from the knowledge base, becomes a token pattern whose `id` is the entity's id, and a
spaCy SpanRuler writes the matches to `doc.spans["factcheck_entities"]`, so that `span.id_` says
which entity matched. Works on `spacy.blank("en")`: nothing here needs a trained model.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from knowledge import cache
from knowledge.base import KnowledgeBase

if TYPE_CHECKING:  # spaCy is imported only once a text needs a parse
    from spacy.language import Language

SPANS_KEY = "factcheck_entities"
STATE, CAPITAL, DEMONYM, GROUP, ORG, TREATY = "STATE", "CAPITAL", "DEMONYM", "GROUP", "ORG", "TREATY"


def entity_patterns(kb: KnowledgeBase, tokenizer) -> list[dict]:
    """Token patterns for every name in the base, each carrying its entity id."""
    patterns: list[dict] = []

    def add(label: str, entity_id: str, names: Iterable[str], exact: bool) -> None:
        for name in names:
            tokens = [t.text for t in tokenizer(name)]
            for variant in _variants(tokens, exact):
                patterns.append({"label": label, "pattern": variant, "id": entity_id})

    for state in kb.states.values():
        loose = [state.name, *state.aliases]
        add(STATE, state.id, [n for n in loose if n not in state.exact_aliases], exact=False)
        add(STATE, state.id, state.exact_aliases, exact=True)
        add(CAPITAL, state.id, state.capitals, exact=True)
        add(DEMONYM, state.id, state.demonyms, exact=False)
    for group in kb.groups.values():
        add(GROUP, group.id, group.names, exact=False)
    for org in kb.organisations.values():
        names = [org.short_name, *org.aliases]
        add(ORG, org.id, [n for n in names if _is_acronym(n)], exact=True)
        add(ORG, org.id, [org.name, *(n for n in names if not _is_acronym(n))], exact=False)
    for treaty in kb.treaties.values():
        add(TREATY, treaty.id, [treaty.name, *treaty.aliases], exact=False)
    return _unique(patterns)


def usual_spellings(kb: KnowledgeBase) -> dict[str, str]:
    """How each name is usually written, by its lower-case form: 'nato' → 'NATO', 'ukraine' →
    'Ukraine'. Used to recase forum text before parsing (claims.normalise)."""
    spellings: dict[str, str] = {}
    for state in kb.states.values():
        for name in (state.name, *state.aliases, *state.exact_aliases, *state.capitals, *state.demonyms):
            spellings.setdefault(name.lower(), name)
    for org in kb.organisations.values():
        for name in (org.short_name, org.name, *org.aliases):
            spellings.setdefault(name.lower(), name)
    for group in kb.groups.values():
        for name in group.names:
            spellings.setdefault(name.lower(), name)
    return spellings


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("-", "")
    return letters.isupper() and len(letters) <= 6


def _variants(tokens: list[str], exact: bool) -> list[list[dict]]:
    """Case-insensitive names match in any case. Exact names (ordinary words such as 'Turkey',
    'Chad', 'US', or acronyms such as 'CIS') match as written, title-cased, or shouted."""
    if not exact:
        return [[{"LOWER": t.lower()} for t in tokens]]
    forms = {tuple(tokens), tuple(t.upper() for t in tokens)}
    if all(t.isupper() for t in tokens) and len(tokens) == 1 and len(tokens[0]) >= 4:
        forms.add((tokens[0].capitalize(),))  # "Nato", as British papers write it
    return [[{"ORTH": t} for t in form] for form in sorted(forms)]


def _unique(patterns: list[dict]) -> list[dict]:
    seen, unique = set(), []
    for p in patterns:
        key = (p["label"], p["id"], repr(p["pattern"]))
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def add_gazetteer(nlp: Language, kb: KnowledgeBase) -> None:
    from claims import name_ruler  # noqa: F401  registers the factcheck_name_ruler factory

    # A SpanRuler whose name patterns are matched as phrases: the same spans, far faster.
    ruler = nlp.add_pipe(
        "factcheck_name_ruler",
        name="factcheck_gazetteer",
        config={
            "spans_key": SPANS_KEY,
            "validate": False,
            # Overlapping names keep the longest: "major non-NATO ally" beats "NATO".
            "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        },
    )
    ruler.add_patterns(cached_patterns(kb, nlp))


def cached_patterns(kb: KnowledgeBase, nlp: Language) -> list[dict]:
    """`entity_patterns`, kept on disk per knowledge base and pipeline (knowledge.cache):
    tokenizing every name costs a tenth of a second at each start."""
    import spacy

    pipeline = f"{nlp.lang}_{nlp.meta.get('name')}-{nlp.meta.get('version')}-spacy{spacy.__version__}"
    build = functools.partial(entity_patterns, kb, nlp.tokenizer)
    return cache.cached("gazetteer", f"{kb.version}-{pipeline}", build, code=("knowledge", "claims"))
