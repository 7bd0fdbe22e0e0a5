"""Member rosters: an organisation, a sign that its members follow, then a list of states.

    "Five Eyes = US, UK, Canada, Australia, New Zealand."
    "The CSTO's active members:\\n- Russia\\n- Belarus\\n- Kazakhstan\\n\\nNot Uzbekistan, not Azerbaijan."
    "Members of AUKUS: Australia, the UK and the US."

The list is read from the tokens, not from the parse: the parser makes little of bullets and
line breaks, and reads "- Belarus\\n- Kazakhstan" as anything from an apposition to a compound.
A roster is only a roster when the list is names and separators alone, up to the end of its
sentence or line: "NATO: Turkey and Greece clash again" is a headline, not a list of members.
A tail of states after "not" ("Not Uzbekistan, not Azerbaijan.") names states left out.

A roster asked about ("members: X, Y?") or hedged on its own line says nothing, and the
pipeline stays silent about it rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claims import cues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Nouns for the members themselves: "the CSTO's members", "NATO member states", "AUKUS countries".
MEMBER_NOUNS = frozenset({"member", "members", "state", "states", "country", "countries", "nation", "nations",
                          "signatory", "signatories", "party", "parties", "lineup", "roster"})
# Words that may stand between the organisation and its member noun: "the CSTO's active members".
HEADER_FILLERS = frozenset({"'s", "’s", "current", "active", "full", "present", "founding", "original", "only",
                            "actual", "official", "real", "member", "remaining"})
# Words before the organisation that make the roster something other than today's members.
NOT_CURRENT = frozenset({"former", "ex", "ex-", "past", "old", "would", "be", "future", "prospective", "potential",
                         "aspiring", "possible", "candidate", "wannabe", "likely", "next"})
# What introduces the list: "members: ...", "Five Eyes = ...", "members are ...", "consists of ...".
MARKS = frozenset({":", "=", "—", "–", "==", "->", "are", "include", "includes", "being", "incl", "incl."})
# A bare organisation then ":" or "=" ("AUKUS: Australia, the UK, the US") needs a longer list to
# be read as a roster; with a member noun ("members:") two names are enough.
BARE_MINIMUM, NOUN_MINIMUM = 3, 2
SEPARATORS = frozenset({",", ";", "-", "*", "•", "·", "/", "&", "+", "and", "plus", "the", "(", ")"})
ENDS = frozenset({".", "!", "…", "etc", "etc."})
EXCLUSIONS = frozenset({"not", "but", "nor", "or", "excluding", "except", "without"})
# Words on the header's line that make the roster something other than the writer's assertion.
_NOT_ASSERTED = (cues.REPORTING | cues.REJECTION | cues.SUPPOSITION | cues.WISH | cues.MODAL_AUX
                 | cues.CONDITIONAL_MARKS | cues.QUESTION_MARKS | cues.HEARSAY | cues.QUESTION_FRAMES)


@dataclass(frozen=True)
class Listed:
    """One state on an organisation's roster (or, `excluded`, named as not on it)."""

    org: Span
    state: Span
    state_id: str
    excluded: bool
    pattern: str


def find(doc: Doc, org_labels: frozenset[str], state_labels: frozenset[str], spans_key: str, groups) -> list[Listed]:
    """Every roster in `doc`. `groups` maps a group id to its member ids ("the Baltic states")."""
    names = sorted(doc.spans[spans_key], key=lambda s: (s.start, -s.end))
    by_start = {}
    for span in names:
        by_start.setdefault(span.start, span)
    found: list[Listed] = []
    for org in (s for s in names if s.label_ in org_labels):
        start, minimum = _list_start(doc, org)
        if start is None:
            continue
        items, end = _read_list(doc, start, by_start, state_labels, groups)
        if len(items) < minimum or not _ends_cleanly(doc, end) or not _asserted(doc, org, end):
            continue
        marker = doc[start - 1].text
        found += [Listed(org, span, state_id, False, f"{org.text} {marker} list") for span, state_id in items]
        found += [Listed(org, span, state_id, True, f"{org.text} {marker} list, then 'not'")
                  for span, state_id in _excluded(doc, end, by_start, state_labels, groups)]
    return found


def _list_start(doc: Doc, org: Span) -> tuple[int | None, int]:
    """The token after the mark that opens the list, and how many names the list needs."""
    before = [t.lower_ for t in doc[max(org.start - 3, 0) : org.start]]
    if any(word in NOT_CURRENT for word in before):
        return None, 0  # "Former Warsaw Pact members: ...", "Would-be NATO members: ..."
    i, noun = org.end, False
    while i < len(doc) and (doc[i].lower_ in HEADER_FILLERS or doc[i].lower_ in MEMBER_NOUNS):
        noun = noun or doc[i].lower_ in MEMBER_NOUNS
        i += 1
    if not noun:
        noun = _member_noun_before(doc, org)  # "the members of the CSTO: ..."
    if i >= len(doc) or doc[i].lower_ not in MARKS:
        return None, 0
    if doc[i].is_alpha and not noun:
        return None, 0  # "NATO includes ..." is the parser's to read, with its tense and modality
    return i + 1, NOUN_MINIMUM if noun or doc[i].text == "=" else BARE_MINIMUM


def _member_noun_before(doc: Doc, org: Span) -> bool:
    i = org.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in MEMBER_NOUNS


def _read_list(doc: Doc, i: int, by_start: dict, state_labels, groups) -> tuple[list, int]:
    items = []
    while i < len(doc):
        token = doc[i]
        name = by_start.get(i)
        if name is not None and name.label_ in state_labels:
            items.append((name, name.id_))
            i = name.end
        elif name is not None and name.id_ in groups:
            items += [(name, member) for member in groups[name.id_]]
            i = name.end
        elif token.is_space and token.text.count("\n") >= 2:
            break  # a blank line ends the list
        elif token.is_space or token.lower_ in SEPARATORS:
            i += 1
        else:
            break
    return items, i


def _ends_cleanly(doc: Doc, end: int) -> bool:
    """The list runs to the end of its sentence or of its line: no verb follows it."""
    if end >= len(doc) or doc[end].lower_ in ENDS or doc[end].is_space:
        return True
    return end > 0 and "\n" in doc[end - 1].text_with_ws


def _asserted(doc: Doc, org: Span, end: int) -> bool:
    line_start = org.start
    while line_start > 0 and "\n" not in doc[line_start - 1].text_with_ws and doc[line_start - 1].text not in ".!?":
        line_start -= 1
    header = doc[line_start : org.start]
    if any(t.lower_ in _NOT_ASSERTED or t.lemma_.lower() in _NOT_ASSERTED for t in header):
        return False
    said = doc[line_start:end].text.lower()
    if any(phrase in said for phrase in cues.HEDGES + cues.HEARSAY_PHRASES):
        return False
    after = doc[end : end + 2]
    return "?" not in said and not any(t.text == "?" for t in after)


def _excluded(doc: Doc, i: int, by_start: dict, state_labels, groups) -> list:
    """'..., Tajikistan. Not Uzbekistan, not Azerbaijan.': states named after a 'not'."""
    while i < len(doc) and (doc[i].is_space or doc[i].text in (".", ",", ";")):
        i += 1
    if i >= len(doc) or doc[i].lower_ not in EXCLUSIONS:
        return []
    items = []
    while i < len(doc):
        name = by_start.get(i)
        if name is not None and name.label_ in state_labels:
            items.append((name, name.id_))
            i = name.end
        elif doc[i].lower_ in EXCLUSIONS or doc[i].lower_ in SEPARATORS or doc[i].is_space:
            i += 1
        else:
            break
    return items if items and _ends_cleanly(doc, i) and "?" not in doc[i : i + 1].text else []
