"""A checked post and what its forum says about it, for outputs that cover a whole thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.check import CheckResult


@dataclass(frozen=True)
class CheckedPost:
    """One post of a thread (or the one text of the command line) with its check result.

    Claim offsets (`Claim.start`, `Claim.end`) are offsets in `result.text`, the text as checked.
    """

    result: CheckResult
    number: int | None = None  # the post's place in its thread
    author: str | None = None
    url: str | None = None  # the post's permalink
    review_url: str | None = None  # where the bot's reply to it is published, once it is

    @property
    def text(self) -> str:
        return self.result.text
