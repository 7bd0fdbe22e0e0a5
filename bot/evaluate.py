"""`factcheck eval DATASET`: how well claims are found and judged on a labelled set.

Each line of the dataset is a post with the claims a careful annotator found in it:

    {"id": "d0001", "text": "...", "phenomena": ["negation", ...],
     "claims": [{"subject": "AZE", "relation": "member_of", "object": "nato", "negated": false,
                 "modality": "assertion", "year": null, "verdict": "false"}]}

A found claim matches a labelled one when subject, relation, object, negation and modality all
agree (either order for pacts). Precision and recall count claims; verdict accuracy is over
matched assertions whose label has a verdict. A *wrong correction* is the worst outcome: the
bot would correct in public a claim nobody made, or one that is true.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.check import CORRECTIONS, CheckedClaim
from knowledge.models import Relation, Verdict

EXAMPLE = """\
example:
  factcheck eval tests/data/devset.jsonl
  factcheck eval tests/data/devset.jsonl --errors     list every miss and false alarm
"""

SYMMETRIC = {r.value for r in Relation if r.symmetric}


class DatasetError(Exception):
    pass


def add_arguments(parser) -> None:
    parser.description = "Measure claim extraction and verdicts on a labelled JSONL set."
    parser.epilog = EXAMPLE
    parser.add_argument("dataset", help="JSONL file of labelled posts")
    parser.add_argument("--errors", action="store_true", help="list every missed and every spurious claim")
    parser.set_defaults(run=run)


def claim_key(subject: str, relation: str, obj: str, negated: bool, modality: str) -> tuple:
    if relation in SYMMETRIC:
        subject, obj = sorted((subject, obj))
    return (subject, relation, obj, bool(negated), modality)


def _found_key(checked: CheckedClaim) -> tuple:
    st = checked.claim.statement
    return claim_key(st.subject, st.relation.value, st.object, st.negated, checked.claim.modality.value)


@dataclass
class Tally:
    true_positives: int = 0
    found: int = 0
    labelled: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.labelled if self.labelled else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    posts: int = 0
    claims: Tally = field(default_factory=Tally)
    verdicts_judged: int = 0
    verdicts_right: int = 0
    wrong_corrections: list[str] = field(default_factory=list)
    by_phenomenon: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_relation: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    errors: list[str] = field(default_factory=list)

    @property
    def verdict_accuracy(self) -> float:
        return self.verdicts_right / self.verdicts_judged if self.verdicts_judged else 1.0

    def as_dict(self) -> dict:
        def tally(t: Tally) -> dict:
            return {"precision": round(t.precision, 4), "recall": round(t.recall, 4), "f1": round(t.f1, 4),
                    "found": t.found, "labelled": t.labelled, "matched": t.true_positives}

        return {
            "posts": self.posts,
            "claims": tally(self.claims),
            "verdict_accuracy": round(self.verdict_accuracy, 4),
            "verdicts_judged": self.verdicts_judged,
            "wrong_corrections": len(self.wrong_corrections),
            "by_relation": {k: tally(v) for k, v in sorted(self.by_relation.items())},
            "by_phenomenon": {k: tally(v) for k, v in sorted(self.by_phenomenon.items())},
        }


def read_dataset(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from None
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item.get("text"), str) or not isinstance(item.get("claims"), list):
                raise ValueError('needs "text" (a string) and "claims" (a list)')
        except (json.JSONDecodeError, ValueError, AttributeError) as exc:
            raise DatasetError(f"{path}: line {number}: {exc}") from None
        items.append(item)
    return items


def evaluate(items: list[dict], checker) -> Report:
    report = Report()
    for item in items:
        report.posts += 1
        result = checker.check(item["text"], id=item.get("id"))
        labelled = {
            claim_key(c["subject"], c["relation"], c["object"], c.get("negated", False), c.get("modality", "assertion")): c
            for c in item["claims"]
        }
        found = {}
        for checked in result.claims:
            found.setdefault(_found_key(checked), checked)
        matched = set(labelled) & set(found)
        tallies = [report.claims, *(report.by_phenomenon[p] for p in item.get("phenomena", ()))]
        for tally in tallies:
            tally.true_positives += len(matched)
            tally.found += len(found)
            tally.labelled += len(labelled)
        for key in set(labelled) | set(found):
            relation_tally = report.by_relation[key[1]]
            relation_tally.true_positives += key in matched
            relation_tally.found += key in found
            relation_tally.labelled += key in labelled
        for key in sorted(set(labelled) - matched):
            report.errors.append(f"{item.get('id')}: missed {_show(key)}: {item['text']!r}")
        for key in sorted(set(found) - matched):
            report.errors.append(f"{item.get('id')}: spurious {_show(key)}: {item['text']!r}")
        for key, checked in sorted(found.items()):
            gold = labelled.get(key)
            verdict = checked.verdict
            if gold and gold.get("verdict") and key[4] == "assertion" and gold["verdict"] != "unverifiable":
                report.verdicts_judged += 1
                if verdict is not None and verdict.value == gold["verdict"]:
                    report.verdicts_right += 1
                else:
                    report.errors.append(
                        f"{item.get('id')}: verdict {verdict.value if verdict else None} for {_show(key)}, "
                        f"labelled {gold['verdict']}: {item['text']!r}"
                    )
            if verdict in CORRECTIONS and (gold is None or gold.get("verdict") == Verdict.TRUE.value):
                report.wrong_corrections.append(f"{item.get('id')}: {verdict.value} for {_show(key)}: {item['text']!r}")
    return report


def _show(key: tuple) -> str:
    subject, relation, obj, negated, modality = key
    return f"{'NOT ' if negated else ''}{subject} {relation} {obj} [{modality}]"


def render_text(report: Report, errors: bool) -> str:
    c = report.claims
    lines = [
        f"posts: {report.posts}",
        f"claims: precision {c.precision:.3f}, recall {c.recall:.3f}, F1 {c.f1:.3f} "
        f"({c.true_positives} matched, {c.found} found, {c.labelled} labelled)",
        f"verdict accuracy: {report.verdict_accuracy:.3f} over {report.verdicts_judged} matched assertions",
        f"wrong corrections: {len(report.wrong_corrections)}",
        *(f"  {w}" for w in report.wrong_corrections),
        "",
        "by relation:",
        *(_tally_line(name, t) for name, t in sorted(report.by_relation.items())),
        "",
        "by phenomenon:",
        *(_tally_line(name, t) for name, t in sorted(report.by_phenomenon.items())),
    ]
    if errors and report.errors:
        lines += ["", "errors:", *(f"  {e}" for e in report.errors)]
    return "\n".join(lines)


def _tally_line(name: str, t: Tally) -> str:
    return f"  {name:<22} P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}  ({t.labelled} labelled, {t.found} found)"


def run(args, settings) -> int:
    from bot.cli import build_checker

    items = read_dataset(Path(args.dataset))
    report = evaluate(items, build_checker(settings))
    if args.format == "json":
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(render_text(report, args.errors))
    return 0
