"""Findings: immutable records of what is wrong and where, with identities that survive edits."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Location(NamedTuple):
    """A place in a file; `path` is relative to the working directory with forward slashes.

    A named tuple, not a frozen dataclass: every finding makes two or more, and a frozen
    dataclass takes several times longer to build (a large corpus reports thousands)."""

    path: str
    line: int
    column: int
    source: str | None = None
    claim: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "column": self.column, "source": self.source, "claim": self.claim}


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict. Checks leave code, name and severity empty; the engine stamps them from the
    rule file that runs the check."""

    code: str
    message: str
    location: Location
    related: tuple[Location, ...] = ()
    # What identifies this finding across edits (source ids, claim ids, key path, normalized values);
    # never line numbers, so moving claims around a file keeps the fingerprint.
    identity: tuple[str, ...] = ()
    name: str = ""
    severity: str = ""
    suggestion: str | None = field(default=None, compare=False)
    # The rule type (`check:` of a rule file) that found it: the engine finds the rule by it, so a
    # finding never needs to know its code before it is stamped.
    check: str = ""

    def __hash__(self) -> int:
        """Over the fields that tell findings apart in practice (equal findings have equal ones), not
        every related place: findings are hashed several times each when duplicates are dropped and
        suppressions applied."""
        return hash((self.code, self.location, self.message))

    @property
    def involved(self) -> tuple[Location, ...]:
        """The claims the finding is about: its location and, for a pair, the other claim (the first
        related location). Any further related locations are context, such as the other claims that
        state the paired claim's value; they decide neither suppression nor the report's statuses."""
        return (self.location, *self.related[:1])

    @property
    def fingerprint(self) -> str:
        parts = (self.code, *self.identity) if self.identity else (self.code, self.location.path, self.message)
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.location.path, self.location.line, self.location.column, self.code, self.message)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            **self.location.to_json(),
            "related": [loc.to_json() for loc in self.related],
            "fingerprint": self.fingerprint,
        }


SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}


def severity_counts(findings: Iterable[Finding]) -> str:
    """"1 error, 48 warnings, 0 info": every severity, as the summaries of every format say it."""
    counts = Counter(f.severity for f in findings)
    return ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in SEVERITIES)
