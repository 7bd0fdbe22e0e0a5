"""Forum pages read as HTML: known layouts by their selectors, a readable fallback, and pages
that are not threads."""

from __future__ import annotations

import pytest

from bot.forums import fetch_thread, html
from bot.forums.errors import NotAThread
from bot.forums.fetch import Response
from tests.forums.fakes import HTML_BOARD

PHPBB_URL = f"https://{HTML_BOARD}/viewtopic.php?t=77"


def test_html__phpbb_thread_over_two_pages(cassette, settings):
    thread = fetch_thread(PHPBB_URL, settings)
    assert (thread.forum, thread.title) == ("html", "Azerbaijan and NATO")
    assert [(p.number, p.id, p.author) for p in thread.posts] == [
        (1, "p1001", "kamal"), (2, "p1002", "lena"), (3, "p1003", "mo"), (4, "p1004", "kamal"), (5, "p1005", "nora"),
    ]
    texts = [p.text for p in thread.posts]
    assert texts[1] == "Turkey is in NATO."  # kamal's quoted words and lena's signature left out
    assert texts[2] == "Copied from the quiz."  # the code box left out
    assert thread.posts[0].url == f"https://{HTML_BOARD}/viewtopic.php?p=1001#p1001"


def test_html__an_image_is_not_a_thread(cassette, settings):
    with pytest.raises(NotAThread, match="image/png, not HTML"):
        fetch_thread(f"https://{HTML_BOARD}/banner.png", settings)


class OnePage:
    """A fetcher that serves one page."""

    def __init__(self, body: str, content_type: str = "text/html; charset=utf-8"):
        self.body, self.content_type = body.encode(), content_type

    def get(self, url, headers=None, params=None):
        return Response(url, 200, {"Content-Type": self.content_type}, self.body)


XENFORO2 = """<!DOCTYPE html><html id="XF" data-app="public"><body>
<h1 class="p-title-value">Alliances thread</h1>
<article class="message message--post" data-author="uma" data-content="post-501" id="js-post-501">
 <div class="message-userDetails"><h4 class="message-name"><a class="username" href="/members/uma.7/">uma</a></h4></div>
 <header class="message-attribution"><ul class="message-attribution-main"><li><a href="/threads/alliances.9/post-501">Nov 20</a></li></ul>
 <ul class="message-attribution-opposite"><li><a href="/threads/alliances.9/post-501">Share</a></li><li><a href="/threads/alliances.9/post-501">#1</a></li></ul></header>
 <article class="message-body"><div class="bbWrapper">
  <blockquote class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote"><div class="bbCodeBlock-title">vic said:</div>
  <div class="bbCodeBlock-content">Azerbaijan is in NATO.</div></blockquote>Turkey is in NATO.</div></article>
 <aside class="message-signature"><div class="bbWrapper">Sweden is not in NATO.</div></aside>
</article></body></html>"""

XENFORO1 = """<html id="XenForo"><body><div class="titleBar"><h1>Old alliances thread</h1></div>
<ol id="messageList"><li id="post-77" class="message" data-author="wen">
 <div class="messageUserInfo"><a class="username" href="members/wen.3/">wen</a></div>
 <div class="messageContent"><blockquote class="messageText SelectQuoteContainer ugc baseHtml">
  <div class="bbCodeBlock bbCodeQuote"><aside><blockquote class="quoteContainer">Azerbaijan is in NATO.</blockquote></aside></div>Turkey is in NATO.
 </blockquote></div>
 <a href="threads/x.5/#post-77" class="item muted postNumber hashPermalink OverlayTrigger">#4</a>
</li></ol></body></html>"""

VBULLETIN4 = """<html><body><span class="threadtitle"><a href="showthread.php?t=9">Alliances</a></span>
<ol id="posts" class="posts"><li class="postbitlegacy postbitim postcontainer old" id="post_9001">
 <div class="posthead"><span class="nodecontrols"><a name="post9001" href="showthread.php?t=9&amp;p=9001#post9001" class="postcounter">#3</a></span></div>
 <div class="postdetails"><div class="userinfo"><a class="username offline popupctrl" href="member.php?u=4"><strong>xia</strong></a></div>
 <div class="postbody"><div class="content"><div id="post_message_9001"><blockquote class="postcontent restore ">
  <div class="bbcode_container"><div class="bbcode_quote"><div class="quote_container">Azerbaijan is in NATO.</div></div></div>Turkey is in NATO.
 </blockquote></div></div></div>
 <blockquote class="signature restore">Sweden is not in NATO.</blockquote></div>
</li></ol></body></html>"""

VBULLETIN3 = """<html><head><title>Alliances - Old Board</title></head><body>
<table class="tborder" id="post4242"><tr><td class="thead"><a href="showpost.php?p=4242&amp;postcount=2" target="new" id="postcount4242" name="2"><strong>2</strong></a></td></tr>
<tr><td class="alt2"><a class="bigusername" href="member.php?u=8">yusuf</a></td>
<td class="alt1" id="td_post_4242"><div id="post_message_4242">
 <div style="margin:20px; margin-top:5px; "><div class="smallfont" style="margin-bottom:2px">Quote:</div>
 <table cellpadding="6" cellspacing="0" border="0" width="100%"><tr><td class="alt2">Originally Posted by <strong>zed</strong><br>Azerbaijan is in NATO.</td></tr></table></div>
 Turkey is in NATO.</div></td></tr></table></body></html>"""

DISCOURSE_NOJS = """<html><body><div id="main-outlet" class="wrap" role="main">
<div id="topic-title"><h1><a href="/t/alliances/12">Alliances, no JS</a></h1></div>
<div itemscope itemtype="http://schema.org/DiscussionForumPosting" class="topic-body crawler-post" id="post_2">
 <div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">
  <a itemprop="url" href="https://forum.example.org/u/abe"><span itemprop="name">abe</span></a></span>
  <span class="crawler-post-infos"><time itemprop="datePublished" datetime="2026-11-20T10:00:00Z" class="post-time">Nov 20</time>
  <meta itemprop="position" content="2"></span></div>
 <div class="post" itemprop="text"><aside class="quote" data-username="bo"><blockquote><p>Azerbaijan is in NATO.</p></blockquote></aside>
  <p>Turkey is in NATO.</p><aside class="onebox"><article><h3>Sweden is not in NATO</h3></article></aside></div>
</div></div></body></html>"""

BLOG_COMMENTS = """<html><head><title>Comments on the summit</title></head><body>
<header><nav><a href="/">Home</a> Sweden is not in NATO (a menu that should never be read)</nav></header>
<main><article id="comment-1"><span class="author">cai</span><p>Turkey is in NATO.</p>
<blockquote>Azerbaijan is in NATO.</blockquote></article>
<article id="comment-2"><span class="author">dov</span><p>Thanks.</p></article></main>
<footer>Georgia is in the CSTO (the footer)</footer></body></html>"""

PLAIN_PAGE = """<html><head><meta property="og:title" content="A forum we do not know"></head><body>
<nav>Menu</nav><div id="content"><p>Turkey is in NATO.</p><pre>Azerbaijan is in NATO.</pre></div></body></html>"""


@pytest.mark.parametrize(("page", "title", "posts"), [
    (XENFORO2, "Alliances thread", [("js-post-501", 1, "uma", "Turkey is in NATO.")]),
    (XENFORO1, "Old alliances thread", [("post-77", 4, "wen", "Turkey is in NATO.")]),
    (VBULLETIN4, "Alliances", [("post_9001", 3, "xia", "Turkey is in NATO.")]),
    (VBULLETIN3, "Alliances - Old Board", [("post4242", 2, "yusuf", "Turkey is in NATO.")]),
    (DISCOURSE_NOJS, "Alliances, no JS", [("post_2", 2, "abe", "Turkey is in NATO.")]),
    (BLOG_COMMENTS, "Comments on the summit", [("comment-1", 1, "cai", "Turkey is in NATO."),
                                               ("comment-2", 2, "dov", "Thanks.")]),
    (PLAIN_PAGE, "A forum we do not know", [("content", 1, None, "Turkey is in NATO.")]),
])
def test_html__layouts_and_fallback_keep_only_the_posters_words(page, title, posts):
    thread = html.fetch("https://board.example.net/thread", OnePage(page))
    assert thread.title == title
    assert [(p.id, p.number, p.author, p.text) for p in thread.posts] == posts


@pytest.mark.parametrize("page", [
    "<html><body></body></html>",
    "<html><body><nav>Home · Forums · Login</nav><footer>© 2026</footer></body></html>",
    "<html><body id='phpbb' class='section-viewforum'><h2>Politics</h2></body></html>",  # a forum index
])
def test_html__page_without_posts_is_not_a_thread(page):
    with pytest.raises(NotAThread, match="no posts with text"):
        html.fetch("https://board.example.net/", OnePage(page))


def test_html__charset_from_the_page_when_the_header_has_none():
    page = '<html><head><meta charset="windows-1252"></head><body><article><p>Caf\xe9 talk: Turkey is in NATO.</p></article></body></html>'
    fetcher = OnePage("", "text/html")
    fetcher.body = page.encode("cp1252")
    assert html.fetch("https://board.example.net/t", fetcher).posts[0].text == "Café talk: Turkey is in NATO."


def test_html__deeply_nested_markup_does_not_exhaust_the_stack():
    page = "<html><body><article>" + "<div>" * 5000 + "Turkey is in NATO." + "</div>" * 5000 + "</article></body></html>"
    assert html.fetch("https://board.example.net/t", OnePage(page)).posts[0].text == "Turkey is in NATO."


def test_fetch_thread__a_page_with_discourse_path_but_no_discourse_is_read_as_html(settings):
    """A /t/<slug>/<id> path on a site that is not Discourse: the JSON answer is not JSON, so the
    page is read as HTML."""

    class NotDiscourse(OnePage):
        def get(self, url, headers=None, params=None):
            return super().get(url.removesuffix(".json"), headers, params)

    thread = fetch_thread("https://board.example.net/t/alliances/12", settings, fetcher=NotDiscourse(BLOG_COMMENTS))
    assert thread.forum == "html" and len(thread.posts) == 2
