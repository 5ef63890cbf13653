"""Typed assertions: what the rule engine compares. Everything here is already normalized."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass, field, fields

from .findings import Location
from .models import PredicateModel
from .values import Value


@dataclass(eq=False)
class SourceInfo:
    """One per claim file, shared by its assertions. Not frozen: `document` is resolved after the
    cached per-file stage, because whether the document exists is not a property of the file."""

    id: str
    outlet: str  # entity id when the outlet resolves, else the outlet as written
    published: dt.date
    kind: str
    path: str  # display path of the claim file
    document: str | None  # resolved path, set by corpus.resolve_documents
    derived_from: tuple[str, ...]
    document_location: Location | None = None  # where the claim file names its document
    derived_outlets: tuple[str, ...] = ()  # derived_from resolved: entity id, else the normalized name
    # Where the source can be read and what it is called: what a published review cites as the
    # claim's appearance (reporters/claimreview_format.py).
    url: str | None = None
    title: str | None = None


@dataclass(slots=True, eq=False)
class Assertion:
    """One normalized claim. Treated as immutable (nothing assigns to it after normalize.py makes
    it), but not a frozen dataclass: a large corpus makes hundreds of thousands of them, and a
    frozen dataclass's __init__ and a __dict__ per instance cost time and memory, also when the cache
    is read. Compared by identity."""

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
    # Where the claim's value starts (findings about it point there). Positions are kept as numbers
    # and turned into Locations only when a finding needs one: a large corpus holds hundreds of
    # thousands of assertions, and the cache stores them all.
    line: int
    column: int
    evidence_position: tuple[int, int] | None = None
    # For a mapping value (a measure, a typed quantity): where each of its keys' values is, so a
    # finding about the force or the amount points there rather than at the whole mapping.
    field_positions: tuple[tuple[str, int, int], ...] = ()
    # The index bucket the rules compare it in (see bucket_key), worked out once when normalizing,
    # and every key the pre-commit path looks it up by (relevance.py).
    bucket: tuple[object, ...] | None = None
    meets: tuple[Hashable, ...] = ()
    # The qualifiers as the claim file writes them, when that differs from their canonical form
    # (qualifiers.py): messages show what the outlet wrote, buckets use the canonical key.
    written_qualifiers: tuple[tuple[str, str], ...] | None = None
    # The Location, made the first time a finding needs it and then kept (the one assignment after
    # normalize.py): a quote copied across a corpus is a related place of thousands of findings,
    # which then share one Location instead of holding a copy each. Not pickled (FIELDS).
    _location: Location | None = field(default=None, init=False, repr=False)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as its fields in order (the cache stores hundreds of thousands): about four
        times faster to read back than pickle's default for a slotted object, and half the size."""
        return (Assertion, tuple(getattr(self, name) for name in FIELDS))

    @property
    def location(self) -> Location:
        found = self._location
        if found is None:
            found = self._location = Location(self.source.path, self.line, self.column, self.source.id, self.claim)
        return found

    @property
    def evidence_location(self) -> Location | None:
        if self.evidence_position is None:
            return None
        return Location(self.source.path, *self.evidence_position, self.source.id, self.claim)

    @property
    def qualifiers_label(self) -> str:
        """' {of: refined-petroleum-products}', or nothing without qualifiers: the canonical key, as
        the report's matrix rows show it (one row per fact, whatever each outlet wrote)."""
        return _label(self.qualifiers)

    @property
    def written_label(self) -> str:
        """' {of: supply of refined petroleum products to North Korea}': the qualifiers as this
        claim file writes them, for messages."""
        return _label(self.written_qualifiers if self.written_qualifiers is not None else self.qualifiers)

    @property
    def placement(self) -> tuple[object, ...]:
        """Report order (docs/design.md §5): the later-published source by day, then the path that sorts
        later, then the claim later in the file."""
        return (self.source.published, self.source.path, self.line, self.column)

    def field_location(self, name: str) -> Location:
        for field_name, line, column in self.field_positions:
            if field_name == name:
                return Location(self.source.path, line, column, self.source.id, self.claim)
        return self.location

    @property
    def key(self) -> tuple[str | None, str, tuple[tuple[str, str], ...]]:
        """What makes two claims about the same fact: subject, predicate, qualifiers."""
        return (self.subject, self.predicate, self.qualifiers)


FIELDS = tuple(f.name for f in fields(Assertion) if f.init)  # in order; `source` first


def _label(qualifiers: tuple[tuple[str, str], ...]) -> str:
    return " {" + ", ".join(f"{k}: {v}" for k, v in qualifiers) + "}" if qualifiers else ""


def bucket_key(
    subject: str | None, predicate: str, qualifiers: tuple[tuple[str, str], ...], value_type: str, value: Value, spec: PredicateModel | None
) -> tuple[object, ...] | None:
    """Which claims are compared with which (docs/design.md §8): single-valued facts by subject,
    predicate and qualifiers; keyed many-valued facts (measures) also by their key fields; other
    many-valued facts by their value. Quotes, statements and unresolved subjects have no bucket."""
    if subject is None or spec is None or value_type in ("quote", "text"):
        return None
    if spec.cardinality == "one":
        return (subject, predicate, qualifiers)
    if spec.key:
        return (subject, predicate, qualifiers, tuple(getattr(value, field, None) for field in spec.key))
    return (subject, predicate, qualifiers, value.canonical_form())
