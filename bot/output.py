"""Render check results: `text`, `json` (the DESIGN.md contract), the reply in `markdown` or
`bbcode`, `claimreview` (schema.org JSON-LD) and `html` (the moderators' report)."""

from __future__ import annotations

import json
from dataclasses import replace

from bot.check import CheckedClaim, CheckResult
from bot.formats.claimreview import claim_reviews
from bot.formats.explain import explanation, statement_line
from bot.formats.markup import MARKUPS
from bot.formats.post import CheckedPost
from bot.formats.report import html_report
from bot.formats import FORMATS
from bot.reply import ReplyOptions, compose_for, write_draft
from knowledge.base import KnowledgeBase

__all__ = ["FORMATS", "render", "to_contract"]


def to_contract(result: CheckResult, kb: KnowledgeBase) -> dict:
    """One object per text, exactly the shape DESIGN.md promises."""
    contract = {
        "id": result.id,
        "claims": [_claim_contract(c, kb) for c in result.claims],
        "reply": result.reply,
    }
    if result.notes:  # only when there is something to say, so the usual shape stays DESIGN.md's
        contract["notes"] = list(result.notes)
    return contract


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


def render(
    result: CheckResult, kb: KnowledgeBase, fmt: str, explain: bool = False, options: ReplyOptions | None = None
) -> str:
    """`options`: those the reply was drafted with (footer, length limit), for the formats that
    write it again (bbcode, html)."""
    options = options or ReplyOptions()
    if fmt == "json":
        return json.dumps(to_contract(result, kb), ensure_ascii=False, sort_keys=False)
    if fmt == "markdown":
        return result.reply.rstrip("\n") if result.reply else ""
    if fmt == "bbcode":
        draft = compose_for(result, kb, replace(options, markup="bbcode"))
        return write_draft(draft, MARKUPS["bbcode"]).rstrip("\n") if draft else ""
    if fmt == "claimreview":
        return json.dumps(claim_reviews([CheckedPost(result)], kb), ensure_ascii=False, indent=2)
    if fmt == "html":
        return html_report([CheckedPost(result)], kb, options).rstrip("\n")
    return _text(result, kb, explain)


def _text(result: CheckResult, kb: KnowledgeBase, explain: bool) -> str:
    lines = [f"Note: {note}" for note in result.notes]
    if not result.claims:
        return "\n".join([*lines, "No alliance claim found."])
    for checked in result.claims:
        claim = checked.claim
        lines.append(f'Claim: "{claim.text}"')
        lines.append(f"  {statement_line(checked, kb)}  [{claim.modality.value}]")
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
