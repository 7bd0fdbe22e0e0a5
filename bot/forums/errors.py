"""What can go wrong when a thread is fetched. Each error builds its own one-line message;
only the CLI turns it into output and an exit code.

Messages name the page and what to do, never a header, a key or a token."""

from __future__ import annotations


class ForumError(Exception):
    """Root of every error raised while fetching a thread."""


class UnsupportedURL(ForumError):
    def __init__(self, url: str, why: str):
        super().__init__(f"cannot fetch {url!r}: {why}")


class BlockedAddress(ForumError):
    def __init__(self, host: str, address: str):
        super().__init__(
            f"refused to connect to {host} ({address}): a loopback, private, link-local or reserved "
            f"address; list the host in [fetch] allow_private_hosts to allow it"
        )


class NotFound(ForumError):
    def __init__(self, url: str):
        super().__init__(f"{url} was not found (404): deleted, moved, or mistyped")


class AccessDenied(ForumError):
    def __init__(self, url: str, status: int, hint: str = ""):
        hint = hint or "a private topic or forum?"
        super().__init__(f"{url}: access denied ({status}): {hint}")


class RateLimited(ForumError):
    def __init__(self, host: str, wait_s: float | None):
        after = f"; the server asks to wait {wait_s:.0f} s" if wait_s is not None else ""
        super().__init__(f"{host} is rate-limiting us (429) and retries ran out{after}")


class FetchTimeout(ForumError):
    def __init__(self, url: str, seconds: float):
        super().__init__(f"{url} did not answer within {seconds:g} s ([fetch] timeout_s)")


class TooLarge(ForumError):
    def __init__(self, url: str, max_bytes: int):
        super().__init__(f"{url} is larger than {max_bytes} bytes ([fetch] max_bytes)")


class NotAThread(ForumError):
    def __init__(self, url: str, why: str):
        super().__init__(f"{url} is not a forum thread: {why}")


class FetchFailed(ForumError):
    def __init__(self, url: str, why: str):
        super().__init__(f"fetching {url} failed: {why}")


class CredentialsMissing(ForumError):
    """A setting the forum needs is given nowhere; the message names every place it may come from."""
