"""`factcheck claims`: every normalized assertion as one row, for data teams (JSON Lines or CSV).

One row per claim that normalized (a claim that did not is a finding of `lint`, not a row), in
report order, with what a spreadsheet or a dataframe needs: where the claim comes from, what it is
about (ids and names), the value as written with its normalized form, and the codes of the
findings reported at it. Columns are fixed (COLUMNS), so a script can rely on them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections.abc import Iterator
from typing import Any, TextIO

from .assertions import Assertion
from .pipeline import LintResult
from .values import Interval

COLUMNS = (
    "source", "outlet", "outlet_name", "published", "kind", "claim", "subject", "subject_name", "predicate", "qualifiers",
    "value", "value_type", "low", "high", "unit", "canonical", "said_by", "said_by_name", "evidence", "path", "line", "findings",
)


def claim_rows(result: LintResult) -> Iterator[dict[str, Any]]:
    """The rows of the claims in the run's scope: the given files, else the whole corpus."""
    codes: dict[tuple[str, str | None], list[str]] = {}
    for finding in result.findings:
        codes.setdefault((finding.location.path, finding.location.claim), []).append(finding.code)
    entities = result.corpus.entities
    focus = result.focus

    def name(entity_id: str | None) -> str | None:
        entity = entities.get(entity_id) if entity_id else None
        return entity.name if entity is not None else None

    for a in sorted(result.assertions, key=lambda a: a.placement):
        if focus is not None and a.source.path not in focus:
            continue
        low, high, unit = _normalized(a)
        yield {
            "source": a.source.id, "outlet": a.source.outlet, "outlet_name": name(a.source.outlet),
            "published": a.source.published.isoformat(), "kind": a.source.kind, "claim": a.claim,
            "subject": a.subject, "subject_name": name(a.subject), "predicate": a.predicate, "qualifiers": dict(a.qualifiers),
            "value": a.value.text, "value_type": a.value_type, "low": low, "high": high, "unit": unit,
            "canonical": a.value.canonical_form(), "said_by": a.said_by, "said_by_name": name(a.said_by),
            "evidence": a.evidence, "path": a.source.path, "line": a.line,
            "findings": sorted(set(codes.get((a.source.path, a.claim), ()))),
        }


def _normalized(a: Assertion) -> tuple[float | str | None, float | str | None, str | None]:
    """The value's normalized range: numbers in their canonical unit, dates as ISO days (an open
    end is empty); (None, None, None) for votes, measures, times, quotes and statements."""
    interval = getattr(a.value, "interval", None)
    if isinstance(interval, Interval):
        return _end(interval.lo), _end(interval.hi), getattr(a.value, "unit", "")
    first, last = getattr(a.value, "first", None), getattr(a.value, "last", None)
    if isinstance(first, dt.date) and isinstance(last, dt.date):
        return _day(first), _day(last), "day"
    return None, None, None


def _end(x: float) -> float | None:
    return None if math.isinf(x) else x


def _day(day: dt.date) -> str | None:
    return None if day in (dt.date.min, dt.date.max) else day.isoformat()


def write_jsonl(result: LintResult, stream: TextIO) -> None:
    for row in claim_rows(result):
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(result: LintResult, stream: TextIO) -> None:
    """Qualifiers as a JSON object and finding codes joined by spaces, so each cell is one value."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in claim_rows(result):
        writer.writerow({**row, "qualifiers": json.dumps(row["qualifiers"], ensure_ascii=False, sort_keys=True),
                         "findings": " ".join(row["findings"])})


FORMATS = {"jsonl": write_jsonl, "csv": write_csv}
