"""Quoted text is someone else's words: it is removed before anything is checked.

Markdown `>` lines, BBCode `[quote]...[/quote]` blocks (nested too) and HTML `<blockquote>`
elements are replaced by blank space of the same shape, so that character offsets of the
writer's own words stay valid.
"""

from __future__ import annotations

import functools
import re

_MARKDOWN_QUOTE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
_BBCODE_QUOTE = re.compile(r"\[quote(?:=[^\]]*)?\](?:(?!\[quote).)*?\[/quote\]", re.IGNORECASE | re.DOTALL)
_HTML_QUOTE = re.compile(r"<blockquote\b[^>]*>(?:(?!<blockquote).)*?</blockquote>", re.IGNORECASE | re.DOTALL)


def strip_quotes(text: str) -> str:
    text = _MARKDOWN_QUOTE.sub(_blank, text)
    for pattern in (_BBCODE_QUOTE, _HTML_QUOTE):
        # Innermost first, until no quote is left: nested quotes go with their parents.
        while True:
            stripped = pattern.sub(_blank, text)
            if stripped == text:
                break
            text = stripped
    return text


_MARKUP = re.compile(
    r"^[ \t]*>+|\[/?quote(?:=[^\]]*)?\]|</?blockquote\b[^>]*>", re.IGNORECASE | re.MULTILINE
)


def quoted_words(text: str) -> str:
    """The quoted words alone, quote markup and the writer's own words blanked, at the same
    length: what the writer is answering, read for context only ("> Israel is in NATO / No it
    isn't.") and never checked as the writer's claim."""
    own = strip_quotes(text)
    inside = "".join(c if o != c else (" " if c != "\n" else "\n") for c, o in zip(text, own))
    return _MARKUP.sub(lambda m: " " * len(m.group(0)), inside)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


# Inline quotations: "..." and “...” always; '...' and ‘...’ only when they open after a space
# or a colon and hold three words or more, so that apostrophes ("isn't", "the '90s") are not read
# as quotation marks.
_DOUBLE = re.compile(r'["“”«»„]([^"“”«»„\n]{3,}?)["“”«»„]')
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s:(]))['‘]((?:[^'‘’\n]|(?<=\w)['’](?=\w)){3,}?)['’](?=$|[\s.,;:!?)])")


def inside_one_quotation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (a claim from its state to its organisation) lies inside one
    inline quotation: the writer quotes someone, or a title, and does not assert it."""
    return any(first <= start and end <= last for first, last in _quotations(text))


@functools.lru_cache(maxsize=8)
def _quotations(text: str) -> tuple[tuple[int, int], ...]:
    """Where the inline quotations of `text` lie; found once per text, asked once per claim."""
    return tuple((m.start(1), m.end(1)) for pattern in (_DOUBLE, _SINGLE) for m in pattern.finditer(text)
                 if pattern is _DOUBLE or m.group(1).count(" ") >= 2)
