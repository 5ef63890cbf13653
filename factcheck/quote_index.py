"""Candidate quote pairs through shared three-word runs, never all pairs (DESIGN.md §8).

Quotes have no subject to index them by, so they are indexed by their words: two quotes that are
the same, one an excerpt of the other, or near-identical (rapidfuzz ratio >= 85) share at least one
run of three tokens unless they are very short. A pair sharing no run is never compared, so the
work grows with how often runs repeat, not with the square of the number of quotes. Quotes of fewer
than three tokens have no run; they are paired only with quotes of exactly the same tokens.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from .assertions import Assertion

RUN = 3


def quote_tokens(a: Assertion) -> tuple[str, ...]:
    """The quote's word tokens, as the value parser made them."""
    words = getattr(a.value, "tokens", None)
    if words is None:  # not a parsed Text value; should not happen for value_type quote
        from .values.text import tokens

        return tuple(tokens(str(getattr(a.value, "text", ""))))
    return tuple(words)


def candidate_pairs(quotes: Sequence[Assertion]) -> Iterator[tuple[Assertion, Assertion]]:
    """Each unordered pair of quotes worth comparing, once, in the order of `quotes`."""
    runs: dict[tuple[str, ...], list[int]] = defaultdict(list)
    short: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, quote in enumerate(quotes):
        words = quote_tokens(quote)
        if len(words) < RUN:
            if words:
                short[words].append(index)
            continue
        for run in dict.fromkeys(words[i:i + RUN] for i in range(len(words) - RUN + 1)):
            runs[run].append(index)

    partners: dict[int, set[int]] = defaultdict(set)
    for group in (*runs.values(), *short.values()):
        if len(group) < 2:
            continue
        for position, i in enumerate(group):
            partners[i].update(group[position + 1:])
    for i in sorted(partners):
        for j in sorted(partners[i]):
            yield quotes[i], quotes[j]
