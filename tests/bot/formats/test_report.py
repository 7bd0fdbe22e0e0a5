"""The moderators' HTML report, parsed back with the standard library's html.parser."""

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from bot.formats.post import CheckedPost
from bot.formats.report import html_report
from bot.reply import ReplyOptions

VOID = {"meta", "br", "link", "img", "input", "hr"}


class Page(HTMLParser):
    """Every element with its attributes, its text and the classes of the elements around it."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.open: list[dict] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "within": [e["attrs"].get("class", "") for e in self.open]}
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def all(self, tag, cls=None):
        return [e for e in self.elements if e["tag"] == tag and (cls is None or cls in e["attrs"].get("class", "").split())]


def report(checker, kb, *texts, **post):
    posts = [CheckedPost(checker.check(t), number=n, **post) for n, t in enumerate(texts, start=1)]
    return posts, html_report(posts, kb, checker.reply_options)


def test_report__claims_highlighted_in_place_with_badges(checker, kb):
    text = "Sweden is in NATO. Is Georgia in NATO? Azerbaijan is in NATO."
    (post,), page = report(checker, kb, text)
    page = Page(page)
    marks = page.all("mark", "claim")
    assert [m["text"] for m in marks] == [text[c.claim.start : c.claim.end] for c in post.result.claims]
    assert [m["attrs"]["class"] for m in marks] == ["claim v-true", "claim v-none", "claim v-false"]
    badges = [b for b in page.all("a", "badge")]
    assert [b["text"] for b in badges] == ["true", "question", "false"]
    assert [b["attrs"]["href"] for b in badges] == ["#post-1-claim-1", "#post-1-claim-2", "#post-1-claim-3"]
    assert {e["attrs"].get("id") for e in page.all("li")} >= {"post-1-claim-1", "post-1-claim-2", "post-1-claim-3"}


def test_report__post_text_is_kept_whole_around_the_highlights(checker, kb):
    text = "First line.\nAzerbaijan is in NATO.\n\nLast line & <b>bold</b>."
    _, page = report(checker, kb, text)
    (div,) = Page(page).all("div", "text")
    badges = "".join(b["text"] for b in Page(page).all("a", "badge"))
    assert div["text"] == text.replace("Azerbaijan is in NATO.", "Azerbaijan is in NATO." + badges)


def test_report__claims_in_one_sentence_share_a_mark_and_get_a_badge_each(checker, kb):
    _, page = report(checker, kb, "Azerbaijan is in NATO and Georgia is in the CSTO.")
    page = Page(page)
    (mark,) = page.all("mark", "claim")
    assert mark["attrs"]["class"] == "claim v-false"
    assert [b["text"] for b in page.all("a", "badge")] == ["false", "outdated"]


def test_report__script_in_a_post_is_text_not_markup(checker, kb):
    text = "Azerbaijan is in NATO <script>alert(1)</script>. Also <img src=x onerror=alert(2)>"
    result = checker.check("Azerbaijan is in NATO.")
    # The claim's sentence set by hand to span the script, whatever the extractor makes of it.
    (checked,) = result.claims
    checked = replace(checked, claim=checked.claim.model_copy(update={"start": 0, "end": 48}))
    post = CheckedPost(
        replace(result, text=text, claims=(checked,)), author="<script>alert(3)</script>", url="javascript:alert(4)"
    )
    page = Page(html_report([post], kb))
    assert not page.all("script") and not page.all("img")
    assert page.all("div", "text")[0]["text"].startswith(text[:48])
    assert "<img src=x onerror=alert(2)>" in page.all("div", "text")[0]["text"]
    assert page.all("mark", "claim")[0]["text"] == "Azerbaijan is in NATO <script>alert(1)</script>."
    assert "<script>alert(3)</script>" in page.all("h2")[0]["text"]
    assert all(not a["attrs"].get("href", "").startswith("javascript") for a in page.all("a"))
    assert "javascript:alert(4)" in page.all("h2")[0]["text"]


def test_report__self_contained(checker, kb):
    _, html = report(checker, kb, "Azerbaijan is in NATO.", url="https://forum.example/t/1/2")
    page = Page(html)
    assert not page.all("script") and not page.all("link") and not page.all("iframe")
    assert not [e for e in page.elements if "src" in e["attrs"]]
    assert len(page.all("style")) == 1
    hrefs = [a["attrs"]["href"] for a in page.all("a")]
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)
    assert "https://forum.example/t/1/2" in hrefs


def test_report__explanation_evidence_and_draft_reply(checker, kb):
    (post,), html = report(checker, kb, "Azerbaijan is in NATO.")
    page = Page(html)
    assert "Found by the member_of extractor" in page.all("p", "explanation")[0]["text"]
    assert "32 members" in page.all("ul", "evidence")[0]["text"]
    (reply,) = page.all("section", "reply")
    assert "This is not correct." in page.all("strong")[0]["text"]
    assert page.all("blockquote")[0]["text"] == "Azerbaijan is in NATO."
    assert page.all("pre")[0]["text"] == post.result.reply.rstrip()
    assert reply["text"].count("I am a bot.") == 2  # the preview and the Markdown to copy
    assert page.all("summary")[0]["text"] == "Markdown to copy"


def test_report__draft_to_copy_in_the_forum_markup(checker, kb):
    posts = [CheckedPost(checker.check("Azerbaijan is in NATO."))]
    page = Page(html_report(posts, kb, ReplyOptions(markup="bbcode")))
    assert page.all("summary")[0]["text"] == "BBCode to copy"
    assert page.all("pre")[0]["text"].startswith("[quote]Azerbaijan is in NATO.[/quote]")


def test_report__no_reply_needed(checker, kb):
    _, html = report(checker, kb, "Sweden is in NATO.")
    page = Page(html)
    assert not page.all("pre")
    assert "No reply needed." in page.all("section", "reply")[0]["text"]


def test_report__a_thread_of_posts(checker, kb):
    posts = [
        CheckedPost(checker.check("Azerbaijan is in NATO."), number=3, author="alice", url="https://f.example/t/1/3"),
        CheckedPost(checker.check("Nothing to see here."), number=4, author="bob"),
    ]
    page = Page(html_report(posts, kb, checker.reply_options))
    articles = page.all("article", "post")
    assert [a["attrs"]["id"] for a in articles] == ["post-1", "post-2"]
    assert [h["text"] for h in page.all("h2")] == ["Post #3 by alice · https://f.example/t/1/3", "Post #4 by bob"]
    assert "No alliance claim found." in articles[1]["text"]
    assert "2 posts, 1 claim, 1 correction" in page.all("p")[0]["text"]


@pytest.mark.parametrize("text", ["Azerbaijan is in NATO. Georgia is in the CSTO.", "Sweden is in NATO.", ""])
def test_report__deterministic(checker, kb, text):
    assert report(checker, kb, text)[1] == report(checker, kb, text)[1]
