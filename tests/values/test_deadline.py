"""Deadlines: a duration from an anchor (± its implied precision) or a date (docs/design.md §4)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.values import Agreement, Deadline, ValueParseError, compare

from .support import NPR, ctx, parse, parse_error

D = dt.date
ADOPTED = D(2017, 12, 22)  # Resolution 2397

# (raw, context, first day, last day)
PARSES = [
    # "within 24 months" of 2017-12-22: 2019-12-22 ± 0.24 months (7.3 days, rounded outward to 8)
    ("within 24 months", ctx(anchor=ADOPTED), D(2019, 12, 14), D(2019, 12, 30)),
    ("within two years", ctx(anchor=ADOPTED), D(2019, 12, 14), D(2019, 12, 30)),
    ("within two years", ctx(anchor=D(2017, 12, 23)), D(2019, 12, 15), D(2019, 12, 31)),
    ("within 12 months", ctx(anchor=ADOPTED), D(2018, 12, 18), D(2018, 12, 26)),  # ± 3.65 days
    ("two years", ctx(anchor=ADOPTED), D(2019, 12, 14), D(2019, 12, 30)),
    ("in 120 days", ctx(anchor=ADOPTED), D(2018, 4, 19), D(2018, 4, 23)),  # ± 1.2 days
    ("120 days", ctx(anchor=ADOPTED), D(2018, 4, 19), D(2018, 4, 23)),
    ("within 24 months of adoption", ctx(anchor=ADOPTED), D(2019, 12, 14), D(2019, 12, 30)),
    ("within 90 days", ctx(anchor=ADOPTED), D(2018, 3, 21), D(2018, 3, 23)),  # ± 0.9 days
    # date forms give the date's day range
    ("by the end of 2019", ctx(), D(2019, 12, 1), D(2019, 12, 31)),
    ("by 2019", ctx(), D(2019, 1, 1), D(2019, 12, 31)),
    ("by December 31, 2019", ctx(), D(2019, 12, 31), D(2019, 12, 31)),
    ("no later than March 22, 2018", ctx(), D(2018, 3, 22), D(2018, 3, 22)),
    ("end of 2019", ctx(), D(2019, 12, 1), D(2019, 12, 31)),
    # a deadline looks forward: a date without a year, a weekday or a month is the next one
    ("by March 22", ctx(), D(2018, 3, 22), D(2018, 3, 22)),
    ("by Monday", ctx(), D(2017, 12, 25), D(2017, 12, 25)),  # NPR's story is a Friday
    ("by March", ctx(), D(2018, 3, 1), D(2018, 3, 31)),
    ("by Dec. 22", ctx(), NPR, NPR),
    # mappings: {value, unit} keeps the precision rule, {min, max, unit} is exact
    ({"value": "24", "unit": "months"}, ctx(anchor=ADOPTED), D(2019, 12, 14), D(2019, 12, 30)),
    ({"min": "700", "max": "730", "unit": "days"}, ctx(anchor=ADOPTED), D(2019, 11, 22), D(2019, 12, 22)),
    # hedges keep their shape: "within about two years" is 2 years ± 5% (and ± d)
    ("within about two years", ctx(anchor=ADOPTED), D(2019, 11, 8), D(2020, 2, 4)),
    # month ends clamp: 2016-02-29 + 1 year = 2017-02-28
    ("within one year", ctx(anchor=D(2016, 2, 29)), D(2017, 2, 24), D(2017, 3, 4)),
    # months and years move the calendar: a month from January 31 is February 28 (± 0.3 days), a
    # year from 2015-03-01 is 2016-03-01 (365 days would be February 29) ± 3.65 days
    ("within 1 month", ctx(anchor=D(2018, 1, 31)), D(2018, 2, 27), D(2018, 3, 1)),
    ("within 1 year", ctx(anchor=D(2015, 3, 1)), D(2016, 2, 26), D(2016, 3, 5)),
    # weeks, and fractions of months and years, are days: 14, 45.66 and 547.86 from 2017-12-22
    ("within 2 weeks", ctx(anchor=ADOPTED), D(2018, 1, 4), D(2018, 1, 6)),
    ("within 1.5 months", ctx(anchor=ADOPTED), D(2018, 2, 5), D(2018, 2, 7)),
    ("within 1.5 years", ctx(anchor=ADOPTED), D(2019, 6, 16), D(2019, 6, 28)),
    # days in a month and in a year: 5.5 months is 167.40 days (not 168), 1.1 years 401.77 (not 403)
    ("within 5.5 months", ctx(anchor=ADOPTED), D(2018, 6, 5), D(2018, 6, 9)),
    ("within 1.1 years", ctx(anchor=ADOPTED), D(2019, 1, 23), D(2019, 2, 2)),
    # half a day is a positive duration
    ("within 0.5 days", ctx(anchor=ADOPTED), ADOPTED, D(2017, 12, 23)),
    # open ends: no lower bound starts at the anchor, no upper bound never ends
    ("within less than 2 years", ctx(anchor=ADOPTED), ADOPTED, D(2019, 12, 30)),
    ("within more than 2 years", ctx(anchor=ADOPTED), D(2019, 12, 14), dt.date.max),
    # date forms look forward: this month in a December story, the next March
    ("by December", ctx(), D(2017, 12, 1), D(2017, 12, 31)),
    ("by the end of March", ctx(), D(2018, 3, 21), D(2018, 3, 31)),
    ("by late March", ctx(), D(2018, 3, 21), D(2018, 3, 31)),
]


@pytest.mark.parametrize(("raw", "context", "first", "last"), PARSES)
def test_parse(raw: object, context: object, first: dt.date, last: dt.date) -> None:
    value = parse("deadline", raw, context)  # type: ignore[arg-type]
    assert isinstance(value, Deadline)
    assert (value.first, value.last) == (first, last)
    if isinstance(raw, str):
        assert value.text == raw


def test_texts_are_kept() -> None:
    assert parse("deadline", {"value": "24", "unit": "months"}).text == "{value: 24, unit: months}"
    assert parse("deadline", "no later than March 22, 2018").text == "no later than March 22, 2018"
    assert parse("deadline", "end of 2019").text == "end of 2019"


def test_anchor_precedence() -> None:
    """adopted_on (anchor) wins over as_of, which wins over published."""
    anchored = parse("deadline", "in 120 days", ctx(NPR, as_of=D(2018, 1, 1), anchor=D(2017, 1, 1)))
    assert anchored.anchor == D(2017, 1, 1)  # type: ignore[attr-defined]
    as_of = parse("deadline", "in 120 days", ctx(NPR, as_of=D(2018, 1, 1)))
    assert as_of.anchor == D(2018, 1, 1)  # type: ignore[attr-defined]
    published = parse("deadline", "in 120 days", ctx(NPR))
    assert published.anchor == NPR  # type: ignore[attr-defined]


# docs/design.md §4: (a, a's context, b, b's context, outcome)
COMPARISONS = [
    ("within 24 months", ctx(anchor=ADOPTED), "end of 2019", ctx(), Agreement.AGREE),
    ("within 24 months", ctx(anchor=ADOPTED), "by the end of 2019", ctx(), Agreement.AGREE),
    ("within 24 months", ctx(anchor=ADOPTED), "within two years", ctx(published=D(2017, 12, 23)), Agreement.AGREE),
    ("within 24 months", ctx(anchor=ADOPTED), "within 12 months", ctx(anchor=ADOPTED), Agreement.DISAGREE),
    ("within 24 months", ctx(anchor=ADOPTED), "by 2019", ctx(), Agreement.AGREE),
    ("within 24 months", ctx(anchor=ADOPTED), "by December 31, 2018", ctx(), Agreement.DISAGREE),
    ("in 120 days", ctx(anchor=ADOPTED), "within four months", ctx(anchor=ADOPTED), Agreement.AGREE),
]


@pytest.mark.parametrize(("a", "a_ctx", "b", "b_ctx", "outcome"), COMPARISONS)
def test_compare(a: str, a_ctx: object, b: str, b_ctx: object, outcome: Agreement) -> None:
    va, vb = parse("deadline", a, a_ctx), parse("deadline", b, b_ctx)  # type: ignore[arg-type]
    assert compare(va, vb).outcome is outcome
    assert compare(vb, va).outcome is outcome


def test_deadlines_compare_with_dates() -> None:
    deadline = parse("deadline", "within 24 months", ctx(anchor=ADOPTED))
    assert compare(deadline, parse("date", "December 2019")).outcome is Agreement.AGREE
    assert compare(parse("date", "2018"), deadline).outcome is Agreement.DISAGREE


def test_describe_and_detail() -> None:
    deadline = parse("deadline", "within 24 months", ctx(anchor=ADOPTED))
    assert deadline.describe() == "'within 24 months' [2019-12-14, 2019-12-30] (24 months from 2017-12-22)"
    assert deadline.canonical() == "deadline [2019-12-14, 2019-12-30]"
    open_ended = parse("deadline", "within more than 2 years", ctx(anchor=ADOPTED))
    assert open_ended.describe() == "'within more than 2 years' [2019-12-14, inf) (2 years from 2017-12-22)"
    assert parse("deadline", "by 2019").describe() == "'by 2019' [2019-01-01, 2019-12-31]"
    assert parse("deadline", "by 9999").canonical() == "deadline [9999-01-01, 9999-12-31]"  # the calendar's last day is a day
    other = parse("deadline", "within 12 months", ctx(anchor=ADOPTED))
    assert compare(deadline, other).detail.startswith("deadlines differ: 'within 24 months'")


def test_tolerance_widens_the_duration() -> None:
    plain = parse("deadline", "within 24 months", ctx(anchor=ADOPTED))
    wide = parse("deadline", "within 24 months", ctx(anchor=ADOPTED, tolerance=0.02))
    assert wide.first < plain.first and wide.last > plain.last  # type: ignore[attr-defined]


ERRORS = [
    "within blue moons", "", "lots", "two", "24 percent", "$400 million", "within 24", "by Decembruary 2019",
    "within -3 months", "in 24 months per year", "within 24 months-ish", "Decembruary 2017", "15-0-0-0",
    {"value": "24"}, {"value": "24", "unit": "percent"}, {"value": "x", "unit": "months"}, ["24 months"], None,
    "within 100000 years",
]


@pytest.mark.parametrize("raw", ERRORS, ids=repr)
def test_parse_errors(raw: object) -> None:
    with pytest.raises(ValueParseError) as info:
        parse("deadline", raw)
    assert info.value.message and info.value.expected


NOT_A_DURATION = "'blue moons' is not a duration ('blue moons' is not a quantity: expected a number at 'blue moons')"

# (raw, the whole message)
MESSAGES = [
    ("within 0 days", "'within 0 days' is not a deadline: the duration is not positive"),
    ("within 24", "'within 24' is not a deadline: a bare number is not a duration"),
    ("within 24 percent", "'within 24 percent' is not a deadline: a quantity in percent is not a duration"),
    # a duration prefix or an adoption suffix says it is a duration: no date is tried
    ("within blue moons", "'within blue moons' is not a deadline: " + NOT_A_DURATION),
    ("blue moons of adoption", "'blue moons of adoption' is not a deadline: " + NOT_A_DURATION),
    ("blue moons", "'blue moons' is not a deadline: it is neither a duration nor a date"),
    (["24 months"], "a list is not a deadline"),
    (None, "an empty value is not a deadline"),
]


@pytest.mark.parametrize(("raw", "message"), MESSAGES, ids=repr)
def test_error_messages(raw: object, message: str) -> None:
    error = parse_error("deadline", raw)
    assert error.message == message
    assert error.expected.startswith("a deadline such as 'within 24 months'")
