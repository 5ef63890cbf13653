"""Two quotes of the same named speaker whose words are near-identical (rapidfuzz ratio of the word
tokens >= `near`, or partial_ratio of a shorter quote of six words or more against the longer) but
neither the same nor an excerpt of one another; the message shows the word-level difference.

The same speaker quoted with a word or a number changed is the classic copy-and-edit error; the
message shows the word-level difference so an editor sees at once what changed. An excerpt (one
quote's words a contiguous run of the other's) is not drift: outlets trim quotes all the time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..context import RELATED_LIMIT, RuleContext, earlier_partners, more_claims, pair_finding, short
from ..findings import Finding
from ..quote_index import quote_tokens
from ..values.text import word_diff
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Candidate pairs of wordings come from shared three-word runs; a pair is related once, and
    only when one named speaker is quoted with both; then that speaker's quotes of the two meet.
    One finding per quote reported at: the pair whose other quote came first, the rest after it,
    without listing every pair of copies (context.earlier_partners)."""
    near = float(params["near"])
    index = ctx.quote_index
    quotes = index.quotes
    speakers = index.speakers
    rank = index.rank
    found: dict[int, list[int]] = {}  # quote reported at -> the earliest quotes it differs from, per pass
    counts: dict[int, int] = {}
    related = ((u, v, "near") for u, v in index.pairs if speakers[u] & speakers[v] and index.relation(u, v, near) == "near")
    for centre, spokes in index.stars(related).items():
        common = speakers[centre] & frozenset().union(*(speakers[spoke] for spoke, _ in spokes))
        sides = (index.holders[centre], [i for spoke, _ in spokes for i in index.holders[spoke]])
        order = index.in_report_order(sides, common)
        for i, earlier, total in earlier_partners(order, across=True, same_key=True):
            found.setdefault(i, []).extend(earlier)
            counts[i] = counts.get(i, 0) + total
    for i in sorted(found):  # one finding per quote, however often it is copied
        at = quotes[i]
        first, *rest = sorted(found[i], key=lambda j: rank[j])
        other = quotes[first]
        diff = word_diff(quote_tokens(other), quote_tokens(at))
        more, also = more_claims([quotes[j] for j in rest], RELATED_LIMIT - 1, "it also differs from", counts[i] - 1)
        message = f"quote by {at.said_by} differs from {short(other)}: {diff}{also}"
        # reported at `at`: its partners all come before it in report order, and pair_finding places at the later
        yield pair_finding(at, other, message, *sorted((at.value.canonical_form(), other.value.canonical_form())), more=more)


CHECK = CheckType(
    name="quote_drift",
    summary="the same speaker, near-identical but different words across sources (the message shows the word diff)",
    verdict="Quote worded differently elsewhere",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    params={"near": (float, 85.0)},
    run=check,
)
