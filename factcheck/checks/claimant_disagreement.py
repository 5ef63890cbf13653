"""A single-valued fact on which two different named claimants (said_by) give values that do not
overlap.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RuleContext
from ..disagreement_messages import disagreement_findings, primary_settles
from ..findings import Finding
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Reporting two people who disagree is not an error of the outlets, so it is its own rule."""
    analysis = ctx.analysis
    settled = () if primary_settles(ctx) else analysis.settled_disagreements  # nobody else judges them against the primary
    yield from disagreement_findings(analysis, (d for d in (*analysis.disagreements, *settled) if d.kind == "fact" and d.primary is None and d.claimants_differ))


CHECK = CheckType(
    name="claimant_disagreement",
    summary="as value-conflict, but two different named claimants (`said_by`) disagree",
    verdict="Claimants disagree",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    run=check,
)
