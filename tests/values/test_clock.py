"""Times of day (values/clock.py): how reports write the time an event struck, and how two compare."""

from __future__ import annotations

import pytest

from factcheck.values import Agreement, Interval, TimeOfDay, ValueParseError, compare
from factcheck.values.clock import Clock

from .support import parse


def time(text: object) -> TimeOfDay:
    value = parse("time", text)
    assert isinstance(value, TimeOfDay)
    return value


def outcome(a: str, b: str) -> Agreement:
    forward, backward = compare(time(a), time(b)), compare(time(b), time(a))
    assert forward.outcome is backward.outcome  # symmetric
    return forward.outcome


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("4:17am", "time local 04:17"),
        ("4:17 am", "time local 04:17"),
        ("4:17 a.m.", "time local 04:17"),
        ("04:17", "time local 04:17"),
        ("4.17am", "time local 04:17"),
        ("23.10", "time local 23:10"),
        ("23h10", "time local 23:10"),
        ("11:11 pm", "time local 23:11"),
        ("11:11 PM", "time local 23:11"),
        ("12:30 am", "time local 00:30"),
        ("12:30 pm", "time local 12:30"),
        ("4:17 in the morning", "time local 04:17"),
        ("01:17:35", "time local 01:17:35"),
        ("at 4:17am", "time local 04:17"),
        # a time to the hour is a round figure: half an hour either side
        ("11 pm", "time local [22:30, 23:30]"),
        ("11am", "time local [10:30, 11:30]"),
        ("noon", "time local [11:30, 12:30]"),
        ("12 noon", "time local [11:30, 12:30]"),
        ("midnight", "time local [23:30, 00:30]"),
        # hedges
        ("about 11am", "time local [10:15, 11:45]"),
        ("around 4:17am", "time local [04:01:30, 04:32:30]"),
        ("approximately 23:11", "time local [22:55:30, 23:26:30]"),
        ("shortly after midnight", "time local [23:59:30, 00:30]"),
        ("just before 9 a.m.", "time local [08:30, 09:00:30]"),
        # zones: local time is what a report means without one; GMT and UTC are one zone
        ("4:17 am local time", "time local 04:17"),
        ("04:17 (local time)", "time local 04:17"),
        ("1700 hrs", "time local 17:00"),
        ("2211 GMT", "time UTC 22:11"),
        ("22:11 UTC", "time UTC 22:11"),
        ("11:11 pm (2211 GMT)", "time local 23:11 UTC 22:11"),
        ("04:17 local time (01:17 GMT)", "time local 04:17 UTC 01:17"),
        ("2211 GMT (11:11 pm local time)", "time local 23:11 UTC 22:11"),
        # the hedge holds for the time in brackets too
        ("about 11:11pm (22:11 GMT)", "time local [22:55:30, 23:26:30] UTC [21:55:30, 22:26:30]"),
        # ... or its own hedge; "at" before a hedge
        ("04:17 local time (about 01:17 GMT)", "time local 04:17 UTC [01:01:30, 01:32:30]"),
        ("at about 11am", "time local [10:15, 11:45]"),
        # seconds under a hedge end on half seconds
        ("about 01:17:35", "time local [01:02:34.5, 01:32:35.5]"),
        # the time in brackets is read from its first digit
        ("04:17 local time (23:17 GMT)", "time local 04:17 UTC 23:17"),
        # "(local)" names the zone, alone, before a bracket (with or without a space) or inside one
        ("04:17 (local)", "time local 04:17"),
        ("04:17 (local) (01:17 GMT)", "time local 04:17 UTC 01:17"),
        ("04:17 (local)(01:17 GMT)", "time local 04:17 UTC 01:17"),
        ("01:17 GMT (04:17 (local))", "time local 04:17 UTC 01:17"),
        # the last minute and second; afternoon and evening
        ("23:59", "time local 23:59"),
        ("01:17:59", "time local 01:17:59"),
        ("4:17 in the afternoon", "time local 16:17"),
        ("7:30 in the evening", "time local 19:30"),
    ],
)
def test_parse(text: str, canonical: str) -> None:
    assert time(text).canonical() == canonical


def test_intervals_and_plainness() -> None:
    """The seconds each writing covers, and whether it is plain (only plain times that touch disagree)."""
    assert time("11:11 pm").local == Clock(Interval(83430, 83490), True)
    assert time("01:17:35").local == Clock(Interval(4654.5, 4655.5), True)
    assert time("about 11pm").local == Clock(Interval(82800 - 2700, 82800 + 2700), False)
    assert time("shortly after 11pm").local == Clock(Interval(82800 - 30, 82800 + 1800), False)
    assert time("just before 11pm").local == Clock(Interval(82800 - 1800, 82800 + 30), False)


def test_same_time_same_canonical() -> None:
    assert time("11:11 pm").canonical() == time("23:11").canonical() == time("23.11 local time").canonical()
    assert time("11:11 pm (2211 GMT)").describe() == "'11:11 pm (2211 GMT)' local 23:11 UTC 22:11"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the development set's agreements (tests/data/events)
        ("04:17 local time (01:17 GMT)", "4:17am (01:17 GMT)"),
        ("4:17 am local time", "around 4:17am local time"),
        ("11am local time", "about 11am"),
        ("11:11 pm (2211 GMT)", "about 11:11pm (22:11 GMT)"),
        # a round hour holds the minutes that round to it
        ("11am", "11:20am"),
        ("11am", "10:31"),
        # across midnight
        ("11:55 pm", "about midnight"),
        ("00:10", "shortly after midnight"),
        ("23:50", "midnight"),
        # a hedge that reaches the shared end agrees
        ("about 23:10", "23:11"),
        ("shortly after 11pm", "11:20 pm"),
    ],
)
def test_agree(a: str, b: str) -> None:
    assert outcome(a, b) is Agreement.AGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("11:11 pm", "23.10"),  # one minute apart: two readings, not one (the Morocco quake's conflict)
        ("11:11 pm (2211 GMT)", "23.10 local time"),
        ("11am", "noon"),  # plain round hours that only touch
        ("11am", "11:45am"),
        ("about 11:11pm", "11:30pm"),
        ("shortly after 11pm", "10:55pm"),
        ("just before 9 a.m.", "9:05am"),
        ("04:17 local time (01:17 GMT)", "4:17am (02:17 GMT)"),  # same local time, another UTC time
        ("2211 GMT", "22:15 UTC"),
    ],
)
def test_disagree(a: str, b: str) -> None:
    assert outcome(a, b) is Agreement.DISAGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("4:17am", "01:17 GMT"),  # a local time and a UTC time: the offset is not known
        ("4:17am local time", "03:17 UTC"),
        ("2211 GMT", "11:11 pm"),
    ],
)
def test_different_zones_are_incomparable(a: str, b: str) -> None:
    comparison = compare(time(a), time(b))
    assert comparison.outcome is Agreement.INCOMPARABLE
    assert "offset" in comparison.detail


def test_a_local_time_meets_the_local_part_of_a_time_in_two_zones() -> None:
    assert outcome("4:17am (01:17 GMT)", "4:17 am local time") is Agreement.AGREE
    assert outcome("4:17am (01:17 GMT)", "01:17 UTC") is Agreement.AGREE
    assert outcome("4:17am (01:17 GMT)", "01:19 UTC") is Agreement.DISAGREE


def test_messages_name_the_zone_and_a_likely_cause() -> None:
    one_minute = compare(time("11:11 pm (2211 GMT)"), time("23.10 local time"))
    assert one_minute.detail.startswith("times differ (local): '11:11 pm (2211 GMT)' local 23:11 UTC 22:11 vs '23.10 local time' local 23:10")
    assert "one minute apart" in one_minute.note
    three_hours = compare(time("04:17"), time("01:17"))
    assert three_hours.note == "the times are exactly 3 hours apart; one may be in another time zone"
    assert compare(time("11am"), time("noon")).note == ""  # round hours: nothing to suggest
    across_midnight = compare(time("23:30"), time("00:30"))
    assert across_midnight.note == "the times are exactly 1 hour apart; one may be in another time zone"
    both = compare(time("04:17 local time (01:17 GMT)"), time("05:17 local time (02:17 GMT)"))
    assert both.detail.startswith("times differ (local, UTC): '04:17 local time (01:17 GMT)'")
    assert outcome("01:17:35", "01:17:50") is Agreement.DISAGREE  # to the second: half a second either side


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "empty"),
        ("4", "does not say which hour of the day"),
        ("11 o'clock", "does not say which hour of the day"),
        ("2211", "four digits alone"),
        ("11:11 pm (2211)", "four digits alone"),
        ("25:00", "no hour 25"),
        ("4:60", "more than 59 minutes"),
        ("13:00 pm", "mixes the 24-hour clock with am/pm"),
        ("0am", "no hour 0"),
        ("4.5", "expected a clock time at '4.5'"),
        ("11am on Saturday", "names a day"),
        ("11:11 pm Friday", "names a day"),
        ("4:17am the previous day", "names a day"),
        ("after 11pm", "a bound or a span"),
        ("between 6pm and 8pm", "a bound or a span"),
        ("4:17 GMT+3", "an offset from UTC"),
        ("04:17 local (05:17 local time)", "two times in local time"),
        ("04:17 (01:17)", "names no zone"),
        ("04:17 (01:17 GMT", "expected ')'"),
        ("noon pm", "unexpected 'pm'"),
        ("about", "no clock time"),
        ("a quarter past four", "expected a clock time"),
        ({"local": "04:17"}, "a mapping is not a time of day"),
        (["04:17"], "a list is not a time of day"),
        (23.1, "expected a clock time"),  # YAML gives text; a float ("23.10") lost its zero
    ],
)
def test_what_is_not_a_time(raw: object, message: str) -> None:
    with pytest.raises(ValueParseError) as info:
        time(raw)
    assert message in info.value.message
    assert info.value.expected.startswith("a time of day such as '4:17am'")


E = "' is not a time of day: "


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "the value is empty; it is not a time of day"),
        (None, "an empty value is not a time of day"),
        ("about", "'about" + E + "it has no clock time"),
        ("2211", "'2211" + E + "four digits alone are not a time of day; write '22:11' or '2211 GMT'"),
        ("04:17 (01:17)", "'04:17 (01:17)" + E + "the time in brackets names no zone (GMT, UTC or local time)"),
        ("01:17 GMT (04:17 hrs)", "'01:17 GMT (04:17 hrs)" + E + "the time in brackets names no zone (GMT, UTC or local time)"),
        ("01:17 GMT (04:17 hours)", "'01:17 GMT (04:17 hours)" + E + "the time in brackets names no zone (GMT, UTC or local time)"),
        ("11am on Saturday", "'11am on Saturday" + E + "'on saturday' names a day; a time value is the time of day only "
                             "(state the day as a date claim, such as occurred_on)"),
        ("after 11pm", "'after 11pm" + E + "'after' makes a bound or a span, not a time; a time of day takes 'about', "
                       "'shortly after' or 'just before'"),
        ("23:11 local time (after 20:00 GMT)", "'23:11 local time (after 20:00 GMT)" + E + "'after' makes a bound or a span, "
                                               "not a time; a time of day takes 'about', 'shortly after' or 'just before'"),
        ("01:17:60", "'01:17:60" + E + "'01:17:60' has more than 59 minutes or seconds"),
        ("24:00", "'24:00" + E + "'24:00' has no hour 24 (a day has hours 0 to 23)"),
        ("23:00 pm", "'23:00 pm" + E + "'23:00 pm' mixes the 24-hour clock with am/pm"),
        ("04:17 local time (01:17 GMT),", "'04:17 local time (01:17 GMT)," + E + "unexpected ','"),  # right after the bracket
        # "(local)" in brackets is read from where it stands, not from an earlier "(local)"
        ("04:17 (local) (01:17 (local))", "'04:17 (local) (01:17 (local))" + E + "it states two times in local time; "
                                          "the one in brackets should be in another zone"),
    ],
    ids=repr,
)
def test_whole_messages(raw: object, message: str) -> None:
    with pytest.raises(ValueParseError) as info:
        time(raw)
    assert info.value.message == message
