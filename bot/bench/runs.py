"""factcheck itself, run as a user runs it: a new process, timed from the outside.

Wall time counts start-up. Peak memory is the largest resident set of the process and of
any worker it waited for (ru_maxrss from wait4), so for `--jobs N` it is per process.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    code: int


def factcheck_command() -> list[str]:
    script = Path(sys.executable).with_name("factcheck")
    if script.exists():
        return [str(script)]
    found = shutil.which("factcheck")
    return [found] if found else [sys.executable, "-m", "bot.cli"]


def run(command: list[str], env: dict | None = None) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux, bytes on macOS
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * scale / 1e6, process.returncode)


def scan(corpus: Path, out: Path, jobs: int) -> Run:
    return run([*factcheck_command(), "scan", str(corpus), "-o", str(out), "--jobs", str(jobs)])


@dataclass(frozen=True)
class ColdStart:
    import_spacy: list[Run]
    check: list[Run]
    no_claim: list[Run]
    empty_cache: float

    @property
    def difference(self) -> float:
        return median(self.check) - median(self.import_spacy)

    @property
    def cpu_difference(self) -> float:
        """The same in CPU seconds, which other tenants of a shared machine move less than wall time."""
        return median(self.check, cpu=True) - median(self.import_spacy, cpu=True)

    @property
    def fastest_difference(self) -> float:
        return min(r.seconds for r in self.check) - min(r.seconds for r in self.import_spacy)


def median(sample: list[Run], cpu: bool = False) -> float:
    return statistics.median(r.cpu_seconds if cpu else r.seconds for r in sample)


def cold_start(text: str, no_claim: str, runs: int, empty_cache_dir: Path) -> ColdStart:
    """Medians over `runs` alternating runs, after one of each to warm the disk and the cache."""
    spacy_only = [sys.executable, "-c", "import spacy"]
    check, quiet = [*factcheck_command(), text], [*factcheck_command(), no_claim]
    run(spacy_only), run(check), run(quiet)
    spacy_runs, check_runs, quiet_runs = [], [], []
    for _ in range(runs):
        spacy_runs.append(run(spacy_only))
        check_runs.append(run(check))
        quiet_runs.append(run(quiet))
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(empty_cache_dir)}
    return ColdStart(spacy_runs, check_runs, quiet_runs, run(check, env=env).seconds)
