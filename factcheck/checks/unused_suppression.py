"""An `ignore:` entry or `# factcheck: ignore[...]` comment that suppressed no finding of a rule that
ran, or names no rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RuleContext
from ..findings import Finding
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Only suppressions of rules that ran count: with --select FC1, an ignore of FC201 is not stale."""
    own = ctx.stale_suppression_rules
    for s in ctx.suppressions:
        if s in ctx.used_suppressions or any(s.matches(rule) for rule in own):
            continue  # used, or a suppression of this very rule (judged by the engine afterwards)
        ran = [rule for rule in ctx.rules_run if s.matches(rule)]
        known = [rule for rule in ctx.all_rules if s.matches(rule)]
        if ran:
            names = ", ".join(sorted(f"{rule.code} {rule.name}" for rule in ran))
            message = f"suppression '{s.entry}' ({s.origin}) silenced nothing: {names} found nothing here to suppress; remove it"
        elif not known:
            message = f"suppression '{s.entry}' ({s.origin}) names no rule; expected a code like FC201, a name like unsupported, or a prefix like FC2"
        else:
            continue
        yield Finding("", message, s.location, (), identity=(s.source, s.claim, s.entry, s.origin))


CHECK = CheckType(
    name="unused_suppression",
    summary="an `ignore` entry or ignore comment that silenced nothing, or names no rule",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    run=check,
)
