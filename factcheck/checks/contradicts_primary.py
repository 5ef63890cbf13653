"""A claim disagrees with an authoritative (kind: primary) source: a different value for the same fact,
a measure described with another action, force, amount or deadline, or a measure stated in the
opposite direction (exports vs imports).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RuleContext
from ..disagreement_messages import disagreement_findings
from ..findings import Finding
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Replaces FC101/FC102/FC103 for pairs with exactly one primary side; always at the other claim."""
    analysis = ctx.analysis
    yield from disagreement_findings(analysis, (d for d in analysis.disagreements if d.primary is not None))


CHECK = CheckType(
    name="contradicts_primary",
    summary="a claim disagrees with a `kind: primary` source (instead of value-conflict, claimant-disagreement or scope-mismatch), including a measure stated in the opposite direction",
    verdict="Contradicts the primary source",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    run=check,
)
