"""How a checked claim is put to people, in every output: the statement in one line, and one
sentence of how the claim was found and what decided it."""

from __future__ import annotations

from bot.check import CheckedClaim
from knowledge.base import KnowledgeBase


def statement_line(checked: CheckedClaim, kb: KnowledgeBase) -> str:
    """'Azerbaijan member_of NATO', 'Finland member_of NATO (2022)', 'Sweden not member_of NATO'."""
    st = checked.claim.statement
    negation = "not " if st.negated else ""
    year = f" ({st.year})" if st.year else ""
    return f"{kb.name(st.subject)} {negation}{st.relation.value} {kb.name(st.object)}{year}"


def explanation(checked: CheckedClaim) -> str:
    """One sentence of how the claim was found and what decided it."""
    claim = checked.claim
    found = f"Found by the {claim.extractor} extractor (path: {claim.pattern})"
    if claim.notes:
        found += f"; {'; '.join(claim.notes)}"
    if checked.judgement is None:
        return f"{found}. Not judged: the writer does not assert it ({claim.modality.value})."
    return f"{found}. {checked.judgement.explanation}"
