"""Shared helpers for the values tests: contexts and the example action vocabulary."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from factcheck.values import ActionVocabulary, ParseContext, Value, ValueParseError, parse_value

# The story dates of the example corpus.
NPR = dt.date(2017, 12, 22)  # a Friday
BLOG = dt.date(2017, 8, 7)  # a Monday
NYT = dt.date(2016, 11, 30)  # a Wednesday

# Same content as rules/actions.yaml, as the rule-set loader hands it over.
ACTION_TABLE = {
    "ban": {"synonyms": ["prohibit", "bar", "forbid", "outlaw", "full ban", "embargo"], "incompatible": ["cap", "freeze"]},
    "cap": {"synonyms": ["limit", "restrict", "ceiling", "quota", "curb"], "incompatible": ["ban"]},
    "freeze": {"synonyms": ["no increase", "prohibit increase", "hold"], "incompatible": ["ban"]},
    "repatriate": {"synonyms": ["expel", "send home", "return"]},
    "inspect": {"synonyms": ["search", "check"]},
    "designate": {"synonyms": ["blacklist", "list", "sanction"]},
    "report": {"synonyms": ["notify", "disclose"]},
}
ACTIONS = ActionVocabulary.from_mapping(ACTION_TABLE)


def ctx(published: dt.date = NPR, **kwargs: object) -> ParseContext:
    kwargs.setdefault("actions", ACTIONS)
    return ParseContext(published=published, **kwargs)  # type: ignore[arg-type]


def parse(type_name: str, raw: object, context: ParseContext | None = None) -> Value:
    return parse_value(type_name, raw, context or ctx())  # type: ignore[arg-type]


def parse_error(type_name: str, raw: object, context: ParseContext | None = None) -> ValueParseError:
    """The error a raw value gives; the test fails when it parses."""
    with pytest.raises(ValueParseError) as info:
        parse(type_name, raw, context)
    return info.value


def approx_interval(lo: float, hi: float) -> tuple[object, object]:
    """Compare interval ends with a relative tolerance for float noise; infinities exactly."""
    def one(x: float) -> object:
        return x if math.isinf(x) else pytest.approx(x, rel=1e-9, abs=1e-9)
    return one(lo), one(hi)
