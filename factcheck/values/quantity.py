"""Quantities: amounts with a unit ("$400 million", "89 percent", "7.5 million metric tons a year").

A quantity becomes an interval in its dimension's canonical unit: the stated number widened by its
implied precision (see numbers.py), then shaped by a hedge or bound, then widened by the predicate
tolerance. Two quantities compare only within one dimension: currencies are separate dimensions,
and a rate ("a year") is part of the unit, so "$400 million" and "$400 million a year" are
incomparable rather than equal.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from .base import (
    TEXT_SCHEMA, Agreement, Comparison, ParseContext, Value, ValueParseError, ValueType, check_keys, fold, mapping_schema,
    render_raw, scalar_text,
)
from .interval import Interval
from .numbers import ParsedNumber, implied_half_width, read_number

EXPECTED = (
    "a quantity such as '7.5 million metric tons', '$400 million', '89 percent', 'about 60 percent', "
    "'500,000 barrels a year', 'a third' or {value, unit} / {min, max, unit}"
)

# Durations are counted in days. A month and a year are their mean Gregorian lengths, so "24 months"
# and "two years" are the same length; deadlines add them by calendar instead (deadline.py).
DAY = Fraction(1)
WEEK = Fraction(7)
YEAR = Fraction(3652425, 10000)  # 365.2425 days
MONTH = YEAR / 12  # 30.436875 days


@dataclass(frozen=True)
class UnitWord:
    """What a unit word means: its canonical base unit and the factor to reach it."""

    base: str
    factor: Fraction = Fraction(1)
    singular: str = ""  # the written unit's own name ("month"), kept for calendar arithmetic


def _table(base: str, words: str, factor: Fraction = Fraction(1), singular: str = "") -> dict[str, UnitWord]:
    return {w.strip(): UnitWord(base, factor, singular or base) for w in words.split("|")}


# Unit words after the number. "tons", "tonnes", "metric tons" and "t" are all metric tons: the
# corpus (UN sanctions, trade statistics) uses metric tons throughout, and a short ton (907 kg) is
# never meant there; a source that means short tons has to say "short tons", which is not accepted.
UNIT_WORDS: dict[str, UnitWord] = {
    **_table("percent", "percent|per cent|%|pct"),
    **_table("percentage point", "percentage points|percentage point"),
    **_table("USD", "usd|us dollars|u.s. dollars|us dollar|dollars|dollar"),
    **_table("GBP", "gbp|pounds sterling|pounds|pound|sterling"),
    **_table("EUR", "eur|euros|euro"),
    **_table("JPY", "jpy|yen"),
    **_table("CNY", "cny|rmb|yuan|renminbi"),
    **_table("KRW", "krw|won"),
    **_table("CHF", "chf|swiss francs"),
    **_table("metric ton", "metric tons|metric tonnes|metric ton|metric tonne|tons|tonnes|ton|tonne|t"),
    **_table("metric ton", "kilograms|kilogram|kilos|kg", Fraction(1, 1000), "kilogram"),
    **_table("barrel", "barrels|barrel|bbl|bbls"),
    # Lengths, in kilometres: news gives distances and depths in both systems, often side by side
    # ("72 kilometres (45 miles)"), so they must meet. "m" is not a unit: it is a million ("$5m").
    **_table("km", "kilometres|kilometers|kilometre|kilometer|km|kms"),
    **_table("km", "metres|meters|metre|meter", Fraction(1, 1000), "metre"),
    **_table("km", "miles|mile|mi", Fraction(1609344, 1000000), "mile"),
    **_table("day", "days|day", DAY, "day"),
    **_table("day", "weeks|week", WEEK, "week"),
    **_table("day", "months|month", MONTH, "month"),
    **_table("day", "years|year|yrs|yr", YEAR, "year"),
}
# Currency signs before the number. "$" is the US dollar; other dollars must be written as a code.
CURRENCY_PREFIXES: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "£": "GBP", "€": "EUR",
    "usd": "USD", "gbp": "GBP", "eur": "EUR", "jpy": "JPY", "cny": "CNY", "krw": "KRW", "chf": "CHF",
}
_PREFIX = re.compile(r"(?P<cur>us ?\$|u\.s\. ?\$|\$|£|€|(?:usd|gbp|eur|jpy|cny|krw|chf)(?= ?[\d.]))(?: ?)")
# Longest first; a unit word must end at a word boundary ("t" is not the start of "times").
_UNIT = re.compile(
    " ?(?P<u>" + "|".join(re.escape(u) for u in sorted(UNIT_WORDS, key=len, reverse=True)) + r")(?:(?<!\w)|(?!\w))"
)

# Hedges and bounds before the number, longest first so "just under" wins over "under".
HEDGES: dict[str, str] = {
    **dict.fromkeys(
        ["about", "around", "approximately", "approx.", "approx", "roughly", "some", "an estimated",
         "estimated", "circa", "ca.", "close to", "~", "an approximate"], "about"),
    **dict.fromkeys(["nearly", "almost", "just under", "just below", "just shy of", "a little under",
                     "slightly less than", "slightly under", "just less than"], "nearly"),
    **dict.fromkeys(["just over", "just above", "a little over", "a little more than",
                     "slightly more than", "slightly over", "just more than"], "just over"),
    **dict.fromkeys(["at least", "more than", "over", "upwards of", "in excess of", "greater than",
                     "above", "no less than", "not less than", "no fewer than", "not fewer than",
                     "a minimum of", "minimum of", "at minimum", "exceeding"], "at least"),
    **dict.fromkeys(["up to", "at most", "no more than", "not more than", "less than", "under",
                     "below", "a maximum of", "maximum of", "at maximum", "fewer than",
                     "as much as", "as many as", "not exceeding", "no greater than"], "at most"),
}
_HEDGE = re.compile(
    "(?P<h>" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")(?: |(?<=~))"
)
_SUFFIX_BOUNDS = {" or more": "at least", " or above": "at least", " or less": "at most",
                  " or fewer": "at most", " or below": "at most"}

_RATE = re.compile(
    r"(?:^| )(?:(?:per|a|an|each|every) |/ ?)(?:(?P<n>\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?) )?"
    r"(?P<unit>years?|yrs?|annum|months?|weeks?|days?)$"
    r"|(?:^| )(?P<adverb>annually|yearly|monthly|weekly|daily)$"
)
_RATE_PERIODS: dict[str, Fraction] = {
    "year": YEAR, "yr": YEAR, "annum": YEAR, "month": MONTH, "week": WEEK, "day": DAY,
    "annually": YEAR, "yearly": YEAR, "monthly": MONTH, "weekly": WEEK, "daily": DAY,
}
_MATERIAL = re.compile(r" of (?P<m>[a-z][a-z'\- ]*[a-z])$")


@dataclass(frozen=True)
class Unit:
    """A canonical unit: base ("USD", "percent", "" for a bare number), optionally per year."""

    base: str
    factor: Fraction = Fraction(1)  # stated number * factor = value in the base unit
    rate_years: Fraction | None = None  # a rate's period in years ("per 12 months" -> 1)
    singular: str = ""

    @property
    def name(self) -> str:
        if self.rate_years is None:
            return self.base
        return f"{self.base or '1'}/year"

    def convert(self, x: Fraction) -> Fraction:
        value = x * self.factor
        return value / self.rate_years if self.rate_years is not None else value


@dataclass(frozen=True)
class Quantity(Value):
    """An amount as a closed interval in a canonical unit."""

    text: str
    interval: Interval
    unit: str  # canonical unit: "percent", "USD", "metric ton/year", "day", "" for a bare number
    value: float | None = None  # the stated number in the canonical unit (None for ranges, min/max)
    half_width: float = 0.0  # its implied precision d, in the canonical unit
    qualifier: str | None = None  # "about", "nearly", "just over", "at least", "at most", "range"
    material: str | None = None  # "of coal": descriptive only, never compared
    stated_value: float | None = None  # the number as written in its own unit (24 for "24 months")
    stated_unit: str = ""  # that unit ("month"); deadlines add months and years by calendar

    @property
    def dimension(self) -> str:
        return self.unit

    def describe(self) -> str:
        return self.written_and_canonical()

    def canonical(self) -> str:
        return f"quantity {self.interval} {self.unit}".rstrip()


def compare_quantities(a: Quantity, b: Quantity) -> Comparison:
    """Same dimension: overlap or not. Different dimensions (or currencies): incomparable."""
    if a.unit != b.unit:
        return Comparison(
            Agreement.INCOMPARABLE,
            f"different units: {a.unit or 'a bare number'} vs {b.unit or 'a bare number'}",
        )
    if a.interval.overlaps(b.interval) and not _adjacent_roundings(a, b):
        return Comparison(Agreement.AGREE)
    return Comparison(Agreement.DISAGREE, lambda: f"amounts differ: {a.describe()} vs {b.describe()}")


def _adjacent_roundings(a: Quantity, b: Quantity) -> bool:
    """Two plain stated numbers whose precision intervals only touch ("6.2" [6.15, 6.25] and "6.3"
    [6.25, 6.35]): each is what the other rounds away from, so they disagree (docs/design.md §4)."""
    if a.qualifier is not None or b.qualifier is not None or not (a.half_width > 0 and b.half_width > 0):
        return False
    return max(a.interval.lo, b.interval.lo) == min(a.interval.hi, b.interval.hi)


# ---------------------------------------------------------------------------------------------
# Parsing.


def parse_quantity(raw: str | int | float | dict | list, ctx: ParseContext) -> Quantity:
    """Text or {value, unit} / {min, max, unit} to a Quantity; ValueParseError otherwise."""
    if isinstance(raw, dict):
        return _parse_mapping(raw, ctx)
    text = scalar_text(raw, "a quantity", EXPECTED)
    return _QuantityParser(text).parse(ctx)


class _QuantityParser:
    """Reads [article] [hedge] [currency] number [range] [unit] [or more] [of material] [rate]."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.s = fold(text)
        self.pos = 0

    def fail(self, why: str) -> ValueParseError:
        return ValueParseError(f"'{self.text}' is not a quantity: {why}", EXPECTED)

    def rest(self) -> str:
        return self.s[self.pos:]

    def parse(self, ctx: ParseContext) -> Quantity:
        if not self.s:
            raise self.fail("it is empty")
        self._article()
        hedge = self._hedge()
        between: bool | None = False  # True after "between" ("and" must follow), None after "from"
        if hedge is None:
            if self.s.startswith("between ", self.pos):
                self.pos += len("between ")
                between = True
            elif self.s.startswith("from ", self.pos):
                self.pos += len("from ")
                between = None
        currency = self._currency()
        first = self._number()
        second = self._range_end(between, currency)
        unit = self._unit(currency)
        tail = self.s[self.pos:]
        for suffix, kind in _SUFFIX_BOUNDS.items():
            if tail == suffix or tail.startswith(suffix + " "):
                if hedge is not None or second is not None:
                    raise self.fail(f"'{suffix.strip()}' cannot qualify a range or a hedged number")
                hedge, tail = kind, tail[len(suffix):]
                break
        rate, tail = self._rate(tail)
        material, tail = self._material(tail, unit)
        if tail:
            raise self.fail(f"'{tail.strip()}' is not a unit, rate or qualifier that factcheck knows")
        return self._build(first, second, unit, rate, hedge, material, ctx)

    # -- pieces -------------------------------------------------------------------------------

    def _article(self) -> None:
        """Drop a leading article, but keep the "a" of "a third", "a million", "a dozen"."""
        if self.s.startswith("the ", self.pos):
            self.pos += len("the ")
            return
        for article in ("a ", "an "):
            if self.s.startswith(article, self.pos):
                if read_number(self.s, self.pos) is None:
                    self.pos += len(article)
                return

    def _hedge(self) -> str | None:
        match = _HEDGE.match(self.s, self.pos)
        if not match:
            return None
        self.pos = match.end()  # past the space after it ("~ 5%" too); folded text has no second space
        return HEDGES[match["h"]]

    def _currency(self) -> str | None:
        match = _PREFIX.match(self.s, self.pos)
        if not match:
            return None
        self.pos = match.end()
        return CURRENCY_PREFIXES[match["cur"].replace(" ", "")]

    def _number(self) -> ParsedNumber:
        number = read_number(self.s, self.pos)
        if number is None:
            if self.pos >= len(self.s):
                raise self.fail("there is no number")
            raise self.fail(f"expected a number at '{self.rest()}'")
        self.pos = number.end
        return number

    def _range_end(self, between: bool | None, currency: str | None) -> ParsedNumber | None:
        """The second number of "5-10 percent", "5 to 10", "between 5 and 10 million"."""
        separator = next((sep for sep in (" - ", "-", " to ", " and ") if self.s.startswith(sep, self.pos)), None)
        if separator == " and " and between is not True:
            separator = None
        if between is True and separator != " and ":
            raise self.fail("'between' needs 'and' between two numbers ('between 5 and 10 million')")
        if separator is None:
            if between is None:
                raise self.fail("'from' needs 'to' between two numbers ('from 5 to 10 percent')")
            return None
        start = self.pos
        self.pos += len(separator)
        if currency is not None:
            again = self._currency()
            if again is not None and again != currency:
                raise self.fail("the two ends of the range are in different currencies")
        second = read_number(self.s, self.pos)
        if second is None:
            if separator.strip() == "-" or between is not False:
                raise self.fail(f"expected a number after '{separator.strip()}'")
            self.pos = start  # "5 to ..." without a number: not a range, the tail check reports it
            return None
        self.pos = second.end
        return second

    def _unit(self, currency: str | None) -> UnitWord | None:
        """The unit word after the number (attached like '89%' and '525,000t', or after a space)."""
        match = _UNIT.match(self.s, self.pos)
        found = UNIT_WORDS[match["u"]] if match else None
        if match:
            self.pos = match.end()
        if currency is None:
            return found
        if found is not None and found.base != currency:
            raise self.fail(f"two units: {currency} and {found.base}")
        return found or UnitWord(currency)

    def _rate(self, tail: str) -> tuple[tuple[Fraction, str] | None, str]:
        """A rate at the very end ("a year", "per 12 months", "annually"): its period in days."""
        match = _RATE.search(tail)
        if not match:
            return None, tail
        if match["adverb"]:
            period, label = _RATE_PERIODS[match["adverb"]], match["adverb"]
        else:
            period, label = _RATE_PERIODS[match["unit"].rstrip("s")], match.group().strip()
            if match["n"]:
                count = read_number(match["n"], 0, magnitudes=False)
                if count is None or count.end != len(match["n"]) or count.value <= 0:
                    raise self.fail(f"'{match['n']}' in the rate '{label}' is not a number of periods")
                period *= count.value
        return (period, label), tail[: match.start()]

    def _material(self, tail: str, unit: UnitWord | None) -> tuple[str | None, str]:
        """'of coal' between the unit and the rate: descriptive, allowed only after a real unit."""
        match = _MATERIAL.fullmatch(tail)
        if not match:
            return None, tail
        if unit is None:
            raise self.fail(f"'{tail.strip()}' needs a unit before it ('tons of coal', '$400 million of sales')")
        return match["m"], ""

    # -- the interval -------------------------------------------------------------------------

    def _build(
        self,
        first: ParsedNumber,
        second: ParsedNumber | None,
        unit_word: UnitWord | None,
        rate: tuple[Fraction, str] | None,
        hedge: str | None,
        material: str | None,
        ctx: ParseContext,
    ) -> Quantity:
        fraction = first.kind == "fraction" or (second is not None and second.kind == "fraction")
        if fraction:
            if second is not None:
                raise self.fail("a fraction cannot be the end of a range")
            if unit_word is not None or rate is not None:
                raise self.fail("a fraction ('a third') stands alone; write a unit with digits instead")
            # A bare fraction is a proportion: "a third" is 33.33 percent (so it compares with "33%").
            unit_word = UnitWord("percent", Fraction(100))
        unit = Unit(
            unit_word.base if unit_word else "",
            unit_word.factor if unit_word else Fraction(1),
            rate[0] / YEAR if rate else None,
            unit_word.singular if unit_word else "",
        )
        if second is None:
            v, d = unit.convert(first.value), unit.convert(first.half_width)
            interval = _hedged(v, d, hedge)
            center: Fraction | None = v
            stated: Fraction | None = first.value
        else:
            if second.multiplier > 1 and first.multiplier == 1 and first.kind == "digits":
                first = _with_multiplier(first, second.multiplier)  # "between 5 and 10 million"
            lo, hi = unit.convert(first.value), unit.convert(second.value)
            dlo, dhi = unit.convert(first.half_width), unit.convert(second.half_width)
            if lo > hi:
                low, high = render_raw(float(first.value)), render_raw(float(second.value))
                raise self.fail(f"the range runs backwards ({low} > {high})")
            if hedge not in (None, "about"):
                raise self.fail(f"'{hedge}' cannot qualify a range")
            grow = Fraction(1, 20) if hedge == "about" else Fraction(0)
            interval = Interval(float(lo - grow * abs(lo) - dlo), float(hi + grow * abs(hi) + dhi))
            center, stated, d = None, None, Fraction(0)
            hedge = "range" if hedge is None else "about (range)"
        reference = center if center is not None else max(abs(interval.lo), abs(interval.hi))
        if ctx.tolerance:
            interval = interval.pad(ctx.tolerance * abs(float(reference)))
        return Quantity(
            text=self.text,
            interval=interval,
            unit=unit.name,
            value=float(center) if center is not None else None,
            half_width=float(d),
            qualifier=hedge,
            material=material,
            stated_value=float(stated) if stated is not None else None,
            stated_unit=unit.singular,
        )


def _with_multiplier(number: ParsedNumber, multiplier: int) -> ParsedNumber:
    """'5' in 'between 5 and 10 million' takes the magnitude of the second number."""
    return ParsedNumber(
        number.value * multiplier, implied_half_width(number.digits, multiplier), number.kind,
        number.start, number.end, number.digits, multiplier,
    )


def _hedged(v: Fraction, d: Fraction, hedge: str | None) -> Interval:
    """Hedges keep the number's own half-width d at their closed end (docs/design.md §4)."""
    five = Fraction(1, 20) * abs(v)
    if hedge is None:
        lo, hi = v - d, v + d
    elif hedge == "about":
        lo, hi = v - five - d, v + five + d
    elif hedge == "nearly":  # towards zero from v: [0.95v, v + d] for a positive v
        lo, hi = (v - five, v + d) if v >= 0 else (v - d, v + five)
    elif hedge == "just over":  # away from zero: [v - d, 1.05v]
        lo, hi = (v - d, v + five) if v >= 0 else (v - five, v + d)
    elif hedge == "at least":
        return Interval(float(v - d), math.inf)
    elif hedge == "at most":
        return Interval(-math.inf, float(v + d))
    else:  # pragma: no cover - the hedge table is closed
        raise AssertionError(hedge)
    return Interval(float(lo), float(hi))


# ---------------------------------------------------------------------------------------------
# Mappings.

# A duration (a deadline's mapping form) is a quantity too, so the deadline type shares this.
MAPPING_SCHEMA = mapping_schema(
    "A quantity as a mapping: a value or bounds, and a unit. A deadline written as a mapping is its duration.",
    {"value": (TEXT_SCHEMA, "The number, in the unit (e.g. 400870018)."), "min": (TEXT_SCHEMA, "The lower bound, in the unit; with max, a range."),
     "max": (TEXT_SCHEMA, "The upper bound, in the unit."), "unit": (TEXT_SCHEMA, "The unit: USD, $, GBP, percent, metric tons, barrels per year, months, ...")},
    required=["unit"], anyOf=[{"required": ["value"]}, {"required": ["min"]}, {"required": ["max"]}],
)
KEYS = tuple(MAPPING_SCHEMA["properties"])


def parse_unit(text: str) -> Unit:
    """A unit phrase on its own, as in mappings: 'USD', '$', 'metric tons', 'barrels per year'."""
    s = re.sub(r" ?/ ?", "/", fold(text))
    if not s:
        raise ValueParseError("the unit is empty", f"a unit such as {_UNIT_EXAMPLES}")
    word: UnitWord | None = None
    rest = s
    for phrase in _MAPPING_UNIT_PHRASES:
        if s.startswith(phrase) and (len(s) == len(phrase) or s[len(phrase)] in " /" or not phrase[-1].isalnum()):
            word, rest = _MAPPING_UNITS[phrase], s[len(phrase):]
            break
    if word is None and s.startswith("1/"):
        rest = s[1:]  # "1/year": a bare number per year, as Quantity.unit writes it
    rate = None
    if rest:
        match = _RATE.fullmatch(rest)
        if not match:
            raise ValueParseError(f"'{text}' is not a unit factcheck knows", f"a unit such as {_UNIT_EXAMPLES}")
        if match["adverb"]:
            period = _RATE_PERIODS[match["adverb"]]
        else:
            period = _RATE_PERIODS[match["unit"].rstrip("s")]
            count = read_number(match["n"], 0, magnitudes=False) if match["n"] else None
            if match["n"] and (count is None or count.end != len(match["n"]) or count.value <= 0):
                raise ValueParseError(
                    f"'{text}': '{match['n']}' is not a number of periods", f"a unit such as {_UNIT_EXAMPLES}"
                )
            period *= count.value if count else 1
        rate = period / YEAR
    # Without a unit word, rest is all of s (or "/..." after "1"), so it was a rate or raised above.
    word = word or UnitWord("")
    return Unit(word.base, word.factor, rate, word.singular)


_UNIT_EXAMPLES = "'USD', '$', 'GBP', 'percent', 'metric tons', 'barrels', 'months', 'barrels per year'"
_MAPPING_UNITS: dict[str, UnitWord] = {
    **UNIT_WORDS, **{sign: UnitWord(code) for sign, code in CURRENCY_PREFIXES.items()},
}
_MAPPING_UNIT_PHRASES = sorted(_MAPPING_UNITS, key=len, reverse=True)


def _mapping_number(raw: object, key: str) -> ParsedNumber:
    text = scalar_text(raw, f"a number for '{key}'", EXPECTED)
    s = fold(text)
    number = read_number(s)
    if number is None or number.end != len(s):
        raise ValueParseError(f"'{key}: {text}' is not a number", EXPECTED)
    if number.kind == "fraction":
        raise ValueParseError(f"'{key}: {text}' is a fraction; write the number in the unit", EXPECTED)
    return number


def _parse_mapping(raw: dict, ctx: ParseContext) -> Quantity:
    check_keys(raw, KEYS, "a quantity", EXPECTED)
    text = render_raw(raw)
    if "unit" not in raw or raw["unit"] is None or str(raw["unit"]).strip() == "":
        raise ValueParseError(f"{text} has no unit", EXPECTED)
    unit = parse_unit(scalar_text(raw["unit"], "a unit", EXPECTED))
    if "value" in raw:
        if "min" in raw or "max" in raw:
            raise ValueParseError(f"{text} mixes 'value' with 'min'/'max'; use one or the other", EXPECTED)
        number = _mapping_number(raw["value"], "value")
        v, d = unit.convert(number.value), unit.convert(number.half_width)
        interval = Interval.around(float(v), float(d))
        if ctx.tolerance:
            interval = interval.pad(ctx.tolerance * abs(float(v)))
        return Quantity(text, interval, unit.name, float(v), float(d), None, None,
                        float(number.value), unit.singular)
    if "min" not in raw and "max" not in raw:
        raise ValueParseError(f"{text} has no 'value', 'min' or 'max'", EXPECTED)
    # {min, max, unit} is exact: the writer gave the bounds themselves.
    lo = unit.convert(_mapping_number(raw["min"], "min").value) if raw.get("min") is not None else None
    hi = unit.convert(_mapping_number(raw["max"], "max").value) if raw.get("max") is not None else None
    if lo is None and hi is None:
        raise ValueParseError(f"{text} has neither a 'min' nor a 'max'", EXPECTED)
    if lo is not None and hi is not None and lo > hi:
        raise ValueParseError(f"{text}: min is above max", EXPECTED)
    interval = Interval(float(lo) if lo is not None else -math.inf, float(hi) if hi is not None else math.inf)
    if ctx.tolerance:
        interval = interval.pad(ctx.tolerance * max(abs(float(x)) for x in (lo, hi) if x is not None))
    qualifier = "range" if lo is not None and hi is not None else ("at least" if lo is not None else "at most")
    return Quantity(text, interval, unit.name, None, 0.0, qualifier, None, None, unit.singular)


VALUE_TYPE = ValueType(
    "quantity", Quantity, parse_quantity, compare_quantities, reads=("tolerance",), schema=MAPPING_SCHEMA,
)
