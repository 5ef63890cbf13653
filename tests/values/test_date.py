"""Dates as day ranges relative to the publication day (docs/design.md §4)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.values import Agreement, DateValue, ValueParseError, compare

from .support import BLOG, NPR, NYT, ctx, parse

D = dt.date
SATURDAY = D(2017, 12, 23)

# (raw, published, first day, last day)
PARSES = [
    # docs/design.md §4 examples
    ("2017-12-22", NPR, D(2017, 12, 22), D(2017, 12, 22)),
    ("2017-12-22T18:30:00-05:00", NPR, D(2017, 12, 22), D(2017, 12, 22)),  # the date as written
    ("Nov. 30, 2016", NYT, D(2016, 11, 30), D(2016, 11, 30)),
    ("December 22", NPR, D(2017, 12, 22), D(2017, 12, 22)),
    ("2017", NPR, D(2017, 1, 1), D(2017, 12, 31)),
    ("December 2017", NPR, D(2017, 12, 1), D(2017, 12, 31)),
    ("end of 2019", NPR, D(2019, 12, 1), D(2019, 12, 31)),
    ("Wednesday", NPR, D(2017, 12, 20), D(2017, 12, 20)),  # NPR's story is a Friday
    ("on Saturday", SATURDAY, SATURDAY, SATURDAY),  # "on Saturday" in a Saturday story is that day
    ("this month", NPR, D(2017, 12, 1), D(2017, 12, 31)),
    ("this year", NPR, D(2017, 1, 1), D(2017, 12, 31)),
    # ISO forms
    ("2017-12-22T23:30:00Z", NPR, D(2017, 12, 22), D(2017, 12, 22)),
    ("2017-12-22 18:30", NPR, D(2017, 12, 22), D(2017, 12, 22)),
    ("2017-12-22t18:30:00+01:00", NPR, D(2017, 12, 22), D(2017, 12, 22)),
    # written dates
    ("November 30, 2016", NYT, D(2016, 11, 30), D(2016, 11, 30)),
    ("30 November 2016", NYT, D(2016, 11, 30), D(2016, 11, 30)),
    ("Nov 30 2016", NYT, D(2016, 11, 30), D(2016, 11, 30)),
    ("November 30th, 2016", NYT, D(2016, 11, 30), D(2016, 11, 30)),
    ("the 30th of November 2016", NYT, D(2016, 11, 30), D(2016, 11, 30)),
    ("Wednesday, Nov. 30, 2016", NYT, D(2016, 11, 30), D(2016, 11, 30)),
    ("Sept. 9, 2016", NYT, D(2016, 9, 9), D(2016, 9, 9)),
    ("on Dec. 22, 2017", NPR, D(2017, 12, 22), D(2017, 12, 22)),
    # no year: the latest such date on or before publication
    ("Dec. 22", NPR, D(2017, 12, 22), D(2017, 12, 22)),
    ("22 December", NPR, D(2017, 12, 22), D(2017, 12, 22)),
    ("Dec. 21", NPR, D(2017, 12, 21), D(2017, 12, 21)),
    ("Dec. 23", NPR, D(2016, 12, 23), D(2016, 12, 23)),
    ("August 7", BLOG, D(2017, 8, 7), D(2017, 8, 7)),
    ("Feb. 29", NPR, D(2016, 2, 29), D(2016, 2, 29)),
    ("December", NPR, D(2017, 12, 1), D(2017, 12, 31)),
    ("in March", NPR, D(2017, 3, 1), D(2017, 3, 31)),
    ("in December 2017", NPR, D(2017, 12, 1), D(2017, 12, 31)),
    # parts of periods (ranges documented in factcheck/values/date.py)
    ("the end of 2019", NPR, D(2019, 12, 1), D(2019, 12, 31)),
    ("end of the year", NPR, D(2017, 12, 1), D(2017, 12, 31)),
    ("beginning of 2019", NPR, D(2019, 1, 1), D(2019, 1, 31)),
    ("early 2019", NPR, D(2019, 1, 1), D(2019, 4, 30)),
    ("mid-2019", NPR, D(2019, 5, 1), D(2019, 8, 31)),
    ("late 2019", NPR, D(2019, 9, 1), D(2019, 12, 31)),
    ("early December", NPR, D(2017, 12, 1), D(2017, 12, 10)),
    ("mid-December 2017", NPR, D(2017, 12, 11), D(2017, 12, 20)),
    ("late February 2016", NPR, D(2016, 2, 21), D(2016, 2, 29)),
    ("end of December 2017", NPR, D(2017, 12, 21), D(2017, 12, 31)),
    # weekdays: the latest such day on or before publication
    ("on Saturday", NPR, D(2017, 12, 16), D(2017, 12, 16)),
    ("Friday", NPR, D(2017, 12, 22), D(2017, 12, 22)),
    ("Tuesday", BLOG, D(2017, 8, 1), D(2017, 8, 1)),
    ("on Sunday", BLOG, D(2017, 8, 6), D(2017, 8, 6)),
    ("last Tuesday", NPR, D(2017, 12, 19), D(2017, 12, 19)),
    ("last Friday", NPR, D(2017, 12, 15), D(2017, 12, 15)),  # in a Friday story: a week ago
    # relative to publication
    ("today", NPR, NPR, NPR),
    ("yesterday", NPR, D(2017, 12, 21), D(2017, 12, 21)),
    ("last night", NPR, D(2017, 12, 21), NPR),
    ("last month", NPR, D(2017, 11, 1), D(2017, 11, 30)),
    ("last month", D(2017, 1, 15), D(2016, 12, 1), D(2016, 12, 31)),
    ("last year", NPR, D(2016, 1, 1), D(2016, 12, 31)),
    ("this week", NPR, D(2017, 12, 18), D(2017, 12, 24)),
    ("last week", NPR, D(2017, 12, 11), D(2017, 12, 17)),
    ("earlier this month", NPR, D(2017, 12, 1), NPR),
    ("earlier this month", D(2017, 12, 1), D(2017, 12, 1), D(2017, 12, 1)),  # published on the first day
    ("earlier this month", D(2017, 12, 31), D(2017, 12, 1), D(2017, 12, 31)),  # and on the last
    # a weekday before a date without a year, checked like one before a full date
    ("Friday, Dec. 22", NPR, NPR, NPR),
    # a bare month later in the year than publication is last year's
    ("December", BLOG, D(2016, 12, 1), D(2016, 12, 31)),
    # every word for a part of a year and of a month
    ("close of 2019", NPR, D(2019, 12, 1), D(2019, 12, 31)),
    ("start of 2019", NPR, D(2019, 1, 1), D(2019, 1, 31)),
    ("middle of 2019", NPR, D(2019, 5, 1), D(2019, 8, 31)),
    ("close of December 2017", NPR, D(2017, 12, 21), D(2017, 12, 31)),
    ("start of December 2017", NPR, D(2017, 12, 1), D(2017, 12, 10)),
    ("beginning of December 2017", NPR, D(2017, 12, 1), D(2017, 12, 10)),
    ("middle of December 2017", NPR, D(2017, 12, 11), D(2017, 12, 20)),
    # the first and last day a month can have, without a year
    ("Dec. 1", NPR, D(2017, 12, 1), D(2017, 12, 1)),
    ("Dec. 31", NPR, D(2016, 12, 31), D(2016, 12, 31)),
]


@pytest.mark.parametrize(("raw", "published", "first", "last"), PARSES)
def test_parse(raw: str, published: dt.date, first: dt.date, last: dt.date) -> None:
    value = parse("date", raw, ctx(published))
    assert isinstance(value, DateValue)
    assert (value.first, value.last) == (first, last)
    assert value.text == raw


def test_relative_dates_count_from_publication_not_as_of() -> None:
    value = parse("date", "yesterday", ctx(NPR, as_of=D(2017, 1, 1)))
    assert value.first == D(2017, 12, 21)


def test_datetime_publication_is_a_day() -> None:
    value = parse("date", "yesterday", ctx(dt.datetime(2017, 12, 22, 23, 59)))
    assert value.first == D(2017, 12, 21)


# (a, b, published, outcome, words the detail must contain)
COMPARISONS = [
    ("2017-12-22", "Dec. 22", NPR, Agreement.AGREE, ""),
    ("December 2017", "2017-12-22", NPR, Agreement.AGREE, ""),
    ("end of 2019", "2019-12-22", NPR, Agreement.AGREE, ""),
    ("yesterday", "2017-12-21", NPR, Agreement.AGREE, ""),
    ("Wednesday", "Dec. 20", NPR, Agreement.AGREE, ""),
    ("this year", "Nov. 30, 2016", NPR, Agreement.DISAGREE, "dates differ"),
    ("2017-12-22", "2017-12-23", NPR, Agreement.DISAGREE, "the dates are one day apart; this may be a time-zone difference"),
    ("2017-12-22T23:30:00-05:00", "2017-12-23T04:30:00Z", NPR, Agreement.DISAGREE, "time-zone difference"),
    ("2017-12-22", "2017-12-24", NPR, Agreement.DISAGREE, "dates differ"),
    ("December 2017", "2018-01-01", NPR, Agreement.DISAGREE, "dates differ"),
]


@pytest.mark.parametrize(("a", "b", "published", "outcome", "detail"), COMPARISONS)
def test_compare(a: str, b: str, published: dt.date, outcome: Agreement, detail: str) -> None:
    context = ctx(published)
    result = compare(parse("date", a, context), parse("date", b, context))
    assert result.outcome is outcome
    assert detail in result.detail
    assert compare(parse("date", b, context), parse("date", a, context)).outcome is outcome


def test_time_zone_note_only_for_single_days_one_day_apart() -> None:
    result = compare(parse("date", "2017-12-22"), parse("date", "2017-12-24"))
    assert "time-zone" not in result.detail
    result = compare(parse("date", "December 2017"), parse("date", "2018-01-01"))
    assert "time-zone" not in result.detail


def test_describe_and_canonical() -> None:
    assert parse("date", "Dec. 22").describe() == "'Dec. 22' 2017-12-22"
    assert parse("date", "December 2017").describe() == "'December 2017' [2017-12-01, 2017-12-31]"
    assert parse("date", "Dec. 22").canonical() == parse("date", "2017-12-22T10:00:00Z").canonical()
    # year one begins on date.min and year 9999 ends on date.max: closed ranges like every other year
    assert parse("date", "0001").canonical() == "date [0001-01-01, 0001-12-31]"
    assert parse("date", "9999").canonical() == "date [9999-01-01, 9999-12-31]"


ERRORS = [
    "", "lots", "Decembruary 2017", "February 30, 2017", "Thursday, Dec. 22, 2017", "2017-13-01",
    "12/22/2017", "22.12.2017", "December 32", "the end of the week", "end of 2019ish",
    "2017-12-22T25:00", "next Tuesday", "15-0-0-0", "within blue moons", "Dec. 22, 17",
    {"value": "2017-12-22"}, ["2017-12-22"], None,
]


@pytest.mark.parametrize("raw", ERRORS, ids=repr)
def test_parse_errors(raw: object) -> None:
    with pytest.raises(ValueParseError) as info:
        parse("date", raw)
    assert info.value.message and info.value.expected


def test_misspelt_month_gets_a_suggestion() -> None:
    with pytest.raises(ValueParseError) as info:
        parse("date", "Decembruary 2017")
    assert "did you mean 'December'" in info.value.message


# (raw, published, the whole message)
MESSAGES = [
    ("Thursday, Dec. 22", NPR, "'Thursday, Dec. 22' is not a date: 2017-12-22 is a Friday, not a Thursday"),
    ("Thursday, Dec. 22, 2017", NPR, "'Thursday, Dec. 22, 2017' is not a date: 2017-12-22 is a Friday, not a Thursday"),
    ("February 30, 2017", NPR, "'February 30, 2017' is not a date: February 2017 has no day 30"),
    ("December 32", NPR, "'December 32' is not a date: December has no day 32"),
    ("earlier today", NPR, "'earlier today' is not a date"),  # "earlier" needs a year, month or week
    ("end of this week", D(2018, 1, 3), "'end of this week' is not a date"),  # a week beginning on the 1st
    ("12/22/2017", NPR, "'12/22/2017' is not a date"),  # no word to suggest a spelling for
    ("early Decembruary", NPR, "'early Decembruary' is not a date: 'decembruary' is not a month or weekday; did you mean 'December'?"),
    ("Ocr. 5, 2017", NPR, "'Ocr. 5, 2017' is not a date: 'ocr' is not a month or weekday; did you mean 'October'?"),  # score 60
    ("Zzz 5, 2017", NPR, "'Zzz 5, 2017' is not a date: 'zzz' is not a month, weekday or date word"),
    ({"value": "2017-12-22"}, NPR, "a mapping is not a date"),
    (None, NPR, "an empty value is not a date"),
]


@pytest.mark.parametrize(("raw", "published", "message"), MESSAGES, ids=repr)
def test_error_messages(raw: object, published: dt.date, message: str) -> None:
    with pytest.raises(ValueParseError) as info:
        parse("date", raw, ctx(published))
    assert info.value.message == message
    assert info.value.expected.startswith("a date such as '2017-12-22'")
