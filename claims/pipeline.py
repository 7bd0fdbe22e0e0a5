"""Text in, claims out: quotes removed, a cheap prefilter, one parse, every extractor on that parse.

    text ─ strip_quotes ─ prefilter ─ normalise (names recased, typos, symbols; same length)
         ─ nlp (parser + gazetteer) ─ for each sentence:
         pairs (state, organisation or state) ─ syntax.link ─ Claim

The trained parser is loaded only when a text passes the prefilter: most forum posts never
name an alliance, and `factcheck "The weather in Baku is lovely"` should not pay for spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property

from claims import DEFAULT_MODEL, cues, ellipsis, normalise, quotes, relations, rosters, treaty_subjects
from claims.fuzzy import FuzzyNames
from claims.gazetteer import CAPITAL, DEMONYM, GROUP, ORG, SPANS_KEY, STATE, TREATY, add_gazetteer, usual_spellings
from claims.models import Claim
from claims.prefilter import Prefilter
from claims.quotes import quoted_words, strip_quotes
from claims.syntax import COPULA, Link, link, link_listed, link_pair
from knowledge.base import KnowledgeBase
from knowledge.models import Modality, Relation, Statement

PARSE_BATCH = 64  # texts per nlp.pipe batch in parse_ahead()
PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "both", "their"})
# A misspelled name is a guess, a group ("the Baltic states") stands for each member.
FUZZY_CERTAINTY, GROUP_CERTAINTY, CAPITAL_CERTAINTY = 0.85, 0.95, 0.85
FUZZY = "FUZZY_STATE"
# A roster is read from the tokens alone, not the parse: a little less sure than a parsed claim.
ROSTER_CERTAINTY = 0.9
# A claim about a named treaty's parties rests on the base's list of parties.
TREATY_CERTAINTY = 0.9
# What may cut off a sentence's last clause for an echo: "..., Moldova too."
TRAILING_CUTS = frozenset({",", ";", "-", "–", "—"})


class ClaimExtractor:
    _asked: list[str] | None = None  # while parse_ahead() learns what extract() will parse
    _parsed: dict | None = None  # text → Doc, from parse_ahead()

    def __init__(self, kb: KnowledgeBase, model: str = DEFAULT_MODEL):
        self.kb = kb
        self.model = model

    @cached_property
    def nlp(self):
        from claims.model import load_model  # deferred: importing spaCy alone costs over a second

        nlp = load_model(self.model)
        add_gazetteer(nlp, self.kb)
        return nlp

    def parse_ahead(self, texts: Iterable[str]) -> None:
        """Parse what extract() will parse for each of `texts`, in one nlp.pipe batch: the
        extract() calls that follow take these Docs instead of parsing one text at a time
        (a third less time per post that needs a parse, the same Docs). To learn what it will
        parse, each text goes through extract() until it asks for a parse."""
        asked = self._asked = []
        try:
            for text in texts:
                try:
                    self.extract(text)
                except _ParseAsked:
                    pass
                except Exception:  # noqa: BLE001  raised again by the extract() call that follows
                    pass
        finally:
            self._asked = None
        if asked:
            self._parsed = dict(zip(asked, self.nlp.pipe(asked, batch_size=PARSE_BATCH)))

    def _parse(self, text: str):
        """The Doc of `text`: from parse_ahead() when it made one, else made now."""
        if self._asked is not None:
            self._asked.append(text)
            raise _ParseAsked
        doc = self._parsed.pop(text, None) if self._parsed else None
        return doc if doc is not None else self.nlp(text)

    @cached_property
    def _prefilter(self) -> Prefilter:
        """Text without an organisation's name or a pact word, or without a sentence holding
        one beside a possible subject, never reaches the parser (claims.prefilter)."""
        return Prefilter(self.kb, self._fuzzy)

    def could_hold_claim(self, text: str) -> bool:
        return self._prefilter.could_hold_claim(text)

    def extract(self, text: str) -> list[Claim]:
        as_written = strip_quotes(text)
        # What the writer quotes is not their claim, but what their "No it isn't." answers.
        answered = self._quoted_claims(text) if as_written != text else []
        own_words = normalise.undisguise(as_written)  # same length: offsets stay the post's
        window = self._prefilter.window(own_words)  # the sentences that may matter, or None
        if answered:
            window = (0, window[1] if window else len(own_words))
        if window is None:
            return []
        begin, finish = window
        parse_text, misspelled = self._for_parsing(own_words[begin:finish])
        doc = self._parse(parse_text)
        for start, end, state_id in misspelled:
            span = doc.char_span(start, end, label=FUZZY, span_id=state_id)
            if span is not None:
                doc.spans[SPANS_KEY] = [*doc.spans[SPANS_KEY], span]
        claims = [_trimmed(_shifted(c, begin), as_written) for c in self._claims(doc, as_written[begin:finish], answered)]
        return _retracted(claims, own_words)

    def _quoted_claims(self, text: str) -> list[Claim]:
        quoted = quoted_words(text)
        if not quoted.strip():
            return []
        return [c.model_copy(update={"modality": Modality.REPORTED}) for c in self.extract(quoted)]

    @cached_property
    def _spellings(self) -> dict[str, str]:
        return usual_spellings(self.kb)

    @cached_property
    def _fuzzy(self) -> FuzzyNames:
        return FuzzyNames(self.kb)

    def _for_parsing(self, text: str) -> tuple[str, list[tuple[int, int, str]]]:
        """The text as the parser should see it (claims.normalise), and the misspelled names
        found on the way as (start, end, state id)."""
        text = normalise.blank_symbols(text)
        # Names are found in the text as written ("NATO" shouted is still NATO), then the
        # text is recased around them.
        doc = self.nlp.get_pipe("factcheck_gazetteer")(self.nlp.make_doc(text))
        names = [(m.start_char, m.end_char, self._spellings.get(m.text.lower(), m.text)) for m in doc.spans[SPANS_KEY]]
        covered = {i for m in doc.spans[SPANS_KEY] for i in range(m.start, m.end)}
        misspelled = []
        for token in doc:
            state_id = None if token.i in covered else self._fuzzy.match(token.text)
            if state_id:
                misspelled.append((token.idx, token.idx + len(token), state_id))
                names.append((token.idx, token.idx + len(token), token.text[:1].upper() + token.text[1:].lower()))
        return normalise.recase(text, names), misspelled

    def _claims(self, doc, original: str, answered: list[Claim] = ()) -> Iterator[Claim]:
        previous_claims: list[Claim] = list(answered)
        previous_subjects: list = [_Named(i) for i in dict.fromkeys(c.statement.subject for c in answered)]
        roster_claims = self._roster_claims(doc, original)
        for sentence in doc.sents:
            mentions = self._mentions(doc, sentence)
            states = [m for m in mentions if m.label_ in (STATE, CAPITAL, FUZZY)]
            found = list(self._sentence_claims(sentence, mentions, states, previous_subjects, original))
            found += _unseen(roster_claims.pop(sentence.start, []), found)
            if found:
                # "Ukraine has been an EU candidate since June 2022, Moldova too."
                found += self._trailing_echo(doc, sentence, states, found, original)
            if not found and previous_claims:
                # "Some people think Israel is in NATO. It isn't." / "... So did Georgia."
                found = ellipsis.resolve(sentence, states, previous_claims, previous_subjects, original)
            yield from found
            if states:
                previous_subjects = states
            previous_claims = found or previous_claims

    def _sentence_claims(self, sentence, mentions, states, previous_subjects, original: str) -> Iterator[Claim]:
        orgs = [m for m in mentions if m.label_ == ORG]
        groups = [m for m in mentions if m.label_ == GROUP]
        subjects = [(m, m.id_, _NAME_CERTAINTY.get(m.label_, 1.0)) for m in states]
        subjects += [(m, member, GROUP_CERTAINTY) for m in groups for member in self.kb.groups[m.id_].members]
        # Organisations, and other states for pacts, are what a subject may be linked to.
        objects = [(o, relations.ORGANISATION) for o in orgs] + [(s, relations.STATE) for s in states]
        if objects:
            subjects += self._pronoun_subjects(sentence, previous_subjects, states)
        seen = set()
        for made in self._pair_claims(sentence, states, previous_subjects, original):
            seen.add((made.statement.relation, tuple(sorted((made.statement.subject, made.statement.object)))))
            yield made
        for made in self._treaty_claims(sentence, mentions, original):
            seen.add((made.statement.relation, tuple(sorted((made.statement.subject, made.statement.object)))))
            yield made
        for subject, subject_id, certainty in subjects:
            for obj, kind in objects:
                if obj.id_ == subject_id:
                    continue
                found = link(subject, obj, kind) or (link_listed(subject, obj) if kind == relations.ORGANISATION else None)
                if found is None:
                    continue
                claim = self._claim(original, sentence, subject, subject_id, obj, found, certainty)
                if claim is None:
                    continue
                companions = [] if kind == relations.STATE else _companions(subject, obj, states + groups, self.kb)
                made_claims = [claim, *(self._as_companion(claim, m, state_id, original) for m, state_id in companions)]
                if kind == relations.ORGANISATION:
                    # "in the CSTO, the SCO and the CIS", however the parser attached the list;
                    # "in NATO or the EU" only where "or" lists: in a question or a denial.
                    alternatives = claim.modality is Modality.QUESTION or claim.statement.negated
                    made_claims += [
                        self._with_object(c, other, original, contrast, year)
                        for other, contrast, year in _listed_after(obj, orgs, alternatives)
                        for c in list(made_claims)
                    ]
                for made in made_claims:
                    st = made.statement
                    pair = tuple(sorted((st.subject, st.object))) if st.relation.symmetric else (st.subject, st.object)
                    if (st.relation, pair) not in seen:
                        seen.add((st.relation, pair))
                        yield made

    def _pair_claims(self, sentence, states, previous_states, original: str) -> Iterator[Claim]:
        """A pact or cooperation whose two states are 'they' or 'both' (claims.syntax.link_pair)."""
        for t in sentence:
            if t.lower_ not in PLURAL_PRONOUNS or t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            pair = _named_before(t, states, previous_states)
            if len(pair) != 2:
                continue
            pronoun = sentence.doc[t.i : t.i + 1]
            found = link_pair(pronoun)
            claim = self._claim(original, sentence, pronoun, pair[0], pronoun, found, 0.8) if found else None
            if claim is not None:
                yield claim.model_copy(update={"statement": claim.statement.model_copy(update={"object": pair[1]})})

    def _treaty_claims(self, sentence, mentions, original: str) -> Iterator[Claim]:
        """'The US-Taiwan mutual defense treaty ended in 1980': a claim about the parties."""
        for mention in (m for m in mentions if m.label_ == TREATY):
            treaty = self.kb.treaties.get(mention.id_)
            if treaty is None or len(treaty.parties) != 2:
                continue
            found = treaty_subjects.link_treaty(mention, treaty.relation)
            if found is None:
                continue
            first, second = treaty.parties
            claim = self._claim(original, sentence, mention, first, mention, found, TREATY_CERTAINTY)
            if claim is not None:
                yield claim.model_copy(update={"statement": claim.statement.model_copy(update={"object": second})})

    def _trailing_echo(self, doc, sentence, states, found: list[Claim], original: str) -> list[Claim]:
        """A last clause after a comma that only names states and echoes the sentence's claim:
        ", Moldova too", ", same as Sweden and Finland", ", not Canada"."""
        cut = max((t.i for t in sentence if t.text in TRAILING_CUTS or t.lower_ in ellipsis.CLAUSE_OPENERS), default=None)
        if cut is None:
            return []
        role = ellipsis.role_clause([t for t in doc[cut : sentence.end] if not t.is_punct and not t.is_space])
        if role is not None:
            return self._role_echoes(found, role, doc[cut].lower_ in ellipsis.ALTERNATIVES)
        claimed = {c.statement.subject for c in found} | {c.statement.object for c in found}
        tail_states = [m for m in states if m.start > cut and m.id_ not in claimed]
        if not tail_states:
            return []
        fragment = doc[cut + 1 : sentence.end]
        echoes = ellipsis.resolve(fragment, tail_states, found, [], original, within=True)
        return [e.model_copy(update={"text": found[0].text, "start": found[0].start, "end": found[0].end}) for e in echoes]

    def _role_echoes(self, found: list[Claim], role: tuple[Relation, bool, bool], alternative: bool) -> list[Claim]:
        """'an observer at the SCO, not a member' / 'not in the EU but it is a candidate' /
        'is Belarus in the SCO or just an observer': the same subject and organisation, in
        another role. Only set against the claim (the other polarity), or as its alternative
        in a question: 'is in NATO, a member since 1952' is not a role clause. With a subject
        of its own ('but it still isn't a member') the clause is asserted whatever the claim's
        modality: 'It has been trying to get into NATO, but it still isn't a member'."""
        relation, negated, own_subject = role
        echoes = []
        for claim in found:
            st = claim.statement
            organisation = self.kb.organisations.get(st.object)
            independent = own_subject and not alternative and claim.modality is not Modality.ASSERTION
            if organisation is None or (st.relation is relation and not independent):
                continue
            if alternative:
                if claim.modality is not Modality.QUESTION:
                    continue
            elif negated == st.negated or (claim.modality is not Modality.ASSERTION and not own_subject):
                continue
            obj = st.object
            if relation is Relation.MEMBER_OF and organisation.parent:
                obj = organisation.parent  # "NATO 'partners across the globe', not members": of NATO
            statement = st.model_copy(update={"relation": relation, "object": obj, "negated": negated, "year": None,
                                              "event": False, "left": False, "founding": False})
            echoes.append(claim.model_copy(update={
                "statement": statement,
                "modality": Modality.ASSERTION if own_subject and not alternative else claim.modality,
                "pattern": f"{claim.pattern}; role clause",
                "notes": (*claim.notes, f"a clause naming another role: {relation.value}"),
            }))
        return _unseen(echoes, found)

    @cached_property
    def _group_members(self) -> dict[str, tuple[str, ...]]:
        return {group_id: group.members for group_id, group in self.kb.groups.items()}

    def _roster_claims(self, doc, original: str) -> dict[int, list[Claim]]:
        """Member rosters ("Five Eyes = US, UK, ..."), by the start of the sentence naming the
        organisation: the claims of that sentence, and what the next one may echo."""
        by_sentence: dict[int, list[Claim]] = {}
        for listed in rosters.find(doc, frozenset({ORG}), frozenset({STATE, FUZZY}), SPANS_KEY, self._group_members):
            sentence = listed.org.sent
            found = Link(extractor=relations.MEMBER_OF, pattern=listed.pattern, negated=listed.excluded)
            certainty = _NAME_CERTAINTY.get(listed.state.label_, 1.0) * ROSTER_CERTAINTY
            claim = self._claim(original, sentence, listed.state, listed.state_id, listed.org, found, certainty)
            if claim is not None:
                by_sentence.setdefault(sentence.start, []).append(claim)
        return by_sentence

    def _mentions(self, doc, sentence) -> list:
        """The names in one sentence, less those its context shows to mean something else
        ("Atlanta, Georgia"), with adjectives standing for their state ("the Turkish government")."""
        lowered = sentence.text.lower()
        mentions = []
        for m in doc.spans[SPANS_KEY]:
            if m.start < sentence.start or m.end > sentence.end:
                continue
            state = self.kb.states.get(m.id_) if m.label_ != ORG else None
            if state and any(phrase.lower() in lowered for phrase in state.not_near):
                continue
            if m.label_ == DEMONYM:
                m = _demonym_as_state(m)
                if m is None:
                    continue
            mentions.append(m)
        return mentions

    def _as_companion(self, claim: Claim, mention, state_id: str, original: str) -> Claim:
        """'Serbia is in the CSTO with Russia and Belarus': the same claim about each companion."""
        statement = claim.statement.model_copy(update={"subject": state_id})
        return claim.model_copy(update={
            "statement": statement,
            "subject_text": original[mention.start_char : mention.end_char],
            "certainty": round(claim.certainty * 0.9, 2),
            "notes": (*claim.notes, f"'{mention.text}' added by '{mention.root.head.text}'"),
        })

    def _with_object(self, claim: Claim, org, original: str, contrast: bool = False, year: int | None = None) -> Claim:
        """`claim` about the listed organisation `org`; `year`: its own ("in NATO since 2004"),
        0 for none of its own in a list where each organisation has its own, None to share."""
        organisation = self.kb.organisations[org.id_]
        relation = claim.statement.relation
        if claim.extractor == "member_of":
            relation = organisation.default_relation
        negated = claim.statement.negated != contrast  # "in NATO but not the EU"
        update = {"object": org.id_, "relation": relation, "negated": negated}
        if year is not None:
            update["year"] = year or None
        statement = claim.statement.model_copy(update=update)
        return claim.model_copy(update={
            "statement": statement,
            "object_text": original[org.start_char : org.end_char],
            "notes": (*claim.notes, f"'{org.text}' is listed after '{claim.object_text}'"),
        })

    def _pronoun_subjects(self, sentence, previous_states, states) -> list:
        """'Azerbaijan has a strong army. It joined NATO in 2004.' and 'Norway isn't in the EU
        but it is in NATO': 'it' is the one state named before it, in this sentence or the
        previous one; with two candidates there is no guess. 'Turkey and Greece argue. They
        are both in NATO': 'they' and 'both' are all the states named together before them."""
        found = []
        for t in sentence:
            if _quantified_reference(t):
                # "Switzerland, Austria and Ireland are neutral, so none of them are in NATO",
                # "None of the four is in NATO": every state named before
                candidates = _named_before(t, states, previous_states)
                if len(candidates) > 1:
                    found += [(sentence.doc[t.i : t.i + 1], state_id, 0.8) for state_id in candidates]
                continue
            if t.lower_ not in PRONOUNS | PLURAL_PRONOUNS or t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            candidates = _named_before(t, states, previous_states)
            if t.lower_ in PRONOUNS and len(candidates) == 1 or t.lower_ in PLURAL_PRONOUNS and len(candidates) > 1:
                found += [(sentence.doc[t.i : t.i + 1], state_id, 0.8) for state_id in candidates]
        return found

    def _claim(self, original: str, sentence, subject, subject_id: str, obj, found: Link, certainty: float) -> Claim | None:
        relation = found.relation
        year = found.year
        organisation = self.kb.organisations.get(obj.id_)
        if organisation is not None:
            if found.extractor is COPULA and organisation.kind != "designation" and not _names_a_role(obj):
                return None  # "X is NATO" names no role; "X is an Enhanced Opportunities Partner" does
            if relation is Relation.MEMBER_OF:
                relation = organisation.default_relation  # "is in the Partnership for Peace"
            if found.founding and organisation.founded:
                year = organisation.founded.year
        statement = Statement(
            subject=subject_id,
            relation=relation,
            object=obj.id_,
            negated=found.negated,
            year=year,
            tense=found.tense,
            event=found.event,
            left=found.left,
            founding=found.founding and organisation is not None,
            returned=found.returned,
        )
        modality, notes = found.modality, tuple(found.notes)
        reach = (min(subject.start_char, obj.start_char), max(subject.end_char, obj.end_char))
        if modality is not Modality.QUESTION and quotes.inside_one_quotation(original, *reach):
            # 'The op-ed "Why Ukraine Is Already a De Facto NATO Member" is pure opinion'
            modality, notes = Modality.REPORTED, (*notes, "inside quotation marks: someone else's words or a title")
        said = original[sentence.start_char : sentence.end_char].lower()
        sarcasm = next((m for m in cues.SARCASM if m in f" {said} "), None)
        if sarcasm and modality is Modality.ASSERTION:
            # "Oh sure, Azerbaijan is in NATO 🙄": the writer means the opposite.
            modality, notes = Modality.REPORTED, (*notes, f"sarcasm ('{sarcasm.strip()}')")
        pattern_strength = 0.9 if found.nominal else 1.0
        return Claim(
            statement=statement,
            modality=modality,
            text=original[sentence.start_char : sentence.end_char].strip(),
            start=sentence.start_char,
            end=sentence.end_char,
            subject_text=original[subject.start_char : subject.end_char],
            object_text=original[obj.start_char : obj.end_char],
            extractor=found.extractor.name,
            pattern=found.pattern,
            certainty=round(certainty * pattern_strength, 2),
            notes=notes,
        )


_NAME_CERTAINTY = {CAPITAL: CAPITAL_CERTAINTY, FUZZY: FUZZY_CERTAINTY}

# Heads an adjective of nationality may stand on for its state: "the Turkish government".
_GOVERNMENT_HEADS = cues.NEUTRAL_HEADS | frozenset({"army", "military", "regime", "leadership", "authorities", "forces",
                                                    # "Azerbaijani membership in NATO", "the Finnish accession"
                                                    "membership", "accession", "bid", "application", "candidacy"})


def _demonym_as_state(mention):
    """'The Turkish government is obliged to defend Azerbaijan': the noun phrase stands for
    Turkey. An adjective elsewhere ("Turkish coffee", "Azerbaijani oil") stands for nothing."""
    from spacy.tokens import Span

    head = mention.root.head
    if mention.root.dep_ in ("nsubj", "nsubjpass") and mention.root.pos_ in ("PROPN", "NOUN"):
        # "The Kyrgyz are part of the CSTO": the people, as the subject, stand for their state
        return Span(mention.doc, mention.start, mention.end, label=STATE, span_id=mention.id_)
    if mention.root.dep_ not in ("amod", "compound") or head.lemma_.lower() not in _GOVERNMENT_HEADS:
        return None
    return Span(mention.doc, head.i, head.i + 1, label=STATE, span_id=mention.id_)


def _companions(subject, obj, mentions, kb: KnowledgeBase) -> list[tuple]:
    """States added to a membership claim by 'with', 'along with', 'alongside' attached to the
    claim's verb or organisation: 'Czechia joined NATO in 1999 alongside Poland and Hungary',
    '... together with the Baltics'. Returns (mention, state id) pairs."""
    anchors = {obj.root.i, subject.root.head.i, *(t.i for t in obj.root.ancestors if t.i <= obj.root.i)}
    found = []
    for mention in mentions:
        if mention.id_ == subject.id_:
            continue
        head = mention.root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "with Russia and Belarus"
        preposition = head.head
        if head.dep_ != "pobj" or preposition.lower_ not in cues.COMPANIONS:
            continue
        anchor = preposition.head
        if anchor.lower_ in ("along", "together") and anchor.head.i != anchor.i:
            anchor = anchor.head
        if anchor.i in anchors:
            members = kb.groups[mention.id_].members if mention.label_ == GROUP else (mention.id_,)
            found += [(mention, state_id) for state_id in members]
    return found


# Words that may stand between the names of a list: "the CSTO, the SCO and the CIS".
_LIST_GLUE = frozenset({",", "and", "&", "the", "plus", "as", "well", "also"})
_ALTERNATIVE_GLUE = frozenset({"or", "nor", "just", "only", "merely", "simply", "still", "maybe", "perhaps",
                               # "not even in the ICI, never mind NATO" / "let alone NATO"
                               "never", "mind", "let", "alone", "much", "less", "even"})
_DATE_WORDS = frozenset({"since", "in", "from", "by", "january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"})


def _own_year(org) -> int | None:
    """'NATO since 2004', 'the EU in May 2004': the year right after the organisation's name."""
    after = org.doc[org.end : org.end + 4]
    if not after or after[0].lower_ not in ("since", "in", "from"):
        return None
    years = [int(t.text) for t in after if cues.YEAR.match(t.text)]
    return years[0] if years else None


def _listed_after(obj, orgs, alternatives: bool = False) -> list[tuple]:
    """Organisations that follow `obj` in a plain list, whatever the parse made of it, each with
    whether a 'but not' / ', not' sets it against the one before ('in NATO but not the EU').
    `alternatives`: "or (just)" lists too ("is Ireland in NATO or just the EU?")."""
    glue_words = _LIST_GLUE | _ALTERNATIVE_GLUE if alternatives else _LIST_GLUE
    listed, previous = [], obj
    for org in sorted((o for o in orgs if o.start >= obj.end), key=lambda o: o.start):
        between = [t for t in obj.doc[previous.end : org.start] if not t.is_space]
        # "in the EU since 2007 and in NATO since 2004", "joined NATO in 2023 and the EU in 1995":
        # each organisation has its own date; the date is not glue, but it is allowed here.
        dated = any(cues.YEAR.match(t.text) for t in between) and any(t.lower_ in ("and", ",", "&") for t in between)
        if dated:
            between = [t for t in between if not (cues.YEAR.match(t.text) or t.lower_ in _DATE_WORDS)]
        words = [t.lower_ for t in between if t.lower_ != "the"]
        contrast = words[-2:] in (["but", "not"], [",", "not"], ["and", "not"]) or words == ["not"]
        glue = words[:-1] if contrast and words[-1:] == ["not"] else words
        if contrast:
            glue = [w for w in glue if w not in ("but", "and")]
        if not all(w in glue_words for w in glue) or org.id_ == obj.id_:
            break
        if org.root.dep_ in ("nsubj", "nsubjpass") and org.root.head.i != obj.root.head.i:
            break  # "If Serbia joins the CSTO, the EU will react": the subject of another clause
        listed.append((org, contrast, (_own_year(org) or 0) if dated else None))
        previous = org
        if contrast:
            break  # what follows a contrast is its own list
    return listed


_RETRACTION = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in cues.RETRACTIONS) + ")", re.IGNORECASE)


class _ParseAsked(Exception):
    """extract() asked for a parse while parse_ahead() was only learning what it would parse."""


def _named_before(token, states, previous_states) -> list[str]:
    """The ids of the states a pronoun at `token` may stand for: those named before it in its
    sentence, else those of the previous sentence."""
    before = [m for m in states if m.end <= token.i]
    return sorted({m.id_ for m in (before or previous_states)})


def _quantified_reference(token) -> bool:
    """'them' in 'none of them', 'four' in 'all of the four': a quantified subject that refers
    back to states already named."""
    of = token.head
    if token.dep_ != "pobj" or of.lower_ != "of" or of.head.lower_ not in cues.QUANTIFIERS:
        return False
    if of.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return token.lower_ in ("them", "these", "those") or (token.pos_ == "NUM" and any(c.lower_ == "the" for c in token.children))


def _names_a_role(mention) -> bool:
    """A programme named by its members' role: "Enhanced Opportunities Partners"."""
    return mention[-1].lemma_.lower() in ellipsis.ROLES or mention[-1].lower_.rstrip("s") in ellipsis.ROLES


def _unseen(claims: list[Claim], found: list[Claim]) -> list[Claim]:
    """`claims` whose statement `found` does not already make."""
    def key(c: Claim) -> tuple:
        return c.statement.subject, c.statement.relation, c.statement.object, c.statement.negated

    keys = {key(c) for c in found}
    return [c for c in claims if key(c) not in keys]


def _shifted(claim: Claim, offset: int) -> Claim:
    """A claim found in the part of the text parsed, placed in the whole text."""
    return claim.model_copy(update={"start": claim.start + offset, "end": claim.end + offset}) if offset else claim


def _retracted(claims: list[Claim], text: str) -> list[Claim]:
    """'Kazakhstan is in the CSTO, not in NATO's PfP... wait, it's in both actually': what the
    writer takes back before the end of the post is no longer their assertion."""
    marks = [m.start() for m in _RETRACTION.finditer(text)]
    if not marks:
        return claims
    last = max(marks)
    return [
        c.model_copy(update={"modality": Modality.REPORTED, "notes": (*c.notes, "taken back by the writer")})
        if c.start <= last and c.modality is Modality.ASSERTION else c
        for c in claims
    ]


def _trimmed(claim: Claim, text: str) -> Claim:
    """A sentence's offsets without the blank space a quote left before it."""
    start, end = claim.start, claim.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if (start, end) == (claim.start, claim.end):
        return claim
    return claim.model_copy(update={"start": start, "end": end})


class _Named:
    """A subject named in quoted text: only its id is ever asked for."""

    def __init__(self, id_: str):
        self.id_ = id_
