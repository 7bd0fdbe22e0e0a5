import pytest

from knowledge.judge import judge
from knowledge.models import Relation, Statement, Tense, Verdict

M, P, C, PACT = Relation.MEMBER_OF, Relation.PARTNER_OF, Relation.CANDIDATE_FOR, Relation.DEFENSE_PACT
COOP = Relation.DEFENSE_COOPERATION


@pytest.mark.parametrize(
    "subject, relation, obj, extra, verdict",
    [
        # membership, closed world (NATO's list is complete)
        ("AZE", M, "nato", {}, Verdict.FALSE),
        ("AZE", M, "nato", {"negated": True}, Verdict.TRUE),
        ("SWE", M, "nato", {}, Verdict.TRUE),
        ("SWE", M, "nato", {"negated": True}, Verdict.FALSE),
        # years are checked against the start
        ("FIN", M, "nato", {"year": 2022, "event": True}, Verdict.FALSE),
        ("FIN", M, "nato", {"year": 2023, "event": True}, Verdict.TRUE),
        ("TUR", M, "nato", {"year": 1949, "event": True, "tense": Tense.PAST}, Verdict.FALSE),
        ("TUR", M, "nato", {"year": 1952, "event": True, "tense": Tense.PAST}, Verdict.TRUE),
        # left: outdated now, true in the past tense
        ("GEO", M, "csto", {}, Verdict.OUTDATED),
        ("GEO", M, "csto", {"tense": Tense.PAST}, Verdict.TRUE),
        ("GEO", M, "csto", {"negated": True}, Verdict.TRUE),
        ("UZB", M, "csto", {}, Verdict.OUTDATED),
        ("GBR", M, "eu", {}, Verdict.OUTDATED),
        # frozen participation: literally a member, misleading either way
        ("ARM", M, "csto", {}, Verdict.MISLEADING),
        ("ARM", M, "csto", {"negated": True}, Verdict.MISLEADING),
        # partnership through a programme of the organisation
        ("AZE", P, "nato", {}, Verdict.TRUE),
        ("AZE", P, "pfp", {}, Verdict.TRUE),
        ("TUR", P, "nato", {}, Verdict.MISLEADING),  # a full member, not a partner
        ("SWE", C, "nato", {"tense": Tense.PAST}, Verdict.UNVERIFIABLE),  # "Sweden's bid was blocked": history
        # candidacy: frozen talks are misleading; no closed world for candidates
        ("TUR", C, "eu", {}, Verdict.MISLEADING),
        ("UKR", C, "eu", {}, Verdict.TRUE),
        ("AZE", C, "eu", {}, Verdict.UNVERIFIABLE),
        ("GEO", C, "eu", {"year": 2022, "event": True}, Verdict.UNVERIFIABLE),  # applied 2022, candidate 2023
        # pacts, either way round
        ("AZE", PACT, "TUR", {}, Verdict.TRUE),
        ("TUR", PACT, "AZE", {}, Verdict.TRUE),
        ("AZE", PACT, "FRA", {}, Verdict.UNVERIFIABLE),
        ("USA", PACT, "TWN", {}, Verdict.OUTDATED),
        ("USA", PACT, "TWN", {"tense": Tense.PAST}, Verdict.TRUE),
        ("RUS", PACT, "PRK", {"year": 2024}, Verdict.TRUE),
        ("RUS", PACT, "PRK", {"year": 2019}, Verdict.UNVERIFIABLE),  # the base may lack an older deal
        # a pact through an alliance both belong to; frozen or suspended membership is misleading
        ("USA", PACT, "EST", {}, Verdict.TRUE),
        ("USA", PACT, "TUR", {"negated": True}, Verdict.FALSE),
        ("ARM", PACT, "KAZ", {}, Verdict.MISLEADING),
        # recorded cooperation short of a pact: a claimed pact is misleading, cooperation true
        ("AZE", PACT, "PAK", {}, Verdict.MISLEADING),
        ("AZE", COOP, "PAK", {}, Verdict.TRUE),
        ("JPN", COOP, "USA", {}, Verdict.TRUE),  # a pact is also cooperation
        # founding members: a member from the founding date (or before it, through the EEC)
        ("GBR", M, "eu", {"founding": True, "year": 1993, "event": True}, Verdict.TRUE),
        ("AUT", M, "eu", {"founding": True, "year": 1993, "event": True}, Verdict.FALSE),
        ("CAN", M, "nato", {"founding": True, "year": 1949, "event": True}, Verdict.TRUE),
        ("FIN", M, "nato", {"founding": True, "year": 1949, "event": True}, Verdict.FALSE),
        # leaving ("left the CSTO in 1999" arrives negated, left): the year is the end's
        ("GEO", M, "csto", {"left": True, "negated": True, "year": 1999, "tense": Tense.PAST}, Verdict.TRUE),
        ("GEO", M, "csto", {"left": True, "negated": True, "year": 2005, "tense": Tense.PAST}, Verdict.FALSE),
        ("GBR", M, "eu", {"left": True, "negated": True}, Verdict.TRUE),
        ("SWE", M, "nato", {"left": True, "negated": True}, Verdict.FALSE),
        ("ARM", M, "csto", {"left": True, "negated": True}, Verdict.MISLEADING),  # frozen, not left
        # disputed facts (Venezuela's contested 2019 return to the Rio Treaty) keep the bot silent
        ("VEN", M, "rio-treaty", {}, Verdict.UNVERIFIABLE),
        # open world: the CIS list is not declared complete; the SCO's and AUKUS's are
        ("FRA", M, "cis", {}, Verdict.UNVERIFIABLE),
        ("TUR", M, "sco", {}, Verdict.FALSE),
        ("CAN", M, "aukus", {}, Verdict.FALSE),
        # a return's year is not the first membership's: the base does not date returns
        ("SYR", M, "arab-league", {"year": 2023, "event": True, "returned": True}, Verdict.UNVERIFIABLE),
        ("SYR", M, "arab-league", {"year": 2023, "event": True}, Verdict.FALSE),
        ("SYR", M, "arab-league", {"returned": True}, Verdict.TRUE),
        # a pact that ended: its year is the end's; one still in force did not end
        ("USA", PACT, "TWN", {"left": True, "negated": True, "year": 1980}, Verdict.TRUE),
        ("USA", PACT, "TWN", {"left": True, "negated": True, "year": 1975}, Verdict.UNVERIFIABLE),
        ("USA", PACT, "JPN", {"left": True, "negated": True}, Verdict.FALSE),
        # no pact where the base records cooperation only (Russia-Iran treaty of 2025)
        ("RUS", PACT, "IRN", {"negated": True}, Verdict.TRUE),
        ("RUS", PACT, "IRN", {}, Verdict.MISLEADING),
        # a pact's year may be the year it was signed (Shusha: signed 2021, in force 2022)
        ("AZE", PACT, "TUR", {"year": 2021}, Verdict.TRUE),
    ],
)
def test_judge__verdict_table(kb, subject, relation, obj, extra, verdict):
    judgement = judge(Statement(subject=subject, relation=relation, object=obj, **extra), kb)
    assert judgement.verdict is verdict, judgement.explanation
    if verdict is not Verdict.UNVERIFIABLE:
        assert judgement.evidence and all(e.sources for e in judgement.evidence)


def test_judge__false_year_gives_the_real_date(kb):
    judgement = judge(Statement(subject="FIN", relation=M, object="nato", year=2022, event=True), kb)
    assert "4 April 2023" in judgement.explanation


def test_judge__closed_world_says_how_many_members(kb):
    judgement = judge(Statement(subject="AZE", relation=M, object="nato"), kb)
    assert "32 members" in judgement.explanation
    assert judgement.certainty < 1


def test_judge__unknown_state_is_unverifiable(kb):
    assert judge(Statement(subject="ZZZ", relation=M, object="nato"), kb).verdict is Verdict.UNVERIFIABLE
