"""Quotes and statements: tokens, excerpts, near-identical drift, fuzzy statement agreement."""

from __future__ import annotations

import pytest

from factcheck.values import Agreement, Text, ValueParseError, compare
from factcheck.values import text as text_module
from factcheck.values.text import (
    StatementForm,
    _cut_mid_word,
    _number_spans,
    forms_agree,
    is_excerpt,
    negations,
    numbers,
    parse_text,
    quote_relation,
    statement_form,
    statements_agree,
    tokens,
    word_diff,
)

from .support import ctx, parse

HALEY = "It sends the unambiguous message to Pyongyang that further defiance will invite further punishment and isolation."
HALEY_89 = "Today's resolution achieves an 89 percent total reduction of the Kim regime's ability to import gasoline, diesel and other refined products."


@pytest.fixture(autouse=True)
def _cold_token_shortcuts() -> None:
    """Each test reads numbers as a fresh process does: the per-token shortcuts of _number_spans
    (its kinds and number-word keys) are worked out again, not taken from what earlier tests left."""
    text_module._TOKEN_KINDS.clear()
    text_module._WORD_KEYS.clear()


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
        # a '.' stays only between digits, a ',' goes only between digits (else it splits)
        ("v.2 5.a a,5 5,a 5a.5", ["v2", "5a", "a", "5", "5", "a", "5a5"]),
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
        ("further pun", HALEY, "excerpt"),  # two words are enough for a cut excerpt
        ("pun", "punishment and isolation", "different"),  # one cut word is not
        ("the deal is bad news", "the deal is new news", "near"),  # ratio exactly 85 (the bound is inclusive)
        ("will invite new punishment and isolation", HALEY, "near"),  # partial ratio exactly 85, six words
        ("", "...", "same"),  # no words either side
        ("", "words", "different"),
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
    assert is_excerpt("Unambiguous message.", "unambiguous message")  # equal wordings
    assert not is_excerpt([], [])


def test_cut_mid_word_looks_at_every_occurrence() -> None:
    """quote_relation asks only when the short wording is no whole-word run of the long one; on its
    own the check passes whole-word occurrences by and finds one whose last word goes on."""
    short = tokens("the council")
    assert _cut_mid_word(short, tokens("the council and the councillors"))
    assert _cut_mid_word(short, tokens("the councillors and the council"))
    assert _cut_mid_word(short, tokens("the council and the councillors and the council"))
    assert not _cut_mid_word(short, tokens("the council met"))
    assert not _cut_mid_word(short, tokens("we met the council"))
    assert _cut_mid_word(tokens("the coun"), tokens("the council"))
    assert not _cut_mid_word(["coun"], tokens("the council"))


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
    ("The council adopted the resolution unanimously", "The council adopted it unanimously", True),  # WRatio 90.6
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
    assert negations("no, no and never") == {"no": 2, "never": 1}


def test_statements_agree_takes_a_threshold() -> None:
    a, b = "The United States drafted the resolution", "The US drafted the resolution"  # WRatio 88.9
    assert not statements_agree(a, b)
    assert statements_agree(a, b, threshold=85)
    near = statement_form("The council adopted the resolution unanimously"), statement_form("The council adopted it unanimously")
    assert forms_agree(*near)  # WRatio 90.6: the default threshold is 90
    assert not forms_agree(*near, threshold=91)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one two three", {"1": 1, "2": 1, "3": 1}),
        ("the third round", {"#3": 1}),
        ("the fifteenth round", {"#15": 1}),
        ("in 2017 fifteen members", {"2017": 1, "15": 1}),
        ("1 000 tons", {"1000": 1}),  # a thousands group after a space
        ("4 million tons, 4m tons and 4 m tons", {"4000000": 3}),
        ("seven and a half", {"7": 1, "1/2": 1}),
        ("the 1990s", {"1990s": 1}),  # digits no reader reads to the token's end: still a number
        ("model x2 and resolution 2397a", {"x2": 1, "2397a": 1}),
        ("x2 15 tons", {"x2": 1, "15": 1}),
        ("between three and 5", {"3": 1, "5": 1}),  # a number word before a one-character last token
        ("the 21th session", {"21th": 1}),  # a malformed ordinal is still a number
        ("he's here", {}),
        ("élan and Ελλάδα", {}),  # letters outside a-z start no number word
        ([".5", "-3"], {"1/2": 1, "-3": 1}),  # tokens given as they are: the readers read these
    ],
)
def test_numbers(text: str | list[str], expected: dict[str, int]) -> None:
    assert numbers(text) == expected
    assert numbers(text) == expected  # again, with the token shortcuts now kept


def test_number_spans_of_odd_joins() -> None:
    """An empty token (a space at either end or two in a row) is no number and hides none."""
    assert _number_spans(" two") == [(1, 4, "2")]
    assert _number_spans("one ") == [(0, 3, "1")]
    assert _number_spans("a  one") == [(3, 6, "1")]


def test_statement_form() -> None:
    assert statement_form("The cap is 7.5 million tons, not 7,500,001") == StatementForm(
        negations=(("not", 1),), numbers=(("7500000", 1), ("7500001", 1)), wording="the cap is 7500000 tons not 7500001"
    )
    assert statement_form("...") is None


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


@pytest.mark.parametrize(
    ("type_name", "raw", "message", "expected"),
    [
        ("quote", "...", "'...' has no words; it is not a quote", "the quoted words as text"),
        ("text", "...", "'...' has no words; it is not a statement", "a statement as text"),
        ("quote", None, "an empty value is not a quote", "the quoted words as text"),
        ("text", None, "an empty value is not a statement", "a statement as text"),
    ],
)
def test_parse_error_messages(type_name: str, raw: object, message: str, expected: str) -> None:
    with pytest.raises(ValueParseError) as info:
        parse(type_name, raw)
    assert (info.value.message, info.value.expected) == (message, expected)


def test_parse_text_reads_a_statement_by_default() -> None:
    assert parse_text("The United States drafted the resolution", ctx()) == parse("text", "The United States drafted the resolution")
    assert parse_text("The United States drafted the resolution", ctx()).kind == "text"
