"""Render check results: `json` (the DESIGN.md contract), `markdown` (the reply) and `text`."""

from __future__ import annotations

import json

from bot.check import CheckedClaim, CheckResult
from knowledge.base import KnowledgeBase

FORMATS = ("text", "markdown", "json")


def to_contract(result: CheckResult, kb: KnowledgeBase) -> dict:
    """One object per text, exactly the shape DESIGN.md promises."""
    return {
        "id": result.id,
        "claims": [_claim_contract(c, kb) for c in result.claims],
        "reply": result.reply,
    }


def _claim_contract(checked: CheckedClaim, kb: KnowledgeBase) -> dict:
    claim, st, judgement = checked.claim, checked.claim.statement, checked.judgement
    return {
        "text": claim.text,
        "subject": {"id": st.subject, "name": kb.name(st.subject)},
        "relation": st.relation.value,
        "object": {"id": st.object, "name": kb.name(st.object)},
        "negated": st.negated,
        "modality": claim.modality.value,
        "year": st.year,
        "verdict": checked.verdict.value if checked.verdict else None,
        "confidence": checked.confidence,
        "explanation": explanation(checked),
        "evidence": [
            {"fact": e.text, "sources": [{"title": s.title, "url": s.url} for s in e.sources]}
            for e in (judgement.evidence if judgement else ())
        ],
    }


def explanation(checked: CheckedClaim) -> str:
    """One sentence of how the claim was found and what decided it."""
    claim = checked.claim
    found = f"Found by the {claim.extractor} extractor (path: {claim.pattern})"
    if claim.notes:
        found += f"; {'; '.join(claim.notes)}"
    if checked.judgement is None:
        return f"{found}. Not judged: the writer does not assert it ({claim.modality.value})."
    return f"{found}. {checked.judgement.explanation}"


def render(result: CheckResult, kb: KnowledgeBase, fmt: str, explain: bool = False) -> str:
    if fmt == "json":
        return json.dumps(to_contract(result, kb), ensure_ascii=False, sort_keys=False)
    if fmt == "markdown":
        return result.reply.rstrip("\n") if result.reply else ""
    return _text(result, kb, explain)


def _text(result: CheckResult, kb: KnowledgeBase, explain: bool) -> str:
    if not result.claims:
        return "No alliance claim found."
    lines = []
    for checked in result.claims:
        claim, st = checked.claim, checked.claim.statement
        negation = "not " if st.negated else ""
        year = f" ({st.year})" if st.year else ""
        lines.append(f'Claim: "{claim.text}"')
        lines.append(
            f"  {kb.name(st.subject)} {negation}{st.relation.value} {kb.name(st.object)}{year}"
            f"  [{claim.modality.value}]"
        )
        if checked.judgement is None:
            lines.append(f"  Verdict: none ({claim.modality.value}, not judged)")
        else:
            lines.append(f"  Verdict: {checked.verdict.value} (confidence {checked.confidence:.2f})")
            for evidence in checked.judgement.evidence:
                lines.append(f"  - {evidence.text}")
                for source in evidence.sources[:2]:
                    lines.append(f"    {source.title} <{source.url}>")
        if explain:
            lines.append(f"  Why: {explanation(checked)}")
        lines.append("")
    if result.reply:
        lines += ["Draft reply:", "", result.reply.rstrip("\n")]
    else:
        lines.append("No reply needed.")
    return "\n".join(lines).rstrip("\n")
