"""Quantities: implied precision, hedges and bounds, units, rates (docs/design.md §4)."""

from __future__ import annotations

import math

import pytest

from factcheck.values import Agreement, Quantity, ValueParseError, compare

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
