#!/usr/bin/env python3
"""Time and peak memory of every hostile input of the catalogue, each in a fresh process.

    python bench/hostile.py [--repeat N] [--json FILE] [--only SUBSTRING ...]

Each case of tests/catalogue/cases.yaml (built by tests/catalogue/build.py, the same projects the
test runs) is linted by `python -m factcheck lint ... --format json --no-cache` in its own
subprocess: wall time, and the child's peak RSS from os.wait4. The baseline, measured in the same
run, is the lint of the example corpus `claims/` from the repository root: a hostile input should
cost about what a whole small corpus does, and a case far above it is a denial of service waiting
to happen. The table is sorted by time, slowest first; then the worst case in time and in memory,
and the command that reproduces it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "catalogue"))

# tests/catalogue/build.py, found through sys.path: the same projects as tests/test_catalogue.py
from build import Case, build, load_cases

OUTPUT_ARGS = ("--format", "json", "--no-cache")
TIME_LIMIT = 120.0  # seconds; a case still running then is killed and reported as such
BASELINE = "baseline: lint claims/"


@dataclass(frozen=True)
class Run:
    case: str
    kind: str
    seconds: float
    peak_mb: float
    exit: int
    crashed: bool  # a traceback on stderr, or killed at the time limit
    command: str  # what ran, in the case's project (or the repository root for the baseline)


def measure(argv: list[str], cwd: Path, log: Path) -> tuple[float, float, int, bool]:
    """Wall seconds, the child's peak RSS in MB, its exit code, and whether it crashed or hung."""
    with open(log, "wb") as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr)
        killer = threading.Timer(TIME_LIMIT, child.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)  # rusage of this child alone
        finally:
            killer.cancel()
        seconds = time.perf_counter() - start
    child.returncode = code = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    crashed = code < 0 or b"Traceback" in log.read_bytes()
    return seconds, usage.ru_maxrss / 1024, code, crashed  # ru_maxrss is KiB on Linux


def best_of(repeat: int, name: str, kind: str, argv: list[str], cwd: Path, log: Path) -> Run:
    """The fastest of `repeat` runs, and the smallest peak memory among them."""
    runs = [measure(argv, cwd, log) for _ in range(repeat)]
    seconds, peak, code, crashed = min(runs)
    peak = min(run[1] for run in runs)
    command = " ".join(["python", *argv[1:]])
    return Run(name, kind, seconds, peak, code, crashed or any(run[3] for run in runs), command)


def run_case(case: Case, repeat: int, workdir: Path) -> Run:
    base = Path(tempfile.mkdtemp(prefix="case-", dir=workdir))
    project = build(case, base)
    argv = [sys.executable, "-m", "factcheck", *project.args, *OUTPUT_ARGS]
    return best_of(repeat, case.name, case.kind, argv, project.root, base / "stderr.txt")


def table(runs: list[Run], baseline: Run) -> str:
    lines = ["| case | kind | seconds | peak MB | × baseline time | × baseline memory |", "|---|---|---|---|---|---|"]
    for run in sorted(runs, key=lambda r: r.seconds, reverse=True):
        mark = " **crashed or hung**" if run.crashed else ""
        lines.append(
            f"| {run.case}{mark} | {run.kind} | {run.seconds:.3f} | {run.peak_mb:.1f} | "
            f"{run.seconds / baseline.seconds:.2f} | {run.peak_mb / baseline.peak_mb:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per case (default 1)")
    parser.add_argument("--json", type=Path, help="also write the measurements to this file")
    parser.add_argument("--only", action="append", default=[], metavar="SUBSTRING",
                        help="only the cases whose name contains this (repeatable)")
    options = parser.parse_args(argv)
    cases = [c for c in load_cases() if not options.only or any(s in c.name for s in options.only)]
    if not cases:
        parser.error(f"no case name contains any of {options.only}")
    with tempfile.TemporaryDirectory(prefix="factcheck-hostile-") as tmp:
        workdir = Path(tmp)
        baseline = best_of(options.repeat, BASELINE, "baseline", [sys.executable, "-m", "factcheck", "lint", "claims", *OUTPUT_ARGS],
                           ROOT, workdir / "baseline-stderr.txt")
        runs = [run_case(case, options.repeat, workdir) for case in cases]
    print(table([baseline, *runs], baseline))
    slowest = max(runs, key=lambda r: r.seconds)
    largest = max(runs, key=lambda r: r.peak_mb)
    print(f"\nbaseline: {baseline.seconds:.3f} s, {baseline.peak_mb:.1f} MB: {baseline.command} (in {ROOT})")
    print(f"worst in time: {slowest.case} ({slowest.kind}): {slowest.seconds:.3f} s, {slowest.seconds / baseline.seconds:.2f}× baseline")
    print(f"worst in memory: {largest.case} ({largest.kind}): {largest.peak_mb:.1f} MB, {largest.peak_mb / baseline.peak_mb:.2f}× baseline")
    for run in {slowest.case: slowest, largest.case: largest}.values():
        print(f"reproduce {run.case}: python bench/hostile.py --only '{run.case}' --repeat {options.repeat}"
              f"  (builds the case's project and runs `{run.command}` in it)")
    crashed = [run.case for run in runs if run.crashed]
    if crashed:
        print(f"crashed or hung: {', '.join(crashed)}")
    if options.json:
        options.json.write_text(json.dumps({"baseline": asdict(baseline), "cases": [asdict(r) for r in runs]}, indent=2) + "\n", encoding="utf-8")
    return 1 if crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
