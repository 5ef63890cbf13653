#!/usr/bin/env python3
"""What authenticating the cache costs: a warm run's cache reads with and without the MAC check.

    python bench/cache_mac.py [--workdir DIR] [--claims N] [--repeat R]

The corpus is bench/perf.py's (N news claims, 1,000 per file; made by bench/generate.py in DIR, or
reused from there). A cold `factcheck lint` fills a cache under a secret of this run's own; then, in
this process and best of R, every claim file's entry is read back three ways:

- `FileCache.get` as a warm run does it: read, check key, verify the keyed BLAKE2b MAC, unpickle;
- the same bytes unpickled without the MAC check (what the cache cost before entries were signed);
- the MAC alone over the same bytes.

The ratio of the first two is what signing costs a warm run's reads; the warm run's wall clock is
printed beside it, so the cost can be read against the whole run.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import perf  # noqa: E402  (bench/perf.py, next to this file)


def best(repeat: int, work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, default=None, help="where the corpus and cache go (default: a new temporary directory)")
    parser.add_argument("--claims", type=int, default=100_000, help="news claims (default: 100000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement, best reported (default: 5)")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-cache-mac-"))
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ["XDG_CACHE_HOME"] = str(workdir / "user-cache")  # this run's own secret
    spec = perf.Spec(args.claims, 1000, 0, 0.02)
    corpus, _, _ = perf.ensure_corpus(workdir, spec)
    cache_dir = workdir / "cache-mac" / spec.name

    from factcheck.cache import DIGEST, FORMAT, MAGIC, FileCache
    from factcheck.pipeline import LintOptions, run_lint

    perf.log(f"cold lint of {corpus} into {cache_dir} ...")
    run_lint(LintOptions(cache_dir=cache_dir, jobs=1), cwd=corpus)
    start = time.perf_counter()
    run_lint(LintOptions(cache_dir=cache_dir, jobs=1), cwd=corpus)
    warm = time.perf_counter() - start

    entries = sorted((cache_dir / f"v{FORMAT}").glob("*.pickle"))
    blobs = [path.read_bytes() for path in entries]
    probe = FileCache(cache_dir, b"")
    secret = probe._user_secret()
    assert secret is not None, "the benchmark's own secret could not be made"
    header = len(MAGIC) + 2 * DIGEST
    megabytes = sum(len(blob) for blob in blobs) / 1e6

    def verified() -> None:
        for path, blob in zip(entries, blobs):
            key = blob[len(MAGIC) : len(MAGIC) + DIGEST]
            payload = memoryview(blob)[header:]
            assert probe._mac(secret, path.name, key, payload) == blob[len(MAGIC) + DIGEST : header]
            pickle.loads(payload)

    def unverified() -> None:
        for blob in blobs:
            pickle.loads(memoryview(blob)[header:])

    def mac_only() -> None:
        for path, blob in zip(entries, blobs):
            probe._mac(secret, path.name, blob[len(MAGIC) : len(MAGIC) + DIGEST], memoryview(blob)[header:])

    gc.disable()
    try:
        with_mac = best(args.repeat, verified)
        without = best(args.repeat, unverified)
        mac = best(args.repeat, mac_only)
    finally:
        gc.enable()

    print(f"Cache reads of a warm run, best of {args.repeat}; {len(entries)} entries, {megabytes:.1f} MB; "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")
    print("| claims | entries | MB | unpickle ms | MAC + unpickle ms | MAC ms | signed/unsigned | MAC share of warm lint |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.claims:,} | {len(entries)} | {megabytes:.1f} | {without * 1e3:.2f} | {with_mac * 1e3:.2f} | {mac * 1e3:.2f} | "
          f"{with_mac / without:.2f}x | {mac / warm:.1%} of {warm:.2f} s |")
    print(f"\nReproduce:\n\n    python bench/cache_mac.py --workdir {workdir} --claims {args.claims} --repeat {args.repeat}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
