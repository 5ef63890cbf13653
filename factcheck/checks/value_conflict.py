"""Claims about the same subject, predicate and qualifiers (with overlapping as_of for facts that
change) whose value intervals do not overlap, where at least one side is the outlet's own voice or
both quote the same claimant.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RuleContext
from ..disagreement_messages import disagreement_findings, primary_settles
from ..findings import Finding
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Own voice on either side, or the same claimant on both: the sources themselves disagree."""
    analysis = ctx.analysis
    settled = () if primary_settles(ctx) else analysis.settled_disagreements  # nobody else judges them against the primary
    yield from disagreement_findings(analysis, (d for d in (*analysis.disagreements, *settled) if d.kind == "fact" and d.primary is None and not d.claimants_differ))


CHECK = CheckType(
    name="value_conflict",
    summary="same subject, predicate and qualifiers (same `as_of` day for facts that change), values whose intervals do not overlap",
    verdict="Outlets disagree",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    run=check,
)
