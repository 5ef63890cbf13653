"""Number text and the implied precision rule."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.values import ValueParseError
from factcheck.values.numbers import NUMBER_EXPECTED, implied_half_width, parse_integer, parse_number, read_number, read_ordinal

# (text, value, half-width d)
NUMBERS = [
    ("400", 400, 4),  # min(50, 4)
    ("89", 89, 0.5),  # min(0.5, 0.89)
    ("5", 5, 0.05),  # min(0.5, 0.05)
    ("400.9", 400.9, 0.05),
    ("7.50", 7.5, 0.005),  # a trailing decimal zero is significant
    ("400,870,018", 400_870_018, 0.5),
    ("53 495 894", 53_495_894, 0.5),
    ("53\u2009495\u2009894", 53_495_894, 0.5),
    ("7.5 million", 7_500_000, 50_000),
    ("400 million", 400_000_000, 4_000_000),
    ("1bn", 1_000_000_000, 10_000_000),
    ("767m", 767_000_000, 500_000),
    ("4m", 4_000_000, 40_000),
    ("50k", 50_000, 500),
    ("1.2 trillion", 1_200_000_000_000, 12_000_000_000),
    ("3tn", 3_000_000_000_000, 30_000_000_000),
    ("2.5 mn", 2_500_000, 25_000),
    ("0", 0, 0),
    ("-2.5", -2.5, 0.025),
    ("two", 2, 0.02),
    ("twenty-one", 21, 0.21),
    ("one hundred", 100, 1),
    ("one hundred and five", 105, 0.5),
    ("a hundred", 100, 1),
    ("two million", 2_000_000, 20_000),
    ("one million two hundred thousand", 1_200_000, 12_000),
    ("a million", 1_000_000, 10_000),
    ("a dozen", 12, 0.12),
    ("two dozen", 24, 0.24),
    ("a third", Fraction(1, 3), Fraction(1, 300)),
    ("one-third", Fraction(1, 3), Fraction(1, 300)),
    ("two-thirds", Fraction(2, 3), Fraction(2, 300)),
    ("three quarters", Fraction(3, 4), Fraction(3, 400)),
    ("half", Fraction(1, 2), Fraction(1, 200)),
    ("a half", Fraction(1, 2), Fraction(1, 200)),
    ("1/3", Fraction(1, 3), Fraction(1, 300)),
    ("half a million", 500_000, 5_000),
]


@pytest.mark.parametrize(("text", "value", "half_width"), NUMBERS)
def test_parse_number(text: str, value: float, half_width: float) -> None:
    number = parse_number(text)
    assert float(number.value) == pytest.approx(float(value))
    assert float(number.half_width) == pytest.approx(float(half_width))


@pytest.mark.parametrize(
    ("digits", "multiplier", "half_width"),
    [("400", 10**6, 4_000_000), ("400.9", 10**6, 50_000), ("408.7", 10**6, 50_000),
     ("53.4", 10**6, 50_000), ("400870018", 1, 0.5), ("1000", 1, 10), ("0.5", 1, 0.005)],
)
def test_implied_half_width(digits: str, multiplier: int, half_width: float) -> None:
    assert float(implied_half_width(digits, multiplier)) == pytest.approx(half_width)


INTEGERS = [
    ("nine", 9), ("16", 16), ("eleven", 11), ("tenth", 10), ("10th", 10), ("third", 3),
    ("fifth", 5), ("twenty-first", 21), ("21st", 21), ("22nd", 22), ("23rd", 23), ("11th", 11),
    ("12th", 12), ("113th", 113), ("one hundredth", 100), ("one hundred and first", 101),
    ("1,200", 1200), ("zero", 0), ("twelfth", 12), ("ninetieth", 90),
]


@pytest.mark.parametrize(("text", "value"), INTEGERS)
def test_parse_integer(text: str, value: int) -> None:
    assert parse_integer(text) == value


@pytest.mark.parametrize(
    "text", ["lots", "", "two two", "1.2.3", "2th", "1st1", "1.5", "a third", "-3", "one thirds", "two third", "five halves"]
)
def test_not_numbers(text: str) -> None:
    with pytest.raises(ValueParseError):
        parse_integer(text)


@pytest.mark.parametrize("text", ["lots", "", "two two", "1.2.3", "twenty twenty", "a", "and", "one thirds"])
def test_not_a_number(text: str) -> None:
    with pytest.raises(ValueParseError):
        parse_number(text)


@pytest.mark.parametrize(
    ("digits", "half_width"),
    [("400,870,018", Fraction(1, 2)), ("53 495 000", 500), ("-2.5", Fraction(1, 40)), ("-400", 4), ("0", 0)],
)
def test_implied_half_width_of_digits_as_written(digits: str, half_width: Fraction) -> None:
    """Separators and a sign are not digits; a zero is exact (1% of 0)."""
    assert implied_half_width(digits) == half_width


# (text, value) of number words: tens with units, "and" after a magnitude, magnitudes in order.
WORDS = [
    ("twenty-nine", 29),
    ("twenty-one thousand", 21_000),
    ("one hundred twenty-one", 121),
    ("a hundred and five", 105),
    ("two thousand and five", 2005),
    ("two thousand five", 2005),
    ("a half million", 500_000),
    ("half million", 500_000),
]


@pytest.mark.parametrize(("text", "value"), WORDS)
def test_number_words(text: str, value: int) -> None:
    number = parse_number(text)
    assert (number.value, number.kind, number.start, number.end) == (value, "words", 0, len(text))


@pytest.mark.parametrize(
    "text",
    ["twenty ten", "one million two million", "two thousand three thousand", "two thousand three million",
     "zero thirds", "twenty thirds", "two halves", "three thirds"],
)
def test_not_one_number(text: str) -> None:
    """Tens take a unit below ten, magnitudes go down, a fraction's numerator is a small number below its denominator."""
    with pytest.raises(ValueParseError) as info:
        parse_number(text)
    assert (info.value.message, info.value.expected) == (f"'{text}' is not a number", NUMBER_EXPECTED)


# (folded text, position, value, end): read_number reads the longest number at the position and stops there.
READS = [
    ("twenty ten", 0, 20, 6),
    ("two thousand and more", 0, 2000, 12),  # "and" joins only a number that follows
    ("twenty,five", 0, 20, 6),  # words are separated by one space or hyphen
    ("two-", 0, 2, 3),
    ("two-thirds and more", 0, Fraction(2, 3), 10),
    ("twenty ten million", 0, 20, 6),
    ("of 1/3", 3, Fraction(1, 3), 6),
    ("1/3 or 2", 7, 2, 8),
    ("1.2.", 0, Fraction(6, 5), 3),  # a full stop after a number
    ("1.2. then", 0, Fraction(6, 5), 3),
    ("up 7.5 million", 3, 7_500_000, 14),
    ("it was two million", 7, 2_000_000, 18),
]


@pytest.mark.parametrize(("s", "pos", "value", "end"), READS)
def test_read_number_at_a_position(s: str, pos: int, value: Fraction, end: int) -> None:
    number = read_number(s, pos)
    assert number is not None
    assert (number.value, number.start, number.end) == (value, pos, end)


def test_read_number_kinds() -> None:
    assert read_number("half a million").kind == "words"  # a fraction of a magnitude is an ordinary number
    assert read_number("a third").kind == "fraction"
    assert read_number("1/3").kind == "fraction"
    assert read_number("7.5 million").kind == "digits"


@pytest.mark.parametrize("s", ["1.2.3", "lots", ""])
def test_read_number_none(s: str) -> None:
    assert read_number(s) is None


# (folded text, (n, end)) of ordinals at the start of a text.
ORDINALS = [
    ("111th", (111, 5)),
    ("112th", (112, 5)),
    ("twenty-first and more", (21, 12)),
    ("first and second", (1, 5)),
    ("the tenth", None),
]


@pytest.mark.parametrize(("s", "expected"), ORDINALS)
def test_read_ordinal(s: str, expected: tuple[int, int] | None) -> None:
    assert read_ordinal(s) == expected


def test_wrong_ordinal_suffix() -> None:
    with pytest.raises(ValueParseError) as info:
        read_ordinal("111st")
    assert info.value.message == "'111st' has the wrong ordinal suffix (should be '111th')"
    assert info.value.expected == "an ordinal such as '1st', '2nd', '3rd', '10th' or 'tenth'"


@pytest.mark.parametrize(
    ("text", "message"),
    [("lots", "'lots' is not a whole number"), ("4/2", "'4/2' is not a whole number"),
     ("a third", "'a third' is not a whole number"), ("-3", "'-3' is negative")],
)
def test_parse_integer_errors(text: str, message: str) -> None:
    with pytest.raises(ValueParseError) as info:
        parse_integer(text)
    assert (info.value.message, info.value.expected) == (message, NUMBER_EXPECTED)
