"""FC105 misattributed-quote: the same words put in the mouths of different speakers.

When two sources give the same, near-identical or excerpted words to different named speakers, at
least one attribution is wrong (or one speaker is echoing the other, which an editor should know
too). Very short runs of words ("toughest", "the United States") are common property, so both
quotes must have at least `min_words` words for a same-words or excerpt match.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..assertions import Assertion
from ..context import RELATED_LIMIT, RuleContext, more_claims, pair_finding, placement_key, short
from ..findings import Finding
from ..quote_index import quote_tokens
from ..values.text import word_diff
from .base import CheckType


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Candidate pairs come from the distinct wordings: equal wordings, and wordings sharing a
    three-word run. A pair of wordings is related once, and only when two different named speakers
    hold them; then their quotes are paired. One finding per quote reported at, in quote order: the
    pair whose other quote came first, the others after it (as context.per_claim does for the other
    pair rules), without listing every pair of a wording's copies (_earlier_by_others)."""
    near = float(params.get("near", 85.0))
    min_words = int(params.get("min_words", 4))
    index = ctx.quote_index
    quotes = index.quotes
    speakers = index.speakers

    def apart(i: int, j: int) -> bool:
        x, y = quotes[i].said_by, quotes[j].said_by
        return x is not None and y is not None and x != y

    # Per quote reported at: the earliest quotes of other speakers it pairs with (at most
    # RELATED_LIMIT from its own wording, every one from related wordings) and how many in all.
    found: dict[int, list[tuple[int, str]]] = {}
    counts: dict[int, int] = {}
    for w, holders in enumerate(index.holders):
        words = index.wordings[w]
        if words and len(words) >= min_words and len(speakers[w]) > 1:
            for i, earlier, total in _earlier_by_others(holders, quotes):
                found.setdefault(i, []).extend((j, "same") for j in earlier)
                counts[i] = counts.get(i, 0) + total
    for u, v in index.pairs:
        if not speakers[u] or not speakers[v] or len(speakers[u] | speakers[v]) < 2:
            continue  # no two different named speakers to pair
        relation = index.relation(u, v, near)
        if relation == "different":
            continue
        if relation == "excerpt" and min(len(index.wordings[u]), len(index.wordings[v])) < min_words:
            continue
        for i in index.holders[u]:
            for j in index.holders[v]:
                if apart(i, j):
                    at, other = (i, j) if placement_key(quotes[i]) > placement_key(quotes[j]) else (j, i)
                    found.setdefault(at, []).append((other, relation))
                    counts[at] = counts.get(at, 0) + 1
    for i in sorted(found):  # one finding per quote, however often it is copied
        at = quotes[i]
        others = sorted(found[i], key=lambda item: placement_key(quotes[item[0]]))
        (first, relation), rest = others[0], [quotes[j] for j, _ in others[1:]]
        other = quotes[first]
        more, also = more_claims(rest, RELATED_LIMIT - 1, "also quoted by other speakers in", counts[i] - 1)
        message = _message(at, other, relation) + also
        speakers_ab = sorted((str(at.said_by), str(other.said_by)))
        yield pair_finding(at, other, message, *speakers_ab, *sorted((at.value.canonical(), other.value.canonical())), at=at,
                           more=more)


def _earlier_by_others(holders: list[int], quotes: Sequence[Assertion]) -> Iterator[tuple[int, list[int], int]]:
    """For each quote of one wording with a named speaker: the earliest quotes of the wording by
    other named speakers that came before it (at most RELATED_LIMIT) and how many there are.

    Never every pair of copies: each speaker keeps the first RELATED_LIMIT quotes by others, filled
    as quotes arrive in report order, so a wording copied n times by k speakers costs about
    n * k + k * RELATED_LIMIT steps, not n squared."""
    order = sorted((i for i in holders if quotes[i].said_by is not None), key=lambda i: placement_key(quotes[i]))
    earliest: list[int] = []  # the first RELATED_LIMIT quotes, whoever spoke
    by_others: dict[str, list[int]] = {}  # speaker -> the first RELATED_LIMIT quotes by other speakers
    open_speakers: set[str] = set()  # speakers whose list is not full yet
    per_speaker: dict[str, int] = {}
    seen = 0
    for i in order:
        speaker = str(quotes[i].said_by)
        if speaker not in by_others:
            by_others[speaker] = list(earliest)  # nothing before was by this new speaker
            if len(earliest) < RELATED_LIMIT:
                open_speakers.add(speaker)
        total = seen - per_speaker.get(speaker, 0)
        if total:
            yield i, list(by_others[speaker]), total
        for other in list(open_speakers):
            if other != speaker:
                by_others[other].append(i)
                if len(by_others[other]) >= RELATED_LIMIT:
                    open_speakers.discard(other)
        if len(earliest) < RELATED_LIMIT:
            earliest.append(i)
        seen += 1
        per_speaker[speaker] = per_speaker.get(speaker, 0) + 1


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
