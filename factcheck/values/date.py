"""Dates as ranges of whole days ("December 2017" is 2017-12-01..2017-12-31).

Two dates agree when their day ranges share a day. Relative forms ("yesterday", "Wednesday",
"Dec. 22" without a year) count from the source's publication day, backwards: a news story
reports what has happened (deadlines, which lie ahead, read them forwards: see read_days).
Datetimes keep the date as written (no time-zone conversion), which is why two single days one
day apart get a message saying the gap may be a time zone.

Ranges for vague parts of a period (explicit so that nobody has to guess):
  year:  early = Jan-Apr, mid = May-Aug, late = Sep-Dec; beginning/start = January,
         end/close = December ("end of 2019" is December 2019, docs/design.md §4)
  month: early/beginning = days 1-10, mid/middle = 11-20, late/end = 21-last day
"""

from __future__ import annotations

import calendar
import datetime as dt
import os.path
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .base import Agreement, Comparison, ParseContext, Value, ValueParseError, ValueType, fold, scalar_text

EXPECTED = (
    "a date such as '2017-12-22', '2017-12-22T18:30:00-05:00', 'Nov. 30, 2016', '30 November 2016', "
    "'December 22', 'December 2017', '2017', 'end of 2019', 'late 2019', 'Wednesday', 'last Tuesday', "
    "'yesterday', 'this month' or 'last year'"
)

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name[1:], start=1):
    MONTHS[_name.lower()] = _number
    MONTHS[_name.lower()[:3]] = _number
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(calendar.day_name):
    WEEKDAYS[_name.lower()] = _number
    WEEKDAYS[_name.lower()[:3]] = _number
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>\d{4})"
_WD = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_WD_PREFIX = rf"(?:{_WD},? )?"

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?")
_FULL_FORMS = [
    re.compile(rf"{_WD_PREFIX}{_M} {_D},? {_Y}"),  # Nov. 30, 2016
    re.compile(rf"{_WD_PREFIX}(?:the )?{_D} (?:of )?{_M},? {_Y}"),  # 30 November 2016
]
_YEARLESS_FORMS = [
    re.compile(rf"{_WD_PREFIX}{_M} {_D}"),  # Dec. 22
    re.compile(rf"{_WD_PREFIX}(?:the )?{_D} (?:of )?{_M}"),  # 22 December
]
_MONTH_YEAR = re.compile(rf"{_M},? (?:of )?{_Y}")
_MONTH_ONLY = re.compile(_M)
_YEAR = re.compile(rf"(?:the year )?{_Y}")
_WEEKDAY = re.compile(rf"(?:(?P<last>last|this past|past) )?{_WD}")
_PART_OF = re.compile(r"(?:the )?(?P<part>end|close|start|beginning|middle) of (?P<what>.+)")
_EARLY_LATE = re.compile(r"(?P<part>early|mid|late)(?: |-)(?P<what>.+)")
_PERIOD_STEPS = {"this": 0, "the": 0, "last": -1, "the past": -1, "next": 1, "the next": 1, "the coming": 1}
_RELATIVE_PERIOD = re.compile(r"(?P<which>" + "|".join(_PERIOD_STEPS) + r") (?P<unit>year|month|week)")
_RELATIVE_DAY = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                 "yesterday": -1, "tomorrow": 1}


@dataclass(frozen=True)
class DateValue(Value):
    """A date as the days it may be: first..last inclusive."""

    text: str
    first: dt.date
    last: dt.date

    def describe(self) -> str:
        return self.written_and_canonical()

    def canonical(self) -> str:
        return f"date {format_days(self.first, self.last)}"


def format_days(first: dt.date, last: dt.date, open_end: bool = False) -> str:
    """The days first..last; open_end: a deadline with no last day (its `last` is date.max)."""
    if first == last:
        return first.isoformat()
    return f"[{first.isoformat()}, {'inf)' if open_end else last.isoformat() + ']'}"


def compare_days(
    a: Value, a_range: tuple[dt.date, dt.date], b: Value, b_range: tuple[dt.date, dt.date],
    noun: str = "dates",
) -> Comparison:
    """Shared by dates and deadlines: agree when the day ranges share a day."""
    (a1, a2), (b1, b2) = a_range, b_range
    if a1 <= b2 and b1 <= a2:
        return Comparison(Agreement.AGREE)
    one_day_apart = a1 == a2 and b1 == b2 and abs((a1 - b1).days) == 1
    return Comparison(
        Agreement.DISAGREE,
        lambda: f"{noun} differ: {a.describe()} vs {b.describe()}",
        "the dates are one day apart; this may be a time-zone difference" if one_day_apart else "",
    )


def compare_dates(a: DateValue, b: DateValue) -> Comparison:
    return compare_days(a, (a.first, a.last), b, (b.first, b.last))


# ---------------------------------------------------------------------------------------------
# Parsing.


def parse_date(raw: str | int | float | dict | list, ctx: ParseContext) -> DateValue:
    """Text to the days it names; ValueParseError when it names none."""
    text = scalar_text(raw, "a date", EXPECTED)
    first, last = read_days(text, ctx)
    return DateValue(text, first, last)


def read_days(text: str, ctx: ParseContext, *, future: bool = False) -> tuple[dt.date, dt.date]:
    """The day range a date text names (shared with deadlines' "by <date>").

    Dates without a year, bare weekdays and bare months look back from publication; with
    future=True (deadlines: "by March 22", "by Friday") they look forward instead.
    """
    s = fold(text)
    for filler in ("on ", "in "):
        if s.startswith(filler):
            s = s[len(filler):]
            break
    published = ctx.reference_day
    try:
        result = _read(s, published, future)
    except ValueError as err:  # an impossible day such as February 30
        raise ValueParseError(f"'{text}' is not a date: {err}", EXPECTED) from None
    if result is None:
        raise ValueParseError(f"'{text}' is not a date{_hint(s)}", EXPECTED)
    return result


def _read(s: str, published: dt.date, future: bool) -> tuple[dt.date, dt.date] | None:
    if _ISO_DATE.fullmatch(s):
        day = dt.date.fromisoformat(s)
        return day, day
    if _ISO_DATETIME.fullmatch(s):
        day = dt.datetime.fromisoformat(s.upper()).date()  # the date as written; "T" or a space before the time
        return day, day
    for form in _FULL_FORMS:
        match = form.fullmatch(s)
        if match:
            day = _day(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
            _check_weekday(match, day)
            return day, day
    for form in _YEARLESS_FORMS:
        match = form.fullmatch(s)
        if match:
            day = _nearest_day(MONTHS[match["month"]], int(match["day"]), published, future)
            _check_weekday(match, day)
            return day, day
    if s in _RELATIVE_DAY:
        day = published + dt.timedelta(days=_RELATIVE_DAY[s])
        return day, day
    if s == "last night":
        return published - dt.timedelta(days=1), published
    match = _WEEKDAY.fullmatch(s)
    if match:
        back = (published.weekday() - WEEKDAYS[match["weekday"]]) % 7
        if match["last"] and back == 0:
            back = 7  # "last Tuesday" in a Tuesday story is a week ago, not today
        if future and not match["last"]:
            back = -((WEEKDAYS[match["weekday"]] - published.weekday()) % 7)  # "by Friday": the coming one
        day = published - dt.timedelta(days=back)
        return day, day
    if s.startswith("earlier "):
        period = _period(s[len("earlier "):], published, future)
        if period is not None and period[0] <= published <= period[1]:
            return period[0], published
        return None
    match = _PART_OF.fullmatch(s) or _EARLY_LATE.fullmatch(s)
    if match:
        period = _period(match["what"], published, future)
        return _part(match["part"], period) if period else None
    return _period(s, published, future)


def _period(s: str, published: dt.date, future: bool) -> tuple[dt.date, dt.date] | None:
    """A whole year, month or week: '2019', 'December 2019', 'this year', 'last month', 'next week'."""
    match = _MONTH_YEAR.fullmatch(s)
    if match:
        return _month(int(match["year"]), MONTHS[match["month"]])
    match = _YEAR.fullmatch(s)
    if match:
        year = int(match["year"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    match = _MONTH_ONLY.fullmatch(s)
    if match:  # "December": the latest December begun by publication (for deadlines: the next one)
        month = MONTHS[match["month"]]
        if future:
            return _month(published.year if month >= published.month else published.year + 1, month)
        return _month(published.year if month <= published.month else published.year - 1, month)
    match = _RELATIVE_PERIOD.fullmatch(s)
    if not match:
        return None
    step = _PERIOD_STEPS[match["which"]]
    if match["unit"] == "year":
        year = published.year + step
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if match["unit"] == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + step, 12)
        return _month(year, month + 1)
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
    return monday, monday + dt.timedelta(days=6)


def _part(part: str, period: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date] | None:
    first, last = period
    if first.month == 1 and last.month == 12 and first.year == last.year:  # a year
        months = {"end": (12, 12), "close": (12, 12), "start": (1, 1), "beginning": (1, 1),
                  "early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12)}[part]
        return dt.date(first.year, months[0], 1), _month(first.year, months[1])[1]
    if first.day == 1 and last == _month(first.year, first.month)[1]:  # a month
        days = {"end": (21, last.day), "close": (21, last.day), "late": (21, last.day),
                "start": (1, 10), "beginning": (1, 10), "early": (1, 10),
                "mid": (11, 20), "middle": (11, 20)}[part]
        return first.replace(day=days[0]), first.replace(day=days[1])
    return None  # parts of weeks are too vague to pin down


def _day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{calendar.month_name[month]} {year} has no day {day}") from None


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _nearest_day(month: int, day: int, published: dt.date, future: bool) -> dt.date:
    """The latest month/day on or before publication ("Dec. 22" in a 2017-12-22 story), or for
    deadlines the earliest on or after it."""
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:  # 2000 is a leap year: February 29 exists
        raise ValueError(f"{calendar.month_name[month]} has no day {day}")
    year, step = published.year, 1 if future else -1
    for _ in range(9):  # February 29 may be a few years away
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            year += step
            continue
        if (candidate >= published) if future else (candidate <= published):
            return candidate
        year += step
    raise ValueError(f"no {calendar.month_name[month]} {day} near {published}")  # pragma: no cover


def _check_weekday(match: re.Match[str], day: dt.date) -> None:
    """'Friday, Dec. 22, 2017' must name the right weekday; a wrong one is a typo, not a detail."""
    weekday = match.groupdict().get("weekday")
    if weekday and WEEKDAYS[weekday] != day.weekday():
        actual, written = calendar.day_name[day.weekday()], calendar.day_name[WEEKDAYS[weekday]]
        raise ValueError(f"{day.isoformat()} is a {actual}, not a {written}")


_KNOWN_WORDS = set(MONTHS) | set(WEEKDAYS) | {
    "the", "of", "end", "close", "start", "beginning", "middle", "early", "mid", "late", "last",
    "this", "next", "past", "year", "month", "week", "today", "yesterday", "tomorrow", "earlier",
    "coming", "night", "morning", "afternoon", "evening", "tonight", "st", "nd", "rd", "th",
}
_NAMES = [calendar.month_name[i] for i in range(1, 13)] + list(calendar.day_name)


def _hint(s: str) -> str:
    """A did-you-mean for a misspelt month or weekday ("Decembruary" -> "December")."""
    for word in re.findall(r"[a-z]+", s):
        if word in _KNOWN_WORDS:
            continue
        # Ratio first, then the shared beginning: "decembruary" is December, not February.
        score, _, best = max(
            (fuzz.ratio(word, name.lower()), len(os.path.commonprefix([word, name.lower()])), name)
            for name in _NAMES
        )
        if score >= 60:
            return f": '{word}' is not a month or weekday; did you mean '{best}'?"
        return f": '{word}' is not a month, weekday or date word"
    return ""


# Relative dates ("yesterday", "Dec. 22") count from the publication day, and only from it.
VALUE_TYPE = ValueType("date", DateValue, parse_date, compare_dates, reads=("published",))
