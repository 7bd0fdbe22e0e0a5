"""How a reply is written in each forum markup: Markdown (Discourse, Reddit), BBCode (phpBB-style
forums) and HTML.

A reply is a list of blocks (a quote, a paragraph of lines, a numbered list, the footer) made of
inline pieces. Every piece of text goes through `text()`, which escapes it for the markup, so that
nothing a poster wrote (or a title in the knowledge base) can open a link, a tag or a quote of its
own. Only the footer, which the forum operator writes in the forum's markup, is passed as it is.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote as percent_encode


class Markup:
    """Writes the pieces of a reply; a subclass gives the markup's templates and escaping."""

    name: str  # as --format and ReplyOptions.markup spell it
    title: str  # as people do
    BOLD = ITALIC = QUOTE = PARAGRAPH = FOOTER = "{}"
    LINE_BREAK, BLANK_LINE = "\n", "\n\n"

    def text(self, text: str) -> str:
        raise NotImplementedError

    def link(self, title: str, url: str) -> str:
        raise NotImplementedError

    def numbered(self, items: list[str]) -> str:
        raise NotImplementedError

    def bold(self, inline: str) -> str:
        return self.BOLD.format(inline)

    def italic(self, inline: str) -> str:
        return self.ITALIC.format(inline)

    def quote(self, text: str) -> str:
        return self.QUOTE.format(self.text(text))

    def paragraph(self, lines: list[str]) -> str:
        return self.PARAGRAPH.format(self.LINE_BREAK.join(lines))

    def footer(self, footer: str) -> str:
        return self.FOOTER.format(footer)

    def document(self, blocks: list[str]) -> str:
        return self.BLANK_LINE.join(blocks).strip() + "\n"


def _url(url: str, unsafe: str) -> str:
    """Percent-encode the characters that would end the markup's link early."""
    return "".join(percent_encode(c, safe="") if c in unsafe or c.isspace() else c for c in url)


class Markdown(Markup):
    name, title = "markdown", "Markdown"
    BOLD, ITALIC, QUOTE = "**{}**", "*{}*", "> {}"
    _SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")

    def text(self, text: str) -> str:
        return self._SPECIAL.sub(r"\\\1", text)

    def link(self, title: str, url: str) -> str:
        return f"[{self.text(title)}]({_url(url, '()<>')})"

    def numbered(self, items: list[str]) -> str:
        return "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1))


class BBCode(Markup):
    """phpBB-style BBCode. It has no escape character: a zero-width space after every `[` keeps
    text from being read as a tag, and shows as nothing."""

    name, title = "bbcode", "BBCode"
    BOLD, ITALIC, QUOTE = "[b]{}[/b]", "[i]{}[/i]", "[quote]{}[/quote]"

    def text(self, text: str) -> str:
        return text.replace("[", "[\u200b")

    def link(self, title: str, url: str) -> str:
        return f"[url={_url(url, '[]')}]{self.text(title)}[/url]"

    def numbered(self, items: list[str]) -> str:
        return "\n".join(["[list=1]", *(f"[*]{item}" for item in items), "[/list]"])


class HTML(Markup):
    name, title = "html", "HTML"
    BOLD, ITALIC, QUOTE = "<strong>{}</strong>", "<em>{}</em>", "<blockquote><p>{}</p></blockquote>"
    PARAGRAPH, LINE_BREAK, BLANK_LINE = "<p>{}</p>", "<br>", "\n"

    def text(self, text: str) -> str:
        return html.escape(text)

    def link(self, title: str, url: str) -> str:
        return safe_link(title, url)

    def numbered(self, items: list[str]) -> str:
        return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"

    def footer(self, footer: str) -> str:
        return f"<p>{html.escape(footer)}</p>"


def safe_link(title: str, url: str | None) -> str:
    """An HTML link, but only to a web address: a `javascript:` or other address stays text."""
    if url and re.match(r"^https?://", url, re.IGNORECASE):
        return f'<a href="{html.escape(url)}">{html.escape(title)}</a>'
    return html.escape(title)


MARKUPS: dict[str, Markup] = {m.name: m for m in (Markdown(), BBCode(), HTML())}
