"""What a reply may carry: no poster's links or mentions, text escaped for the forum's markup,
and no more characters than the forum takes (context goes first, never the correction or its
sources)."""

import re
from dataclasses import replace

import pytest

from bot.reply import MAX_LENGTH, ReplyOptions, ReplyTooLong, compose, draft_reply, write_draft
from bot.formats.markup import MARKUPS

HOSTILE = (
    "Hey @mod and u/someone: Azerbaijan is in *NATO* (www.evil.example, https://evil.example/x, "
    "[url=https://evil.example]x[/url], <script>alert(1)</script>)."
)


def corrections(checker, text):
    claims = [c for c in checker.check(text).claims if c.needs_reply]
    assert claims, text
    return claims


def hostile(checker):
    """A correction whose sentence, as the poster wrote it, carries links, mentions and markup.
    Set by hand, so that these tests hold whatever the extractor makes of such a sentence."""
    (checked,) = corrections(checker, "Azerbaijan is in NATO.")
    return [replace(checked, claim=checked.claim.model_copy(update={"text": HOSTILE}))]


def quote_of(reply, markup):
    first = reply.split("\n")[0] if markup != "html" else reply.split("</blockquote>")[0]
    return first


@pytest.mark.parametrize("markup", sorted(MARKUPS))
def test_reply__quote_keeps_no_link_and_pings_no_one(checker, kb, markup):
    reply = draft_reply(hostile(checker), kb, ReplyOptions(markup=markup))
    quote = quote_of(reply, markup)
    assert "evil.example" not in quote
    assert "@\u200bmod" in quote and "u/\u200bsomeone" in quote
    assert not re.search(r"(?<!\w)@\w|(?<![\w/])u/\w", quote)


def test_reply__markdown_quote_is_escaped(checker, kb):
    quote = quote_of(draft_reply(hostile(checker), kb, ReplyOptions()), "markdown")
    assert "\\<script\\>" in quote and "\\*NATO\\*" in quote and "\\[url=" in quote


def test_reply__bbcode_quote_opens_no_tag(checker, kb):
    reply = draft_reply(hostile(checker), kb, ReplyOptions(markup="bbcode"))
    quote = quote_of(reply, "bbcode")
    assert quote.startswith("[quote]") and quote.endswith("[/quote]")
    assert re.findall(r"\[(?!\u200b)/?\w+", quote) == ["[quote", "[/quote"]
    # every [url=...] of the reply is a source of the knowledge base
    assert all(u.startswith("http") and "evil" not in u for u in re.findall(r"\[url=([^\]]*)\]", reply))


def test_reply__html_quote_is_escaped(checker, kb):
    quote = quote_of(draft_reply(hostile(checker), kb, ReplyOptions(markup="html")), "html")
    assert "&lt;script&gt;" in quote and "<script" not in quote


def test_reply__forum_presets():
    assert MAX_LENGTH == {"reddit": 10_000, "discourse": 32_000}
    assert ReplyOptions.for_forum("reddit", footer="x") == ReplyOptions(footer="x", max_length=10_000)
    assert ReplyOptions.for_forum("discourse").max_length == 32_000


def cited_and_listed(reply):
    body, sources = reply.split("**Sources**")
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    listed = re.findall(r"^(\d+)\. \[.*\]\((\S+)\)$", sources, re.MULTILINE)
    return cited, listed


def test_reply__limit_drops_context_keeps_correction_and_its_sources(checker, kb):
    claims = corrections(checker, "Azerbaijan is in NATO.")
    full = draft_reply(claims, kb, ReplyOptions())
    bare = compose(claims, kb, ReplyOptions())
    bare = replace(bare, sections=tuple(replace(s, context=()) for s in bare.sections))
    limit = len(write_draft(bare, MARKUPS["markdown"]))
    assert limit < len(full)

    reply = draft_reply(claims, kb, ReplyOptions(max_length=limit))
    assert len(reply) <= limit
    assert "**This is not correct.** Azerbaijan is not a member of NATO." in reply
    assert "has never been one of them.[1][2]" in reply
    assert "What is true of" not in reply
    cited, listed = cited_and_listed(reply)
    assert cited == {1, 2} and [n for n, _ in listed] == ["1", "2"]
    evidence_urls = [s.url for s in claims[0].judgement.evidence[0].sources[:2]]
    assert [url for _, url in listed] == evidence_urls


def test_reply__limit_one_under_drops_only_the_last_point(checker, kb):
    claims = corrections(checker, "Azerbaijan is in NATO.")
    full = draft_reply(claims, kb, ReplyOptions())
    reply = draft_reply(claims, kb, ReplyOptions(max_length=len(full) - 1))
    points = lambda r: re.findall(r"^\d+\. (?!\[)", r, re.MULTILINE)  # context points, not sources
    assert len(points(reply)) == len(points(full)) - 1
    assert len(reply) <= len(full) - 1
    cited, listed = cited_and_listed(reply)
    assert cited == {int(n) for n, _ in listed}  # only sources still cited are listed


def test_reply__limit_trims_the_section_with_most_context_first(checker, kb):
    claims = corrections(checker, "Azerbaijan is in NATO. Georgia is in the CSTO.")
    draft = compose(claims, kb, ReplyOptions())
    before = [len(s.context) for s in draft.sections]
    assert before[0] != before[1]
    limit = len(write_draft(draft, MARKUPS["markdown"])) - 1
    after = [len(s.context) for s in compose(claims, kb, ReplyOptions(max_length=limit)).sections]
    longest = before.index(max(before))
    assert after[longest] == before[longest] - 1 and sum(after) == sum(before) - 1


def test_reply__limit_too_small_for_the_correction_is_an_error(checker, kb):
    claims = corrections(checker, "Azerbaijan is in NATO.")
    with pytest.raises(ReplyTooLong, match="limit of 100"):
        draft_reply(claims, kb, ReplyOptions(max_length=100))


@pytest.mark.parametrize("markup", sorted(MARKUPS))
def test_reply__limit_counts_the_markup_written(checker, kb, markup):
    claims = corrections(checker, "Azerbaijan is in NATO. Georgia is in the CSTO.")
    limit = len(draft_reply(claims, kb, ReplyOptions(markup=markup, footer="I am a bot."))) // 2
    reply = draft_reply(claims, kb, ReplyOptions(markup=markup, footer="I am a bot.", max_length=limit))
    assert len(reply) <= limit and "I am a bot." in reply
