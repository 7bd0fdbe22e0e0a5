"""`factcheck --url URL`: every post of a thread checked, printed once the whole thread is in.

    fetch (bot/forums) ─ check each post (bot/check) ─ render the thread

Per post: number, author, link, claims, verdicts and draft. `json` is the thread shape of
DESIGN.md, whose posts carry the per-text contract of `bot/output.py`; `html` is the moderators'
report (`bot/formats/report.py`) for the whole thread; `claimreview` one list for the thread;
`markdown` and `bbcode` each post's draft under its number, author and link.
"""

from __future__ import annotations

import json

from bot.check import Checker
from bot.config import Settings
from bot.formats.claimreview import claim_reviews
from bot.formats.post import CheckedPost
from bot.formats.report import html_report
from bot.forums import Thread, fetch_thread
from bot.output import render, to_contract
from knowledge.base import KnowledgeBase

RULE = "-" * 72


def check_url(url: str, settings: Settings, checker: Checker, fmt: str, explain: bool = False) -> tuple[str, str | None]:
    """The rendered thread, and a note for standard error when part of it was not fetched."""
    thread = fetch_thread(url, settings)
    posts = check_thread(thread, checker)
    return render_thread(thread, posts, checker, fmt, explain), _not_fetched(thread)


def _not_fetched(thread: Thread) -> str | None:
    if not thread.not_fetched:
        return None
    why = ("raise [fetch] reddit_replace_more_limit to read more" if thread.forum == "reddit"
           else "deleted or hidden while the thread was read")
    return f"{thread.not_fetched} posts of the thread were not fetched ({why})"


def check_thread(thread: Thread, checker: Checker) -> list[CheckedPost]:
    return [
        CheckedPost(checker.check(post.text, id=post.id), number=post.number, author=post.author, url=post.url)
        for post in thread.posts
    ]


def thread_contract(thread: Thread, posts: list[CheckedPost], kb: KnowledgeBase) -> dict:
    out = []
    for post in posts:
        contract = to_contract(post.result, kb)
        out.append({
            "id": post.result.id, "number": post.number, "author": post.author, "url": post.url,
            "claims": contract["claims"], "reply": contract["reply"],
        })
    return {"url": thread.url, "forum": thread.forum, "title": thread.title, "posts": out}


def render_thread(thread: Thread, posts: list[CheckedPost], checker: Checker, fmt: str, explain: bool = False) -> str:
    kb, options = checker.kb, checker.reply_options
    if fmt == "json":
        return json.dumps(thread_contract(thread, posts, kb), ensure_ascii=False)
    if fmt == "html":
        return html_report(posts, kb, options, title=thread.title or thread.url).rstrip("\n")
    if fmt == "claimreview":
        return json.dumps(claim_reviews(posts, kb), ensure_ascii=False, indent=2)
    if fmt == "text":
        return _text(thread, posts, kb, explain)
    drafts = []  # markdown, bbcode: the drafts to copy
    for post in posts:
        draft = render(post.result, kb, fmt, options=options)
        if draft:
            drafts.append(f"{_head(post)}\n\n{draft}")
    return f"\n\n{RULE}\n\n".join(drafts)


def _text(thread: Thread, posts: list[CheckedPost], kb: KnowledgeBase, explain: bool) -> str:
    with_claims = sum(1 for p in posts if p.result.claims)
    replies = sum(1 for p in posts if p.result.reply)
    lines = [
        f"Thread: {thread.title or '(untitled)'} ({thread.forum})",
        thread.url,
        f"{_count(len(posts), 'post')} checked: {with_claims} with claims, {_count(replies, 'reply', 'replies')} drafted.",
    ]
    if thread.not_fetched:
        lines.append(f"Note: {_not_fetched(thread)}.")
    for post in posts:
        head = _head(post)
        if not post.result.claims:
            lines += ["", f"{head}: no alliance claim."]
            continue
        lines += ["", RULE, head, "", render(post.result, kb, "text", explain=explain)]
    return "\n".join(lines)


def _head(post: CheckedPost) -> str:
    return f"#{post.number} {post.author or '(unknown)'} <{post.url}>"


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
