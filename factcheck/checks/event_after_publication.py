"""A date of an `event: true` predicate (adopted_on, occurred_on) whose whole range lies after the
source's publication date.

A story cannot report that something happened after its own publication day, so such a date is a
typo, a wrong year, or a date read the wrong way round. Only a date whose *whole* range lies after
publication counts: "December 2017" in a story of 22 December 2017 may well be right.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RuleContext, claim_finding
from ..findings import Finding
from ..values.date import DateValue, format_days
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Dates of `event: true` predicates against the source's publication day."""
    for a in ctx.assertions:
        if not isinstance(a.value, DateValue):
            continue
        predicate = ctx.predicate(a.predicate)
        if predicate is None or not predicate.event:
            continue
        published = a.source.published
        if a.value.first > published:
            days = format_days(a.value.first, a.value.last)
            message = f"{a.predicate} {days} is after the source's publication date {published.isoformat()}"
            if a.value.text != days:
                message += f" (written '{a.value.text}')"
            yield claim_finding(a, message, a.value.canonical_form())


CHECK = CheckType(
    name="event_after_publication",
    summary="an event date wholly after the source's publication date",
    verdict="Dated after publication",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    run=check,
)
