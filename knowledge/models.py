"""The knowledge base's vocabulary and data models.

Everything the project says about the world is one of these: a state, an organisation or
programme, a treaty, and facts that relate them, each fact dated and sourced. The enums are
the contract of DESIGN.md: tests, evaluation and output use these exact words.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Relation(StrEnum):
    MEMBER_OF = "member_of"
    PARTNER_OF = "partner_of"
    CANDIDATE_FOR = "candidate_for"
    DEFENSE_PACT = "defense_pact"
    DEFENSE_COOPERATION = "defense_cooperation"

    @property
    def symmetric(self) -> bool:
        return self in (Relation.DEFENSE_PACT, Relation.DEFENSE_COOPERATION)


class Status(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"  # left, expired, terminated, dissolved
    FROZEN = "frozen"  # participation or talks frozen, membership kept
    SUSPENDED = "suspended"  # membership or obligations suspended


class Verdict(StrEnum):
    TRUE = "true"
    FALSE = "false"
    MISLEADING = "misleading"
    OUTDATED = "outdated"
    UNVERIFIABLE = "unverifiable"


class Modality(StrEnum):
    ASSERTION = "assertion"
    QUESTION = "question"
    HYPOTHETICAL = "hypothetical"
    REPORTED = "reported"


class Tense(StrEnum):
    PRESENT = "present"
    PAST = "past"


_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class PartialDate(str):
    """A date known to the year, the month or the day: "1994", "2024-02", "2023-04-04".

    Sources often give only a year; we never invent the day. For comparisons a partial date
    stands for the first day of its period.
    """

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        from pydantic_core import core_schema

        def validate(value: object) -> PartialDate:
            if isinstance(value, dt.date):
                value = value.isoformat()
            if not isinstance(value, str) or not _PARTIAL_DATE.match(value):
                raise ValueError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
            PartialDate(value).as_date()  # rejects 2023-02-30
            return PartialDate(value)

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @property
    def year(self) -> int:
        return int(self[:4])

    def as_date(self) -> dt.date:
        parts = [int(p) for p in self.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    def readable(self) -> str:
        """'4 April 2023', 'February 2024' or '1994', as a careful writer would put it."""
        d = self.as_date()
        if len(self) == 4:
            return str(d.year)
        if len(self) == 7:
            return d.strftime("%B %Y")
        return f"{d.day} {d.strftime('%B %Y')}"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    title: str = Field(description="Title of the page or document, as it names itself")
    url: str = Field(description="Where a reader checks the fact; https preferred")
    quote: str | None = Field(
        default=None, description="The passage of the page that supports the fact, as read"
    )
    secondary: bool = Field(
        default=False, description="True when no official page was found and this is a secondary source"
    )

    @field_validator("url")
    @classmethod
    def _url_is_web_address(cls, url: str) -> str:
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", url):
            raise ValueError(f"{url!r} is not a web address: a source url starts with https://")
        return url


class State(_Strict):
    id: str = Field(description="ISO 3166-1 alpha-3 (Kosovo XKX); historic states by ISO 3166-3")
    name: str = Field(description="Short name used in replies, e.g. 'Azerbaijan'")
    aliases: tuple[str, ...] = Field(default=(), description="Other names matched case-insensitively")
    exact_aliases: tuple[str, ...] = Field(
        default=(),
        description="Names that are also ordinary words ('Turkey', 'Chad', 'US'): matched only "
        "as written (and in capitals), never lower-cased",
    )
    demonyms: tuple[str, ...] = Field(default=(), description="Adjectives: 'Azerbaijani', 'Turkish'")
    capitals: tuple[str, ...] = Field(default=(), description="Capitals used to mean the government")
    not_near: tuple[str, ...] = Field(
        default=(), description="Phrases that, in the same sentence, show the name means something else ('Atlanta')"
    )
    status: str = Field(default="UN member", description="'UN member', 'UN observer state', 'partially recognised', 'historic'")
    un_member_since: int | None = Field(default=None, description="Year of admission to the UN")
    historic: bool = Field(default=False, description="A state that no longer exists")


class Group(_Strict):
    """A name for several states at once ("the Baltic states"): a claim about the group is a
    claim about each member. Geography, not a fact we publish, so it carries no source."""

    id: str
    names: tuple[str, ...] = Field(description="Matched case-insensitively")
    members: tuple[str, ...] = Field(min_length=2, description="State ids")


class Organisation(_Strict):
    id: str = Field(description="Short lowercase id, e.g. 'nato', 'pfp'")
    name: str = Field(description="Full name")
    short_name: str = Field(description="Name used in replies, e.g. 'NATO'")
    aliases: tuple[str, ...] = Field(default=(), description="Other names, matched as written")
    kind: str = Field(description="military_alliance, partnership_programme, political_union, ...")
    mutual_defence: bool = Field(description="Whether members owe each other defence")
    parent: str | None = Field(default=None, description="The organisation a programme belongs to")
    complete: tuple[Relation, ...] = Field(
        default=(),
        description="Relations for which the base lists every state: only these allow "
        "'not listed, so false' (closed-world) reasoning",
    )
    founded: PartialDate | None = None
    dissolved: PartialDate | None = None
    description: str = Field(description="One checkable sentence")
    comment: str | None = Field(default=None, description="For curators, never shown in replies")
    sources: tuple[Source, ...] = Field(min_length=1)

    @property
    def default_relation(self) -> Relation:
        """What 'X is in <this>' means: membership of an alliance, partnership of a programme."""
        return Relation.PARTNER_OF if self.kind in PARTNERSHIP_KINDS else Relation.MEMBER_OF


PARTNERSHIP_KINDS = frozenset({"partnership_programme", "designation"})


class Treaty(_Strict):
    id: str
    name: str = Field(description="Full official name")
    short_name: str | None = Field(default=None, description="Name used in replies, e.g. 'Shusha Declaration'")
    aliases: tuple[str, ...] = ()
    parties: tuple[str, ...] = Field(min_length=2, description="State ids")
    relation: Relation = Field(description="defense_pact or defense_cooperation")
    signed: PartialDate | None = None
    in_force: PartialDate | None = None
    end: PartialDate | None = None
    status: Status = Status.ACTIVE
    description: str
    comment: str | None = Field(default=None, description="For curators, never shown in replies")
    sources: tuple[Source, ...] = Field(min_length=1)


class Fact(_Strict):
    id: str = Field(description="Unique id, e.g. 'AZE-partner_of-pfp'")
    subject: str = Field(description="A state id")
    relation: Relation
    object: str = Field(description="An organisation id or, for pacts, a state id")
    start: PartialDate | None = None
    end: PartialDate | None = None
    status: Status = Status.ACTIVE
    note: str | None = Field(default=None, description="A short sentence a reply may quote")
    comment: str | None = Field(
        default=None, description="For curators: how the fact was checked, doubts, conflicting dates"
    )
    via: str | None = Field(default=None, description="The treaty that makes the fact, if any")
    disputed: bool = Field(
        default=False,
        description="Sources disagree on whether the relation holds: the bot stays silent on it",
    )
    sources: tuple[Source, ...] = Field(min_length=1, description="At least one source")
    verified: dt.date = Field(description="The day someone read the sources and checked the fact")
    review_by: dt.date = Field(description="After this day the fact must be checked again")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Fact:
        if self.start and self.end and self.end.as_date() < self.start.as_date():
            raise ValueError(f"fact {self.id}: end {self.end} is before start {self.start}")
        if self.end and self.status is Status.ACTIVE:
            raise ValueError(f"fact {self.id}: has an end date, so its status cannot be 'active'")
        if self.review_by < self.verified:
            raise ValueError(f"fact {self.id}: review_by is before the verified date")
        return self

    def holds_on(self, day: dt.date) -> bool:
        """True when the relation existed on that day (frozen and suspended still count)."""
        if self.start and self.start.as_date() > day:
            return False
        if self.status is Status.ENDED and not self.end:
            return False  # ended on a day no source gives: known only to be over
        return not (self.end and self.end.as_date() <= day)


class Statement(_Strict):
    """What a claim says, stripped of how it was said: the unit the judge decides."""

    subject: str
    relation: Relation
    object: str
    negated: bool = False
    year: int | None = Field(default=None, description="A year the claim names ('joined in 2023')")
    tense: Tense = Tense.PRESENT
    event: bool = Field(default=False, description="The claim is about joining, not being")
    left: bool = Field(default=False, description="The claim is that a membership ended ('left the CSTO')")
    founding: bool = Field(default=False, description="The claim is of a founding membership ('a founding member')")
    returned: bool = Field(default=False, description="The claim is of a return ('rejoined', 'was readmitted')")
