"""Forum pages read as HTML: phpBB, vBulletin, XenForo, Discourse's no-JS pages (see
`layouts.py`), and a readable fallback for the rest.

A thread's next pages are followed on the same host, up to MAX_PAGES. The fallback takes each
`<article>` as a post, or else the page's main text as one post, with navigation, headers,
footers, forms and quotes left out.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from bot.forums.errors import NotAThread
from bot.forums.fetch import Fetcher, Response
from bot.forums.layouts import LAYOUTS, QUOTES_AND_CODE, Layout
from bot.forums.models import Post, Thread
from bot.forums.text import node_text, parse

MAX_PAGES = 50
HTML_TYPES = ("text/html", "application/xhtml+xml")
ACCEPT = {"Accept": "text/html,application/xhtml+xml"}
FALLBACK_CHROME = "nav, header, footer, aside, form, menu, [role=navigation], [role=banner], [role=contentinfo]"
FALLBACK_AUTHOR = "[rel=author], [itemprop=author], .author, .username, .byline"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


def fetch(url: str, fetcher: Fetcher) -> Thread:
    page = _page(url, fetcher.get(url, headers=ACCEPT))
    layout = next((lay for lay in LAYOUTS if page.css_first(lay.detect) is not None), None)
    title = _title(page, layout)
    if layout is None:
        posts = _fallback_posts(page, url)
    else:
        posts = _layout_posts(url, page, layout, fetcher)
    if not any(p.text for p in posts):
        raise NotAThread(url, "no posts with text found on the page")
    return Thread(url=url, forum="html", title=title, posts=tuple(posts))


def _page(url: str, response: Response) -> LexborHTMLParser:
    if response.content_type and response.content_type not in HTML_TYPES:
        raise NotAThread(url, f"the page is {response.content_type}, not HTML")
    return parse(_decode(response))


def _decode(response: Response) -> str:
    charset = response.charset
    if charset is None:
        found = _META_CHARSET.search(response.body[:4096])
        charset = found.group(1).decode("ascii").lower() if found else "utf-8"
    try:
        return response.body.decode(charset, errors="replace")
    except LookupError:
        return response.body.decode("utf-8", errors="replace")


def _layout_posts(url: str, page: LexborHTMLParser, layout: Layout, fetcher: Fetcher) -> list[Post]:
    posts: list[Post] = []
    seen, page_url = {url}, url
    for _ in range(MAX_PAGES):
        for container in page.css(layout.post):
            posts.append(_post(container, layout, page_url, len(posts) + 1))
        next_url = _next_page(page, layout, page_url)
        if next_url is None or next_url in seen:
            break
        seen.add(next_url)
        page_url = next_url
        page = _page(next_url, fetcher.get(next_url, headers=ACCEPT))
    return posts


def _next_page(page: LexborHTMLParser, layout: Layout, page_url: str) -> str | None:
    link = page.css_first(layout.next_page) if layout.next_page else None
    href = link.attributes.get("href") if link is not None else None
    if not href:
        return None
    target = urljoin(page_url, href).split("#")[0]
    return target if urlsplit(target).hostname == urlsplit(page_url).hostname else None


def _post(container: LexborNode, layout: Layout, page_url: str, position: int) -> Post:
    author = container.css_first(layout.author)
    link = container.css_first(layout.permalink) if layout.permalink else None
    href = link.attributes.get("href") if link is not None else None
    element_id = container.attributes.get("id")
    body = container.css_first(layout.body)
    return Post(
        id=element_id or f"{position}",
        number=_number(container, layout) or position,
        author=_text_or_none(author),
        url=urljoin(page_url, href) if href else _anchor(page_url, element_id),
        text=node_text(body, layout.drop) if body is not None else "",
    )


def _number(container: LexborNode, layout: Layout) -> int | None:
    node = container.css_first(layout.number) if layout.number else None
    if node is None:
        return None
    found = _DIGITS.search(node.attributes.get("content") or node.text() or "")
    return int(found.group()) if found else None


def _anchor(page_url: str, element_id: str | None) -> str:
    return f"{page_url.split('#')[0]}#{element_id}" if element_id else page_url


def _title(page: LexborHTMLParser, layout: Layout | None) -> str | None:
    node = page.css_first(layout.title) if layout else None
    node = node or page.css_first("meta[property='og:title']") or page.css_first("title")
    if node is not None and node.tag == "meta":
        return node.attributes.get("content") or None
    return _text_or_none(node)


def _fallback_posts(page: LexborHTMLParser, url: str) -> list[Post]:
    """Each <article> a post (articles inside it are their own posts); else the main text as one."""
    articles = page.css("article")
    if not articles:
        main = page.css_first("main, [role=main], #content, .content") or page.body
        articles = [main] if main is not None else []
    drop = f"{QUOTES_AND_CODE}, {FALLBACK_CHROME}, {FALLBACK_AUTHOR}, article"
    posts = []
    for n, article in enumerate(articles, start=1):
        author = article.css_first(FALLBACK_AUTHOR)
        element_id = article.attributes.get("id")
        posts.append(Post(
            id=element_id or str(n),
            number=n,
            author=_text_or_none(author),
            url=_anchor(url, element_id),
            text=node_text(article, drop),
        ))
    return posts


def _text_or_none(node: LexborNode | None) -> str | None:
    return (node.text(strip=True) or None) if node is not None else None
