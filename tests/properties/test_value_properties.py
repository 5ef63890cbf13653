"""Every value parser, given any raw input, returns a Value or raises ValueParseError; parsing is
deterministic; comparing any two parsed values never raises and does not depend on their order."""

from __future__ import annotations

import datetime as dt

from hypothesis import event, given
from hypothesis import strategies as st

from factcheck.values import PARSE_FACTS, VALUE_TYPES, ParseContext, Value, ValueParseError, compare, parse_value, type_named

from .support import LIKELY, budget, contexts, counted, raw_value, ruleset

typed = st.sampled_from(VALUE_TYPES).flatmap(lambda name: st.tuples(st.just(name), st.one_of(LIKELY[name], raw_value)))
NPR = ParseContext(published=dt.date(2017, 12, 22), actions=ruleset().actions)


def parse(type_name: str, raw: object, ctx: ParseContext) -> Value | None:
    """The parsed value, or None when it does not parse; any other exception fails the property."""
    try:
        value = parse_value(type_name, raw, ctx)  # type: ignore[arg-type]
    except ValueParseError as err:
        assert str(err).strip()
        event(f"{type_name}: rejected")
        return None
    assert isinstance(value, Value)
    event(f"{type_name}: parsed")
    return value


@budget(400)
@given(typed, contexts())
@counted
def test_parse_is_total_and_deterministic(item: tuple[str, object], ctx: ParseContext) -> None:
    type_name, raw = item
    first, second = parse(type_name, raw, ctx), parse(type_name, raw, ctx)
    assert (first is None) == (second is None)
    if first is not None:
        assert first == second
        assert first.canonical() == second.canonical() == first.canonical_form()
        assert first.describe() == second.describe()


@budget(200)
@given(typed, typed, contexts())
@counted
def test_compare_is_total_and_symmetric(a_item: tuple[str, object], b_item: tuple[str, object], ctx: ParseContext) -> None:
    a, b = parse(*a_item, ctx), parse(*b_item, ctx)
    if a is None or b is None:
        return
    forward, backward = compare(a, b), compare(b, a)
    assert forward.detail == compare(a, b).detail  # the reason is written lazily: force it, twice
    backward.detail
    event(f"outcome: {forward.outcome.value}")
    assert forward.outcome == backward.outcome, (a, b, forward.detail, backward.detail)


same_type = st.sampled_from(VALUE_TYPES).flatmap(lambda name: st.tuples(st.just(name), LIKELY[name], LIKELY[name]))


@budget(300)
@given(same_type, contexts(), contexts())
@counted
def test_same_type_pairs_are_symmetric(item: tuple[str, object, object], a_ctx: ParseContext, b_ctx: ParseContext) -> None:
    """Two values of one type, as different sources write them (the pairs the rules compare)."""
    type_name, a_raw, b_raw = item
    a, b = parse(type_name, a_raw, a_ctx), parse(type_name, b_raw, b_ctx)
    if a is None or b is None:
        return
    forward, backward = compare(a, b), compare(b, a)
    forward.detail, backward.detail
    event(f"{type_name}: {forward.outcome.value}")
    assert forward.outcome == backward.outcome, (a, b, forward.detail, backward.detail)


_FACTS_READ: set[str] = set()


class _RecordingContext(ParseContext):
    """A parse context that notes which of its facts a parse reads."""

    def __getattribute__(self, name: str) -> object:
        if name in PARSE_FACTS:
            _FACTS_READ.add(name)
        return super().__getattribute__(name)


@budget(400)
@given(typed, contexts())
@counted
def test_a_parse_reads_only_the_facts_its_type_declares(item: tuple[str, object], ctx: ParseContext) -> None:
    """The normalizer's parse memo keys a parse by the facts its type declares (ValueType.reads):
    a fact read but not declared would let two claims share a parse that differs."""
    type_name, raw = item
    recording = _RecordingContext(**{name: getattr(ctx, name) for name in (*PARSE_FACTS, "actions")})
    _FACTS_READ.clear()
    parse(type_name, raw, recording)
    assert _FACTS_READ <= set(type_named(type_name).facts_read(raw)), (type_name, raw)
