"""An own-voice claim (not a quote, not from a primary or opinion source, in no conflict) that no
independent source and no primary source agrees with. Same outlet, derived_from (transitively) and
near-duplicate documents count as one source. Statements agree by fuzzy match.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RuleContext, claim_finding
from ..disagreement_messages import fact_label
from ..findings import Finding
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Independence matters: an outlet and its syndicated copy are one source."""
    analysis = ctx.analysis
    for a in analysis.unsupported(float(params["statement_similarity"])):
        label = fact_label(analysis, a)
        message = f"{label}: {a.value.describe()} appears only in {a.source.id}; no independent or primary source agrees"
        yield claim_finding(a, message, a.value.canonical_form())


CHECK = CheckType(
    name="unsupported",
    summary="an own-voice claim that no independent source and no primary source agrees with (same outlet, `derived_from` and near-duplicate documents count as one source)",
    verdict="Unsupported",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    params={"statement_similarity": (float, 90.0)},
    run=check,
)
