"""FC105 misattributed-quote: the same words put in the mouths of different speakers.

When two sources give the same, near-identical or excerpted words to different named speakers, at
least one attribution is wrong (or one speaker is echoing the other, which an editor should know
too). Very short runs of words ("toughest", "the United States") are common property, so both
quotes must have at least `min_words` words for a same-words or excerpt match.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RuleContext, pair_finding, placement_key
from ..findings import Finding
from ..quote_index import candidate_pairs, quote_tokens
from ..values.text import quote_relation, word_diff
from .base import CheckType

_HOW = {"same": "the same words", "excerpt": "overlapping words", "near": "near-identical words"}


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Candidate pairs come from shared three-word runs; only pairs with two different named speakers count."""
    near = float(params.get("near", 85.0))
    min_words = int(params.get("min_words", 4))
    for a, b in candidate_pairs(ctx.quotes):
        if a.said_by is None or b.said_by is None or a.said_by == b.said_by:
            continue
        words_a, words_b = quote_tokens(a), quote_tokens(b)
        relation = quote_relation(words_a, words_b, near)
        if relation == "different":
            continue
        if relation in ("same", "excerpt") and min(len(words_a), len(words_b)) < min_words:
            continue
        at = max(a, b, key=placement_key)
        other = b if at is a else a
        shown = at.value.describe()
        message = (
            f"{_HOW[relation]} {shown} attributed to {at.said_by} in {at.source.id} ({at.claim}) "
            f"and to {other.said_by} in {other.source.id} ({other.claim})"
        )
        if relation == "near":
            message += f": {word_diff(quote_tokens(other), quote_tokens(at))}"
        yield pair_finding(at, other, message, at.said_by, other.said_by, at=at)


CHECK = CheckType(
    name="misattributed_quote",
    description=(
        "The same, near-identical (rapidfuzz ratio >= `near`) or excerpted words attributed to two "
        "different named speakers; same-words and excerpt matches need at least `min_words` words."
    ),
    params={"near": (float, 85.0), "min_words": (int, 4)},
    run=check,
)
