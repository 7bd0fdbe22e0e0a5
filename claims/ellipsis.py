"""Claims a sentence makes by pointing back at the one before.

    "Some people think Israel is in NATO. It isn't."  → Israel is not in NATO (asserted)
    "Azerbaijan left the CSTO in 1999. So did Georgia." → Georgia left the CSTO
    "Montenegro joined NATO in 2017. North Macedonia in 2020." → North Macedonia joined, 2020

The sentence repeats the previous claim's predicate with its own subject, polarity and year;
only a sentence with no claim of its own is read this way.
"""

from __future__ import annotations

from claims import cues
from claims.models import Claim
from knowledge.models import Modality, Relation, Tense

PRONOUNS = frozenset({"it", "they", "he", "she"})
ANSWERS = frozenset({"no", "nope", "nah", "yes", "yeah", "yep", "well", "actually", "lol", "lmao", "mate", "sorry"})
ECHO_VERBS = frozenset({"be", "do", "have"})
# "So did Georgia", "Georgia too", "Neither did Armenia".
ECHO_OPENERS = frozenset({"so", "neither", "nor"})
ECHO_ENDINGS = frozenset({"too", "also", "well", "either"})
# "Not NZ, not Canada." after a list of members: the states left out.
DENIALS = frozenset({"not", "but not", "and not"})
# "Turkey is in NATO, unlike Austria."
CONTRASTS = frozenset({"unlike", "as opposed to", "in contrast to", "contrary to"})
# "Austria joined the EU in 1995, same as Sweden and Finland."
LIKENESS = frozenset({"same as", "just like", "like", "as did", "as does", "as do", "as is", "as are", "as was",
                      "as were", "the same as", "same with", "same for", "and so", "as have", "as has"})
LIKENESS_WORDS = frozenset(w for phrase in LIKENESS | CONTRASTS for w in phrase.split())
CERTAINTY = 0.8


# Role nouns that name a relation to the organisation of the previous claim: "It is a partner."
ROLES = {"member": Relation.MEMBER_OF, "partner": Relation.PARTNER_OF, "candidate": Relation.CANDIDATE_FOR,
         "observer": Relation.PARTNER_OF, "applicant": Relation.CANDIDATE_FOR, "aspirant": Relation.CANDIDATE_FOR}


def resolve(sentence, states, previous: list[Claim], previous_subjects, original: str, within: bool = False) -> list[Claim]:
    """The claims `sentence` makes by echoing `previous`. `within`: the sentence is the last
    clause of the one that made `previous` (", Moldova too"), and shares its modality."""
    echoes = _resolve(sentence, states, previous, previous_subjects, original)
    if within:
        return [c.model_copy(update={"modality": p.modality}) for c, p in echoes]
    if _asked(sentence, states):  # "Finland's in NATO. Is Austria?"
        return [c.model_copy(update={"modality": Modality.QUESTION, "notes": (*c.notes, "a question")}) for c, _ in echoes]
    # "Georgia wants to join NATO. Azerbaijan too.": another state in the same predicate shares
    # what the first sentence was (a wish, someone's report); the writer's own answer about the
    # same state ("Some people think Israel is in NATO. It isn't.") is an assertion.
    return [c.model_copy(update={"modality": p.modality, "notes": (*c.notes, f"as the claim it echoes: {p.modality.value}")})
            if c.statement.subject != p.statement.subject and p.modality is not Modality.ASSERTION else c
            for c, p in echoes]


def _asked(sentence, states) -> bool:
    words = [t for t in sentence if not t.is_space]
    first_state = min((s.start for s in states), default=None)
    inverted = bool(words) and words[0].pos_ == "AUX" and first_state is not None and words[0].i < first_state
    return inverted or sentence.text.strip().endswith("?")


def _resolve(sentence, states, previous: list[Claim], previous_subjects, original: str) -> list[tuple[Claim, Claim]]:
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    while len(words) > 2 and words[0].lower_ in ANSWERS:
        words = words[1:]  # "No it isn't.", "Nope, it's not."
    if states and _points_back(words, states) and len(_distinct(previous)) == 1:
        # "The Quad is the US, Japan, India and Australia. South Korea isn't in it." /
        # "Kuwait and Qatar joined the ICI. Saudi and Oman never did."
        negated = any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in words)
        # "isn't in it" speaks of membership itself; "never did" repeats the previous verb, which
        # may be leaving ("Azerbaijan left the CSTO. Georgia never did.")
        in_it = any(t.lower_ in POINTERS and t.dep_ == "pobj" for t in words)
        echoes = [(_echo(c, sentence, state.id_, original, state, negated, _year(words) or 0), c)
                  if not in_it else (_membership_echo(c, sentence, state, original, negated, words), c)
                  for state in _distinct_states(states) for c in _distinct(previous)
                  if not c.statement.relation.symmetric and c.statement.subject != state.id_]
        return echoes
    if not words or len(words) > 8:
        return []
    role = _role_of_pronoun(words)
    if role and not states:
        # "Azerbaijan is not in NATO. It is a partner." — the role is about the same organisation.
        subject_ids = {m.id_ for m in previous_subjects}
        negated = any(t.dep_ == "neg" for t in words)
        return [
            (_echo(c, sentence, c.statement.subject, original, words[0], None, None, relation=role, polarity=negated), c)
            for c in _distinct(previous)
            # only after a denial: "Azerbaijan is not in NATO. It is a partner."
            if c.statement.subject in subject_ids and len(subject_ids) == 1 and not c.statement.relation.symmetric
            and c.statement.negated
        ][-1:]  # the organisation named last: "in NATO but not the EU. It's a candidate though."
    negated = any(t.dep_ == "neg" or t.lower_ in ("neither", "nor", "not", "n't", "never") for t in words)
    if states and not _has_content(words, states):
        # "So did Georgia.", "Moldova too.", "Not NZ, not Canada.", "same as Sweden and Finland"
        opener = _opener(words)
        if opener or words[-1].lower_ in ECHO_ENDINGS or _year(words):
            # A contrast or a denial says nothing of the date: "left in 1999, unlike Armenia".
            year = _year(words) if opener not in CONTRASTS | DENIALS else 0
            return [(_echo(c, sentence, state.id_, original, state, _polarity(opener, negated, c), year), c)
                    for state in _distinct_states(states) for c in _distinct(previous)
                    if c.statement.subject != state.id_ and c.statement.object != state.id_]
    acted = _membership_act(words, states)
    if acted and len(_distinct_states(states)) == 1:
        # "Qatar, Kuwait ... are in the ICI. Saudi Arabia never signed up." / "Sweden followed in 2024."
        state = states[0]
        return [(_echo(c, sentence, state.id_, original, state, negated, _year(words) or 0,
                       relation=Relation.CANDIDATE_FOR if acted == "apply" else None), c)
                for c in _distinct(previous)
                if not c.statement.relation.symmetric and c.statement.subject != state.id_]
    if words[0].lower_ in PRONOUNS and not states and words[1:] and words[1].lemma_.lower() in ECHO_VERBS:
        if all(t.dep_ in ("neg", "advmod", "aux", "ROOT", "nsubj") or t.lower_ in ("not", "n't") for t in words):
            subject_ids = {m.id_ for m in previous_subjects}
            return [(_echo(c, sentence, c.statement.subject, original, words[0], negated, None), c)
                    for c in _distinct(previous) if c.statement.subject in subject_ids and len(subject_ids) == 1]
    return []


# What may open a sentence's last clause: "..., not a member", "... but it is a candidate",
# "... or just an observer".
CLAUSE_OPENERS = frozenset({"but", "or", "though", "although", "yet", "whereas", "while"})
ALTERNATIVES = frozenset({"or"})
# Words a role clause may hold besides its role noun.
ROLE_FILLERS = frozenset({"a", "an", "the", "just", "only", "merely", "simply", "still", "even", "already", "full",
                          "fully", "official", "formal", "actual", "real", "proper", "fledged", "-", "though", "yet",
                          "either", "anymore", "really", "technically", "now", "rather", "than", "instead", "of",
                          "more", "like", "probably", "also", "is", "are", "'s", "it", "they", "its"})
ROLE_NEGATIONS = frozenset({"not", "n't", "never", "no"})


def role_clause(words) -> tuple[Relation, bool, bool] | None:
    """(relation, negated, has its own subject) of a clause that is only a role: "not a
    member", "but it is a candidate", "or still just an observer". Anything else in it and it
    is not one."""
    while words and (words[0].lower_ in CLAUSE_OPENERS or words[0].text in (",", ";", "-", "–", "—")):
        words = words[1:]
    roles = [ROLES[t.lemma_.lower()] for t in words if t.lemma_.lower() in ROLES]
    rest = [t for t in words if t.lemma_.lower() not in ROLES and t.lower_ not in ROLE_FILLERS | ROLE_NEGATIONS]
    if len(roles) != 1 or rest:
        return None
    own_subject = any(t.lower_ in ("it", "they") and t.dep_ in ("nsubj", "nsubjpass") for t in words)
    return roles[0], any(t.lower_ in ROLE_NEGATIONS for t in words), own_subject


def _role_of_pronoun(words) -> Relation | None:
    """'It is a partner', 'it's only an observer': a pronoun, a copula and a role noun, nothing else."""
    if words[0].lower_ not in PRONOUNS:
        return None
    roles = [ROLES[t.lemma_.lower()] for t in words if t.dep_ == "attr" and t.lemma_.lower() in ROLES]
    others = [t for t in words if t.pos_ in ("NOUN", "PROPN", "VERB") and t.lemma_.lower() not in ROLES]
    return roles[0] if len(roles) == 1 and not others else None


# Verbs that, with no object of their own, repeat the previous claim's organisation:
# "Saudi Arabia never signed up", "Sweden followed in 2024", "Georgia applied too".
ACTS = {"join": "join", "sign": "join", "follow": "join", "enter": "join", "accede": "join", "apply": "apply"}
ACT_PARTICLES = frozenset({"up", "on", "in", "suit"})


# Words a sentence pointing back at the previous organisation may hold besides its states:
# "Canada was never in it", "South Korea isn't a member of it either", "Oman never did".
POINTING_WORDS = frozenset({
    "is", "are", "was", "were", "'s", "be", "been", "not", "n't", "never", "no", "longer", "even", "in", "it", "a",
    "member", "members", "of", "part", "did", "do", "does", "has", "have", "either", "too", "also", "both", "and",
    "still", "yet", "ever", "an", "official", "full", "the", "'re",
})
POINTERS = frozenset({"it", "them"})
# What may follow the pointer: "Japan isn't in it no matter what the tabloids say".
AFTER_POINTER = frozenset({"no", "despite", "whatever", "regardless", "though", "anyway", "at", "lol", "tbh", "obviously"})


def _points_back(words, states) -> bool:
    state_ids = _token_ids(states)
    rest = [t for t in words if t.i not in state_ids]
    pointer = next((i for i, t in enumerate(rest) if t.lower_ in POINTERS and t.dep_ == "pobj"), None)
    if pointer is not None:
        if pointer + 1 < len(rest) and rest[pointer + 1].lower_ not in AFTER_POINTER | {"either", "too", "also", "yet"}:
            return False
        rest = rest[: pointer + 1]
    elif not rest or rest[-1].lemma_.lower() not in ("do", "be", "have"):
        return False  # "Oman never did" ends on its auxiliary
    return bool(rest) and all(t.lower_ in POINTING_WORDS for t in rest)


def _membership_echo(claim: Claim, sentence, state, original: str, negated: bool, words) -> Claim:
    """'South Korea isn't in it': the state's membership of the previous claim's organisation,
    in this sentence's own tense, whatever the previous verb was ('left', 'joined')."""
    echo = _echo(claim, sentence, state.id_, original, state, None, _year(words),
                 relation=claim.statement.relation, polarity=negated)
    past = any(t.lower_ in ("was", "were", "did", "had") for t in words)
    statement = echo.statement.model_copy(update={"tense": Tense.PAST if past else Tense.PRESENT, "event": False})
    return echo.model_copy(update={"statement": statement})


def _membership_act(words, states) -> str | None:
    state_ids = _token_ids(states)
    rest = [t for t in words if t.i not in state_ids and (t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") or t.dep_ == "prt")
            and t.lemma_.lower() not in ECHO_VERBS and t.lower_ not in ECHO_ENDINGS and not cues.YEAR.match(t.text)]
    verbs = [t for t in rest if t.pos_ == "VERB" and t.lemma_.lower() in ACTS]
    if len(verbs) != 1 or any(t.i != verbs[0].i and t.lower_ not in ACT_PARTICLES for t in rest):
        return None
    verb = verbs[0]
    if verb.lemma_.lower() == "sign" and not any(c.lower_ in ("up", "on") for c in verb.children):
        return None  # "signed" alone: signed what?
    return ACTS[verb.lemma_.lower()]


def _opener(words) -> str | None:
    """The word or phrase that opens an echo: "so", "neither", "not", "unlike", "same as"."""
    openings = (" ".join(t.lower_ for t in words[:n]) for n in (1, 2, 3))
    return next((p for p in openings if p in ECHO_OPENERS | DENIALS | CONTRASTS | LIKENESS), None)


def _polarity(opener: str | None, negated: bool, claim: Claim) -> bool | None:
    """Whether the echo denies the predicate (in its positive form), or None to keep the claim's."""
    if opener in CONTRASTS:  # "Turkey is in NATO, unlike Austria": the opposite of the claim
        return not (claim.statement.negated != claim.statement.left)
    if opener in ECHO_OPENERS | DENIALS:
        return negated
    return None


def _token_ids(states) -> set[int]:
    return {t.i for state in states for t in state}


def _distinct_states(states) -> list:
    seen, out = set(), []
    for s in states:
        if s.id_ not in seen:
            seen.add(s.id_)
            out.append(s)
    return out


def _has_content(words, states) -> bool:
    """A verb or noun beyond the echo words means the sentence says something of its own."""
    state_ids = _token_ids(states)
    return any(
        t.i not in state_ids and t.pos_ in ("NOUN", "VERB", "ADJ") and t.lemma_.lower() not in ECHO_VERBS
        and t.lower_ not in ECHO_ENDINGS and t.lower_ not in LIKENESS_WORDS
        for t in words
    )


def _year(words) -> int | None:
    years = [int(t.text) for t in words if cues.YEAR.match(t.text)]
    return years[0] if len(years) == 1 else None


def _distinct(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        key = (c.statement.relation, c.statement.object)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _echo(
    claim: Claim, sentence, subject_id: str, original: str, subject, negated: bool | None, year: int | None,
    relation: Relation | None = None, polarity: bool = False,
) -> Claim:
    st = claim.statement
    update = {"subject": subject_id}
    if relation is not None and year is not None:
        update.update(relation=relation, negated=bool(negated), left=False, event=True)
    elif relation is not None:
        update.update(relation=relation, negated=polarity, left=False, year=None, event=False)
    elif negated is not None:
        # The echo repeats the predicate in its positive form ("is in NATO", "left the CSTO")
        # and gives it its own polarity.
        update["negated"] = negated != st.left
    if year is not None:
        update["year"] = year or None  # 0: the echo drops the claim's year
    return claim.model_copy(update={
        "statement": st.model_copy(update=update),
        "modality": Modality.ASSERTION,
        "text": original[sentence.start_char : sentence.end_char].strip(),
        "start": sentence.start_char,
        "end": sentence.end_char,
        "subject_text": original[subject.start_char : subject.end_char] if hasattr(subject, "start_char") else subject.text,
        "certainty": round(min(claim.certainty, CERTAINTY), 2),
        "pattern": f"echo of: {claim.text}",
        "notes": (*claim.notes, "an elliptical sentence repeating the previous claim"),
    })
