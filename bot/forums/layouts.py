"""Where the posts are on the pages of forum software we know: CSS selectors, as data.

A layout is chosen by `detect`, a selector only that software's pages match; the first that
matches wins, so the table is in order. Pages that no layout matches are read by the readable
fallback in `html.py`. To add a forum: save one of its thread pages as a test fixture, write
its layout here, and add a row to the table in tests/forums/test_html.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.forums.text import DISCOURSE_DROP

# Inside a post's body: someone else's words, code, and the poster's signature.
QUOTES_AND_CODE = "blockquote, q, pre, code"


@dataclass(frozen=True)
class Layout:
    name: str
    detect: str  # matches a thread page of this software
    post: str  # each post's container
    body: str  # inside the container: the post's text
    author: str  # inside the container: the poster's name
    title: str  # the thread's title on the page
    permalink: str | None = None  # inside the container: a link to the post
    number: str | None = None  # inside the container: text or `content` holding the post number
    next_page: str | None = None  # the link to the thread's next page
    drop: str = QUOTES_AND_CODE  # inside the body: what is not the poster's own words


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        name="phpbb",  # phpBB 3 (prosilver and its derivatives)
        detect="body#phpbb",
        post="div.post",
        body="div.content",
        author="p.author .username, p.author .username-coloured, .postprofile .username, .postprofile .username-coloured",
        title="h2.topic-title, h2",
        permalink="p.author a[href*='#p']",
        next_page=".pagination a[rel=next], .pagination li.next a",
        drop=f"{QUOTES_AND_CODE}, div.codebox, div.signature, div.notice",
    ),
    Layout(
        name="xenforo2",
        detect="html#XF",
        post="article.message--post",
        body=".message-body .bbWrapper",
        author=".message-name .username, .message-userDetails .username",
        title="h1.p-title-value",
        permalink=".message-attribution-main a[href*='post-'], .message-attribution a[href*='post-']",
        number=".message-attribution-opposite li:last-child a",
        next_page="a.pageNav-jump--next",
        drop=f"{QUOTES_AND_CODE}, .bbCodeBlock--quote, .bbCodeBlock--code, .bbCodeSpoiler, aside.message-signature",
    ),
    Layout(
        name="xenforo1",
        detect="html#XenForo",
        post="li.message",
        body=".messageText",
        author=".messageUserInfo .username, .userText .username",
        title=".titleBar h1",
        permalink="a.datePermalink, a.hashPermalink",
        number="a.postNumber",
        next_page=".PageNav a.text[href*='page-']:last-child",
        drop=f"{QUOTES_AND_CODE}, .bbCodeQuote, .bbCodeCode, .baseHtml.signature",
    ),
    Layout(
        name="vbulletin4",
        detect="ol#posts li.postcontainer",
        post="li.postcontainer",
        body="div.content blockquote.postcontent",
        author=".username strong, a.username",
        title="span.threadtitle, #pagetitle h1",
        permalink="a.postcounter",
        number="a.postcounter",
        next_page="a[rel=next]",
        drop=f"{QUOTES_AND_CODE}, .bbcode_container, .bbcode_quote, .signature",
    ),
    Layout(
        name="vbulletin3",
        detect="div[id^=post_message_]",
        post="table[id^=post]",
        body="div[id^=post_message_]",
        author="a.bigusername, .bigusername",
        title="td.navbar strong, title",
        permalink="a[id^=postcount]",
        number="a[id^=postcount]",
        next_page="a[rel=next]",
        drop=f"{QUOTES_AND_CODE}, table, div.smallfont",  # vB3 quotes are tables inside the message
    ),
    Layout(
        name="discourse-html",  # the no-JavaScript pages Discourse serves to crawlers
        detect="div.crawler-post",
        post="div.crawler-post",
        body="div.post[itemprop=text], div.post",
        author=".creator [itemprop=name], .creator a",
        title="#topic-title h1, h1",
        number="[itemprop=position]",
        next_page="a[rel=next]",
        drop=DISCOURSE_DROP,
    ),
)
