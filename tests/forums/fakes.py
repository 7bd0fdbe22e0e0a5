"""What the forum tests and their cassettes share: test hosts, fake DNS, fake credentials, and the
content of the 45-post Discourse thread."""

from __future__ import annotations

import socket
from dataclasses import dataclass

DISCOURSE = "forum.example.org"
HTML_BOARD = "board.example.net"

# Fake credentials: the tests set them, and no cassette may contain them.
API_KEY = "d1sc0urse-test-key-5f2b9c7e41a8"
REDDIT_CLIENT_ID = "reddit-test-client-id-8d3f"
REDDIT_CLIENT_SECRET = "reddit-test-client-secret-c41e9a"
REDDIT_TOKEN = "reddit-test-access-token-77aa01"
SECRETS = (API_KEY, REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, REDDIT_TOKEN)

PUBLIC_ADDRESS = "93.184.215.14"
DNS = {
    DISCOURSE: [PUBLIC_ADDRESS],
    HTML_BOARD: ["2606:2800:21f:cb07:6820:80da:af6b:8b2c", PUBLIC_ADDRESS],
    "archive.example.com": ["93.184.215.15"],
    "www.reddit.com": ["151.101.1.140"],
    "oauth.reddit.com": ["151.101.65.140"],
    "intranet.example.org": ["10.20.30.40"],
    "mixed.example.org": [PUBLIC_ADDRESS, "192.168.1.20"],
    "metadata.example.org": ["169.254.169.254"],
    "mapped.example.org": ["::ffff:127.0.0.1"],
}


def fake_resolve(host: str, port: int) -> list[str]:
    """DNS for the tests: a table, and addresses as themselves."""
    if host in DNS:
        return DNS[host]
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in host else socket.AF_INET, host)
        return [host]
    except OSError:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known") from None


@dataclass(frozen=True)
class DiscourseThread:
    """45 posts numbered 1-50: five numbers are gone (deleted posts), as on a real forum."""

    id: int = 1234
    slug: str = "is-azerbaijan-in-nato"
    title: str = "Is Azerbaijan in NATO?"
    gaps: tuple[int, ...] = (7, 13, 22, 31, 40)

    # Posts with something to check, or something that must not be checked, by number.
    SPECIAL = {
        1: ("alice", "<p>Azerbaijan is in NATO, everyone knows that.</p>"),
        3: ("bob", '<aside class="quote no-group" data-username="alice" data-post="1" data-topic="1234">\n'
                   '<div class="title">\n<div class="quote-controls"></div>\n'
                   '<img loading="lazy" alt="" width="24" height="24" src="/letter_avatar_proxy/v4/letter/a/8c91f0/48.png" class="avatar"> alice:</div>\n'
                   "<blockquote>\n<p>Azerbaijan is in NATO, everyone knows that.</p>\n</blockquote>\n</aside>\n"
                   "<p>Turkey is in NATO.</p>"),
        8: ("carol", '<aside class="onebox allowlistedgeneric" data-onebox-src="https://news.example.com/sweden-nato">\n'
                     '<header class="source"><a href="https://news.example.com/sweden-nato" target="_blank" rel="noopener">news.example.com</a></header>\n'
                     '<article class="onebox-body"><h3><a href="https://news.example.com/sweden-nato" target="_blank" rel="noopener">Sweden is not in NATO</a></h3>\n'
                     "<p>Sweden is not in NATO, the columnist insists.</p></article>\n"
                     '<div style="clear: both"></div></aside>\n<p>Interesting article.</p>'),
        14: ("dave", '<p>From the old quiz file:</p>\n<pre><code class="lang-auto">Georgia is in the CSTO.\n</code></pre>'),
        23: ("erin", "<p>Finland joined NATO in 2022.</p>"),
        30: ("frank", "<p>Is Georgia in the CSTO?</p>"),
        38: ("alice", "<blockquote>\n<p>Armenia is a member of the CSTO.</p>\n</blockquote>\n<p>Source?</p>"),
        50: ("grace", "<p>Georgia is in the CSTO.</p>"),
    }
    CHATTER = ("<p>I agree with the last point.</p>", "<p>Thanks for the links, reading now.</p>",
               "<p>Let&rsquo;s keep this civil, please.</p>", "<p>The Caucasus is complicated.</p>",
               "<p>Good summary <img src=\"/images/emoji/twitter/+1.png?v=12\" title=\":+1:\" class=\"emoji\" alt=\":+1:\"></p>")
    USERS = ("hana", "ivan", "jules", "kofi", "lin", "mara")

    @property
    def numbers(self) -> list[int]:
        return [n for n in range(1, 51) if n not in self.gaps]

    def post_id(self, number: int) -> int:
        return 8000 + number * 3  # ids are not numbers, and grow by more than one

    def posts(self):
        for i, n in enumerate(self.numbers):
            user, cooked = self.SPECIAL.get(n, (self.USERS[i % len(self.USERS)], self.CHATTER[i % len(self.CHATTER)]))
            yield n, self.post_id(n), user, cooked


THREAD = DiscourseThread()
