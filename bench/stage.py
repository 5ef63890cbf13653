#!/usr/bin/env python3
"""Where a cold `factcheck lint` spends its time, against the libyaml floor, and how well this
machine's cores share it.

    python bench/stage.py [--workdir DIR] [--claims N] [--files K] [--repeat R]

The corpus is bench/perf.py's (N news claims, 1,000 per file; made by bench/generate.py in DIR, or
reused from there). Two measurements, each best of R:

1. The per-file stage, phase by phase, in this process, on the first K news files (garbage
   collector paused, as `factcheck lint` runs it): composing with libyaml as the floor does, then
   loading (compose, convert, validate), normalizing, collecting suppressions, releasing what only
   the stage needs, and pickling the result (the form the workers send back and the cache stores).
   Each phase is shown as a multiple of the floor's compose of the same files.
2. Whole runs as subprocesses: the floor (bench/perf.py's FLOOR_CODE), then `factcheck lint .
   --format json --no-cache` with --jobs 1 and with --jobs 2, each with its wall clock and the CPU
   time of its process tree. Serial wall / parallel wall is the speed-up two processes give here;
   parallel CPU / serial CPU is what sharing the work out costs (pickling, unpickling, and the
   slowdown of two busy cores).

Together they bound the cold run: with the stage at S times the floor's CPU, a speed-up P on two
cores and the rest of the run (start-up, rules, output) at R times the floor, the cold run takes
about S / P + R times the floor.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import perf  # noqa: E402  (bench/perf.py, next to this file)

PHASES = ("load", "normalize", "suppressions", "release", "pickle")


def stage_phases(corpus: Path, files: int, repeat: int) -> dict[str, float]:
    """Seconds per phase over the first `files` news files (best of `repeat`), and the floor."""
    import yaml

    from factcheck.cache import pickled
    from factcheck.config import find_settings
    from factcheck.corpus import load_corpus
    from factcheck.pipeline import rule_dirs
    from factcheck.loader import load_file
    from factcheck.normalize import Normalizer
    from factcheck.ruleset import load_ruleset
    from factcheck.suppression import collect_file

    settings = find_settings(corpus)
    ruleset = load_ruleset(rule_dirs(settings, ()), settings.paths("predicates"))
    registry = load_corpus([corpus / "entities.yaml"], [], corpus, corpus).entities
    paths = sorted((corpus / "news").glob("*.yaml"))[:files]
    contents = [path.read_bytes() for path in paths]
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            spent: dict[str, float] = defaultdict(float)

            def timed(phase: str, work: Callable[[], object]) -> object:
                start = time.perf_counter()
                result = work()
                spent[phase] += time.perf_counter() - start
                return result

            normalizer = Normalizer(registry, ruleset, corpus)  # a fresh value memo, as in a cold worker
            for path, data in zip(paths, contents):
                timed("floor", lambda: yaml.compose(data.decode("utf-8"), Loader=yaml.CSafeLoader))
                loaded = timed("load", lambda: load_file(path, corpus, corpus, data))
                loaded.assertions = timed("normalize", lambda: normalizer.file(loaded))
                loaded.suppressions = timed("suppressions", lambda: collect_file(loaded))
                timed("release", loaded.release)
                timed("pickle", lambda: pickled(loaded))
            for phase, seconds in spent.items():
                best[phase] = min(best[phase], seconds)
            gc.collect()
    finally:
        if was_enabled:
            gc.enable()
    return dict(best)


def cpu_run(command: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree) of the best of `repeat` runs."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        start = time.perf_counter()
        with open(os.devnull, "wb") as sink:
            proc = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} exited {proc.returncode}: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
        if proc.stderr:
            proc.stderr.close()
        # wait4 counts the process and the children it waited for (the workers of a pool)
        best = min(best, (wall, usage.ru_utime + usage.ru_stime))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/factcheck-bench"))
    parser.add_argument("--claims", type=int, default=100_000, help="news claims in the corpus (1,000 per file)")
    parser.add_argument("--files", type=int, default=20, help="news files the phase breakdown reads")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    spec = perf.Spec(args.claims, 1000, 0, 0.02)
    corpus, _, _ = perf.ensure_corpus(args.workdir, spec)
    for path in sorted(corpus.rglob("*.yaml")):
        path.read_bytes()  # the page cache holds the corpus for every run alike

    phases = stage_phases(corpus, args.files, args.repeat)
    floor = phases["floor"]
    stage = sum(phases[p] for p in PHASES)
    print(f"Per-file stage on {args.files} news files of {corpus} (in-process, best of {args.repeat})\n")
    print("| phase | seconds | x floor |")
    print("|---|---:|---:|")
    print(f"| floor: libyaml compose | {floor:.3f} | 1.00 |")
    for phase in PHASES:
        print(f"| {phase} | {phases[phase]:.3f} | {phases[phase] / floor:.2f} |")
    print(f"| **stage** | {stage:.3f} | {stage / floor:.2f} |\n")

    python = sys.executable
    lint = [python, "-m", "factcheck", "lint", ".", "--format", "json", "--no-cache"]
    floor_wall, floor_cpu = cpu_run([python, "-c", perf.FLOOR_CODE, str(corpus)], corpus, args.repeat)
    serial_wall, serial_cpu = cpu_run([*lint, "--jobs", "1"], corpus, args.repeat)
    parallel_wall, parallel_cpu = cpu_run([*lint, "--jobs", "2"], corpus, args.repeat)
    print(f"Whole runs on {corpus.name} ({os.cpu_count()} CPUs; best of {args.repeat}; CPU = user + system of the process tree)\n")
    print("| run | wall s | CPU s | wall x floor |")
    print("|---|---:|---:|---:|")
    for name, wall, cpu in (("floor", floor_wall, floor_cpu), ("lint --no-cache -j 1", serial_wall, serial_cpu),
                            ("lint --no-cache -j 2", parallel_wall, parallel_cpu)):
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {wall / floor_wall:.2f} |")
    print(f"\nspeed-up of two processes: {serial_wall / parallel_wall:.2f}x; "
          f"CPU of the parallel run / serial run: {parallel_cpu / serial_cpu:.2f}")
    print("\nReproduce:\n")
    print(f"    {python} {Path(__file__).resolve()} --workdir {args.workdir} --claims {args.claims} "
          f"--files {args.files} --repeat {args.repeat}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
