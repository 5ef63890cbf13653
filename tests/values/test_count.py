"""Counts and ordinals: exact integers, no tolerance (docs/design.md §4)."""

from __future__ import annotations

import math

import pytest

from factcheck.values import Agreement, Count, ValueParseError, compare

from .support import ctx, parse, parse_error

INF = math.inf

# (raw, expected interval, exact n or None, ordinal)
PARSES = [
    # docs/design.md §4 examples
    ("nine", (9, 9), 9, False),
    ("16", (16, 16), 16, False),
    ("tenth", (10, 10), 10, True),
    ("10th", (10, 10), 10, True),
    ("third", (3, 3), 3, True),
    ("the fourth", (4, 4), 4, True),
    # more forms
    ("eleven", (11, 11), 11, False),
    ("fifth", (5, 5), 5, True),
    ("a fifth", (5, 5), 5, True),  # a leading article is ignored
    ("the 16", (16, 16), 16, False),
    ("twenty-one", (21, 21), 21, False),
    ("twenty-first", (21, 21), 21, True),
    ("21st", (21, 21), 21, True),
    ("a dozen", (12, 12), 12, False),
    ("1,200", (1200, 1200), 1200, False),
    ("two million", (2_000_000, 2_000_000), 2_000_000, False),
    (16, (16, 16), 16, False),
    (16.0, (16, 16), 16, False),
    ("0", (0, 0), 0, False),
    # bounds (d = 0; "more than"/"fewer than" exclude the number: counts are whole)
    ("at least 9", (9, INF), None, False),
    ("more than 10", (11, INF), None, False),
    ("over 10", (11, INF), None, False),
    ("no more than 10", (-INF, 10), None, False),
    ("up to 10", (-INF, 10), None, False),
    ("fewer than 10", (-INF, 9), None, False),
    ("about 40", (38, 42), None, False),
    ("nearly 40", (38, 40), None, False),
]


@pytest.mark.parametrize(("raw", "interval", "n", "ordinal"), PARSES)
def test_parse(raw: object, interval: tuple[float, float], n: int | None, ordinal: bool) -> None:
    value = parse("count", raw)
    assert isinstance(value, Count)
    assert (value.interval.lo, value.interval.hi) == interval
    assert value.n == n
    assert value.ordinal is ordinal


def test_no_tolerance() -> None:
    value = parse("count", "nine", ctx(tolerance=0.5))
    assert (value.interval.lo, value.interval.hi) == (9, 9)


COMPARISONS = [
    ("nine", "9", Agreement.AGREE),
    ("16", "sixteen", Agreement.AGREE),
    ("tenth", "10th", Agreement.AGREE),
    ("third", "the fourth", Agreement.DISAGREE),
    ("nine", "ten", Agreement.DISAGREE),
    ("at least 9", "11", Agreement.AGREE),
    ("at least 9", "8", Agreement.DISAGREE),
    ("more than 10", "10", Agreement.DISAGREE),
    ("fewer than 10", "9", Agreement.AGREE),
    ("about 40", "41", Agreement.AGREE),
]


@pytest.mark.parametrize(("a", "b", "outcome"), COMPARISONS)
def test_compare(a: str, b: str, outcome: Agreement) -> None:
    assert compare(parse("count", a), parse("count", b)).outcome is outcome
    assert compare(parse("count", b), parse("count", a)).outcome is outcome


def test_describe_and_canonical() -> None:
    value = parse("count", "the fourth")
    assert value.describe() == "'the fourth' [4, 4]"
    assert value.canonical() == parse("count", "4").canonical() == "count [4, 4]"
    assert "counts differ" in compare(parse("count", "nine"), parse("count", "ten")).detail


ERRORS = [
    "lots", "", "1.5", "two-thirds", "a third of them", "-3", "nine countries", "9th-ish",
    "2th", "at least", "the", "more than tenth", 1.5, True, None, {"value": 9}, [9],
    "Decembruary 2017", "15-0-0-0",
]


@pytest.mark.parametrize("raw", ERRORS, ids=repr)
def test_parse_errors(raw: object) -> None:
    with pytest.raises(ValueParseError) as info:
        parse("count", raw)
    assert info.value.message and info.value.expected


# (raw, interval, ordinal, qualifier): an article after a bound, "an" before an ordinal.
ARTICLES_AND_BOUNDS = [
    ("at least a dozen", (12, INF), False, "at least"),
    ("more than a hundred", (101, INF), False, "at least"),
    ("an eighth", (8, 8), True, None),  # "an eighth" is the eighth, as "a fifth" is the fifth
    ("an eleventh", (11, 11), True, None),
    ("at most 10", (-INF, 10), False, "at most"),
    ("about 40", (38, 42), False, "about"),
    ("nearly 40", (38, 40), False, "nearly"),
]


@pytest.mark.parametrize(("raw", "interval", "ordinal", "qualifier"), ARTICLES_AND_BOUNDS)
def test_articles_and_bounds(raw: str, interval: tuple[float, float], ordinal: bool, qualifier: str | None) -> None:
    value = parse("count", raw)
    assert isinstance(value, Count)
    assert (value.interval.lo, value.interval.hi, value.ordinal, value.qualifier) == (*interval, ordinal, qualifier)
    assert value.text == raw


def test_describe_a_bound() -> None:
    assert parse("count", "more than 10").describe() == "'more than 10' [11, inf)"


# (raw, error message) for the messages a claim author reads.
ERROR_MESSAGES = [
    ([9], "a list is not a count"),
    ("4/2", "'4/2' is not a whole number"),
    ("two-thirds", "'two-thirds' is not a whole number"),
    ("-3", "'-3' is negative; a count cannot be"),
    ("nine countries", "'nine countries' is not a count: unexpected 'countries'"),
    ("a maximum of many", "'a maximum of many' is not a count: expected a number at 'many'"),
    ("at least tenth", "'at least tenth': an ordinal cannot be bounded or hedged"),
]


@pytest.mark.parametrize(("raw", "message"), ERROR_MESSAGES, ids=repr)
def test_error_messages(raw: object, message: str) -> None:
    error = parse_error("count", raw)
    assert error.message == message
    assert error.expected.startswith("a whole number such as '16'")
