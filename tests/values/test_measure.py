"""Measures and the action vocabulary."""

from __future__ import annotations

import dataclasses

import pytest

from factcheck.values import ActionVocabulary, Agreement, Measure, ValueParseError, compare

from .support import ACTION_TABLE, ACTIONS, ctx, parse

ADOPTED = ctx(anchor=__import__("datetime").date(2017, 12, 22))


# --- the vocabulary ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("word", "action"),
    [("ban", "ban"), ("Prohibit", "ban"), ("BAR", "ban"), ("full ban", "ban"), ("Full-Ban", "ban"),
     ("limit", "cap"), ("No increase", "freeze"), ("no_increase", "freeze"), ("send home", "repatriate"),
     ("expel", "repatriate"), ("blacklist", "designate"), ("bans", None), ("urge", None), ("", None)],
)
def test_normalize(word: str, action: str | None) -> None:
    assert ACTIONS.normalize(word) == action


@pytest.mark.parametrize(
    ("a", "b", "incompatible"),
    [("ban", "cap", True), ("cap", "ban", True), ("ban", "freeze", True), ("freeze", "ban", True),
     ("prohibit", "limit", True), ("cap", "freeze", False), ("ban", "inspect", False), ("ban", "ban", False)],
)
def test_incompatible_is_symmetric(a: str, b: str, incompatible: bool) -> None:
    assert ACTIONS.incompatible(a, b) is incompatible


def test_names_and_suggestions() -> None:
    assert ACTIONS.names == ("ban", "cap", "freeze", "repatriate", "inspect", "designate", "report")
    assert ACTIONS.suggest("bann")[0] == "ban"
    assert ActionVocabulary.from_mapping({}).names == ()
    assert ActionVocabulary.from_mapping({"actions": ACTION_TABLE}).names == ACTIONS.names
    assert ActionVocabulary.from_mapping({"inspect": None}).normalize("Inspect") == "inspect"


@pytest.mark.parametrize(
    ("table", "message"),
    [({"ban": {"synonyms": ["bar"]}, "cap": {"synonyms": ["bar"]}}, "'bar' is a name or synonym of both 'ban' and 'cap'"),
     ({"ban": {"incompatible": ["nothing"]}}, "action 'ban': incompatible action 'nothing' is not defined"),
     ({"ban": {"synonyms": "bar"}}, "action 'ban': 'synonyms' must be a list of words"),
     ({"ban": {"incompatible": "cap"}, "cap": None}, "action 'ban': 'incompatible' must be a list of words"),
     ({"ban": {"synonyms": ["bar", " "]}}, "action 'ban': 'synonyms' must be a list of non-empty words"),
     ({"ban": {"synonyms": [""]}}, "action 'ban': 'synonyms' must be a list of non-empty words"),
     ({"ban": {"colour": "red"}}, "action 'ban': unknown keys colour"),
     ({"ban": {"size": 1, "colour": "red"}}, "action 'ban': unknown keys colour, size"),
     ({"ban": ["bar"]}, "action 'ban': expected a mapping with 'synonyms' and 'incompatible'")],
)
def test_broken_vocabulary(table: dict, message: str) -> None:
    with pytest.raises(ValueError) as info:
        ActionVocabulary.from_mapping(table)
    assert str(info.value) == message


def test_an_action_may_carry_a_description() -> None:
    assert ActionVocabulary.from_mapping({"ban": {"description": "no trade at all"}}).names == ("ban",)


def test_suggestions_are_distinct_names_scoring_at_least_70() -> None:
    assert ACTIONS.suggest("bann") == ["ban"]  # 'ban' and 'full ban' both score 70 or more
    assert ACTIONS.suggest("re") == ["cap", "freeze", "repatriate"]  # at most three by default
    assert ActionVocabulary.from_mapping({"abcdefghij": None}).suggest("abcdefgxyz") == ["abcdefghij"]  # scores 70.0
    assert ActionVocabulary.from_mapping({"abcdefghij": None}).suggest("abcdefxyzw") == []  # scores 60.0
    assert ActionVocabulary().suggest("ban") == []


def test_suggestions_look_at_three_times_the_limit_of_words() -> None:
    """Nine words are scored for three names: five synonyms of one name (90), four of another
    (80); a third name (70) is the tenth word and not seen."""
    vocabulary = ActionVocabulary.from_mapping({
        "abcdefghik": {"synonyms": ["abcdefghil", "abcdefghim", "abcdefghin", "abcdefghio"]},
        "abcdefghkk": {"synonyms": ["abcdefghkl", "abcdefghkm", "abcdefghkn"]},
        "abcdefgkkk": None,
    })
    assert vocabulary.suggest("abcdefghij") == ["abcdefghik", "abcdefghkk"]
    assert vocabulary.suggest("abcdefghij", limit=4) == ["abcdefghik", "abcdefghkk", "abcdefgkkk"]


# --- parsing -----------------------------------------------------------------------------------

def test_parse_full_measure() -> None:
    value = parse("measure", {
        "action": "Limit", "target": "refined petroleum products", "direction": "imports",
        "amount": "500,000 barrels per 12 months", "deadline": "within 24 months", "force": "non-binding",
        "condition": "should  the North Korean regime conduct another test",
    }, ADOPTED)
    assert isinstance(value, Measure)
    assert value.action == "cap"
    assert value.target == "refined petroleum products"
    assert value.direction == "import"
    assert value.amount is not None and str(value.amount.interval) == "[495000, 505000]"
    assert value.amount.unit == "barrel/year"
    assert value.deadline is not None and (value.deadline.first.isoformat(), value.deadline.last.isoformat()) == ("2019-12-14", "2019-12-30")
    assert value.force == "non-binding"
    assert value.condition == "should the North Korean regime conduct another test"


def test_defaults_and_target_replacement() -> None:
    value = parse("measure", {"action": "ban", "target": "Coal"})
    assert isinstance(value, Measure)
    assert (value.direction, value.amount, value.deadline, value.force, value.condition) == (None, None, None, "binding", None)
    resolved = dataclasses.replace(value, target="coal")  # what normalization does after entity resolution
    assert resolved.target == "coal" and resolved.action == "ban"
    assert value.text == "{action: ban, target: Coal}"
    assert value.canonical() == resolved.canonical()


# (a, b, outcome, detail fragment)
COMPARISONS = [
    ({"action": "ban", "target": "coal", "direction": "export"},
     {"action": "prohibit", "target": "coal", "direction": "export"}, Agreement.AGREE, ""),
    ({"action": "ban", "target": "coal", "direction": "export"},
     {"action": "cap", "target": "coal", "direction": "export"}, Agreement.DISAGREE, "actions ban and cap are incompatible"),
    ({"action": "freeze", "target": "workers"},
     {"action": "ban", "target": "workers"}, Agreement.DISAGREE, "actions freeze and ban are incompatible"),
    ({"action": "cap", "target": "coal", "force": "binding"},
     {"action": "cap", "target": "coal", "force": "non-binding"}, Agreement.DISAGREE, "force binding vs non-binding"),
    # docs/design.md §4: the NYT cap of 7.5 million metric tons or $400 million
    ({"action": "cap", "target": "coal", "amount": "7.5 million metric tons a year"},
     {"action": "cap", "target": "coal", "amount": "$400 million"}, Agreement.AGREE, ""),  # different dimensions
    ({"action": "cap", "target": "coal", "amount": "no more than $400 million"},
     {"action": "cap", "target": "coal", "amount": {"value": "400870018", "unit": "USD"}}, Agreement.AGREE, ""),
    ({"action": "cap", "target": "coal", "amount": "$700 million"},
     {"action": "cap", "target": "coal", "amount": "$400 million"}, Agreement.DISAGREE, "amounts differ"),
    ({"action": "repatriate", "target": "workers", "deadline": "within 24 months"},
     {"action": "expel", "target": "workers", "deadline": "by the end of 2019"}, Agreement.AGREE, ""),
    ({"action": "repatriate", "target": "workers", "deadline": "within 24 months"},
     {"action": "expel", "target": "workers", "deadline": "within 12 months"}, Agreement.DISAGREE, "deadlines differ"),
    ({"action": "ban", "target": "coal"},
     {"action": "inspect", "target": "coal"}, Agreement.INCOMPARABLE, "different actions"),
    ({"action": "ban", "target": "coal"},
     {"action": "ban", "target": "iron"}, Agreement.INCOMPARABLE, "different targets"),
    ({"action": "ban", "target": "coal", "direction": "export"},
     {"action": "ban", "target": "coal", "direction": "import"}, Agreement.INCOMPARABLE, "different directions"),
]


@pytest.mark.parametrize(("a", "b", "outcome", "detail"), COMPARISONS)
def test_compare(a: dict, b: dict, outcome: Agreement, detail: str) -> None:
    ma, mb = parse("measure", a, ADOPTED), parse("measure", b, ADOPTED)
    result = compare(ma, mb)
    assert result.outcome is outcome
    assert detail in result.detail
    assert compare(mb, ma).outcome is outcome


def test_several_reasons_are_all_named() -> None:
    a = parse("measure", {"action": "ban", "target": "coal", "force": "non-binding"})
    b = parse("measure", {"action": "cap", "target": "coal"})
    assert compare(a, b).detail == "actions ban and cap are incompatible; force non-binding vs binding"


ERRORS = [
    ("ban coal", "{action"),  # a plain string: expected shows the mapping form
    ("", "{action"),
    (["ban", "coal"], "{action"),
    ({"target": "coal"}, ""),
    ({"action": "ban"}, ""),
    ({"action": "bann", "target": "coal"}, "ban"),
    ({"action": "urge", "target": "coal"}, "ban"),
    ({"action": "ban", "target": "coal", "direction": "sideways"}, ""),
    ({"action": "ban", "target": "coal", "force": "urges"}, ""),
    ({"action": "ban", "target": "coal", "amount": "lots"}, "quantity"),
    ({"action": "ban", "target": "coal", "deadline": "within blue moons"}, "deadline"),
    ({"action": "ban", "target": "coal", "scope": "all"}, ""),
    ({"action": ["ban"], "target": "coal"}, ""),
    ({"action": "ban", "target": {"name": "coal"}}, ""),
]


@pytest.mark.parametrize(("raw", "expected_fragment"), ERRORS, ids=repr)
def test_parse_errors(raw: object, expected_fragment: str) -> None:
    with pytest.raises(ValueParseError) as info:
        parse("measure", raw)
    assert info.value.message and info.value.expected
    assert expected_fragment in info.value.expected


def test_unknown_action_lists_actions_and_suggests() -> None:
    with pytest.raises(ValueParseError) as info:
        parse("measure", {"action": "bann", "target": "coal"})
    assert "did you mean 'ban'" in info.value.message
    assert "ban, cap, freeze, repatriate, inspect, designate, report" in info.value.message


def test_nested_errors_name_the_field() -> None:
    with pytest.raises(ValueParseError) as info:
        parse("measure", {"action": "ban", "target": "coal", "amount": "lots"})
    assert info.value.message.startswith("amount: ")


def test_measure_needs_a_vocabulary() -> None:
    from factcheck.values import ParseContext, parse_value

    with pytest.raises(ValueError, match=r"^parsing a measure needs ParseContext\.actions \(the action vocabulary\)$"):
        parse_value("measure", {"action": "ban", "target": "coal"}, ParseContext(published=ADOPTED.published))


def test_an_empty_vocabulary_knows_no_action() -> None:
    with pytest.raises(ValueParseError) as info:
        parse("measure", {"action": "ban", "target": "coal"}, ctx(actions=ActionVocabulary()))
    assert info.value.message == "unknown action 'ban' (known actions: none are defined)"
    assert info.value.expected == "an action from the action vocabulary (none are defined) or one of its synonyms"


def test_one_vocabulary_is_enough_to_find_incompatible_actions() -> None:
    ban = parse("measure", {"action": "ban", "target": "coal"})
    cap = dataclasses.replace(parse("measure", {"action": "cap", "target": "coal"}), vocabulary=None)
    assert compare(ban, cap).detail == "actions ban and cap are incompatible"
    assert compare(cap, ban).detail == "actions cap and ban are incompatible"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("ban coal", "'ban coal' is text; a measure is a mapping of its parts"),
        (15, "'15' is text; a measure is a mapping of its parts"),
        (["ban", "coal"], "a list is given; a measure is a mapping of its parts"),
        ({"action": ["ban"], "target": "coal"}, "a list is not an action"),
        ({"action": "ban", "target": ["coal"]}, "a list is not a target"),
        ({"action": "ban", "target": {"name": "coal"}}, "a mapping is not a target"),
        ({"action": "ban", "target": "coal", "direction": ["export"]}, "a list is not a direction"),
        ({"action": "ban", "target": "coal", "force": ["binding"]}, "a list is not a force"),
        ({"action": "ban", "target": "coal", "condition": ["if"]}, "a list is not a condition"),
    ],
    ids=repr,
)
def test_error_messages(raw: object, message: str) -> None:
    with pytest.raises(ValueParseError) as info:
        parse("measure", raw)
    assert info.value.message == message
    assert info.value.expected.startswith("a mapping {action, target, direction, amount, deadline, force, condition}")


def test_force_may_be_written_with_an_underscore() -> None:
    assert parse("measure", {"action": "ban", "target": "coal", "force": "Non_Binding"}).force == "non-binding"  # type: ignore[attr-defined]


def test_a_missing_direction_is_named_unspecified() -> None:
    a = parse("measure", {"action": "ban", "target": "coal", "direction": "export"})
    b = parse("measure", {"action": "ban", "target": "coal"})
    assert compare(a, b).detail == "different directions: export vs unspecified"
    assert compare(b, a).detail == "different directions: unspecified vs export"
