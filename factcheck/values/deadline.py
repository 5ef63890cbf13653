"""Deadlines: "within 24 months", "in 120 days", "by the end of 2019".

A duration is a quantity, with the same implied precision ("24 months" is 24 ± 0.24 months), and
the deadline is the day it reaches from its anchor: the subject's adoption day when the registry
knows it, else the claim's as_of, else the publication day. Months and years are added by the
calendar (2017-12-22 + 24 months = 2019-12-22), then the precision is added in days, rounded
outward, so "within 24 months" of 2017-12-22 is 2019-12-14..2019-12-30: it agrees with "end of
2019" and with "within two years" counted from a day later, but not with "within 12 months".
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass

from .base import Comparison, ParseContext, Value, ValueParseError, ValueType, fold, scalar_text
from .date import DateValue, compare_days, format_days, read_days
from .interval import format_number
from .quantity import MAPPING_SCHEMA as QUANTITY_SCHEMA
from .quantity import Quantity, parse_quantity

EXPECTED = (
    "a deadline such as 'within 24 months', 'within two years', 'in 120 days', 'two years', "
    "'by the end of 2019', 'by 2019', 'by December 31, 2019' or {value, unit} with a unit of days, "
    "weeks, months or years"
)

_DURATION_PREFIXES = ("within ", "in ")
_DATE_PREFIXES = ("by ", "no later than ", "not later than ", "on or before ")
_ANCHOR_SUFFIXES = (" of adoption", " after adoption", " from adoption", " of its adoption",
                    " after its adoption", " from its adoption")


@dataclass(frozen=True)
class Deadline(Value):
    """The days a deadline may fall on, and how they were reached."""

    text: str
    first: dt.date
    last: dt.date
    anchor: dt.date | None = None  # the day a duration counts from (None for date forms)
    duration: Quantity | None = None  # the duration, for "within 24 months"

    def describe(self) -> str:
        how = ""
        if self.duration is not None and self.anchor is not None:
            how = f" ({_duration_text(self.duration)} from {self.anchor.isoformat()})"
        return f"'{self.text}' {self.days()}{how}"

    def canonical(self) -> str:
        return f"deadline {self.days()}"

    def days(self) -> str:
        """The day range; a duration with no upper bound ("more than 2 years") has no last day."""
        return format_days(self.first, self.last, self.duration is not None and math.isinf(self.duration.interval.hi))


def _duration_text(q: Quantity) -> str:
    if q.stated_value is not None and q.stated_unit:
        unit = q.stated_unit + ("" if q.stated_value == 1 else "s")
        return f"{format_number(q.stated_value)} {unit}"
    return f"{q.interval} days"


def compare_deadlines(a: Deadline | DateValue, b: Deadline | DateValue) -> Comparison:
    """Deadlines compare with deadlines and with dates by their day ranges."""
    noun = "deadlines" if isinstance(a, Deadline) and isinstance(b, Deadline) else "dates"
    return compare_days(a, (a.first, a.last), b, (b.first, b.last), noun)


def parse_deadline(raw: str | int | float | dict | list, ctx: ParseContext) -> Deadline:
    """A duration from the anchor, or a date form ("by the end of 2019"); ValueParseError otherwise."""
    anchor = ctx.deadline_anchor
    if isinstance(raw, dict):
        try:
            duration = parse_quantity(raw, ctx)
        except ValueParseError as err:
            raise ValueParseError(err.message, EXPECTED) from None
        return _from_duration(duration.text, duration, anchor)
    text = scalar_text(raw, "a deadline", EXPECTED)
    s = fold(text)
    for prefix in _DATE_PREFIXES:
        if s.startswith(prefix):
            return _from_date(text, s[len(prefix):], ctx)
    rest, explicit = s, False
    for prefix in _DURATION_PREFIXES:
        if s.startswith(prefix):
            rest, explicit = s[len(prefix):], True
            break
    for suffix in _ANCHOR_SUFFIXES:
        if rest.endswith(suffix):
            rest, explicit = rest[: -len(suffix)], True
            break
    try:
        duration = parse_quantity(rest, ctx)
    except ValueParseError as err:
        if explicit:
            raise ValueParseError(
                f"'{text}' is not a deadline: '{rest}' is not a duration ({err.message})", EXPECTED
            ) from None
        try:
            return _from_date(text, s, ctx)
        except ValueParseError:
            raise ValueParseError(
                f"'{text}' is not a deadline: it is neither a duration nor a date", EXPECTED
            ) from None
    return _from_duration(text, duration, anchor)


def _from_date(text: str, date_text: str, ctx: ParseContext) -> Deadline:
    try:
        first, last = read_days(date_text, ctx, future=True)
    except ValueParseError as err:
        raise ValueParseError(f"'{text}' is not a deadline: {err.message}", EXPECTED) from None
    return Deadline(text, first, last)


def _from_duration(text: str, duration: Quantity, anchor: dt.date) -> Deadline:
    if duration.unit != "day":
        what = f"a quantity in {duration.unit}" if duration.unit else "a bare number"
        raise ValueParseError(f"'{text}' is not a deadline: {what} is not a duration", EXPECTED)
    if duration.interval.hi <= 0:
        raise ValueParseError(f"'{text}' is not a deadline: the duration is not positive", EXPECTED)
    try:
        if duration.stated_value is not None and duration.value is not None:
            center = add_duration(anchor, duration.stated_value, duration.stated_unit)
            lo_offset = duration.interval.lo - duration.value
            hi_offset = duration.interval.hi - duration.value
        else:  # a range or {min, max, unit}: exact day counts from the anchor
            center, lo_offset, hi_offset = anchor, duration.interval.lo, duration.interval.hi
        first = dt.date.min if math.isinf(lo_offset) else center + dt.timedelta(days=math.floor(lo_offset))
        last = dt.date.max if math.isinf(hi_offset) else center + dt.timedelta(days=math.ceil(hi_offset))
    except (OverflowError, ValueError):
        raise ValueParseError(f"'{text}' is not a deadline: it falls outside the calendar", EXPECTED) from None
    first = max(first, anchor)  # a deadline is never before the day it counts from
    return Deadline(text, first, max(first, last), anchor, duration)


def add_duration(anchor: dt.date, amount: float, unit: str) -> dt.date:
    """Calendar arithmetic: months and years move the month (clamping the day), days move days."""
    months = amount * 12 if unit == "year" else amount if unit == "month" else None
    if months is not None and float(months).is_integer():
        index = anchor.year * 12 + anchor.month - 1 + int(months)
        year, month = divmod(index, 12)
        month += 1
        day = min(anchor.day, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day)
    days = {"day": 1.0, "week": 7.0, "month": 365.2425 / 12, "year": 365.2425}[unit] * amount
    return anchor + dt.timedelta(days=round(days))


# A duration counts from the anchor (adoption, else as_of, else publication) and is read as a
# quantity (its tolerance); a date form counts from the publication day. A deadline written as a
# mapping is its duration, so it has a quantity's keys; and a deadline compares with a date.
READS = ("published", "as_of", "anchor", "tolerance")
VALUE_TYPE = ValueType(
    "deadline", Deadline, parse_deadline, compare_deadlines, reads=READS, schema=QUANTITY_SCHEMA,
    compares_with=(DateValue,),
)
