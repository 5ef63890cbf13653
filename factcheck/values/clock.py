"""Times of day: "11:11 pm (2211 GMT)", "23.10 local time", "about 11am", "shortly after midnight".

Outlets report the clock time of one event in different words and disagree on it by a minute or an
hour, so a time of day is an interval like every other number (docs/design.md §4), measured in
seconds after midnight:

- a time with minutes is that minute as written, rounded: [t - 30 s, t + 30 s] (with seconds, half
  a second); a time to the hour ("11am", "noon", "midnight") is a round figure: [t - 30 min,
  t + 30 min], the way "400" is counted in hundreds;
- "about", "around", "approximately", "roughly" widen the interval by 15 minutes on each side;
  "shortly/just/soon/a little after" reach 30 minutes past the stated time and "... before" 30
  minutes ahead of it, keeping the stated time's own end;
- two plain times whose intervals only touch ("23:10" and "23:11") disagree, as two plain
  numbers do.

A time is in a zone: the place's local time (what a time without a zone, or with "local time",
means in a report) or UTC ("GMT", "UTC"). A text may state both ("04:17 local time (01:17 GMT)").
Two times compare in every zone both state and are incomparable when they share none: nothing
here knows the place's offset. The day is not part of a time of day: "11am on Saturday" is
refused, since the day is a date claim's to state and compare. Clock times wrap at midnight, so
"11:55 pm" lies within "about midnight".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Agreement, Comparison, ParseContext, Value, ValueParseError, ValueType, fold, scalar_text, type_name_of
from .interval import Interval

EXPECTED = (
    "a time of day such as '4:17am', '04:17', '23.10 local time', '11 pm', 'noon', 'about 11am', "
    "'shortly after midnight', '2211 GMT' or '04:17 local time (01:17 GMT)'"
)

DAY = 24 * 3600
LOCAL = "local"
UTC = "UTC"
_ZONES = (LOCAL, UTC)

ABOUT_WIDTH = 15 * 60  # "about 23:11": 15 minutes either side of the stated minute
NEAR_WIDTH = 30 * 60  # "shortly after 23:11": up to 30 minutes past it
_HOUR_HALF = 30 * 60  # "11am": a round figure, counted in hours
_MINUTE_HALF = 30.0  # "23:11": that minute, rounded
_SECOND_HALF = 0.5

# Hedges, longest first: the kind of interval each makes.
_HEDGES: dict[str, str] = {
    **dict.fromkeys(["about", "around", "approximately", "roughly", "some time around", "sometime around",
                     "circa", "approx."], "about"),
    **dict.fromkeys(["shortly after", "just after", "soon after", "a little after", "just past",
                     "shortly past", "a few minutes after", "minutes after"], "after"),
    **dict.fromkeys(["shortly before", "just before", "a little before", "a few minutes before",
                     "minutes before"], "before"),
}
_HEDGE_PHRASES = sorted(_HEDGES, key=len, reverse=True)
# Words that make a bound or a span, not a time: refused with a message of their own.
_BOUNDS = re.compile(r"(?:after|before|by|until|till|since|from|between|no later than|no earlier than|later than|earlier than)\b")

_AMPM = re.compile(r"(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])")
_CLOCK = re.compile(
    r"(?P<h>[0-9]{1,2})(?P<sep>[:.h])(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?(?![0-9])"  # 04:17, 23.10, 23h10, 01:17:35
    r"|(?P<hhmm>[0-9]{4})(?![0-9])"  # 2211 (only with a zone or "hrs")
    r"|(?P<hour>[0-9]{1,2})(?![0-9:.])"  # 11 (only with am/pm or "in the morning")
)
_NAMED = {"noon": 12 * 3600, "midday": 12 * 3600, "midnight": 0}
_NAMED_CLOCK = re.compile(r"(?:12 )?(?P<named>noon|midday|midnight)\b")
_PART_OF_DAY = re.compile(r"in the (?P<part>morning|afternoon|evening)\b")
_ZONE = re.compile(r"(?P<zone>local time|local|gmt|utc|hrs|hours)(?![a-z])")
_OFFSET = re.compile(r"(?:gmt|utc) ?[+-]")
_BRACKET_OPEN, _BRACKET_CLOSE = "(", ")"
_WEEKDAY = re.compile(
    r"(?:on )?(?:the )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight"
    r"|the previous day|the day before|the next day|last night)\b"
)


@dataclass(frozen=True)
class Clock:
    """A time in one zone: seconds after midnight as an interval (its ends may pass midnight)."""

    interval: Interval
    plain: bool  # no hedge: two plain times whose intervals only touch disagree


@dataclass(frozen=True)
class TimeOfDay(Value):
    """A time of day in the local zone, in UTC, or in both (None where the text names no time)."""

    text: str
    local: Clock | None = None
    utc: Clock | None = None

    def zones(self) -> dict[str, Clock]:
        return {zone: clock for zone, clock in ((LOCAL, self.local), (UTC, self.utc)) if clock is not None}

    def describe(self) -> str:
        return self.written_and_canonical()

    def canonical(self) -> str:
        return "time " + " ".join(f"{zone} {_format_clock(clock)}" for zone, clock in self.zones().items())


def compare_times(a: TimeOfDay, b: TimeOfDay) -> Comparison:
    """Zone by zone, where both state the zone; the day wraps at midnight."""
    a_zones, b_zones = a.zones(), b.zones()
    common = [zone for zone in _ZONES if zone in a_zones and zone in b_zones]
    if not common:
        return Comparison(
            Agreement.INCOMPARABLE,
            f"a time in {' and '.join(a_zones)} and a time in {' and '.join(b_zones)} are not compared "
            "(the place's offset from UTC is not known)",
        )
    differing = [zone for zone in common if not _clocks_agree(a_zones[zone], b_zones[zone])]
    if not differing:
        return Comparison(Agreement.AGREE)
    return Comparison(
        Agreement.DISAGREE,
        lambda: f"times differ ({', '.join(differing)}): {a.describe()} vs {b.describe()}",
        _gap_note(a_zones[differing[0]], b_zones[differing[0]]),
    )


def _shifted(interval: Interval, by: float) -> Interval:
    return Interval(interval.lo + by, interval.hi + by)


def _clocks_agree(a: Clock, b: Clock) -> bool:
    """Overlap on the 24-hour circle; plain times that only touch are two readings, not one."""
    for shift in (-DAY, 0, DAY):
        other = _shifted(b.interval, shift)
        if not a.interval.overlaps(other):
            continue
        touching = max(a.interval.lo, other.lo) == min(a.interval.hi, other.hi)
        if not (touching and a.plain and b.plain):
            return True
    return False


def _gap_note(a: Clock, b: Clock) -> str:
    """What a reader checks first when two plain times to the minute differ by a round amount."""
    if not (a.plain and b.plain and a.interval.width == b.interval.width == 2 * _MINUTE_HALF):
        return ""
    gap = abs(_middle(a) - _middle(b)) % DAY
    gap = min(gap, DAY - gap)
    if gap == 60:
        return "the times are one minute apart; one may be rounded and the other cut to the minute"
    if gap % 3600 == 0:
        hours = int(gap // 3600)
        return f"the times are exactly {hours} hour{'s' if hours > 1 else ''} apart; one may be in another time zone"
    return ""


def _middle(clock: Clock) -> float:
    return (clock.interval.lo + clock.interval.hi) / 2


def _format_clock(clock: Clock) -> str:
    lo, hi = clock.interval.lo, clock.interval.hi
    if clock.plain and hi - lo in (2 * _MINUTE_HALF, 2 * _SECOND_HALF):
        return _format_seconds((lo + hi) / 2)
    return f"[{_format_seconds(lo)}, {_format_seconds(hi)}]"


def _format_seconds(x: float) -> str:
    x %= DAY
    whole = int(x)
    hours, rest = divmod(whole, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{hours:02d}:{minutes:02d}"
    if seconds or x != whole:
        text += f":{seconds:02d}" + (".5" if x != whole else "")
    return text


# ---------------------------------------------------------------------------------------------
# Parsing.


def parse_time(raw: str | int | float | dict | list, ctx: ParseContext) -> TimeOfDay:
    """Text to a time of day in its zone(s); ValueParseError when it states none."""
    if isinstance(raw, (dict, list)):
        raise ValueParseError(f"{type_name_of(raw)} is not a time of day (write the time as text)", EXPECTED)
    text = scalar_text(raw, "a time of day", EXPECTED)
    return _TimeParser(text).parse()


class _TimeParser:
    """Reads [at] [hedge] clock [zone] [( [hedge] clock zone )] over the folded text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.s = fold(text)
        self.pos = 0

    def fail(self, why: str) -> ValueParseError:
        return ValueParseError(f"'{self.text}' is not a time of day: {why}", EXPECTED)

    def skip(self, word: str) -> bool:
        if self.s.startswith(word, self.pos) and (self.pos + len(word) == len(self.s) or not self.s[self.pos + len(word)].isalnum()):
            self.pos += len(word)
            self.spaces()
            return True
        return False

    def spaces(self) -> None:
        while self.pos < len(self.s) and self.s[self.pos] == " ":
            self.pos += 1

    def parse(self) -> TimeOfDay:
        self.skip("at")
        hedge = self.hedge()
        zones: dict[str, Clock] = {}
        zone, clock = self.statement(hedge)
        zones[zone] = clock
        if self.s.startswith(_BRACKET_OPEN, self.pos):
            self.pos += 1
            self.spaces()
            inner_hedge = self.hedge() or hedge
            inner_zone, inner = self.statement(inner_hedge, bracketed=True)
            if not self.s.startswith(_BRACKET_CLOSE, self.pos):
                raise self.fail(f"expected ')' at '{self.s[self.pos:]}'")
            self.pos += 1
            self.spaces()
            if inner_zone in zones:
                raise self.fail(f"it states two times in {inner_zone} time; the one in brackets should be in another zone")
            zones[inner_zone] = inner
        if self.pos < len(self.s):
            raise self.fail(self.leftover())
        return TimeOfDay(self.text, zones.get(LOCAL), zones.get(UTC))

    def leftover(self) -> str:
        rest = self.s[self.pos:]
        if _WEEKDAY.match(rest):
            return (f"'{rest}' names a day; a time value is the time of day only (state the day as a date "
                    "claim, such as occurred_on)")
        if _OFFSET.match(rest):
            return f"'{rest}' is an offset from UTC; give the time in UTC or as local time"
        return f"unexpected '{rest}'"

    def hedge(self) -> str | None:
        for phrase in _HEDGE_PHRASES:
            if self.skip(phrase):
                return _HEDGES[phrase]
        bound = _BOUNDS.match(self.s, self.pos)
        if bound:
            raise self.fail(f"'{bound.group()}' makes a bound or a span, not a time; a time of day takes 'about', "
                            "'shortly after' or 'just before'")
        return None

    def statement(self, hedge: str | None, bracketed: bool = False) -> tuple[str, Clock]:
        """One clock reading and its zone: (zone, clock)."""
        seconds, half, four_digits = self.clock()
        zone = LOCAL
        stated_zone = False
        match = _ZONE.match(self.s, self.pos)
        if match:
            if _OFFSET.match(self.s, self.pos):
                raise self.fail(self.leftover())
            word = match.group("zone")
            zone = UTC if word in ("gmt", "utc") else LOCAL
            stated_zone = word not in ("hrs", "hours")
            self.pos = match.end()
            self.spaces()
        elif self.s.startswith("(local time)", self.pos) or self.s.startswith("(local)", self.pos):
            self.pos = self.s.index(")", self.pos) + 1
            self.spaces()
            stated_zone = True
        if four_digits and not match:
            raise self.fail("four digits alone are not a time of day; write '22:11' or '2211 GMT'")
        if bracketed and not stated_zone:
            raise self.fail("the time in brackets names no zone (GMT, UTC or local time)")
        return zone, _clock(seconds, half, hedge)

    def clock(self) -> tuple[int, float, bool]:
        """Seconds after midnight, the half-width the writing implies, and whether it was four bare digits."""
        named = _NAMED_CLOCK.match(self.s, self.pos)
        if named:
            self.pos = named.end()
            self.spaces()
            return _NAMED[named.group("named")], _HOUR_HALF, False
        match = _CLOCK.match(self.s, self.pos)
        if match is None:
            rest = self.s[self.pos:]
            raise self.fail(f"expected a clock time at '{rest}'" if rest else "it has no clock time")
        self.pos = match.end()
        self.spaces()
        if match.group("hhmm") is not None:
            digits = match.group("hhmm")
            hour, minute, second, half = int(digits[:2]), int(digits[2:]), 0, _MINUTE_HALF
        elif match.group("hour") is not None:
            hour, minute, second, half = int(match.group("hour")), 0, 0, _HOUR_HALF
        else:
            hour, minute = int(match.group("h")), int(match.group("m"))
            second = int(match.group("s")) if match.group("s") is not None else 0
            half = _SECOND_HALF if match.group("s") is not None else _MINUTE_HALF
        if minute > 59 or second > 59:
            raise self.fail(f"'{match.group()}' has more than 59 minutes or seconds")
        hour = self.twelve_hour(hour, match)
        if hour > 23:
            raise self.fail(f"'{match.group()}' has no hour {hour} (a day has hours 0 to 23)")
        return hour * 3600 + minute * 60 + second, half, match.group("hhmm") is not None

    def twelve_hour(self, hour: int, match: re.Match[str]) -> int:
        """The hour on the 24-hour clock, reading an am/pm or 'in the morning' after it."""
        marker = _AMPM.match(self.s, self.pos) or _PART_OF_DAY.match(self.s, self.pos)
        if marker is None:
            if match.group("hour") is not None:
                raise self.fail(f"'{match.group()}' alone does not say which hour of the day; add am or pm")
            return hour
        written = self.s[match.start():marker.end()]
        if match.group("hhmm") is not None or hour > 12:
            raise self.fail(f"'{written}' mixes the 24-hour clock with am/pm")
        if hour == 0:
            raise self.fail(f"'{written}' has no hour 0 (the 12-hour clock runs from 1 to 12)")
        self.pos = marker.end()
        self.spaces()
        afternoon = marker.group(1) in ("afternoon", "evening") or marker.group(1).startswith("p")
        return hour % 12 + (12 if afternoon else 0)


def _clock(seconds: int, half: float, hedge: str | None) -> Clock:
    if hedge == "about":
        return Clock(Interval(seconds - half - ABOUT_WIDTH, seconds + half + ABOUT_WIDTH), False)
    if hedge == "after":
        return Clock(Interval(seconds - min(half, _MINUTE_HALF), seconds + NEAR_WIDTH), False)
    if hedge == "before":
        return Clock(Interval(seconds - NEAR_WIDTH, seconds + min(half, _MINUTE_HALF)), False)
    return Clock(Interval(seconds - half, seconds + half), True)


VALUE_TYPE = ValueType("time", TimeOfDay, parse_time, compare_times)
