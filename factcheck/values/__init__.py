"""Values: parse every value type into a normalized value, and compare two values.

Pure functions: no YAML, no I/O, no entity registry. Numbers and dates become closed intervals and
two values agree when their intervals overlap (docs/design.md §4); quotes and statements compare by
their words. A value that does not parse raises ValueParseError: nothing is guessed.

    >>> import datetime
    >>> ctx = ParseContext(published=datetime.date(2017, 12, 22))
    >>> compare(parse_value("quantity", "$400 million", ctx),
    ...         parse_value("quantity", {"value": "400870018", "unit": "USD"}, ctx)).outcome
    <Agreement.AGREE: 'agree'>
"""

from __future__ import annotations

from collections.abc import Callable

from .actions import ActionVocabulary
from .base import Agreement, Comparison, ParseContext, Raw, Value, ValueParseError
from .clock import TimeOfDay, compare_times, parse_time
from .count import Count, compare_counts, parse_count
from .date import DateValue, compare_dates, parse_date
from .deadline import Deadline, compare_deadlines, parse_deadline
from .interval import Interval, format_number
from .measure import Measure, compare_measures, parse_measure
from .quantity import Quantity, compare_quantities, parse_quantity
from .text import (
    Text, compare_texts, is_excerpt, parse_text, quote_relation, statements_agree, tokens, word_diff,
)
from .vote import Vote, compare_votes, parse_vote

__all__ = [
    "ActionVocabulary", "Agreement", "Comparison", "Count", "DateValue", "Deadline", "Interval",
    "Measure", "ParseContext", "Quantity", "Text", "TimeOfDay", "VALUE_TYPES", "Value", "ValueParseError", "Vote",
    "compare", "format_number", "is_excerpt", "parse_value", "quote_relation", "statements_agree",
    "tokens", "word_diff",
]

VALUE_TYPES: tuple[str, ...] = ("quantity", "count", "date", "deadline", "time", "vote", "measure", "quote", "text")

_PARSERS: dict[str, Callable[[Raw, ParseContext], Value]] = {
    "quantity": parse_quantity,
    "count": parse_count,
    "date": parse_date,
    "deadline": parse_deadline,
    "time": parse_time,
    "vote": parse_vote,
    "measure": parse_measure,
    "quote": lambda raw, ctx: parse_text(raw, ctx, "quote"),
    "text": lambda raw, ctx: parse_text(raw, ctx, "text"),
}


def parse_value(type_name: str, raw: Raw, ctx: ParseContext) -> Value:
    """Parse raw claim data (YAML scalars arrive as strings) as the given value type.

    Raises ValueParseError for a value that does not parse, and ValueError for a type name that
    is not one of VALUE_TYPES (a configuration error, not a claim error).
    """
    parser = _PARSERS.get(type_name)
    if parser is None:
        raise ValueError(f"unknown value type '{type_name}'; known types: {', '.join(VALUE_TYPES)}")
    try:
        return parser(raw, ctx)
    except OverflowError:  # e.g. a thousand nines: beyond a float, so it cannot be compared
        shown = str(raw) if len(str(raw)) <= 40 else str(raw)[:40] + "…"
        raise ValueParseError(f"'{shown}' holds a number too large to compare ({len(str(raw)):,} characters)") from None


def compare(a: Value, b: Value) -> Comparison:
    """How two values relate. Values of different types are INCOMPARABLE, except that deadlines
    and dates compare by their day ranges."""
    days = (DateValue, Deadline)
    if isinstance(a, days) and isinstance(b, days):
        if isinstance(a, DateValue) and isinstance(b, DateValue):
            return compare_dates(a, b)
        return compare_deadlines(a, b)
    if type(a) is not type(b):
        return Comparison(
            Agreement.INCOMPARABLE, f"a {_kind(a)} and a {_kind(b)} are not compared"
        )
    if isinstance(a, Quantity):
        return compare_quantities(a, b)  # type: ignore[arg-type]
    if isinstance(a, Count):
        return compare_counts(a, b)  # type: ignore[arg-type]
    if isinstance(a, TimeOfDay):
        return compare_times(a, b)  # type: ignore[arg-type]
    if isinstance(a, Vote):
        return compare_votes(a, b)  # type: ignore[arg-type]
    if isinstance(a, Measure):
        return compare_measures(a, b)  # type: ignore[arg-type]
    if isinstance(a, Text):
        return compare_texts(a, b)  # type: ignore[arg-type]
    return Comparison(Agreement.INCOMPARABLE, f"values of type {type(a).__name__} are not compared")


def _kind(value: Value) -> str:
    if isinstance(value, Text):
        return value.kind
    return {DateValue: "date", TimeOfDay: "time"}.get(type(value), type(value).__name__.lower())
