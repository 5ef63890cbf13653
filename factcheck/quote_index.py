"""Candidate quote pairs through shared three-word runs, never all pairs (docs/design.md §8).

Quotes have no subject to index them by, so they are indexed by their words. Two quotes are a
candidate pair when their tokens are equal (and not empty) or when they share a run of three
tokens; a pair that is neither is never compared, so the work grows with how often runs repeat, not
with the square of the number of quotes. Quotes of fewer than three tokens have no run; they are
paired only with quotes of exactly the same tokens.

Why the runs find what the rules look for: quotes with the same words are paired by their tokens;
an excerpt of three or more words is a contiguous run of the longer quote's words, so it shares all
of its own runs with it. A near-identical pair (ratio >= 85 over the joined words) is compared when
it shares a run: that is the contract of docs/design.md §8 (a pair sharing none is never
compared). A run that hundreds of wordings hold (the untouched words of a quote syndicated with
many one-word variants) pairs each of them with the few that have the most quotes, not with each
other, so the pairs stay linear in the wordings (_wording_pairs).

A corpus repeats its quotes: the same words come from many sources. So the index works on distinct
wordings (token tuples): runs are collected once per wording, each pair of wordings is related
once, and the quotes holding two wordings are paired afterwards, only where a rule needs them.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import cached_property
from itertools import combinations

from .assertions import Assertion
from .postings import holders_by_key
from .values.text import quote_relation

RUN = 3
RUN_LIMIT = 64  # wordings holding one run beyond which its holders are not all paired (_wording_pairs)
REPRESENTATIVES = 8  # the holders each holder of such a run is paired with

Words = tuple[str, ...]


def quote_tokens(a: Assertion) -> tuple[str, ...]:
    """The quote's word tokens, as the value parser made them."""
    words = getattr(a.value, "tokens", None)
    if words is None:  # not a parsed Text value; should not happen for value_type quote
        from .values.text import tokens

        return tuple(tokens(str(getattr(a.value, "text", ""))))
    return tuple(words)


class QuoteIndex:
    """The distinct wordings of a list of quotes, the quotes holding each, and the pairs of
    wordings that share a run. Wordings are numbered in order of first appearance; `holders[w]`
    lists the positions in `quotes` of the quotes with exactly the tokens `wordings[w]`, ascending.

    FC104 and FC105 need the same index; the rule context builds it once (`ctx.quote_index`).
    """

    def __init__(self, quotes: Sequence[Assertion]) -> None:
        self.quotes = quotes
        number: dict[Words, int] = {}
        self.wordings: list[Words] = []
        self.holders: list[list[int]] = []
        for position, quote in enumerate(quotes):
            words = quote_tokens(quote)
            w = number.get(words)
            if w is None:
                w = number[words] = len(self.wordings)
                self.wordings.append(words)
                self.holders.append([position])
            else:
                self.holders[w].append(position)
        self._relations: dict[tuple[int, int, float], str] = {}

    @cached_property
    def pairs(self) -> list[tuple[int, int]]:
        """Pairs (u, v), u < v, of distinct wordings that share a run of three tokens, sorted."""
        return _wording_pairs(self.wordings, [len(holders) for holders in self.holders])

    @cached_property
    def speakers(self) -> list[frozenset[str]]:
        """The named speakers (said_by) of each wording's quotes."""
        return [frozenset(s for i in holders if (s := self.quotes[i].said_by) is not None) for holders in self.holders]

    @cached_property
    def rank(self) -> list[int]:
        """Each quote's place in report order (Assertion.placement): quotes sort by one int."""
        order = sorted(range(len(self.quotes)), key=lambda i: self.quotes[i].placement)
        rank = [0] * len(order)
        for place, i in enumerate(order):
            rank[i] = place
        return rank

    def in_report_order(self, sides: Sequence[Sequence[int]], speakers: Collection[str] | None = None) -> list[tuple[int, int, str]]:
        """The quotes of one side or two (as context.earlier_partners takes them: position, side,
        speaker) that have a named speaker, among `speakers` when given, in report order."""
        quotes, rank = self.quotes, self.rank
        named = [(i, side, str(quotes[i].said_by)) for side, holders in enumerate(sides) for i in holders
                 if quotes[i].said_by is not None and (speakers is None or quotes[i].said_by in speakers)]
        return sorted(named, key=lambda item: rank[item[0]])

    def stars(self, related: Iterable[tuple[int, int, str]]) -> dict[int, list[tuple[int, str]]]:
        """Related pairs of wordings (u, v, relation) as stars: each pair goes to the wording with
        more quotes (the earlier on a tie), its centre. A rule then meets a centre's quotes with all
        its spokes' quotes in one pass, so a wording copied n times with d variants costs n + d
        steps, not n * d."""
        stars: dict[int, list[tuple[int, str]]] = {}
        for u, v, relation in related:
            centre, spoke = (u, v) if len(self.holders[u]) >= len(self.holders[v]) else (v, u)
            stars.setdefault(centre, []).append((spoke, relation))
        return stars

    def relation(self, u: int, v: int, near: float) -> str:
        """quote_relation of two wordings, computed once per pair (it is symmetric)."""
        key = (u, v, near) if u < v else (v, u, near)
        found = self._relations.get(key)
        if found is None:
            found = self._relations[key] = quote_relation(self.wordings[u], self.wordings[v], near)
        return found

    def quote_pairs(self) -> list[tuple[int, int]]:
        """Every candidate pair of quote positions (i < j), sorted: equal tokens or a shared run."""
        found: list[tuple[int, int]] = []
        for w, holders in enumerate(self.holders):
            if self.wordings[w]:
                found.extend(combinations(holders, 2))
        for u, v in self.pairs:
            found.extend((i, j) if i < j else (j, i) for i in self.holders[u] for j in self.holders[v])
        found.sort()
        return found


def word_runs(words: Sequence[str]) -> Iterable[Words]:
    """A quote's runs of RUN (three) consecutive tokens; none for a shorter quote."""
    return zip(words, words[1:], words[2:])


def _wording_pairs(wordings: Sequence[Words], weights: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Pairs (u, v), u < v, of wordings that share a run of three tokens, sorted.

    The same pairs as a scan over all pairs of quotes, restricted to distinct wordings: a quote's
    runs are a function of its tokens, so two quotes share a run exactly when their wordings do,
    as long as no run is common. A run held by more than RUN_LIMIT wordings (a syndicated quote
    with hundreds of one-word variants: every variant holds the runs the change did not touch)
    would make all pairs of its holders; it pairs each holder only with the REPRESENTATIVES
    holders that have the most quotes (`weights`; the earlier wording on a tie), which are the
    copies the variants drifted from. So each run costs at most RUN_LIMIT² / 2 pairs, or
    REPRESENTATIVES per holder; what is not compared then is two rare variants of a common quote
    with each other (docs/design.md §8). A wording of fewer than three tokens has no run and is in
    no pair here (equal wordings are paired through their holders).
    """
    runs = holders_by_key((w, set(word_runs(words))) for w, words in enumerate(wordings))
    found: set[tuple[int, int]] = set()
    for held in runs.values():
        if held.__class__ is not list:
            continue
        if len(held) <= RUN_LIMIT:
            found.update(combinations(held, 2))  # wordings ascending, so u < v
            continue
        weight = weights if weights is not None else [1] * len(wordings)
        for representative in heapq.nsmallest(REPRESENTATIVES, held, key=lambda w: (-weight[w], w)):
            found.update((w, representative) if w < representative else (representative, w) for w in held if w != representative)
    return sorted(found)


def candidate_pairs(quotes: Sequence[Assertion]) -> Iterator[tuple[Assertion, Assertion]]:
    """Each unordered pair of quotes worth comparing, once, in the order of `quotes`."""
    for i, j in QuoteIndex(quotes).quote_pairs():
        yield quotes[i], quotes[j]
