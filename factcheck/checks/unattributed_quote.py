"""A quote (predicate with type quote) without `said_by`: nobody can tell whose words they are.

A quote without `said_by` cannot be checked for drift or misattribution, and a reader cannot tell
whose words they are; either name the speaker or record the words as a statement.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RuleContext, claim_finding
from ..findings import Finding
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """One finding per quote without said_by, at its value."""
    for a in ctx.quotes:
        if a.said_by is None:
            yield claim_finding(a, f"quote {a.value.describe()} has no speaker; add said_by")


CHECK = CheckType(
    name="unattributed_quote",
    summary="a quote with no speaker",
    verdict="Unattributed quote",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    run=check,
)
