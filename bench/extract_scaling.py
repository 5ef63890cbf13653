#!/usr/bin/env python3
"""Does `extract` stay linear in the article's size, on real text and on hostile shapes?

    .venv/bin/python bench/extract_scaling.py                 # sizes 1x, 4x, 16x of each shape
    .venv/bin/python bench/extract_scaling.py --factors 1 8 64

An article reaches extract from anyone (a pasted page, a pull request), so every finder must read
it in time proportional to its length. Each shape is an article body repeated `factor` times:

- `news`: the development set's articles (tests/data/events/*/*.txt) one after another;
- `names`: one paragraph of 2,000 capitalised words ("Alpha Beta Gamma ..."), which a name
  pattern that backtracks would take quadratic time over;
- `numbers`: numbers, units and hedges in long sentences with no full stop;
- `quotes`: paragraphs of quotations and speech verbs, every speaker a role ("the prime
  minister said") that the article's names are searched for.

The whole draft (`draft_claims`: article reading, quotes, values, readings, measures, entities)
is timed in this process, best of --repeat runs. The table shows seconds per size and the ratio of
the largest size's time per character to the smallest's: about 1 is linear, the factor itself would
be quadratic. Exit 1 when a ratio exceeds --limit (default 3).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extract.article import read_article  # noqa: E402
from factcheck.extract.claims import SourceOptions, draft_claims  # noqa: E402
from factcheck.ruleset import default_rules_dir, load_ruleset  # noqa: E402

REPRODUCE = ".venv/bin/python bench/extract_scaling.py"


def shapes() -> dict[str, str]:
    news = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "events").glob("*/*.txt")))
    names = " ".join(["Alpha", "Beta", "Gamma", "Delta"] * 500) + ", the chairman of the committee, spoke.\n\n"
    numbers = ("about 40 km from the city, nearly 26km (16 miles) deep, at least 2,053 dead and 9,249 injured, "
               "143-5 with 35 abstentions, 35 countries abstained, $400 million a year, a magnitude 6.3 quake, ") * 40 + ".\n\n"
    quotes = ("\u201cWe will rebuild,\u201d the prime minister said. \u201cIt is over,\u201d said the minister. "
              "Sir Graham Brady, the chairman of the 1922 Committee, read the result.\n\n") * 20
    return {"news": news, "names": names, "numbers": numbers, "quotes": quotes}


RULESET = load_ruleset([default_rules_dir()], [])


def timed(text: str, repeat: int) -> float:
    ruleset = RULESET
    options = SourceOptions(outlet="Bench", published=dt.date(2023, 10, 8), source_id="bench")
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        draft_claims(read_article("Headline\n\n" + text, "bench.txt"), options, None, ruleset)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=float, default=3.0)
    parser.add_argument("--shapes", nargs="+", choices=sorted(shapes()), help="only these shapes (default: all)")
    args = parser.parse_args(argv)
    factors = sorted(set(args.factors))
    header = ["shape", *(f"{f}x" for f in factors), f"time per char {factors[-1]}x / {factors[0]}x"]
    rows, failed = [], []
    for name, body in shapes().items():
        if args.shapes and name not in args.shapes:
            continue
        times = [timed(body * f, args.repeat) for f in factors]
        ratio = (times[-1] / (len(body) * factors[-1])) / (times[0] / (len(body) * factors[0]))
        rows.append([name, *(f"{t:.3f}s" for t in times), f"{ratio:.2f}"])
        if ratio > args.limit:
            failed.append(name)
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\nReproduce: {REPRODUCE} --factors {' '.join(map(str, factors))} --repeat {args.repeat}")
    if failed:
        print(f"not linear: {', '.join(failed)} (ratio above {args.limit})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
