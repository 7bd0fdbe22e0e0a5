"""`factcheck kb validate|show|stats|export`: the knowledge base, for people and for audits."""

from __future__ import annotations

import json
from collections import Counter

from knowledge.base import KnowledgeBase
from knowledge.describe import describe
from knowledge.errors import UnknownEntity
from knowledge.models import Relation

EXAMPLE = """\
examples:
  factcheck kb validate        load and check every data file; list facts due for review
  factcheck kb show AZE        everything known about a state (ISO alpha-3 id or a name)
  factcheck kb stats           counts of states, organisations, treaties and facts
  factcheck kb export > kb.json
"""


def add_arguments(parser) -> None:
    parser.description = "Inspect the knowledge base."
    parser.epilog = EXAMPLE
    parser.add_argument("action", choices=("validate", "show", "stats", "export"))
    parser.add_argument("entity", nargs="?", help="for show: a state id (AZE) or name")
    parser.set_defaults(run=run)


def run(args, settings) -> int:
    from bot.cli import UsageError
    from knowledge.loader import load

    kb = load()
    if args.action == "validate":
        return _validate(kb)
    if args.action == "stats":
        print(_stats(kb))
        return 0
    if args.action == "export":
        print(json.dumps(export(kb), ensure_ascii=False, indent=2))
        return 0
    if not args.entity:
        raise UsageError("kb show needs a state, e.g. factcheck kb show AZE")
    print(show(kb, _resolve(kb, args.entity)))
    return 0


def _resolve(kb: KnowledgeBase, name: str) -> str:
    if name.upper() in kb.states:
        return name.upper()
    lowered = name.lower()
    for state in kb.states.values():
        if lowered in (n.lower() for n in (state.name, *state.aliases, *state.exact_aliases)):
            return state.id
    raise UnknownEntity(name)


def export(kb: KnowledgeBase) -> list[dict]:
    return [
        {
            "id": f.id,
            "subject": {"id": f.subject, "name": kb.name(f.subject)},
            "relation": f.relation.value,
            "object": {"id": f.object, "name": kb.name(f.object)},
            "start": f.start,
            "end": f.end,
            "status": f.status.value,
            "sources": [{"title": s.title, "url": s.url} for s in f.sources],
            "verified": f.verified.isoformat(),
            "review_by": f.review_by.isoformat(),
        }
        for f in sorted(kb.facts, key=lambda f: f.id)
    ]


def show(kb: KnowledgeBase, state_id: str) -> str:
    state = kb.states[state_id]
    lines = [f"{state.name} ({state.id})"]
    names = [*state.aliases, *state.exact_aliases]
    if names:
        lines.append(f"  also called: {', '.join(n for n in names if n != state.name)}")
    facts = kb.facts_about(state_id)
    if not facts:
        lines.append("  The knowledge base records no alliance, partnership or treaty for this state.")
    headings = {
        Relation.MEMBER_OF: "Memberships",
        Relation.PARTNER_OF: "Partnerships",
        Relation.CANDIDATE_FOR: "Candidacies",
        Relation.DEFENSE_PACT: "Mutual-defence commitments",
        Relation.DEFENSE_COOPERATION: "Defence cooperation",
    }
    for relation, heading in headings.items():
        group = sorted((f for f in facts if f.relation is relation), key=lambda f: (str(f.start or ""), f.id))
        if not group:
            continue
        lines += ["", f"{heading}:"]
        for fact in group:
            current = "" if fact.holds_on(kb.as_of) else " [no longer]"
            lines.append(f"  - {describe(fact, kb, about=state_id)}{current}")
            for source in list({s.url: s for s in fact.sources}.values())[:2]:
                secondary = " (secondary source)" if source.secondary else ""
                lines.append(f"      {source.title}{secondary} <{source.url}>")
    lines += ["", f"Knowledge base as of {kb.as_of.isoformat()}, version {kb.version}."]
    return "\n".join(lines)


def _stats(kb: KnowledgeBase) -> str:
    by_relation = Counter(f.relation.value for f in kb.facts)
    living = [s for s in kb.states.values() if not s.historic]
    secondary = sum(1 for f in kb.facts if all(s.secondary for s in f.sources))
    lines = [
        f"states:         {len(living)} (+{len(kb.states) - len(living)} historic)",
        f"organisations:  {len(kb.organisations)}",
        f"treaties:       {len(kb.treaties)}",
        f"facts:          {len(kb.facts)}",
    ]
    lines += [f"  {rel:<20} {by_relation.get(rel.value, 0)}" for rel in Relation]
    lines.append(f"facts resting only on secondary sources: {secondary}")
    lines.append(f"as of {kb.as_of.isoformat()}, version {kb.version}")
    return "\n".join(lines)


def _validate(kb: KnowledgeBase) -> int:
    overdue = sorted(f.id for f in kb.facts if f.review_by < kb.as_of)
    print(f"ok: {len(kb.facts)} facts, {len(kb.organisations)} organisations, {len(kb.treaties)} treaties load and validate")
    for fact_id in overdue:
        print(f"warning: fact {fact_id} is past its review_by date; automatic replies will not rely on it")
    return 0
