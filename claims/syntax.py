"""How a state and an organisation are linked in a parsed sentence.

The path between the two names in the dependency tree decides whether the sentence makes a
claim at all: every word on it must be a relation cue, a light word ("is", "has been") or a
linking preposition. "Azerbaijan is in talks with NATO" is rejected (talks is no cue),
"Azerbaijan is in NATO" is kept. Negation is read on the path, so its scope is the path's:
"Austria is in the EU but not in NATO" negates only NATO. Modality is read on the clause that
holds the path and on the frames above it (reporting verbs, "if", questions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claims import cues
from claims.gazetteer import SPANS_KEY
from claims.relations import EXTRACTORS, MEMBER_OF, ORGANISATION, STATE, RelationCues, extractors_for
from knowledge.models import Modality, Relation, Tense

if TYPE_CHECKING:  # spaCy is imported only once a text needs a parse
    from spacy.tokens import Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "poss", "conj"})
CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "pcomp"})
# Marks a path that is only a copula ("X is <role name>"); not an extractor of its own.
COPULA = RelationCues(relation=Relation.PARTNER_OF)


@dataclass
class Link:
    extractor: RelationCues
    pattern: str
    negated: bool = False
    modality: Modality = Modality.ASSERTION
    year: int | None = None
    tense: Tense = Tense.PRESENT
    event: bool = False
    founding: bool = False
    returned: bool = False  # "rejoined", "readmitted": a return, not the first accession
    left: bool = False  # "left the CSTO": a membership that ended
    nominal: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def relation(self) -> Relation:
        return self.extractor.relation


def link(subject: Span, obj: Span, objects: str = ORGANISATION) -> Link | None:
    """The claim that `subject` (a state) stands in some relation to `obj`, or None.

    `objects` says what `obj` is: an organisation, or another state (pacts, cooperation)."""
    extractors = extractors_for(objects)
    s_root, o_root = subject.root, obj.root
    lca = _lowest_common_ancestor(s_root, o_root)
    if lca is None:
        return None
    s_side, o_side = _up_to(s_root, lca), _up_to(o_root, lca)
    if objects == STATE and len(s_side) == 1 and all(t.dep_ == "conj" for t in o_side[:-1]):
        # "Japan and the US have a defence treaty": the two states are coordinated subjects,
        # and the relation is in the predicate they share.
        return _link_coordinated(subject, obj, extractors)
    if objects == ORGANISATION and (small := _small_clause(s_side, o_side, lca, subject)):
        return small
    if not _is_subject_side(s_side, lca) or _crosses_other_clause(o_side, subject):
        return None
    # Names coordinated with either end ("Finland and Sweden are", "in NATO and the EU") are
    # not part of the relation between the two.
    skip = _span_ids(subject, obj) | _coordinated(s_side) | _coordinated(o_side)
    inner: list[Token] = []
    for token in [*s_side[1:], *o_side[1:][::-1]]:
        if token.i not in skip and all(t.i != token.i for t in inner):
            inner.append(token)
    if s_root.lemma_.lower() in cues.NOMINAL_RELATIONS and s_root.i not in {t.i for t in inner}:
        inner.insert(0, s_root)  # "the Finnish accession to NATO": the state stands on the relation noun
    others = _other_names(subject, obj)
    if any(t.i in others and not _is_coordinated_name(t) for t in inner):
        # "Azerbaijan joined NATO's Partnership for Peace": the path to NATO runs through
        # another name, which is what the sentence links Azerbaijan to.
        return None
    found = _finish(inner, obj, extractors, subject, lca)
    if found and found.modality is Modality.ASSERTION and not found.negated and _is_alternative(s_side + o_side):
        return None  # "Turkey is in NATO or the EU" asserts neither; a question or a denial does
    return found


def _is_alternative(side: list[Token]) -> bool:
    """A name reached through an 'or' coordination ('NATO or the EU', 'Turkey or Greece')."""
    return any(
        lower.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("or", "either") for c in upper.children)
        for lower, upper in zip(side, side[1:])
    )


def _other_names(subject: Span, obj: Span) -> set[int]:
    doc = subject.doc
    mentions = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else ()
    return {i for m in mentions for i in range(m.start, m.end)} - _span_ids(subject, obj)


# "AUKUS is the UK, the US and Australia", "NATO includes Turkey", "the SCO's members are ...".
_LISTING_VERBS = frozenset({"be", "include", "comprise", "consist", "count"})


def link_listed(state: Span, org: Span) -> Link | None:
    """The organisation is the subject and the state is in the list of its members."""
    head = org.root
    if head.dep_ in ("poss", "compound") and head.head.lemma_.lower() in ("member", "membership"):
        head = head.head  # "NATO members include", "the SCO's members are"
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in _LISTING_VERBS:
        return None
    listed = state.root
    while listed.dep_ in ("conj", "appos") and listed.head.i != listed.i:
        listed = listed.head
    if listed.dep_ == "pobj" and listed.head.lower_ == "of" and listed.head.head.i == verb.i:
        listed = listed.head  # "consists of"
    if listed.head.i != verb.i or listed.dep_ not in ("attr", "dobj", "prep"):
        return None
    result = Link(extractor=MEMBER_OF, pattern=f"{org.text} → {verb.lemma_} → list")
    _read_negation(result, state, [verb], org)
    _read_modality(result, [verb], verb, state)
    return result


def _finish(inner: list[Token], obj: Span, extractors, subject: Span, lca: Token) -> Link | None:
    found = _classify(inner, obj, extractors)
    obliging = [t.head for t in inner if t.head.lower_ in cues.OBLIGATION and t.head not in inner]
    inner = inner + obliging  # "no obligation to defend": the negation sits on the obligation
    if found is None:
        return None
    extractor, pattern, nominal = found
    result = Link(extractor=extractor, pattern=pattern, nominal=nominal)
    result.left = extractor.relation is Relation.MEMBER_OF and _leaving_is_nearest(inner, extractors)
    _read_negation(result, subject, inner, obj)
    if result.left:
        result.negated = not result.negated
        result.notes.append("leaving: the membership ended")
    if _denied_frame(lca):
        result.negated = not result.negated  # "It's not like Finland isn't in NATO"
        result.notes.append("under 'not like': the opposite")
    until = _until_year(inner)
    if result.negated and until:
        # "Spain didn't join NATO until 1982": it joined, in 1982
        result.negated, result.year, result.event = False, until, True
        result.notes.append(f"'not ... until {until}': it happened in {until}")
    if not result.left and extractor.relation is Relation.MEMBER_OF and any(
            t.lower_ in cues.OUTSIDE and _places_outside(t, obj) for t in inner):
        result.negated = not result.negated
        result.notes.append("outside it: not a member")
    _read_time(result, inner, lca, obj)
    if any(t.lower_ == "back" and t.dep_ == "advmod" for t in inner):
        result.returned = True
    _read_modality(result, inner, lca, subject)
    return result


# How far below a shared predicate the relation word may sit: "have [signed] a [mutual defence] pact".
_PREDICATE_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "prep", "pobj", "xcomp", "advmod"})


def _link_coordinated(subject: Span, obj: Span, extractors) -> Link | None:
    head = _subject_head(subject.root)
    if _in_list_of_more(head, subject, obj):
        return None
    if head.dep_ == "pobj" and head.head.lower_ == "between":
        # "a mutual defence pact between Turkey and Azerbaijan"
        cue = head.head.head
        if _cue(cue, extractors) is None:
            return None
        path = [cue.head, cue] if cue.head.i != cue.i and cue.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") else [cue]
        return _finish(path, obj, extractors, subject, path[0])
    predicate = head.head
    if head.dep_ == "dobj" and predicate.lemma_.lower() in cues.REPORTING:
        # "Some analysts claim Azerbaijan and Israel have a pact": the parser takes the two
        # states for the reporting verb's object and leaves the clause without a subject
        predicate = next((c for c in predicate.children if c.dep_ == "ccomp" and c.i > head.i
                          and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
        if predicate is None:
            return None
    elif head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for path in _paths_below(predicate, depth=3):
        cue = path[-1]
        if _cue(cue, extractors) is None:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "with" and not _reciprocal(c) for c in cue.children):
            return None  # "Russia and Belarus signed a pact with Iran": a pact with a third state
        if any(c.i in _other_names(subject, obj) for c in cue.children if c.dep_ in ("compound", "poss", "nmod", "amod")):
            return None  # "South Korea and Japan are both US treaty allies": each is the US's ally
        return _finish([predicate, *path], obj, extractors, subject, predicate)
    return None


def _reciprocal(preposition: Token) -> bool:
    """'with each other', 'with one another'."""
    return any(t.lower_ in ("other", "another") for t in preposition.subtree)


def _in_list_of_more(head: Token, subject: Span, obj: Span) -> bool:
    """'France, Germany and Italy signed a pact': with three names nobody can say who with whom."""
    names = [t for t in head.subtree if t.dep_ == "conj" and t.pos_ in ("PROPN", "NOUN")]
    return len(names) > 1


def _paths_below(token: Token, depth: int) -> list[list[Token]]:
    paths: list[list[Token]] = []
    frontier = [[c] for c in token.children if c.dep_ in _PREDICATE_DEPS]
    for _ in range(depth):
        paths += frontier
        frontier = [[*p, c] for p in frontier for c in p[-1].children if c.dep_ in _PREDICATE_DEPS]
    return paths


def _span_ids(*spans: Span) -> set[int]:
    return {t.i for span in spans for t in span}


def _lowest_common_ancestor(a: Token, b: Token) -> Token | None:
    a_chain = [a, *a.ancestors]
    b_ids = {b.i} | {t.i for t in b.ancestors}
    return next((t for t in a_chain if t.i in b_ids), None)


def _up_to(token: Token, top: Token) -> list[Token]:
    chain = [token]
    while chain[-1].i != top.i:
        chain.append(chain[-1].head)
    return chain


def _coordinated(side: list[Token]) -> set[int]:
    """Heads reached from an end of the path through 'conj' links (or 'appos', as the parser
    reads "in the CSTO, the SCO and the CIS"): other names in the list."""
    ids = set()
    for lower, upper in zip(side, side[1:]):
        if lower.dep_ not in ("conj", "appos") or lower.pos_ not in ("PROPN", "NOUN"):
            break
        ids.add(upper.i)
    return ids


def _crosses_other_clause(o_side: list[Token], subject: Span) -> bool:
    """'If Azerbaijan were in NATO, Turkey would ...': NATO sits in a clause whose subject is
    Azerbaijan, so it says nothing about Turkey."""
    subject_ids = {t.i for t in subject}
    for token in o_side[1:-1]:
        if token.dep_ not in CLAUSE_LINKS and not (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
            continue
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i not in subject_ids:
                if child.lower_ in ("which", "that", "who") and token.dep_ == "relcl":
                    continue  # "Azerbaijan, which joined NATO": the relative is the subject
                return True
    return False


def _places_outside(word: Token, obj: Span) -> bool:
    """'out'/'outside'/'clear' that puts the subject outside this very organisation, under a
    verb of being or staying: 'stays out of NATO', 'is outside the EU'. Not 'outside the
    eurozone but in the EU', nor the partitive 'Out of NATO's 32 members, Turkey ...'."""
    governor = obj.root.head
    if governor.lower_ in ("of", "from") and governor.i != word.i:
        governor = governor.head
    return governor.i == word.i and word.head.lemma_.lower() in cues.PLACING_VERBS


def _denied_frame(lca: Token) -> bool:
    """The claim's clause under a negated 'like' / 'as if' / 'as though' frame."""
    clause = lca
    while clause.dep_ not in ("ccomp", "advcl", "pcomp") and clause.head.i != clause.i:
        clause = clause.head
    frame = clause.head
    if clause.i == frame.i or not any(c.dep_ == "neg" for c in frame.children):
        return False
    doc = lca.doc
    return any(
        c.i < clause.i and (c.lower_ == "like" or (c.lower_ in ("if", "though") and c.i > 0 and doc[c.i - 1].lower_ == "as"))
        for c in [*frame.children, *clause.children]
    )


def _until_year(inner: list[Token]) -> int | None:
    for token in inner:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("until", "till", "til"):
                years = [int(t.text) for t in prep.subtree if cues.YEAR.match(t.text)]
                if years:
                    return years[0]
    return None


def _passive_into(token: Token, inner_ids: set[int]) -> bool:
    """A passive verb that moves its subject into the organisation: 'Bosnia might get
    fast-tracked into the EU', 'was welcomed into NATO'."""
    passive = any(c.dep_ == "auxpass" for c in token.children) or (token.tag_ == "VBN" and token.head.lemma_.lower() == "get")
    return token.pos_ == "VERB" and passive and any(c.lower_ == "into" and c.i in inner_ids for c in token.children)


def _small_clause(s_side: list[Token], o_side: list[Token], lca: Token, subject: Span) -> Link | None:
    """'I'd love to see Japan in NATO', 'Tito kept Yugoslavia out of the Warsaw Pact': the
    state is the object of a verb that places it in (or out of) the organisation. Verbs of
    wanting and imagining make a hypothesis; 'keep ... out of' says it was not a member."""
    verb = lca.lemma_.lower()
    if len(s_side) != 2 or s_side[0].dep_ != "dobj" or verb not in cues.SMALL_CLAUSE_VERBS or lca.pos_ != "VERB":
        return None
    placing = [t.lower_ for t in o_side[1:-1]]
    if placing not in (["in"], ["into"], ["of", "out"], ["of", "outside"]):
        return None
    outside = placing[-1] in cues.OUTSIDE
    found = Link(extractor=MEMBER_OF, pattern=f"{verb} X {' '.join(reversed(placing))}", negated=outside)
    _read_time(found, [lca], lca, subject)
    if verb in cues.SMALL_CLAUSE_FACTS:
        _read_modality(found, [lca], lca, subject)
    else:
        _set(found, Modality.HYPOTHETICAL, f"a small clause under '{lca.text}'")
    if any(c.dep_ == "neg" for c in lca.children):
        found.negated = not found.negated
    return found


def _is_subject_side(s_side: list[Token], lca: Token) -> bool:
    """The state must be what the clause is about: its subject, or the noun a membership
    phrase describes ("Azerbaijan, a NATO member"; "NATO member Turkey")."""
    for lower, upper in zip(s_side, s_side[1:]):
        if lower.dep_ == "prep" and lower.lower_ == "of" and upper.lower_ in cues.QUANTIFIERS:
            continue  # "none of [the Baltic states]"
        if lower.dep_ == "pobj" and upper.lower_ == "of" and upper.head.lower_ in cues.QUANTIFIERS:
            continue
        if lower.dep_ not in SUBJECT_DEPS:
            return False
        if lower.dep_ in ("nsubj", "nsubjpass"):
            return not _verb_hangs_off_another_clause(s_side[s_side.index(lower) + 1 : -1])
    return True


def _verb_hangs_off_another_clause(chain: list[Token]) -> bool:
    """'Montenegro joined NATO and Russia tried a coup': Russia's verb is a clause of its own,
    joined to the claim's by 'and'; what the other clause says is not about Russia."""
    return any(t.dep_ in CLAUSE_LINKS - {"xcomp"} or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")) for t in chain)


def _classify(inner: list[Token], obj: Span, extractors) -> tuple[RelationCues, str, bool] | None:
    """Every word on the path must be accounted for; the first extractor with a cue wins."""
    between_states = all(e.objects == STATE for e in extractors)
    hits: dict[str, str] = {}
    pattern: list[str] = []
    nominal = True
    inner_ids = {t.i for t in inner}
    # "a partner, but not a member of NATO": of two coordinated role nouns on the path, the one
    # nearer the organisation is the one that names its relation to it.
    superseded = {t.i for t in inner if any(c.dep_ in ("conj", "appos") and c.i in inner_ids for c in t.children)}
    # "got EU candidate status", "holds observer status at the SCO": "status" on the path or as
    # the object of a verb on it; its modifier names the role.
    status_nodes = [t for t in inner if t.lemma_.lower() == "status"] + [
        c for t in inner for c in t.children if c.lemma_.lower() == "status" and c.dep_ in ("dobj", "attr", "nsubjpass")]
    with_status = bool(status_nodes) or obj.root.head.lemma_.lower() == "status"
    for node in status_nodes:
        role = next(((c, r) for c in node.children if c.dep_ in ("compound", "amod") and (r := _cue(c, extractors))), None)
        if role:
            hits.setdefault(role[1][0], role[0].lemma_.lower())
    for token in inner:
        lemma = token.lemma_.lower()
        kind = _cue(token, extractors)
        if token.i in superseded and token.pos_ in ("NOUN", "PROPN"):
            pattern.append(lemma)  # the first of two coordinated nouns ("a US ally but not a NATO member")
            continue
        if kind:
            hits.setdefault(kind[0], lemma)
            pattern.append(lemma)
        elif lemma in cues.LIGHT_VERBS or token.dep_ in ("aux", "auxpass"):
            pattern.append(lemma)
        elif lemma in cues.STATUS_WORDS and with_status:
            pattern.append(lemma)
        elif token.pos_ == "ADP" and lemma in cues.LINKING_PREPOSITIONS:
            pattern.append(lemma)
        elif token.pos_ in ("NOUN", "PROPN") and lemma in cues.NEUTRAL_HEADS:
            head_cue = _neutral_head_cue(token, obj, extractors)
            if head_cue is None:
                return None
            hits.setdefault(head_cue, lemma)
            pattern.append(lemma)
        elif lemma in cues.WISH and token.pos_ == "VERB":
            pattern.append(lemma)
        elif _particle_of_phrasal_verb(token, extractors):
            pattern.append(token.lower_)  # "pulled OUT of NATO", "came BACK to the AU"
        elif lemma == "get" and any(c.tag_ == "VBN" and c.i in inner_ids for c in token.children):
            pattern.append(lemma)  # the auxiliary of a passive: "get fast-tracked into"
        elif not between_states and _passive_into(token, inner_ids):
            hits.setdefault("member_of", lemma)  # "was fast-tracked into the EU", "got accepted into"
            pattern.append(f"{lemma} into")
        elif token.lower_ in cues.OUTSIDE and not between_states and _places_outside(token, obj):
            hits.setdefault("member_of", lemma)  # "stays out of NATO", "is outside the EU": not in it
            pattern.append(token.lower_)
        elif token.lower_ == "back" and token.dep_ == "advmod":
            pattern.append("back")  # "Syria's back in the Arab League": a return
        elif _leaving(token) and not between_states:
            hits.setdefault("member_of", lemma)  # "left the CSTO": about a membership, which ended
            pattern.append(lemma)
        elif token.lower_ in cues.QUANTIFIERS and token.pos_ in ("NOUN", "PRON", "DET", "ADJ"):
            pattern.append(token.lower_)  # "none of the Baltic states is ..."
        elif between_states and (lemma in cues.SIGNING or lemma in cues.OBLIGATION or token.lower_ in cues.OBLIGATION):
            pattern.append(lemma)  # "signed a pact with", "is obliged to defend"
        elif _is_coordinated_name(token):
            continue
        else:
            return None
        if token.pos_ in ("VERB", "AUX"):
            nominal = False
    role = _role_given_by_as(inner, extractors)
    if role and "candidate_for" not in hits:  # "applied to join the SCO as a full member": still an application
        # "Serbia joined the CSTO as an observer": the role, not the verb, names the relation.
        hits = {role[0]: role[1]}
        pattern.append(f"as {role[1]}")
    for extractor in extractors:
        if extractor.name in hits:
            return extractor, " → ".join(pattern) or "(adjacent)", nominal
    light = cues.LIGHT_VERBS | cues.STATUS_WORDS if with_status else cues.LIGHT_VERBS
    one_of = obj.root.dep_ == "pobj" and obj.root.head.lower_ == "of" and obj.root.head.head.lower_ == "one"
    if one_of:
        light = light | {"of"}  # "Georgia is one of NATO's Enhanced Opportunities Partners"
    designated = (obj.root.dep_ in ("attr", "appos") or one_of
                  # "a NATO partner and a major non-NATO ally"
                  or (obj.root.dep_ == "conj" and obj.root.head.dep_ in ("attr", "appos"))
                  or (obj.root.dep_ == "compound" and obj.root.head.lemma_.lower() == "status"))
    # "Saudi Arabia, a major non-NATO ally": the name in apposition to the state itself
    apposed = not pattern and obj.root.dep_ == "appos"
    if not between_states and (pattern or apposed) and all(p in light for p in pattern) and designated:
        # "Israel is a major non-NATO ally": the name itself says the role; the pipeline
        # accepts this only for organisations that are designations.
        return COPULA, " → ".join(pattern) or "(apposition)", False
    return None


def _leaving_is_nearest(inner: list[Token], extractors) -> bool:
    """The path's verb nearest the organisation says whether the claim is of leaving: 'walked out
    of the OAU in 1984 and only came back to the AU' joins the AU. (`inner` runs from the
    subject towards the organisation.)"""
    for token in reversed(inner):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if _leaving(token):
            return True
        if _cue(token, extractors):
            return False
    return False


def _particle_of_phrasal_verb(token: Token, extractors) -> bool:
    head = token.head
    pair = (head.lemma_.lower(), token.lower_)
    return head.pos_ in ("VERB", "AUX") and (
        pair in cues.LEAVING_PHRASAL or any(pair in e.phrasal_verbs for e in extractors)
    )


def _leaving(token: Token) -> bool:
    """'left', 'withdrew', 'walked out of', 'pulled out of'."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return lemma in cues.LEAVING or any(
        (lemma, c.lower_) in cues.LEAVING_PHRASAL for c in token.children if c.dep_ in ("prt", "prep", "advmod")
    )


def _role_given_by_as(inner: list[Token], extractors) -> tuple[str, str] | None:
    for token in inner:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for noun in prep.children:
                    found = _cue(noun, extractors) if noun.dep_ == "pobj" else None
                    if found:
                        return found[0], noun.lemma_.lower()
    return None


def _cue(token: Token, extractors) -> tuple[str, str] | None:
    lemma = token.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in token.children) or (token.tag_ == "VBN" and token.head.lemma_.lower() == "get") or token.tag_ == "VBN"
    for extractor in extractors:
        kind = extractor.cue_kind(token, passive, cues.OBLIGATION)
        if kind:
            return extractor.name, kind
    # Tagger slips on forum text ("NATO member" as PROPN): accept nouns by lemma alone.
    for extractor in extractors:
        if lemma in extractor.nouns and token.pos_ not in ("ADP",):
            return extractor.name, "noun"
    return None


def _neutral_head_cue(token: Token, obj: Span, extractors) -> str | None:
    """'a NATO country' is membership; 'a candidate country' candidacy; 'a partner state' partnership."""
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    for child in modifiers:
        found = _cue(child, extractors)
        if found:
            return found[0]  # "an EU candidate country" is a candidacy before it is the EU's
    if any(child.i in {t.i for t in obj} for child in modifiers):
        return "member_of"
    return None


def _is_coordinated_name(token: Token) -> bool:
    """Another name in a list ("NATO and the EU") may stand on the path between two names."""
    return token.pos_ in ("PROPN", "NOUN") and token.dep_ == "conj"


# --- negation ---------------------------------------------------------------------------------


def _read_negation(result: Link, subject: Span, inner: list[Token], obj: Span) -> None:
    negations = 0
    inner_ids = {t.i for t in inner}
    contrasts = _contrastive_negations(obj.sent)
    for token in inner:
        if any(c.dep_ == "conj" and c.i in inner_ids and c.pos_ in ("VERB", "AUX") for c in token.children):
            # "Israel is not a NATO member but is a major non-NATO ally": the path runs on into
            # the second clause, which the first clause's "not" does not reach.
            continue
        for child in token.children:
            lower = child.lower_
            if child.i in contrasts:
                continue  # read below, by where it stands
            if child.i > max(obj.end, subject.end) and any(t.text in (",", ";") for t in obj.doc[obj.end : child.i]):
                # "Ukraine is an EU candidate, Georgia not anymore": a 'not' past the claim and a
                # comma belongs to what follows, however the parser hung it
                continue
            if child.dep_ == "neg" or lower in ("never", "neither"):
                negations += 1
                result.notes.append(f"negated by '{child.text}'")
            elif lower == "no" and child.dep_ in ("det", "neg"):
                negations += 1
                result.notes.append("negated by 'no'")
            elif child.lower_ in cues.NO_LONGER and any(g.lower_ in ("no", "not", "n't") for g in child.children):
                negations += 1
                result.notes.append("negated by 'no longer'")
    if _neither_nor_object(obj):
        negations += 1  # "Switzerland is in neither the EU nor NATO"
        result.notes.append("negated by 'neither … nor'")
    if any(_scopes_over(i, obj) for i in contrasts):
        negations += 1  # "Austria is in the EU, not (in) NATO": wherever the parser hung the 'not'
        result.notes.append("negated by a contrast (', not …')")
    for token in [subject.root, *subject.root.ancestors][:4]:
        if token.lower_ in cues.NEGATIVE_QUANTIFIERS and token.dep_ in ("nsubj", "nsubjpass"):
            negations += 1
            result.notes.append(f"negated by '{token.text} of'")
            break
    if any(c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in subject.root.children) and not any(
            t.pos_ in ("VERB", "AUX") for t in inner):
        # "UK's no longer in the EU": the parser took "'s" for a possessive, and hung the
        # negation on the name
        for child in subject.root.children:
            if child.dep_ == "neg" or child.lower_ in ("not", "n't", "never") or (
                    child.lower_ in cues.NO_LONGER and any(g.lower_ == "no" for g in child.children)):
                negations += 1
                result.notes.append(f"negated by '{child.text}' (after \"'s\")")
    if any(c.lower_ == "no" and c.dep_ == "det" for c in subject.root.children):
        negations += 1
        result.notes.append("negated by 'no'")
    subject_head = _subject_head(subject.root)
    if any(c.lower_ in ("neither", "nor") and c.dep_ in ("det", "preconj", "cc") for c in subject_head.children):
        if any(c.lower_ == "neither" for c in subject_head.children):
            negations += 1
            result.notes.append("negated by 'neither … nor'")
    result.negated = negations % 2 == 1


def _neither_nor_object(obj: Span) -> bool:
    """The object is one of a 'neither X nor Y' pair (the parser may hang 'neither' anywhere
    before X, so it is read by position: after the verb, before the object, with 'nor' in reach)."""
    sentence = obj.sent
    before = [t for t in sentence if t.i < obj.start]
    neither = [t for t in before if t.lower_ == "neither"]
    if not neither:
        return False
    start = neither[-1].i
    rest = [t.lower_ for t in sentence if t.i > start]
    return "nor" in rest and not any(t.dep_ in ("nsubj", "nsubjpass") and t.i > start and t.i < obj.start for t in sentence)


def _contrastive_negations(sentence: Span) -> set[int]:
    """'..., not', 'but not', 'and not' before a phrase: a negation of the phrase it introduces.
    The parser often hangs it on the phrase before; where it stands is what counts."""
    found = set()
    for token in sentence:
        if token.lower_ in ("not", "n't") and token.i > sentence.start and token.i + 1 < sentence.end:
            if token.doc[token.i - 1].lower_ in (",", "but", "and", ";"):
                found.add(token.i)
    return found


def _scopes_over(negation: int, obj: Span) -> bool:
    """The contrastive 'not' at `negation` is the object's when the object follows it within
    its phrase: no comma or other name between them."""
    if obj.start <= negation:
        return False
    between = obj.doc[negation + 1 : obj.start]
    return len(between) <= 4 and not any(t.is_punct or t.lower_ in ("and", "but", "or") for t in between)


def _subject_head(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


# --- tense, events, years -----------------------------------------------------------------------


def _read_time(result: Link, inner: list[Token], lca: Token, obj: Span) -> None:
    verbs = [t for t in inner if t.pos_ in ("VERB", "AUX")] or [lca]
    if verbs == [lca] and lca.pos_ in ("NOUN", "PROPN") and lca.head.pos_ in ("VERB", "AUX"):
        verbs.append(lca.head)  # "Sweden's NATO bid was blocked": the tense is the clause's
    for verb in verbs:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or (
            verb.lemma_ == "use" and any(c.dep_ == "xcomp" for c in verb.children)
        ):
            result.tense = Tense.PAST
        if verb.lemma_.lower() in _event_lemmas():
            result.event = True  # "joined", "became a member": about an event, not a state
        if verb.lower_.startswith(cues.RETURN_PREFIXES) or any(
                (verb.lemma_.lower(), c.lower_) in cues.RETURN_PHRASAL for c in verb.children):
            result.returned = True  # "rejoined", "was readmitted", "came back to"
    years: set[int] = set()
    for token in {t.i: t for t in [*inner, lca]}.values():
        for child in token.children:
            if child.lower_ in ("since", "in", "from", "by") and child.dep_ == "prep":
                year = _year_in(child)
                if year and _belongs_to_a_later_name(child, obj):
                    result.notes.append(f"year {year} follows another name: not used")
                elif year:
                    years.add(year)
                    result.notes.append(f"year {year} from '{child.text} {year}'")
                    if child.lower_ == "since":
                        result.event = True
            elif child.dep_ in ("npadvmod", "nummod") and cues.YEAR.match(child.text):
                years.add(int(child.text))
            if child.lower_ in cues.FOUNDING and child.dep_ in ("amod", "compound", "nmod"):
                result.founding = result.event = True
    if any(t.lower_ in cues.FOUNDING for t in inner):
        result.founding = result.event = True
    if len(years) == 1:
        result.year = years.pop()
    elif years:
        # "Montenegro joined NATO in 2017, North Macedonia in 2020": the parse cannot say
        # which year is whose, so neither is used.
        result.notes.append("several years in the clause: none used")


def _belongs_to_a_later_name(preposition: Token, obj: Span) -> bool:
    """'Minsk is in the CSTO and in the SCO since 2024': a year after a later organisation in
    the list is that organisation's."""
    if preposition.i < obj.end:
        return False
    doc = obj.doc
    mentions = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else ()
    return any(m.label_ == obj.label_ and obj.end <= m.start < preposition.i for m in mentions)


def _event_lemmas() -> frozenset[str]:
    return frozenset().union(*(e.event_verbs for e in EXTRACTORS))


def _year_in(preposition: Token) -> int | None:
    for token in preposition.subtree:
        if cues.YEAR.match(token.text):
            return int(token.text)
    return None


# --- modality -----------------------------------------------------------------------------------


def _read_modality(result: Link, inner: list[Token], lca: Token, subject: Span) -> None:
    sentence = lca.sent
    text = sentence.text.strip()
    clause = [t for t in inner if t.pos_ in ("VERB", "AUX")] or [lca]
    # A condition makes a hypothesis even inside a question ("Would Russia invade if Moldova joined NATO?").
    if _conditional_clause(clause, lca) or _what_if(sentence):
        return _set(result, Modality.HYPOTHETICAL, "a condition or supposition")
    if _inverted_condition(clause, subject, sentence):
        return _set(result, Modality.HYPOTHETICAL, "an inverted condition ('Had X been ...')")
    frame = _irrealis_frame(clause)
    if frame:
        return _set(result, Modality.HYPOTHETICAL, frame)
    irrealis = _irrealis_nominal(lca)
    if irrealis:
        # "Azerbaijan's NATO membership would be a disaster": a membership named, under a modal
        return _set(result, Modality.HYPOTHETICAL, irrealis)
    subject_ids = {t.i for t in subject}
    # "Georgia joining NATO would be a disaster", "Greece vetoed Kosovo's NATO membership": an
    # event named as a thing, or the object of another verb, is talked about, not asserted.
    # "Georgia joining NATO is unlikely": the parser may hang the gerund on the name (acl).
    gerunds = [v for v in clause if v.tag_ == "VBG" and (
        v.dep_ in _NOMINAL_CLAUSE_DEPS or (v.dep_ == "acl" and v.head.i in subject_ids)
        # "Belarus joining the EU after Lukashenko, we can dream": a gerund with a subject of
        # its own and no auxiliary is named, not asserted ("is joining" has its auxiliary)
        or (any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) and not any(c.dep_ in ("aux", "auxpass") for c in v.children)))]
    if gerunds and all(_presupposed(v) for v in gerunds):
        # "Armenia being in the CSTO is so mid": a state of affairs taken as given, and judged
        result.notes.append(f"a state taken as given ('{gerunds[0].text}' under '{gerunds[0].head.text}')")
    elif gerunds:
        return _set(result, Modality.HYPOTHETICAL, "an event named, not asserted ('X joining ...')")
    if any(v.tag_ == "VBG" and v.lemma_.lower() in _event_lemmas() and any(a.lemma_ == "be" for a in v.children if a.dep_ == "aux") for v in clause):
        # "Ukraine is joining the EU": under way or planned, not done.
        return _set(result, Modality.HYPOTHETICAL, "an event under way ('is joining')")
    if lca.i in subject_ids and subject.root.dep_ in ("dobj", "pobj", "oprd") and subject.root.head.pos_ in ("VERB", "ADP"):
        # "I want Ukraine in NATO", "imagine Georgia in the EU": a small clause under a verb.
        return _set(result, Modality.HYPOTHETICAL, f"a small clause under '{subject.root.head.text}'")
    if subject.root.dep_ == "poss" and subject.root.head.dep_ in ("dobj", "pobj", "xcomp"):
        return _set(result, Modality.HYPOTHETICAL, f"the object of '{subject.root.head.head.text}', not asserted")
    lowered = text.lower()
    hedge = next((h for h in cues.HEDGES if h in _with_unfinished_sentence_before(sentence).lower()), None)
    if hedge:
        return _set(result, Modality.REPORTED, f"the writer is unsure ('{hedge}')")
    if any(t.lower_ in cues.HEARSAY for t in sentence) or any(p in lowered for p in cues.HEARSAY_PHRASES):
        return _set(result, Modality.REPORTED, "hearsay")
    if text.endswith("?") or _is_inverted_question(sentence):
        result.modality = Modality.QUESTION
        result.notes.append("a question")
        return
    # Someone else's words stay theirs even when they are about the future ("Trump said the US
    # might leave NATO"): the reporting frame is read before the clause's own modals.
    probe = Link(extractor=result.extractor, pattern=result.pattern)
    _read_frames(probe, lca)
    if probe.modality is Modality.REPORTED:
        return _set(result, Modality.REPORTED, probe.notes[-1])
    for verb in clause:
        for child in verb.children:
            lemma = child.lower_
            if child.dep_ == "mark" and lemma in cues.CONDITIONAL_MARKS and _asks(verb):
                return _set(result, Modality.QUESTION, f"'{verb.head.text} {child.text}'")
            if child.dep_ == "mark" and lemma in cues.CONDITIONAL_MARKS:
                return _set(result, Modality.HYPOTHETICAL, f"conditional '{child.text}'")
            if child.dep_ == "mark" and lemma in cues.QUESTION_MARKS:
                return _set(result, Modality.QUESTION, f"'{child.text}' clause")
            if child.dep_ == "aux" and lemma in cues.MODAL_AUX:
                return _set(result, Modality.HYPOTHETICAL, f"modal '{child.text}'")
        if verb.lemma_.lower() in cues.WISH and any(c.dep_ == "xcomp" for c in verb.children):
            return _set(result, Modality.HYPOTHETICAL, f"wish or plan '{verb.text}'")
    _read_frames(result, lca)
    if result.modality is Modality.ASSERTION and _rejected_by_relative_clause(sentence, lca):
        _set(result, Modality.REPORTED, "rejected by the writer")


def _inverted_condition(clause: list[Token], subject: Span, sentence: Span) -> bool:
    """'Had Ukraine been in NATO in 2014, Crimea would never have happened', 'Were Georgia in
    NATO, ...': an auxiliary before the subject, not a question, a modal in the sentence."""
    if sentence.text.strip().endswith("?"):
        return False
    for verb in clause:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + ([verb] if verb.pos_ == "AUX" else [])
        if any(a.lower_ in ("had", "were", "should") and a.i < subject.start for a in auxes):
            return any(t.lower_ in cues.MODAL_AUX and t.dep_ == "aux" for t in sentence)
    return False


def _irrealis_frame(clause: list[Token]) -> str | None:
    """'The day Moldova joins NATO ...', 'In a world where Japan is in NATO ...': a clause that
    sets a time or a world, not what is so. A past tense ('the day Finland joined') is a fact."""
    for verb in clause:
        frame = next((c for c in verb.children if c.dep_ == "npadvmod" and c.lemma_.lower() in cues.TIME_FRAMES
                      and c.tag_ == "NN" and any(d.lower_ == "the" for d in c.children)), None)  # not "these days"
        if frame is not None and verb.tag_ in ("VBZ", "VBP", "VB"):
            return f"a time set by '{frame.text} ...'"
        head = verb.head if verb.dep_ == "relcl" else None
        if head is not None and head.lemma_.lower() in cues.WORLD_FRAMES:
            return f"a world supposed ('{head.text} where ...')"
        if head is not None and head.lemma_.lower() in cues.TIME_FRAMES and verb.tag_ in ("VBZ", "VBP", "VB"):
            return f"a time set by '{head.text} ...'"
    return None


def _irrealis_nominal(lca: Token) -> str | None:
    """A relation named as a noun ('membership', 'accession') inside a clause that does not
    assert it: under a modal ('would be a red line') or a predicate of possibility
    ('is unthinkable', 'is unlikely'). Returns why, or None."""
    if lca.pos_ not in ("NOUN", "PROPN") or lca.lemma_.lower() not in cues.NOMINAL_RELATIONS:
        return None
    governor = lca
    while governor.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "prep", "compound", "poss", "appos") and governor.head.i != governor.i:
        governor = governor.head
        if governor.pos_ in ("VERB", "AUX"):
            break
    if governor.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "aux" and c.lower_ in cues.MODAL_AUX for c in governor.children):
        return f"'{lca.text}' under a modal ('{governor.text}')"
    said = {t.lemma_.lower() for c in governor.children if c.dep_ in ("acomp", "attr", "oprd") for t in c.subtree}
    if said & cues.IRREALIS:
        return f"'{lca.text}' called {sorted(said & cues.IRREALIS)[0]}"
    if governor.lemma_.lower() == "be" and said and not said & cues.FACTUAL:
        # "Turkish membership in the EU is a running joke": a membership as the topic of a
        # judgement asserts nothing; "... is a fact", "... is a reality now" do
        return f"'{lca.text}' as the topic of a judgement"
    if governor.lemma_.lower() in cues.WISH | cues.SUPPOSITION | cues.STANCE_VERBS:
        return f"'{lca.text}' as the object of '{governor.text}'"
    return None


def _presupposed(gerund: Token) -> bool:
    """'being' (a state, not an event) as the subject of a plain present or past verb, or
    after a preposition that takes its object as given ('on top of', 'despite'): the writer
    takes it as so. 'Georgia being in NATO would be a disaster' (a modal) and 'joining' (an
    event) are not; nor is a state the writer calls a myth."""
    if gerund.lemma_.lower() != "be":
        return False
    head = gerund.head
    if gerund.dep_ in ("csubj", "nsubj"):
        main = head
    elif gerund.dep_ == "acl" and head.dep_ in ("nsubj", "nsubjpass"):
        main = head.head
    elif gerund.dep_ == "pcomp" and head.lower_ in cues.FACTIVE_PREPOSITIONS:
        main = head.head
        while main.dep_ in ("prep", "pobj", "pcomp") and main.head.i != main.i:
            main = main.head
    else:
        return False
    if any(c.dep_ == "aux" and c.lower_ in cues.MODAL_AUX for c in main.children):
        return False
    said = {t.lemma_.lower() for t in main.subtree} | {t.lower_ for t in main.subtree}
    return not said & (cues.REJECTION | cues.SUPPOSITION | cues.WISH | cues.CONDITIONAL_MARKS | {"idea", "prospect", "thought"})


def _with_unfinished_sentence_before(sentence: Span) -> str:
    """The sentence, with the one before it when that one has no closing mark: the parser
    splits "not 100% sure but I believe Mongolia is ..." after "sure"."""
    if sentence.start == 0:
        return sentence.text
    before = sentence.doc[sentence.start - 1].sent
    last = [t for t in before if not t.is_space][-1:]
    if last and last[0].text not in (".", "!", "?", "…"):
        return f"{before.text} {sentence.text}"
    return sentence.text


_NOMINAL_CLAUSE_DEPS = frozenset({"csubj", "csubjpass", "nsubj", "nsubjpass", "dobj", "pobj", "pcomp"})


def _what_if(sentence: Span) -> bool:
    return sentence[0].lower_ in ("what", "suppose", "imagine", "supposing") and any(t.lower_ == "if" for t in sentence[:3]) or (
        sentence[0].lower_ in ("suppose", "supposing", "hypothetically", "imagine")
    )


def _conditional_clause(clause: list[Token], lca: Token) -> bool:
    """'if'/'unless' on the claim's own verbs or on a clause that embeds them; not the 'if'
    of a question frame ('anyone know if ...', 'I wonder if ...')."""
    for verb in clause:
        if any(c.dep_ == "mark" and c.lower_ in cues.CONDITIONAL_MARKS for c in verb.children) and not _asks(verb):
            return True
    token = lca
    while token.dep_ in CLAUSE_LINKS | {"conj"} and token.head.i != token.i:
        if any(c.dep_ == "mark" and c.lower_ in cues.CONDITIONAL_MARKS for c in token.children) and not _asks(token):
            return True
        token = token.head
    return False


def _asks(clause_head: Token) -> bool:
    """'if' introducing the object of a question frame: 'does anyone know if X is in NATO'."""
    has_if = any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause_head.children)
    return has_if and clause_head.dep_ in ("ccomp", "xcomp", "advcl") and clause_head.head.lemma_.lower() in cues.QUESTION_FRAMES


def _set(result: Link, modality: Modality, why: str) -> None:
    result.modality = modality
    result.notes.append(why)


def _is_inverted_question(sentence: Span) -> bool:
    """'Is Azerbaijan in NATO', 'Does Turkey belong to the EU', 'wait is Cyprus in NATO',
    'the baltics arent in the EU are they', 'Serbia in the EU when': questions without a mark."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if not words:
        return False
    if _tag_question(words) or words[-1].lower_ in cues.WH_WORDS - {"which", "whether"}:
        return True
    opening = 0
    while opening < len(words) - 1 and words[opening].lower_ in cues.DISCOURSE_OPENERS:
        opening += 1
    first = words[opening]
    if opening and (first.pos_ == "AUX" or first.tag_ in ("VBZ", "VBP", "VBD", "MD")):
        return True  # "wait is Cyprus in NATO": an auxiliary right after an interjection
    if first.lower_ in cues.WH_WORDS - {"which"} and first.dep_ in ("advmod", "attr", "nsubj", "dobj"):
        return True
    if first.pos_ != "AUX" and first.tag_ not in ("VBZ", "VBP", "VBD", "MD"):
        return False
    root = sentence.root
    head = first if first.dep_ == "ROOT" else first.head
    if head.i != root.i:
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(subjects) and subjects[0].i > first.i


def _tag_question(words: list[Token]) -> bool:
    """'..., are they', '..., isn't it', '..., right': a tag that turns a statement into a question."""
    last = words[-1].lower_
    if last in ("right", "innit", "eh") and len(words) > 3:
        return True
    if len(words) >= 4 and last in ("it", "they", "he", "she", "we", "you", "there"):
        # "..., are they", "..., didn't it": a full auxiliary whose subject is the final pronoun
        # ("that's it" is no tag: 'it' is not the subject there).
        auxiliary = words[-3] if words[-2].lower_ in ("n't", "not") else words[-2]
        return (
            (auxiliary.lemma_.lower() in ("be", "do", "have") or auxiliary.tag_ == "MD")
            and not auxiliary.text.startswith("'")
            and words[-1].dep_ in ("nsubj", "nsubjpass", "expl")
        )
    return False


def _read_frames(result: Link, lca: Token) -> None:
    """Climb from the claim's clause through the clauses that embed it."""
    token = lca
    while token.dep_ in CLAUSE_LINKS | {"conj"} and token.head.i != token.i:
        link_dep, head = token.dep_, token.head
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        lemma = head.lemma_.lower()
        if link_dep == "conj":
            token = head
            continue
        if token.i < head.i and any(c.dep_ == "dobj" for c in head.children) and any(c.dep_ == "neg" for c in head.children):
            # "Ukraine has been a NATO member since 2014, Western media just don't report it":
            # the writer says it and that others do not ("Russia claims it" still reports)
            break
        if marks & cues.CONDITIONAL_MARKS:
            return _set(result, Modality.HYPOTHETICAL, f"conditional '{sorted(marks)[0]}'")
        if (marks & ({"whether", "if"})) and lemma in cues.QUESTION_FRAMES | cues.REPORTING:
            return _set(result, Modality.QUESTION, f"'{lemma} whether/if'")
        if lemma in cues.REJECTION:
            return _set(result, Modality.REPORTED, f"called '{head.text}' by the writer")
        if lemma in cues.SUPPOSITION and _speaker(head) in (None, "writer") and lemma != "say":
            return _set(result, Modality.HYPOTHETICAL, f"supposition '{head.text}'")
        # a wish governs what follows it: "wants to join"; not a clause before it that the
        # parser hung on a later verb ("X's been a member since 2022, Erdogan went to ...")
        if lemma in cues.WISH and link_dep in ("xcomp", "ccomp") and token.i > head.i:
            return _set(result, Modality.HYPOTHETICAL, f"wish or plan '{head.text}'")
        if lemma in cues.REPORTING:
            if _speaker(head) == "writer" and lemma in cues.HEARSAY_VERBS:
                return _set(result, Modality.REPORTED, f"hearsay: the writer '{head.text}' it")
            if _speaker(head) == "writer":
                if any(c.dep_ == "neg" for c in head.children):
                    result.negated = not result.negated
                    result.notes.append(f"the writer does not '{head.text}' it")
                if lemma in ("sure", "certain") and any(c.dep_ == "neg" for c in head.children):
                    return _set(result, Modality.QUESTION, "the writer is not sure")
            else:
                return _set(result, Modality.REPORTED, f"reported by '{head.text}'")
        if any(c.dep_ == "aux" and c.lower_ in cues.MODAL_AUX for c in head.children) and link_dep in ("xcomp",):
            return _set(result, Modality.HYPOTHETICAL, f"modal on '{head.text}'")
        token = head


def _speaker(verb: Token) -> str | None:
    """'writer' when the writer speaks for themselves ("I think ..."), else who speaks."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        # "am convinced", "pretty sure": the subject sits on the copula above.
        if verb.dep_ in ("acomp", "attr") and verb.head.i != verb.i:
            return _speaker(verb.head)
        return None
    return "writer" if subjects[0].lower_ in cues.FIRST_PERSON else subjects[0].text


def _rejected_by_relative_clause(sentence: Span, lca: Token) -> bool:
    """'..., which is nonsense' / 'that's a myth' right after the claim."""
    for token in sentence:
        if token.lemma_.lower() in cues.REJECTION and token.i > lca.i:
            head = token if token.dep_ == "ROOT" else token.head
            subj = [c for c in head.children if c.dep_ in ("nsubj",)]
            if subj and subj[0].lower_ in ("which", "that", "this", "it"):
                return True
    return False


# For claims read outside a state-to-object path (claims/treaty_subjects.py).
read_modality, read_time = _read_modality, _read_time


def link_pair(pronoun: Span) -> Link | None:
    """'Japan and Australia aren't treaty allies, but they do have a reciprocal access
    agreement': a plural pronoun standing for two states, and a pact or cooperation in its
    predicate, as for two coordinated subjects."""
    return _link_coordinated(pronoun, pronoun, extractors_for(STATE))
