"""Number text: digits, number words, magnitudes, fractions, ordinals, and their implied precision.

A stated number is never a point: "$400 million" means "rounded to the millions". The implied
precision rule (docs/design.md §4) turns what was written into a half-width d:

    d = min(half a unit of the last significant digit, 1% of |v|)

where trailing zeros of a whole number are not significant ("400" has its last significant digit in
the hundreds) and digits after a decimal point always are ("7.50" is precise to 0.01). Number words
use the rule on their digit form ("two million" -> 2000000 -> millions); fractions ("a third") use 1%.

Parsers here work on text already folded by `base.fold` (NFKC, lower case, single spaces, plain
dashes) and read a number *at a position*, so the value grammars can go on after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .base import ValueParseError, fold

SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
MAGNITUDES: dict[str, int] = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}
# Abbreviations written after digits ("4m barrels", "$1bn", "£767m", "50k").
MAGNITUDE_ABBREVIATIONS: dict[str, int] = {
    **MAGNITUDES, "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9,
    "tn": 10**12,
}
# Ordinal words and the cardinal word they stand for ("twenty-first" -> "twenty one").
ORDINAL_WORDS: dict[str, str] = {
    "first": "one", "second": "two", "third": "three", "fourth": "four", "fifth": "five",
    "sixth": "six", "seventh": "seven", "eighth": "eight", "ninth": "nine", "tenth": "ten",
    "eleventh": "eleven", "twelfth": "twelve", "thirteenth": "thirteen", "fourteenth": "fourteen",
    "fifteenth": "fifteen", "sixteenth": "sixteen", "seventeenth": "seventeen",
    "eighteenth": "eighteen", "nineteenth": "nineteen", "twentieth": "twenty",
    "thirtieth": "thirty", "fortieth": "forty", "fiftieth": "fifty", "sixtieth": "sixty",
    "seventieth": "seventy", "eightieth": "eighty", "ninetieth": "ninety",
    "hundredth": "hundred", "thousandth": "thousand", "millionth": "million",
    "billionth": "billion",
}
# Denominators of fractions ("a third", "two-thirds", "three quarters", "half").
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
_ARTICLES = {"a", "an"}
_VOCABULARY = (
    set(SMALL) | set(TENS) | set(MAGNITUDES) | set(DENOMINATORS) | _ARTICLES
    | {"hundred", "and", "dozen"}
)
_ORDINAL_VOCABULARY = _VOCABULARY | set(ORDINAL_WORDS)

# Digits with "," or space thousand separators (thin and no-break spaces are spaces after NFKC),
# an optional decimal part, an optional sign.
_DIGITS = re.compile(
    r"(?P<sign>-)?(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?![\d,])|\d+)(?P<frac>\.\d+)?"
    r"|(?P<sign2>-)?(?P<frac2>\.\d+)"
)
_DIGIT_FRACTION = re.compile(r"(?P<num>\d+)/(?P<den>\d+)(?![\d/])")
_MAGNITUDE_AFTER_DIGITS = re.compile(
    r" ?(?P<mag>thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b)\b"
)
_DIGIT_ORDINAL = re.compile(r"(?P<n>\d+)(?P<suffix>st|nd|rd|th)\b")
_WORD = re.compile(r"[a-z]+")

NUMBER_EXPECTED = (
    "a number such as '16', '7.5', '53 495 894', '400,870,018', '7.5 million', '$1bn', 'two million', "
    "'twenty-one', 'a dozen', 'a third' or '1/3'"
)


@dataclass(frozen=True)
class ParsedNumber:
    """A number read from text with its implied precision."""

    value: Fraction  # exact value of what was written
    half_width: Fraction  # implied precision d
    kind: str  # "digits" | "words" | "fraction"
    start: int
    end: int  # position just after the number in the folded text
    digits: str = ""  # the digits as written, separators removed ("" for words and fractions)
    multiplier: int = 1  # the magnitude written after the digits ("million" -> 10**6)

    @property
    def is_integer(self) -> bool:
        return self.value.denominator == 1


def implied_half_width(digits: str, multiplier: int | Fraction = 1) -> Fraction:
    """d = min(half a unit of the last significant digit, 1% of |v|) for digits times a magnitude.

    >>> float(implied_half_width("400", 10**6))  # "$400 million": min(100M / 2, 1% of 400M)
    4000000.0
    >>> float(implied_half_width("400.9", 10**6))  # "$400.9 million": min(0.1M / 2, 1% of 400.9M)
    50000.0
    """
    digits = digits.replace(",", "").replace(" ", "")
    value = abs(Fraction(Decimal(digits))) * multiplier
    if "." in digits:
        unit = Fraction(1, 10 ** len(digits.split(".", 1)[1]))
    else:  # trailing zeros are not significant (a zero's unit does not matter: 1% of 0 is 0)
        unit = Fraction(10 ** (len(digits) - len(digits.rstrip("0"))))
    return min(unit / 2 * multiplier, value / 100)


def fraction_half_width(value: Fraction) -> Fraction:
    """Fractions ("a third") have no digits to count: 1% of |v|."""
    return abs(value) / 100


# ---------------------------------------------------------------------------------------------
# Number words.


class _NotANumber(Exception):
    pass


def _below_hundred(words: list[str], i: int) -> tuple[int, int]:
    """'seven', 'seventeen', 'seventy', 'seventy seven' (hyphens were split off)."""
    word = words[i] if i < len(words) else None
    if word in SMALL:
        return SMALL[word], i + 1
    if word in TENS:
        value = TENS[word]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt in SMALL and 1 <= SMALL[nxt] <= 9:
            return value + SMALL[nxt], i + 2
        return value, i + 1
    raise _NotANumber


def _below_thousand(words: list[str], i: int) -> tuple[int, int]:
    """'twelve', 'a hundred', 'one hundred and five', 'twelve hundred', 'a dozen', 'two dozen'."""
    if i < len(words) and words[i] in _ARTICLES:
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt not in ("hundred", "dozen") and nxt not in MAGNITUDES:
            raise _NotANumber
        value, i = 1, i + 1
    else:
        value, i = _below_hundred(words, i)
    nxt = words[i] if i < len(words) else None
    if nxt == "dozen":
        return value * 12, i + 1
    if nxt == "hundred":
        if value == 0:
            raise _NotANumber
        value, i = value * 100, i + 1
        rest = i + 1 if i < len(words) and words[i] == "and" else i
        try:
            extra, after = _below_hundred(words, rest)
        except _NotANumber:
            if rest != i:
                raise
            return value, i
        return value + extra, after
    return value, i


def cardinal_from_words(words: list[str]) -> int:
    """Number words to an integer; raises _NotANumber unless *all* words form one number."""
    if not words:
        raise _NotANumber
    if words == ["zero"]:
        return 0
    total, i, last_magnitude = 0, 0, None
    while i < len(words):
        group, i = _below_thousand(words, i)
        if group == 0:
            raise _NotANumber
        if i < len(words) and words[i] in MAGNITUDES:
            magnitude = MAGNITUDES[words[i]]
            if last_magnitude is not None and magnitude >= last_magnitude:
                raise _NotANumber
            total += group * magnitude
            last_magnitude = magnitude
            i += 1
            if i < len(words) and words[i] == "and" and i + 1 < len(words):
                i += 1
            continue
        total += group
        if i != len(words):
            raise _NotANumber
    return total


def _fraction_from_words(words: list[str]) -> Fraction:
    """'half', 'a half', 'a third', 'one-third', 'two-thirds', 'three quarters'."""
    if words == ["half"]:  # "a half" and "one half" are read below
        return Fraction(1, 2)
    if len(words) != 2 or words[1] not in DENOMINATORS:
        raise _NotANumber
    numerator = 1 if words[0] in _ARTICLES else SMALL.get(words[0])
    denominator = DENOMINATORS[words[1]]
    if numerator is None or numerator == 0:
        raise _NotANumber
    plural = words[1].endswith("s")
    if (numerator == 1) == plural:  # "one thirds" and "two third" are not English
        raise _NotANumber
    if numerator >= denominator:
        raise _NotANumber
    return Fraction(numerator, denominator)


def _word_tokens(s: str, pos: int, vocabulary: set[str]) -> list[tuple[str, int]]:
    """The run of vocabulary words at pos (separated by one space or hyphen), with their end positions."""
    tokens: list[tuple[str, int]] = []
    i = pos
    while True:
        match = _WORD.match(s, i)
        if not match or match.group() not in vocabulary:
            break
        tokens.append((match.group(), match.end()))
        i = match.end()
        if s[i : i + 1] not in (" ", "-"):
            break
        i += 1  # past one space or hyphen; the run ends there unless a word follows
    return tokens


def _read_words(s: str, pos: int) -> ParsedNumber | None:
    """The longest run of number words at pos that forms one number."""
    tokens = _word_tokens(s, pos, _VOCABULARY)
    for n in range(len(tokens), 0, -1):
        words = [w for w, _ in tokens[:n]]
        end = tokens[n - 1][1]
        try:
            value = cardinal_from_words(words)
        except _NotANumber:
            pass
        else:
            return ParsedNumber(Fraction(value), implied_half_width(str(value)), "words", pos, end)
        try:
            fraction = _fraction_from_words(words)
        except _NotANumber:
            pass
        else:
            return ParsedNumber(fraction, fraction_half_width(fraction), "fraction", pos, end)
        # "half a million", "a quarter million": a fraction of a magnitude is an ordinary number.
        if words[-1] in MAGNITUDES and len(words) >= 2:
            head = words[:-2] if words[-2] in _ARTICLES and len(words) >= 3 else words[:-1]
            try:
                fraction = _fraction_from_words(head)
            except _NotANumber:
                continue
            value = fraction * MAGNITUDES[words[-1]]
            return ParsedNumber(value, fraction_half_width(value), "words", pos, end)
    return None


# ---------------------------------------------------------------------------------------------
# Reading numbers at a position.


def read_number(s: str, pos: int = 0, *, magnitudes: bool = True) -> ParsedNumber | None:
    """Read one number at s[pos:] (folded text), or None when no number starts there.

    Digits may carry a magnitude ("7.5 million", "4m", "$1bn"); words may be cardinals
    ("twenty-one", "two million", "a dozen") or fractions ("a third", "two-thirds"); "1/3" is a
    fraction too.
    """
    match = _DIGIT_FRACTION.match(s, pos)
    if match:
        numerator, denominator = int(match["num"]), int(match["den"])
        if denominator == 0:
            raise ValueParseError(f"'{match.group()}' divides by zero", NUMBER_EXPECTED)
        value = Fraction(numerator, denominator)
        return ParsedNumber(value, fraction_half_width(value), "fraction", pos, match.end())
    match = _DIGITS.match(s, pos)
    if match:
        text = match.group()
        end = match.end()
        if end < len(s) and s[end] == "." and end + 1 < len(s) and s[end + 1].isdigit():
            return None  # "1.2.3" is no number
        multiplier = 1
        if magnitudes:
            mag = _MAGNITUDE_AFTER_DIGITS.match(s, end)
            if mag:
                multiplier = MAGNITUDE_ABBREVIATIONS[mag["mag"]]
                end = mag.end()
        digits = text.replace(",", "").replace(" ", "")
        value = Fraction(Decimal(digits)) * multiplier
        return ParsedNumber(
            value, implied_half_width(digits, multiplier), "digits", pos, end, digits, multiplier
        )
    return _read_words(s, pos)


def parse_number(text: str) -> ParsedNumber:
    """A whole text that is one number, or ValueParseError."""
    s = fold(text)
    number = read_number(s)
    if number is None or number.end != len(s):
        raise ValueParseError(f"'{text}' is not a number", NUMBER_EXPECTED)
    return number


def read_ordinal(s: str, pos: int = 0) -> tuple[int, int] | None:
    """An ordinal at pos: '10th', '21st', 'tenth', 'twenty-first', 'one hundredth' -> (n, end)."""
    match = _DIGIT_ORDINAL.match(s, pos)
    if match:
        n = int(match["n"])
        expected = _ordinal_suffix(n)
        if match["suffix"] != expected:
            raise ValueParseError(
                f"'{match.group()}' has the wrong ordinal suffix (should be '{n}{expected}')",
                "an ordinal such as '1st', '2nd', '3rd', '10th' or 'tenth'",
            )
        return n, match.end()
    tokens = _word_tokens(s, pos, _ORDINAL_VOCABULARY)
    for n in range(len(tokens), 0, -1):
        words = [w for w, _ in tokens[:n]]
        if words[-1] not in ORDINAL_WORDS:
            continue
        # "twenty-first" reads as "twenty one", "two hundredth" as "two hundred".
        cardinal_words = words[:-1] + [ORDINAL_WORDS[words[-1]]]
        try:
            value = cardinal_from_words(cardinal_words)
        except _NotANumber:
            continue
        return value, tokens[n - 1][1]
    return None


def _ordinal_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def parse_integer(text: str, *, ordinals: bool = True) -> int:
    """A whole text that is one non-negative integer (digits, words or, if allowed, an ordinal)."""
    s = fold(text)
    if ordinals:
        ordinal = read_ordinal(s)
        if ordinal is not None and ordinal[1] == len(s):
            return ordinal[0]
    number = read_number(s)
    if number is None or number.end != len(s) or not number.is_integer or number.kind == "fraction":
        raise ValueParseError(f"'{text}' is not a whole number", NUMBER_EXPECTED)
    if number.value < 0:
        raise ValueParseError(f"'{text}' is negative", NUMBER_EXPECTED)
    return int(number.value)
