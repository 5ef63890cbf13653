"""The public API of factcheck.values: what the rest of factcheck codes against."""

from __future__ import annotations

import dataclasses
import datetime as dt
import doctest

import pytest

import factcheck.values as values
from factcheck.values import (
    VALUE_TYPES, ActionVocabulary, Agreement, Comparison, ParseContext, Value, ValueParseError, compare,
    parse_value,
)

from .support import ACTIONS, ctx

SAMPLES: dict[str, object] = {
    "quantity": "$400 million",
    "count": "the fourth",
    "date": "Dec. 22",
    "deadline": "within 24 months",
    "time": "11:11 pm (2211 GMT)",
    "vote": "15-to-nothing",
    "measure": {"action": "ban", "target": "coal", "direction": "export", "amount": "7.5 million metric tons a year"},
    "quote": "It sends the unambiguous message to Pyongyang",
    "text": "The United States drafted the resolution",
}


def test_value_types() -> None:
    assert VALUE_TYPES == ("quantity", "count", "date", "deadline", "time", "vote", "measure", "quote", "text")
    assert set(SAMPLES) == set(VALUE_TYPES)


def test_public_names() -> None:
    for name in ("ParseContext", "ValueParseError", "Agreement", "Comparison", "Value", "parse_value",
                 "compare", "VALUE_TYPES", "ActionVocabulary"):
        assert hasattr(values, name)
    assert [a.name for a in Agreement] == ["AGREE", "DISAGREE", "INCOMPARABLE"]
    assert Comparison(Agreement.AGREE).detail == ""


def test_parse_context_defaults() -> None:
    context = ParseContext(published=dt.date(2017, 12, 22))
    assert (context.as_of, context.anchor, context.body_members, context.tolerance, context.actions) == (None, None, None, 0.0, None)
    hash(ctx())  # frozen, and hashable even with a vocabulary


@pytest.mark.parametrize("type_name", VALUE_TYPES)
def test_every_type_parses_to_a_frozen_value(type_name: str) -> None:
    value = parse_value(type_name, SAMPLES[type_name], ctx(body_members=15))  # type: ignore[arg-type]
    assert isinstance(value, Value)
    assert dataclasses.is_dataclass(value)
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.text = "changed"  # type: ignore[misc]
    assert value.text
    assert isinstance(value.describe(), str) and value.describe()
    hash(value)
    assert compare(value, value).outcome is Agreement.AGREE


@pytest.mark.parametrize("type_name", VALUE_TYPES)
def test_canonical_is_deterministic(type_name: str) -> None:
    first = parse_value(type_name, SAMPLES[type_name], ctx(body_members=15))  # type: ignore[arg-type]
    second = parse_value(type_name, SAMPLES[type_name], ctx(body_members=15))  # type: ignore[arg-type]
    assert first.canonical() == second.canonical()
    assert " at 0x" not in first.canonical() and "object" not in first.canonical()


def test_same_meaning_same_canonical() -> None:
    context = ctx(body_members=15)
    pairs = [
        ("quantity", "89%", "89 per cent"),
        ("count", "10th", "tenth"),
        ("date", "Dec. 22", "2017-12-22"),
        ("time", "11:11 pm (2211 GMT)", "23:11 local time (22:11 UTC)"),
        ("vote", "unanimously", "15-0-0"),
        ("quote", "“Tough posturing.”", "tough posturing"),
    ]
    for type_name, a, b in pairs:
        assert parse_value(type_name, a, context).canonical() == parse_value(type_name, b, context).canonical()


def test_mapping_text_is_compact() -> None:
    value = parse_value("quantity", {"value": "400870018", "unit": "USD"}, ctx())
    assert value.text == "{value: 400870018, unit: USD}"
    assert value.describe() == "'{value: 400870018, unit: USD}' [400870017.5, 400870018.5] USD"


def test_different_types_are_incomparable() -> None:
    context = ctx(body_members=15)
    parsed = {name: parse_value(name, raw, context) for name, raw in SAMPLES.items()}  # type: ignore[arg-type]
    for a_name, a in parsed.items():
        for b_name, b in parsed.items():
            if a_name == b_name or {a_name, b_name} <= {"date", "deadline"} or {a_name, b_name} == {"quote", "text"}:
                continue
            assert compare(a, b).outcome is Agreement.INCOMPARABLE, (a_name, b_name)
    same_number = (parse_value("quantity", "16", context), parse_value("count", "16", context))
    assert compare(*same_number).outcome is Agreement.INCOMPARABLE


def test_unknown_type_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="unknown value type"):
        parse_value("colour", "red", ctx())


def test_value_parse_error_fields() -> None:
    with pytest.raises(ValueParseError) as info:
        parse_value("quantity", "lots", ctx())
    err = info.value
    assert "lots" in err.message
    assert err.expected.startswith("a quantity such as '7.5 million metric tons', '$400 million', '89 percent'")
    assert str(err) == f"{err.message}; expected {err.expected}"
    assert isinstance(err, Exception)


ERRORS_FOR_EVERY_TYPE = ["", "   ", None, ["a", "list"]]


@pytest.mark.parametrize("type_name", VALUE_TYPES)
@pytest.mark.parametrize("raw", ERRORS_FOR_EVERY_TYPE, ids=repr)
def test_empty_and_wrong_shapes_fail_for_every_type(type_name: str, raw: object) -> None:
    with pytest.raises(ValueParseError) as info:
        parse_value(type_name, raw, ctx())  # type: ignore[arg-type]
    assert info.value.message and info.value.expected


def test_action_vocabulary_is_the_same_class() -> None:
    assert isinstance(ACTIONS, ActionVocabulary)


def test_doctests() -> None:
    import factcheck.values.numbers

    for module in (values, factcheck.values.numbers):
        assert doctest.testmod(module).failed == 0


def test_comparison_reason_is_written_when_read() -> None:
    """A reason given as a function is written only when detail is read; the note always shows."""
    calls: list[int] = []

    def reason() -> str:
        calls.append(1)
        return "dates differ"

    lazy = Comparison(Agreement.DISAGREE, reason, "they are one day apart")
    assert calls == [] and lazy.note == "they are one day apart"
    assert lazy.detail == "dates differ; they are one day apart" and calls == [1]
    assert Comparison(Agreement.DISAGREE, "", "a note").detail == "a note"
    assert Comparison(Agreement.DISAGREE, "x") == Comparison(Agreement.DISAGREE, reason)  # the reason is not compared


def test_canonical_form_is_worked_out_once_per_value() -> None:
    value = parse_value("quantity", "$400 million", ctx())
    first = value.canonical_form()
    assert first == value.canonical()
    value.__dict__["canonical"] = lambda: "worked out again"  # what a second call of canonical() would give
    assert value.canonical_form() == first
    assert value == parse_value("quantity", "$400 million", ctx())  # the kept form is no field


def test_a_number_too_large_for_a_float_is_an_error_without_expected() -> None:
    with pytest.raises(ValueParseError) as info:
        parse_value("quantity", "9" * 400, ctx())
    assert str(info.value) == f"'{'9' * 40}…' holds a number too large to compare (400 characters)"
    assert info.value.expected == ""


def test_render_raw() -> None:
    from factcheck.values.base import render_raw

    assert render_raw({"for": None, "yes": True, "no": False, "parts": [7.0, 2.5, " x "]}) == "{for: null, yes: true, no: false, parts: [7, 2.5, x]}"
    assert (render_raw(1e15), render_raw(-1e15), render_raw(1e16)) == ("1000000000000000", "-1000000000000000", "1e+16")


def test_a_raw_value_of_another_python_type_is_named_by_its_class() -> None:
    with pytest.raises(ValueParseError) as info:
        parse_value("vote", dt.date(2017, 12, 22), ctx())  # type: ignore[arg-type]
    assert info.value.message == "date is not a vote"
    assert info.value.expected.startswith("a vote such as '15-0'")
