"""The same, near-identical (rapidfuzz ratio >= `near`) or excerpted words attributed to two different
named speakers; same-words and excerpt matches need at least `min_words` words.

When two sources give the same, near-identical or excerpted words to different named speakers, at
least one attribution is wrong (or one speaker is echoing the other, which an editor should know
too). Very short runs of words ("toughest", "the United States") are common property, so both
quotes must have at least `min_words` words for a same-words or excerpt match.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..assertions import Assertion
from ..context import RELATED_LIMIT, RuleContext, earlier_partners, more_claims, pair_finding, short
from ..findings import Finding
from ..quote_index import quote_tokens
from ..values.text import word_diff
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Candidate pairs come from the distinct wordings: equal wordings, and wordings sharing a
    three-word run. A pair of wordings is related once, and only when two different named speakers
    hold them; then their quotes meet. One finding per quote reported at: the pair whose other
    quote came first, the others after it (as context.per_claim does for the other pair rules),
    without listing every pair of a wording's copies (context.earlier_partners)."""
    near = float(params["near"])
    min_words = int(params["min_words"])
    index = ctx.quote_index
    quotes = index.quotes
    speakers = index.speakers
    rank = index.rank

    # Per quote reported at: the earliest quotes of other speakers it pairs with (at most
    # RELATED_LIMIT per pass that meets it) with how the words relate, and how many in all.
    found: dict[int, list[tuple[int, str]]] = {}
    counts: dict[int, int] = {}
    for w, holders in enumerate(index.holders):
        words = index.wordings[w]
        if words and len(words) >= min_words and len(speakers[w]) > 1:
            for i, earlier, total in earlier_partners(index.in_report_order([holders]), across=False, same_key=False):
                found[i] = [(j, "same") for j in earlier]  # a quote has one wording: met once here
                counts[i] = total

    def related() -> Iterator[tuple[int, int, str]]:
        for u, v in index.pairs:
            if not speakers[u] or not speakers[v] or len(speakers[u] | speakers[v]) < 2:
                continue  # no two different named speakers to pair
            relation = index.relation(u, v, near)
            if relation == "excerpt" and min(len(index.wordings[u]), len(index.wordings[v])) < min_words:
                continue
            if relation != "different":
                yield u, v, relation

    for centre, spokes in index.stars(related()).items():
        relation_of = {i: relation for spoke, relation in spokes for i in index.holders[spoke]}  # a spoke's quotes
        order = index.in_report_order([index.holders[centre], [i for spoke, _ in spokes for i in index.holders[spoke]]])
        for i, earlier, total in earlier_partners(order, across=True, same_key=False):
            mine = relation_of.get(i)
            found.setdefault(i, []).extend((j, mine or relation_of[j]) for j in earlier)
            counts[i] = counts.get(i, 0) + total
    for i in sorted(found):  # one finding per quote, however often it is copied
        at = quotes[i]
        others = sorted(found[i], key=lambda item: rank[item[0]])
        (first, relation), rest = others[0], [quotes[j] for j, _ in others[1:]]
        other = quotes[first]
        more, also = more_claims(rest, RELATED_LIMIT - 1, "also quoted by other speakers in", counts[i] - 1)
        message = _message(at, other, relation) + also
        speakers_ab = sorted((str(at.said_by), str(other.said_by)))
        # reported at `at`: its partners all come before it in report order, and pair_finding places at the later
        yield pair_finding(at, other, message, *speakers_ab, *sorted((at.value.canonical_form(), other.value.canonical_form())), more=more)


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
    summary="the same, near-identical or excerpted words attributed to different speakers",
    verdict="Quote attributed to another speaker",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    params={"near": (float, 85.0), "min_words": (int, 4)},
    run=check,
)
