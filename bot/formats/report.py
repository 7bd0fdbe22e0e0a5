"""The HTML report for moderators: each post with its claims highlighted in place and a verdict
badge beside each, then each claim with what decided it, then the draft reply.

One page, self-contained (inline CSS, no script, nothing fetched) and deterministic: the same
posts and knowledge base give the same bytes. Every piece of text goes through html.escape, and
only web addresses become links. A thread and the single text of the command line both come
here, as a list of posts.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.check import CheckedClaim
from bot.formats.explain import explanation, statement_line
from bot.formats.markup import MARKUPS, safe_link
from bot.formats.post import CheckedPost
from bot.reply import ReplyOptions, compose_for, write_draft
from knowledge.base import KnowledgeBase

_CSS = """\
body{font:15px/1.5 system-ui,sans-serif;color:#1d1d1f;background:#f4f4f6;margin:0}
main{max-width:60rem;margin:0 auto;padding:1rem}
.post{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem;margin:1rem 0}
.post h2{font-size:1.05rem;margin:0 0 .5rem}
.text{white-space:pre-wrap;border-left:3px solid #ccc;padding-left:.75rem}
mark.claim{background:#fff3b0;padding:0 .1em}
mark.v-false{background:#ffd6d6}mark.v-misleading,mark.v-outdated{background:#ffe8c2}
mark.v-true{background:#d9f5dd}
.badge{display:inline-block;font-size:.72rem;font-weight:600;text-transform:uppercase;
letter-spacing:.03em;padding:0 .4em;margin:0 .2em;border-radius:3px;color:#fff;
background:#888;text-decoration:none;vertical-align:1px}
.v-false.badge{background:#c62828}.v-misleading.badge{background:#b85c00}
.v-outdated.badge{background:#6a4fb3}.v-true.badge{background:#2e7d32}
.v-unverifiable.badge,.v-none.badge{background:#9e9e9e}
.claims>li{margin:.75rem 0}.statement,.explanation{margin:.2rem 0;color:#555}
.reply{border-top:1px solid #eee;margin-top:1rem}
.reply blockquote{border-left:3px solid #ccc;margin:0;padding-left:.75rem;color:#555}
pre{white-space:pre-wrap;background:#f7f7f9;padding:.5rem;border-radius:4px}
.none{color:#777}"""


def html_report(
    posts: Sequence[CheckedPost], kb: KnowledgeBase, options: ReplyOptions | None = None, title: str = "factcheck report"
) -> str:
    """The whole page. `options` are those the replies are drafted with (footer, length limit)."""
    options = options or ReplyOptions()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{_CSS}\n</style></head>",
        "<body><main>",
        f"<h1>{escape(title)}</h1>",
        _summary(posts, kb),
        *(_post(post, n, kb, options) for n, post in enumerate(posts, start=1)),
        "</main></body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _summary(posts: Sequence[CheckedPost], kb: KnowledgeBase) -> str:
    claims = [c for p in posts for c in p.result.claims]
    corrections = sum(c.needs_reply for c in claims)
    return (
        f"<p>{_count(len(posts), 'post')}, {_count(len(claims), 'claim')}, "
        f"{_count(corrections, 'correction')}; checked against the knowledge base as of "
        f"{kb.as_of.isoformat()} (version {escape(kb.version)}).</p>"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _post(post: CheckedPost, n: int, kb: KnowledgeBase, options: ReplyOptions) -> str:
    anchor = f"post-{n}"
    heading = f"Post #{post.number}" if post.number is not None else "Post"
    if post.author:
        heading += f" by {escape(post.author)}"
    if post.url:
        heading += f" · {safe_link(post.url, post.url)}"
    parts = [
        f'<article class="post" id="{anchor}">',
        f"<h2>{heading}</h2>",
        f'<div class="text">{_highlighted(post, anchor)}</div>',
        _claims(post, anchor, kb),
        _reply(post, kb, options),
        "</article>",
    ]
    return "\n".join(parts)


def _highlighted(post: CheckedPost, anchor: str) -> str:
    """The post's text with each claim's sentence marked and its verdict badges beside it."""
    text, out, pos = post.text, [], 0
    for start, end, members in _spans(post.result.claims, text):
        first = next((c for _, c in members if c.needs_reply), members[0][1])
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="claim {_css(first)}">{escape(text[start:end])}</mark>')
        out += [_badge(c, href=f"#{anchor}-claim-{i}") for i, c in members]
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _spans(claims: Sequence[CheckedClaim], text: str) -> list[tuple[int, int, list]]:
    """Claims grouped by where they stand in the text; claims in one sentence share a mark."""
    spans: list[tuple[int, int, list]] = []
    placed = sorted(enumerate(claims, start=1), key=lambda ic: (ic[1].claim.start, ic[1].claim.end, ic[0]))
    for i, checked in placed:
        start, end = _trimmed(text, checked.claim.start, checked.claim.end)
        if spans and start < spans[-1][1]:
            last_start, last_end, members = spans[-1]
            spans[-1] = (last_start, max(last_end, end), members + [(i, checked)])
        elif start < end:
            spans.append((start, end, [(i, checked)]))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span within the text and without the blank space a sentence may end with."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _label(checked: CheckedClaim) -> str:
    return checked.verdict.value if checked.verdict else checked.claim.modality.value


def _css(checked: CheckedClaim) -> str:
    return f"v-{checked.verdict.value}" if checked.verdict else "v-none"


def _badge(checked: CheckedClaim, href: str | None = None) -> str:
    label = escape(_label(checked))
    if href:
        return f'<a class="badge {_css(checked)}" href="{href}">{label}</a>'
    return f'<span class="badge {_css(checked)}">{label}</span>'


def _claims(post: CheckedPost, anchor: str, kb: KnowledgeBase) -> str:
    if not post.result.claims:
        return '<p class="none">No alliance claim found.</p>'
    items = []
    for i, checked in enumerate(post.result.claims, start=1):
        line = f"{statement_line(checked, kb)} · {checked.claim.modality.value}"
        if checked.confidence is not None:
            line += f" · confidence {checked.confidence:.2f}"
        items.append(
            f'<li id="{anchor}-claim-{i}"><p>{_badge(checked)} <q>{escape(checked.claim.text)}</q></p>\n'
            f'<p class="statement">{escape(line)}</p>\n'
            f'<p class="explanation">{escape(explanation(checked))}</p>{_evidence(checked)}</li>'
        )
    return '<ol class="claims">\n' + "\n".join(items) + "\n</ol>"


def _evidence(checked: CheckedClaim) -> str:
    if checked.judgement is None or not checked.judgement.evidence:
        return ""
    items = [
        f"<li>{escape(e.text)}<br>{', '.join(safe_link(s.title, s.url) for s in e.sources)}</li>"
        for e in checked.judgement.evidence
    ]
    return '\n<ul class="evidence">' + "".join(items) + "</ul>"


def _reply(post: CheckedPost, kb: KnowledgeBase, options: ReplyOptions) -> str:
    draft = compose_for(post.result, kb, options)
    if draft is None:
        return '<section class="reply"><p class="none">No reply needed.</p></section>'
    markup = MARKUPS[options.markup]
    return (
        '<section class="reply"><h3>Draft reply</h3>\n'
        f"{write_draft(draft, MARKUPS['html'])}"
        f"<details><summary>{markup.title} to copy</summary>"
        f"<pre>{escape(write_draft(draft, markup).rstrip())}</pre></details></section>"
    )
