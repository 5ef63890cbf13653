"""FC104 quote-drift: one speaker, near-identical words that differ between sources.

The same speaker quoted with a word or a number changed is the classic copy-and-edit error; the
message shows the word-level difference so an editor sees at once what changed. An excerpt (one
quote's words a contiguous run of the other's) is not drift: outlets trim quotes all the time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RuleContext, pair_finding, placement_key, short
from ..findings import Finding
from ..quote_index import candidate_pairs, quote_tokens
from ..values.text import quote_relation, word_diff
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Candidate pairs come from shared three-word runs; only same-speaker pairs are compared."""
    near = float(params.get("near", 85.0))
    for a, b in candidate_pairs(ctx.quotes):
        if a.said_by is None or a.said_by != b.said_by:
            continue
        words_a, words_b = quote_tokens(a), quote_tokens(b)
        if quote_relation(words_a, words_b, near) != "near":
            continue
        at = max(a, b, key=placement_key)
        other = b if at is a else a
        diff = word_diff(quote_tokens(other), quote_tokens(at))
        message = f"quote by {at.said_by} differs from {short(other)}: {diff}"
        yield pair_finding(at, other, message, *sorted((a.value.canonical(), b.value.canonical())), at=at)


CHECK = CheckType(
    name="quote_drift",
    description=(
        "Two quotes of the same named speaker whose words are near-identical (rapidfuzz ratio of the "
        "word tokens >= `near`) but neither the same nor an excerpt of one another; the message shows "
        "the word-level difference."
    ),
    params={"near": (float, 85.0)},
    run=check,
)
