"""What a rule type sees: the normalized corpus, its shared analyses, and helpers that place findings.

Rule types only read from here and yield findings; code, name and severity are stamped later by the
engine, so nothing here knows about them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar
from pathlib import Path

from .analysis import Analysis
from .assertions import Assertion, SourceInfo
from .bucket_index import BucketIndex
from .documents import DocumentStore
from .findings import Finding, Location
from .models import PredicateModel
from .quote_index import QuoteIndex
from .registry.entities import EntityRegistry
from .registry.predicates import PredicateRegistry
from .selector import RuleNames
from .suppression import Suppression

T = TypeVar("T")


@dataclass
class RuleContext:
    assertions: Sequence[Assertion]
    predicates: PredicateRegistry
    entities: EntityRegistry
    root: Path
    documents: DocumentStore = field(default_factory=DocumentStore)
    suppressions: Sequence[Suppression] = ()
    # Filled by the engine before the unused-suppression rule runs: the suppressions that silenced
    # something, the (code, name) of the rules that ran, and of all rules in the rule set.
    used_suppressions: set[Suppression] = field(default_factory=set)
    silenced: list[Finding] = field(default_factory=list)  # findings a suppression hid (the report shows them)
    rules_run: set[RuleNames] = field(default_factory=set)
    all_rules: set[RuleNames] = field(default_factory=set)
    stale_suppression_rules: set[RuleNames] = field(default_factory=set)  # the rules of unused_suppression
    # The checks of the rules that run (set by the engine before any runs; None: not known, as for a
    # context made directly, which then behaves as with the packaged rule set).
    enabled_checks: frozenset[str] | None = None
    # Every source of the corpus when `assertions` is only the part that matters (pre-commit path).
    sources: Mapping[str, SourceInfo] | None = None
    focus: Collection[str] | None = None  # display paths whose findings are wanted (None: all)
    # The bucket index of `assertions`, built at load time (pipeline.py); None: the analysis builds it.
    index: BucketIndex | None = None

    def predicate(self, name: str) -> PredicateModel | None:
        return self.predicates.get(name)

    @cached_property
    def quotes(self) -> list[Assertion]:
        return [a for a in self.assertions if a.value_type == "quote"]

    @cached_property
    def quote_index(self) -> QuoteIndex:
        """Quote wordings and the pairs sharing a run, built once for FC104 and FC105."""
        return QuoteIndex(self.quotes)

    @cached_property
    def analysis(self) -> Analysis:
        """Conflicts, support and independence, computed once and shared by the rules that need them."""
        return Analysis(self.assertions, self.predicates, self.entities, self.documents, self.sources, self.focus, self.index)


def placement_key(a: Assertion) -> tuple[object, ...]:
    """Where a finding about two claims goes: the later one (see Assertion.placement)."""
    return a.placement


def pair_finding(
    a: Assertion,
    b: Assertion,
    message: str,
    *values: str,
    at: Assertion | None = None,
    location: Location | None = None,
    more: tuple[Location, ...] = (),
) -> Finding:
    """A finding about two claims, reported once: at `at`, else at the later of the two; at its
    value unless told otherwise (`location`, e.g. one field of a measure).

    `related` holds the other claim first, then `more` (further claims on the other claim's side,
    shown for context). The identity, and so the fingerprint, comes from the two claims only."""
    if at is None:
        at = max(a, b, key=placement_key)
    other = b if at is a else a
    a_end, b_end = (a.source.id, a.claim), (b.source.id, b.claim)
    identity = (*a_end, *b_end, *values) if a_end <= b_end else (*b_end, *a_end, *values)
    return Finding("", message, location or at.location, (other.location, *more), identity=identity)


# At most this many `related` locations on a finding about a pair and the claims like the pair's.
RELATED_LIMIT = 10


def per_claim(pairs: Iterable[tuple[Assertion, Assertion, T]]) -> Iterator[tuple[Assertion, Assertion, T, list[Assertion]]]:
    """Pairs (claim reported at, other claim, what the rule knows of the pair) grouped by the claim
    they are reported at, in first-seen order: one finding per claim, never one per pair. The pair
    kept is the one whose other claim came first (placement_key), so the finding's identity, and
    its fingerprint, stays when later copies of the other side arrive; the other claims of the rest
    follow, earliest first, for `related`."""
    grouped: dict[tuple[str, str], list[tuple[Assertion, Assertion, T]]] = {}
    for at, other, data in pairs:
        grouped.setdefault((at.source.id, at.claim), []).append((at, other, data))
    for items in grouped.values():
        items.sort(key=lambda item: placement_key(item[1]))
        at, other, data = items[0]
        rest = list({(o.source.id, o.claim): o for _, o, _ in items[1:] if o is not other}.values())
        yield at, other, data, rest


def earlier_partners(order: Iterable[tuple[int, int, str]], across: bool, same_key: bool,
                     limit: int = RELATED_LIMIT) -> Iterator[tuple[int, list[int], int]]:
    """For items arriving in report order as (item, side, key): the first `limit` earlier items it
    pairs with, and how many there are in all, for each item with any.

    An item pairs with earlier items of the other side (`across`, two wordings) or of its own side
    (one wording), whose key is its own (`same_key`: one speaker's drifted quotes) or another
    (quotes put in different mouths). The pairs themselves are never listed: each side keeps, per
    key, its first `limit` items of that key and of other keys, so n items of k keys cost about
    n + k * limit steps, not n squared (docs/design.md §8)."""
    earliest: tuple[list[int], list[int]] = ([], [])  # per side: its first `limit` items
    seen = [0, 0]
    per_key: tuple[dict[str, int], dict[str, int]] = ({}, {})
    of_key: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})  # first `limit` of this key
    of_others: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})  # first `limit` of other keys
    filling: tuple[set[str], set[str]] = (set(), set())  # keys whose of_others list is not full yet
    for item, side, key in order:
        if not same_key and key not in of_others[0]:  # a key not seen before: every earlier item is another's
            for s in (0, 1):
                of_others[s][key] = list(earliest[s])
                if len(earliest[s]) < limit:
                    filling[s].add(key)
        partner = 1 - side if across else side
        if same_key:
            total, first = per_key[partner].get(key, 0), of_key[partner].get(key, [])
        else:
            total, first = seen[partner] - per_key[partner].get(key, 0), of_others[partner][key]
        if total:
            yield item, list(first), total
        seen[side] += 1
        per_key[side][key] = per_key[side].get(key, 0) + 1
        if len(earliest[side]) < limit:
            earliest[side].append(item)
        mine = of_key[side].setdefault(key, [])
        if len(mine) < limit:
            mine.append(item)
        if not same_key:
            for other in [k for k in filling[side] if k != key]:
                others = of_others[side][other]
                others.append(item)
                if len(others) >= limit:
                    filling[side].discard(other)


def more_claims(rest: Sequence[Assertion], room: int, lead: str, count: int | None = None) -> tuple[tuple[Location, ...], str]:
    """Related locations for `rest` (at most `room`) and the message part that names them ("; it
    also disagrees with ap (adopted-on)"), or counts them when they are many. `count` is how many
    there are in all when `rest` holds only the first of them."""
    total = len(rest) if count is None else count
    if not total:
        return (), ""
    shown = tuple(a.location for a in rest[: max(room, 0)])
    if total <= 3 and len(shown) == total:
        return shown, f"; {lead} " + ", ".join(short(a) for a in rest)
    return shown, f"; {lead} {total} more claims"


def claim_finding(a: Assertion, message: str, *values: str, location: Location | None = None) -> Finding:
    """A finding about one claim, at its value unless told otherwise."""
    return Finding("", message, location or a.location, (), identity=(a.source.id, a.claim, *values))


def short(a: Assertion) -> str:
    """How a claim is named in messages: 'source (claim)'."""
    return f"{a.source.id} ({a.claim})"
