"""Misspelled state names ("Azerbijan", "Swden", "Ukriane"), matched with rapidfuzz.

Only where a typo is the likely story: a word the gazetteer did not match, capitalised (or long),
one edit (two for long names) from exactly one state name or adjective, starting with the same
letter. Exact names are never fuzzy candidates, so "Austria" stays Austria and never becomes
Australia; "Ukriane" is one transposition from Ukraine and far from "UK".
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import DamerauLevenshtein

from knowledge.base import KnowledgeBase

MIN_LENGTH = 5
# A lower-case word must be this long to be a candidate: short lower-case words are ordinary English.
MIN_LOWERCASE_LENGTH = 8


class FuzzyNames:
    def __init__(self, kb: KnowledgeBase):
        self._by_initial: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._exact: set[str] = set()
        for state in kb.states.values():
            if state.historic:
                continue
            for name in (state.name, *state.aliases, *state.exact_aliases, *state.demonyms):
                self._exact.add(name.lower())
                if " " not in name and len(name) >= MIN_LENGTH - 1:
                    self._by_initial[name[0].lower()].append((name.lower(), state.id))
        for org in kb.organisations.values():
            self._exact.update(n.lower() for n in (org.short_name, *org.aliases))

    def match(self, word: str) -> str | None:
        """The state id `word` is a misspelling of, or None."""
        lower = word.lower()
        if not word.isalpha() or len(word) < MIN_LENGTH or lower in self._exact:
            return None
        if word.islower() and len(word) < MIN_LOWERCASE_LENGTH:
            return None
        allowed = 1 if len(word) < 8 else 2
        found = {
            state_id
            for name, state_id in self._by_initial.get(lower[0], ())
            if abs(len(name) - len(lower)) <= allowed
            and DamerauLevenshtein.distance(lower, name, score_cutoff=allowed) <= allowed
        }
        return found.pop() if len(found) == 1 else None
