"""Quotes and statements: tokens, excerpts, near-identical drift, fuzzy statement agreement."""

from __future__ import annotations

import pytest

from factcheck.values import Agreement, Text, ValueParseError, compare
from factcheck.values.text import is_excerpt, negations, numbers, quote_relation, statements_agree, tokens, word_diff

from .support import parse

HALEY = "It sends the unambiguous message to Pyongyang that further defiance will invite further punishment and isolation."
HALEY_89 = "Today's resolution achieves an 89 percent total reduction of the Kim regime's ability to import gasoline, diesel and other refined products."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Tough posturing and confrontation.’’", ["tough", "posturing", "and", "confrontation"]),
        ("O.K., he’s here", ["ok", "he's", "here"]),
        ("the U.S. focus", ["the", "us", "focus"]),
        ("US$400,870,018 and 7.5 tons", ["us", "400870018", "and", "7.5", "tons"]),
        ("an 89 percent cut—or 89%", ["an", "89", "percent", "cut", "or", "89"]),
        ("ＦＵＬＬ width", ["full", "width"]),  # NFKC
        ("  spaced\t\nout  ", ["spaced", "out"]),
        ("sanctions,which", ["sanctions", "which"]),
        ("Resolution 2397 (2017)", ["resolution", "2397", "2017"]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        (HALEY, HALEY.upper(), "same"),
        (HALEY, "It sends the unambiguous message to Pyongyang that further defiance will invite further punishment and isolation", "same"),
        ("“tough posturing and confrontation.”", "tough posturing and confrontation", "same"),
        ("further defiance will invite further punishment", HALEY, "excerpt"),
        (HALEY, "further defiance will invite further punishment", "excerpt"),
        (HALEY, HALEY.replace("sends", "sent"), "near"),
        (HALEY_89, HALEY_89.replace("89", "95"), "near"),  # a number change is drift, never "same"
        (HALEY, "Maximum firmness today is our best antidote to the risk of war.", "different"),
        ("further punishment will invite defiance", HALEY, "different"),  # words, not a contiguous run
        # trimmed and changed: the kept stretch differs from the whole by a word or two
        ("And therefore, I can announce that the parliamentary party does have confidence in Boris Johnson",
         "I can announce that the parliamentary party does have confidence in the prime minister", "near"),
        ("further defiance will bring further punishment", HALEY, "near"),
        ("will invite further trouble", HALEY, "different"),  # under six words: a shared phrase, not a quote
        ("that further defiance will invite further pun", HALEY, "excerpt"),  # cut mid-word where the page broke off
    ],
)
def test_quote_relation(a: str, b: str, relation: str) -> None:
    assert quote_relation(a, b) == relation
    assert quote_relation(b, a) == relation


def test_excerpt_needs_a_contiguous_run() -> None:
    assert is_excerpt("unambiguous message", HALEY)
    assert not is_excerpt("message unambiguous", HALEY)
    assert not is_excerpt("", HALEY)
    assert not is_excerpt("sage to", HALEY)  # whole words only
    assert is_excerpt(["further", "defiance"], tokens(HALEY))


@pytest.mark.parametrize(
    ("a", "b", "diff"),
    [
        (HALEY, HALEY.replace("sends", "sent"), "-[sends] +[sent]"),
        (HALEY_89, HALEY_89.replace("89", "95"), "-[89] +[95]"),
        ("the new resolution", "the resolution", "-[new]"),
        ("the resolution", "the new resolution", "+[new]"),
        ("same words", "Same words.", ""),
    ],
)
def test_word_diff(a: str, b: str, diff: str) -> None:
    assert word_diff(a, b) == diff


STATEMENTS = [
    ("The United States drafted the resolution", "The resolution was drafted by the United States", True),
    ("The United States drafted the resolution", "the united states drafted the resolution.", True),
    ("The resolution was not drafted by the United States", "The resolution was drafted by the United States", False),
    ("The resolution wasn't drafted by the United States", "The resolution was drafted by the United States", False),
    ("The resolution wasn't drafted by the United States", "The resolution was not drafted by the United States", True),
    ("The resolution was never drafted by the United States", "The resolution was drafted by the United States", False),
    ("The resolution cuts refined petroleum imports by 89 percent", "The resolution cuts refined petroleum imports by 95 percent", False),
    ("The resolution cuts refined petroleum imports by 89 percent", "The resolution cuts refined petroleum imports by 89 percent", True),
    ("Fifteen members voted for the resolution", "15 members voted for the resolution", True),
    ("The cap is 7.5 million metric tons", "The cap is 7,500,000 metric tons", True),
    ("Resolution 2397 bans coal exports", "Resolution 2371 bans coal exports", False),
    ("The third round of sanctions", "The fourth round of sanctions", False),
    ("China supported the resolution", "North Korea condemned the sanctions as an act of war", False),
]


@pytest.mark.parametrize(("a", "b", "agree"), STATEMENTS)
def test_statements_agree(a: str, b: str, agree: bool) -> None:
    assert statements_agree(a, b) is agree
    assert statements_agree(b, a) is agree


def test_negations_and_numbers() -> None:
    assert negations("it did not and didn't and cannot") == {"not": 3}
    assert negations("none nor never") == {"none": 1, "nor": 1, "never": 1}
    assert numbers("7.5 million, 7,500,000 and twenty-one") == {"7500000": 2, "21": 1}
    assert numbers("the 15th and fifteenth") == {"#15": 2}


# --- the value types ---------------------------------------------------------------------------

def test_parse_quote_and_text() -> None:
    quote = parse("quote", "  “tough  posturing and confrontation.’’ ")
    assert isinstance(quote, Text)
    assert quote.kind == "quote"
    assert quote.normalized == "\"tough posturing and confrontation.''"
    assert quote.tokens == ("tough", "posturing", "and", "confrontation")
    assert quote.canonical() == "quote tough posturing and confrontation"
    statement = parse("text", "The United States drafted the resolution")
    assert isinstance(statement, Text) and statement.kind == "text"
    assert statement.describe() == "'The United States drafted the resolution'"


# (type, a, b, outcome, detail fragment)
COMPARISONS = [
    ("quote", HALEY, HALEY.lower(), Agreement.AGREE, ""),
    ("quote", "further defiance will invite further punishment", HALEY, Agreement.AGREE, "excerpt"),
    ("quote", HALEY, HALEY.replace("sends", "sent"), Agreement.DISAGREE, "-[sends] +[sent]"),
    ("quote", HALEY_89, HALEY_89.replace("89", "95"), Agreement.DISAGREE, "-[89] +[95]"),
    ("quote", HALEY, "Maximum firmness today is our best antidote to the risk of war.", Agreement.INCOMPARABLE, ""),
    ("text", "The United States drafted the resolution", "The resolution was drafted by the United States", Agreement.AGREE, ""),
    ("text", "The resolution was not drafted by the United States", "The resolution was drafted by the United States", Agreement.INCOMPARABLE, ""),
    ("text", "China supported the resolution", "Russia voted for the resolution", Agreement.INCOMPARABLE, ""),
]


@pytest.mark.parametrize(("type_name", "a", "b", "outcome", "detail"), COMPARISONS)
def test_compare(type_name: str, a: str, b: str, outcome: Agreement, detail: str) -> None:
    result = compare(parse(type_name, a), parse(type_name, b))
    assert result.outcome is outcome
    assert detail in result.detail
    assert compare(parse(type_name, b), parse(type_name, a)).outcome is outcome


def test_quote_and_text_are_not_compared() -> None:
    assert compare(parse("quote", HALEY), parse("text", HALEY)).outcome is Agreement.INCOMPARABLE


@pytest.mark.parametrize("type_name", ["quote", "text"])
@pytest.mark.parametrize("raw", ["", "   ", "“”", "...", None, {"text": "x"}, ["a", "b"], True])
def test_parse_errors(type_name: str, raw: object) -> None:
    with pytest.raises(ValueParseError) as info:
        parse(type_name, raw)
    assert info.value.message and info.value.expected
