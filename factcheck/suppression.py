"""Suppressions: a claim's `ignore:` list and `# factcheck: ignore[...]` comments.

A suppression on any claim a finding involves (its location or, for a pair, the other claim: the
first related location) silences it; the further claims a disagreement lists as context do not. FC001
cannot be suppressed: a file that cannot be read was never checked. Suppressions that silence
nothing are reported by the unused-suppression rule, so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .findings import Finding, Location
from .load_checks import ALWAYS_REPORTED
from .selector import Named, RuleNames, names
from .loader import LoadedFile

COMMENT = re.compile(r"#\s*factcheck:\s*ignore\[([^\]]*)\]", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    source: str
    claim: str
    entry: str  # a code, a name, or a code prefix such as FC2
    location: Location
    origin: str  # "ignore" (the claim's list) or "comment"

    def matches(self, rule: Named) -> bool:
        """Whether the entry names the rule: as everywhere (selector.py), by code, name, alias or prefix."""
        return names(self.entry, rule)


def collect_file(loaded: LoadedFile) -> list[Suppression]:
    """The suppressions of one loaded file (before its lines and claim models are released)."""
    found: list[Suppression] = []
    if loaded.source is None:
        return found
    for entry in loaded.claims:
        claim = entry.model
        path = ("claims", entry.index)
        for i, code in enumerate(claim.ignore):
            found.append(Suppression(loaded.source.id, claim.id, code, loaded.location(path + ("ignore", i), claim=claim.id), "ignore"))
        first = loaded.location(path).line
        for number in (first, first - 1):
            if not 1 <= number <= len(loaded.lines):
                continue
            line = loaded.lines[number - 1]
            if "#" not in line or number != first and not line.lstrip().startswith("#"):
                continue  # the line above counts only when it is a comment of its own
            for match in COMMENT.finditer(line):
                column = match.start() + 1
                for code in (c.strip() for c in match.group(1).split(",")):
                    if code:
                        where = Location(loaded.display, number, column, loaded.source.id, claim.id)
                        found.append(Suppression(loaded.source.id, claim.id, code, where, "comment"))
    return found


def collect(files: Iterable[LoadedFile]) -> list[Suppression]:
    """Every file's suppressions, gathered by the per-file stage."""
    return [suppression for loaded in files if loaded.source is not None for suppression in loaded.suppressions]


def apply(findings: Sequence[Finding], suppressions: Sequence[Suppression],
          rules: Mapping[str, RuleNames] | None = None) -> tuple[list[Finding], set[Suppression]]:
    """The findings left after suppression, and the suppressions that silenced something. `rules`
    gives each code's rule with its aliases (a finding knows only its code and name)."""
    by_claim: dict[tuple[str | None, str | None], list[Suppression]] = defaultdict(list)
    for suppression in suppressions:
        by_claim[(suppression.source, suppression.claim)].append(suppression)
    kept: list[Finding] = []
    used: set[Suppression] = set()
    for finding in findings:
        if finding.check in ALWAYS_REPORTED:
            kept.append(finding)
            continue
        rule = (rules or {}).get(finding.code) or RuleNames(finding.code, finding.name)
        matching = [s for loc in finding.involved for s in by_claim.get((loc.source, loc.claim), ()) if s.matches(rule)]
        if matching:
            used.update(matching)
        else:
            kept.append(finding)
    return kept, used
