"""Quote candidates through shared three-word runs: what is paired, what never is, and the order."""

from __future__ import annotations

import datetime as dt

from factcheck.assertions import Assertion, SourceInfo
from factcheck.findings import Location
from factcheck.quote_index import candidate_pairs
from factcheck.values import ParseContext
from factcheck.values.text import parse_text

DAY = dt.date(2017, 12, 22)
SOURCE = SourceInfo("s", "npr", DAY, "news", "s.yaml", None, ())


def quote(claim: str, words: str, said_by: str | None = "nikki-haley") -> Assertion:
    location = Location("s.yaml", 1, 1, "s", claim)
    return Assertion(
        source=SOURCE, claim=claim, predicate="quote", value_type="quote", subject=None, qualifiers=(),
        value=parse_text(words, ParseContext(published=DAY), "quote"), said_by=said_by, as_of=DAY,
        evidence=None, ignore=(), line=location.line, column=location.column,
    )


def names(pairs: object) -> list[tuple[str, str]]:
    return [(a.claim, b.claim) for a, b in pairs]  # type: ignore[attr-defined]


def test_pairs_share_a_three_word_run() -> None:
    quotes = [
        quote("a", "It sends the unambiguous message to Pyongyang"),
        quote("b", "It sent the unambiguous message to Pyongyang"),
        quote("c", "Maximum firmness today is our best antidote"),
        quote("d", "the unambiguous message"),  # an excerpt of a and b
    ]
    assert names(candidate_pairs(quotes)) == [("a", "b"), ("a", "d"), ("b", "d")]


def test_no_shared_run_is_never_compared() -> None:
    # Same words, different order: no run of three in common.
    quotes = [quote("a", "further defiance invites punishment"), quote("b", "punishment invites further defiance")]
    assert names(candidate_pairs(quotes)) == []


def test_short_quotes_pair_only_with_equal_tokens() -> None:
    quotes = [
        quote("a", "toughest"),
        quote("b", "“Toughest”"),
        quote("c", "the toughest sanctions ever"),
        quote("d", "a maniac"),
        quote("e", "A maniac."),
        quote("f", "toughest sanctions"),
    ]
    assert names(candidate_pairs(quotes)) == [("a", "b"), ("d", "e")]


def test_each_pair_once_in_quote_order() -> None:
    text = "one two three four five six seven"
    quotes = [quote(str(i), text) for i in range(4)]
    assert names(candidate_pairs(quotes)) == [("0", "1"), ("0", "2"), ("0", "3"), ("1", "2"), ("1", "3"), ("2", "3")]


def test_quotes_with_nothing_in_common_give_no_pairs() -> None:
    """The index never falls back to all pairs: 2,000 quotes without a shared run give none."""
    distinct = [quote(f"q{i}", f"w{i} x{i} y{i} z{i}") for i in range(2000)]
    assert names(candidate_pairs(distinct)) == []



def test_a_quote_with_hundreds_of_variants_pairs_each_with_the_original_not_with_each_other() -> None:
    """300 variants of one quote, each with one word changed (a new word of its own), and the
    original copied ten times: every run the changes left alone is held by hundreds of wordings.
    Each variant is still paired with the original, but the pairs grow with the variants, not with
    their square."""
    from factcheck.quote_index import REPRESENTATIVES, QuoteIndex

    words = "we will not accept any further delay in the delivery of humanitarian aid to the region".split()
    original = [quote(f"o{n}", " ".join(words)) for n in range(10)]
    variants = []
    for n in range(300):
        changed = list(words)
        changed[n % len(words)] = f"word{n}"
        variants.append(quote(f"v{n}", " ".join(changed), said_by="liu-jieyi"))
    index = QuoteIndex(original + variants)
    assert len(index.wordings) == 301
    pairs = index.pairs
    assert len(pairs) <= 2 * REPRESENTATIVES * len(index.wordings) < 301 * 300 // 2  # all pairs: 45,150
    assert all((0, w) in set(pairs) for w in range(1, 301))  # wording 0, the original, holds the most quotes
