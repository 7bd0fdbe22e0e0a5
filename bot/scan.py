"""`factcheck scan IN.jsonl [-o OUT.jsonl]`: one JSON result per input line, in order.

A malformed line is reported on stderr with its line number, and its place in the output holds
an error object, so that output line N always answers input line N and nothing is lost.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.output import to_contract

EXAMPLE = """\
example:
  factcheck scan posts.jsonl -o checked.jsonl
  each input line: {"id": "p1", "text": "Azerbaijan is in NATO"}
"""


class ScanError(Exception):
    pass


def add_arguments(parser) -> None:
    parser.description = "Check a JSONL file of forum posts, one result per line."
    parser.epilog = EXAMPLE
    parser.add_argument("input", help='JSONL file, one {"id": ..., "text": ...} per line ("-" for stdin)')
    parser.add_argument("-o", "--output", help="write results here instead of standard output")
    parser.set_defaults(run=run)


def run(args, settings) -> int:
    from bot.cli import build_checker

    lines = _read_lines(args.input)
    checker = build_checker(settings)
    failures = 0
    with _open_output(args.output) as out:
        for number, line in _progress(lines):
            record, problem = parse_line(line)
            if problem:
                failures += 1
                print(f"factcheck: {args.input}: line {number}: {problem}", file=sys.stderr)
                out.write(json.dumps({"id": None, "line": number, "error": problem}) + "\n")
                continue
            result = checker.check(record["text"], id=record["id"])
            out.write(json.dumps(to_contract(result, checker.kb), ensure_ascii=False) + "\n")
    if failures:
        print(f"factcheck: {failures} malformed line(s) in {args.input}; the others were checked", file=sys.stderr)
        return 1
    return 0


def parse_line(line: str) -> tuple[dict | None, str | None]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(record, dict):
        return None, "not a JSON object: expected {\"id\": ..., \"text\": ...}"
    text = record.get("text")
    if not isinstance(text, str):
        return None, "no \"text\" string"
    identifier = record.get("id")
    if identifier is not None and not isinstance(identifier, (str, int)):
        return None, "\"id\" must be a string or a number"
    return {"id": identifier, "text": text}, None


def _read_lines(path: str) -> list[tuple[int, str]]:
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise ScanError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ScanError(f"{path}: is a directory, not a JSONL file") from None
    except OSError as exc:
        raise ScanError(f"{path}: cannot read ({exc.strerror})") from None
    text = raw.decode("utf-8", errors="replace")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    return [(n, line.rstrip("\r")) for n, line in enumerate(lines, start=1)]


def _progress(lines):
    if sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(lines, unit="post", file=sys.stderr)
    return lines


class _open_output:
    def __init__(self, path: str | None):
        self.path = path

    def __enter__(self):
        if self.path is None:
            self.handle = sys.stdout
        else:
            try:
                self.handle = open(self.path, "w", encoding="utf-8")
            except OSError as exc:
                raise ScanError(f"{self.path}: cannot write ({exc.strerror})") from None
        return self.handle

    def __exit__(self, *exc):
        if self.path is not None:
            self.handle.close()
        else:
            self.handle.flush()
