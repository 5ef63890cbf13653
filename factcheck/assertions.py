"""Typed assertions: what the rule engine compares. Everything here is already normalized."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .findings import Location
from .values import Value


@dataclass(frozen=True)
class SourceInfo:
    id: str
    outlet: str  # entity id when the outlet resolves, else the outlet as written
    published: dt.date
    kind: str
    path: str  # display path of the claim file
    document: str | None
    derived_from: tuple[str, ...]
    document_location: Location | None = None  # where the claim file names its document


@dataclass(frozen=True)
class Assertion:
    source: SourceInfo
    claim: str
    predicate: str
    value_type: str
    subject: str | None  # entity id; None when unresolved (then no cross-source comparison)
    qualifiers: tuple[tuple[str, str], ...]  # sorted; values normalized, entity ids where they name one
    value: Value
    said_by: str | None  # entity id, or the mention as written when unresolved
    as_of: dt.date
    evidence: str | None
    ignore: tuple[str, ...]
    location: Location  # the claim's value, where findings about it point
    claim_location: Location  # the claim's first line, where suppression comments sit
    evidence_location: Location | None = None
    # For a mapping value (a measure, a typed quantity): where each of its keys' values is, so a
    # finding about the force or the amount points there rather than at the whole mapping.
    field_locations: tuple[tuple[str, Location], ...] = ()

    @property
    def placement(self) -> tuple[object, ...]:
        """Report order (DESIGN.md §5): the later-published source by day, then the path that sorts
        later, then the claim later in the file."""
        return (self.source.published, self.source.path, self.location.line, self.location.column)

    def field_location(self, name: str) -> Location:
        return dict(self.field_locations).get(name, self.location)

    @property
    def own_voice(self) -> bool:
        return self.said_by is None

    @property
    def key(self) -> tuple[str | None, str, tuple[tuple[str, str], ...]]:
        """What makes two claims about the same fact: subject, predicate, qualifiers."""
        return (self.subject, self.predicate, self.qualifiers)
