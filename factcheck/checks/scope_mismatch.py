"""Measures with the same subject, target and direction whose actions are incompatible (ban vs cap),
whose force differs (binding vs non-binding), or whose amounts or deadlines do not overlap.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RuleContext
from ..disagreement_messages import disagreement_findings, primary_settles
from ..findings import Finding
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    analysis = ctx.analysis
    settled = () if primary_settles(ctx) else analysis.settled_disagreements  # nobody else judges them against the primary
    yield from disagreement_findings(analysis, (d for d in (*analysis.disagreements, *settled) if d.kind == "measure" and d.primary is None))


CHECK = CheckType(
    name="scope_mismatch",
    summary="two descriptions of the same measure (subject, target, direction) differ in action, force, amount or deadline",
    verdict="Scope differs between outlets",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    run=check,
)
