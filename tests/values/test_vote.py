"""Vote tallies: stated parts only; "unanimous" fixes for = N when the body's size is known."""

from __future__ import annotations

import pytest

from factcheck.values import Agreement, ValueParseError, Vote, compare

from .support import ctx, parse

UNSC = ctx(body_members=15)
N = None

# (raw, (for, against, abstain)) with body_members = 15
PARSES = [
    # docs/design.md §4 examples
    ("15-0", (15, 0, N)),
    ("15-0-0", (15, 0, 0)),
    ("15 to 0", (15, 0, N)),
    ("15-to-nothing", (15, 0, N)),
    ("unanimous", (15, 0, 0)),
    ("unanimously", (15, 0, 0)),
    ("with 15 votes in favor", (15, N, N)),
    ({"for": "15", "against": "0", "abstain": "0"}, (15, 0, 0)),
    # more forms
    ("15\u20130", (15, 0, N)),  # en dash
    ("15\u20140", (15, 0, N)),  # em dash
    ("15 - 0", (15, 0, N)),
    ("15-to-0", (15, 0, N)),
    ("15 votes to 0", (15, 0, N)),
    ("fifteen to nothing", (15, 0, N)),
    ("fifteen-to-nothing", (15, 0, N)),
    ("a 15-to-nothing vote", (15, 0, N)),
    ("by a vote of 13 to 2", (13, 2, N)),
    ("adopted by a vote of 13 to 2", (13, 2, N)),
    ("passed 15-0", (15, 0, N)),
    ("the 15-0 vote", (15, 0, N)),
    ("adopted unanimously", (15, 0, 0)),
    ("unanimously adopted", (15, 0, 0)),
    ("voted unanimously", (15, 0, 0)),
    ("a unanimous vote", (15, 0, 0)),
    ("13 in favour, 2 against", (13, 2, N)),
    ("13 in favor, 2 against, 0 abstentions", (13, 2, 0)),
    ("13 in favour, 2 against and no abstentions", (13, 2, 0)),
    ("13 for, 2 against", (13, 2, N)),
    ("12-0 with 3 abstentions", (12, 0, 3)),
    ("12-0, with 3 abstentions", (12, 0, 3)),
    ("12-0-3", (12, 0, 3)),
    ("with 3 abstentions", (N, N, 3)),
    ("no votes against", (N, 0, N)),
    ("unanimously, 15-0", (15, 0, 0)),
    ("a unanimous 15-0 vote", (15, 0, 0)),
    ("adopted by a unanimous vote of 15-0", (15, 0, 0)),
    ("adopted with 15 votes in favor", (15, N, N)),
    ("the resolution was adopted, 13 in favour and 2 against", (13, 2, N)),
    ({"for": 15}, (15, N, N)),
    ({"for": "15", "against": "0", "abstain": None}, (15, 0, N)),
]


@pytest.mark.parametrize(("raw", "parts"), PARSES)
def test_parse(raw: object, parts: tuple[int | None, int | None, int | None]) -> None:
    value = parse("vote", raw, UNSC)
    assert isinstance(value, Vote)
    assert (value.for_, value.against, value.abstain) == parts


def test_unanimous_without_body_size_leaves_for_unknown() -> None:
    value = parse("vote", "unanimous", ctx())
    assert (value.for_, value.against, value.abstain) == (None, 0, 0)  # type: ignore[attr-defined]


# (a, b, outcome, detail) with body_members = 15
COMPARISONS = [
    ("15-0", "unanimously", Agreement.AGREE, ""),
    ("15-0-0", "unanimous", Agreement.AGREE, ""),
    ("15-to-nothing", "15-0", Agreement.AGREE, ""),
    ("with 15 votes in favor", "15-0-0", Agreement.AGREE, ""),
    ("14-0-1", "unanimous", Agreement.DISAGREE, "for: 14 vs 15; abstain: 1 vs 0"),
    ("14-1", "15-0", Agreement.DISAGREE, "for: 14 vs 15; against: 1 vs 0"),
    ("15-0", "15-1", Agreement.DISAGREE, "against: 0 vs 1"),
    ("with 15 votes in favor", "with 3 abstentions", Agreement.INCOMPARABLE, "no part in common"),
]


@pytest.mark.parametrize(("a", "b", "outcome", "detail"), COMPARISONS)
def test_compare(a: str, b: str, outcome: Agreement, detail: str) -> None:
    result = compare(parse("vote", a, UNSC), parse("vote", b, UNSC))
    assert result.outcome is outcome
    assert detail in result.detail
    assert compare(parse("vote", b, UNSC), parse("vote", a, UNSC)).outcome is outcome


def test_14_0_1_against_unanimous_without_body_size_names_abstain() -> None:
    result = compare(parse("vote", "14-0-1"), parse("vote", "unanimous"))
    assert result.outcome is Agreement.DISAGREE
    assert result.detail == "abstain: 1 vs 0"


def test_describe_and_canonical() -> None:
    value = parse("vote", "15-to-nothing", UNSC)
    assert value.describe() == "'15-to-nothing' (for 15, against 0, abstain ?)"
    assert parse("vote", "unanimous", UNSC).canonical() == parse("vote", "15-0-0").canonical()
    assert parse("vote", "15-0").canonical() == "vote for=15 against=0 abstain=?"
    assert parse("vote", {"for": "15", "against": "0"}).text == "{for: 15, against: 0}"


ERRORS = [
    "15-0-0-0", "", "lots", "15", "15 percent", "Decembruary 2017", "within blue moons",
    "unanimous, 14-1", "a unanimous 14-1 vote", "15-0 with 1 against", "adopted", "it was adopted", "15-0-", "fifteen", "15-0 whatever", "a vote",
    "15-0.5", 15, {"for": "x"}, {"for": "15", "yes": "1"}, {}, {"for": None}, {"for": "-1"},
    {"for": True}, ["15", "0"], None,
]


@pytest.mark.parametrize("raw", ERRORS, ids=repr)
def test_parse_errors(raw: object) -> None:
    with pytest.raises(ValueParseError) as info:
        parse("vote", raw, UNSC)
    assert info.value.message and info.value.expected


# Paths the parametrized tests above reach only for their outcome: exact values and messages.
def test_more_forms() -> None:
    assert parse("vote", "15-0", UNSC) == Vote("15-0", 15, 0, None, False)
    assert parse("vote", "13 in favour, two against", UNSC) == Vote("13 in favour, two against", 13, 2, None, False)
    assert parse("vote", "abstentions: 3", UNSC) == Vote("abstentions: 3", None, None, 3, False)
    assert parse("vote", "unanimous", UNSC) == Vote("unanimous", 15, 0, 0, True)
    # A stated `for` is kept: the body's size fills it only when the text does not state it.
    assert parse("vote", "a unanimous 14-0 vote", UNSC) == Vote("a unanimous 14-0 vote", 14, 0, 0, True)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (15, "'15' is a single number, not a vote tally"),
        (15.0, "'15' is a single number, not a vote tally"),
        (",", "',' is not a vote"),
        (["15", "0"], "a list is not a vote"),
        (None, "an empty value is not a vote"),
        (True, "a boolean is not a vote"),
        ({"for": ["15", "0"]}, "{for: [15, 0]}: 'for' is a list, not a number of votes"),
        ({"for": True}, "{for: true}: 'for' is a boolean, not a number of votes"),
        ({"for": "x"}, "{for: x}: 'for: x' is not a number of votes"),
        ({"for": "15k"}, "{for: 15k}: 'for: 15k' is not a number of votes"),  # no magnitudes in a tally
        ({"for": "1/1"}, "{for: 1/1}: 'for: 1/1' is not a number of votes"),
        ({"for": "15 votes"}, "{for: 15 votes}: 'for: 15 votes' is not a number of votes"),
        ({"for": "15", "yes": "1", "no": "2"}, "unknown keys 'yes', 'no' in a vote mapping (allowed: for, against, abstain)"),
    ],
    ids=repr,
)
def test_error_messages(raw: object, message: str) -> None:
    with pytest.raises(ValueParseError) as info:
        parse("vote", raw, UNSC)
    assert info.value.message == message
    assert info.value.expected.startswith("a vote such as '15-0'")
