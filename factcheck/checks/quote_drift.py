"""FC104 quote-drift: one speaker, near-identical words that differ between sources.

The same speaker quoted with a word or a number changed is the classic copy-and-edit error; the
message shows the word-level difference so an editor sees at once what changed. An excerpt (one
quote's words a contiguous run of the other's) is not drift: outlets trim quotes all the time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..assertions import Assertion
from ..context import RELATED_LIMIT, RuleContext, more_claims, pair_finding, per_claim, placement_key, short
from ..findings import Finding
from ..quote_index import quote_tokens
from ..values.text import word_diff
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Candidate pairs of wordings come from shared three-word runs; a pair is related once, and
    only when one named speaker is quoted with both; then that speaker's quotes of the two are
    paired. Findings come in the order of a scan over all candidate pairs of quotes, one per quote
    reported at (the pair whose other quote came first; per_claim)."""
    near = float(params.get("near", 85.0))
    index = ctx.quote_index
    quotes = index.quotes
    speakers = index.speakers
    pairs: list[tuple[int, int]] = []
    for u, v in index.pairs:
        common = speakers[u] & speakers[v]
        if not common or index.relation(u, v, near) != "near":
            continue
        for i in index.holders[u]:
            if quotes[i].said_by in common:
                pairs.extend((i, j) if i < j else (j, i) for j in index.holders[v] if quotes[j].said_by == quotes[i].said_by)
    def reported() -> Iterator[tuple[Assertion, Assertion, None]]:
        for i, j in sorted(pairs):
            a, b = quotes[i], quotes[j]
            at = max(a, b, key=placement_key)
            yield at, (b if at is a else a), None

    for at, other, _, rest in per_claim(reported()):  # one finding per quote, however often it is copied
        diff = word_diff(quote_tokens(other), quote_tokens(at))
        more, also = more_claims(rest, RELATED_LIMIT - 1, "it also differs from")
        message = f"quote by {at.said_by} differs from {short(other)}: {diff}{also}"
        yield pair_finding(at, other, message, *sorted((at.value.canonical(), other.value.canonical())), at=at, more=more)


CHECK = CheckType(
    name="quote_drift",
    description=(
        "Two quotes of the same named speaker whose words are near-identical (rapidfuzz ratio of the "
        "word tokens >= `near`, or partial_ratio of a shorter quote of six words or more against the "
        "longer) but neither the same nor an excerpt of one another; the message shows the word-level "
        "difference."
    ),
    params={"near": (float, 85.0)},
    run=check,
)
