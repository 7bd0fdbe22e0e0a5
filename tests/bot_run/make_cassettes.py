"""Write the bot tests' cassettes: `python -m tests.bot_run.make_cassettes` from the repository root.

The answers follow real Discourse and Reddit shapes (`GET /posts.json` with `latest_posts`, newest
first, each post with `raw`, `cooked`, `topic_id`, `category_id`; `POST /posts.json` answered by
the new post; praw's password grant, `/r/<sub>/new` and `/r/<sub>/comments` Listings, and
`/api/comment` answered by `{"json": {"errors": [], "data": {"things": [...]}}}`), with content
made for each test. Everything goes through the forum tests' scrubbing hooks on its way to disk.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import urlencode

from bot.posting import marker_for
from tests.bot_run.fakes import BOT, NOW, REDDIT_PASSWORD, SUBMISSION, SUBREDDIT
from tests.bot_run.recording import CASSETTES
from tests.forums.fakes import API_KEY, DISCOURSE, REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, REDDIT_TOKEN
from tests.forums.make_cassettes import (
    PRAW_AGENT,
    REDDIT_LIMITS,
    as_json,
    discourse_get,
    discourse_post,
    discourse_topic,
    listing,
    oauth,
    request,
    response,
    t1,
    t3,
    write,
)

# --- Discourse ---------------------------------------------------------------------------------

TOPICS = {300: ("alliances-in-the-caucasus", "Alliances in the Caucasus", 5), 301: ("nordic-nato", "Nordic NATO", 7)}
# (post id, topic, number, author, cooked, minutes before NOW)
PAGE_A = [
    (5001, 300, 1, "kamal", "<p>Azerbaijan is in NATO.</p>", 50),
    (5002, 300, 2, "lena", "<p>Turkey is in NATO.</p>", 45),
    (5003, 300, 3, "discobot", "<p>Georgia is in the CSTO.</p>", 44),
    (5004, 300, 4, "mo", "<p>Is Georgia in the CSTO?</p>", 40),
    (5005, 301, 1, "nora", "<p>Finland joined NATO in 2022.</p>", 30),
    (5006, 301, 2, BOT, "<p>Thanks for the correction, noted.</p>", 25),
    (5007, 301, 3, "omar", "<p>Armenia is a member of the CSTO.</p>", 20),
    (5008, 301, 4, "pia", "<p>!factcheck optout</p>", 10),
]
PAGE_B = [(5011, 301, 7, "quinn", "<p>Sweden is not in NATO.</p>", 2), (5012, 300, 6, "rosa", "<p>Nice thread.</p>", 1)]
PAGE_C = [(5009, 300, 5, "sami", "<p>Georgia is in the CSTO.</p>", 6), (5010, 301, 6, "tomas", "<p>Agreed.</p>", 4),
          *PAGE_A[-2:]]


def cooked_to_raw(cooked: str) -> str:
    return cooked.replace("<p>", "").replace("</p>", "")


def site_post(post_id: int, topic: int, number: int, user: str, cooked: str, minutes: float) -> dict:
    """A post as `GET /posts.json` carries it: the topic post's keys, plus raw and the topic's."""
    slug, title, category = TOPICS[topic]
    post = discourse_post(topic, slug, number, post_id, user, cooked)
    created = (NOW.timestamp() - minutes * 60)
    stamp = f"{_iso(created)}.000Z"
    post.update({"created_at": stamp, "updated_at": stamp, "raw": cooked_to_raw(cooked), "topic_title": title,
                 "topic_html_title": title, "category_id": category, "post_type": 1,
                 "reply_to_post_number": None if number == 1 else 1, "yours": user == BOT})
    return post


def _iso(timestamp: float) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def latest(rows: list, before: int | None = None):
    """`GET /posts.json`, newest first."""
    posts = [site_post(*row) for row in sorted(rows, key=lambda r: -r[0])]
    return discourse_get("/posts.json", {"latest_posts": posts}, api_key=True,
                         headers={"X-Discourse-Route": "posts/latest"},
                         query=[("before", before)] if before else None)


def created(topic: int, number: int, new_id: int, new_number: int, status: int = 200):
    """`POST /posts.json` and Discourse's answer: the new post (the shape of GET /posts/<id>.json)."""
    sent = {"Accept": "application/json", "Content-Type": "application/json", "Api-Key": API_KEY, "Api-Username": BOT}
    raw = f"> ...\n\n**This is not correct.** ...\n\n*factcheck ref {marker_for(DISCOURSE, str(_post_at(topic, number)))}*"
    body = json.dumps({"topic_id": topic, "raw": raw, "reply_to_post_number": number}).encode()
    if status == 403:
        answer = {"errors": ["You are not permitted to view the requested resource."], "error_type": "invalid_access"}
    else:
        answer = site_post(new_id, topic, new_number, BOT, f"<p>{raw}</p>", 0)
        answer.update({"reply_to_post_number": number, "yours": True, "can_edit": True, "can_delete": True})
    return (request("POST", f"https://{DISCOURSE}/posts.json", sent, body),
            response(status, as_json(answer), headers={"X-Discourse-Route": "posts/create"}))


def _post_at(topic: int, number: int) -> int:
    return next(r[0] for r in [*PAGE_A, *PAGE_B, *PAGE_C] if (r[1], r[2]) == (topic, number))


def topic_answer(topic: int, rows: list):
    slug, title, _ = TOPICS[topic]
    posts = [site_post(*row) for row in rows]
    for p in posts:  # a topic's posts carry no raw
        p.pop("raw"), p.pop("topic_title"), p.pop("topic_html_title")
    return discourse_get(f"/t/{topic}.json", discourse_topic(topic, slug, title, posts), api_key=True)


def bot_reply_row(topic: int, number: int, new_id: int, new_number: int) -> tuple:
    mark = marker_for(DISCOURSE, str(_post_at(topic, number)))
    cooked = (f"<blockquote><p>...</p></blockquote><p><strong>This is not correct.</strong> ...</p>"
              f"<p><em>factcheck ref {mark}</em></p>")
    return (new_id, topic, new_number, BOT, cooked, 1)


def forbidden(path: str):
    body = {"errors": ["You are not permitted to view the requested resource."], "error_type": "invalid_access"}
    return discourse_get(path, body, 403, api_key=True)


# --- Reddit --------------------------------------------------------------------------------------

REDDIT_NOW = NOW.timestamp()


def password_grant():
    basic = base64.b64encode(f"{REDDIT_CLIENT_ID}:{REDDIT_CLIENT_SECRET}".encode()).decode()
    form = urlencode({"grant_type": "password", "password": REDDIT_PASSWORD, "username": BOT}).encode()
    sent = request("POST", "https://www.reddit.com/api/v1/access_token",
                   {"User-Agent": PRAW_AGENT, "Authorization": f"Basic {basic}",
                    "Content-Type": "application/x-www-form-urlencoded"}, form)
    token = {"access_token": REDDIT_TOKEN, "token_type": "bearer", "expires_in": 86400, "scope": "*"}
    return sent, response(200, as_json(token), "application/json; charset=UTF-8")


def comment(cid: str, author: str, body: str, minutes: float, parent: str = f"t3_{SUBMISSION}") -> dict:
    thing = t1(cid, author, body, parent, 0 if parent.startswith("t3_") else 1)
    data = thing["data"]
    data.update({"created_utc": REDDIT_NOW - minutes * 60, "created": REDDIT_NOW - minutes * 60,
                 "link_title": "Azerbaijan and NATO", "link_author": "opal", "link_permalink":
                 f"https://www.reddit.com/r/{SUBREDDIT}/comments/{SUBMISSION}/azerbaijan_and_nato/",
                 "num_comments": 6, "over_18": False, "quarantine": False})
    return thing


COMMENTS = [
    ("c1", "pavel", "Azerbaijan is in NATO.", 40),
    ("c2", "AutoModerator", "Georgia is in the CSTO.", 35),
    ("c3", "quinn", "Sweden is not in NATO.", 30),
    ("c4", BOT, "Thanks, noted.", 20),
    ("c5", "rosa", "!factcheck optout", 10),
]


def submission() -> dict:
    thing = t3()
    thing["data"].update({"created_utc": REDDIT_NOW - 50 * 60, "created": REDDIT_NOW - 50 * 60})
    return thing


def subreddit_new():
    return (oauth("GET", f"/r/{SUBREDDIT}/new", "limit=100&raw_json=1"),
            response(200, as_json(listing([submission()])), "application/json; charset=UTF-8", REDDIT_LIMITS))


def subreddit_comments(extra: list | None = None):
    things = [comment(*row) for row in reversed(COMMENTS)]
    return (oauth("GET", f"/r/{SUBREDDIT}/comments/", "limit=100&raw_json=1"),
            response(200, as_json(listing([*(extra or []), *things])), "application/json; charset=UTF-8", REDDIT_LIMITS))


def reddit_reply(thing_id: str, new_id: str, status: int = 200):
    text = f"> ...\n\n**This is not correct.** ...\n\n*factcheck ref {marker_for('r/' + SUBREDDIT, thing_id)}*"
    form = urlencode({"api_type": "json", "text": text, "thing_id": thing_id}).encode()
    made = comment(new_id, BOT, text, 0, parent=thing_id)
    answer = {"json": {"errors": [], "data": {"things": [made]}}}
    return (oauth("POST", "/api/comment/", "raw_json=1", form),
            response(status, as_json(answer), "application/json; charset=UTF-8", REDDIT_LIMITS))


def reddit_thread_with_reply(thing_id: str, new_id: str):
    mark = marker_for(f"r/{SUBREDDIT}", thing_id)
    text = f"> Azerbaijan is in NATO.\n\n**This is not correct.** ...\n\n*factcheck ref {mark}*"
    reply = comment(new_id, BOT, text, 1, parent=thing_id)
    reply["data"]["depth"] = 1
    top = [comment(*row) for row in COMMENTS]
    top[0]["data"]["replies"] = listing([reply])
    return (oauth("GET", f"/comments/{SUBMISSION}/", "limit=2048&sort=new&raw_json=1"),
            response(200, as_json([listing([submission()]), listing(top)]), "application/json; charset=UTF-8",
                     REDDIT_LIMITS))


def reddit_forbidden_listing():
    forbidden_ = {"reason": "banned", "message": "Forbidden", "error": 403}
    return (oauth("GET", f"/r/{SUBREDDIT}/new", "limit=100&raw_json=1"),
            response(403, as_json(forbidden_), "application/json; charset=UTF-8", REDDIT_LIMITS))


# --- Which cassette each test plays ---------------------------------------------------------

ONLY_KAMAL = [PAGE_A[0]]
AFTER_CRASH = [bot_reply_row(300, 1, 5009, 5), PAGE_A[0]]

CASSETTE_BUILDERS = {
    "test_run__dry_run_drafts_and_posts_nothing": lambda: [latest(PAGE_A)],
    "test_run__auto_posts_confident_corrections_only": lambda: [
        latest(PAGE_A), created(300, 1, 5013, 5), created(301, 1, 5014, 5)],
    "test_run__second_poll_reads_only_new_posts_paging_back": lambda: [
        latest(PAGE_A), latest(PAGE_B), latest(PAGE_C, before=5011)],
    "test_run__403_when_posting_stops_the_source": lambda: [latest(PAGE_A), created(300, 1, 0, 0, status=403)],
    "test_run__403_stops_that_source_only": lambda: [
        forbidden("/posts.json"), password_grant(), subreddit_new(), subreddit_comments()],
    "test_run__reddit_dry_run": lambda: [password_grant(), subreddit_new(), subreddit_comments()],
    "test_run__reddit_auto_posts_one_reply_per_thread": lambda: [
        password_grant(), subreddit_new(), subreddit_comments(), reddit_reply("t1_c1", "c9")],
    "test_run__reddit_banned_subreddit_is_stopped": lambda: [password_grant(), reddit_forbidden_listing()],
    "test_review__approve_posts_the_draft_once": lambda: [latest(PAGE_A), created(300, 1, 5013, 5)],
    # The crash tests: what the killed process plays, then what the restarted one plays.
    "crash__killed_after_posting": lambda: [latest(ONLY_KAMAL), created(300, 1, 5009, 5)],
    "crash__killed_before_posting": lambda: [latest(ONLY_KAMAL)],
    "crash__killed_mid_round": lambda: [latest(PAGE_A)],
    "test_crash__killed_mid_round_nothing_is_lost_or_done_twice": lambda: [latest(PAGE_A)],
    "test_crash__killed_after_posting_the_reply_is_found_not_posted_again": lambda: [
        topic_answer(300, [PAGE_A[0], bot_reply_row(300, 1, 5009, 5)]), latest(AFTER_CRASH)],
    "test_crash__killed_before_posting_the_reply_is_posted_once": lambda: [
        topic_answer(300, [PAGE_A[0]]), created(300, 1, 5009, 5), latest(AFTER_CRASH)],
    "test_crash__reddit_reply_found_in_the_thread_is_not_posted_again": lambda: [
        password_grant(), subreddit_new(), subreddit_comments(), reddit_reply("t1_c1", "c9"),
        password_grant(), reddit_thread_with_reply("t1_c1", "c9"), subreddit_new(), subreddit_comments()],
    "test_bot_cli__run_once_in_dry_run": lambda: [latest(PAGE_A)],
}


def main() -> None:
    CASSETTES.mkdir(exist_ok=True)
    for old in CASSETTES.glob("*.yaml"):
        old.unlink()
    for name, build in CASSETTE_BUILDERS.items():
        write(name, build(), CASSETTES)
    print(f"wrote {len(CASSETTE_BUILDERS)} cassettes to {CASSETTES}")


if __name__ == "__main__":
    main()
