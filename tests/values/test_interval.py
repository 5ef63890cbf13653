"""Intervals: overlap, widening and the printed form used in messages."""

from __future__ import annotations

import math

import pytest

from factcheck.values import Interval, format_number


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(71.25, 75.5), "[71.25, 75.5]"),
        (Interval(396_000_000.0, 404_000_000.0), "[396000000, 404000000]"),
        (Interval(0.95 * 75, 75.5), "[71.25, 75.5]"),  # no float noise
        (Interval(88.5, 89.5), "[88.5, 89.5]"),
        (Interval(-math.inf, 404_000_000.0), "(-inf, 404000000]"),
        (Interval(7_450_000.0, math.inf), "[7450000, inf)"),
        (Interval(400_870_017.5, 400_870_018.5), "[400870017.5, 400870018.5]"),
        (Interval(1e15, 2e15), "[1000000000000000, 2000000000000000]"),
        (Interval(-0.0, 0.0), "[0, 0]"),
    ],
)
def test_str(interval: Interval, text: str) -> None:
    assert str(interval) == text


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (Interval(1, 2), Interval(2, 3), True),  # closed: a shared end point is an overlap
        (Interval(1, 2), Interval(2.0001, 3), False),
        (Interval(-math.inf, 5), Interval(5, math.inf), True),
        (Interval(0, 10), Interval(3, 4), True),
    ],
)
def test_overlaps(a: Interval, b: Interval, overlap: bool) -> None:
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap


def test_pad() -> None:
    assert Interval(1, 2).pad(1) == Interval(0, 3)
    assert Interval(-math.inf, 100).pad(10) == Interval(-math.inf, 110)
    with pytest.raises(ValueError):
        Interval(2, 1)
    with pytest.raises(ValueError):
        Interval(1, 2).pad(-0.1)


def test_format_number() -> None:
    assert format_number(7.0) == "7"
    assert format_number(0.1 + 0.2) == "0.3"
    assert format_number(-math.inf) == "-inf"
    assert format_number(404_000_000.00000006) == "404000000"
    # Whole numbers up to 12 digits are written exactly; beyond, 12 significant digits, no exponent.
    assert format_number(999_999_999_999.0) == "999999999999"
    assert format_number(-1e12) == "-1000000000000"
    assert format_number(1_234_567_890_123_456.0) == "1234567890120000"
    assert format_number(-0.0) == "0"
    assert format_number(-0.0000001) == "0"  # rounded to six decimals, and no '-0'
    assert format_number(2.5e-5) == "0.000025"
    assert format_number(71.25) == "71.25"
    assert format_number(1234.56789) == "1234.57"


def test_format_number_edges() -> None:
    assert (format_number(math.inf), format_number(math.nan)) == ("inf", "nan")
    # Beyond 12 digits a whole number keeps 12 significant digits, on either side of zero.
    assert format_number(1_234_567_890_123.0) == "1234567890120"
    assert format_number(-1_234_567_890_123.0) == "-1234567890120"
    assert format_number(1.5e20) == "150000000000000000000"


def test_bad_intervals_say_why() -> None:
    with pytest.raises(ValueError, match="^an interval end cannot be NaN$"):
        Interval(math.nan, 1)
    with pytest.raises(ValueError, match="^an interval end cannot be NaN$"):
        Interval(1, math.nan)
    with pytest.raises(ValueError, match="^interval lower end 2 is above its upper end 1$"):
        Interval(2, 1)
    with pytest.raises(ValueError, match="^cannot pad an interval by a negative amount$"):
        Interval(1, 2).pad(-0.1)
    assert Interval(1, 2).pad(0) == Interval(1, 2)
    assert Interval(1, 2).pad(0.5) == Interval(0.5, 2.5)
