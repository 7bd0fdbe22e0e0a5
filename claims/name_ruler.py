"""`factcheck_name_ruler`: spaCy's SpanRuler, with name patterns matched as phrases.

The gazetteer holds some 1,700 names, each a token pattern on one attribute: every token
`{"LOWER": ...}` (names in any case) or every token `{"ORTH": ...}` (exact names such as
'Turkey' or 'CIS'). spaCy's token Matcher tries every pattern at every token, some 15 ms for a
forum post on these machines; a PhraseMatcher looks names up in a hash table, a thousand times
faster. This ruler sends such patterns to one PhraseMatcher per attribute and any other pattern
to the Matcher, and returns exactly the spans the SpanRuler would (same labels, ids, filter).
"""

from __future__ import annotations

import warnings
from functools import partial

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline.span_ruler import SpanRuler, overlapping_labeled_spans_score
from spacy.tokens import Doc, Span

PHRASE_ATTRS = ("LOWER", "ORTH")


@Language.factory(
    "factcheck_name_ruler",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "ruler",
        "spans_filter": None,
        "annotate_ents": False,
        "ents_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False,
        "overwrite": True,
        "scorer": {"@scorers": "spacy.overlapping_labeled_spans_scorer.v1", "spans_key": "ruler"},
    },
)
def make_name_ruler(nlp: Language, name: str, spans_key, spans_filter, annotate_ents, ents_filter,
                    phrase_matcher_attr, matcher_fuzzy_compare, validate: bool, overwrite: bool, scorer):
    return NameRuler(
        nlp, name, spans_key=spans_key, spans_filter=spans_filter, annotate_ents=annotate_ents,
        ents_filter=ents_filter, phrase_matcher_attr=phrase_matcher_attr,
        matcher_fuzzy_compare=matcher_fuzzy_compare, validate=validate, overwrite=overwrite,
        scorer=scorer or partial(overlapping_labeled_spans_score, spans_key=spans_key),
    )


class NameRuler(SpanRuler):
    def clear(self) -> None:
        super().clear()
        self.name_matchers = {attr: PhraseMatcher(self.nlp.vocab, attr=attr) for attr in PHRASE_ATTRS}
        # (attribute, words) → the (label, id) of every entity with that name
        self.names: dict[tuple[str, tuple[str, ...]], list[tuple[str, str]]] = {}

    def add_patterns(self, patterns) -> None:
        """Each name goes into its attribute's PhraseMatcher once, under one key per matcher,
        as the hashes of its words: no Doc and no lexeme per name or per entity (1,700 names
        and 700 entities would cost 0.1 s at each start)."""
        others, phrases = [], {attr: [] for attr in PHRASE_ATTRS}
        strings = self.nlp.vocab.strings
        for entry in patterns:
            phrase = _phrase(entry["pattern"])
            if phrase is None:
                others.append(entry)
                continue
            attr, words = phrase
            entity = (entry["label"], entry.get("id", ""))
            self._match_label_id_map[strings.as_int(repr(entity))] = {"label": entity[0], "id": entity[1]}
            entities = self.names.setdefault((attr, tuple(words)), [])
            if not entities:
                phrases[attr].append([strings.add(w) for w in words])
            if entity not in entities:
                entities.append(entity)
            self._patterns.append(entry)
        for attr, found in phrases.items():
            if found:
                self.name_matchers[attr].add(attr, found)
        if others:
            super().add_patterns(others)

    def match(self, doc: Doc):
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            matches = [*self.matcher(doc), *self.phrase_matcher(doc)]
        labels = self._match_label_id_map
        found = {
            Span(doc, start, end, label=labels[m_id]["label"], span_id=labels[m_id]["id"])
            for m_id, start, end in matches
            if start != end
        }
        for attr, matcher in self.name_matchers.items():
            for _, start, end in matcher(doc):
                words = tuple(t.lower_ if attr == "LOWER" else t.text for t in doc[start:end])
                found.update(
                    Span(doc, start, end, label=label, span_id=entity_id)
                    for label, entity_id in self.names.get((attr, words), ())
                )
        return sorted(found)

    def remove(self, label: str) -> None:
        if label not in self:
            super().remove(label)  # raises spaCy's own error
        self._rebuild([p for p in self._patterns if p["label"] != label])

    def remove_by_id(self, pattern_id: str) -> None:
        kept = [p for p in self._patterns if p.get("id") != pattern_id]
        if len(kept) == len(self._patterns):
            super().remove_by_id(pattern_id)  # raises spaCy's own error
        self._rebuild(kept)

    def _rebuild(self, patterns) -> None:
        self.clear()
        self._match_label_id_map = {}
        self.add_patterns(patterns)


def _phrase(pattern) -> tuple[str, list[str]] | None:
    """('LOWER', words) for [{"LOWER": w}, ...], likewise ORTH; None for any other pattern."""
    if not isinstance(pattern, list) or not pattern:
        return None
    if not all(isinstance(t, dict) and len(t) == 1 for t in pattern):
        return None
    attrs = {next(iter(t)) for t in pattern}
    attr = attrs.pop()
    if attrs or attr not in PHRASE_ATTRS:
        return None
    words = [t[attr] for t in pattern]
    if not all(isinstance(w, str) and w for w in words):
        return None
    if attr == "LOWER" and any(w != w.lower() for w in words):
        return None  # {"LOWER": "Nato"} never matches; a phrase "Nato" would
    return attr, words
