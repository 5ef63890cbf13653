"""lexicon.py and quotemarks.py: the word classes and quotation marks every finder shares."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from factcheck.extract import lexicon
from factcheck.extract.article import read_article
from factcheck.extract.lexicon import (
    QUANTITY_UNITS, SPEECH_VERB_FORMS, SPEECH_VERBS, inflections, is_narrator_role, lemmas,
)
from factcheck.extract.quotemarks import quote_spans
from factcheck.extract.quotes import find_quotes
from factcheck.extract.values import find_values
from factcheck.values import ParseContext, parse_value
from factcheck.values.quantity import UNIT_WORDS

DAY = dt.date(2017, 12, 22)


# --- speech verbs and the lemmatizer -------------------------------------------------------------


def test_every_speech_verb_form_reads_back_to_its_verb() -> None:
    for form in SPEECH_VERB_FORMS:
        assert {lemma for lemma, _ in lemmas(form)} & SPEECH_VERBS, form


@pytest.mark.parametrize(
    ("lemma", "forms", "expected"),
    [
        ("say", ("base", "s", "ed", "ing"), {"say", "says", "said", "saying"}),
        ("tell", ("ed",), {"told"}),
        ("reply", ("base", "s", "ed", "ing"), {"reply", "replies", "replied", "replying"}),
        ("stress", ("s",), {"stresses"}),
        ("admit", ("ed",), {"admitted"}),
        ("quip", ("ed",), {"quipped"}),
        ("label", ("ed",), {"labeled", "labelled"}),
        ("argue", ("ed", "ing"), {"argued", "arguing"}),
        ("testify", ("ed",), {"testified"}),
        ("write", ("base", "s", "ed"), {"write", "writes", "wrote"}),
        # -es after a sibilant: no speech verb ends in x, z, ch or sh, so these are checked here
        ("reach", ("s",), {"reaches"}),
        ("tax", ("s",), {"taxes"}),
        ("buzz", ("s",), {"buzzes"}),
        ("push", ("s",), {"pushes"}),
        ("label", ("ing",), {"labeling", "labelling"}),
    ],
)
def test_inflections(lemma: str, forms: tuple[str, ...], expected: set[str]) -> None:
    assert inflections(lemma, forms) == expected


@pytest.mark.parametrize(
    ("word", "words", "form"),
    [
        ("imposed", {"impose"}, "ed"),
        ("banning", {"ban"}, "ing"),  # the doubled consonant
        ("held", {"hold"}, "ed"),  # irregular
        ("expulsions", {"expel"}, "noun"),
        ("sanctions", {"sanction"}, "s"),
        ("notes", {"vote"}, None),
    ],
)
def test_has_lemma(word: str, words: set[str], form: str | None) -> None:
    """measures.py asks in which form a token inflects one of its verbs ("banning" is an -ing of "ban")."""
    assert lexicon.has_lemma(word, words) == form


@pytest.mark.parametrize(
    ("text", "unit"),
    [("metric tonnes of grain", "metric tonnes"), ("pounds sterling a year", "pounds sterling"), ("miles away", "miles"),
     ("percentage points higher", "percentage points")],
)
def test_alternation_tries_the_longest_word_first(text: str, unit: str) -> None:
    """A unit that starts another ("mi", "miles"; "pound", "pounds sterling") never cuts it short."""
    match = re.match(lexicon.alternation(QUANTITY_UNITS), text)
    assert match is not None and match.group() == unit


def test_nouns_are_speech_verbs_only_in_the_past() -> None:
    assert {"stated", "claimed", "posted", "answered"} <= SPEECH_VERB_FORMS
    assert not {"state", "states", "claim", "claims", "post", "posts", "answer", "term"} & SPEECH_VERB_FORMS
    assert not {"reporting", "writing", "written"} & SPEECH_VERB_FORMS


def test_a_speech_verb_attributes_a_quote() -> None:
    quotes = find_quotes(read_article('"We will not back down," Jane Roe quipped on Tuesday.'), None)
    assert [(q.text, q.speaker) for q in quotes] == [("We will not back down", "Jane Roe")]


# --- narrator roles ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["BYLINE", "HOST", "NPR HOST", "NARRATOR", "correspondent"])
def test_narrator_roles(role: str) -> None:
    assert is_narrator_role(role)


@pytest.mark.parametrize("role", [None, "", "SENATOR", "HOSTAGE NEGOTIATOR"])
def test_not_narrator_roles(role: str | None) -> None:
    assert not is_narrator_role(role)


def test_a_narrators_numbers_are_not_quoted() -> None:
    text = (
        "JANE DOE, NARRATOR: Exports fell 30 percent.\n\n"
        "NIKKI HALEY: It achieves an 89 percent total reduction.\n"
    )
    mentions = find_values(read_article(text), DAY)
    assert [(m.value, m.in_quote) for m in mentions] == [("30 percent", False), ("89 percent", True)]


# --- units ---------------------------------------------------------------------------------------


def test_every_parser_unit_is_extracted() -> None:
    """Each unit word the quantity parser reads gives a quantity (the bare "t" only attached)."""
    assert QUANTITY_UNITS == set(UNIT_WORDS) - {"t"}
    ctx = ParseContext(published=DAY)
    for unit in sorted(QUANTITY_UNITS):
        number = "40" if unit in ("%",) else "40 "
        text = f"The figure reached {number}{unit} in the end."
        mentions = [m for m in find_values(read_article(text), DAY) if m.kind == "quantity"]
        assert [m.value for m in mentions] == [f"{number}{unit}".replace("40%", "40%")], unit
        parse_value("quantity", mentions[0].value, ctx)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Units the extractor used to miss although the parser reads them.
        ("Seoul fined the firm 500 million won last year.", ("500 million won", "amount")),
        ("The plan runs for 3 yrs.", ("3 yrs", "duration")),
        ("The loan is 40 US dollar.", ("40 US dollar", "amount")),
        ("The levy raised 30 pounds per household.", ("30 pounds", "amount")),
    ],
)
def test_units_the_extractor_used_to_miss(text: str, expected: tuple[str, str]) -> None:
    quantities = [(m.value, m.predicate) for m in find_values(read_article(text), DAY) if m.kind == "quantity"]
    assert quantities == [expected]


def test_a_spaced_t_is_a_letter() -> None:
    assert not [m for m in find_values(read_article("Plan 5 t was dropped."), DAY) if m.kind == "quantity"]


# --- quotation marks -----------------------------------------------------------------------------


def spans(text: str) -> list[str]:
    return [text[q.start:q.end] for q in quote_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we cut it” and “more”.", ["we cut it", "more"]),
        ('He said "we cut it" and left.', ["we cut it"]),
        ("He said ``we cut it'' and left.", ["we cut it"]),
        ("She called it ‘a disgrace’ today.", ["a disgrace"]),
        ("She called it 'a disgrace' today.", ["a disgrace"]),  # British straight single quotes
        ("It's North Korea's coal, rock 'n' roll.", []),
        ('A 12" screen, he said "is enough".', ["is enough"]),  # an inch mark opens nothing
        ("He said ‘it was “final”, and that is that’ today.", ["it was “final”, and that is that"]),
        ("He said “it goes on", ["it goes on"]),  # unclosed: to the end
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_values_and_quotes_see_the_same_quotation_marks() -> None:
    """An inch mark no longer flips the numbers after it into a quotation (values.py paired
    straight quotes by parity), and British single quotes now count."""
    text = "The 12\" panels cost $5 each. She called it 'a 30 percent cut' then."
    mentions = find_values(read_article(text), DAY)
    assert [(m.value, m.in_quote) for m in mentions] == [("$5", False), ("30 percent", True)]


def test_the_lexicon_has_one_list_per_class() -> None:
    assert "may" in lexicon.MONTHS and "may" not in lexicon.MONTH_ABBREVIATIONS
    assert {"through", "like", "within"} <= lexicon.PREPOSITIONS
    assert "whose" in lexicon.DETERMINERS and not lexicon.DETERMINERS & lexicon.QUANTIFIERS
    assert "all" not in lexicon.DETERMINERS | lexicon.QUANTIFIERS  # "they all said" keeps its verb
