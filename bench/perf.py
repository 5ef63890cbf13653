#!/usr/bin/env python3
"""How fast `factcheck lint` is against the libyaml floor, cold, warm and as a pre-commit hook.

    python bench/perf.py                                   # 10k, 100k and 1M claims, every shape
    python bench/perf.py --claims 10000 --shapes mix diverse --skip-shacl --workdir /tmp/fc-perf

For each size in --claims (news claims, --claims-per-file per news file) and each corpus shape in
--shapes (bench/generate.py --shape: the example corpus's mix; diverse statements; syndicated quotes
and statements; dense keys) the corpus is made by
bench/generate.py (or reused from --workdir when its expected.json names the same generator
arguments). Every measurement is a subprocess timed by wall clock, process start included, best of
--repeat, with the runs of one repetition side by side so that the ratios survive a shared, noisy
machine:

    floor      a fresh Python that composes every .yaml file of the corpus with libyaml
               (yaml.compose with CSafeLoader), default interpreter settings
    cold       factcheck lint . --format json --cache-dir <a fresh empty directory>
    warm       the same command again, with the cache the cold run wrote
    no-cache   factcheck lint . --format json --no-cache
    pre-commit (sizes >= --pre-commit-min) one claim of the first news file rewritten, then
               factcheck lint news/<file> --format json --cache-dir <the warm cache>; the file's
               bytes are restored afterwards (and on the next start, if a run was killed). Up to
               100k claims, one more --no-cache run of the modified corpus checks its findings

Lint runs start in the corpus directory, so no project configuration applies. The peak resident
memory of each lint run is the largest sum of VmRSS over its process tree (the lint process and any
workers it forks), sampled from /proc every 20 ms; shared copy-on-write pages count once per
process, so the sum errs high.

Unless --skip-shacl, bench/shacl.py then compares FC101 with pySHACL's sh:maxCount 1 on a corpus of
its own, where the cardinality-one facts fall on many keys: --shacl-sources news files of
--shacl-claims-per-source claims, --shacl-sources-per-resolution per resolution (default 10,000 x
10, one per resolution: tens of thousands of keys, several hundred in conflict). The lint corpora
above have 20 sources per resolution, so their few dozen such keys would time start-up costs only.
The target is judged like for like: FC101 over the bucket index lint builds at load time against
pySHACL's validate() on its graph built beforehand; FC101 from scratch (the index built inside the
timed part) and both sides' indexing costs are reported next to it (see bench/shacl.py).

Checks (exit 1 when one fails): every lint exits 0 or 1; the FC106 findings are exactly the
planted conflicts and there are no FC001-FC006 findings (scaling.check); cold, warm and no-cache
print byte-identical JSON; the pre-commit run reports exactly the findings of a full --no-cache run
of the modified corpus that are in, or related to, the changed file (up to 100k claims); FC101 and
pySHACL find the same conflicting keys. Missed targets are reported and change the exit code only
with --strict.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py, next to this file)
import scaling  # noqa: E402

DEFAULT_CLAIMS = (10_000, 100_000, 1_000_000)
SAMPLE_INTERVAL = 0.02  # seconds between /proc samples
MB = 1024 * 1024

# One line, so that the printed reproduce command can be pasted; the deque drains the generator
# without keeping any node tree alive. Hidden directories are skipped, as factcheck's discovery does.
FLOOR_CODE = (
    "import sys, pathlib, collections, yaml; "
    "root = pathlib.Path(sys.argv[1]); "
    'collections.deque((yaml.compose(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) '
    'for p in sorted(root.rglob("*.yaml")) '
    'if not any(part.startswith(".") for part in p.relative_to(root).parts)), maxlen=0)'
)

# The targets of issue 6, judged on the measurements (see evaluate_targets).
TARGET_COLD_FLOOR = 1.5
TARGET_SHAPE_COLD_FLOOR = 2.0  # issue 17: every corpus shape at 100k claims
TARGET_WARM_COLD = 0.3
TARGET_PRE_COMMIT_S = 1.5
TARGET_1M_SCALE = 11.0
TARGET_1M_RSS_MB = 2048.0
TARGET_EXAMPLE_S = 0.6
TARGET_SHACL_RATIO = 100.0
VERIFY_PRE_COMMIT_MAX = 100_000  # sizes where the pre-commit findings are checked against a full run


class Failure(Exception):
    """A check failed in a way that makes further measurement of this size meaningless."""


# ---------------------------------------------------------------------------------------------
# Memory: the resident set of a whole process tree, read from /proc (psutil is no dependency).
# ---------------------------------------------------------------------------------------------

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _has_children_files() -> bool:
    """/proc/PID/task/TID/children exists only with CONFIG_PROC_CHILDREN; else scan ppids."""
    return Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()


class ProcessTree:
    """The descendants of one process. Without children files, /proc/*/stat is read once per new
    pid (a pid's parent does not change while it lives), so a sample costs a directory listing."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.use_children_files = _has_children_files()
        self._parent: dict[int, int] = {}

    def pids(self) -> list[int]:
        children = self._children_files if self.use_children_files else self._children_table()
        found, i = [self.root], 0
        while i < len(found):
            found.extend(children(found[i]))
            i += 1
        return found

    @staticmethod
    def _children_files(pid: int) -> list[int]:
        kids: list[int] = []
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            return kids
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as handle:
                    kids.extend(int(x) for x in handle.read().split())
            except (OSError, ValueError):
                continue
        return kids

    def _children_table(self) -> Callable[[int], list[int]]:
        live = {int(name) for name in os.listdir("/proc") if name.isdigit()}
        for pid in list(self._parent):
            if pid not in live:
                del self._parent[pid]  # gone; the pid may be reused by an unrelated process
        for pid in live - self._parent.keys():
            self._parent[pid] = _parent_of(pid)
        table: dict[int, list[int]] = {}
        for pid, parent in self._parent.items():
            table.setdefault(parent, []).append(pid)
        return lambda pid: table.get(pid, [])


def _parent_of(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        return int(text[text.rindex(")") + 2 :].split()[1])  # the name may hold spaces and parentheses
    except (OSError, ValueError, IndexError):
        return -1


def rss_bytes(pid: int) -> int:
    """Resident memory of one process (VmRSS, from /proc/PID/statm); 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


class TreeSampler:
    """Samples the summed RSS of a process tree in a background thread; `peak` is the largest sum."""

    def __init__(self, pid: int, interval: float = SAMPLE_INTERVAL) -> None:
        self.tree = ProcessTree(pid)
        self.interval = interval
        self.peak = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"rss-{pid}", daemon=True)

    def sample(self) -> int:
        total = sum(rss_bytes(pid) for pid in self.tree.pids())
        self.peak = max(self.peak, total)
        self.samples += 1
        return total

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# ---------------------------------------------------------------------------------------------
# One timed subprocess
# ---------------------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    returncode: int
    peak_rss: int  # bytes, summed over the process tree
    stdout: Path
    stderr: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.stdout.read_bytes()).hexdigest()


def measure(command: Sequence[str], cwd: Path, stdout: Path, env: dict[str, str] | None = None,
            timeout: float | None = None) -> Run:
    """Run a command with its output going to a file (like `> out.json`), timing the wall clock
    from start to exit while a sampler watches the memory of its process tree."""
    stdout.parent.mkdir(parents=True, exist_ok=True)
    with open(stdout, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(command), cwd=cwd, stdout=out, stderr=err, env=env)
        with TreeSampler(proc.pid) as sampler:
            try:
                returncode = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise
            seconds = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(seconds, returncode, sampler.peak, stdout, stderr)


# ---------------------------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """One corpus size and the generator arguments that make it."""

    news_claims: int
    claims_per_file: int
    seed: int
    conflict_rate: float
    shape: str = "mix"  # bench/generate.py --shape

    @property
    def name(self) -> str:
        return f"c{self.news_claims}" if self.shape == "mix" else f"{self.shape}-c{self.news_claims}"

    @property
    def sources(self) -> int:
        return self.news_claims // self.claims_per_file

    def generator(self) -> dict[str, Any]:
        made = {"sources": self.sources, "claims_per_source": self.claims_per_file, "seed": self.seed,
                "conflict_rate": self.conflict_rate}
        return made if self.shape == "mix" else {**made, "shape": self.shape}

    def generate_args(self, outdir: Path) -> list[str]:
        args = [str(outdir), "--sources", str(self.sources), "--claims-per-source", str(self.claims_per_file),
                "--seed", str(self.seed), "--conflict-rate", str(self.conflict_rate)]
        return args if self.shape == "mix" else [*args, "--shape", self.shape]


def restore_backup(workdir: Path, name: str) -> list[str]:
    """Put back files a killed pre-commit measurement left edited; returns what was restored."""
    backup = workdir / f".restore-{name}"
    restored = []
    if backup.is_dir():
        for saved in sorted(p for p in backup.rglob("*") if p.is_file()):
            relative = saved.relative_to(backup)
            shutil.copyfile(saved, workdir / name / relative)
            restored.append(relative.as_posix())
        shutil.rmtree(backup)
    return restored


def ensure_corpus(workdir: Path, spec: Spec) -> tuple[Path, dict[str, Any], float | None]:
    """The corpus for `spec`: reused when expected.json says the same generator arguments (after
    restoring any file a killed run left edited), else generated. Returns (dir, expected, seconds
    spent generating or None)."""
    outdir = workdir / spec.name
    expected_file = outdir / "expected.json"
    if expected_file.is_file():
        restored = restore_backup(workdir, spec.name)
        if restored:
            log(f"{spec.name}: restored {', '.join(restored)} left edited by an interrupted run")
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        news = outdir / "news"
        if expected.get("generator") == spec.generator() and news.is_dir() and \
                sum(1 for _ in news.glob("*.yaml")) == expected["files"]["news"]:
            return outdir, expected, None
    log(f"generating {spec.name}: {spec.sources:,} files x {spec.claims_per_file:,} claims ...")
    start = time.perf_counter()
    expected = generate.generate(outdir, spec.sources, spec.claims_per_file, spec.seed, spec.conflict_rate, shape=spec.shape)
    return outdir, expected, time.perf_counter() - start


STATEMENT_PREDICATE = re.compile(r"^\s+predicate:\s*statement\s*$")
VALUE_LINE = re.compile(r"^(\s+)value:\s*(.+?)\s*$")


def edit_statement(path: Path, n: int) -> str:
    """Rewrite the value of the file's first block-style statement claim to another valid statement
    ('Benchmark edit N: <the old text>'), reproducibly; returns the claim's new text."""
    import yaml

    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if not STATEMENT_PREDICATE.match(line):
            continue
        for j in range(i + 1, len(lines)):
            match = VALUE_LINE.match(lines[j])
            if match and len(match.group(1)) == len(line) - len(line.lstrip()):
                old = yaml.safe_load("v: " + match.group(2))["v"]
                new = f"Benchmark edit {n}: {old}"
                lines[j] = f"{match.group(1)}value: {json.dumps(new)}\n"
                path.write_text("".join(lines), encoding="utf-8")
                return new
            if lines[j].lstrip().startswith("- "):
                break
    raise ValueError(f"{path}: no block-style statement claim to edit")


# ---------------------------------------------------------------------------------------------
# Measuring one size
# ---------------------------------------------------------------------------------------------


@dataclass
class Bench:
    """What every measurement of a run shares."""

    command: list[str]  # factcheck
    workdir: Path
    repeat: int | None
    pre_commit_min: int
    shacl: Any  # the many-keys corpus of the FC101 vs pySHACL comparison (shacl.ManyKeys), None to skip it
    timeout: float | None
    reproduce: list[str]
    failures: list[str]

    def repeats(self, news_claims: int) -> int:
        return self.repeat if self.repeat is not None else (3 if news_claims < 1_000_000 else 1)

    def lint(self, corpus: Path, args: Sequence[str], out: Path) -> Run:
        run = measure([*self.command, "lint", *args], corpus, out, env=lint_env(), timeout=self.timeout)
        if run.returncode not in (0, 1):
            raise Failure(f"factcheck lint {' '.join(args)} exited {run.returncode}:\n{run.stderr.strip()[-2000:]}")
        return run


def lint_env(cache_dir: Path | None = None) -> dict[str, str]:
    """The caller's environment without a cache location of its own (the flags decide), or with one."""
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_CACHE_DIR"}
    if cache_dir is not None:
        env["FACTCHECK_CACHE_DIR"] = str(cache_dir)
    return env


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def q(parts: Sequence[str | Path]) -> str:
    return " ".join(shlex.quote(str(p)) for p in parts)


def measure_size(bench: Bench, spec: Spec) -> dict[str, Any]:
    corpus, expected, generate_seconds = ensure_corpus(bench.workdir, spec)
    name = spec.name
    out = bench.workdir / "out"
    caches = bench.workdir / "cache"
    repeat = bench.repeats(spec.news_claims)
    for path in sorted(corpus.rglob("*.yaml")):  # the page cache holds the corpus for every run alike
        path.read_bytes()
    times: dict[str, list[float]] = {k: [] for k in ("floor", "cold", "warm", "no_cache")}
    rss: dict[str, int] = {k: 0 for k in times}
    digests: dict[str, set[str]] = {k: set() for k in ("cold", "warm", "no_cache")}
    cache = caches / name
    for rep in range(repeat):
        floor = measure([sys.executable, "-c", FLOOR_CODE, str(corpus)], corpus, out / f"{name}-floor.txt",
                        env=lint_env(), timeout=bench.timeout)
        if floor.returncode != 0:
            raise Failure(f"{name}: the libyaml floor exited {floor.returncode}:\n{floor.stderr.strip()[-2000:]}")
        shutil.rmtree(cache, ignore_errors=True)  # cold: a fresh, empty cache directory
        cache.mkdir(parents=True)
        runs = {
            "floor": floor,
            "cold": bench.lint(corpus, [".", "--format", "json", "--cache-dir", str(cache)], out / f"{name}-cold.json"),
            "warm": bench.lint(corpus, [".", "--format", "json", "--cache-dir", str(cache)], out / f"{name}-warm.json"),
            "no_cache": bench.lint(corpus, [".", "--format", "json", "--no-cache"], out / f"{name}-no-cache.json"),
        }
        for kind, run in runs.items():
            times[kind].append(run.seconds)
            rss[kind] = max(rss[kind], run.peak_rss)
            if kind in digests:
                digests[kind].add(run.digest)
        log(f"  {name} run {rep + 1}/{repeat}: " + ", ".join(f"{k} {r.seconds:.2f} s" for k, r in runs.items()))
    if len(set().union(*digests.values())) != 1:
        bench.failures.append(f"{name}: cold, warm and no-cache runs printed different findings JSON "
                              f"(compare {out}/{name}-cold.json, -warm.json, -no-cache.json)")
    findings = json.loads((out / f"{name}-cold.json").read_text(encoding="utf-8"))
    bench.failures += [f"{name}: {p}" for p in scaling.check(findings, expected)]

    result: dict[str, Any] = {
        "name": name, "shape": spec.shape, "news_claims": spec.news_claims, "claims": expected["claims"]["total"],
        "files": expected["files"]["news"] + expected["files"]["primary"], "corpus": str(corpus),
        "generate_s": generate_seconds, "repeat": repeat,
        **{f"{k}_s": min(v) for k, v in times.items()},
        "pre_commit_s": None, "times": times, "rss_mb": {k: v / MB for k, v in rss.items()},
        "findings": dict(sorted(Counter(f["code"] for f in findings).items())), "findings_total": len(findings),
    }
    del findings
    bench.reproduce += [
        f"{q([sys.executable, HERE / 'generate.py'])} {q(spec.generate_args(corpus))}",
        f"time {q([sys.executable, '-c', FLOOR_CODE, corpus])}",
        f"rm -rf {q([cache])} && (cd {q([corpus])} && time {q(bench.command)} lint . --format json "
        f"--cache-dir {q([cache])} > {q([out / f'{name}-cold.json'])})",
        f"(cd {q([corpus])} && time {q(bench.command)} lint . --format json --cache-dir {q([cache])} "
        f"> {q([out / f'{name}-warm.json'])})",
        f"(cd {q([corpus])} && time {q(bench.command)} lint . --format json --no-cache "
        f"> {q([out / f'{name}-no-cache.json'])})",
    ]
    if spec.news_claims >= bench.pre_commit_min and spec.shape == "mix":  # the edit needs the mix's statements
        result.update(measure_pre_commit(bench, corpus, name, cache, repeat, spec.news_claims))
    return result


def measure_pre_commit(bench: Bench, corpus: Path, name: str, cache: Path, repeat: int, spec_claims: int) -> dict[str, Any]:
    """One changed file in a warm corpus: each repetition writes a different edit, so every run
    finds exactly one file the cache has not seen."""
    out = bench.workdir / "out"
    target = sorted((corpus / "news").glob("*.yaml"))[0]
    relative = target.relative_to(corpus).as_posix()
    restore = bench.workdir / f".restore-{name}"  # read by restore_backup should this run be killed
    backup = restore / relative
    backup.parent.mkdir(parents=True, exist_ok=True)
    original = target.read_bytes()
    backup.write_bytes(original)
    times: list[float] = []
    peak = 0
    try:
        for rep in range(repeat):
            target.write_bytes(original)
            edit_statement(target, rep + 1)
            run = bench.lint(corpus, [relative, "--format", "json", "--cache-dir", str(cache)], out / f"{name}-pre-commit.json")
            times.append(run.seconds)
            peak = max(peak, run.peak_rss)
            log(f"  {name} pre-commit {rep + 1}/{repeat}: {run.seconds:.2f} s")
        verified = spec_claims <= VERIFY_PRE_COMMIT_MAX
        if verified:  # the full --no-cache run of the modified corpus costs a cold run; not at 1M
            full = bench.lint(corpus, [".", "--format", "json", "--no-cache"], out / f"{name}-modified-no-cache.json")
            got = json.loads(run.stdout.read_text(encoding="utf-8"))
            every = json.loads(full.stdout.read_text(encoding="utf-8"))
            want = [f for f in every if f["path"] == relative or any(r["path"] == relative for r in f["related"])]
            del every
        if verified and got != want:
            missing = [f for f in want if f not in got]
            extra = [f for f in got if f not in want]
            example = (missing or extra)[0] if (missing or extra) else None
            bench.failures.append(
                f"{name}: the pre-commit run of {relative} reported {len(got)} findings, the full run "
                f"{len(want)} in or related to it ({len(missing)} missing, {len(extra)} extra"
                + (f", e.g. {example['code']} {example['path']}:{example['line']}" if example else ", in another order")
                + ")")
    finally:
        target.write_bytes(original)
        shutil.rmtree(restore)
    bench.reproduce += [
        f"cp {q([target])} /tmp/{name}-{target.name}.orig",
        f"{q([sys.executable])} -c {shlex.quote(f'import sys, pathlib; sys.path.insert(0, {json.dumps(str(HERE))}); import perf; perf.edit_statement(pathlib.Path({json.dumps(str(target))}), {repeat})')}",
        f"(cd {q([corpus])} && time {q(bench.command)} lint {q([relative])} --format json --cache-dir {q([cache])} "
        f"> {q([out / f'{name}-pre-commit.json'])})",
        f"cp /tmp/{name}-{target.name}.orig {q([target])}",
    ]
    return {"pre_commit_s": min(times), "pre_commit_file": relative, "pre_commit_verified": verified,
            "times_pre_commit": times, "rss_pre_commit_mb": peak / MB}


def measure_shacl(bench: Bench, repeat: int = 3) -> dict[str, Any]:
    """FC101 against pySHACL on the many-keys corpus (bench/shacl.py), in-process, best of `repeat`."""
    import shacl  # bench/shacl.py: imports factcheck and pySHACL, so only when asked

    spec = bench.shacl
    corpus = bench.workdir / spec.name
    log(f"FC101 vs pySHACL on {corpus.name} ({spec.sources:,} x {spec.claims_per_source:,} claims, "
        f"{spec.sources_per_resolution} per resolution) ...")
    comparison = shacl.compare_many_keys(spec, bench.workdir, repeat)
    log("  " + comparison.report().replace("\n", "\n  "))
    if not comparison.same_keys:
        bench.failures.append(f"{corpus.name}: FC101 and pySHACL found different conflicting keys: "
                              + "; ".join(comparison.problems[:3]))
    if not comparison.fc101_keys:
        bench.failures.append(f"{corpus.name}: no conflicting key on either side; the comparison shows nothing")
    bench.reproduce += [
        f"{q([sys.executable, HERE / 'generate.py'])} {q(spec.generate_args(corpus))}",
        f"{q([sys.executable, HERE / 'shacl.py', corpus, '--repeat', str(repeat)])}",
    ]
    return comparison.to_json()


def measure_example(bench: Bench, root: Path, runs: int = 5) -> dict[str, Any] | None:
    """`factcheck lint claims/` from the repository root, best of `runs`, its cache kept outside
    the repository (FACTCHECK_CACHE_DIR) so that the benchmark leaves no trace there."""
    if not (root / "claims").is_dir():
        return None
    cache = bench.workdir / "cache" / "example"
    shutil.rmtree(cache, ignore_errors=True)
    times = []
    for _ in range(runs):
        run = measure([*bench.command, "lint", "claims/"], root, bench.workdir / "out" / "example.txt",
                      env=lint_env(cache), timeout=bench.timeout)
        if run.returncode not in (0, 1):
            raise Failure(f"factcheck lint claims/ exited {run.returncode}:\n{run.stderr.strip()[-2000:]}")
        times.append(run.seconds)
    log("  example corpus: " + ", ".join(f"{t:.2f}" for t in times) + " s")
    bench.reproduce.append(f"(cd {q([root])} && for i in 1 2 3 4 5; do time {q(bench.command)} lint claims/ > /dev/null; done)")
    return {"seconds": min(times), "times": times}


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 2, suffix: str = "") -> str:
    return "–" if value is None else f"{value:,.{digits}f}{suffix}"


def _ms(seconds: float | None) -> str:
    return _fmt(None if seconds is None else 1000 * seconds, 1)


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def format_table(measurements: dict[str, Any]) -> str:
    """The per-size Markdown table."""
    lines = [
        "| shape | claims | files | floor s | cold s | cold/floor | no-cache s | warm s | warm/cold | pre-commit s "
        "| peak RSS MB (cold) | findings | findings/claims |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in measurements["sizes"]:
        total = size.get("findings_total")
        lines.append(
            f"| {size.get('shape', 'mix')} | {size['claims']:,} | {size['files']:,} | {_fmt(size['floor_s'])} | "
            f"{_fmt(size['cold_s'])} | {_fmt(_ratio(size['cold_s'], size['floor_s']))} | {_fmt(size['no_cache_s'])} | "
            f"{_fmt(size['warm_s'])} | {_fmt(_ratio(size['warm_s'], size['cold_s']))} | {_fmt(size.get('pre_commit_s'))} | "
            f"{_fmt(size['rss_mb']['cold'], 0)} | {'–' if total is None else f'{total:,}'} | "
            f"{_fmt(None if total is None else total / size['claims'])} |"
        )
    return "\n".join(lines)


def format_shacl_table(c: dict[str, Any]) -> str:
    """The FC101 vs pySHACL comparison (shacl.Comparison.to_json()) as a one-row Markdown table."""
    g = c.get("generator") or {}
    corpus = (f"{g['sources']:,} × {g['claims_per_source']:,}, {g.get('sources_per_resolution', 20)}/resolution"
              if g else Path(c["corpus"]).name)
    lines = [
        "| corpus | assertions compared | keys compared | keys left out | ex:value triples | conflicting keys FC101 / pySHACL "
        "| FC101 over the index ms | building the index ms | FC101 from scratch ms | pySHACL validate() ms "
        "| building graphs ms | validate() / FC101 over the index | validate() / FC101 from scratch "
        "| (graphs + validate()) / (index + FC101) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {corpus} | {c['assertions']:,} | {c['keys']:,} | {sum(c['left_out'].values()):,} | {c['triples']:,} | "
        f"{len(c['fc101_keys']):,} / {len(c['shacl_keys']):,} ({'same' if c['same_keys'] else 'DIFFERENT'}) | "
        f"{_ms(c['fc101_seconds'])} | {_ms(c.get('index_seconds'))} | {_ms(c.get('scratch_seconds'))} | "
        f"{_ms(c['shacl_seconds'])} | {_ms(c['graph_seconds'])} | {_fmt(c['ratio'], 1)} | "
        f"{_fmt(c.get('ratio_scratch'), 1)} | {_fmt(c.get('ratio_indexing_included'), 1)} |",
    ]
    return "\n".join(lines)


def _size(measurements: dict[str, Any], news_claims: int, shape: str = "mix") -> dict[str, Any] | None:
    return next((s for s in measurements["sizes"] if s["news_claims"] == news_claims and s.get("shape", "mix") == shape), None)


def evaluate_targets(measurements: dict[str, Any]) -> list[dict[str, str]]:
    """Each target of issue 6 with what was measured and PASS, FAIL or 'not measured'."""
    rows: list[dict[str, str]] = []

    def add(target: str, goal: str, measured: str | None, ok: bool | None) -> None:
        status = "not measured" if ok is None else ("PASS" if ok else "FAIL")
        rows.append({"target": target, "goal": goal, "measured": measured or "–", "status": status})

    s100k, s1m = _size(measurements, 100_000), _size(measurements, 1_000_000)
    if s100k:
        r = _ratio(s100k["cold_s"], s100k["floor_s"])
        add("cold lint, 100k claims", f"≤ {TARGET_COLD_FLOOR}× the libyaml floor",
            f"{r:.2f}× ({s100k['cold_s']:.2f} s vs {s100k['floor_s']:.2f} s)", r is not None and r <= TARGET_COLD_FLOOR)
        r = _ratio(s100k["warm_s"], s100k["cold_s"])
        add("warm lint, 100k claims", f"≤ {TARGET_WARM_COLD}× cold",
            f"{r:.2f}× ({s100k['warm_s']:.2f} s vs {s100k['cold_s']:.2f} s)", r is not None and r <= TARGET_WARM_COLD)
        pre = s100k.get("pre_commit_s")
        add("pre-commit, one changed file in 100k", f"≤ {TARGET_PRE_COMMIT_S} s wall",
            None if pre is None else f"{pre:.2f} s", None if pre is None else pre <= TARGET_PRE_COMMIT_S)
    else:
        for target in ("cold lint, 100k claims", "warm lint, 100k claims", "pre-commit, one changed file in 100k"):
            add(target, "", None, None)
        rows[-3]["goal"] = f"≤ {TARGET_COLD_FLOOR}× the libyaml floor"
        rows[-2]["goal"] = f"≤ {TARGET_WARM_COLD}× cold"
        rows[-1]["goal"] = f"≤ {TARGET_PRE_COMMIT_S} s wall"
    if s1m and s100k:
        r = _ratio(s1m["cold_s"], s100k["cold_s"])
        add("cold lint, 1M claims", f"≤ {TARGET_1M_SCALE:g}× the 100k time",
            f"{r:.2f}× ({s1m['cold_s']:.2f} s vs {s100k['cold_s']:.2f} s)", r is not None and r <= TARGET_1M_SCALE)
    else:
        add("cold lint, 1M claims", f"≤ {TARGET_1M_SCALE:g}× the 100k time", None, None)
    if s1m:
        peak = s1m["rss_mb"]["cold"]
        add("peak RSS, 1M claims", f"≤ {TARGET_1M_RSS_MB:,.0f} MB", f"{peak:,.0f} MB", peak <= TARGET_1M_RSS_MB)
    else:
        add("peak RSS, 1M claims", f"≤ {TARGET_1M_RSS_MB:,.0f} MB", None, None)
    example = measurements.get("example")
    add("example corpus (factcheck lint claims/)", f"≤ {TARGET_EXAMPLE_S} s, best of 5",
        None if example is None else f"{example['seconds']:.2f} s",
        None if example is None else example["seconds"] <= TARGET_EXAMPLE_S)
    c = measurements.get("shacl")
    if c:
        same = c["same_keys"] and bool(c["fc101_keys"])
        add(f"FC101 vs pySHACL ({c['keys']:,} keys, {c['assertions']:,} assertions)",
            f"≥ {TARGET_SHACL_RATIO:g}× faster, same keys found",
            f"{c['ratio']:,.2f}× like for like (FC101 over the load-time index {_ms(c['fc101_seconds'])} ms, "
            f"pySHACL validate() {_ms(c['shacl_seconds'])} ms); from scratch {_fmt(c.get('ratio_scratch'))}× "
            f"(FC101 {_ms(c.get('scratch_seconds'))} ms, building the index included); "
            f"conflicting keys {len(c['fc101_keys']):,} vs {len(c['shacl_keys']):,}, "
            f"{'same' if c['same_keys'] else 'DIFFERENT'}",
            same and c["ratio"] >= TARGET_SHACL_RATIO)
    else:
        add("FC101 vs pySHACL", f"≥ {TARGET_SHACL_RATIO:g}× faster, same keys found", None, None)
    for shape in dict.fromkeys(s.get("shape", "mix") for s in measurements["sizes"]):
        s100k, s1m = _size(measurements, 100_000, shape), _size(measurements, 1_000_000, shape)
        if s100k:  # issue 17: every shape, side by side with its own floor
            r = _ratio(s100k["cold_s"], s100k["floor_s"])
            add(f"{shape}: cold lint, 100k claims", f"≤ {TARGET_SHAPE_COLD_FLOOR:g}× the libyaml floor",
                f"{r:.2f}×", r is not None and r <= TARGET_SHAPE_COLD_FLOOR)
            r = _ratio(s100k["warm_s"], s100k["cold_s"])
            add(f"{shape}: warm lint, 100k claims", f"≤ {TARGET_WARM_COLD}× cold", f"{r:.2f}×", r is not None and r <= TARGET_WARM_COLD)
            total = s100k.get("findings_total")
            add(f"{shape}: findings, 100k claims", "≤ the number of claims",
                None if total is None else f"{total:,} for {s100k['claims']:,} claims",
                None if total is None else total <= s100k["claims"])
        if s1m and s100k:
            r = _ratio(s1m["cold_s"], s100k["cold_s"])
            add(f"{shape}: cold lint, 1M claims", f"≤ {TARGET_1M_SCALE:g}× its 100k time", f"{r:.2f}×",
                r is not None and r <= TARGET_1M_SCALE)
    return rows


def format_targets(rows: list[dict[str, str]]) -> str:
    lines = ["| target | goal | measured | result |", "|---|---|---|---|"]
    lines += [f"| {r['target']} | {r['goal']} | {r['measured']} | {r['status']} |" for r in rows]
    return "\n".join(lines)


def format_report(measurements: dict[str, Any], reproduce: Sequence[str], failures: Sequence[str]) -> str:
    meta = measurements["meta"]
    out = [
        f"factcheck lint performance — best of {meta['repeat']} wall-clock run(s) per measurement, process start "
        f"included; {meta['claims_per_file']:,} claims per news file, seed {meta['seed']}, conflict rate "
        f"{meta['conflict_rate']}",
        f"Python {meta['python']} ({meta['implementation']}) on {meta['machine']}, {meta['cpu']}, {meta['cpus']} CPUs; "
        f"load average {meta['load_start']} at start, {meta.get('load_end', '?')} at end; {meta['date']}; "
        f"factcheck {meta.get('factcheck', '?')}",
        "",
        format_table(measurements),
        "",
        "claims and files include the primary files; each corpus also has entities.yaml. Peak RSS: the largest "
        "sum of VmRSS over the lint process and its workers.",
    ]
    c = measurements.get("shacl")
    if c:
        left = "; ".join(f"{n:,} {why}" for why, n in c["left_out"].items()) or "none"
        out += ["", f"FC101 vs pySHACL sh:maxCount 1 (bench/shacl.py, in-process, best of {c['repeat']}; FC101 with a "
                f"fresh context and analysis, over the bucket index built at load time, and from scratch; pySHACL "
                f"validate() on its graphs built beforehand; the target compares validate() with FC101 over the "
                f"index):", "", format_shacl_table(c), "",
                f"{c['corpus_assertions']:,} assertions loaded; {c['considered']:,} cardinality-one assertions with a "
                f"subject in {c['considered_keys']:,} keys; keys left out: {left}; {c['multi_value_keys']:,} compared keys "
                f"have several distinct values; FC101 reported {c['fc101_findings']:,} findings."]
    out += ["", "Targets (issue 6; per shape, issue 17):", "", format_targets(evaluate_targets(measurements)), "", "Reproduce:", "", "```sh"]
    out += list(reproduce)
    out += ["```"]
    if failures:
        out += ["", "FAILED checks:"] + [f"- {f}" for f in failures]
    else:
        checked = ["lint exit codes 0 or 1", "FC106 findings exactly the planted conflicts and no FC001-FC006",
                   "cold, warm and no-cache JSON byte-identical"]
        if any(s.get("pre_commit_s") is not None for s in measurements["sizes"]):
            checked.append("pre-commit findings equal to the full run's for the changed file")
        if measurements.get("shacl"):
            checked.append("FC101 and pySHACL found the same conflicting keys")
        out += ["", "Checks passed: " + "; ".join(checked) + "."]
    return "\n".join(out)


def machine_info(args: argparse.Namespace, repeat_label: str) -> dict[str, Any]:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "python": platform.python_version(), "implementation": platform.python_implementation(),
        "machine": f"{platform.system()} {platform.machine()}", "cpu": cpu, "cpus": os.cpu_count(),
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load_start": _load(), "repeat": repeat_label, "factcheck": _version(), "claims_per_file": args.claims_per_file,
        "seed": args.seed, "conflict_rate": args.conflict_rate, "claims": list(args.claims),
    }


def _version() -> str:
    """The installed version, and the commit of the checkout it runs from ('+' when it has edits)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        text = version("factcheck-lint")
    except PackageNotFoundError:
        text = "?"
    try:
        commit = subprocess.run(["git", "--no-optional-locks", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "--no-optional-locks", "-C", str(HERE.parent), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return text
    return f"{text} at {commit}{'+' if dirty else ''}" if commit else text


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def check_cli(command: list[str]) -> str | None:
    """What the installed factcheck lacks for this benchmark (None when it has everything)."""
    proc = subprocess.run([*command, "lint", "--help"], capture_output=True, text=True)
    missing = [flag for flag in ("--cache-dir", "--no-cache") if flag not in proc.stdout]
    if proc.returncode != 0 or missing:
        return (f"`factcheck lint` does not support {', '.join(missing) or 'lint --help'}: this benchmark measures "
                f"the per-file cache; install a factcheck that has it")
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=list(DEFAULT_CLAIMS),
                        help="news claims per corpus (default: 10000 100000 1000000)")
    parser.add_argument("--claims-per-file", type=int, default=1000)
    parser.add_argument("--shapes", nargs="+", choices=generate.SHAPES, default=list(generate.SHAPES),
                        help="corpus shapes (bench/generate.py --shape) measured at every size (default: all)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="runs per measurement, best reported (default: 3, and 1 from 1M claims)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where corpora, caches and outputs go; corpora there are reused (default: a new temporary directory)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--conflict-rate", type=float, default=0.02)
    parser.add_argument("--skip-shacl", action="store_true", help="do not compare FC101 with pySHACL")
    parser.add_argument("--shacl-sources", type=int, default=10_000,
                        help="news files of the FC101 vs pySHACL corpus (default: %(default)s)")
    parser.add_argument("--shacl-claims-per-source", type=int, default=10,
                        help="claims per news file of that corpus (default: %(default)s)")
    parser.add_argument("--shacl-sources-per-resolution", type=int, default=1,
                        help="news files per resolution of that corpus (default: %(default)s)")
    parser.add_argument("--shacl-conflict-rate", type=float, default=0.05,
                        help="planted wrong values in that corpus (default: %(default)s)")
    parser.add_argument("--pre-commit-min", type=int, default=100_000,
                        help="measure the pre-commit path on sizes from this many claims (default: 100000)")
    parser.add_argument("--timeout", type=float, default=None, help="seconds before one run is abandoned")
    parser.add_argument("--json", type=Path, default=None, help="write the raw measurements to FILE")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed, too")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if (args.repeat is not None and args.repeat < 1) or args.claims_per_file < 1 \
            or any(n < args.claims_per_file for n in args.claims):
        parser.error("--repeat must be >= 1 and every --claims at least --claims-per-file")
    command = scaling.factcheck_command()
    problem = check_cli(command)
    if problem:
        print(f"perf.py: {problem}", file=sys.stderr)
        return 2
    shacl_spec = None
    if not args.skip_shacl:
        if importlib.util.find_spec("pyshacl") is None:
            print("perf.py: pyshacl is not installed (pip install -e '.[bench]'), or pass --skip-shacl", file=sys.stderr)
            return 2
        import shacl  # bench/shacl.py

        shacl_spec = shacl.ManyKeys(args.shacl_sources, args.shacl_claims_per_source,
                                    args.shacl_sources_per_resolution, args.shacl_conflict_rate, args.seed)
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-perf-"))).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    bench = Bench(command, workdir, args.repeat, args.pre_commit_min, shacl_spec, args.timeout, [], [])
    repeat_label = str(args.repeat) if args.repeat else "3 (1 from 1M claims)"
    measurements: dict[str, Any] = {"meta": machine_info(args, repeat_label), "workdir": str(workdir),
                                    "sizes": [], "example": None, "shacl": None}
    log(f"perf.py: working in {workdir}")
    try:
        for claims in args.claims:
            for shape in args.shapes:
                spec = Spec(claims, args.claims_per_file, args.seed, args.conflict_rate, shape)
                measurements["sizes"].append(measure_size(bench, spec))
        measurements["example"] = measure_example(bench, HERE.parent)
    except (Failure, subprocess.TimeoutExpired, ValueError) as err:
        bench.failures.append(str(err))
    if bench.shacl is not None:
        try:
            measurements["shacl"] = measure_shacl(bench, max(3, args.repeat or 3))
        except (RuntimeError, ValueError) as err:
            bench.failures.append(f"FC101 vs pySHACL: {err}")
    measurements["meta"]["load_end"] = _load()
    measurements["targets"] = evaluate_targets(measurements)
    measurements["failures"] = bench.failures
    print(format_report(measurements, bench.reproduce, bench.failures))
    if args.json:
        args.json.write_text(json.dumps(measurements, indent=1, default=str) + "\n", encoding="utf-8")
    if bench.failures:
        return 1
    if args.strict and any(t["status"] == "FAIL" for t in measurements["targets"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
