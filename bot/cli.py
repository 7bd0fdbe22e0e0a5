"""The `factcheck` command. The only place that turns errors into messages and exit codes."""

from __future__ import annotations

import argparse
import functools
import importlib
import sqlite3
import sys

from bot.config import Settings, load_settings
from bot.formats import FORMATS

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

DESCRIPTION = """\
Fact-check claims about military alliances and defence treaties.

examples:
  factcheck "Azerbaijan is in NATO"
  echo "Sweden is not in NATO" | factcheck -
  factcheck --format json "Finland joined NATO in 2022."
  factcheck --url https://forum.example.org/t/some-topic/1234
  factcheck scan posts.jsonl -o checked.jsonl
  factcheck kb show AZE
  factcheck bot run --once --config config.toml

commands:
  TEXT | -            check text given as an argument, or read from standard input
  --url URL           check every post of a thread: Discourse, Reddit, phpBB, vBulletin, XenForo, ...
  scan IN [-o OUT]    check a JSONL file of {"id": ..., "text": ...}, one result per line
  eval DATASET        precision, recall and verdict accuracy on a labelled JSONL set
  kb validate|show|stats|export
                      the knowledge base: check it, show a state, count it, export it as JSON
  bot run [--once] | bot status | bot resume SOURCE
                      the forum bot: poll sources, draft or post replies; what it has done
  review list|show|approve|reject|edit
                      the moderators' queue of drafted replies
"""


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr, not a usage dump."""

    def error(self, message: str):
        raise UsageError(message)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--config", metavar="PATH", help="config file (else $FACTCHECK_CONFIG, else ./factcheck.toml)")
    parser.add_argument("--explain", action="store_true", help="say how each claim was found and decided")


def _check_parser() -> _Parser:
    parser = _Parser(prog="factcheck", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text", nargs="?", help='the text to check, or "-" to read standard input')
    parser.add_argument("--url", help="check every post of the forum thread at URL")
    _common(parser)
    parser.add_argument("--version", action="version", version=f"factcheck {_version()}")
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")
    except PackageNotFoundError:
        return "unknown"


# Each command's module, imported only when its command runs: the bot's and the review queue's
# bring praw and requests (0.15 s), which `factcheck "text"` never needs (issue 8's cold start).
COMMANDS = {
    "scan": "bot.scan",
    "eval": "bot.evaluate",
    "kb": "bot.kb_commands",
    "bot": "bot.bot_commands",
    "review": "bot.review",
}

# The errors that are the user's to fix, reported in one line, by the module that defines them.
USER_ERRORS = {
    "bot.config": "ConfigError",
    "knowledge.errors": "KnowledgeError",
    "claims.errors": "ClaimsError",
    "bot.scan": "ScanError",
    "bot.evaluate": "DatasetError",
    "bot.forums.errors": "ForumError",
    "bot.store": "BotError",
}


def _user_errors() -> tuple[type[Exception], ...]:
    """USER_ERRORS of the modules this run imported: one it never imported raised nothing."""
    return tuple(getattr(sys.modules[module], name) for module, name in USER_ERRORS.items() if module in sys.modules)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(argv)
    except UsageError as exc:
        print(f"factcheck: error: {exc} (see factcheck --help)", file=sys.stderr)
        return EXIT_USAGE
    except _user_errors() as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except sqlite3.Error as exc:
        print(f"factcheck: error: the store ([store] path): {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _dispatch(argv: list[str]) -> int:
    command = next((a for a in argv if not a.startswith("-") or a == "-"), None)
    if command in COMMANDS and command != "-":
        parser = _Parser(prog=f"factcheck {command}", formatter_class=argparse.RawDescriptionHelpFormatter)
        _common(parser)
        importlib.import_module(COMMANDS[command]).add_arguments(parser)
        argv.remove(command)
        args = parser.parse_args(argv)
        return args.run(args, load_settings(args.config))
    args = _check_parser().parse_args(argv)
    if args.url is not None:
        return _check_url(args)
    if args.text is None:
        raise UsageError("give the text to check, or - to read it from standard input")
    text = _read_stdin() if args.text == "-" else args.text
    settings = load_settings(args.config)
    checker = build_checker(settings)
    result = checker.check(text)
    from bot.output import render

    out = render(result, checker.kb, args.format, explain=args.explain, options=checker.reply_options)
    if out:
        print(out)
    return EXIT_OK


def _check_url(args) -> int:
    if args.text is not None:
        raise UsageError("give either TEXT or --url URL, not both")
    from bot import threads

    settings = load_settings(args.config)
    out, note = threads.check_url(args.url, settings, build_checker(settings), args.format, args.explain)
    if note:
        print(f"factcheck: note: {note}", file=sys.stderr)
    if out:
        print(out)
    return EXIT_OK


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    return data.decode("utf-8", errors="replace")


def build_checker(settings: Settings):
    return _checker(settings.nlp.model, settings.reply.footer, settings.nlp.max_chars)


@functools.lru_cache(maxsize=4)
def _checker(model: str, footer: str | None, max_chars: int = 20_000):
    """One checker per setting, so that a process (tests, the bot) loads spaCy once."""
    from bot.check import Checker
    from bot.reply import ReplyOptions
    from claims.pipeline import ClaimExtractor
    from knowledge.loader import load

    kb = load()
    return Checker(kb, ClaimExtractor(kb, model=model), ReplyOptions(footer=footer), max_chars=max_chars)


if __name__ == "__main__":
    sys.exit(main())
