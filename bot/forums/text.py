"""A post's own words as plain text, from the HTML or Markdown a forum serves.

Quotes are someone else's words, link previews are a page's words, and code is not prose: all
are left out before anything is checked. HTML goes through selectolax (the Lexbor HTML5 parser),
so a post is read the way a browser would read it, however broken its markup.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from claims.quotes import strip_quotes

# Discourse's `cooked` HTML (and its no-JS pages): quotes, link previews (oneboxes), code.
DISCOURSE_DROP = "aside.quote, blockquote, aside.onebox, .onebox, .lazyYT, pre, code"

BLOCKS = frozenset(
    "address article aside blockquote br dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)
NEVER_TEXT = "script, style, noscript, template, svg, iframe, object, embed, button, select"

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")
_FENCED_CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def html_own_words(html: str, drop: str = DISCOURSE_DROP) -> str:
    """The text of an HTML fragment, without what `drop` selects."""
    tree = parse(html)
    return node_text(tree.body, drop) if tree.body is not None else ""


def node_text(node: LexborNode, drop: str) -> str:
    """The text of `node`, blocks on lines of their own, without what `drop` selects below it
    (`node` itself is kept even when it matches: vBulletin's post body is a blockquote).
    The tree is not changed."""
    skipped = {n.mem_id for n in node.css(f"{drop}, {NEVER_TEXT}")} - {node.mem_id}
    return _flatten(node, skipped)


def _flatten(root: LexborNode, skipped: set[int]) -> str:
    """Iterative, so that deeply nested markup cannot exhaust the stack."""
    out: list[str] = []
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if node.tag == "-text":
            out.append(_SPACES.sub(" ", (node.text_content or "").replace("\n", " ")))
            continue
        if node.mem_id in skipped:
            out.append(" ")
            continue
        if (node.tag in BLOCKS or node is root) and not (closing and node.tag == "br"):
            out.append("\n")
        if closing:
            continue
        stack.append((node, True))
        children = list(node.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))
    lines = (line.strip() for line in "".join(out).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def markdown_own_words(markdown: str) -> str:
    """Markdown (Reddit) without `>` quotes and fenced code."""
    return strip_quotes(_FENCED_CODE.sub("", markdown)).strip()
