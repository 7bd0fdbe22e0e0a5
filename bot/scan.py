"""`factcheck scan IN.jsonl [-o OUT.jsonl] [--jobs N]`: one JSON result per input line, in order.

A malformed line is reported on stderr with its line number, and its place in the output holds
an error object, so that output line N always answers input line N and nothing is lost.

Lines are read and written as they go, so memory does not grow with the archive. With
`--jobs N`, N worker processes check blocks of lines while this process reads, and writes the
answers back in input order: the output is byte for byte that of `--jobs 1`. The workers are
forked after the knowledge base and the spaCy pipeline are loaded, so they start at once and
share those pages.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import islice

from bot.output import to_contract

EXAMPLE = """\
examples:
  factcheck scan posts.jsonl -o checked.jsonl
  factcheck scan posts.jsonl -o checked.jsonl --jobs 4     four processes, same output
  each input line: {"id": "p1", "text": "Azerbaijan is in NATO"}
"""
BLOCK = 256  # lines a worker checks per task: large enough that passing them costs little

Line = tuple[int, str]  # (line number, text of the line)
Answer = tuple[int, str, str | None]  # (line number, output line, what is wrong with the input line)


class ScanError(Exception):
    pass


def add_arguments(parser) -> None:
    parser.description = "Check a JSONL file of forum posts, one result per line."
    parser.epilog = EXAMPLE
    parser.add_argument("input", help='JSONL file, one {"id": ..., "text": ...} per line ("-" for stdin)')
    parser.add_argument("-o", "--output", help="write results here instead of standard output")
    parser.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N",
        help="check with N processes (default 1; 0: one per CPU); the output is the same",
    )
    parser.set_defaults(run=run)


def run(args, settings) -> int:
    from bot.cli import build_checker

    failures = 0
    with _open_input(args.input) as lines, _open_output(args.output) as out:
        checker = build_checker(settings)
        answers = _in_parallel(lines, settings, args.jobs) if args.jobs > 1 else _in_turn(lines, checker)
        for number, output, problem in _progress(answers, args.input):
            if problem:
                failures += 1
                print(f"factcheck: {args.input}: line {number}: {problem}", file=sys.stderr)
            out.write(output)
    if failures:
        print(f"factcheck: {failures} malformed line(s) in {args.input}; the others were checked", file=sys.stderr)
        return 1
    return 0


def answer(checker, number: int, record: dict | None, problem: str | None) -> tuple[str, str | None]:
    """The output line for one input line, read by parse_line(), and what is wrong with it."""
    if problem:
        return json.dumps({"id": None, "line": number, "error": problem}) + "\n", problem
    result = checker.check(record["text"], id=record["id"])
    return json.dumps(to_contract(result, checker.kb), ensure_ascii=False) + "\n", None


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


def _in_turn(lines: Iterable[Line], checker) -> Iterator[Answer]:
    """Block by block: the posts of a block that need the parser are parsed together first
    (ClaimExtractor.parse_ahead), then each is checked in turn."""
    for block in _blocks(lines):
        read = [(number, *parse_line(line)) for number, line in block]
        checker.extractor.parse_ahead(record["text"] for _, record, _ in read if record)
        for number, record, problem in read:
            yield (number, *answer(checker, number, record, problem))


# --- --jobs N ---------------------------------------------------------------------------------

_worker_checker = None  # in a worker process: the checker it was forked (or started) with


def _in_parallel(lines: Iterable[Line], settings, jobs: int) -> Iterator[Answer]:
    from bot.cli import build_checker

    checker = build_checker(settings)
    checker.extractor.nlp  # noqa: B018  load spaCy here, once, for every worker to inherit
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    gc.freeze()  # what is loaded stays put: no collection copies the shared pages in each worker
    try:
        with context.Pool(jobs, initializer=_start_worker, initargs=(settings,)) as pool:
            for answers in pool.imap(_check_block, _blocks(lines), chunksize=1):
                yield from answers
    finally:
        gc.unfreeze()


def _start_worker(settings) -> None:
    global _worker_checker
    from bot.cli import build_checker

    _worker_checker = build_checker(settings)


def _check_block(block: list[Line]) -> list[Answer]:
    return list(_in_turn(block, _worker_checker))  # one block: one parse_ahead


def _blocks(lines: Iterable[Line]) -> Iterator[list[Line]]:
    lines = iter(lines)
    while block := list(islice(lines, BLOCK)):
        yield block


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"takes a number, not {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("takes 0 (one per CPU) or more")
    if jobs == 0:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return jobs


# --- input and output ---------------------------------------------------------------------------


class _open_input:
    """Numbered lines of the file (or standard input), decoded one by one as UTF-8, a bad byte
    replaced; the newline that ends the last line ends it and starts no other."""

    def __init__(self, path: str):
        self.path = path

    def __enter__(self) -> Iterator[Line]:
        try:
            self.handle = sys.stdin.buffer if self.path == "-" else open(self.path, "rb")
        except FileNotFoundError:
            raise ScanError(f"{self.path}: no such file") from None
        except IsADirectoryError:
            raise ScanError(f"{self.path}: is a directory, not a JSONL file") from None
        except OSError as exc:
            raise ScanError(f"{self.path}: cannot read ({exc.strerror})") from None
        return self._lines()

    def _lines(self) -> Iterator[Line]:
        try:
            for number, raw in enumerate(self.handle, start=1):
                yield number, raw.decode("utf-8", errors="replace").rstrip("\n").rstrip("\r")
        except OSError as exc:
            raise ScanError(f"{self.path}: cannot read ({exc.strerror})") from None

    def __exit__(self, *exc):
        if self.path != "-":
            self.handle.close()


def _progress(answers: Iterator[Answer], path: str) -> Iterator[Answer]:
    if not sys.stderr.isatty():
        return answers
    from tqdm import tqdm

    return tqdm(answers, unit="post", file=sys.stderr, total=_count_lines(path))


def _count_lines(path: str) -> int | None:
    if path == "-":
        return None
    try:
        with open(path, "rb") as handle:
            count, last = 0, b"\n"
            while chunk := handle.read(1 << 20):
                count, last = count + chunk.count(b"\n"), chunk[-1:]
            return count + (last != b"\n")
    except OSError:
        return None


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
