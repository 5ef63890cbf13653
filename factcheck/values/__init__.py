"""Values: parse every value type into a normalized value, and compare two values.

Pure functions: no YAML, no I/O, no entity registry. Numbers and dates become closed intervals and
two values agree when their intervals overlap (docs/design.md §4); quotes and statements compare by
their words. A value that does not parse raises ValueParseError: nothing is guessed.

TYPES is the one list of value types. Each entry is declared in its type's own module (a
ValueType: name, parser, comparison, the context facts its parse reads, its mapping keys and
schema); the predicate registry's model, the normalizer's parse memo, `fmt`'s key orders, the
JSON Schema and compare() below all read it, so a new type is one module and one entry here.

    >>> import datetime
    >>> ctx = ParseContext(published=datetime.date(2017, 12, 22))
    >>> compare(parse_value("quantity", "$400 million", ctx),
    ...         parse_value("quantity", {"value": "400870018", "unit": "USD"}, ctx)).outcome
    <Agreement.AGREE: 'agree'>
"""

from __future__ import annotations

from . import clock, count, date, deadline, measure, quantity, text, vote
from .actions import ActionVocabulary
from .base import PARSE_FACTS, Agreement, Comparison, Facts, ParseContext, Raw, Value, ValueParseError, ValueType
from .clock import TimeOfDay
from .count import Count
from .date import DateValue
from .deadline import Deadline
from .interval import Interval, format_number
from .measure import Measure
from .quantity import Quantity
from .text import Text, is_excerpt, quote_relation, statements_agree, tokens, word_diff
from .vote import Vote

__all__ = [
    "ActionVocabulary", "Agreement", "Comparison", "Count", "DateValue", "Deadline", "Facts", "Interval",
    "Measure", "PARSE_FACTS", "ParseContext", "Quantity", "TYPES", "Text", "TimeOfDay", "VALUE_TYPES", "Value",
    "ValueParseError", "ValueType", "Vote", "compare", "format_number", "is_excerpt", "parse_value", "quote_relation",
    "statements_agree", "tokens", "type_named", "word_diff",
]

TYPES: tuple[ValueType, ...] = (
    quantity.VALUE_TYPE,
    count.VALUE_TYPE,
    date.VALUE_TYPE,
    deadline.VALUE_TYPE,
    clock.VALUE_TYPE,
    vote.VALUE_TYPE,
    measure.VALUE_TYPE,
    text.QUOTE_TYPE,
    text.TEXT_TYPE,
)
VALUE_TYPES: tuple[str, ...] = tuple(value_type.name for value_type in TYPES)
_BY_NAME: dict[str, ValueType] = {value_type.name: value_type for value_type in TYPES}
# The first type of a class decides how its values compare (quote and text share Text and its comparison).
_BY_CLASS: dict[type[Value], ValueType] = {}
for _value_type in TYPES:
    _BY_CLASS.setdefault(_value_type.value_class, _value_type)


def type_named(name: str) -> ValueType:
    """The value type a predicate's `type:` names; ValueError (a configuration error) for an unknown one."""
    value_type = _BY_NAME.get(name)
    if value_type is None:
        raise ValueError(f"unknown value type '{name}'; known types: {', '.join(VALUE_TYPES)}")
    return value_type


def parse_value(type_name: str, raw: Raw, ctx: ParseContext) -> Value:
    """Parse raw claim data (YAML scalars arrive as strings) as the given value type.

    Raises ValueParseError for a value that does not parse, and ValueError for a type name that
    is not one of VALUE_TYPES (a configuration error, not a claim error).
    """
    parse = type_named(type_name).parse
    try:
        return parse(raw, ctx)
    except OverflowError:  # e.g. a thousand nines: beyond a float, so it cannot be compared
        shown = str(raw) if len(str(raw)) <= 40 else str(raw)[:40] + "…"
        raise ValueParseError(f"'{shown}' holds a number too large to compare ({len(str(raw)):,} characters)") from None


def compare(a: Value, b: Value) -> Comparison:
    """How two values relate. Values of different types are INCOMPARABLE, unless one type says it
    compares with the other's class (a deadline with a date, by their day ranges)."""
    type_a, type_b = _BY_CLASS.get(type(a)), _BY_CLASS.get(type(b))
    if type_a is not None and type_a is type_b:
        return type_a.compare(a, b)
    for value_type, other in ((type_a, b), (type_b, a)):
        if value_type is not None and isinstance(other, value_type.compares_with):
            return value_type.compare(a, b)
    if type(a) is not type(b):
        return Comparison(Agreement.INCOMPARABLE, f"a {_kind(a)} and a {_kind(b)} are not compared")
    return Comparison(Agreement.INCOMPARABLE, f"values of type {type(a).__name__} are not compared")


def _kind(value: Value) -> str:
    """The type's name for messages; a Text says itself whether it is a quote or a statement."""
    if isinstance(value, Text):
        return value.kind
    value_type = _BY_CLASS.get(type(value))
    return value_type.name if value_type is not None else type(value).__name__.lower()
