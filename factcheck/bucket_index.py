"""The corpus bucket index: comparable claims by bucket, then by normalized value.

Built once from the checked assertions before any rule runs (pipeline.py), as a database builds its
indexes when rows are added rather than when a query asks: the cross-source rules (FC101-FC106,
FC201) then read value groups instead of regrouping the corpus, and the disagreement search visits
only the buckets that hold two or more distinct values. Most buckets of a large corpus hold one
value, and their claims are never looked at there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .assertions import Assertion

Bucket = tuple[object, ...]  # Assertion.bucket: subject, predicate, qualifiers (and key fields)
ValueGroups = dict[str, list[Assertion]]  # canonical form -> the claims that state it


def by_value(members: Iterable[Assertion]) -> ValueGroups:
    """Claims grouped by normalized value, first seen first at both levels: claims that say the
    same thing are compared once."""
    groups: ValueGroups = {}
    for a in members:
        groups.setdefault(a.value.canonical_form(), []).append(a)
    return groups


class BucketIndex:
    """Every bucket's claims in corpus order; the value groups of each bucket that holds two claims
    or more (a lone claim is compared with nothing); the buckets with two value groups or more
    (only they can hold a disagreement); and the measures (for the primary source's direction, FC106).

    It describes exactly the assertions it was built from: an Analysis uses it only for those.
    """

    def __init__(self, assertions: Sequence[Assertion]) -> None:
        self.assertions = assertions
        self.members: dict[Bucket, list[Assertion]] = {}
        self.measures: list[Assertion] = []
        for a in assertions:  # setdefault: a bucket tuple is hashed once per claim (tuples cache no hash)
            if a.value_type == "measure":
                self.measures.append(a)
            if a.bucket is not None:
                self.members.setdefault(a.bucket, []).append(a)
        self.groups: dict[Bucket, ValueGroups] = {
            bucket: by_value(members) for bucket, members in self.members.items() if len(members) > 1
        }
        self.contested: list[Bucket] = [bucket for bucket, groups in self.groups.items() if len(groups) > 1]
