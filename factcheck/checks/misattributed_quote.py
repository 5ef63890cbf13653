"""FC105 misattributed-quote: the same words put in the mouths of different speakers.

When two sources give the same, near-identical or excerpted words to different named speakers, at
least one attribution is wrong (or one speaker is echoing the other, which an editor should know
too). Very short runs of words ("toughest", "the United States") are common property, so both
quotes must have at least `min_words` words for a same-words or excerpt match.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..assertions import Assertion
from ..context import RuleContext, pair_finding, placement_key, short
from ..findings import Finding
from ..quote_index import candidate_pairs, quote_tokens
from ..values.text import quote_relation, word_diff
from .base import CheckType



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
        message = _message(at, other, relation)
        speakers = sorted((str(at.said_by), str(other.said_by)))
        yield pair_finding(at, other, message, *speakers, *sorted((a.value.canonical(), b.value.canonical())), at=at)


def _message(at: Assertion, other: Assertion, relation: str) -> str:
    """Both speakers and both sources, and how the words relate (with the word diff when near)."""
    here = f"by {at.said_by} in {short(at)}"
    there = f"by {other.said_by} in {short(other)}"
    if relation == "same":
        return f"the same words {at.value.describe()} are quoted {here} and {there}"
    if relation == "excerpt" and len(quote_tokens(at)) < len(quote_tokens(other)):
        return f"quote {at.value.describe()} {here} is an excerpt of a quote {there}"
    if relation == "excerpt":
        return f"quote {at.value.describe()} {here} contains {other.value.describe()}, quoted {there}"
    diff = word_diff(quote_tokens(other), quote_tokens(at))
    return f"near-identical words {at.value.describe()} are quoted {here} and {there}: {diff}"


CHECK = CheckType(
    name="misattributed_quote",
    description=(
        "The same, near-identical (rapidfuzz ratio >= `near`) or excerpted words attributed to two "
        "different named speakers; same-words and excerpt matches need at least `min_words` words."
    ),
    params={"near": (float, 85.0), "min_words": (int, 4)},
    run=check,
)
