"""What every rule type module provides: a CheckType with its metadata and its generator."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..context import RuleContext
    from ..findings import Finding

Generator = Callable[["RuleContext", Mapping[str, Any]], "Iterator[Finding]"]


@dataclass(frozen=True)
class CheckType:
    """A rule type: its name (the `check:` of rule files), what it looks for, the params it accepts
    (name -> (python type, default)), and the generator of findings (None for load checks)."""

    name: str
    description: str  # what it checks and why, in full (explain, SARIF's fullDescription)
    params: dict[str, tuple[type, Any]] = field(default_factory=dict)
    run: Generator | None = None
    # One line, "fires when ...": `factcheck rules`, the README's rule table, a rule file without
    # a summary of its own. The one place a rule type is summed up.
    summary: str = ""
    # The short verdict a published review of the claim shows (ClaimReview's rating, e.g. "Outlets
    # disagree"); empty for rule types about files rather than what a claim says, which get no review.
    verdict: str = ""
