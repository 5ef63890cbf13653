"""Counts and ordinals: exact integers ("nine", "16", "tenth", "the fourth").

A count is exact, so it has no implied precision and no predicate tolerance: "nine" is [9, 9].
Bounds are allowed and, since counts are whole numbers, "more than 10" is [11, inf) and
"fewer than 10" is (-inf, 9] while "at least 9" and "up to 9" include 9. "About 40" keeps the
quantity hedge width (±5%), rounded inward to whole numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .base import Agreement, Comparison, ParseContext, Value, ValueParseError, ValueType, fold, scalar_text
from .interval import Interval
from .numbers import read_number, read_ordinal

EXPECTED = (
    "a whole number such as '16', 'nine', 'eleven', 'a dozen', 'at least 9', or an ordinal such as "
    "'tenth', '10th', 'third', 'the fourth'"
)

# Bounds, longest first; True when the bound excludes the number itself.
_BOUNDS: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(["at least", "no less than", "not less than", "no fewer than", "not fewer than",
                     "a minimum of", "minimum of"], ("at least", False)),
    **dict.fromkeys(["more than", "over", "upwards of", "in excess of", "greater than", "above"],
                    ("at least", True)),
    **dict.fromkeys(["at most", "up to", "no more than", "not more than", "a maximum of",
                     "maximum of", "as many as"], ("at most", False)),
    **dict.fromkeys(["fewer than", "less than", "under", "below"], ("at most", True)),
    **dict.fromkeys(["about", "around", "approximately", "roughly", "some", "an estimated"],
                    ("about", False)),
    **dict.fromkeys(["nearly", "almost", "just under"], ("nearly", False)),
}
_BOUND_PHRASES = sorted(_BOUNDS, key=len, reverse=True)


@dataclass(frozen=True)
class Count(Value):
    """A whole number (or a bound on one) as an interval of integers."""

    text: str
    interval: Interval
    n: int | None = None  # the exact number when no bound or hedge was written
    ordinal: bool = False  # written as an ordinal ("tenth")
    qualifier: str | None = None  # "at least", "at most", "about", "nearly"

    def describe(self) -> str:
        return self.written_and_canonical()

    def canonical(self) -> str:
        return f"count {self.interval}"


def parse_count(raw: str | int | float | dict | list, ctx: ParseContext) -> Count:
    """Digits, number words or ordinals, optionally after an article or a bound."""
    text = scalar_text(raw, "a count", EXPECTED)
    if isinstance(raw, float) and not raw.is_integer():
        raise ValueParseError(f"{text} is not a whole number", EXPECTED)
    s = fold(text)
    pos = 0
    if s.startswith("the "):
        pos = len("the ")
    qualifier, strict = None, False
    for phrase in _BOUND_PHRASES:
        if s.startswith(phrase + " ", pos):
            (qualifier, strict), pos = _BOUNDS[phrase], pos + len(phrase) + 1
            break
    for article in ("a ", "an "):
        # "a fifth" is the fifth (a count is never a fraction); "a dozen" keeps its "a".
        if s.startswith(article, pos):
            after = pos + len(article)
            ordinal = read_ordinal(s, after)
            if (ordinal is not None and ordinal[1] == len(s)) or read_number(s, pos) is None:
                pos = after
    n, ordinal = _read_integer(text, s, pos)
    if qualifier is None:
        return Count(text, Interval.point(n), n, ordinal)
    if ordinal:
        raise ValueParseError(f"'{text}': an ordinal cannot be bounded or hedged", EXPECTED)
    if qualifier == "at least":
        interval = Interval(n + 1 if strict else n, math.inf)
    elif qualifier == "at most":
        interval = Interval(-math.inf, n - 1 if strict else n)
    elif qualifier == "about":
        interval = Interval(math.ceil(n * 0.95 - 1e-9), math.floor(n * 1.05 + 1e-9))
    else:  # nearly
        interval = Interval(math.ceil(n * 0.95 - 1e-9), n)
    return Count(text, interval, None, False, qualifier)


def _read_integer(text: str, s: str, pos: int) -> tuple[int, bool]:
    ordinal = read_ordinal(s, pos)
    if ordinal is not None and ordinal[1] == len(s):
        return ordinal[0], True
    number = read_number(s, pos)
    if number is None:
        raise ValueParseError(f"'{text}' is not a count: expected a number at '{s[pos:]}'", EXPECTED)
    if number.end != len(s):
        raise ValueParseError(f"'{text}' is not a count: unexpected '{s[number.end:].strip()}'", EXPECTED)
    if number.kind == "fraction" or not number.is_integer:
        raise ValueParseError(f"'{text}' is not a whole number", EXPECTED)
    if number.value < 0:
        raise ValueParseError(f"'{text}' is negative; a count cannot be", EXPECTED)
    return int(number.value), False


def compare_counts(a: Count, b: Count) -> Comparison:
    if a.interval.overlaps(b.interval):
        return Comparison(Agreement.AGREE)
    return Comparison(Agreement.DISAGREE, lambda: f"counts differ: {a.describe()} vs {b.describe()}")


VALUE_TYPE = ValueType("count", Count, parse_count, compare_counts)
