#!/usr/bin/env python3
"""What one finding costs before any rule logic: building it, its fingerprint, its JSON.

    python bench/finding_cost.py                 # 100,000 findings, best of 3
    python bench/finding_cost.py --findings 20000 --repeat 5

A shape where nearly every claim is reported (diverse statements: FC201 on each; dense keys:
FC101 on each) has as many findings as claims. Whatever the rules do, each finding is a `Finding`
with its `Location` and up to ten related locations (context.RELATED_LIMIT; the claims' own
Locations, shared), a message, a fingerprint (a SHA-256 of its identity) and a JSON object. This measures those steps alone, with
made-up findings shaped like the dense shape's FC101 (ten related places), next to the libyaml
compose of the dense shape's claims (the floor bench/perf.py compares lint with), so the table says
how much of a lint's time its findings take at the least, in units of that floor.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py, next to this file)

from factcheck.findings import Finding, Location  # noqa: E402
from factcheck.reporters.json_format import pieces  # noqa: E402

RELATED = 10
PER_FILE = 1_000



def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def compose_each(files: list[str]) -> None:
    """Each file composed and dropped, as bench/perf.py's floor does."""
    for text in files:
        yaml.compose(text, Loader=yaml.CSafeLoader)


def places(count: int) -> list[Location]:
    """One place per claim, made beforehand: a claim keeps its Location once made, and the findings
    that name it share it (Assertion.location)."""
    return [Location(f"news/outlet-{n % 100}.yaml", 40 + n, 12, f"outlet-{n % 100}", f"fact-{n}") for n in range(count)]


def build(count: int, place: list[Location]) -> list[Finding]:
    findings = []
    for n in range(count):
        at = place[n]
        related = tuple(place[(n + k) % count] for k in range(1, RELATED + 1))
        message = f"amount of UN Security Council Resolution 1704 {{of: nickel}}: '35 percent' vs '15 percent' in {at.source} ({at.claim}); and 66 more claims state it"
        finding = Finding("FC101", message, at, related, identity=(at.source or "", at.claim or "", "35 percent", "15 percent"))
        findings.append(Finding(finding.code, finding.message, finding.location, finding.related, finding.identity, "value-conflict", "error"))
    return findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    count = args.findings
    # The floor's files: the dense shape's, of 1,000 claims each (bench/generate.py).
    with tempfile.TemporaryDirectory() as scratch:
        generate.generate(Path(scratch), max(1, count // PER_FILE), PER_FILE, shape="dense")
        files = [p.read_text(encoding="utf-8") for p in sorted(Path(scratch).rglob("*.yaml")) if p.parent.name == "news"]
    claims = len(files) * PER_FILE
    composed = best(args.repeat, lambda: compose_each(files))  # first: a fresh heap, as the floor's own process has
    place = places(count)
    findings = build(count, place)
    rows = [
        ("libyaml compose of a claim (the floor)", composed),
        ("build: message, Finding, 10 related places", best(args.repeat, lambda: build(count, place))),
        ("fingerprint", best(args.repeat, lambda: [f.fingerprint for f in findings])),
        ("sort", best(args.repeat, lambda: sorted(findings, key=Finding.sort_key))),
        ("JSON (to_json and orjson)", best(args.repeat, lambda: sum(len(p) for p in pieces(f.to_json() for f in findings)))),
    ]
    floor = rows[0][1] / claims * count  # per claim, as many claims as findings
    findings_total = sum(seconds for _, seconds in rows[1:])
    print(f"{count:,} findings, best of {args.repeat}, orjson {orjson.__version__}, PyYAML {yaml.__version__}\n")
    print("| step | µs each | × floor |")
    print("|---|---|---|")
    print(f"| libyaml compose of a claim (the floor) | {1e6 * floor / count:.1f} | 1.00 |")
    for name, seconds in rows[1:]:
        print(f"| {name} | {1e6 * seconds / count:.1f} | {seconds / floor:.2f} |")
    print(f"| every step of a finding | {1e6 * findings_total / count:.1f} | {findings_total / floor:.2f} |")
    print(f"\nreproduce: python bench/finding_cost.py --findings {count} --repeat {args.repeat}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
