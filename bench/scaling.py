#!/usr/bin/env python3
"""How `factcheck lint` scales: generate corpora of growing size, time the linter, check the findings.

    python bench/scaling.py                              # 5,000 and 10,000 claims
    python bench/scaling.py --claims 10000 20000 40000 --repeat 1

For each size the corpus is made by bench/generate.py (100 claims per news file by default), then
`factcheck lint DIR --format json` runs as a subprocess, from the directory holding the corpora
(so no project configuration applies and the default rule set is used). The time reported is the
best wall-clock time of --repeat runs. The planted conflicts must come out exactly: as many FC106
contradicts-primary findings as expected.json lists, each at a planted claim, and no FC001-FC006
finding at all (every generated value must parse). The script prints a Markdown table and the
commands that reproduce it, and exits 1 when a check fails (2 when the linter itself fails).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py, next to this file)

LOAD_CODES = ("FC001", "FC002", "FC003", "FC004", "FC005", "FC006")


def factcheck_command() -> list[str]:
    """The console script installed next to this interpreter, else `python -m factcheck`."""
    script = Path(sys.executable).parent / ("factcheck.exe" if os.name == "nt" else "factcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


def lint(command: list[str], corpus: str, cwd: Path, timeout: float | None) -> tuple[float, list[dict], str]:
    """One timed run; returns (seconds, findings, stderr)."""
    start = time.perf_counter()
    proc = subprocess.run([*command, "lint", corpus, "--format", "json"], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"factcheck lint exited {proc.returncode}:\n{proc.stderr.strip()}")
    return seconds, json.loads(proc.stdout), proc.stderr


def check(findings: list[dict], expected: dict) -> list[str]:
    """What is wrong with the findings of a generated corpus (empty when all is as planted)."""
    problems = []
    counts = collections.Counter(f["code"] for f in findings)
    for code in LOAD_CODES:
        if counts[code]:
            first = next(f for f in findings if f["code"] == code)
            problems.append(f"{counts[code]} {code} finding(s), e.g. {first['path']}:{first['line']}: {first['message']}")
    planted = {(p["source"], p["claim"]) for p in expected["planted"]}
    got = [(f["source"], f["claim"]) for f in findings if f["code"] == "FC106"]
    want = expected["findings"]["FC106"]
    if len(got) != want:
        problems.append(f"FC106: {len(got)} findings, expected {want}")
    missing = sorted(planted - set(got))
    extra = sorted(set(got) - planted)
    if missing:
        problems.append(f"{len(missing)} planted claim(s) without FC106, e.g. {missing[0][0]} ({missing[0][1]})")
    if extra:
        problems.append(f"{len(extra)} FC106 finding(s) at claims not planted, e.g. {extra[0][0]} ({extra[0][1]})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[5000, 10000],
                        help="news claims per corpus (default: 5000 10000)")
    parser.add_argument("--claims-per-file", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best time is reported")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--conflict-rate", type=float, default=0.02)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the corpora are written (default: a new temporary directory, kept)")
    parser.add_argument("--timeout", type=float, default=None, help="seconds before one lint run is abandoned")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.claims_per_file < 1 or any(n < args.claims_per_file for n in args.claims):
        parser.error("--repeat must be >= 1 and every --claims at least --claims-per-file")

    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    command = factcheck_command()
    rows, failures, reproduce = [], [], []
    previous = None
    for claims in args.claims:
        sources = claims // args.claims_per_file
        name = f"c{claims}"
        outdir = workdir / name
        gen_args = [str(outdir), "--sources", str(sources), "--claims-per-source", str(args.claims_per_file),
                    "--seed", str(args.seed), "--conflict-rate", str(args.conflict_rate)]
        print(f"generating {name}: {sources} files x {args.claims_per_file} claims ...", file=sys.stderr, flush=True)
        try:
            generate.generate(outdir, sources, args.claims_per_file, args.seed, args.conflict_rate)
        except ValueError as err:
            print(f"generate.py: {err}", file=sys.stderr)
            return 2
        expected = json.loads((outdir / "expected.json").read_text(encoding="utf-8"))
        times = []
        findings: list[dict] = []
        for run in range(args.repeat):
            try:
                seconds, findings, _ = lint(command, name, workdir, args.timeout)
            except (RuntimeError, subprocess.TimeoutExpired) as err:
                print(f"{name}: {err}", file=sys.stderr)
                return 2
            times.append(seconds)
            print(f"  lint run {run + 1}/{args.repeat}: {seconds:.2f} s", file=sys.stderr, flush=True)
        best = min(times)
        problems = check(findings, expected)
        failures += [f"{name}: {p}" for p in problems]
        counts = collections.Counter(f["code"] for f in findings)
        shown = []
        for code in sorted(counts):
            label = f"{code} {counts[code]}"
            if code == "FC106":
                label += f" (planted {expected['findings']['FC106']})"
            shown.append(label)
        total = expected["claims"]["total"]
        files = expected["files"]["news"] + expected["files"]["primary"]
        ratio = f"{best / previous:.2f}" if previous else "–"
        rows.append(f"| {total:,} | {files:,} | {best:.2f} | {1000 * best / total:.3f} | {ratio} | {', '.join(shown) or 'none'} |")
        previous = best
        reproduce.append(f"{shlex.quote(sys.executable)} {shlex.quote(str(HERE / 'generate.py'))} "
                         + " ".join(shlex.quote(a) for a in gen_args))
        reproduce.append(f"(cd {shlex.quote(str(workdir))} && time {' '.join(shlex.quote(c) for c in command)} "
                         f"lint {name} --format json > {name}.json)")

    print()
    print(f"factcheck lint scaling — best of {args.repeat} wall-clock run(s); {args.claims_per_file} claims per news "
          f"file, one primary file per resolution, seed {args.seed}, conflict rate {args.conflict_rate}; "
          f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print()
    print("| claims | files | seconds | s / 1k claims | ratio to previous | findings by code |")
    print("|---:|---:|---:|---:|---:|---|")
    for row in rows:
        print(row)
    print()
    print("claims and files include the primary files; each corpus also has entities.yaml.")
    print()
    print("Reproduce:")
    print()
    print("```sh")
    for line in reproduce:
        print(line)
    print("```")
    if failures:
        print()
        print("FAILED checks:")
        for failure in failures:
            print(f"- {failure}")
        return 1
    print()
    print("Checks passed: FC106 findings are exactly the planted conflicts; no FC001-FC006 findings.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
