"""Each markup escapes text so that nothing in it can become a tag, a link or a quote."""

import pytest

from bot.formats.markup import MARKUPS, safe_link

BBCODE, MARKDOWN, HTML = MARKUPS["bbcode"], MARKUPS["markdown"], MARKUPS["html"]


@pytest.mark.parametrize(
    "markup, text, escaped",
    [
        (BBCODE, "[b]bold[/b]", "[\u200bb]bold[\u200b/b]"),
        (BBCODE, "[url=https://evil.example]x[/url]", "[\u200burl=https://evil.example]x[\u200b/url]"),
        (BBCODE, "[/quote] out of the quote", "[\u200b/quote] out of the quote"),
        (BBCODE, "no tags: 1 < 2", "no tags: 1 < 2"),
        (MARKDOWN, "*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
        (MARKDOWN, "[x](https://evil.example)", "\\[x\\](https://evil.example)"),
        (MARKDOWN, "<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        (MARKDOWN, "# heading | table", "\\# heading \\| table"),
        (HTML, "<script>alert('x')</script> & co", "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co"),
    ],
    ids=lambda v: getattr(v, "name", None),
)
def test_markup__text_cannot_become_markup(markup, text, escaped):
    assert markup.text(text) == escaped


def test_bbcode__quote_of_a_closing_quote_stays_inside():
    quoted = BBCODE.quote("nice[/quote][url=https://evil.example]click[/url]")
    assert quoted.startswith("[quote]") and quoted.endswith("[/quote]")
    assert quoted.count("[/quote]") == 1 and "[url" not in quoted


def test_bbcode__link_and_list():
    assert BBCODE.link("A [title]", "https://a.example/x]y") == "[url=https://a.example/x%5Dy]A [\u200btitle][/url]"
    assert BBCODE.numbered(["one", "two"]) == "[list=1]\n[*]one\n[*]two\n[/list]"


def test_markdown__link_title_and_url_cannot_break_out():
    link = MARKDOWN.link("Treaty [1953]", "https://en.wikipedia.org/wiki/Treaty_(1953)")
    assert link == "[Treaty \\[1953\\]](https://en.wikipedia.org/wiki/Treaty_%281953%29)"


def test_html__text_and_links_are_escaped():
    assert HTML.quote('<script>alert("x")</script>') == (
        "<blockquote><p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p></blockquote>"
    )
    assert HTML.link("a <b>", 'https://a.example/?q="x"') == '<a href="https://a.example/?q=&quot;x&quot;">a &lt;b&gt;</a>'


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "//evil.example", None])
def test_safe_link__only_web_addresses_become_links(url):
    assert "<a" not in safe_link("title", url)
