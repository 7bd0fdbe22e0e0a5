"""Write the forum tests' cassettes: `python -m tests.forums.make_cassettes` from the repository root.

The bodies follow the shapes of real Discourse and Reddit responses (field names, nesting,
`cooked` HTML, gaps in post numbers, `replies` as "" or a Listing, the token POST first), with
content made for each test. The requests carry credentials the way a live recording would, and
every interaction goes through the same scrubbing hooks as a recording (recording.py), so the
secret-scan test checks the real path to disk.
"""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path
from urllib.parse import urlencode

from vcr.request import Request
from vcr.serialize import serialize
from vcr.serializers import yamlserializer

from tests.forums.fakes import (
    API_KEY,
    DISCOURSE,
    HTML_BOARD,
    REDDIT_CLIENT_ID,
    REDDIT_CLIENT_SECRET,
    REDDIT_TOKEN,
    THREAD,
)
from tests.forums.recording import CASSETTES, scrub_request, scrub_response

AGENT = "factcheck/0.1.0 (forum fact-check bot for alliance claims)"
PRAW_AGENT = f"{AGENT} PRAW/8.0.3 prawcore/4.0.0"
DATE = "Sat, 28 Nov 2026 10:00:00 GMT"


# --- HTTP pieces ---------------------------------------------------------------------------

def request(method: str, uri: str, headers: dict | None = None, body: bytes | None = None) -> Request:
    base = {"User-Agent": AGENT, "Accept-Encoding": "gzip, deflate", "Connection": "keep-alive"}
    return Request(method, uri, body, {k: [v] for k, v in {**base, **(headers or {})}.items()})


def response(status: int, body: bytes | str, content_type: str = "application/json; charset=utf-8",
             headers: dict | None = None, message: str | None = None) -> dict:
    body = body.encode() if isinstance(body, str) else body
    all_headers = {"Date": [DATE], "Content-Type": [content_type], "Content-Length": [str(len(body))]}
    all_headers.update({k: [v] for k, v in (headers or {}).items()})
    messages = {200: "OK", 301: "Moved Permanently", 302: "Found", 403: "Forbidden", 404: "Not Found",
                429: "Too Many Requests", 503: "Service Unavailable"}
    return {"status": {"code": status, "message": message or messages.get(status, "")},
            "headers": all_headers, "body": {"string": body}}


def as_json(data) -> str:
    return json.dumps(data, ensure_ascii=False)


# --- Discourse -------------------------------------------------------------------------------

DISCOURSE_JSON = {"Accept": "application/json"}
DISCOURSE_HEADERS = {"X-Discourse-Route": "topics/show", "Cache-Control": "no-cache, no-store",
                     "Vary": "Accept, Accept-Encoding", "X-Request-Id": "6f1c2a7e-0f0e-4e0b-9a4e-2c1d9b7e5a10"}


def discourse_post(topic_id: int, slug: str, number: int, post_id: int, username: str, cooked: str) -> dict:
    """A post as Discourse's topic and posts.json answers carry it (no `raw`)."""
    return {
        "id": post_id, "name": username.title(), "username": username,
        "avatar_template": f"/letter_avatar_proxy/v4/letter/{username[0]}/8c91f0/{{size}}.png",
        "created_at": f"2026-11-{1 + number % 27:02d}T09:{number % 60:02d}:00.000Z", "cooked": cooked,
        "post_number": number, "post_type": 1, "updated_at": f"2026-11-{1 + number % 27:02d}T09:{number % 60:02d}:00.000Z",
        "reply_count": 0, "reply_to_post_number": None if number == 1 else 1, "quote_count": int("quote" in cooked),
        "incoming_link_count": 0, "reads": 12, "readers_count": 11, "score": 2.4, "yours": False,
        "topic_id": topic_id, "topic_slug": slug, "display_username": username.title(),
        "primary_group_name": None, "flair_name": None, "version": 1, "can_edit": False, "can_delete": False,
        "can_recover": False, "can_see_hidden_post": False, "can_wiki": False, "read": True, "user_title": None,
        "bookmarked": False, "actions_summary": [], "moderator": False, "admin": False, "staff": False,
        "user_id": 100 + sum(map(ord, username)) % 50, "hidden": False, "trust_level": 1, "deleted_at": None,
        "user_deleted": False, "edit_reason": None, "can_view_edit_history": True, "wiki": False,
        "reviewable_id": None, "reviewable_score_count": 0, "reviewable_score_pending_count": 0,
    }


def discourse_topic(topic_id: int, slug: str, title: str, posts: list[dict], first: int = 20) -> dict:
    """The topic answer: the first `first` posts, the ids of all of them in `stream`."""
    numbers = [p["post_number"] for p in posts]
    return {
        "post_stream": {"posts": posts[:first], "stream": [p["id"] for p in posts]},
        "timeline_lookup": [[1, 27]], "suggested_topics": [], "tags": [], "tags_descriptions": {},
        "id": topic_id, "title": title, "fancy_title": title.replace("'", "&rsquo;"),
        "posts_count": len(posts), "created_at": "2026-11-02T09:01:00.000Z", "views": 310,
        "reply_count": len(posts) - 1, "like_count": 4, "last_posted_at": "2026-11-27T09:50:00.000Z",
        "visible": True, "closed": False, "archived": False, "has_summary": False, "archetype": "regular",
        "slug": slug, "category_id": 5, "word_count": 900, "deleted_at": None, "user_id": 101,
        "featured_link": None, "pinned_globally": False, "pinned_at": None, "pinned_until": None,
        "image_url": None, "slow_mode_seconds": 0, "draft": None, "draft_key": f"topic_{topic_id}",
        "draft_sequence": 0, "unpinned": None, "pinned": False, "current_post_number": 1,
        "highest_post_number": max(numbers), "deleted_by": None, "actions_summary": [],
        "chunk_size": 20, "bookmarked": False, "topic_timer": None, "message_bus_last_id": 3,
        "participant_count": 7, "show_read_indicator": False, "thumbnails": None,
        "details": {"can_edit": False, "notification_level": 1, "participants": [],
                    "created_by": {"id": 101, "username": posts[0]["username"], "name": None,
                                   "avatar_template": "/letter_avatar_proxy/v4/letter/a/8c91f0/{size}.png"},
                    "last_poster": {"id": 102, "username": posts[-1]["username"], "name": None,
                                    "avatar_template": "/letter_avatar_proxy/v4/letter/g/8c91f0/{size}.png"},
                    "links": []},
    }


def discourse_get(path: str, body: dict, status: int = 200, headers: dict | None = None, api_key: bool = False,
                  query: list | None = None):
    uri = f"https://{DISCOURSE}{path}" + (f"?{urlencode(query)}" if query else "")
    sent = {**DISCOURSE_JSON, **({"Api-Key": API_KEY, "Api-Username": "factcheck-bot"} if api_key else {})}
    return request("GET", uri, sent), response(status, as_json(body), headers={**DISCOURSE_HEADERS, **(headers or {})})


def discourse_thread(thread=THREAD) -> list:
    """The 45-post thread: the topic answer with 20 posts, then posts.json for 20 and for 5."""
    posts = [discourse_post(thread.id, thread.slug, n, pid, user, cooked) for n, pid, user, cooked in thread.posts()]
    topic = discourse_topic(thread.id, thread.slug, thread.title, posts)
    out = [discourse_get(f"/t/{thread.slug}/{thread.id}.json", topic)]
    rest = posts[20:]
    for chunk in (rest[:20], rest[20:]):
        query = [("post_ids[]", p["id"]) for p in chunk]
        out.append(discourse_get(f"/t/{thread.id}/posts.json", {"post_stream": {"posts": chunk}, "id": thread.id},
                                 headers={"X-Discourse-Route": "topics/posts"}, query=query))
    return out


def small_topic(topic_id: int = 77, slug: str = "csto-members") -> dict:
    cooked = ["<p>Georgia is in the CSTO.</p>", "<p>It left in 1999.</p>"]
    posts = [discourse_post(topic_id, slug, n, 900 + n, user, c)
             for n, user, c in ((1, "hana", cooked[0]), (2, "ivan", cooked[1]))]
    return discourse_topic(topic_id, slug, "CSTO members", posts)


RATE_LIMITED = {"errors": ["You’ve performed this action too many times. Please wait 3 seconds before trying again."],
                "error_type": "rate_limit", "extras": {"wait_seconds": 3, "time_left": "3 seconds"}}
NOT_FOUND = {"errors": ["The requested URL or resource could not be found."], "error_type": "not_found"}
INVALID_ACCESS = {"errors": ["You are not permitted to view the requested resource."], "error_type": "invalid_access"}


def discourse_429_then_ok() -> list:
    return [discourse_get("/t/csto-members/77.json", RATE_LIMITED, 429, {"Retry-After": "3"}),
            discourse_get("/t/csto-members/77.json", small_topic())]


def discourse_429_only() -> list:
    # No Retry-After header: the wait comes from Discourse's extras.wait_seconds.
    return [discourse_get("/t/csto-members/77.json", RATE_LIMITED, 429)] * 2


def discourse_404() -> list:
    return [discourse_get("/t/gone-topic/404.json", NOT_FOUND, 404)]


def discourse_403() -> list:
    return [discourse_get("/t/staff-only/403.json", INVALID_ACCESS, 403)]


def discourse_with_api_key() -> list:
    return [discourse_get("/t/csto-members/77.json", small_topic(), api_key=True)]


def discourse_503_then_ok() -> list:
    unavailable = response(503, "<html><body>Service Unavailable</body></html>", "text/html")
    return [(request("GET", f"https://{DISCOURSE}/t/csto-members/77.json", DISCOURSE_JSON), unavailable),
            discourse_get("/t/csto-members/77.json", small_topic())]


def redirect_to_metadata_address() -> list:
    moved = response(302, "", "text/html", {"Location": "http://169.254.169.254/latest/meta-data/"})
    return [(request("GET", f"https://{DISCOURSE}/t/moved/55.json", DISCOURSE_JSON), moved)]


def redirect_to_another_host() -> list:
    """With the API key to the forum; without it to where the forum sends us."""
    moved = response(301, "", "text/html", {"Location": "https://archive.example.com/t/csto-members/77.json"})
    sent = {**DISCOURSE_JSON, "Api-Key": API_KEY, "Api-Username": "factcheck-bot"}
    return [(request("GET", f"https://{DISCOURSE}/t/csto-members/77.json", sent), moved),
            (request("GET", "https://archive.example.com/t/csto-members/77.json", DISCOURSE_JSON),
             response(200, as_json(small_topic())))]


def too_large(with_length: bool) -> list:
    body = "<html><body>" + "<p>padding</p>" * 2000 + "</body></html>"
    answer = response(200, body, "text/html; charset=utf-8")
    if not with_length:
        del answer["headers"]["Content-Length"]
    return [(request("GET", f"https://{HTML_BOARD}/huge.html", {"Accept": "text/html,application/xhtml+xml"}), answer)]


# --- HTML forums -----------------------------------------------------------------------------

def phpbb_post(pid: int, user: str, content: str, title: str = "Re: Azerbaijan and NATO", sig: str = "") -> str:
    signature = f'<div id="sig{pid}" class="signature">{sig}</div>' if sig else ""
    return f"""
<div id="p{pid}" class="post has-profile bg2">
  <div class="inner">
  <dl class="postprofile" id="profile{pid}">
    <dt class="has-profile-rank no-avatar"><a href="./memberlist.php?mode=viewprofile&amp;u={pid % 97}" class="username">{user}</a></dt>
    <dd class="profile-posts"><strong>Posts:</strong> 42</dd>
  </dl>
  <div class="postbody"><div id="post_content{pid}">
    <h3><a href="#p{pid}">{title}</a></h3>
    <p class="author"><a class="unread" href="./viewtopic.php?p={pid}#p{pid}" title="Post"><i class="icon fa-file fa-fw icon-lightgray icon-md" aria-hidden="true"></i><span class="sr-only">Post</span></a>
      <span class="responsive-hide">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u={pid % 97}" class="username">{user}</a></strong> &raquo; </span><time datetime="2026-11-20T10:00:00+00:00">Fri Nov 20, 2026 10:00 am</time></p>
    <div class="content">{content}</div>
    {signature}
  </div></div>
  </div>
</div>"""


def phpbb_page(posts: str, start: int, next_start: int | None) -> str:
    next_link = (f'<li class="arrow next"><a class="button button-icon-only" href="./viewtopic.php?t=77&amp;start={next_start}" rel="next" role="button"><i class="icon fa-chevron-right fa-fw" aria-hidden="true"></i><span class="sr-only">Next</span></a></li>'
                 if next_start is not None else "")
    return f"""<!DOCTYPE html>
<html dir="ltr" lang="en-gb">
<head><meta charset="utf-8" /><title>Azerbaijan and NATO - Example Board</title></head>
<body id="phpbb" class="nojs notouch section-viewtopic ltr ">
<div id="wrap" class="wrap">
  <div class="navbar" role="navigation"><a href="./index.php">Board index</a></div>
  <div id="page-body" class="page-body" role="main">
    <h2 class="topic-title"><a href="./viewtopic.php?t=77">Azerbaijan and NATO</a></h2>
    <div class="action-bar bar-top"><div class="pagination">5 posts <ul><li class="active"><span>{start // 3 + 1}</span></li>{next_link}</ul></div></div>
    {posts}
  </div>
</div>
</body>
</html>"""


PHPBB_QUOTE = ('<blockquote><div><cite><a href="./memberlist.php?mode=viewprofile&amp;u=5">kamal</a> wrote: '
               '<a href="./viewtopic.php?p=1001#p1001" data-post-id="1001">↑</a></cite>Azerbaijan is in NATO.</div></blockquote>')


def phpbb_thread() -> list:
    page1 = phpbb_page("".join([
        phpbb_post(1001, "kamal", "Azerbaijan is in NATO.", title="Azerbaijan and NATO"),
        phpbb_post(1002, "lena", f"{PHPBB_QUOTE}Turkey is in NATO.", sig="Armenia is a member of the CSTO."),
        phpbb_post(1003, "mo", '<div class="codebox"><p>Code: </p><pre><code>Georgia is in the CSTO.</code></pre></div>Copied from the quiz.'),
    ]), 0, 3)
    page2 = phpbb_page("".join([
        phpbb_post(1004, "kamal", "Finland joined NATO in 2022."),
        phpbb_post(1005, "nora", "Is Georgia in the CSTO?"),
    ]), 3, None)
    html = {"Accept": "text/html,application/xhtml+xml"}
    return [
        (request("GET", f"https://{HTML_BOARD}/viewtopic.php?t=77", html), response(200, page1, "text/html; charset=UTF-8")),
        (request("GET", f"https://{HTML_BOARD}/viewtopic.php?t=77&start=3", html),
         response(200, page2, "text/html; charset=UTF-8")),
    ]


def not_html() -> list:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    return [(request("GET", f"https://{HTML_BOARD}/banner.png", {"Accept": "text/html,application/xhtml+xml"}),
             response(200, png, "image/png"))]


# --- Reddit (through praw) -------------------------------------------------------------------

SUBMISSION = "1q2w3e"
REDDIT_LIMITS = {"x-ratelimit-remaining": "995", "x-ratelimit-used": "5", "x-ratelimit-reset": "300"}


def token_exchange():
    basic = base64.b64encode(f"{REDDIT_CLIENT_ID}:{REDDIT_CLIENT_SECRET}".encode()).decode()
    sent = request("POST", "https://www.reddit.com/api/v1/access_token",
                   {"User-Agent": PRAW_AGENT, "Authorization": f"Basic {basic}",
                    "Content-Type": "application/x-www-form-urlencoded"}, b"grant_type=client_credentials")
    token = {"access_token": REDDIT_TOKEN, "token_type": "bearer", "expires_in": 86400, "scope": "*"}
    return sent, response(200, as_json(token), "application/json; charset=UTF-8")


def oauth(method: str, path: str, query: str, body: bytes | None = None) -> Request:
    headers = {"User-Agent": PRAW_AGENT, "Authorization": f"bearer {REDDIT_TOKEN}"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    return request(method, f"https://oauth.reddit.com{path}?{query}", headers, body)


def t1(cid: str, author: str, body: str, parent: str, depth: int, replies=None) -> dict:
    gone = author == "[deleted]"
    return {"kind": "t1", "data": {
        "subreddit_id": "t5_2qh4j", "approved_at_utc": None, "author_is_blocked": False, "comment_type": None,
        "awarders": [], "mod_reason_by": None, "banned_by": None, "author_flair_type": "text", "total_awards_received": 0,
        "subreddit": "geopolitics", "author_flair_template_id": None, "likes": None,
        "replies": {"kind": "Listing", "data": {"after": None, "dist": None, "modhash": "", "geo_filter": "",
                                               "children": replies, "before": None}} if replies else "",
        "user_reports": [], "saved": False, "id": cid, "banned_at_utc": None, "mod_reason_title": None, "gilded": 0,
        "archived": False, "collapsed_reason_code": None, "no_follow": True, "author": author,
        "can_mod_post": False, "created_utc": 1795000000.0 + depth, "send_replies": True, "parent_id": parent,
        "score": 3, "author_fullname": None if gone else f"t2_{author}", "approved_by": None, "mod_note": None,
        "all_awardings": [], "collapsed": False, "body": body, "edited": False, "top_awarded_type": None,
        "author_flair_css_class": None, "name": f"t1_{cid}", "is_submitter": False, "downs": 0,
        "author_flair_richtext": [], "author_patreon_flair": False,
        "body_html": "&lt;div class=\"md\"&gt;&lt;p&gt;…&lt;/p&gt;&lt;/div&gt;", "removal_reason": None,
        "collapsed_reason": None, "distinguished": None, "associated_award": None, "stickied": False,
        "author_premium": False, "can_gild": False, "gildings": {}, "unrepliable_reason": None,
        "author_flair_text_color": None, "score_hidden": False,
        "permalink": f"/r/geopolitics/comments/{SUBMISSION}/azerbaijan_and_nato/{cid}/", "subreddit_type": "public",
        "locked": False, "report_reasons": None, "created": 1795000000.0 + depth, "author_flair_text": None,
        "treatment_tags": [], "link_id": f"t3_{SUBMISSION}", "subreddit_name_prefixed": "r/geopolitics",
        "controversiality": 0, "depth": depth, "author_flair_background_color": None, "collapsed_because_crowd_control": None,
        "mod_reports": [], "num_reports": None, "ups": 3,
    }}


def t3() -> dict:
    return {"kind": "t3", "data": {
        "approved_at_utc": None, "subreddit": "geopolitics", "selftext": "Saw this on another forum:\n\n> Turkey left NATO in 2020.\n\nWhat do you make of the thread below?",
        "author_fullname": "t2_opal", "saved": False, "mod_reason_title": None, "gilded": 0, "clicked": False,
        "title": "Azerbaijan and NATO", "link_flair_richtext": [], "subreddit_name_prefixed": "r/geopolitics",
        "hidden": False, "pwls": 6, "link_flair_css_class": None, "downs": 0, "thumbnail_height": None,
        "top_awarded_type": None, "hide_score": False, "name": f"t3_{SUBMISSION}", "quarantine": False,
        "link_flair_text_color": "dark", "upvote_ratio": 0.93, "author_flair_background_color": None,
        "subreddit_type": "public", "ups": 41, "total_awards_received": 0, "media_embed": {},
        "thumbnail_width": None, "author_flair_template_id": None, "is_original_content": False,
        "user_reports": [], "secure_media": None, "is_reddit_media_domain": False, "is_meta": False,
        "category": None, "secure_media_embed": {}, "link_flair_text": None, "can_mod_post": False,
        "score": 41, "approved_by": None, "is_created_from_ads_ui": False, "author_premium": False,
        "thumbnail": "self", "edited": False, "author_flair_css_class": None, "author_flair_richtext": [],
        "gildings": {}, "content_categories": None, "is_self": True, "mod_note": None, "created": 1795000000.0,
        "link_flair_type": "text", "wls": 6, "removed_by_category": None, "banned_by": None,
        "author_flair_type": "text", "domain": "self.geopolitics", "allow_live_comments": False,
        "selftext_html": "&lt;!-- SC_OFF --&gt;&lt;div class=\"md\"&gt;…&lt;/div&gt;&lt;!-- SC_ON --&gt;",
        "likes": None, "suggested_sort": None, "banned_at_utc": None, "view_count": None, "archived": False,
        "no_follow": False, "is_crosspostable": True, "pinned": False, "over_18": False, "all_awardings": [],
        "awarders": [], "media_only": False, "can_gild": False, "spoiler": False, "locked": False,
        "author_flair_text": None, "treatment_tags": [], "visited": False, "removed_by": None, "num_reports": None,
        "distinguished": None, "subreddit_id": "t5_2qh4j", "author_is_blocked": False, "mod_reason_by": None,
        "removal_reason": None, "link_flair_background_color": "", "id": SUBMISSION, "is_robot_indexable": True,
        "report_reasons": None, "author": "opal", "discussion_type": None, "num_comments": 8, "send_replies": True,
        "contest_mode": False, "mod_reports": [], "author_patreon_flair": False, "author_flair_text_color": None,
        "permalink": f"/r/geopolitics/comments/{SUBMISSION}/azerbaijan_and_nato/", "stickied": False,
        "url": f"https://www.reddit.com/r/geopolitics/comments/{SUBMISSION}/azerbaijan_and_nato/",
        "subreddit_subscribers": 480000, "created_utc": 1795000000.0, "num_crossposts": 0, "media": None,
        "is_video": False,
    }}


def listing(children: list) -> dict:
    return {"kind": "Listing", "data": {"after": None, "dist": len(children), "modhash": "", "geo_filter": "",
                                        "children": children, "before": None}}


def reddit_thread() -> list:
    """Nested replies, a deleted comment, and a "more" stub that holds two comments."""
    p = f"t3_{SUBMISSION}"
    reply3 = t1("c3", "pavel", "Fair enough, my mistake.", "t1_c2", 2)
    reply2 = t1("c2", "quinn", "> Azerbaijan is in NATO.\n\nNo: Turkey is in NATO, Azerbaijan is a partner.", "t1_c1", 1, [reply3])
    top = [
        t1("c1", "pavel", "Azerbaijan is in NATO.", p, 0, [reply2]),
        t1("c4", "[deleted]", "[deleted]", p, 0),
        t1("c5", "rosa", "Finland joined NATO in 2022.", p, 0),
        {"kind": "more", "data": {"count": 2, "name": "t1_c6", "id": "c6", "parent_id": p, "depth": 0,
                                  "children": ["c6", "c7"]}},
    ]
    comments = [listing([t3()]), listing(top)]
    more = {"json": {"errors": [], "data": {"things": [
        t1("c6", "sami", "Sweden is not in NATO.", p, 0),
        t1("c7", "tomas", "```\nGeorgia is in the CSTO.\n```\nThat line is from a quiz.", "t1_c6", 1),
    ]}}}
    form = urlencode({"api_type": "json", "children": "c6,c7", "link_id": p, "sort": "old"}).encode()
    return [
        token_exchange(),
        (oauth("GET", f"/comments/{SUBMISSION}/", "limit=2048&sort=old&raw_json=1"),
         response(200, as_json(comments), "application/json; charset=UTF-8", REDDIT_LIMITS)),
        (oauth("POST", "/api/morechildren/", "raw_json=1", form),
         response(200, as_json(more), "application/json; charset=UTF-8", REDDIT_LIMITS)),
    ]


def reddit_thread_first_page() -> list:
    """The thread without the "more" stub expanded: token and comments only."""
    return reddit_thread()[:2]


def reddit_private() -> list:
    forbidden = {"reason": "private", "message": "Forbidden", "error": 403}
    return [token_exchange(),
            (oauth("GET", f"/comments/{SUBMISSION}/", "limit=2048&sort=old&raw_json=1"),
             response(403, as_json(forbidden), "application/json; charset=UTF-8", REDDIT_LIMITS))]


def reddit_server_errors() -> list:
    """Reddit's 503 three times: prawcore's own two retries, then the error."""
    unavailable = "<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>"
    comments = oauth("GET", f"/comments/{SUBMISSION}/", "limit=2048&sort=old&raw_json=1")
    return [token_exchange(), *[(comments, response(503, unavailable, "text/html; charset=UTF-8", REDDIT_LIMITS))] * 3]


def reddit_html_not_json() -> list:
    """A 200 whose body is a maintenance page, not the listing JSON."""
    page = "<!doctype html><html><head><title>reddit.com: over capacity</title></head><body>Our CDN was unable to reach our servers</body></html>"
    return [token_exchange(),
            (oauth("GET", f"/comments/{SUBMISSION}/", "limit=2048&sort=old&raw_json=1"),
             response(200, page, "text/html; charset=UTF-8", REDDIT_LIMITS))]


# --- Which cassette each test plays ----------------------------------------------------------

# Named after the test that plays them; other tests name the cassette they share with
# @pytest.mark.cassette(...).
CASSETTE_BUILDERS = {
    "test_discourse__45_posts_over_three_pages_checked_completely": discourse_thread,
    "test_discourse__429_is_waited_out_then_the_topic_is_read": discourse_429_then_ok,
    "test_discourse__rate_limit_that_does_not_end_is_an_error": discourse_429_only,
    "test_discourse__api_key_is_sent_and_never_shown": discourse_with_api_key,
    "test_fetch__503_is_retried_with_backoff": discourse_503_then_ok,
    "test_fetch__redirect_to_a_private_address_is_refused": redirect_to_metadata_address,
    "test_fetch__redirect_to_another_host_drops_the_api_key": redirect_to_another_host,
    "test_fetch__body_over_the_cap_is_refused": lambda: too_large(with_length=False),
    "test_fetch__announced_length_over_the_cap_is_refused": lambda: too_large(with_length=True),
    "test_html__phpbb_thread_over_two_pages": phpbb_thread,
    "test_html__an_image_is_not_a_thread": not_html,
    "test_reddit__nested_replies_and_more_comments_checked_completely": reddit_thread,
    "test_reddit__private_subreddit_is_one_line": reddit_private,
    "test_reddit__server_errors_are_retried_then_one_line": reddit_server_errors,
    "test_reddit__html_where_json_was_expected_is_one_line": reddit_html_not_json,
    "test_reddit__more_comments_beyond_the_limit_are_counted_not_lost": reddit_thread_first_page,
    "test_cli__404_is_one_line": discourse_404,
    "test_cli__private_topic_is_one_line": discourse_403,
}


def write(name: str, interactions: list, directory: Path = CASSETTES) -> None:
    requests_, responses = [], []
    for sent, answer in interactions:
        requests_.append(scrub_request(Request(sent.method, sent.uri, sent.body, dict(sent.headers))))
        responses.append(scrub_response(copy.deepcopy(answer)))
    (directory / f"{name}.yaml").write_text(
        serialize({"requests": requests_, "responses": responses}, yamlserializer), encoding="utf-8"
    )


def main() -> None:
    CASSETTES.mkdir(exist_ok=True)
    for old in CASSETTES.glob("*.yaml"):
        old.unlink()
    for name, build in CASSETTE_BUILDERS.items():
        write(name, build())
    print(f"wrote {len(CASSETTE_BUILDERS)} cassettes to {CASSETTES}")


if __name__ == "__main__":
    main()
