"""The rule engine: run the enabled rule types, stamp their findings, apply suppressions.

Stamping happens here and only here: a rule type yields what it found, and the rule file decides its
code, name and severity.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .checks import CHECKS
from .progress import Progress
from .context import RuleContext
from .findings import Finding
from .load_checks import ALWAYS_REPORTED
from .ruleset import Rule, RuleSet, default_rule
from .selector import RuleNames, selected
from .suppression import apply

UNUSED_SUPPRESSION = "unused_suppression"


@dataclass(frozen=True)
class Selection:
    """--select / --ignore (or the configuration's): codes, names, aliases or code prefixes, decided
    by selector.selected (the most specific entry wins)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def enabled(self, rule: Rule) -> bool:
        return selected(rule, self.select, self.ignore)


def run(ruleset: RuleSet, ctx: RuleContext, load_findings: Iterable[Finding], selection: Selection = Selection(),
        progress: Progress | None = None) -> list[Finding]:
    enabled = [rule for rule in sorted(ruleset.rules.values(), key=lambda r: r.code) if selection.enabled(rule)]
    found = [f for f in (_stamp(f, ruleset, selection) for f in load_findings) if f is not None]
    progress = progress or Progress(show=False)
    progress.begin("running rules", len(enabled))
    ctx.enabled_checks = frozenset(rule.check for rule in enabled)
    for rule in enabled:
        check = CHECKS[rule.check]
        if check.run is not None and rule.check != UNUSED_SUPPRESSION:
            found.extend(_as(rule, finding) for finding in check.run(ctx, rule.params))
        progress.step()
    unique = _unique(found)
    names = _names_by_code(ruleset)
    kept, used = apply(unique, ctx.suppressions, names)
    ctx.used_suppressions = used
    reported = set(kept)
    ctx.silenced = [f for f in unique if f not in reported]
    ctx.rules_run = {names[rule.code] for rule in enabled}
    ctx.all_rules = set(names.values())
    ctx.stale_suppression_rules = {names[rule.code] for rule in ruleset.rules.values() if rule.check == UNUSED_SUPPRESSION}
    for rule in enabled:
        if rule.check == UNUSED_SUPPRESSION:
            # An ignore of this rule itself can only be judged now: it silences stale-suppression
            # findings on its claim, and is used when it does.
            stale = [_as(rule, finding) for finding in CHECKS[rule.check].run(ctx, rule.params)]
            kept_stale, _ = apply(stale, ctx.suppressions, names)
            kept.extend(kept_stale)
    return sorted(_unique(kept), key=Finding.sort_key)


def _as(rule: Rule, finding: Finding) -> Finding:
    """The rule's code, name, severity and check on a finding of its check (built directly: a rule
    can report one finding per claim, and dataclasses.replace costs several times as much)."""
    return Finding(rule.code, finding.message, finding.location, finding.related, finding.identity, rule.name, rule.severity,
                   finding.suggestion, rule.check)


def _stamp(finding: Finding, ruleset: RuleSet, selection: Selection) -> Finding | None:
    """A load finding knows its check; the rule that runs it gives code, name and severity. What
    makes a file unreadable is reported whatever the selection, as an error, and under the packaged
    rule set's code and name when the project's rule set has no rule for it."""
    rule = ruleset.by_check(finding.check)
    if finding.check in ALWAYS_REPORTED:
        rule = rule or default_rule(finding.check)
        return _as(replace(rule, severity="error"), finding) if rule is not None else None
    if rule is None or not selection.enabled(rule):
        return None
    return _as(rule, finding)


def _names_by_code(ruleset: RuleSet) -> dict[str, RuleNames]:
    """Each rule's code, name and aliases: what suppressions are matched against."""
    return {rule.code: RuleNames(rule.code, rule.name, rule.aliases) for rule in ruleset.rules.values()}


def _unique(findings: Sequence[Finding]) -> list[Finding]:
    return list(dict.fromkeys(findings))
