import pytest

from bot.check import Checker
from bot.reply import ReplyOptions


@pytest.fixture(scope="module")
def checker(kb, extractor):
    return Checker(kb, extractor, ReplyOptions(footer="I am a bot."))


def test_reply__reference_case_covers_what_the_moderator_covered(checker):
    reply = checker.check("Azerbaijan is in NATO, so Turkey would have to back them").reply
    lines = reply.splitlines()
    assert lines[0] == "> Azerbaijan is in NATO, so Turkey would have to back them"
    assert lines[2].startswith("**This is not correct.** Azerbaijan is not a member of NATO.")
    assert "Partnership for Peace since 4 May 1994" in reply
    assert "Individual Partnership Action Plan" in reply
    assert "Shusha Declaration (15 June 2021)" in reply
    assert "cooperate" in reply  # wider defence cooperation
    assert "**Sources**" in reply and "](http" in reply
    assert reply.rstrip().endswith("I am a bot.")


def test_reply__every_point_cites_a_source(checker):
    reply = checker.check("Azerbaijan is in NATO").reply
    points = [line for line in reply.splitlines() if line[:1].isdigit() and ". " in line and "](" not in line]
    assert points
    assert all("[" in p and p.rstrip().endswith("]") for p in points)


def test_reply__none_when_every_claim_is_true(checker):
    assert checker.check("Sweden is in NATO and Austria is not in NATO.").reply is None


def test_reply__one_reply_covers_several_claims(checker):
    reply = checker.check("Azerbaijan is in NATO. Georgia is in the CSTO.").reply
    assert reply.count("> ") == 2
    assert reply.count("**Sources**") == 1


def test_reply__quoted_text_is_escaped_and_loses_links_and_mentions(checker):
    reply = checker.check("@mod Azerbaijan is in NATO *really* https://evil.example/x").reply
    quote = reply.splitlines()[0]
    assert "https://" not in quote
    assert "@\u200bmod" in quote
    assert "\\*really\\*" in quote


def test_reply__deterministic(checker):
    text = "Azerbaijan is in NATO. Uzbekistan is in the CSTO. Armenia is a CSTO member."
    assert checker.check(text).reply == checker.check(text).reply
