#!/usr/bin/env python3
"""How well `factcheck extract` reads the seed articles: precision and recall per kind of mention.

    .venv/bin/python bench/extract_quality.py              # run extract on each seed, score it
    .venv/bin/python bench/extract_quality.py --details    # also list misses and extras
    .venv/bin/python bench/extract_quality.py --curated    # score the editors' claims/*.yaml instead

For each gold file in tests/extract/gold/ (one per seed article), `python -m factcheck extract
<document> --published <date>` runs as a subprocess from the repository root; its standard output
is the draft claim file (YAML). The draft is scored against the gold by bench/scoring.py:
quotes (words, and words + speaker), quantities, counts, dates and votes, each with tp, fp, fn,
precision and recall; then the total over all seeds. `--curated` scores the hand-made claim files
of the example corpus instead, which shows what the gold demands beyond the editors' choice of
claims (they record what matters, the gold records every mention).

Exit codes: 0 scored; 2 when extract is missing or fails, or a gold file is broken.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from scoring import (  # noqa: E402
    Gold, GoldError, KindMatch, format_table, load_entity_registry, load_gold, match,
)

GOLD_DIR = ROOT / "tests" / "extract" / "gold"
ENTITIES = ROOT / "claims" / "entities.yaml"
REPRODUCE = ".venv/bin/python bench/extract_quality.py"


class BenchError(Exception):
    """Something that stops the benchmark; printed as one clear message, never a traceback."""


def run_extract(gold: Gold) -> dict[str, Any]:
    """The draft claim file that `factcheck extract` prints for the gold's seed article."""
    document = ROOT / gold.document
    if not document.is_file():
        raise BenchError(f"{gold.path.name}: the seed article {gold.document} does not exist")
    command = [sys.executable, "-m", "factcheck", "extract", str(document), "--published", gold.published.isoformat(), *_outlet_flag(gold)]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        raise BenchError(f"{shlex.join(command)} did not finish within 10 minutes") from None
    if done.returncode != 0:
        if "invalid choice: 'extract'" in done.stderr:
            raise BenchError(
                "`factcheck extract` does not exist yet (the CLI has no 'extract' command), so there "
                "is nothing to score. Run this benchmark again once it is there, or use --curated to "
                "score the example corpus's claim files."
            )
        raise BenchError(
            f"`factcheck extract` failed on {gold.document} (exit {done.returncode}):\n"
            f"  {shlex.join(command)}\n" + _indent(done.stderr.strip() or "(no error output)")
        )
    return _parse_draft(done.stdout, f"the output of `factcheck extract {gold.document}`")


def _outlet_flag(gold: Gold) -> list[str]:
    """What the page does not state comes from flags, as a user would give them: the outlet of
    the example corpus's claim file for the article (only the blog needs it)."""
    try:
        curated = yaml.safe_load((ROOT / "claims" / f"{gold.name}.yaml").read_text(encoding="utf-8"))
        return ["--outlet", str(curated["source"]["outlet"])]
    except (OSError, KeyError, TypeError, yaml.YAMLError):
        return []


def read_curated(gold: Gold) -> dict[str, Any]:
    """The example corpus's claim file for the gold's article (claims/<gold name>.yaml)."""
    path = ROOT / "claims" / f"{gold.name}.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise BenchError(f"cannot read {path.relative_to(ROOT)}: {err.strerror or err}") from None
    return _parse_draft(text, str(path.relative_to(ROOT)))


def _parse_draft(text: str, what: str) -> dict[str, Any]:
    try:
        documents = [doc for doc in yaml.safe_load_all(text) if doc is not None]
    except yaml.YAMLError as err:
        raise BenchError(f"{what} is not valid YAML: {err}") from None
    if len(documents) > 1:
        raise BenchError(f"{what} holds {len(documents)} YAML documents; expected one claim file")
    data = documents[0] if documents else None
    if not isinstance(data, dict) or "claims" not in data:
        shown = text.strip()[:200] or "(nothing)"
        raise BenchError(f"{what} is not a claim file (a mapping with 'source' and 'claims'):\n" + _indent(shown))
    return data


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def describe(name: str, details: dict[str, KindMatch]) -> str:
    """The misses and extras of one article, for whoever improves the extractor."""
    lines = [f"{name}: misses and extras"]
    for kind, result in details.items():
        for item in result.missed:
            speaker = f" [{item.speaker}]" if kind == "quote+speaker" else ""
            lines.append(f"  {kind:<13} missed  line {item.line}: {_short(item.as_written or item.text)}{speaker}")
        for mention in result.spurious:
            why = f" ({mention.problem})" if mention.problem else ""
            speaker = f" [{mention.speaker}]" if kind == "quote+speaker" else ""
            lines.append(f"  {kind:<13} extra   claim {mention.claim}: {_short(mention.text)}{speaker}{why}")
    return "\n".join(lines)


def _short(text: str, limit: int = 70) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3].rstrip() + "...")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score `factcheck extract` on the seed articles against the gold annotations.")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="directory of gold files (default: tests/extract/gold)")
    parser.add_argument("--entities", type=Path, default=ENTITIES, help="entity registry for speakers (default: claims/entities.yaml)")
    parser.add_argument("--details", action="store_true", help="list every missed gold item and every extra mention")
    parser.add_argument("--curated", action="store_true", help="score claims/<seed>.yaml instead of running extract")
    args = parser.parse_args(argv)
    try:
        paths = sorted(args.gold.glob("*.yaml"))
        if not paths:
            raise BenchError(f"no gold files (*.yaml) in {args.gold}")
        golds = [load_gold(path) for path in paths]
        registry = load_entity_registry([args.entities])
        results, notes = {}, []
        for gold in golds:
            draft = read_curated(gold) if args.curated else run_extract(gold)
            details = match(draft, gold, registry)
            results[gold.name] = {kind: result.score for kind, result in details.items()}
            if args.details:
                notes.append(describe(gold.name, details))
    except (BenchError, GoldError, ValueError) as err:
        print(f"extract_quality: {err}", file=sys.stderr)
        return 2
    what = "the curated claim files (claims/*.yaml)" if args.curated else "`factcheck extract`"
    print(f"Mentions found by {what} against the gold in {shown(args.gold)}\n")
    print(format_table(results))
    for note in notes:
        print(note + "\n")
    flags = " ".join(arg for arg in (sys.argv[1:] if argv is None else argv))
    print(f"Reproduce: {REPRODUCE}{' ' + flags if flags else ''}")
    return 0


def shown(path: Path) -> str:
    """A path as the reader knows it: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
