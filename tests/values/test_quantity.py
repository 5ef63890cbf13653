"""Quantities: implied precision, hedges and bounds, units, rates (docs/design.md §4)."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import pytest

from factcheck.values import Agreement, Quantity, ValueParseError, compare
from factcheck.values.base import render_raw
from factcheck.values.numbers import ParsedNumber, implied_half_width, read_number
from factcheck.values.quantity import UnitWord, _table, _with_multiplier, parse_unit

from .support import approx_interval, ctx, parse

INF = math.inf
DAYS_24_MONTHS = 24 * 365.2425 / 12  # 730.485 days
D_24_MONTHS = 0.24 * 365.2425 / 12  # 7.305 days: min(0.5, 1% of 24) months

# (raw, tolerance, expected interval, canonical unit)
PARSES = [
    # docs/design.md §4 examples
    ("7.5 million metric tons", 0, (7_450_000, 7_550_000), "metric ton"),
    ("$400 million", 0, (396_000_000, 404_000_000), "USD"),
    ("$400.9 million", 0, (400_850_000, 400_950_000), "USD"),
    ("$408.7 million", 0, (408_650_000, 408_750_000), "USD"),
    ("$700 million", 0, (693_000_000, 707_000_000), "USD"),
    ("$800 million", 0, (792_000_000, 808_000_000), "USD"),
    ("$53.4 million", 0, (53_350_000, 53_450_000), "USD"),
    ("$1bn", 0, (990_000_000, 1_010_000_000), "USD"),
    ("US$ 950 million", 0, (945_000_000, 955_000_000), "USD"),
    ("US$400,870,018", 0, (400_870_017.5, 400_870_018.5), "USD"),
    ("£767m", 0, (766_500_000, 767_500_000), "GBP"),
    ("89 percent", 0, (88.5, 89.5), "percent"),
    ("89%", 0, (88.5, 89.5), "percent"),
    ("30 per cent", 0, (29.7, 30.3), "percent"),
    ("4m barrels", 0, (3_960_000, 4_040_000), "barrel"),
    ("53 495 894", 0, (53_495_893.5, 53_495_894.5), ""),
    ("53\u2009495\u2009894", 0, (53_495_893.5, 53_495_894.5), ""),  # thin spaces
    ("53\u202f495\u202f894", 0, (53_495_893.5, 53_495_894.5), ""),  # narrow no-break spaces
    ("two million", 0, (1_980_000, 2_020_000), ""),
    ("a third", 0, (100 / 3 * 0.99, 100 / 3 * 1.01), "percent"),
    ("nearly 75 percent", 0, (71.25, 75.5), "percent"),
    ("nearly 90%", 0, (85.5, 90.9), "percent"),  # "90": d = min(5, 0.9)
    ("about 60 percent", 0, (56.4, 63.6), "percent"),
    ("62%", 0, (61.5, 62.5), "percent"),
    ("no more than $400 million", 0, (-INF, 404_000_000), "USD"),
    ("525,000 tons", 0, (524_500, 525_500), "metric ton"),
    ("500,000 barrels per 12 months", 0, (495_000, 505_000), "barrel/year"),
    ("7.5 million metric tons of coal a year", 0, (7_450_000, 7_550_000), "metric ton/year"),
    ("24 months", 0, (DAYS_24_MONTHS - D_24_MONTHS, DAYS_24_MONTHS + D_24_MONTHS), "day"),
    ("two years", 0, (DAYS_24_MONTHS - D_24_MONTHS, DAYS_24_MONTHS + D_24_MONTHS), "day"),
    # more forms
    ("$400,870,018", 0, (400_870_017.5, 400_870_018.5), "USD"),
    ("400 million dollars", 0, (396_000_000, 404_000_000), "USD"),
    ("USD 400 million", 0, (396_000_000, 404_000_000), "USD"),
    ("€2.5bn", 0, (2_475_000_000, 2_525_000_000), "EUR"),
    ("767 million pounds", 0, (766_500_000, 767_500_000), "GBP"),
    ("525,000 tonnes", 0, (524_500, 525_500), "metric ton"),
    ("525,000 metric tons", 0, (524_500, 525_500), "metric ton"),
    ("525,000t", 0, (524_500, 525_500), "metric ton"),
    ("500,000 barrels a year", 0, (495_000, 505_000), "barrel/year"),
    ("500,000 barrels annually", 0, (495_000, 505_000), "barrel/year"),
    ("500,000 barrels per annum", 0, (495_000, 505_000), "barrel/year"),
    ("$1.2 billion a month", 0, (1_188_000_000 * 12, 1_212_000_000 * 12), "USD/year"),
    ("120 days", 0, (118.8, 121.2), "day"),
    ("half", 0, (49.5, 50.5), "percent"),
    ("two-thirds", 0, (200 / 3 * 0.99, 200 / 3 * 1.01), "percent"),
    ("1/3", 0, (100 / 3 * 0.99, 100 / 3 * 1.01), "percent"),
    ("twenty-one percent", 0, (20.79, 21.21), "percent"),
    ("one hundred tons", 0, (99, 101), "metric ton"),
    ("a dozen", 0, (11.88, 12.12), ""),
    ("a million barrels", 0, (990_000, 1_010_000), "barrel"),
    ("half a million barrels", 0, (495_000, 505_000), "barrel"),
    ("an estimated 5 million barrels", 0, (4_700_000, 5_300_000), "barrel"),
    ("approximately 5 million barrels", 0, (4_700_000, 5_300_000), "barrel"),
    ("almost 75 percent", 0, (71.25, 75.5), "percent"),
    ("just under 75 percent", 0, (71.25, 75.5), "percent"),
    ("at least 7.5 million metric tons", 0, (7_450_000, INF), "metric ton"),
    ("more than 7.5 million metric tons", 0, (7_450_000, INF), "metric ton"),
    ("upwards of 4m barrels", 0, (3_960_000, INF), "barrel"),
    ("in excess of 4m barrels", 0, (3_960_000, INF), "barrel"),
    ("up to 4m barrels", 0, (-INF, 4_040_000), "barrel"),
    ("at most 4m barrels", 0, (-INF, 4_040_000), "barrel"),
    ("less than 4m barrels", 0, (-INF, 4_040_000), "barrel"),
    ("under 4m barrels", 0, (-INF, 4_040_000), "barrel"),
    ("a maximum of 4m barrels", 0, (-INF, 4_040_000), "barrel"),
    ("4m barrels or more", 0, (3_960_000, INF), "barrel"),
    ("between 5 and 10 million", 0, (4_950_000, 10_100_000), ""),
    ("5-10 percent", 0, (4.95, 10.1), "percent"),
    ("5 to 10 percent", 0, (4.95, 10.1), "percent"),
    ("from 5 to 10 percent", 0, (4.95, 10.1), "percent"),
    ("the 89 percent", 0, (88.5, 89.5), "percent"),
    ("-2.5 percent", 0, (-2.525, -2.475), "percent"),
    ("0 percent", 0, (0, 0), "percent"),
    ("7.50 tons", 0, (7.495, 7.505), "metric ton"),  # a trailing decimal zero is significant
    ("100 tons", 0, (99, 101), "metric ton"),  # trailing zeros of a whole number are not
    # the predicate tolerance widens by tolerance * |v|
    ("89 percent", 0.02, (88.5 - 1.78, 89.5 + 1.78), "percent"),
    ("no more than $400 million", 0.02, (-INF, 412_000_000), "USD"),
]


@pytest.mark.parametrize(("raw", "tolerance", "interval", "unit"), PARSES)
def test_parse(raw: str, tolerance: float, interval: tuple[float, float], unit: str) -> None:
    value = parse("quantity", raw, ctx(tolerance=tolerance))
    assert isinstance(value, Quantity)
    assert (value.interval.lo, value.interval.hi) == approx_interval(*interval)
    assert value.unit == unit
    assert value.text == raw


MAPPINGS = [
    ({"value": "400870018", "unit": "USD"}, (400_870_017.5, 400_870_018.5), "USD", "{value: 400870018, unit: USD}"),
    ({"value": 400870018, "unit": "$"}, (400_870_017.5, 400_870_018.5), "USD", "{value: 400870018, unit: $}"),
    ({"value": "400 million", "unit": "USD"}, (396_000_000, 404_000_000), "USD", "{value: 400 million, unit: USD}"),
    ({"value": "7.5 million", "unit": "metric tons"}, (7_450_000, 7_550_000), "metric ton", "{value: 7.5 million, unit: metric tons}"),
    ({"value": "89", "unit": "percent"}, (88.5, 89.5), "percent", "{value: 89, unit: percent}"),
    ({"value": "500000", "unit": "barrels per year"}, (495_000, 505_000), "barrel/year", "{value: 500000, unit: barrels per year}"),
    ({"value": "24", "unit": "months"}, (DAYS_24_MONTHS - D_24_MONTHS, DAYS_24_MONTHS + D_24_MONTHS), "day", "{value: 24, unit: months}"),
    # {min, max, unit} is exact
    ({"min": "0", "max": "500000", "unit": "barrels per year"}, (0, 500_000), "barrel/year", "{min: 0, max: 500000, unit: barrels per year}"),
    ({"max": "4000000", "unit": "barrels"}, (-INF, 4_000_000), "barrel", "{max: 4000000, unit: barrels}"),
    ({"min": "7.5 million", "unit": "metric tons"}, (7_500_000, INF), "metric ton", "{min: 7.5 million, unit: metric tons}"),
    ({"value": "2", "unit": "metric ton/year"}, (1.98, 2.02), "metric ton/year", "{value: 2, unit: metric ton/year}"),
]


@pytest.mark.parametrize(("raw", "interval", "unit", "text"), MAPPINGS)
def test_parse_mapping(raw: dict, interval: tuple[float, float], unit: str, text: str) -> None:
    value = parse("quantity", raw)
    assert isinstance(value, Quantity)
    assert (value.interval.lo, value.interval.hi) == approx_interval(*interval)
    assert value.unit == unit
    assert value.text == text


# (a, a's interval as printed, b, b's interval as printed, outcome)
COMPARISONS = [
    # docs/design.md §4: each example with both intervals and the outcome
    ("$400 million", "[396000000, 404000000]", {"value": "400870018", "unit": "USD"}, "[400870017.5, 400870018.5]", Agreement.AGREE),
    ("$400.9 million", "[400850000, 400950000]", {"value": "400870018", "unit": "USD"}, "[400870017.5, 400870018.5]", Agreement.AGREE),
    ("$408.7 million", "[408650000, 408750000]", {"value": "400870018", "unit": "USD"}, "[400870017.5, 400870018.5]", Agreement.DISAGREE),
    ("$700 million", "[693000000, 707000000]", "$800 million", "[792000000, 808000000]", Agreement.DISAGREE),
    ("$53.4 million", "[53350000, 53450000]", {"value": "53495894", "unit": "USD"}, "[53495893.5, 53495894.5]", Agreement.DISAGREE),
    ("no more than $400 million", "(-inf, 404000000]", "US$400,870,018", "[400870017.5, 400870018.5]", Agreement.AGREE),
    ("nearly 90%", "[85.5, 90.9]", "89%", "[88.5, 89.5]", Agreement.AGREE),
    ("about 60 percent", "[56.4, 63.6]", "62%", "[61.5, 62.5]", Agreement.AGREE),
    ("nearly 75 percent", "[71.25, 75.5]", "89 percent", "[88.5, 89.5]", Agreement.DISAGREE),
    ("24 months", "[723.18, 737.79]", "two years", "[723.18, 737.79]", Agreement.AGREE),
    ("500,000 barrels per 12 months", "[495000, 505000]", "500,000 barrels a year", "[495000, 505000]", Agreement.AGREE),
    ("30 per cent", "[29.7, 30.3]", "30%", "[29.7, 30.3]", Agreement.AGREE),
    ("a third", "[33, 33.6667]", "33 percent", "[32.67, 33.33]", Agreement.AGREE),
    ("a third", "[33, 33.6667]", "30 percent", "[29.7, 30.3]", Agreement.DISAGREE),
    ("7.5 million metric tons", "[7450000, 7550000]", "7,500,000 tonnes", "[7450000, 7550000]", Agreement.AGREE),
    ("4m barrels", "[3960000, 4040000]", "4 million barrels", "[3960000, 4040000]", Agreement.AGREE),
    ("two million", "[1980000, 2020000]", "2,000,000", "[1980000, 2020000]", Agreement.AGREE),
    ("between 5 and 10 million", "[4950000, 10100000]", "7 million", "[6930000, 7070000]", Agreement.AGREE),
    ("between 5 and 10 million", "[4950000, 10100000]", "12 million", "[11880000, 12120000]", Agreement.DISAGREE),
    ("at least 7.5 million metric tons", "[7450000, inf)", "8 million metric tons", "[7920000, 8080000]", Agreement.AGREE),
    ("up to 4m barrels", "(-inf, 4040000]", "5m barrels", "[4950000, 5050000]", Agreement.DISAGREE),
    # lengths: kilometres, metres and miles are one dimension
    ("72 kilometres", "[71.5, 72.5]", "45 miles", "[71.6963, 73.1447]", Agreement.AGREE),
    ("72 kilometres", "[71.5, 72.5]", "77 km", "[76.5, 77.5]", Agreement.DISAGREE),
    ("18 kilometers", "[17.82, 18.18]", "17,900 metres", "[17.85, 17.95]", Agreement.AGREE),
    # plain numbers whose rounding intervals only touch are two different readings
    ("6.2", "[6.15, 6.25]", "6.3", "[6.25, 6.35]", Agreement.DISAGREE),
    ("7.5", "[7.45, 7.55]", "7.6", "[7.55, 7.65]", Agreement.DISAGREE),
    ("about 6.2", "[5.84, 6.56]", "6.3", "[6.25, 6.35]", Agreement.AGREE),
    ("at least 6.2", "[6.15, inf)", "6.3", "[6.25, 6.35]", Agreement.AGREE),
    ("6.3", "[6.25, 6.35]", "6.3", "[6.25, 6.35]", Agreement.AGREE),
    # different dimensions are never compared
    ("$400 million", "[396000000, 404000000]", "£400 million", "[396000000, 404000000]", Agreement.INCOMPARABLE),
    ("$400 million", "[396000000, 404000000]", "$400 million a year", "[396000000, 404000000]", Agreement.INCOMPARABLE),
    ("53 495 894", "[53495893.5, 53495894.5]", "$53,495,894", "[53495893.5, 53495894.5]", Agreement.INCOMPARABLE),
    ("$1bn", "[990000000, 1010000000]", "1bn", "[990000000, 1010000000]", Agreement.INCOMPARABLE),
    ("89 percent", "[88.5, 89.5]", "89 tons", "[88.5, 89.5]", Agreement.INCOMPARABLE),
]


@pytest.mark.parametrize(("a", "a_interval", "b", "b_interval", "outcome"), COMPARISONS)
def test_compare(a: object, a_interval: str, b: object, b_interval: str, outcome: Agreement) -> None:
    qa, qb = parse("quantity", a), parse("quantity", b)
    assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
    assert str(qa.interval) == a_interval
    assert str(qb.interval) == b_interval
    assert compare(qa, qb).outcome is outcome
    assert compare(qb, qa).outcome is outcome  # symmetric


def test_tolerance_turns_a_near_miss_into_agreement() -> None:
    assert compare(parse("quantity", "89 percent"), parse("quantity", "91 percent")).outcome is Agreement.DISAGREE
    tolerant = ctx(tolerance=0.02)
    a, b = parse("quantity", "89 percent", tolerant), parse("quantity", "91 percent", tolerant)
    assert compare(a, b).outcome is Agreement.AGREE


def test_disagreement_detail_names_both_values() -> None:
    result = compare(parse("quantity", "nearly 75 percent"), parse("quantity", "89 percent"))
    assert result.detail == "amounts differ: 'nearly 75 percent' [71.25, 75.5] percent vs '89 percent' [88.5, 89.5] percent"


def test_describe_and_canonical() -> None:
    value = parse("quantity", "nearly 75 percent")
    assert value.describe() == "'nearly 75 percent' [71.25, 75.5] percent"
    assert value.canonical() == "quantity [71.25, 75.5] percent"
    # same meaning, same canonical string
    assert parse("quantity", "89%").canonical() == parse("quantity", "89 per cent").canonical()
    assert parse("quantity", "24 months").canonical() == parse("quantity", "two years").canonical()
    assert parse("quantity", "$400 million").canonical() == "quantity [396000000, 404000000] USD"


def test_material_is_kept_but_not_compared() -> None:
    value = parse("quantity", "7.5 million metric tons of coal a year")
    assert isinstance(value, Quantity)
    assert value.material == "coal"
    assert compare(value, parse("quantity", "7.5 million tons a year")).outcome is Agreement.AGREE


ERRORS = [
    "lots",
    "15 percent-ish",
    "$",
    "",
    "   ",
    "Decembruary 2017",
    "15-0-0-0",
    "15-0",  # a range running backwards
    "{value: x, unit: USD}",
    "within blue moons",
    "89 percent.",
    "a 15 percent cut",
    "two of them",
    "7.5 million of coal",  # "of" needs a unit before it
    "$5 tons",
    "5 furlongs",
    "5 short tons",
    "C$5 million",  # no guessing which dollar
    "between 5",
    "from 5",
    "a third tons",
    "1/0",
    "twenty twenty",
    "1,2345",
    {"value": "x", "unit": "USD"},
    {"value": "5"},
    {"value": "5", "unit": ""},
    {"value": "5", "unit": None},
    {"value": "5", "unit": "furlongs"},
    {"value": "5", "unit": "USD", "currency": "USD"},
    {"value": "5", "min": "1", "unit": "USD"},
    {"min": "5", "max": "1", "unit": "USD"},
    {"unit": "USD"},
    {"value": ["5"], "unit": "USD"},
    ["5", "USD"],
    None,
    True,
]


@pytest.mark.parametrize("raw", ERRORS, ids=repr)
def test_parse_errors(raw: object) -> None:
    with pytest.raises(ValueParseError) as info:
        parse("quantity", raw)
    assert info.value.message
    assert info.value.expected


def test_error_names_what_is_wrong() -> None:
    with pytest.raises(ValueParseError) as info:
        parse("quantity", "15 percent-ish")
    assert "-ish" in info.value.message
    assert "quantity" in info.value.expected
    with pytest.raises(ValueParseError) as info:
        parse("quantity", {"value": "5"})
    assert "unit" in info.value.message
    with pytest.raises(ValueParseError) as info:
        parse("quantity", {"value": "5", "unit": "USD", "currency": "USD"})
    assert "'currency'" in info.value.message


def _case_id(raw: object) -> str:
    """A plain ASCII test id: mutmut selects tests by id, and quotes or non-ASCII in one can fail to match."""
    return re.sub(r"[^A-Za-z0-9 $%.,~/+-]", "_", render_raw(raw))


# Every field but the text: (interval, unit, value, half_width, qualifier, stated_value, stated_unit).
SHAPES = [
    # an article before "between", "from" or a hedge; "a"/"an" before digits
    ('the between 5 and 10 percent', 0, ('[4.95, 10.1]', 'percent', None, 0.0, 'range', None, 'percent')),
    ('the from 5 to 10 percent', 0, ('[4.95, 10.1]', 'percent', None, 0.0, 'range', None, 'percent')),
    ('the estimated 5 million barrels', 0, ('[4700000, 5300000]', 'barrel', 5000000.0, 50000.0, 'about', 5000000.0, 'barrel')),
    ('a 15 percent', 0, ('[14.85, 15.15]', 'percent', 15.0, 0.15, None, 15.0, 'percent')),
    ('an 80 percent', 0, ('[79.2, 80.8]', 'percent', 80.0, 0.8, None, 80.0, 'percent')),
    ('US $950 million', 0, ('[945000000, 955000000]', 'USD', 950000000.0, 5000000.0, None, 950000000.0, '')),
    ('$5 to $10 million', 0, ('[4950000, 10100000]', 'USD', None, 0.0, 'range', None, '')),
    ('$5 to 10 million', 0, ('[4950000, 10100000]', 'USD', None, 0.0, 'range', None, '')),
    ('4m barrels or more a year', 0, ('[3960000, inf)', 'barrel/year', 4000000.0, 40000.0, 'at least', 4000000.0, 'barrel')),
    ('5 - 10 percent', 0, ('[4.95, 10.1]', 'percent', None, 0.0, 'range', None, 'percent')),
    ('5-5 percent', 0, ('[4.95, 5.05]', 'percent', None, 0.0, 'range', None, 'percent')),
    ('5 million to 10 million tons', 0, ('[4950000, 10100000]', 'metric ton', None, 0.0, 'range', None, 'metric ton')),
    ('5-10 percent', 0.02, ('[4.748, 10.302]', 'percent', None, 0.0, 'range', None, 'percent')),
    ('$1 million every 1 year', 0, ('[990000, 1010000]', 'USD/year', 1000000.0, 10000.0, None, 1000000.0, '')),
    ('nearly -5 percent', 0, ('[-5.05, -4.75]', 'percent', -5.0, 0.05, 'nearly', -5.0, 'percent')),
    ('nearly 0.5 percent', 0, ('[0.475, 0.505]', 'percent', 0.5, 0.005, 'nearly', 0.5, 'percent')),
    ('just over 5 percent', 0, ('[4.95, 5.25]', 'percent', 5.0, 0.05, 'just over', 5.0, 'percent')),
    ('just over -5 percent', 0, ('[-5.25, -4.95]', 'percent', -5.0, 0.05, 'just over', -5.0, 'percent')),
    ('just over 0.5 percent', 0, ('[0.495, 0.525]', 'percent', 0.5, 0.005, 'just over', 0.5, 'percent')),
    ('about 10-20 million tons', 0, ('[9400000, 21200000]', 'metric ton', None, 0.0, 'about (range)', None, 'metric ton')),
    ('about $10-20 million', 0, ('[9400000, 21200000]', 'USD', None, 0.0, 'about (range)', None, '')),
    ('two million', 0, ('[1980000, 2020000]', '', 2000000.0, 20000.0, None, 2000000.0, '')),
    ({'value': '5', 'unit': '1/year'}, 0, ('[4.95, 5.05]', '1/year', 5.0, 0.05, None, 5.0, '')),
    ({'value': '5', 'unit': '1 / year'}, 0, ('[4.95, 5.05]', '1/year', 5.0, 0.05, None, 5.0, '')),
    ({'value': '5', 'unit': 'per year'}, 0, ('[4.95, 5.05]', '1/year', 5.0, 0.05, None, 5.0, '')),
    ({'value': '500000', 'unit': 'barrels annually'}, 0, ('[495000, 505000]', 'barrel/year', 500000.0, 5000.0, None, 500000.0, 'barrel')),
    ({'value': '5', 'unit': 'tons per 2 years'}, 0, ('[2.475, 2.525]', 'metric ton/year', 2.5, 0.025, None, 5.0, 'metric ton')),
    ({'value': '5', 'unit': 'tons per 1 year'}, 0, ('[4.95, 5.05]', 'metric ton/year', 5.0, 0.05, None, 5.0, 'metric ton')),
    ({'min': '5', 'max': '5', 'unit': 'USD'}, 0, ('[5, 5]', 'USD', None, 0.0, 'range', None, '')),
    ({'value': '89', 'unit': 'percent'}, 0.02, ('[86.72, 91.28]', 'percent', 89.0, 0.5, None, 89.0, 'percent')),
    ({'min': '5', 'max': '10', 'unit': 'USD'}, 0.02, ('[4.8, 10.2]', 'USD', None, 0.0, 'range', None, '')),
    ({'min': '-10', 'unit': 'USD'}, 0.02, ('[-10.2, inf)', 'USD', None, 0.0, 'at least', None, '')),
    ({'max': '-10', 'unit': 'USD'}, 0.02, ('(-inf, -9.8]', 'USD', None, 0.0, 'at most', None, '')),
    ({'min': '0', 'max': '500000', 'unit': 'barrels per year'}, 0, ('[0, 500000]', 'barrel/year', None, 0.0, 'range', None, 'barrel')),
    ({'max': '4000000', 'unit': 'barrels'}, 0, ('(-inf, 4000000]', 'barrel', None, 0.0, 'at most', None, 'barrel')),
    ({'min': '7.5 million', 'unit': 'metric tons'}, 0, ('[7500000, inf)', 'metric ton', None, 0.0, 'at least', None, 'metric ton')),
]


@pytest.mark.parametrize(("raw", "tolerance", "shape"), SHAPES, ids=[_case_id(case[0]) for case in SHAPES])
def test_parse_shape(raw: object, tolerance: float, shape: tuple[object, ...]) -> None:
    value = parse("quantity", raw, ctx(tolerance=tolerance))
    assert isinstance(value, Quantity)
    seen = (str(value.interval), value.unit, value.value, value.half_width, value.qualifier, value.stated_value, value.stated_unit)
    assert seen == shape


MESSAGES = [
    ('$5 million to €10 million', "'$5 million to €10 million' is not a quantity: the two ends of the range are in different currencies"),
    ('about 5 percent or more', "'about 5 percent or more' is not a quantity: 'or more' cannot qualify a range or a hedged number"),
    ('5-10 percent or more', "'5-10 percent or more' is not a quantity: 'or more' cannot qualify a range or a hedged number"),
    ('5 and 10 percent', "'5 and 10 percent' is not a quantity: 'and 10 percent' is not a unit, rate or qualifier that factcheck knows"),
    ('from 5 and 10 percent', "'from 5 and 10 percent' is not a quantity: 'from' needs 'to' between two numbers ('from 5 to 10 percent')"),
    ('between 5 and more', "'between 5 and more' is not a quantity: expected a number after 'and'"),
    ('5 to go', "'5 to go' is not a quantity: 'to go' is not a unit, rate or qualifier that factcheck knows"),
    ('5- percent', "'5- percent' is not a quantity: expected a number after '-'"),
    ('0 to a third', "'0 to a third' is not a quantity: a fraction cannot be the end of a range"),
    ('at least 5-10 percent', "'at least 5-10 percent' is not a quantity: 'at least' cannot qualify a range"),
    ('5 percent every few years', "'5 percent every few years' is not a quantity: 'few' in the rate 'every few years' is not a number of periods"),
    ('5 percent every ten-odd years', "'5 percent every ten-odd years' is not a quantity: 'ten-odd' in the rate 'every ten-odd years' is not a number of periods"),
    ('5 percent per 0 years', "'5 percent per 0 years' is not a quantity: '0' in the rate 'per 0 years' is not a number of periods"),
    ('$', "'$' is not a quantity: there is no number"),
    ('~', "'~' is not a quantity: there is no number"),
    ('15 percent-ish', "'15 percent-ish' is not a quantity: '-ish' is not a unit, rate or qualifier that factcheck knows"),
    ('between 5', "'between 5' is not a quantity: 'between' needs 'and' between two numbers ('between 5 and 10 million')"),
    ('from 5', "'from 5' is not a quantity: 'from' needs 'to' between two numbers ('from 5 to 10 percent')"),
    ('$5 tons', "'$5 tons' is not a quantity: two units: USD and metric ton"),
    ('7.5 million of coal', "'7.5 million of coal' is not a quantity: 'of coal' needs a unit before it ('tons of coal', '$400 million of sales')"),
    ('a third tons', "'a third tons' is not a quantity: a fraction ('a third') stands alone; write a unit with digits instead"),
    ('15-0', "'15-0' is not a quantity: the range runs backwards (15 > 0)"),
    (None, 'an empty value is not a quantity'),
    ({'value': '5', 'unit': 'tonsannually'}, "'tonsannually' is not a unit factcheck knows"),
    ({'value': '5', 'unit': '€bn'}, "'€bn' is not a unit factcheck knows"),
    ({'value': '5', 'unit': 'tons every few years'}, "'tons every few years': 'few' is not a number of periods"),
    ({'value': '5', 'unit': 'tons every ten-odd years'}, "'tons every ten-odd years': 'ten-odd' is not a number of periods"),
    ({'value': '5', 'unit': 'tons per 0 years'}, "'tons per 0 years': '0' is not a number of periods"),
    ({'value': '5', 'unit': ['USD']}, 'a list is not a unit'),
    ({'value': 'a third', 'unit': 'percent'}, "'value: a third' is a fraction; write the number in the unit"),
    ({'value': '5', 'max': '9', 'unit': 'USD'}, "{value: 5, max: 9, unit: USD} mixes 'value' with 'min'/'max'; use one or the other"),
    ({'min': 'x', 'unit': 'USD'}, "'min: x' is not a number"),
    ({'max': 'x', 'unit': 'USD'}, "'max: x' is not a number"),
    ({'min': None, 'unit': 'USD'}, "{min: null, unit: USD} has neither a 'min' nor a 'max'"),
    ({'value': ['5'], 'unit': 'USD'}, "a list is not a number for 'value'"),
    ({'value': '5', 'unit': None}, '{value: 5, unit: null} has no unit'),
    ({'value': '5', 'unit': ''}, '{value: 5, unit: } has no unit'),
    ({'value': 'x', 'unit': 'USD'}, "'value: x' is not a number"),
]


@pytest.mark.parametrize(("raw", "message"), MESSAGES, ids=[_case_id(case[0]) for case in MESSAGES])
def test_parse_error_message(raw: object, message: str) -> None:
    with pytest.raises(ValueParseError) as info:
        parse("quantity", raw)
    assert info.value.message == message
    assert info.value.expected


# Plain numbers whose intervals only touch disagree; a bound, or a number without precision ("0"), agrees.
TOUCHING = [
    ("6.2", "at least 6.3", 0, Agreement.AGREE),  # [6.15, 6.25] and [6.25, inf)
    ("0", "1", 0.99, Agreement.AGREE),  # [0, 0] (no precision) and [0, 2] (tolerance 0.99)
    ("6.2", "6.3", 0, Agreement.DISAGREE),
]


@pytest.mark.parametrize(("a", "b", "tolerance", "outcome"), TOUCHING)
def test_touching_intervals(a: str, b: str, tolerance: float, outcome: Agreement) -> None:
    qa, qb = parse("quantity", a, ctx(tolerance=tolerance)), parse("quantity", b, ctx(tolerance=tolerance))
    assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
    assert max(qa.interval.lo, qb.interval.lo) == min(qa.interval.hi, qb.interval.hi)  # they touch
    assert compare(qa, qb).outcome is outcome
    assert compare(qb, qa).outcome is outcome


def test_unit_table() -> None:
    assert _table("km", "miles| mile", Fraction(8, 5), "mile") == {
        "miles": UnitWord("km", Fraction(8, 5), "mile"), "mile": UnitWord("km", Fraction(8, 5), "mile"),
    }
    assert _table("day", "days|day") == {"days": UnitWord("day", Fraction(1), "day"), "day": UnitWord("day", Fraction(1), "day")}


def test_range_start_takes_the_magnitude_of_its_end() -> None:
    five = read_number("5 and 10 million")
    assert five is not None
    assert _with_multiplier(five, 10**6) == ParsedNumber(
        Fraction(5_000_000), implied_half_width("5", 10**6), "digits", 0, 1, "5", 10**6,
    )


def test_empty_unit() -> None:
    with pytest.raises(ValueParseError) as info:
        parse_unit(" ")
    assert info.value.message == "the unit is empty"
    assert info.value.expected.startswith("a unit such as 'USD'")
