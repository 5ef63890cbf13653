"""Which assertions can take part in a finding about some files: the pre-commit path.

A pre-commit hook passes the staged files, and only findings located in or related to them are
reported. Every cross-source rule compares claims only inside an index bucket (docs/design.md §8), so the
claims that can meet a claim of those files are exactly the other members of its buckets:

- the fact or measure bucket (subject, predicate, qualifiers, and the key fields of a measure),
  which holds what FC101-FC106 pair up and what FC201 counts as support;
- the statement bucket (subject, predicate, qualifiers), for FC201's fuzzy support;
- a measure's (subject, qualifiers, target), for the primary source's direction (FC106);
- the quotes that share a three-word run or all their words with a quote (the only candidate pairs
  FC104 and FC105 look at; see quote_index.py).

Checking only those claims finds the same findings about the given files as checking the whole
corpus (tested against a full run), at a fraction of the cost. Independence is still judged over
every source, since it is transitive (the Analysis gets all sources).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence

from .assertions import Assertion
from .values import Value
from .quote_index import RUN, quote_tokens, word_runs


def relevant(assertions: Sequence[Assertion], paths: Collection[str]) -> list[Assertion]:
    """The assertions of the files at `paths` (display paths) and every assertion that shares a
    bucket with one of them, in their original order."""
    mine = [a for a in assertions if a.source.path in paths]
    keys = {key for a in mine for key in a.meets}
    runs = {run for a in mine if a.value_type == "quote" for run in quote_runs(quote_tokens(a))}
    meets: dict[int, bool] = {}  # claims of a bucket share their meets tuple: decide once per tuple
    kept = []
    for a in assertions:
        if a.value_type == "quote":
            if runs and not runs.isdisjoint(quote_runs(quote_tokens(a))) or a.source.path in paths:
                kept.append(a)
            continue
        shared = meets.get(id(a.meets))
        if shared is None:
            shared = meets[id(a.meets)] = not keys.isdisjoint(a.meets)
        if shared or a.source.path in paths:
            kept.append(a)
    return kept


def meeting_keys(
    subject: str | None, predicate: str, qualifiers: tuple[tuple[str, str], ...], value_type: str, value: Value, bucket: tuple[object, ...] | None
) -> tuple[Hashable, ...]:
    """The buckets a claim other than a quote is compared in (see the module docstring); worked out
    when normalizing and kept with the assertion (Assertion.meets)."""
    if subject is None or value_type == "quote":  # quotes meet through their runs only
        return ()
    if value_type == "text":
        return (("statement", subject, predicate, qualifiers),)
    if value_type == "measure":
        return (bucket, ("target", subject, qualifiers, getattr(value, "target", None)))
    return (bucket,) if bucket is not None else ()


def quote_runs(words: Sequence[str]) -> Iterable[tuple[str, ...]]:
    """The quote's runs; a shorter quote stands for itself (it pairs only when equal)."""
    if len(words) < RUN:
        return (("short", *words),) if words else ()
    return word_runs(words)
